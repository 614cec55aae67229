# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Failing calls print -1 ENAME (description); the test program prints the lines it expects.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- "$PROGS/errors" >"$T/expected" || fail "sysobs failed: $?"
between_marks "$T/trace" >"$T/actual"
check_diff "$T/expected" "$T/actual"
