# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Decoders by family (file, mm, signal, net, proc, buffer escapes): tests/progs/decode.c
# prints the lines strace shows for its calls. decode-strace.sh checks them against strace.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- "$PROGS/decode" >"$T/expected" || fail "sysobs failed: $?"
between_marks "$T/trace" >"$T/actual"
check_diff "$T/expected" "$T/actual"

# statfs: the struct, its values differ from run to run (free blocks): its shape
"$SYSOBS" -e trace=statfs -o "$T/statfs" -- stat -f / >/dev/null || fail "sysobs stat -f failed: $?"
grep -q -E '^statfs\("/", \{f_type=([A-Z0-9_]+_MAGIC[0-9V_]*|0x[0-9a-f]+), f_bsize=[0-9]+, f_blocks=[0-9]+, f_bfree=[0-9]+, f_bavail=[0-9]+, f_files=[0-9]+, f_ffree=[0-9]+, f_fsid=\{val=\[(0|0x[0-9a-f]+), (0|0x[0-9a-f]+)\]\}, f_namelen=[0-9]+, f_frsize=[0-9]+, f_flags=[A-Z_|0-9x]+\}\) += 0$' "$T/statfs" ||
	fail "statfs not decoded: $(cat "$T/statfs")"
exit 0
