# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# --live: a call that blocks is shown while it blocks ("<unfinished ...>", from
# /proc/TID/syscall when the ring is quiet), then in full when it returns. Without --live
# (the default when the trace is not a terminal) only the full line.
. "$SRCDIR/tests/lib.sh"
need_bpf

# The input comes only once the blocked line is there (or after 20 s): start-up is slow in the
# TCG VMs and under sanitizers, and a fixed wait made this test depend on the machine's load.
mkfifo "$T/in" || exit 99
"$SYSOBS" --live -o "$T/trace" -- "$PROGS/blockread" <"$T/in" 2>"$T/err" &
pid=$!
exec 3>"$T/in"
i=0
while [ $i -lt 200 ] && ! grep -q 'unfinished' "$T/trace" 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
echo hi >&3
exec 3>&-
wait $pid
expect_eq "exit status (bytes read)" 3 "$?"
grep -n '^read(0, 0x[0-9a-f]*, 16 <unfinished ...>$' "$T/trace" >"$T/blocked" ||
	fail "no <unfinished ...> line for the blocked read: $(tail -n 5 "$T/trace")"
grep -n '^read(0, "hi\\n", 16) *= 3$' "$T/trace" >"$T/done" || fail "no completed read line"
[ "$(head -n 1 "$T/blocked" | cut -d: -f1)" -lt "$(head -n 1 "$T/done" | cut -d: -f1)" ] ||
	fail "the blocked line does not come before the completed one"

(sleep 1; echo hi) | "$SYSOBS" -o "$T/trace" -- "$PROGS/blockread" 2>"$T/err"
grep -q 'unfinished' "$T/trace" && fail "unfinished lines without --live"

# A thread that makes a call and then computes: the scheduler tick sends its batch, so the
# call is in the trace while the thread still runs.
"$SYSOBS" -o "$T/busy" -- "$PROGS/busy" 4 2>/dev/null &
pid=$!
sleep 1.5
grep -q '^getppid() ' "$T/busy" || fail "the call before the computation is not in the trace yet"
kill -0 $pid 2>/dev/null || fail "the busy program ended too early for the check"
wait $pid
exit 0
