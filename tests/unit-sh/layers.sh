#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The include graph of user/ has no cycle and no include up a layer (check.py); and the check
# itself catches each kind of violation, planted in a scratch copy of the tree.
set -u
here=$(cd "$(dirname "$0")/../layers" && pwd)
src=$here/../../user
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed" >&2; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

python3 "$here/check.py" "$src" || { echo "FAIL: the tree breaks the layers" >&2; exit 1; }

# plant FILE LINE WHAT: the check must fail on the copy and name the problem
plant() {
	rm -rf "$T/user"
	cp -r "$src" "$T/user"
	printf '%s\n' "$2" >>"$T/user/$1"
	if python3 "$here/check.py" "$T/user" >"$T/out" 2>&1; then
		echo "FAIL: the check missed $3 ($1: $2)" >&2
		exit 1
	fi
	grep -q "$4" "$T/out" || { echo "FAIL: $3 not named:" >&2; cat "$T/out" >&2; exit 1; }
}
plant lib/sb.h '#include "decode/call.h"' "an upward include" "up a layer"
rm -rf "$T/user"; cp -r "$src" "$T/user"
printf '#include "decode/names/errno.h"\n' >>"$T/user/decode/names/sysent.h"
printf '#include "decode/names/sysent.h"\n' >>"$T/user/decode/names/errno.h"
if python3 "$here/check.py" "$T/user" >"$T/out" 2>&1 || ! grep -q "include cycle" "$T/out"; then
	echo "FAIL: the check missed a cycle" >&2
	cat "$T/out" >&2
	exit 1
fi
plant setup/tracer.c '#include "decode/registry.h"' "the loader including the registry" "as data"
plant output/text.c '#include "sink.h"' "a bare header name" "name project headers"
echo "layers: the tree is clean and the check catches all four kinds"
