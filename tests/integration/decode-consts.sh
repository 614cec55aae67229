# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Constants by name: tests/progs/consts.c prints the lines strace shows for its
# calls (tests/progs/consts.c says which);
# sysobs must show them, and Debian's strace must agree with what the program expects.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- "$PROGS/consts" >"$T/expected" || fail "sysobs failed: $?"
between_marks "$T/trace" >"$T/actual"
check_diff "$T/expected" "$T/actual"

command -v strace >/dev/null 2>&1 || exit 0	# the reference is checked on the host
strace -o "$T/strace" "$PROGS/consts" >"$T/expected2" || exit 99
between_marks "$T/strace" >"$T/actual2"
diff -u "$T/expected2" "$T/actual2" >&2 ||
	fail "strace disagrees with what tests/progs/consts.c expects (fix the test)"
exit 0
