#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -X raw, -X verbose and --const-print-style= against strace 6.1 (issue 13): constants and flags
# as numbers (openat(-100, "/etc/hostname", 0x80000), st_mode=0100755, mmap's 0x22), strings
# still shown; verbose: the number, then the names in a comment (0x22 /* MAP_PRIVATE|
# MAP_ANONYMOUS */). The same commands under both, the traces identical once addresses, pids
# and random bytes are masked; taken out of the second comparison: getrusage (its times
# differ) and the program's writes (they hold its pid).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

mask() {
	sed -E -e 's/0x[0-9a-f]{6,}/ADDR/g' -e 's/ +=/ =/' -e 's/= [0-9]{3,}$/= PID/' \
		-e 's/getrandom\("[^"]*"/getrandom("R"/' -e 's/wait4\([0-9]+/wait4(PID/' \
		-e 's/sin_port=[^,]*,/sin_port=PORT,/g' -e '/^(getrusage|write\(1)/d' "$1"
}
# same OPTION CMD...
same() {
	opt=$1
	shift
	strace "$opt" -o "$T/s.txt" "$@" >/dev/null 2>&1
	"$SYSOBS" "$opt" -o "$T/o.txt" -- "$@" >/dev/null 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $opt: stderr: $(cat "$T/err")"
	mask "$T/s.txt" >"$T/s.cmp"
	mask "$T/o.txt" >"$T/o.cmp"
	[ -s "$T/s.cmp" ] || exit 99
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $opt $1 differs from strace's"
	echo "$opt $1: $(wc -l <"$T/o.cmp") lines as strace's"
}

same -Xraw cat /etc/hostname
grep -q '^openat(-100, "/etc/hostname", 0) = 3$' "$T/o.cmp" || fail "-X raw: openat"
same -Xverbose cat /etc/hostname
grep -q '^openat(-100 /\* AT_FDCWD \*/, "/etc/hostname", 0 /\* O_RDONLY \*/) = 3$' "$T/o.cmp" ||
	fail "-X verbose: openat"
same --const-print-style=raw "$PROGS/decode"
grep -q '^kill(999999999, 15) ' "$T/o.cmp" || fail "-X raw: kill's signal"
same --const-print-style=verbose "$PROGS/decode"
same --const-print-style=abbrev "$PROGS/decode"
"$SYSOBS" -X names -- /bin/true 2>/dev/null
expect_eq "-X names: refused" 2 $?
# the decoders that print without the constant tables: ioctl's request, sa_handler, a
# sockaddr's port and addresses (v4 and v6), each of them compared whole (fixed ports)
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed (the program traced)"
cat >"$T/x.py" <<'EOF'
import fcntl, signal, socket, termios
try:
    fcntl.ioctl(0, termios.TIOCGWINSZ, b'\0' * 8)
except OSError:
    pass
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
for fam, addr in ((socket.AF_INET, ('127.0.0.1', 9)), (socket.AF_INET6, ('::1', 9))):
    try:
        socket.socket(fam).connect(addr)
    except OSError:
        pass
EOF
for x in raw verbose abbrev; do
	strace -X$x -e trace=ioctl,rt_sigaction,connect -o "$T/s.txt" /usr/bin/python3 "$T/x.py" \
		</dev/null || exit 99
	"$SYSOBS" -X$x -e trace=ioctl,rt_sigaction,connect -o "$T/o.txt" -- /usr/bin/python3 \
		"$T/x.py" </dev/null || fail "sysobs -X$x x.py: $?"
	grep -E '^(ioctl\(0|rt_sigaction\((10|SIGUSR1)|connect)' "$T/s.txt" | mask_addrs >"$T/s.cmp"
	grep -E '^(ioctl\(0|rt_sigaction\((10|SIGUSR1)|connect)' "$T/o.txt" | mask_addrs >"$T/o.cmp"
	[ "$(wc -l <"$T/s.cmp")" -ge 4 ] || fail "strace -X$x: $(wc -l <"$T/s.cmp") lines"
	check_diff "$T/s.cmp" "$T/o.cmp"
	echo "-X$x: ioctl, sa_handler, sockaddr_in and _in6 as strace's" >&2
done
exit 0
