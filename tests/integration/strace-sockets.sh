#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -yy (--decode-fds=socket) against strace 6.1 (issue 13): socket fds with their protocol and
# endpoints, "3<UDP:[127.0.0.1:N->127.0.0.1:9]>", "4<TCP:[127.0.0.1:N]>" (listening),
# "6<TCP:[A->B]>" (accepted), "7<UNIX-STREAM:[INO->PEER]>", and "PROTO:[INODE]" for a socket no
# bind, connect or send has touched yet. tests/progs/sockets.c holds every socket open until
# its standard input ends: sysobs reads the endpoints when it decodes the calls, so the test
# closes that input only once sysobs has shown the calls before it (strace reads them at each
# call). The same program under both, the traces identical once ports and inodes are masked;
# what strace 6.1 shows and sysobs does not (socketpair's array of fds, the device of a
# character file, -yy's "dev") is taken out.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

SET=socket,socketpair,connect,sendto,bind,listen,getsockname,accept4,write,read,close
mask() {
	sed -E -e 's/:[0-9]+([]-])/:PORT\1/g' -e 's/\[[0-9]+(->[0-9]+)?\]/[INO\1]/g' \
		-e 's/->[0-9]+\]/->INO]/' -e 's/htons\([0-9]+\)/htons(PORT)/' \
		-e '/^socketpair\(|^read\(0</d' "$1"
}

strace -yy -e trace=$SET -o "$T/s.txt" "$PROGS/sockets" </dev/null || exit 99
mkfifo "$T/in"
"$SYSOBS" -yy -e trace=$SET -o "$T/o.txt" -- "$PROGS/sockets" <"$T/in" 2>"$T/err" &
pid=$!
exec 3>"$T/in"
wait_for "$T/o.txt" '^write(7<' "the socketpair's write"
exec 3>&-
wait $pid || fail "sysobs or the program failed: $(cat "$T/err")"
[ -s "$T/err" ] && fail "sysobs: stderr: $(cat "$T/err")"
mask "$T/s.txt" >"$T/s.cmp"
mask "$T/o.txt" >"$T/o.cmp"
diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs -yy differs from strace -yy"
grep -q '^sendto(3<UDP:\[127.0.0.1:PORT->127.0.0.1:PORT\]>, "hello"' "$T/o.cmp" ||
	fail "-yy: the connected UDP socket"
grep -q '^write(7<UNIX-STREAM:\[INO->INO\]>' "$T/o.cmp" || fail "-yy: the UNIX socket's peer"
echo "-yy: $(wc -l <"$T/o.cmp") lines as strace's"
exit 0
