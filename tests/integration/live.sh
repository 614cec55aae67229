# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# --live: a call that blocks is shown while it blocks ("read(0,  <unfinished ...>", its inputs,
# from /proc/TID/syscall when the ring is quiet), then, as strace shows it, "<... read resumed>"
# and its outputs when it returns. Without --live only the full line.
. "$SRCDIR/tests/lib.sh"
need_bpf

# long enough for two quiet looks (0.2 s apart) after start-up, which is slow in the TCG VMs
wait_s=1
[ -n "${SYSOBS_VM:-}" ] && wait_s=4
(sleep $wait_s; echo hi) | "$SYSOBS" --live -o "$T/trace" -- "$PROGS/blockread" 2>"$T/err"
expect_eq "exit status (bytes read)" 3 "$?"
grep -n '^read(0,  <unfinished ...>$' "$T/trace" >"$T/blocked" ||
	fail "no <unfinished ...> line for the blocked read: $(tail -n 5 "$T/trace")"
grep -n '^<\.\.\. read resumed>"hi\\n", 16) *= 3$' "$T/trace" >"$T/done" ||
	fail "no resumed read line"
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
