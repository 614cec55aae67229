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
expect_eq "JSON signal objects" 9 "$(grep -c '"type":"signal"' "$T/json")"

# a signal that kills: its line, then the death. With a core (SIGSEGV) it is delivered as any
# other; without (SIGTERM, SIGPIPE) the kernel makes it a group kill when it is sent and it is
# shown from the queue it still sits in. SIGKILL has no line (ptrace never stops for it).
for sig in SEGV TERM; do
	(ulimit -c 0; "$SYSOBS" -o "$T/$sig" -- sh -c "kill -$sig \$\$")
	st=$?
	[ $sig = SEGV ] && want=139 || want=143
	expect_eq "exit status (SIG$sig)" $want $st
	tail -n 2 "$T/$sig" | head -n 1 | grep -q -E "^--- SIG$sig \\{si_signo=SIG$sig, si_code=SI_USER, si_pid=[0-9]+, si_uid=[0-9]+\\} ---\$" ||
		fail "no SIG$sig line before the death: $(tail -n 2 "$T/$sig")"
	expect_eq "last line (SIG$sig)" "+++ killed by SIG$sig +++" "$(tail -n 1 "$T/$sig")"
done
"$SYSOBS" -o "$T/kill" -- sh -c 'kill -KILL $$'
expect_eq "exit status (SIGKILL)" 137 "$?"
grep -q '^--- ' "$T/kill" && fail "a signal line for SIGKILL: $(grep '^--- ' "$T/kill")"
exit 0
