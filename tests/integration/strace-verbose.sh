# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# -v (--no-abbrev) and -e abbrev=SET against strace 6.1 (issue 13): struct stat in full
# (st_dev, st_ino, st_nlink, st_uid, st_gid, st_blksize, st_blocks, the times with their local
# date and nanoseconds) for the calls outside the set; abbreviated for those in it (stat, lstat, fstat and
# newfstatat share the printer; python's os.stat and os.lstat make newfstatat calls). Files of the test's own,
# with times set, so that both tracers see the same values.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed (the program traced)"

f=$T/file
echo hello >"$f"
touch -m -d '2023-05-27 17:58:21' "$f"
touch -a -d '2024-01-02 03:04:05.123456789' "$f"
ln -s file "$T/link"
mkdir "$T/dir"
touch -d '2022-02-03 04:05:06.5' "$T/dir"
prog="import os
os.stat('$f'); os.lstat('$T/link'); os.stat('$T/dir')"

# lines FILE: the calls on the test's files (python's own start-up stats the files it reads)
lines() {
	grep -F "newfstatat(AT_FDCWD, \"$T/" "$1"
}
compare() {
	strace "$@" -e trace=newfstatat,fstat -o "$T/s" /usr/bin/python3 -c "$prog" ||
		fail "strace $* failed"
	"$SYSOBS" "$@" -e trace=newfstatat,fstat -o "$T/o" -- /usr/bin/python3 -c "$prog" ||
		fail "sysobs $* failed"
	lines "$T/s" >"$T/s.lines"
	lines "$T/o" >"$T/o.lines"
	[ "$(wc -l <"$T/s.lines")" -ge 3 ] || fail "strace $*: $(wc -l <"$T/s.lines") lines"
	check_diff "$T/s.lines" "$T/o.lines"
	echo "$*: $(wc -l <"$T/o.lines") lines as strace's" >&2
}
compare -v
compare --no-abbrev
compare -e abbrev=none
compare -e abbrev=lstat	# newfstatat not in the set: in full
grep -q 'st_ino=' "$T/o.lines" || fail "-e abbrev=lstat: newfstatat abbreviated"
compare -e abbrev=newfstatat
grep -q 'st_ino=' "$T/o.lines" && fail "-e abbrev=newfstatat: newfstatat in full"
compare
grep -q 'st_ino=' "$T/o.lines" && fail "no -v: a struct stat in full"

# execve's environment: its strings with -v, its count without; an argv longer than -s cut as
# strace cuts it without -v, whole with -v (up to 32 strings, the kernel side's capture: the
# parity table says so; 40 are checked for the "..." after 32)
for v in -v ""; do
	n=40
	[ -n "$v" ] && n=25
	# shellcheck disable=SC2086 # $v is one option or none
	strace $v -e trace=execve -o "$T/s" env -i A=1 'B=two words' /bin/echo $(seq $n) >/dev/null
	# shellcheck disable=SC2086
	"$SYSOBS" $v -e trace=execve -o "$T/o" -- env -i A=1 'B=two words' /bin/echo $(seq $n) \
		>/dev/null || fail "sysobs $v execve failed"
	grep '^execve("/bin/echo"' "$T/s" | mask_addrs >"$T/s.lines"
	grep '^execve("/bin/echo"' "$T/o" | mask_addrs >"$T/o.lines"
	[ -s "$T/s.lines" ] || exit 99
	check_diff "$T/s.lines" "$T/o.lines"
done
grep -q '\["A=1", "B=two words"\]) = 0$' "$T/o.lines" && fail "no -v: the environment's strings"

# struct statx (coreutils' stat), struct utsname (uname), struct rusage (getrusage): strace's
# abbreviated forms, every field with -v (numbers masked: the two runs differ in them)
rusage="import resource; resource.getrusage(resource.RUSAGE_SELF)"
for v in -v ""; do
	: >"$T/s.lines"
	: >"$T/o.lines"
	for cmd in "stat $f" "stat -c %s $f" "uname -a" "/usr/bin/python3 -c"; do
		# shellcheck disable=SC2086 # $cmd is words; $v one option or none
		set -- $cmd
		[ "$1" = /usr/bin/python3 ] && set -- "$@" "$rusage"
		# shellcheck disable=SC2086
		strace $v -e trace=statx,uname,getrusage -o "$T/s" "$@" >/dev/null || exit 99
		# shellcheck disable=SC2086
		"$SYSOBS" $v -e trace=statx,uname,getrusage -o "$T/o" -- "$@" >/dev/null ||
			fail "sysobs $v $*: $?"
		grep -E '^(statx|uname|getrusage)\(' "$T/s" | sed -E 's/=[0-9]+/=N/g' >>"$T/s.lines"
		grep -E '^(statx|uname|getrusage)\(' "$T/o" | sed -E 's/=[0-9]+/=N/g' >>"$T/o.lines"
	done
	[ "$(wc -l <"$T/s.lines")" -ge 4 ] || fail "strace $v: $(wc -l <"$T/s.lines") lines"
	check_diff "$T/s.lines" "$T/o.lines"
	if [ -n "$v" ]; then
		grep -q 'stx_blksize=N, .*stx_mtime=' "$T/o.lines" || fail "-v: statx abbreviated"
		grep -q 'ru_nivcsw=N}' "$T/o.lines" || fail "-v: rusage abbreviated"
	fi
	echo "statx, uname, getrusage ${v:-abbreviated}: $(wc -l <"$T/o.lines") lines as strace's" >&2
done
grep -q 'stx_blksize=N, .*stx_mtime=' "$T/o.lines" && fail "no -v: statx in full"

# -e verbose=SET: the calls outside SET show structures, arrays and numbers behind pointers as
# their addresses, strings and data buffers as ever (the exercisers' compared parts, every call
# of each; pids, times and addresses masked). rt_sigreturn's mask: sysobs has the mask, not the
# address of the signal frame strace shows (the parity table says so).
vmask() {
	between_marks "$1" | sed -E 's/(tv_u?sec|tv_nsec)=[0-9]+/\1=T/g
		s/0x[0-9a-f]+/0xADDR/g; s/ +=/ =/; s/\b[0-9]{4,}\b/N/g; s/^rt_sigreturn\(\{mask=[^}]*\}\)/rt_sigreturn(MASK)/'
}
for v in none 'sched_getaffinity,getsockopt,rt_sigaction,fstatfs'; do
	for p in decode morecalls consts sockopts msgs widths errors signals; do
		strace -e verbose="$v" -o "$T/s" "$PROGS/$p" >/dev/null 2>&1 || exit 99
		"$SYSOBS" -e verbose="$v" -o "$T/o" -- "$PROGS/$p" >/dev/null 2>&1 ||
			fail "sysobs -e verbose=$v $p failed"
		vmask "$T/s" >"$T/s.lines"
		vmask "$T/o" >"$T/o.lines"
		[ "$(wc -l <"$T/s.lines")" -ge 4 ] || fail "strace $p: $(wc -l <"$T/s.lines") lines"
		check_diff "$T/s.lines" "$T/o.lines"
		case $v/$p in
		none/msgs)	# the test sees a difference from the default
			grep -q '^sendmsg([0-9]*, 0xADDR, ' "$T/o.lines" ||
				fail "-e verbose=none: sendmsg's msghdr not an address" ;;
		sched*/sockopts)
			grep -q '^getsockopt(.*, {l_onoff=1, l_linger=5}, \[8\]) = 0$' "$T/o.lines" ||
				fail "-e verbose=$v: getsockopt's value not shown" ;;
		esac
	done
	echo "-e verbose=$v: 8 programs as strace's" >&2
done
exit 0
