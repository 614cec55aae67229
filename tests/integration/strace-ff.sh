#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -ff -o PREFIX and --output-separately against strace 6.1 (issue 13): one file PREFIX.TID per
# thread, its lines without the pid, a blocked call's line whole in its own file. The same
# command under both: as many files, and each file (in the order of the tids) the same once
# addresses and pids are masked. Threads get their own files too (tests/progs/threads.c).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

CMD='cat /etc/hostname; /bin/true; echo x'
SET=execve,openat,read,write,close,exit_group,wait4

# A SIGCHLD's line comes before or after the wait4 that reaps its child, as the child's exit
# and the parent's wait4 happen to meet (under strace as under sysobs): its place is left out
# of the comparison, not the line (mask puts those lines last).
mask() {
	mask_lines "$1" | grep -v '^--- SIGCHLD '
	mask_lines "$1" | grep '^--- SIGCHLD '
}
mask_lines() {
	sed -E -e 's/0x[0-9a-f]{6,}/0xADDR/g' -e 's/= [0-9]{3,}$/= PID/' \
		-e "s/si_pid=[0-9]+/si_pid=PID/" -e "s|si_([us]time)=[0-9]+( /\\* [0-9.]+ s \\*/)?|si_\1=T|g" "$1"
}
# files DIR NAME: DIR's files PREFIX.TID, masked, in tid order, as NAME.1, NAME.2 ...
files() {
	i=0
	for f in $(ls "$1" | sort -t. -k2 -n); do
		i=$((i + 1))
		case $f in
		t.[0-9]*) ;;
		*) fail "$2: a file not named PREFIX.TID: $f" ;;
		esac
		mask "$1/$f" >"$T/$2.$i"
	done
	echo "$i"
}

# --output-separately alone follows nothing, as strace's: the command's own file
for opt in -ff --output-separately; do
	rm -rf "$T/s" "$T/o" && mkdir "$T/s" "$T/o"
	strace $opt -o "$T/s/t" -e trace=$SET sh -c "$CMD" >"$T/s.out" 2>/dev/null
	"$SYSOBS" $opt -o "$T/o/t" -e trace=$SET -- sh -c "$CMD" >"$T/o.out" 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $opt: stderr: $(cat "$T/err")"
	ns=$(files "$T/s" s) && no=$(files "$T/o" o) || exit 1
	[ "$ns" -ge 1 ] || exit 99
	expect_eq "$opt: files (one per process)" "$ns" "$no"
	i=1
	while [ $i -le "$ns" ]; do
		diff -u "$T/s.$i" "$T/o.$i" >&2 || fail "$opt: file $i differs from strace's"
		i=$((i + 1))
	done
	diff -u "$T/s.out" "$T/o.out" >&2 || fail "$opt: the command's output differs"
	grep -q '^\(\[pid\|[0-9]\)' "$T"/o.* && fail "$opt: a line with a pid prefix"
	echo "$opt: $ns files as strace's"
done

# threads: a file each, with its exit(0) and "+++ exited" line, as strace
rm -rf "$T/s" "$T/o" && mkdir "$T/s" "$T/o"
strace -ff -o "$T/s/t" -e trace=exit,exit_group "$PROGS/threads" >/dev/null 2>&1
"$SYSOBS" -ff -o "$T/o/t" -e trace=exit,exit_group -- "$PROGS/threads" >/dev/null 2>&1
expect_eq "threads: files" "$(ls "$T/s" | wc -l)" "$(ls "$T/o" | wc -l)"
expect_eq "threads: lines" "$(cat "$T"/s/* | sort | uniq -c)" "$(cat "$T"/o/* | sort | uniq -c)"

# strace refuses -ff with -c and with -o |CMD, so does sysobs
for bad in -c -C '-o |cat'; do
	# shellcheck disable=SC2086 # the option and its argument as two words
	"$SYSOBS" -ff -o "$T/o/x" $bad -- /bin/true >/dev/null 2>&1
	expect_eq "-ff $bad: refused as strace refuses it" 2 $?
done
exit 0
