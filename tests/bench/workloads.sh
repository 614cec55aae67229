# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# Sourced by run.sh (issue 12): start-up against strace, and short real commands whole, start-up
# and all, under no tracer, sysobs -f, strace -f and perf trace. Every tool's run of one round
# follows the bare run of that round (paired), a row shows the median of the rounds' ratios to
# bare. Needs from run.sh: SYSOBS, SYSOBS_OPTS, TMP, HAVE_SYSOBS, HAVE_STRACE, HAVE_PERF, median,
# note, check. Environment: REAL_REPS (rounds, default 5), STARTUP_PAIRS (default 11),
# SKIP_REAL=1 leaves the workloads out; SKIP_SLOW=1 leaves out their strace and perf trace runs.

REAL_REPS=${REAL_REPS:-5}
STARTUP_PAIRS=${STARTUP_PAIRS:-11}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# name | command (eval'd into words; bare runs it as is, each tracer runs it as its command)
REAL_WORKLOADS=(
	"/bin/true|/bin/true"
	"8 x ls /usr/bin|sh -c 'for i in 1 2 3 4 5 6 7 8; do ls /usr/bin >/dev/null; done'"
	"gcc -O1 -c t.c|gcc -O1 -c \$TMP/t.c -o \$TMP/t.o"
	"tar cf /dev/null /usr/include|tar cf /dev/null /usr/include"
	"python3 imports|$PY -c 'import json, re, decimal, email.parser, http.client, xml.etree.ElementTree, unittest, argparse, logging, sqlite3'"
	"find /usr/lib -name '*.so*'|find /usr/lib -name '*.so*'"
	"python3 4 threads x 20k getppid|$PY -c 'import os, threading; ts = [threading.Thread(target=lambda: [os.getppid() for _ in range(20000)]) for _ in range(4)]; [t.start() for t in ts]; [t.join() for t in ts]'"
)
REAL_TOOLS=(bare sysobs strace perf)

now_us() { echo $(( $(date +%s%N) / 1000 )); }

# real_run TOOL WORDS...: runs the command under TOOL with its output to $TMP/real.TOOL, stdout
# to /dev/null, stderr to $TMP/real.TOOL.err; prints the wall time in microseconds, or "-".
real_run() {
	local tool=$1 t0 t1 rc
	shift
	t0=$(now_us)
	case $tool in
	bare)	"$@" >/dev/null 2>"$TMP/real.$tool.err" ;;
	sysobs)	"$SYSOBS" "${SYSOBS_OPTS[@]}" -f -o "$TMP/real.$tool" -- "$@" >/dev/null \
			2>"$TMP/real.$tool.err" ;;
	strace)	strace -f -o "$TMP/real.$tool" -- "$@" >/dev/null 2>"$TMP/real.$tool.err" ;;
	perf)	perf trace -o "$TMP/real.$tool" -- "$@" >/dev/null 2>"$TMP/real.$tool.err" ;;
	esac
	rc=$?
	t1=$(now_us)
	[ $rc = 0 ] && echo $((t1 - t0)) || echo -
}

# sysobs's losses in the last run: its "N events lost" line, or the in-trace markers' sum
real_lost() {
	local n m
	n=$(grep -oE '[0-9]+ events lost' "$TMP/real.sysobs.err" | grep -oE '^[0-9]+' | head -1)
	m=$(grep -oE -- '--- lost [0-9]+' "$TMP/real.sysobs" 2>/dev/null | awk '{ s += $3 } END { print s + 0 }')
	echo $(( ${n:-0} > ${m:-0} ? ${n:-0} : ${m:-0} ))
}

real_tool_on() {
	case $1 in
	bare)	return 0 ;;
	sysobs)	[ -n "$HAVE_SYSOBS" ] ;;
	strace)	[ -n "$HAVE_STRACE" ] && [ -z "${SKIP_SLOW:-}" ] ;;
	perf)	[ -n "$HAVE_PERF" ] && [ -z "${SKIP_SLOW:-}" ] ;;
	esac
}

# Fills REAL_RATIO[i,tool] (median x bare), REAL_BARE[i] (median ms), REAL_LOST[i].
declare -A REAL_RATIO REAL_BARE REAL_LOST
real_measure() {
	local i r tool t bare words name
	[ -n "${SKIP_REAL:-}" ] && return
	printf 'int main(void) { volatile int x = 6 * 7; return x == 42 ? 0 : 1; }\n' >"$TMP/t.c"
	for i in "${!REAL_WORKLOADS[@]}"; do
		name=${REAL_WORKLOADS[$i]%%|*}
		eval "words=(${REAL_WORKLOADS[$i]#*|})"
		: >"$TMP/real.bare.list"
		for tool in "${REAL_TOOLS[@]}"; do : >"$TMP/real.$tool.ratios"; done
		REAL_LOST[$i]=0
		real_run bare "${words[@]}" >/dev/null	# warm the page cache
		for ((r = 0; r < REAL_REPS; r++)); do
			bare=$(real_run bare "${words[@]}")
			[ "$bare" = - ] && { note "real workload '$name' fails bare"; break; }
			echo "$bare" >>"$TMP/real.bare.list"
			for tool in "${REAL_TOOLS[@]:1}"; do
				real_tool_on "$tool" || continue
				t=$(real_run "$tool" "${words[@]}")
				if [ "$t" = - ]; then
					note "'$name' under $tool failed: $(head -1 "$TMP/real.$tool.err")"
					continue
				fi
				awk -v a="$t" -v b="$bare" 'BEGIN { printf "%.4f\n", a / b }' \
					>>"$TMP/real.$tool.ratios"
				[ "$tool" = sysobs ] &&
					REAL_LOST[$i]=$(( REAL_LOST[$i] + $(real_lost) ))
			done
		done
		REAL_BARE[$i]=$(median <"$TMP/real.bare.list" | awk '{ if ($1 != "") printf "%.0f", $1 / 1000 }')
		for tool in "${REAL_TOOLS[@]:1}"; do
			REAL_RATIO[$i,$tool]=$(median <"$TMP/real.$tool.ratios" |
				awk '{ if ($1 != "") printf "%.2f", $1 }')
		done
	done
}

# Start-up: sysobs and strace on /bin/true, interleaved pairs; STARTUP_SYSOBS/_STRACE in ms.
STARTUP_SYSOBS=; STARTUP_STRACE=
startup_measure() {
	local i a b c
	[ -n "$HAVE_SYSOBS" ] && [ -n "$HAVE_STRACE" ] || return
	: >"$TMP/su.sysobs"; : >"$TMP/su.strace"
	for ((i = 0; i < STARTUP_PAIRS; i++)); do
		a=$(now_us)
		"$SYSOBS" "${SYSOBS_OPTS[@]}" -o /dev/null -- /bin/true 2>"$TMP/err" || {
			note "sysobs -- /bin/true failed: $(head -1 "$TMP/err")"; return; }
		b=$(now_us)
		strace -o /dev/null -- /bin/true || return
		c=$(now_us)
		echo $((b - a)) >>"$TMP/su.sysobs"
		echo $((c - b)) >>"$TMP/su.strace"
	done
	STARTUP_SYSOBS=$(median <"$TMP/su.sysobs" | awk '{ printf "%.1f", $1 / 1000 }')
	STARTUP_STRACE=$(median <"$TMP/su.strace" | awk '{ printf "%.1f", $1 / 1000 }')
}

real_print() {
	local i fmt='%-34s | %8s | %9s | %9s | %10s | %s\n'
	[ -n "$STARTUP_SYSOBS" ] &&
		echo "start-up, $STARTUP_PAIRS pairs: sysobs -o /dev/null -- /bin/true $STARTUP_SYSOBS ms," \
		     "strace -o /dev/null -- /bin/true $STARTUP_STRACE ms" \
		     "($(ratio "$STARTUP_SYSOBS" "$STARTUP_STRACE") x strace)"
	[ -n "${SKIP_REAL:-}" ] && return
	echo
	echo "real workloads, whole command (start-up included), median of $REAL_REPS paired rounds, x bare:"
	printf "$fmt" "workload" "bare ms" "sysobs -f" "strace -f" "perf trace" "sysobs lost"
	printf "$fmt" "----------------------------------" "--------" "---------" "---------" \
		"----------" "-----------"
	for i in "${!REAL_WORKLOADS[@]}"; do
		printf "$fmt" "${REAL_WORKLOADS[$i]%%|*}" "${REAL_BARE[$i]:--}" \
			"${REAL_RATIO[$i,sysobs]:--}" "${REAL_RATIO[$i,strace]:--}" \
			"${REAL_RATIO[$i,perf]:--}" "${REAL_LOST[$i]:--}"
	done
}

real_check() {
	local i name so st
	check "sysobs -- /bin/true <= strace -- /bin/true" "$STARTUP_SYSOBS" "<=" "$STARTUP_STRACE" " ms"
	[ -n "${SKIP_REAL:-}" ] && return
	for i in "${!REAL_WORKLOADS[@]}"; do
		name=${REAL_WORKLOADS[$i]%%|*}
		so=${REAL_RATIO[$i,sysobs]:-}
		st=${REAL_RATIO[$i,strace]:-}
		check "$name: sysobs -f < strace -f" "$so" "<=" "$st" " x"
		[ "${REAL_BARE[$i]:-0}" -ge 300 ] 2>/dev/null &&
			check "$name: sysobs -f <= 1.15 x bare" "$so" "<=" 1.15 " x"
		check "$name: sysobs lost nothing" "${REAL_LOST[$i]:-}" "==" 0
	done
}
