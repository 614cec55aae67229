# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The decoding exercisers (issue 11), each one subject: ioctls.c (ioctl requests and
# arguments), consts.c (constants strace names), sockopts.c (socket option values), msgs.c
# (sendmsg, recvmsg, sendmmsg, recvmmsg: msghdr, iovec, control messages), widths.c (32-bit
# arguments with garbage above them, calls that take only constants). Each prints
# the lines strace shows for its calls; sysobs must show them, and Debian's strace must agree
# with what the program expects. One line per program: its lines, and how many of them each
# tracer printed verbatim.
. "$SRCDIR/tests/lib.sh"
need_bpf

# agree EXPECTED ACTUAL: the lines of EXPECTED found in ACTUAL at the same place
agree() {
	paste -d '\n' "$1" "$2" | awk 'NR % 2 { e = $0; next } $0 == e { n++ } END { print n + 0 }'
}

bad=
for p in ioctls consts sockopts msgs widths; do
	"$PROGS/$p" >/dev/null 2>&1
	[ $? = 77 ] && { echo "$p: skipped (no /dev/ptmx)" >&2; continue; }
	"$SYSOBS" -o "$T/$p.trace" -- "$PROGS/$p" >"$T/$p.expected" || fail "sysobs $p: $?"
	[ -s "$T/$p.expected" ] || fail "tests/progs/$p expects nothing"
	between_marks "$T/$p.trace" >"$T/$p.actual"
	n=$(wc -l <"$T/$p.expected")
	line="$p: $n lines, sysobs $(agree "$T/$p.expected" "$T/$p.actual")/$n"
	diff -u "$T/$p.expected" "$T/$p.actual" >&2 || bad="$bad $p(sysobs)"
	if command -v strace >/dev/null 2>&1; then	# the reference, on the host
		strace -o "$T/$p.strace" "$PROGS/$p" >"$T/$p.expected2" || exit 99
		between_marks "$T/$p.strace" >"$T/$p.actual2"
		line="$line, strace $(agree "$T/$p.expected2" "$T/$p.actual2")/$n"
		diff -u "$T/$p.expected2" "$T/$p.actual2" >&2 || bad="$bad $p(strace)"
	fi
	echo "$line" >&2
done
[ -z "$bad" ] || fail "the trace differs from what the exerciser expects:$bad (for strace: fix the test)"
exit 0
