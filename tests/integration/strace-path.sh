#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -P PATH and --trace-path against strace 6.1 (issue 13): only the calls that touch PATH, by
# name or through an fd open on it (an open's fd, dup2'd to another number, in a child too),
# several paths, a relative symlink that stands for its target as well. The same command under
# both, the traces identical once pids, addresses and times are masked.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

mask() {
	sed -E -e 's/^[0-9]+ +//' -e 's/^\[pid +[0-9]+\] //' -e 's/0x[0-9a-f]{6,}/0xADDR/g' \
		-e 's/si_pid=[0-9]+/si_pid=PID/' -e 's/= [0-9]{3,}$/= PID/' \
		-e 's|si_([us]time)=[0-9]+( /\* [0-9.]+ s \*/)?|si_\1=T|g' "$1"
}
# same CMD OPTIONS...: strace and sysobs -f OPTIONS on sh -c CMD (in $T)
same() {
	cmd=$1
	shift
	(cd "$T" && strace -f "$@" -o "$T/s.txt" sh -c "$cmd") >"$T/s.out" 2>/dev/null
	(cd "$T" && "$SYSOBS" -f "$@" -o "$T/o.txt" -- sh -c "$cmd") >"$T/o.out" 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $*: stderr: $(cat "$T/err")"
	mask "$T/s.txt" >"$T/s.cmp"
	mask "$T/o.txt" >"$T/o.cmp"
	[ -s "$T/s.cmp" ] || exit 99
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $* differs from strace $*"
	diff -u "$T/s.out" "$T/o.out" >&2 || fail "sysobs $*: the command's output differs"
	echo "$*: $(wc -l <"$T/o.cmp") lines as strace's"
}

CMD='exec 4</etc/hostname; cat <&4 /etc/passwd; ls /etc/hostname'
same "$CMD" -P /etc/hostname
grep -q '^dup2(4, 0) ' "$T/o.cmp" || fail "-P: the dup2 of the fd open on the path is missing"
grep -q '/etc/passwd\|^copy_file_range' "$T/o.cmp" && fail "-P /etc/hostname: a call on /etc/passwd shown"
same "$CMD" -P /etc/hostname -P /etc/passwd
grep -q '^copy_file_range(3, ' "$T/o.cmp" || fail "-P twice: the copy from the second path is missing"
same "$CMD" --trace-path=/etc/passwd
# a relative symlink: calls that name it, and (through the fd) the file it points to
ln -s /etc/hostname "$T/hl"
same 'cat hl; cat /etc/hostname' -P hl
expect_eq "-P LINK: the opens shown (by its name, by its target's)" 2 \
	"$(grep -c '^openat(' "$T/o.cmp")"
exit 0
