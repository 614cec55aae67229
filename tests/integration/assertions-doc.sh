# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# docs/assertions.md runs as written: every ```sh block of it, in order, in one scratch
# directory with sysobs on the PATH, must exit 0 (under set -e). The blocks are taken from the
# doc here, so the doc and the test cannot drift apart.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v jq >/dev/null 2>&1 || skip "jq not installed"
command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
[ -r /etc/hostname ] || skip "no /etc/hostname for the doc's examples"

DOC=$SRCDIR/docs/assertions.md
mkdir "$T/bin" "$T/work" || exit 99
printf '#!/bin/sh\nexec "%s" "$@"\n' "$SYSOBS" >"$T/bin/sysobs"
chmod +x "$T/bin/sysobs"

# block-N.sh for each ```sh block
awk -v dir="$T" '
	/^```sh$/ { n++; f = sprintf("%s/block-%02d.sh", dir, n); inb = 1; next }
	/^```/ && inb { inb = 0; close(f); next }
	inb { print > f }
	END { print n > (dir "/count") }
' "$DOC"
n=$(cat "$T/count")
[ "$n" -ge 15 ] || fail "only $n sh blocks found in $DOC"

for b in "$T"/block-*.sh; do
	if ! (cd "$T/work" && PATH="$T/bin:$PATH" sh -e "$b") >"$T/out" 2>&1; then
		echo "--- $(basename "$b"):" >&2
		cat "$b" >&2
		echo "--- its output:" >&2
		cat "$T/out" >&2
		fail "a block of docs/assertions.md fails"
	fi
done

# the doc's recipes must be able to fail: the same blocks against a trace where the file was
# never opened and the command exited 0
(cd "$T/work" && PATH="$T/bin:$PATH" sysobs -f --json -o trace.jsonl -- true) >/dev/null 2>&1
failing=0
for b in 03 05 06 08; do
	(cd "$T/work" && PATH="$T/bin:$PATH" sh -e "$T/block-$b.sh") >/dev/null 2>&1 ||
		failing=$((failing + 1))
done
expect_eq "recipes failing on another trace" 4 "$failing"
exit 0
