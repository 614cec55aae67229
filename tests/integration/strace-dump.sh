#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -e read=SET and -e write=SET (--read, --write) against strace 6.1 (issue 13): after a read
# from (a write to) a chosen fd, the data in hex and ASCII, 16 bytes a line, as strace dumps it;
# the call's own line still shows at most -s bytes. The same command under both, the traces
# identical once addresses are masked. The documented limit: the kernel side captures at most
# 4096 bytes of a call's buffer (SO_PATH_MAX), so a longer write is dumped to 4096 bytes where
# strace dumps it all.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

CMD='printf "hello world, this is a longer line\tX\n"; head -c 100 /etc/services >/dev/null'
mask() {
	sed -E -e 's/0x[0-9a-f]{6,}/0xADDR/g' "$1"
}
# same OPTIONS...
same() {
	strace "$@" -e signal=none -o "$T/s.txt" sh -c "$CMD" >"$T/s.out" 2>/dev/null
	"$SYSOBS" "$@" -e signal=none -o "$T/o.txt" -- sh -c "$CMD" >"$T/o.out" 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $*: stderr: $(cat "$T/err")"
	mask "$T/s.txt" >"$T/s.cmp"
	mask "$T/o.txt" >"$T/o.cmp"
	[ -s "$T/s.cmp" ] || exit 99
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $* differs from strace $*"
	diff -u "$T/s.out" "$T/o.out" >&2 || fail "sysobs $*: the command's output differs"
	echo "$*: $(wc -l <"$T/o.cmp") lines as strace's"
}

same -e trace=read,write -e read=3 -e write=1
grep -q '^ | 00020  6e 65 09 58 0a  *ne\.X\.  *|$' "$T/o.cmp" || fail "write=1: the dump's last line"
grep -q '^write(1, "hello world, this is a longer li"\.\.\., 37) = 37$' "$T/o.cmp" ||
	fail "write=1: the call's line is not cut at -s"
same -e trace=read,write --read=all -s 8
same -e trace=read,write -e write=!1 -e read=none
grep -q '^ | ' "$T/o.cmp" && fail "write=!1: fd 1's write dumped"

# vectors: readv's and writev's elements, " * N bytes in buffer K" and each one's lines (a
# 40-byte element, more than -s shows in the call's line, dumped whole)
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed (the program traced)"
cat >"$T/iov.py" <<'EOF'
import os
os.writev(1, [b'hello', b' world\n', b'x' * 40])
fd = os.open('/etc/hostname', os.O_RDONLY)
os.readv(fd, [bytearray(2), bytearray(10)])
EOF
CMD="exec /usr/bin/python3 $T/iov.py"
same -e trace=readv,writev -e write=1 -e read=3
grep -q '^ \* 40 bytes in buffer 2$' "$T/o.cmp" || fail "writev: its third element not dumped"
grep -q '^ \* 2 bytes in buffer 0$' "$T/o.cmp" || fail "readv: its first element not dumped"

# the capture limit: 8192 bytes written, 4096 dumped (256 lines)
"$SYSOBS" -e trace=write -e write=1 -o "$T/big.txt" -- sh -c 'exec head -c 8192 /dev/zero' >/dev/null
expect_eq "an 8192-byte write: lines dumped" 256 "$(grep -c '^ | ' "$T/big.txt")"
exit 0
