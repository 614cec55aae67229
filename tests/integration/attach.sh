# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# -p PID: a running process, from now until it ends (or Ctrl-C: it goes on untraced); with -f
# its other threads too. --system-wide: every process but sysobs. Both exit 0.
. "$SRCDIR/tests/lib.sh"
need_bpf

# -p: the named thread only, to the end of the process
start_attachee 3000
"$SYSOBS" -p "$AP" -o "$T/p" 2>"$T/p.err"
expect_eq "-p: exit status" 0 "$?"
wait "$AP"
expect_eq "attachee's own status" 7 "$?"
n=$(grep -c '^close(-4242) *= -1 EBADF (Bad file descriptor)$' "$T/p")
[ "$n" -ge 10 ] || fail "-p: $n close(-4242) lines"
grep -q 'close(-4343)' "$T/p" && fail "-p without -f traced the other thread"
expect_eq "-p: last line" "+++ exited with 7 +++" "$(tail -n 1 "$T/p")"
[ -n "$(diag "$T/p.err")" ] && fail "-p: stderr: $(cat "$T/p.err")"

# -f -p: every thread, each line with its tid
start_attachee 3000
"$SYSOBS" -f -p "$AP" -o "$T/fp" || fail "-f -p: exit status $?"
wait "$AP"
main=$(grep -c "^$AP  *close(-4242) " "$T/fp")
other=$(grep 'close(-4343)' "$T/fp" | awk '{ print $1 }' | sort -u)
[ "$main" -ge 10 ] || fail "-f -p: $main close(-4242) lines from $AP"
[ -n "$other" ] && [ "$other" != "$AP" ] || fail "-f -p: the second thread's lines: '$other'"
expect_eq "-f -p: last line" "$AP +++ exited with 7 +++" "$(tail -n 1 "$T/fp" | tr -s ' ')"

# SIGINT stops tracing; the process goes on
start_attachee 30000
"$SYSOBS" -p "$AP" -o "$T/int" 2>/dev/null &
SP=$!
wait_for "$T/int" '^close(-4242) ' "-p: nothing traced"
kill -INT "$SP"
wait "$SP"
expect_eq "-p after SIGINT: exit status" 0 "$?"
kill -0 "$AP" 2>/dev/null || fail "the attached process did not go on"
kill "$AP"
wait "$AP" 2>/dev/null

# bad -p
"$SYSOBS" -p 999999999 2>"$T/err"
expect_eq "status, no such process" 1 "$?"
expect_eq "message" "sysobs: cannot attach to process 999999999: No such process" "$(diag "$T/err")"
"$SYSOBS" -p 12x 2>"$T/err"
expect_eq "status, bad -p" 2 "$?"
grep -q "invalid -p '12x'" "$T/err" || fail "no -p message in: $(cat "$T/err")"
"$SYSOBS" -p 1 -- true 2>"$T/err"
expect_eq "status, -p and a command" 2 "$?"
grep -q 'cannot be combined' "$T/err" || fail "no message in: $(cat "$T/err")"

# --system-wide: a program started later shows, with its pid; sysobs itself does not
"$SYSOBS" --system-wide -o "$T/sw" 2>/dev/null &
SP=$!
i=0
until [ -s "$T/sw" ]; do	# tracing: this loop's own sleeps show
	i=$((i + 1))
	[ $i -lt 200 ] || fail "--system-wide: nothing traced in 10 s"
	sleep 0.05
done
"$PROGS/errors" >/dev/null &
EP=$!
wait "$EP"
sleep 0.3
kill -INT "$SP"
wait "$SP"
expect_eq "--system-wide: exit status" 0 "$?"
grep -q "^$EP  *chdir(\"/nonexistent/sysobs-test-dir\") *= -1 ENOENT (No such file or directory)$" "$T/sw" ||
	fail "--system-wide: no chdir line of pid $EP"
grep -q "^$SP " "$T/sw" && fail "--system-wide traced sysobs itself"
exit 0
