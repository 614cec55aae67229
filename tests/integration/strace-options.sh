#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -s, -y and -X raw. -s and -y against strace itself: cat of a file with every kind of byte
# (escapes, control characters, ESC, high bytes, quotes) and a path longer than any -s, under
# both tracers with the same option; the lines of the calls that show strings and fds must be
# identical after masking addresses. -X raw: every argument is a number.
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

# -X raw: no strings, no names, every argument in hex
"$SYSOBS" -X raw -o "$T/raw.txt" -- cat "$long/data.bin" >/dev/null </dev/null 2>&1 ||
	fail "sysobs -X raw failed"
grep -q '^openat(0xffffff9c, 0x[0-9a-f]*, 0x0, 0x0) *= 3$' "$T/raw.txt" ||
	fail "-X raw: no raw openat line"
if grep -v '^+++' "$T/raw.txt" | grep -q -E '"|O_RDONLY|AT_FDCWD|PROT_|\{'; then
	grep -E '"|O_RDONLY|AT_FDCWD|PROT_|\{' "$T/raw.txt" | head -5 >&2
	fail "-X raw: decoded text in the raw trace"
fi
echo "-X raw: every argument raw"
