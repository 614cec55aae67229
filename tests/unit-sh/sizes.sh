#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The tree keeps its sizes (tests/layers/sizes.py): no function over about 80 lines, no file over
# about 600, only SEC programs in bpf/sysobs.bpf.c; and the check catches each, planted in a copy.
set -u
here=$(cd "$(dirname "$0")/../layers" && pwd)
repo=$(cd "$here/../.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed" >&2; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

python3 "$here/sizes.py" "$repo" || { echo "FAIL: the tree is over its sizes" >&2; exit 1; }

copy() {
	rm -rf "$T/r"
	mkdir -p "$T/r"
	cp -r "$repo/user" "$repo/bpf" "$repo/target" "$T/r/"
}
# planted WHAT PATTERN: the check fails on the copy and names it
planted() {
	if python3 "$here/sizes.py" "$T/r" >"$T/out" 2>&1 || ! grep -q "$2" "$T/out"; then
		echo "FAIL: the check missed $1:" >&2
		cat "$T/out" >&2
		exit 1
	fi
}
copy
{ echo 'static int too_long(void)'; echo '{'; i=0
  while [ $i -lt 90 ]; do echo '	i++;'; i=$((i + 1)); done; echo '	return 0;'; echo '}'; } \
	>>"$T/r/user/lib/sb.c"
planted "a 91-line function" "too_long() has"
copy
i=0; while [ $i -lt 700 ]; do echo '/* filler */'; i=$((i + 1)); done >>"$T/r/user/lib/warn.c"
planted "a 716-line file" "warn.c: .* lines"
copy
printf 'static int helper(void)\n{\n\treturn 0;\n}\n' >>"$T/r/bpf/sysobs.bpf.c"
planted "a helper in sysobs.bpf.c" "not a SEC program"
echo "sizes: the tree is within its sizes and the check catches all three"
