#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# docs/decoding.md's coverage table is what docs/gen-coverage.py makes of the tree today (the
# syscall table and the decoders' tables): a decoder added or removed without the table
# regenerated fails here. And the check can fail: a stale copy is caught.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed" >&2; exit 77; }
python3 "$root/docs/gen-coverage.py" --check || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/docs" "$T/user/decode/names/tables" "$T/user/decode/families"
cp "$root/docs/gen-coverage.py" "$root/docs/decoding.md" "$T/docs/"
cp "$root/user/decode/names/tables/syscalls.h" "$T/user/decode/names/tables/"
cp "$root"/user/decode/families/*.c "$T/user/decode/families/"
printf 'static const struct dec_entry t[] = { { "vhangup", dec_vhangup }, };\n' \
	>"$T/user/decode/families/planted.c"
if python3 "$T/docs/gen-coverage.py" --check 2>/dev/null; then
	echo "FAIL: a decoder added without the table regenerated was not caught" >&2
	exit 1
fi
exit 0
