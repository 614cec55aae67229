#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -s, -y, -x, -xx and -e raw=. -s and -y against strace itself: cat of a file with every kind of byte
# (escapes, control characters, ESC, high bytes, quotes) and a path longer than any -s, under
# both tracers with the same option; the lines of the calls that show strings and fds must be
# identical after masking addresses.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

cd "$T" || exit 99
# a 300-byte relative path: paths are never cut by -s
long=d1234567890123456789012345678901234567890123456789
long=$long/$long/$long/$long/$long
mkdir -p "$long" || exit 99
printf 'line one\n\ttab "quoted" back\\slash \033[31mred\033[0m \001\177\200\377 0\0001 end\n' \
	>"$long/data.bin"
seq 1 200 >>"$long/data.bin"

# compare OPTIONS...: the trace lines of cat under strace and sysobs with OPTIONS
compare() {
	strace "$@" -o "$T/s.txt" cat "$long/data.bin" >/dev/null </dev/null 2>&1 ||
		fail "strace $* failed"
	"$SYSOBS" "$@" -o "$T/o.txt" -- cat "$long/data.bin" >/dev/null </dev/null 2>/dev/null ||
		fail "sysobs $* failed"
	for f in s o; do
		sed -n '/data.bin/,$p' "$T/$f.txt" | grep -E '^(openat|read|write|close|newfstatat)\(' |
			sed -E 's/0x[0-9a-f]{5,}/0xADDR/g' >"$T/$f.cmp"
	done
	[ -s "$T/s.cmp" ] || exit 99
	if ! diff -u "$T/s.cmp" "$T/o.cmp" >&2; then
		fail "sysobs $* differs from strace $*"
	fi
	echo "$*: $(wc -l <"$T/o.cmp") lines as strace shows them"
}

compare -s 32
compare -s 0
compare -s 64
compare -s 4096
compare -y
# -y when -e trace= leaves the execve out: the command's cwd and stdio are still known
compare -y -e trace=openat,read,write,close,newfstatat

# the whole trace of a few calls (no path to find in it: -e raw=, -xx), addresses masked
compare_all() {
	strace "$@" -e trace=openat,close,read,newfstatat,exit_group -o "$T/s.txt" \
		cat "$long/data.bin" >/dev/null </dev/null 2>&1 || fail "strace $* failed"
	"$SYSOBS" "$@" -e trace=openat,close,read,newfstatat,exit_group -o "$T/o.txt" -- \
		cat "$long/data.bin" >/dev/null </dev/null 2>/dev/null || fail "sysobs $* failed"
	for f in s o; do
		sed -E 's/0x[0-9a-f]{5,}/0xADDR/g' "$T/$f.txt" >"$T/$f.cmp"
	done
	if ! diff -u "$T/s.cmp" "$T/o.cmp" >&2; then
		fail "sysobs $* differs from strace $*"
	fi
	echo "$*: $(wc -l <"$T/o.cmp") lines as strace shows them"
}
# -e raw=SET: those calls undecoded, arguments and return values as strace's %#lx
compare_all -e raw=all
grep -q '^read(0x3, 0xADDR, 0x[0-9a-fA-Z]*) *= 0x[0-9a-f]' "$T/o.cmp" ||
	fail "-e raw=all: no raw read line"
compare_all -e raw=openat,read
compare_all -e 'raw=!openat'
compare_all --raw=close

# -x, -xx, --strings-in-hex=: strings in hex as strace's (the file has every kind of byte)
compare -x
compare -x -s 100
grep -q '^read(3, "\\x6c\\x69' "$T/o.cmp" || fail "-x: the data is not in hex"
compare --strings-in-hex=non-ascii-chars
compare --strings-in-hex=non-ascii
compare_all -xx
grep -q '^openat(AT_FDCWD, "\\x2f' "$T/o.cmp" || fail "-xx: a path not in hex"
compare_all --strings-in-hex
compare_all --strings-in-hex=none

# -X raw is not -e raw=all: constants as numbers, strings still shown (strace-consts.sh
# compares -X with strace's)
"$SYSOBS" -X raw -e trace=openat -o "$T/x.txt" -- cat /etc/hostname >/dev/null ||
	fail "-X raw refused"
grep -q '^openat(-100, "/etc/hostname", 0) ' "$T/x.txt" || fail "-X raw: openat's line"
exit 0
