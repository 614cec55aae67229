#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# tests/fuzz/run.sh BUILD_DIR [SECONDS]: the fuzz target (BUILD_DIR/fuzz/replay_fuzz, 'make fuzz')
# for a bounded time (default 60 s), its corpus seeded with the golden recordings, each once
# with the default options and once with all of them (the first byte picks them). A crash, a
# sanitizer report or a leak is a failure, shown with the report's head; the input is kept in
# BUILD_DIR/fuzz/ to replay it.
set -u
B=${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]}
secs=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
fuzz=$B/fuzz/replay_fuzz
[ -x "$fuzz" ] || { echo "SKIP: no $fuzz (make fuzz)" >&2; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/corpus"
n=0
for r in "$here"/../golden/*.rec; do
	[ -f "$r" ] || continue
	n=$((n + 1))
	{ printf '\000'; cat "$r"; } >"$T/corpus/plain-$n"
	{ printf '\377'; cat "$r"; } >"$T/corpus/all-$n"
done
[ $n -gt 0 ] || { echo "FAIL: no golden recordings to seed the corpus" >&2; exit 1; }
if ! "$fuzz" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$B/fuzz/" "$T/corpus" >"$T/log" 2>&1; then
	echo "FAIL: the fuzzer found a crash:" >&2
	grep -E 'ERROR|runtime error|SUMMARY|^    #[0-9] ' "$T/log" | head -n 20 >&2
	for a in "$B"/fuzz/crash-* "$B"/fuzz/leak-* "$B"/fuzz/timeout-*; do
		[ -f "$a" ] && echo "input: $(wc -c <"$a") bytes, kept: $a (replay: $fuzz $a)" >&2
	done
	exit 1
fi
echo "fuzz: $(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$T/log" | grep -oE '[0-9]+$') inputs in ${secs} s from $n recordings, no crash"
