# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# timeout: 300
# The order across threads (tests/progs/handoff.c): two threads take turns through shared
# memory (spinning, no syscall while waiting), a pipe and a futex; each turn's call returned
# before the other thread's next call started, so in the order calls returned their lines
# alternate strictly. Every handoff's order is checked, over several runs, in text and JSON.
. "$SRCDIR/tests/lib.sh"
need_bpf

turns=300
runs=3
modes="spin pipe futex"
# the VMs emulate slowly: the case the batches got wrong, once
[ -n "${SYSOBS_VM:-}" ] && turns=100 runs=1 modes=spin
# the marker calls, in the order of the trace
markers() {
	sed -e 's/^\[pid *[0-9]*\] //' -e 's/^[0-9][0-9]* *//' "$1" |
		grep -o -E '^close\(-[12][0-9]{6}\)'
}
run=0
while [ $run -lt $runs ]; do
	for mode in $modes; do
		"$SYSOBS" -f -o "$T/trace" -- "$PROGS/handoff" $mode $turns >"$T/expected" 2>"$T/err" ||
			fail "$mode: sysobs failed: $(diag "$T/err")"
		[ -z "$(diag "$T/err")" ] || fail "$mode: sysobs said: $(diag "$T/err")"
		markers "$T/trace" >"$T/got"
		diff -u "$T/expected" "$T/got" >"$T/diff" ||
			fail "$mode, run $run: $(grep -c '^[-+]c' "$T/diff") lines out of order: $(head -n 20 "$T/diff")"
		# on stderr too, with [pid N] prefixes
		[ -n "${SYSOBS_VM:-}" ] && continue
		"$SYSOBS" -f -- "$PROGS/handoff" $mode $turns 2>"$T/trace" >/dev/null
		markers "$T/trace" | diff -u "$T/expected" - >/dev/null || fail "$mode, stderr: out of order"
	done
	run=$((run + 1))
done

# JSON: the objects in the same order (schema 1: its argstr is easy to grep)
[ -n "${SYSOBS_VM:-}" ] && exit 0
"$SYSOBS" -f --json=1 -o "$T/json" -- "$PROGS/handoff" spin $turns >"$T/expected" 2>/dev/null
grep -o -E '"name":"close","args":\[[0-9]+\],"argstr":\["-[12][0-9]{6}"' "$T/json" |
	sed -e 's/.*\["\(-[0-9]*\)"/close(\1)/' >"$T/got"
check_diff "$T/expected" "$T/got"
exit 0
