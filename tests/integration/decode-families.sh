# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Decoders by family (file, mm, signal, net, proc, buffer escapes): tests/progs/decode.c
# prints the lines strace shows for its calls; with strace installed, strace must agree too.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- "$PROGS/decode" >"$T/expected" || fail "sysobs failed: $?"
between_marks "$T/trace" >"$T/actual"
check_diff "$T/expected" "$T/actual"
if command -v strace >/dev/null 2>&1; then
	strace -o "$T/strace" "$PROGS/decode" >"$T/expected2" || exit 99
	between_marks "$T/strace" >"$T/actual2"
	diff -u "$T/expected2" "$T/actual2" >&2 ||
		fail "strace disagrees with what tests/progs/decode.c expects (fix the test)"
fi
