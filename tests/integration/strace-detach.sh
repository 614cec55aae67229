#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -b execve and --detach-on=execve against strace 6.1 (issue 13): a traced process that calls
# execve (not the command's own first one) is let go there, its line ending in
# "<detached ...>", and nothing more of it is shown (no "+++ exited" line; its parent's wait4
# and SIGCHLD still are). A failed execve does not detach. The same commands under both, the
# traces identical once pids and addresses are masked.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

SET=execve,write,exit_group,wait4
# strace ends the child's exec line "<unfinished ...>" when a line of the parent came before it
# let it go (a matter of timing); sysobs lets it go at once. Signals are left out: the order of
# a SIGCHLD and its wait4 is also a matter of timing
mask() {
	sed -E -e 's/^[0-9]+ +//' -e 's/0x[0-9a-f]{6,}/0xADDR/g' -e 's/si_pid=[0-9]+/si_pid=PID/' \
		-e 's/= [0-9]{3,}$/= PID/' -e 's|si_([us]time)=[0-9]+( /\* [0-9.]+ s \*/)?|si_\1=T|g' \
		-e 's/ <unfinished \.\.\.>$/ <detached ...>/' "$1"
}
# same CMD OPTIONS...
same() {
	cmd=$1
	shift
	strace "$@" -e trace=$SET -e signal=none -o "$T/s.txt" sh -c "$cmd" >"$T/s.out" 2>/dev/null
	"$SYSOBS" "$@" -e trace=$SET -e signal=none -o "$T/o.txt" -- sh -c "$cmd" >"$T/o.out" 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $*: stderr: $(cat "$T/err")"
	mask "$T/s.txt" >"$T/s.cmp"
	mask "$T/o.txt" >"$T/o.cmp"
	[ -s "$T/s.cmp" ] || exit 99
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $* differs from strace $*"
	diff -u "$T/s.out" "$T/o.out" >&2 || fail "sysobs $*: the command's output differs"
	echo "$* on '$cmd': $(wc -l <"$T/o.cmp") lines as strace's"
}

CMD='/bin/true; echo hi; exec /bin/true'
same "$CMD" -f -b execve
expect_eq "-f -b execve: detached execs" 2 "$(grep -c '<detached \.\.\.>$' "$T/o.cmp")"
grep -q '^+++' "$T/o.cmp" && fail "-b execve: a +++ line of a process let go"
same "$CMD" -f --detach-on=execve
same "$CMD" -b execve
# an execve that fails leaves the process traced
same '/nonexistent/x 2>/dev/null; exec /bin/true' -f -b execve
grep -q '^execve("/nonexistent/x", .* = -1 ENOENT' "$T/o.cmp" || fail "the failed execve"
grep -q '^+++ exited with 127 +++' "$T/o.cmp" || fail "-b execve: let go at a failed execve"

# the exec fallback of kernels before 6.10 lets go at the same place
"$SYSOBS" -f -b execve --no-prepare-exec -e trace=$SET -o "$T/f.txt" -- sh -c "$CMD" >/dev/null
expect_eq "--no-prepare-exec: detached execs" 2 "$(grep -c '<detached \.\.\.>$' "$T/f.txt")"
"$SYSOBS" -b fork -- /bin/true 2>/dev/null
expect_eq "-b fork: refused as strace refuses it" 2 $?
exit 0
