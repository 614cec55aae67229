# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# --live: a call that blocks is shown while it blocks ("<unfinished ...>", from
# /proc/TID/syscall when the ring is quiet), then in full when it returns. Without --live
# (the default when the trace is not a terminal) only the full line.
. "$SRCDIR/tests/lib.sh"
need_bpf

(sleep 1; echo hi) | "$SYSOBS" --live -o "$T/trace" -- sh -c 'read x; exit 0' 2>"$T/err"
expect_eq "exit status" 0 "$?"
grep -n '^read(0, 0x[0-9a-f]*, [0-9]* <unfinished ...>$' "$T/trace" >"$T/blocked" ||
	fail "no <unfinished ...> line for the blocked read: $(tail -n 5 "$T/trace")"
grep -n '^read(0, "h", [0-9]*) *= 1$' "$T/trace" >"$T/done" || fail "no completed read line"
[ "$(head -n 1 "$T/blocked" | cut -d: -f1)" -lt "$(head -n 1 "$T/done" | cut -d: -f1)" ] ||
	fail "the blocked line does not come before the completed one"

(sleep 1; echo hi) | "$SYSOBS" -o "$T/trace" -- sh -c 'read x; exit 0' 2>"$T/err"
grep -q 'unfinished' "$T/trace" && fail "unfinished lines without --live"
exit 0
