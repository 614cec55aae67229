#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# strace's syscall classes, membership and all (issue 13): tests/progs/allcalls makes every
# syscall strace 6.1 knows on x86_64 (but the few it prints); under strace and under sysobs with
# -e trace=%CLASS the same calls must show, for every class strace 6.1 has, its legacy names,
# and with the @64 suffix. The table behind them is strace's own
# (user/decode/names/tables/gen-classes.py).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"
[ "$(uname -m)" = x86_64 ] || skip "the class table is x86_64's"

ALL=$PROGS/allcalls
# names TRACE: the calls a trace shows, once each, sorted
names() {
	sed -n 's/^\([a-z_0-9]*\)(.*/\1/p' "$1" | sort -u
}

checked=0
for cls in %desc %file %memory %process %creds %signal %ipc %net %network %stat %lstat \
	%fstat %%stat %statfs %fstatfs %%statfs %pure %clock desc file memory process signal \
	ipc network %file@64 %process,%clock '!%desc'; do
	strace -e trace="$cls" -o "$T/s.txt" "$ALL" >"$T/skipped" 2>/dev/null </dev/null ||
		fail "strace -e trace=$cls failed"
	"$SYSOBS" -e trace="$cls" -o "$T/o.txt" -- "$ALL" >/dev/null 2>"$T/err" </dev/null ||
		fail "sysobs -e trace=$cls failed: $(cat "$T/err")"
	names "$T/s.txt" >"$T/s.names"
	names "$T/o.txt" >"$T/o.names"
	[ -s "$T/s.names" ] || [ "$cls" = %lstat ] || fail "strace shows nothing for $cls"
	if ! diff -u "$T/s.names" "$T/o.names" >&2; then
		fail "-e trace=$cls: sysobs shows other calls than strace 6.1"
	fi
	checked=$((checked + 1))
	echo "$cls: $(wc -l <"$T/o.names") calls, as strace's"
done
# the calls allcalls cannot make are few, and named
expect_eq "calls left out by allcalls" 8 "$(wc -l <"$T/skipped")"
# @32 and @x32: sysobs traces 64-bit calls only, they select nothing (strace: the compat ones)
"$SYSOBS" -e trace=getpid@32 -o "$T/o.txt" -- "$ALL" >/dev/null 2>&1 || fail "getpid@32 refused"
[ -z "$(names "$T/o.txt")" ] || fail "getpid@32 selected: $(names "$T/o.txt")"
echo "$checked class selections as strace 6.1's"
exit 0
