# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Loss is located exactly (issue 15, finding 9): with a tiny ring and 4 threads making many
# calls, every lost event appears in some "--- lost N events" line (JSON: a "lost" object),
# including gaps at a thread's end whose exit record was lost too: the lines add up to the
# "sysobs: N events lost" total, the objects to the summary's "lost". (tests/integration/lost.sh
# checks that loss is reported at all.) Two rounds of each: how much is lost varies per run.
. "$SRCDIR/tests/lib.sh"
need_bpf

THREADS=4
CALLS=50000	# per thread

# sum: the sum of the numbers on stdin
sum() {
	awk '{ s += $1 } END { print s + 0 }'
}

for round in 1 2; do
	# --- text --------------------------------------------------------------------------
	"$SYSOBS" -f --ring-size 4096 -o "$T/trace" -- "$PROGS/threads" $THREADS $CALLS 2>"$T/err"
	expect_eq "text: exit status" 0 "$?"
	total=$(sed -n 's/^sysobs: \([0-9]*\) events lost$/\1/p' "$T/err")
	[ -n "$total" ] && [ "$total" -gt 0 ] || fail "text: no loss reported: $(cat "$T/err")"
	# "--- lost 1 event (tid T, seq S) ---" or "--- lost N events (tid T, seq A-B) ---"
	lines=$(sed -n 's/.*--- lost \([0-9]*\) events\{0,1\} .*/\1/p' "$T/trace" | sum)
	shown=$(grep -c 'getppid() ' "$T/trace")
	echo "round $round, text: $shown calls shown, $total lost, $lines in '--- lost' lines"
	# each line's count is the length of its sequence range
	bad=$(sed -n -e 's/.*--- lost \([0-9]*\) events (tid [0-9]*, seq \([0-9]*\)-\([0-9]*\)) ---$/\1 \2 \3/p' \
		-e 's/.*--- lost \(1\) event (tid [0-9]*, seq \([0-9]*\)) ---$/\1 \2 \2/p' "$T/trace" |
		awk '$1 != $3 - $2 + 1' | head -n 1)
	[ -z "$bad" ] || fail "text: a '--- lost' line whose count is not its range: $bad"
	[ $((shown + total)) -ge $((THREADS * CALLS)) ] ||
		fail "text: $shown shown + $total lost < $((THREADS * CALLS)) calls"
	expect_eq "text: the '--- lost' lines add up to the total" "$total" "$lines"

	# --- JSON --------------------------------------------------------------------------
	"$SYSOBS" -f --ring-size 4096 --json -o "$T/out.jsonl" -- "$PROGS/threads" $THREADS $CALLS \
		2>"$T/err"
	expect_eq "JSON: exit status" 0 "$?"
	total=$(sed -n 's/^{.*"type":"summary",.*"lost":\([0-9]*\)[,}].*/\1/p' "$T/out.jsonl")
	[ -n "$total" ] && [ "$total" -gt 0 ] || fail "JSON: no loss in the summary: $(tail -n 1 "$T/out.jsonl")"
	objs=$(sed -n 's/^{.*"type":"lost",.*"count":\([0-9]*\)[,}].*/\1/p' "$T/out.jsonl" | sum)
	echo "round $round, JSON: summary lost $total, lost objects $objs"
	expect_eq "JSON: the lost objects add up to the summary's lost" "$total" "$objs"
done
exit 0
