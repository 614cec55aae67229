#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# strace's time formats and precisions against strace 6.1 itself (issue 13): -t, -tt, -ttt,
# --absolute-timestamps=[format:]FMT,[precision:]PREC, -r and --relative-timestamps=PREC, -T
# and --syscall-times=PREC. The times differ from run to run; their form must not: every digit
# is masked, the lines must then be identical.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

CMD='exec 3>&- 4>&-'
same() {
	strace "$@" -e trace=close -o "$T/s.txt" sh -c "$CMD"
	"$SYSOBS" "$@" -e trace=close -o "$T/o.txt" -- sh -c "$CMD" 2>"$T/err" ||
		fail "sysobs $*: $(cat "$T/err")"
	for f in s o; do
		sed 's/[0-9]/N/g' "$T/$f.txt" >"$T/$f.cmp"
	done
	[ "$1" = --absolute-timestamps=none ] || grep -v -e '^close(N) *= N$' -e '^+++' "$T/s.cmp" |
		grep -q . || fail "strace $*: no time on the lines (the test is wrong)"
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $*: the times' form differs from strace's"
	echo "$*: $(head -n 1 "$T/o.txt")"
}

for o in -t -tt -ttt -r -T --absolute-timestamps --absolute-timestamps=ns \
	--absolute-timestamps=unix --absolute-timestamps=format:unix,precision:ms \
	--absolute-timestamps=time,us --timestamps=precision:ns --relative-timestamps=ms \
	--relative-timestamps=ns --relative-timestamps=s --syscall-times=ns --syscall-times=ms \
	--syscall-times=s --syscall-times=us; do
	same $o
done
same -ttt -r
same -tt -T
same --absolute-timestamps=none
"$SYSOBS" --absolute-timestamps=fortnight -- true 2>/dev/null
expect_eq "--absolute-timestamps=fortnight: exit status" 2 "$?"
exit 0
