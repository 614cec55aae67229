#!/bin/bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# The benchmark of issue 4: what sysobs costs a process that makes syscalls in a tight loop,
# against no tracing, against the floor of the hooks it attaches, and against strace, perf trace
# and bpftrace. Run by 'make bench' as: tests/bench/run.sh OUT (OUT = the absolute build dir).
# make builds its helpers into OUT/bench. See tests/bench/README.md for what each row means.
#
# Environment: MODE (getppid|devnull|openclose, default getppid), N (calls, default 1000000),
# SLOW_N (calls for strace, perf trace, bpftrace: default 100000), REPS (default 3),
# SKIP_SLOW=1 leaves out strace, perf trace and bpftrace.
#
# Exit: 0 when every target passes, 1 when one fails, 77 when it cannot run here (not root),
# 99 when the harness itself breaks.

set -u

OUT=${1:-}
if [ -z "$OUT" ]; then
	echo "usage: $0 OUT" >&2
	exit 99
fi
OUT=$(cd "$OUT" 2>/dev/null && pwd) || { echo "bench: no directory $1" >&2; exit 99; }
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$REPO/tests/bench
B=$OUT/bench
SYSOBS=$OUT/sysobs

MODE=${MODE:-getppid}
N=${N:-1000000}
SLOW_N=${SLOW_N:-100000}
REPS=${REPS:-3}
WARMUP=1000		# the workload's untimed warm-up calls (tests/bench/workload.c)

die() { echo "bench: $*" >&2; exit 99; }
note() { echo "bench: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
	echo "bench: SKIP: needs root (BPF programs, tracefs, apt-get)" >&2
	exit 77
fi

# --- what one workload iteration does, per mode: the syscall names and numbers to count -------
case $MODE in
getppid)	NAMES="getppid";	NRS="110";	PER=1 ;;
devnull)	NAMES="write";		NRS="1";	PER=1 ;;
openclose)	NAMES="openat close";	NRS="257 3";	PER=2 ;;
*)		die "unknown MODE '$MODE'" ;;
esac

# --- the helpers, built by make (make bench) ------------------------------------------------------
for h in workload floor replay; do
	[ -x "$B/$h" ] || die "$B/$h is missing: run this through 'make bench'"
done
WL=$B/workload
FLOOR=$B/floor

# --- tools and tracefs ---------------------------------------------------------------------------
APT_UPDATED=
need() {	# need CMD PACKAGE: install PACKAGE when CMD is missing; fails if it stays missing
	command -v "$1" >/dev/null 2>&1 && return 0
	if command -v apt-get >/dev/null 2>&1; then
		note "installing $2 for $1"
		if [ -z "$APT_UPDATED" ]; then
			apt-get update -qq >/dev/null 2>&1
			APT_UPDATED=1
		fi
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1
	fi
	command -v "$1" >/dev/null 2>&1
}
HAVE_STRACE=; HAVE_PERF=; HAVE_BPFTRACE=; HAVE_TIME=
need strace strace && HAVE_STRACE=1
need perf linux-perf && HAVE_PERF=1
need bpftrace bpftrace && HAVE_BPFTRACE=1
[ -x /usr/bin/time ] || need /usr/bin/time time
[ -x /usr/bin/time ] && HAVE_TIME=1
if ! mountpoint -q /sys/kernel/tracing; then
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null ||
		note "could not mount tracefs: perf trace and bpftrace rows may fail"
fi
# sysobs as a user runs it, plus SYSOBS_ARGS (e.g. SYSOBS_ARGS=--no-prepare-exec).
read -r -a SYSOBS_OPTS <<<"${SYSOBS_ARGS:-}"
HAVE_SYSOBS=
SYSOBS_NA="build/sysobs missing"
if [ -x "$SYSOBS" ]; then
	if "$SYSOBS" "${SYSOBS_OPTS[@]}" -o /dev/null -- /bin/true 2>"$B/sysobs-probe.err"; then
		HAVE_SYSOBS=1
	else
		SYSOBS_NA="sysobs fails to start"
		note "sysobs -- /bin/true fails: $(head -1 "$B/sysobs-probe.err")"
	fi
else
	note "$SYSOBS missing: the sysobs rows show n/a"
fi

TMP=$(mktemp -d /tmp/sysobs-bench.XXXXXX) || die "mktemp failed"
BG_PID=
cleanup() {
	[ -n "$BG_PID" ] && kill "$BG_PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 99' INT TERM

# Other BPF programs on syscall hooks slow every syscall of every process: the numbers would
# then be inflated, so say so (they are counted again at the end).
other_links() {
	$BPFTOOL link list 2>/dev/null | grep -cE '^[0-9]+: (tracing|raw_tracepoint|perf_event)'
}
LINKS_BEFORE=$(other_links)
[ "${LINKS_BEFORE:-0}" -gt 0 ] &&
	note "warning: $LINKS_BEFORE tracing BPF links already attached: every number below pays for them"

# --- measuring -----------------------------------------------------------------------------------
# One row = REPS runs of a command that runs the workload with "-r $TMP/res"; each run's
# ns_per_call is read back, the row reports the median. A row function gets: n outfile errfile.

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
# start-up against strace and the real-workload section (issue 12)
. "$SRC/workloads.sh"

# Events seen and lost for one run, by the kind of output: prints "seen lost" ("-" = not known).
count_names() {	# count_names FILE PATTERN-PREFIX PATTERN-SUFFIX: summed over NAMES
	local f=$1 pre=$2 suf=$3 name total=0 c
	for name in $NAMES; do
		c=$(grep -c -- "$pre$name$suf" "$f" 2>/dev/null)
		total=$((total + ${c:-0}))
	done
	echo "$total"
}
lost_stderr() {	# "N events lost", "lost N events", "lost: N" on stderr; "-" when absent
	grep -ioE '([0-9]+ (events?|records?) lost|lost:? [0-9]+)' "$1" 2>/dev/null |
		grep -oE '[0-9]+' | awk '{ s += $1; n++ } END { print n ? s : "-" }'
}
events_text() {	# sysobs text
	local seen lost inline
	seen=$(count_names "$1" "" "(")
	inline=$(grep -oE -- '--- lost [0-9]+' "$1" | awk '{ s += $3 } END { print s + 0 }')
	lost=$(lost_stderr "$2")
	# sysobs says "N events lost" whenever there is loss: no line is none
	[ "$lost" = - ] && lost=$inline
	echo "$seen $lost"
}
events_json() {
	local seen lost
	seen=$(count_names "$1" '"name":"' '"')
	lost=$(grep '"type":"summary"' "$1" | grep -oE '"lost":[0-9]+' | tail -1 | cut -d: -f2)
	[ -z "$lost" ] && lost=$(lost_stderr "$2")
	echo "$seen ${lost:--}"
}
events_count() {	# sysobs -c: the calls column of the strace-like summary table
	local seen=0 name c
	for name in $NAMES; do
		c=$(cat "$1" "$2" 2>/dev/null | awk -v n="$name" '$NF == n && $4 ~ /^[0-9]+$/ { print $4; exit }')
		seen=$((seen + ${c:-0}))
	done
	echo "$seen $(lost_stderr "$2")"
}
events_strace() { echo "$(count_names "$1" "" "(") 0"; }	# synchronous: nothing is lost
events_perf() {
	local lost
	lost=$(grep -oE 'LOST [0-9]+' "$1" "$2" 2>/dev/null | grep -oE '[0-9]+$' |
		awk '{ s += $1 } END { print s + 0 }')
	echo "$(count_names "$1" " " "(") $lost"
}
events_bpftrace() {	# lines start with the syscall number
	local seen=0 nr c lost
	for nr in $NRS; do
		c=$(grep -cE "^$nr " "$1")
		seen=$((seen + ${c:-0}))
	done
	lost=$(grep -ihoE 'lost [0-9]+ events' "$1" "$2" 2>/dev/null | grep -oE '[0-9]+' |
		awk '{ s += $1 } END { print s + 0 }')
	echo "$seen $lost"
}
events_none() { echo "- -"; }

# Rows are registered with add_row, then measured a group at a time by run_rows: the
# repetitions are interleaved (run 1 of every row, then run 2, ...) so that a burst of load
# from elsewhere on the machine spreads over the rows instead of landing on one of them.
declare -A NS SEEN LOST CALLS NOTE EVF RUNF LIST WSEEN WLOST LKNOWN WMISS
ROWS=()

add_row() {	# add_row KEY LABEL CALLS EVENTS-FUNC RUN-FUNC
	ROWS+=("$1")
	NOTE[$1]=$2
	CALLS[$1]=$3
	EVF[$1]=$4
	RUNF[$1]=$5
	LIST[$1]=""
	WSEEN[$1]=""
	WLOST[$1]=0
	WMISS[$1]=0
	LKNOWN[$1]=1
}

run_once() {	# run_once KEY REP: one run of a row; returns 1 when it gave no result
	local key=$1 rep=$2 n=${CALLS[$1]} ns seen lost miss

	rm -f "$TMP/res" "$TMP/out" "$TMP/err"
	${RUNF[$key]} "$n" "$TMP/out" "$TMP/err" >/dev/null 2>"$TMP/err"
	ns=$(sed -n 's/^ns_per_call=\([0-9.]*\) .*/\1/p' "$TMP/res" 2>/dev/null)
	if [ -z "$ns" ]; then
		note "${NOTE[$key]}: run $rep gave no result; its stderr:"
		sed 's/^/    /' "$TMP/err" | head -5 >&2
		NS[$key]=failed
		return 1
	fi
	LIST[$key]+="$ns"$'\n'
	read -r seen lost <<<"$(${EVF[$key]} "$TMP/out" "$TMP/err")"
	# the worst of the runs: fewest seen, most lost
	if [ "$seen" != - ] && { [ -z "${WSEEN[$key]}" ] || [ "$seen" -lt "${WSEEN[$key]}" ]; }; then
		WSEEN[$key]=$seen
	fi
	case $lost in
	-|*\?) LKNOWN[$key]=0; lost=${lost%\?}; lost=${lost#-} ;;
	esac
	[ -n "$lost" ] && [ "$lost" -gt "${WLOST[$key]}" ] && WLOST[$key]=$lost
	# calls neither shown nor reported lost (a tool that stops before it has drained its buffer)
	if [ "$seen" != - ]; then
		miss=$(( (n + WARMUP) * PER - seen - ${lost:-0} ))
		[ "$miss" -gt "${WMISS[$key]}" ] && WMISS[$key]=$miss
	fi
	return 0
}

run_rows() {	# run_rows KEY...: REPS interleaved runs of each, then the medians
	local rep key

	for ((rep = 1; rep <= REPS; rep++)); do
		for key in "$@"; do
			[ "${NS[$key]:-}" = failed ] && continue
			run_once "$key" "$rep"
		done
	done
	for key in "$@"; do
		if [ "${NS[$key]:-}" = failed ]; then
			SEEN[$key]=-
			LOST[$key]=-
			continue
		fi
		NS[$key]=$(printf '%s' "${LIST[$key]}" | median)
		if [ -z "${WSEEN[$key]}" ]; then
			SEEN[$key]=-
			LOST[$key]=-
		else
			SEEN[$key]="${WSEEN[$key]}/$(( (CALLS[$key] + WARMUP) * PER ))"
			LOST[$key]=${WLOST[$key]}
			[ "${LKNOWN[$key]}" = 0 ] && LOST[$key]="${WLOST[$key]} (no report)"
			[ "${WMISS[$key]}" -gt 0 ] && LOST[$key]+=" +${WMISS[$key]} missing, unreported"
		fi
	done
}
na() {	# na KEY LABEL REASON: a row that cannot run here
	ROWS+=("$1")
	NOTE[$1]=$2
	CALLS[$1]=-
	NS[$1]="n/a ($3)"
	SEEN[$1]=-
	LOST[$1]=-
}

run_bare()		{ "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_floor_exit()	{ "$FLOOR" exit "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_floor_both()	{ "$FLOOR" both "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_floor_untraced()	{ "$FLOOR" -u exit "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_floor_mt()		{ "$FLOOR" -t exit "$WL" -r "$TMP/res" -t 4 "$MODE" "$1"; }
run_text_mt()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" -f -o "$2" -- "$WL" -r "$TMP/res" -t 4 "$MODE" "$1"; }
run_text()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_json()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" --json -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_text_ts()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" -ttt -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_json_ts()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" --json -ttt -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_count()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" -c -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_times()		{ "$SYSOBS" "${SYSOBS_OPTS[@]}" -T -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_strace()		{ strace -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
run_perf()		{ perf trace -o "$2" -- "$WL" -r "$TMP/res" "$MODE" "$1"; }
# bpftrace 0.17 has no rawtracepoint probes and its tracepoint:raw_syscalls:sys_exit has only
# id and ret: "exit" is one event per call with number and result (less than sysobs records);
# "enter+exit" is what sysobs shows (number, six arguments, result), the way bpftrace does it.
BT_EXIT='tracepoint:raw_syscalls:sys_exit /pid == cpid/ { printf("%d %d\n", args->id, args->ret); }'
BT_BOTH='tracepoint:raw_syscalls:sys_enter /pid == cpid/ {
	printf("%d %lx %lx %lx %lx %lx %lx\n", args->id, args->args[0], args->args[1],
	       args->args[2], args->args[3], args->args[4], args->args[5]); }
tracepoint:raw_syscalls:sys_exit /pid == cpid/ { printf("< %d %d\n", args->id, args->ret); }'
run_bt_exit()	{ bpftrace -o "$2" -e "$BT_EXIT" -c "$WL -r $TMP/res $MODE $1"; }
run_bt_both()	{ bpftrace -o "$2" -e "$BT_BOTH" -c "$WL -r $TMP/res $MODE $1"; }
events_bt_both() {	# the exit lines ("< nr ret"): one per call
	local seen=0 nr c lost
	for nr in $NRS; do
		c=$(grep -cE "^< $nr " "$1")
		seen=$((seen + ${c:-0}))
	done
	lost=$(events_bpftrace "$1" "$2" | cut -d' ' -f2)
	echo "$seen $lost"
}

# The untraced process: sysobs traces 'sleep 60' in the background while the bare workload runs.
UNTR_SLEEP=
untraced_start() {
	local i
	"$SYSOBS" "${SYSOBS_OPTS[@]}" -o /dev/null -- sleep 60 2>"$TMP/bg.err" &
	BG_PID=$!
	# attached once a sleep child of sysobs exists and is asleep (past its execve)
	for ((i = 0; i < 100; i++)); do
		UNTR_SLEEP=$(ps -o pid= --ppid "$BG_PID" 2>/dev/null | head -1 | tr -d ' ')
		if [ -n "$UNTR_SLEEP" ] && [ "$(readlink "/proc/$UNTR_SLEEP/exe" 2>/dev/null)" != "$SYSOBS" ]; then
			sleep 0.2
			return 0
		fi
		kill -0 "$BG_PID" 2>/dev/null || break
		sleep 0.05
	done
	return 1
}
untraced_stop() {
	[ -n "$UNTR_SLEEP" ] && kill "$UNTR_SLEEP" 2>/dev/null
	kill "$BG_PID" 2>/dev/null
	wait "$BG_PID" 2>/dev/null
	BG_PID=
	UNTR_SLEEP=
}

k() { awk -v n="$1" 'BEGIN { if (n !~ /^[0-9]+$/) printf "%s", n; else if (n % 1000000 == 0) printf "%dM", n / 1000000;
	else if (n % 1000 == 0) printf "%dk", n / 1000; else printf "%d", n }'; }

START=$(date +%s)
note "measuring: $MODE, $(k "$N") calls, $REPS runs per row (slow tools: $(k "$SLOW_N"))"
add_row bare "bare" "$N" events_none run_bare
add_row floor_exit "floor, sys_exit only (traced tid)" "$N" events_none run_floor_exit
add_row floor_both "floor, sys_enter + sys_exit (traced tid)" "$N" events_none run_floor_both
add_row floor_untr "floor, sys_exit only (untraced tid)" "$N" events_none run_floor_untraced
add_row floor_mt "floor, sys_exit only, 4 threads (CPU)" "$N" events_none run_floor_mt
FAST=(bare floor_exit floor_both floor_untr floor_mt)
if [ -n "$HAVE_SYSOBS" ]; then
	add_row text "sysobs -o FILE (text)" "$N" events_text run_text
	add_row json "sysobs --json -o FILE" "$N" events_json run_json
	add_row text_ts "sysobs -ttt -o FILE (exact stamps)" "$N" events_text run_text_ts
	add_row json_ts "sysobs --json -ttt -o FILE" "$N" events_json run_json_ts
	add_row count "sysobs -c -o FILE" "$N" events_count run_count
	add_row times "sysobs -T -o FILE" "$N" events_text run_times
	add_row text_mt "sysobs -f -o FILE, 4 threads (CPU)" "$N" events_text run_text_mt
	FAST+=(text json text_ts json_ts count times text_mt)
fi
run_rows "${FAST[@]}"
if [ -n "$HAVE_SYSOBS" ]; then
	add_row untraced "untraced, sysobs tracing sleep" "$N" events_none run_bare
	if untraced_start; then
		run_rows untraced
	else
		note "sysobs -- sleep 60 did not start: $(head -3 "$TMP/bg.err")"
		NS[untraced]="n/a (sysobs -- sleep failed)"
		SEEN[untraced]=-
		LOST[untraced]=-
	fi
	untraced_stop
else
	for r in "text|sysobs -o FILE (text)" "json|sysobs --json -o FILE" \
		 "text_ts|sysobs -ttt -o FILE (exact stamps)" "json_ts|sysobs --json -ttt -o FILE" \
		 "count|sysobs -c -o FILE" \
		 "times|sysobs -T -o FILE" "untraced|untraced, sysobs tracing sleep"; do
		na "${r%%|*}" "${r#*|}" "$SYSOBS_NA"
	done
fi
if [ -z "${SKIP_SLOW:-}" ]; then
	SLOW=()
	if [ -n "$HAVE_STRACE" ]; then
		add_row strace "strace -o FILE" "$SLOW_N" events_strace run_strace
		SLOW+=(strace)
	else
		na strace "strace -o FILE" "strace missing"
	fi
	if [ -n "$HAVE_PERF" ]; then
		add_row perf "perf trace -o FILE" "$SLOW_N" events_perf run_perf
		SLOW+=(perf)
	else
		na perf "perf trace -o FILE" "perf missing"
	fi
	if [ -n "$HAVE_BPFTRACE" ]; then
		add_row bt_exit "bpftrace exit: nr, ret" "$SLOW_N" events_bpftrace run_bt_exit
		add_row bt_both "bpftrace enter+exit: nr, args, ret" "$SLOW_N" events_bt_both run_bt_both
		SLOW+=(bt_exit bt_both)
	else
		na bt_exit "bpftrace exit: nr, ret" "bpftrace missing"
		na bt_both "bpftrace enter+exit: nr, args, ret" "bpftrace missing"
	fi
	[ ${#SLOW[@]} -gt 0 ] && run_rows "${SLOW[@]}"
fi

# --- start-up and memory -------------------------------------------------------------------------
RSS_MIB=
startup_measure
real_measure
if [ -n "$HAVE_SYSOBS" ]; then
	if [ -n "$HAVE_TIME" ]; then
		# ru_maxrss of sysobs, which waited for the workload: the larger of the two (sysobs's)
		rm -f "$TMP/res"
		/usr/bin/time -v -o "$TMP/time" "$SYSOBS" "${SYSOBS_OPTS[@]}" -o "$TMP/out" -- \
			"$WL" -r "$TMP/res" "$MODE" "$N" 2>"$TMP/err"
		if [ -s "$TMP/res" ]; then
			RSS_MIB=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$TMP/time")
		else
			note "sysobs under /usr/bin/time failed: $(head -1 "$TMP/err")"
		fi
	fi
fi
# consumer throughput: a recorded burst (sysobs --record) replayed through the same consumer,
# decoder and sink into a file, timed by build/bench/replay (best of 3)
CONS_TEXT=- CONS_JSON=-
if [ -n "$HAVE_SYSOBS" ] && [ -x "$OUT/bench/replay" ]; then
	if "$SYSOBS" --json --record "$TMP/burst.raw" -o /dev/null -- "$WL" "$MODE" "$N" >/dev/null 2>&1; then
		CONS_TEXT=$("$OUT/bench/replay" "$TMP/burst.raw" text "$TMP/replay.out" 3 |
			sed -n 's/.*records_per_s=\([0-9]*\).*/\1/p')
		CONS_JSON=$("$OUT/bench/replay" "$TMP/burst.raw" json "$TMP/replay.out" 3 |
			sed -n 's/.*records_per_s=\([0-9]*\).*/\1/p')
		rm -f "$TMP/burst.raw" "$TMP/replay.out"
	else
		note "sysobs --record failed"
	fi
fi
mrec() { awk -v a="$1" 'BEGIN { if (a ~ /^[0-9.]+$/) printf "%.2f", a / 1e6; else print "-" }'; }
LINKS_AFTER=$(other_links)

# --- the table -----------------------------------------------------------------------------------
ratio() {	# ratio A B: A / B with 2 decimals, "-" when either is not a number
	awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0)
		printf "%.2f", a / b; else printf "-" }'
}
declare -A FLOOR_OF=([text]=floor_exit [json]=floor_exit [text_ts]=floor_exit [json_ts]=floor_exit [count]=floor_both [times]=floor_both
		     [untraced]=floor_untr [floor_exit]=floor_exit [floor_both]=floor_both
		     [floor_untr]=floor_untr [floor_mt]=floor_mt [text_mt]=floor_mt)

echo
echo "sysobs bench: $MODE, $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), Linux $(uname -r)"
echo "median of $REPS runs; x floor = against the floor with the same hooks (text/json: exit only;"
echo "-c/-T: both; untraced: untraced floor); events seen = fewest of the runs / expected (incl. $WARMUP warm-up)"
[ ${#SYSOBS_OPTS[@]} -gt 0 ] && echo "sysobs ran with: ${SYSOBS_OPTS[*]}"
echo
fmt='%-40s | %7s | %-28s | %6s | %7s | %-17s | %s\n'
printf "$fmt" "mode" "calls" "ns/call" "x bare" "x floor" "events seen" "events lost"
printf "$fmt" "----------------------------------------" "-------" "----------------------------" \
	"------" "-------" "-----------------" "-----------"
for key in "${ROWS[@]}"; do
	f=${FLOOR_OF[$key]:-}
	xf=-
	[ -n "$f" ] && xf=$(ratio "${NS[$key]}" "${NS[$f]:-}")
	printf "$fmt" "${NOTE[$key]}" "$(k "${CALLS[$key]}" 2>/dev/null)" "${NS[$key]}" \
		"$(ratio "${NS[$key]}" "${NS[bare]}")" "$xf" "${SEEN[$key]}" "${LOST[$key]}"
done
printf "$fmt" "consumer throughput, text (M records/s)" "$(k "$N")" "$(mrec "$CONS_TEXT")" "-" "-" "-" "-"
printf "$fmt" "consumer throughput, JSON (M records/s)" "$(k "$N")" "$(mrec "$CONS_JSON")" "-" "-" "-" "-"
echo
if [ -n "$HAVE_SYSOBS" ]; then
	echo "sysobs peak RSS (default ring, $(k "$N") $MODE): ${RSS_MIB:-failed} MiB"
else
	echo "sysobs -- /bin/true: n/a ($SYSOBS_NA); peak RSS: n/a ($SYSOBS_NA)"
fi
real_print
[ "${LINKS_AFTER:-0}" -gt 0 ] &&
	echo "warning: $LINKS_AFTER other tracing BPF links were attached at the end: numbers may be inflated"

# --- the targets ---------------------------------------------------------------------------------
FAILS=0
NOTMEASURED=0
check() {	# check NAME VALUE OP LIMIT [UNIT]
	local name=$1 v=$2 op=$3 lim=$4 unit=${5:-} res
	if ! [[ $v =~ ^[0-9.]+$ ]] || ! [[ $lim =~ ^[0-9.]+$ ]]; then
		printf '  %-4s  %-46s %s\n' "n/a" "$name" "(not measured)"
		NOTMEASURED=$((NOTMEASURED + 1))
		return
	fi
	res=$(awk -v v="$v" -v l="$lim" -v op="$op" 'BEGIN { ok = op == "<=" ? v <= l + 1e-9 : op == ">=" ? v >= l - 1e-9 : v == l;
		print ok ? "PASS" : "FAIL" }')
	[ "$res" = FAIL ] && FAILS=$((FAILS + 1))
	printf '  %-4s  %-46s %s%s (limit %s %s%s)\n' "$res" "$name" "$v" "$unit" "$op" "$lim" "$unit"
}
mul() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/) printf "%.1f", a * b; else print "-" }'; }

echo
echo "targets:"
check "default text <= 1.3 x floor (exit only)" "$(ratio "${NS[text]}" "${NS[floor_exit]}")" "<=" 1.3 x
check "default text <= 3.0 x bare" "$(ratio "${NS[text]}" "${NS[bare]}")" "<=" 3.0 x
check "-f, 4 threads <= 1.3 x its floor" "$(ratio "${NS[text_mt]}" "${NS[floor_mt]}")" "<=" 1.3 x
lost_mt=${LOST[text_mt]%% *}
check "0 events lost, -f, 4 threads" "$lost_mt" "==" 0
check "-T <= 3.5 x bare" "$(ratio "${NS[times]}" "${NS[bare]}")" "<=" 3.5 x
check "--json within 10% of text" "${NS[json]}" "<=" "$(mul "${NS[text]}" 1.10)" " ns"
check "--json -ttt within 10% of -ttt (exact stamps)" "${NS[json_ts]}" "<=" "$(mul "${NS[text_ts]}" 1.10)" " ns"
check "untraced <= untraced floor + 10%" "${NS[untraced]}" "<=" "$(mul "${NS[floor_untr]}" 1.10)" " ns"
lost_default=${LOST[text]%% *}
check "0 events lost with defaults" "$lost_default" "==" 0
if [ "${SEEN[text]}" != - ] && [ "${SEEN[text]%/*}" != "${SEEN[text]#*/}" ]; then
	printf '  %-4s  %-46s %s\n' "FAIL" "all calls shown with defaults" "${SEEN[text]}"
	FAILS=$((FAILS + 1))
fi
check "peak RSS <= 40 MiB" "${RSS_MIB:-}" "<=" 40 " MiB"
check "consumer throughput, text >= 3M records/s" "$(mrec "$CONS_TEXT")" ">=" 3 "M/s"
check "consumer throughput, JSON >= 3M records/s" "$(mrec "$CONS_JSON")" ">=" 3 "M/s"
real_check
echo
echo "bench took $(( $(date +%s) - START )) s; $FAILS target(s) failed, $NOTMEASURED not measured"
[ "$FAILS" = 0 ]
