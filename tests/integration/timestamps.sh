# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# -t, -tt, -ttt and -r prefix lines as strace does; JSON's ts_ns: exact per call with those
# options (and -T), one stamp per batch otherwise (docs/json.md), and the summary says which.
. "$SRCDIR/tests/lib.sh"
need_bpf

P=$PROGS/stamps
# the getppid lines (5 back to back, 50 ms of computing, 1 more) of a trace
getppids() {
	between_marks "$1" | grep 'getppid()'
}

# -tt: time of day with microseconds on every line, the calls themselves unchanged
"$SYSOBS" -tt -o "$T/tt" -- "$P" || fail "sysobs -tt failed"
bad=$(grep -v -E '^[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{6} ' "$T/tt")
[ -z "$bad" ] || fail "-tt lines without a time of day: $bad"
grep -q -E '^[0-9:.]{15} \+\+\+ exited with 0 \+\+\+$' "$T/tt" || fail "-tt: no stamped exit line"
sed 's/^[^ ]* //' "$T/tt" >"$T/tt.plain"
expect_eq "-tt getppid lines" 6 "$(getppids "$T/tt.plain" | grep -c '^getppid() *= [0-9]*$')"

# -t: seconds only
"$SYSOBS" -t -o "$T/t" -- "$P" || fail "sysobs -t failed"
bad=$(grep -v -E '^[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [a-z+]' "$T/t")
[ -z "$bad" ] || fail "-t lines without HH:MM:SS: $bad"

# -ttt: seconds since the epoch, close to now; the computing shows between the stamps
before=$(date +%s)
"$SYSOBS" -ttt -o "$T/ttt" -- "$P" || fail "sysobs -ttt failed"
after=$(date +%s)
bad=$(grep -v -E '^[0-9]{10}\.[0-9]{6} ' "$T/ttt")
[ -z "$bad" ] || fail "-ttt lines without epoch seconds: $bad"
first=$(head -1 "$T/ttt" | cut -d. -f1)
[ "$first" -ge $((before - 1)) ] && [ "$first" -le $((after + 1)) ] ||
	fail "-ttt: first stamp $first is not between $before and $after"
sed 's/^\([0-9]*\.[0-9]*\) \(.*\)/\2 @\1/' "$T/ttt" >"$T/ttt.moved"
getppids "$T/ttt.moved" | sed 's/.* @//' >"$T/ttt.ts"
expect_eq "-ttt getppid lines" 6 "$(wc -l <"$T/ttt.ts" | tr -d ' ')"
awk 'NR > 1 && $1 < prev { print "not increasing: " prev " then " $1 } { prev = $1 }' \
	"$T/ttt.ts" >"$T/bad"
[ -s "$T/bad" ] && fail "-ttt: $(cat "$T/bad")"
gap=$(awk 'NR == 5 { a = $1 } NR == 6 { printf "%d", ($1 - a) * 1000 }' "$T/ttt.ts")
[ "$gap" -ge 45 ] && [ "$gap" -lt 5000 ] || fail "-ttt: 50 ms of computing shows as $gap ms"

# -r: time since the previous line, 0 first
"$SYSOBS" -r -o "$T/r" -- "$P" || fail "sysobs -r failed"
bad=$(grep -v -E '^ {5}[0-9]+\.[0-9]{6} ' "$T/r")
[ -z "$bad" ] || fail "-r lines not in strace's format: $bad"
expect_eq "-r first line" "     0.000000 execve(" "$(head -1 "$T/r" | cut -c1-21)"
sed 's/^ *\([0-9.]*\) \(.*\)/\2 @\1/' "$T/r" >"$T/r.moved"	# no /dev/stdin in the VMs
# the time from the 5th getppid to the 6th: the sum of the lines' deltas (where the vDSO cannot
# read the clock, as in some VMs, clock_gettime calls come in between), each shown cut to the
# microsecond: up to 1 us per line is added back
between_marks "$T/r.moved" | awk '/^getppid\(\)/ { n++ } n >= 5 && !/^getppid\(\)/ || n == 6 {
	sub(/.* @/, ""); s += $1 + 0.000001 } n == 6 { printf "%d", s * 1000; exit }' >"$T/r6"
ms=$(cat "$T/r6")
[ -n "$ms" ] && [ "$ms" -ge 45 ] || fail "-r: 50 ms of computing shows as '$ms' ms"

# -t -r together, and -f into a file: "PID HH:MM:SS (+ S.UUUUUU) call"
"$SYSOBS" -f -t -r -o "$T/ftr" -- "$P" || fail "sysobs -f -t -r failed"
bad=$(grep -v -E '^[0-9]+ +[0-9:]{8} \(\+ +[0-9]+\.[0-9]{6}\) ' "$T/ftr")
[ -z "$bad" ] || fail "-f -t -r lines not in strace's format: $bad"

# JSON: ts_ns never goes back within a thread; exact stamps with -ttt and -T
json_ts() {	# the getppid stamps of a JSON trace, one a line
	grep '"name":"getppid"' "$1" | sed 's/.*"ts_ns":\([0-9]*\).*/\1/'
}
"$SYSOBS" --json -o "$T/j" -- "$P" || fail "sysobs --json failed"
json_ts "$T/j" >"$T/j.ts"
expect_eq "JSON getppid objects" 6 "$(wc -l <"$T/j.ts" | tr -d ' ')"
awk 'NR > 1 && $1 < prev { print prev " then " $1 } { prev = $1 }' "$T/j.ts" >"$T/bad"
[ -s "$T/bad" ] && fail "JSON ts_ns went back: $(cat "$T/bad")"
gap=$(awk 'NR == 5 { a = $1 } NR == 6 { printf "%d", ($1 - a) / 1000000 }' "$T/j.ts")
[ "$gap" -ge 45 ] || fail "JSON: 50 ms of computing shows as $gap ms between stamps"
shared=$(head -5 "$T/j.ts" | sort | uniq -d | wc -l | tr -d ' ')
# batches: calls back to back share their batch's stamp, and the summary says so
grep -q '"type":"summary".*"ts_exact":false' "$T/j" || fail "JSON summary: ts_exact not false"
[ "$shared" -ge 1 ] || fail "JSON: 5 getppid back to back have 5 stamps: not batched"
for opt in -ttt -T; do
	"$SYSOBS" --json $opt -o "$T/je" -- "$P" || fail "sysobs --json $opt failed"
	grep -q '"type":"summary".*"ts_exact":true' "$T/je" ||
		fail "JSON $opt summary: ts_exact not true"
	json_ts "$T/je" >"$T/je.ts"
	awk 'NR > 1 && $1 <= prev { print prev " then " $1 } { prev = $1 }' "$T/je.ts" >"$T/bad"
	[ -s "$T/bad" ] && fail "JSON $opt: stamps not strictly increasing: $(cat "$T/bad")"
done
exit 0
