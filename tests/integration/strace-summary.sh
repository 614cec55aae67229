#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -c's options against strace 6.1 itself (issue 13): -S SORTBY orders the rows as strace's
# (the keys that do not hang on times: calls, errors, name, nothing; the calls and errors
# columns must match too), -O OVERHEAD takes its time off every call (1 s: every time is 0).
# The time column: by default the time a call ran on a CPU (strace's system time), with -w its
# wall-clock time: a 0.3 s sleep is almost no time by default, at least 0.3 s with -w (as with
# strace), and a call that computes (reading 64 MiB of /dev/zero) has its time either way.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

# rows FILE: name calls errors of each row, in order (the time columns left out)
rows() {
	awk '/^-/ || /^%/ { next } { e = NF == 6 ? $5 : "-"; print $NF, $4, e }' "$1"
}
same() {
	strace -c "$@" -o "$T/s.txt" cat /etc/hostname >/dev/null || fail "strace -c $* failed"
	"$SYSOBS" -c "$@" -o "$T/o.txt" -- cat /etc/hostname >/dev/null 2>"$T/err" ||
		fail "sysobs -c $*: $(cat "$T/err")"
	rows "$T/s.txt" >"$T/s.rows"
	rows "$T/o.txt" >"$T/o.rows"
	[ "$(wc -l <"$T/s.rows")" -gt 5 ] || exit 99
	diff -u "$T/s.rows" "$T/o.rows" >&2 || fail "sysobs -c $*: rows differ from strace's"
	echo "-c $*: $(wc -l <"$T/o.rows") rows in strace's order"
}
for s in calls count errors name syscall nothing; do
	same -S "$s"
done
same --summary-sort-by=name

# -O 1s: no call took a second, so every time is 0 (strace's and ours)
same -S name -O 1s
for f in s o; do
	awk '!/^[-%]/ && $2 != "0.000000" { print FILENAME ": " $0 }' "$T/$f.txt" >"$T/nonzero"
	[ -s "$T/nonzero" ] && fail "-O 1s left a time: $(cat "$T/nonzero")"
done
same -S name --summary-syscall-overhead=2000ms
same -S name -w
# -U COLUMNS: the columns that do not hang on times, whole tables as strace's (the name comes
# last when not asked for); with times, the header and the rules
for u in calls,errors,name name,calls errors,calls name count,syscall,error; do
	strace -c -S name -U "$u" -o "$T/s.txt" cat /nonexistent 2>/dev/null
	"$SYSOBS" -c -S name -U "$u" -o "$T/o.txt" -- cat /nonexistent 2>/dev/null
	diff -u "$T/s.txt" "$T/o.txt" >&2 || fail "-U $u: the table differs from strace's"
	echo "-c -U $u: $(wc -l <"$T/o.txt") lines as strace's"
done
for u in time-percent,total-time,avg-time,calls,errors,name name,avg-time,time time-total,syscall-name; do
	strace -c -U "$u" -o "$T/s.txt" cat /nonexistent 2>/dev/null
	"$SYSOBS" -c -U "$u" -o "$T/o.txt" -- cat /nonexistent 2>/dev/null
	grep -E '^[-% a-z/]+$' "$T/s.txt" | grep -v '^total' >"$T/s.head"
	grep -E '^[-% a-z/]+$' "$T/o.txt" | grep -v '^total' >"$T/o.head"
	[ "$(wc -l <"$T/s.head")" = 3 ] || exit 99
	diff -u "$T/s.head" "$T/o.head" >&2 || fail "-U $u: header or rules differ from strace's"
done
"$SYSOBS" -c -U min-time -- true 2>/dev/null
expect_eq "-U min-time (not kept): exit status" 2 "$?"
"$SYSOBS" -c -S min-time -- true 2>/dev/null
expect_eq "-S min-time (not kept): exit status" 2 "$?"
"$SYSOBS" -c -O 1parsec -- true 2>/dev/null
expect_eq "-O 1parsec: exit status" 2 "$?"
# secs FILE NAME: the seconds column of NAME's row, in microseconds
secs() {
	awk -v n="$2" '$NF == n { split($2, p, "."); print p[1] * 1000000 + p[2]; f = 1 }
		       END { if (!f) print -1 }' "$1"
}
"$SYSOBS" -c -o "$T/cpu.txt" -- sleep 0.3 || fail "sysobs -c sleep failed"
"$SYSOBS" -c -w -o "$T/wall.txt" -- sleep 0.3 || fail "sysobs -c -w sleep failed"
cpu=$(secs "$T/cpu.txt" clock_nanosleep)
wall=$(secs "$T/wall.txt" clock_nanosleep)
[ "$cpu" -ge 0 ] && [ "$cpu" -lt 100000 ] ||
	fail "-c: a 0.3 s sleep took $cpu us of CPU time: $(cat "$T/cpu.txt")"
[ "$wall" -ge 300000 ] || fail "-c -w: a 0.3 s sleep took $wall us: $(cat "$T/wall.txt")"
echo "-c: sleep 0.3 is ${cpu} us of CPU time, ${wall} us with -w"
"$SYSOBS" -c -o "$T/read.txt" -- dd if=/dev/zero of=/dev/null bs=1M count=64 2>/dev/null ||
	fail "sysobs -c dd failed"
[ "$(secs "$T/read.txt" read)" -gt 0 ] || fail "-c: reading 64 MiB took no time: $(cat "$T/read.txt")"
exit 0
