# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# timeout: 30
# One golden test (tests/run.sh --unit runs one per recording): tests/golden/NAME.rec, raw ring
# records recorded by tests/golden/regen.sh, replayed through the consumer, decoders and sinks
# (build/golden/replay), must give NAME.txt as text and NAME.jsonl as JSON, byte for byte.
# No kernel, no root: the decoders alone. The replay reads no clock and no /proc.
# Usage: sh tests/golden/check.sh tests/golden/NAME.rec (through tests/run.sh)
. "$SRCDIR/tests/lib.sh"

rec=$1
G=$(dirname "$rec")
name=$(basename "$rec" .rec)
R=$SYSOBS_BUILD/golden/replay
[ -x "$R" ] || skip "$R not built (make all)"
flags=$(awk -v n="$name" '$1 == n { print $2 }' "$G/list")
[ -n "$flags" ] || { echo "$name.rec is not in $G/list" >&2; exit 99; }
[ "$flags" = - ] && flags=

# both formats, each difference shown, then the verdict
bad=
for fmt in txt jsonl; do
	[ $fmt = txt ] && as=text || as=json
	# an empty expectation proves nothing (as check_diff)
	[ -s "$G/$name.$fmt" ] || fail "nothing expected: $G/$name.$fmt is empty or missing"
	"$R" $flags "$rec" $as >"$T/$name.$fmt" || fail "replay $flags $rec $as: exit $?"
	diff -u "$G/$name.$fmt" "$T/$name.$fmt" >&2 || bad="$bad $name.$fmt"
done
[ -z "$bad" ] || fail "the replay of $name.rec differs from$bad"
exit 0
