# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Blocked calls as strace shows them, with -o as on a terminal (tests/progs/deadlock.c): two
# threads each blocked in a read show "read(FD,  <unfinished ...>" within a second (the last
# blocked call's line stays open, "read(FD, ", as strace leaves it); killed, each read ends as
# "<... read resumed> <unfinished ...>) = ?". A blocked clock_nanosleep shows its decoded inputs
# (read from the thread's memory), then "<... clock_nanosleep resumed>" after another thread's
# line. JSON has an object for the blocked call and the completing one says it resumes it.
. "$SRCDIR/tests/lib.sh"
need_bpf

wait_s=1 start_s=10
[ -n "${SYSOBS_VM:-}" ] && wait_s=4 start_s=60
: >"$T/expected"
"$SYSOBS" -f -o "$T/trace" -- "$PROGS/deadlock" >>"$T/expected" 2>"$T/err" &
pid=$!
# the program prints its lines once both threads exist; then they block
i=0
while [ "$(wc -l <"$T/expected")" -lt 2 ] && [ $i -lt $((start_s * 10)) ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(wc -l <"$T/expected")" = 2 ] || fail "the test program did not start: $(diag "$T/err")"
sleep $wait_s
# in either order: the threads block at the same time; the open last line counts as unfinished
cp "$T/trace" "$T/closed"
[ -n "$(tail -c 1 "$T/trace")" ] && echo " <unfinished ...>" >>"$T/closed"
grep -x -F -f "$T/expected" "$T/closed" | sort >"$T/got"
sort "$T/expected" | diff -u - "$T/got" >&2 || { kill $pid; fail "the blocked reads are not in the trace after ${wait_s}s"; }
prog=$(sed -n 's/^\([0-9]*\) .*/\1/p' "$T/trace" | head -n 1)
kill -TERM "$prog"
wait $pid
for tid in $(cut -d' ' -f1 "$T/expected"); do
	# resumed, or the open line completed when it was the last one (as strace)
	grep -q -E "^$tid +(<\.\.\. read resumed>|read\([0-9]+, ) <unfinished \.\.\.>\) += \?$" \
		"$T/trace" ||
		fail "no cut resumed read for $tid: $(grep "^$tid " "$T/trace" | tail -n 3)"
	grep -q "^$tid *+++ killed by SIGTERM +++$" "$T/trace" || fail "no end line for $tid"
done

# a blocked call's inputs decoded as on the complete line, then, after the other process's
# lines, its return resumed
"$SYSOBS" -f -o "$T/sleep" -- sh -c 'sleep 1.5 & sleep 0.5; exit 0' 2>"$T/err" ||
	fail "sysobs -- sh: $(diag "$T/err")"
grep -q '^[0-9]* *clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=500000000},  <unfinished \.\.\.>$' \
	"$T/sleep" || fail "no decoded unfinished clock_nanosleep: $(grep nanosleep "$T/sleep")"
grep -q '^[0-9]* *<\.\.\. clock_nanosleep resumed>0x[0-9a-f]*) *= 0$' "$T/sleep" ||
	fail "no resumed clock_nanosleep: $(grep nanosleep "$T/sleep")"
"$SYSOBS" --json -o "$T/json" -- sleep 1.5 2>"$T/err" || fail "sysobs --json -- sleep failed"
grep -q '"name":"clock_nanosleep",.*"ret":null,"blocked":true' "$T/json" ||
	fail "JSON: no blocked object"
grep -q '"name":"clock_nanosleep",.*"ret":0,.*"resumed":true' "$T/json" ||
	fail "JSON: the completing call does not say it resumes"
# --no-live: only whole lines
"$SYSOBS" --no-live -o "$T/sleep" -- sleep 0.5 2>/dev/null
grep -q 'unfinished\|resumed' "$T/sleep" && fail "--no-live shows unfinished lines"
exit 0
