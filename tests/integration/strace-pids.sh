#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -Y and --decode-pids=comm against strace 6.1 (issue 13): pids with their command name, in the
# line prefix ("[pid 1234<sh>] " on stderr, "1234<sh> " with -o), in the return value of
# getpid, getppid and fork-like calls ("= 1234<cat>") and in pid arguments (kill(1234<sh>, 0));
# an execve line still has the name from before the exec. The same command under both, the
# traces identical once pids are masked (and the tracer's own name: strace's is "strace"); si_pid in
# a SIGCHLD is left as a number (strace 6.1 adds the name only while the child is not reaped).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

SET=execve,getpid,getppid,kill,exit_group
CMD='cat /dev/null; kill -0 $$; echo'
mask() {
	sed -E -e 's/0x[0-9a-f]{6,}/0xADDR/g' -e 's/[0-9]{3,}</PID</g' -e 's/^[0-9]{3,} /PID /' \
		-e 's/<(strace|sysobs)>/<TRACER>/g' "$1"
}
# same OPTIONS...: -o FILE, then on stderr
same() {
	strace "$@" -e trace=$SET -e signal=none -o "$T/s.txt" sh -c "$CMD" >"$T/s.out" 2>/dev/null
	"$SYSOBS" "$@" -e trace=$SET -e signal=none -o "$T/o.txt" -- sh -c "$CMD" >"$T/o.out" 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $*: stderr: $(cat "$T/err")"
	mask "$T/s.txt" >"$T/s.cmp"
	mask "$T/o.txt" >"$T/o.cmp"
	[ -s "$T/s.cmp" ] || exit 99
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $* differs from strace $*"
	diff -u "$T/s.out" "$T/o.out" >&2 || fail "sysobs $*: the command's output differs"
	echo "$*: $(wc -l <"$T/o.cmp") lines as strace's"
}

same -f -Y
grep -q '^PID<sh> kill(PID<sh>, 0) ' "$T/o.cmp" || fail "-Y: kill's pid without its command"
grep -q '^PID<sh> getpid() *= PID<sh>$' "$T/o.cmp" || fail "-Y: getpid's return"
grep -q '^PID<sh> execve("/usr/bin/cat"' "$T/o.cmp" || fail "-Y: the exec's line has the new name"
same -f --decode-pids=comm
same -Y
same -f -e decode-pids=comm
# on stderr: "[pid 1234<cat>] "
strace -f -Y -e trace=execve,exit_group -e signal=none sh -c "$CMD" 2>"$T/s.txt" >/dev/null
"$SYSOBS" -f -Y -e trace=execve,exit_group -e signal=none -- sh -c "$CMD" 2>"$T/o.txt" >/dev/null
grep -v '^strace: ' "$T/s.txt" | mask /dev/stdin >"$T/s.cmp"
mask "$T/o.txt" >"$T/o.cmp"
diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "-f -Y on stderr differs from strace's"
grep -q '^\[pid *PID<cat>\] exit_group(0) ' "$T/o.cmp" || fail "-Y: no [pid N<cat>] prefix"
exit 0
