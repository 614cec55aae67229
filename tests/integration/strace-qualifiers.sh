#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# strace's -e qualifiers and quiet options against strace 6.1 itself (issue 13): the same
# command under both with the same option; the traces must be identical once pids and
# addresses are masked. quiet= and -q.. (the exit line), signal= (the delivery and the death
# lines), status= and -z/-Z (which returns are shown). And the end: a command killed by a
# signal makes sysobs end by that signal, as strace does, so that a shell sees it; nothing on
# stderr when nothing was lost.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

# same OPTIONS... -- CMD...: the two traces, masked, must match
same() {
	opts=
	while [ "$1" != -- ]; do
		opts="$opts $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # the options are words
	strace $opts -o "$T/s.txt" "$@" >/dev/null 2>&1 </dev/null
	# shellcheck disable=SC2086
	"$SYSOBS" $opts -o "$T/o.txt" -- "$@" >/dev/null 2>"$T/o.err" </dev/null
	for f in s o; do
		sed -E -e 's/0x[0-9a-f]{6,}/0xADDR/g' -e 's/si_pid=[0-9]+/si_pid=PID/g' \
			"$T/$f.txt" >"$T/$f.cmp"
	done
	if ! diff -u "$T/s.cmp" "$T/o.cmp" >&2; then
		fail "sysobs$opts differs from strace$opts"
	fi
	# sysobs says nothing (the shell may say "Terminated" of a command killed so)
	grep '^sysobs:' "$T/o.err" && fail "sysobs$opts: stderr: $(cat "$T/o.err")"
	echo "$opts: $(wc -l <"$T/o.cmp") lines as strace's"
}

# --- quiet: -q, -qq, -qqq and -e quiet= (the exit line) ---------------------------------
for q in -q -qq -qqq -e\ quiet=exit --quiet=exit -e\ quiet=!exit -e\ quiet=all \
	-e\ quiet=none -e\ silent=exit,attach --quiet; do
	same $q -e trace=none -- sh -c 'exit 3'
done
# the exit line was there without them, and is gone with -qq
grep -q '^+++ exited with 3 +++$' "$T/o.txt" ||
	fail "--quiet (attach,personality) lost the exit line"
"$SYSOBS" -qq -e trace=none -o "$T/qq.txt" -- sh -c 'exit 3'
[ -s "$T/qq.txt" ] && fail "-qq: $(cat "$T/qq.txt")"

# --- signal=: the delivery lines and the death ------------------------------------------
SIGS='trap : USR1; kill -USR1 $$; kill -TERM $$'
for s in none SIGUSR1 '!USR1' usr1 10 all SIGUSR1,SIGTERM '!all' term; do
	same -e signal="$s" -e trace=none -- sh -c "$SIGS"
done
same --signal=USR1 -e trace=none -- sh -c "$SIGS"
grep -q '^--- SIGUSR1 ' "$T/o.txt" || fail "--signal=USR1: no SIGUSR1 line"

# --- status=, -z, -Z --------------------------------------------------------------------
for s in failed successful unfinished '!failed' unavailable,detached all none \
	successful,unfinished; do
	same -e status="$s" -e trace=openat,close,read,exit_group -- cat /nonexistent /etc/hostname
done
same -z -e trace=openat,close -- cat /nonexistent
same -Z -e trace=openat,close -- cat /nonexistent
same --status=failed -e trace=openat -- cat /nonexistent

# --- bad sets are refused as strace refuses them -----------------------------------------
for bad in quiet=bogus status=bogus signal=SIGBOGUS signal=99 bogus=1; do
	"$SYSOBS" -e "$bad" -- true 2>"$T/bad.err"
	expect_eq "-e $bad: exit status" 2 "$?"
done

# --- the end: killed by a signal, sysobs ends by it ------------------------------------
command -v python3 >/dev/null 2>&1 || skip "python3 not found (to see how a process ended)"
ended() {	# how "$@" ended: -N for signal N, else its exit status
	python3 -c 'import subprocess, sys; print(subprocess.run(sys.argv[1:]).returncode)' "$@"
}
expect_eq "strace, command killed by SIGTERM" -15 \
	"$(ended strace -o /dev/null -- sh -c 'kill -TERM $$')"
expect_eq "sysobs, command killed by SIGTERM" -15 \
	"$(ended "$SYSOBS" -o /dev/null -- sh -c 'kill -TERM $$')"
expect_eq "sysobs, command killed by SIGINT" -2 \
	"$(ended "$SYSOBS" -o /dev/null -- sh -c 'kill -INT $$')"
# a fatal signal that dumps core: sysobs leaves no core of its own
(cd "$T" && ulimit -c unlimited && ended "$SYSOBS" -o /dev/null -- sh -c 'kill -SEGV $$' \
	>"$T/segv") 2>/dev/null
expect_eq "sysobs, command killed by SIGSEGV" -11 "$(cat "$T/segv")"
expect_eq "sysobs, exit 3" 3 "$(ended "$SYSOBS" -o /dev/null -- sh -c 'exit 3')"
exit 0
