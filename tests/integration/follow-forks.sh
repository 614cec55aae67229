# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# -f follows a forked child: its calls carry its pid, its exit is reported; without -f it is
# not traced at all.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -f -o "$T/trace" -- "$PROGS/fork" >"$T/out" || fail "sysobs -f failed: $?"
set -- $(cat "$T/out")
parent=$2 child=$4
expect_eq "child's status" 3 "$6"
grep -q "^$child *chdir(\"/nonexistent/sysobs-child\") *= -1 ENOENT (No such file or directory)$" "$T/trace" ||
	fail "the child's chdir is not in the trace"
grep -q "^$child *+++ exited with 3 +++$" "$T/trace" || fail "no exit line for the child"
grep -q "^$parent *wait4($child, .*= $child$" "$T/trace" || fail "no wait4 returning the child in the parent"
grep -q "^$parent *+++ exited with 0 +++$" "$T/trace" || fail "no exit line for the parent"
# every line carries its pid, as strace -f -o does
grep -v -E "^($parent|$child) +" "$T/trace" >&2 && fail "lines without a pid prefix"

# on stderr the prefix is "[pid N] " while several processes live
"$SYSOBS" -f -- "$PROGS/fork" >"$T/out" 2>"$T/err" || fail "sysobs -f failed: $?"
set -- $(cat "$T/out")
grep -q "^\[pid *$4\] chdir(\"/nonexistent/sysobs-child\")" "$T/err" || fail "no [pid N] prefix on stderr"
# as strace: the parent's clone line began while it was alone, so it has no prefix; the
# child's lines and the parent's after it have one until the child's "+++" line, the
# process's own last lines none
grep -q "^clone(child_stack=" "$T/err" || fail "the parent's clone line has a prefix: $(grep 'clone(' "$T/err")"
grep -q "^\[pid *$4\] +++ exited with 3 +++$" "$T/err" || fail "no prefixed exit line for the child"
expect_eq "the last line" "+++ exited with 0 +++" "$(grep -v '^sysobs:' "$T/err" | tail -n 1)"
# the child's own return from fork is not shown as a call
expect_eq "fork/clone lines" 1 "$(grep -c -E '(clone|fork)[0-9]*\(' "$T/trace")"

"$SYSOBS" -o "$T/trace" -- "$PROGS/fork" >"$T/out" || fail "sysobs failed: $?"
grep -q 'sysobs-child' "$T/trace" && fail "without -f the child was traced"
exit 0
