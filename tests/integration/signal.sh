# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# A command killed by a signal: "+++ killed by SIGX +++" and sysobs ends by the same signal (a
# shell sees 128 + N; tests/integration/strace-qualifiers.sh sees the signal itself).
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- sh -c 'kill -9 $$'
expect_eq "exit status (SIGKILL)" 137 "$?"
expect_eq "last line" "+++ killed by SIGKILL +++" "$(tail -n 1 "$T/trace")"

"$SYSOBS" -o "$T/trace" -- sh -c 'kill -TERM $$'
expect_eq "exit status (SIGTERM)" 143 "$?"
expect_eq "last line" "+++ killed by SIGTERM +++" "$(tail -n 1 "$T/trace")"

# SIGTERM to sysobs is passed on to the command, whose death is traced and whose status is ours
"$SYSOBS" -o "$T/trace" -- sleep 30 &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
expect_eq "exit status after SIGTERM to sysobs" 143 "$?"
expect_eq "last line" "+++ killed by SIGTERM +++" "$(tail -n 1 "$T/trace")"

# SIGINT twice (not from a terminal): sysobs stops tracing at once, the command goes on
"$SYSOBS" -o "$T/trace" -- sh -c "echo \$\$ >$T/cmd.pid; exec sleep 3" &
pid=$!
sleep 1
kill -INT $pid
sleep 0.2
kill -INT $pid
wait $pid
expect_eq "exit status after two SIGINTs" 130 "$?"
kill -0 "$(cat "$T/cmd.pid")" 2>/dev/null || fail "the command did not go on"
exit 0
