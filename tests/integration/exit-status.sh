# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# sysobs exits with the command's status; exit_group shows "= ?" and the exit line follows.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- sh -c 'exit 7'
expect_eq "exit status of sh -c 'exit 7'" 7 "$?"
expect_eq "last lines" "exit_group(7)                           = ?
+++ exited with 7 +++" "$(tail -n 2 "$T/trace")"

"$SYSOBS" -o "$T/trace" -- false
expect_eq "exit status of false" 1 "$?"
expect_eq "last line" "+++ exited with 1 +++" "$(tail -n 1 "$T/trace")"

# the command's stdin and stdout pass through
expect_eq "stdin to stdout" "through" "$(echo through | "$SYSOBS" -o "$T/trace" -- cat)"

# A real-time signal death is named as the kernel numbers signals (strace's SIGRT_n counts from
# 32), the same in the "+++ killed by" line as in the delivery line: 36 is SIGRT_4.
"$SYSOBS" -o "$T/trace" -e trace=none -- sh -c 'kill -36 $$'
expect_eq "exit status of a death by signal 36" 164 "$?"
expect_eq "real-time signal death" "--- SIGRT_4 {si_signo=SIGRT_4, si_code=SI_USER, si_pid=PID, si_uid=0} ---
+++ killed by SIGRT_4 +++" "$(sed 's/si_pid=[0-9]*/si_pid=PID/' "$T/trace")"
"$SYSOBS" --json -o "$T/trace.json" -e trace=none -- sh -c 'kill -36 $$'
grep -q '"signal":"SIGRT_4"' "$T/trace.json" || fail "JSON exit names signal 36 SIGRT_4: $(cat "$T/trace.json")"
