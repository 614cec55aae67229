# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Signal delivery as strace shows it: "--- SIGX {si_signo=...} ---" and the handler's
# rt_sigreturn({mask=[...]}); the test program prints the lines it expects. JSON has the same
# as "signal" objects.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- "$PROGS/signals" >"$T/expected" || fail "sysobs failed: $?"
between_marks "$T/trace" >"$T/actual"
check_diff "$T/expected" "$T/actual"

# -f prefixes signal lines as it does calls
"$SYSOBS" -f -o "$T/ftrace" -- "$PROGS/signals" >/dev/null || fail "sysobs -f failed: $?"
grep -q -E '^[0-9]+ +--- SIGALRM \{si_signo=SIGALRM, si_code=SI_KERNEL\} ---$' "$T/ftrace" ||
	fail "-f -o: no prefixed SIGALRM line"

# JSON: a "signal" object per delivery, with the text trace's siginfo
"$SYSOBS" --json -o "$T/json" -- "$PROGS/signals" >/dev/null || fail "sysobs --json failed: $?"
obj=$(grep '"type":"signal"' "$T/json" | grep '"signal":"SIGSEGV"')
[ -n "$obj" ] || fail "no JSON signal object for SIGSEGV"
echo "$obj" | grep -q '"signo":11,"signal":"SIGSEGV","si_code":1,"code":"SEGV_MAPERR","info":"{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}"}$' ||
	fail "JSON SIGSEGV object: $obj"
expect_eq "JSON signal objects" 6 "$(grep -c '"type":"signal"' "$T/json")"

# a signal that kills and dumps core: its line, then the death. One that kills without a core
# (SIGTERM) the kernel turns into a kill of the whole group when it is sent, so it is never
# delivered: only the death shows, as for SIGKILL (strace's tracee keeps the signal: strace
# shows a line for SIGTERM).
(ulimit -c 0; "$SYSOBS" -o "$T/segv" -- sh -c 'kill -SEGV $$')
expect_eq "exit status (SIGSEGV)" 139 "$?"
tail -n 2 "$T/segv" | head -n 1 | grep -q -E '^--- SIGSEGV \{si_signo=SIGSEGV, si_code=SI_USER, si_pid=[0-9]+, si_uid=[0-9]+\} ---$' ||
	fail "no SIGSEGV line before the death: $(tail -n 2 "$T/segv")"
expect_eq "last line (SIGSEGV)" "+++ killed by SIGSEGV +++" "$(tail -n 1 "$T/segv")"
"$SYSOBS" -o "$T/kill" -- sh -c 'kill -KILL $$'
expect_eq "exit status (SIGKILL)" 137 "$?"
grep -q '^--- ' "$T/kill" && fail "a signal line for SIGKILL: $(grep '^--- ' "$T/kill")"
exit 0
