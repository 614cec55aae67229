# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The test of the test: what tests/progs/decode.c expects (decode-families.sh holds sysobs to
# it) is what strace shows for its calls. Host only: the VMs have no strace.
. "$SRCDIR/tests/lib.sh"
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

strace -o "$T/strace" "$PROGS/decode" >"$T/expected" || exit 99
between_marks "$T/strace" >"$T/actual"
[ -s "$T/expected" ] || fail "tests/progs/decode expects nothing"
diff -u "$T/expected" "$T/actual" >&2 ||
	fail "strace disagrees with what tests/progs/decode.c expects (fix the test)"
exit 0
