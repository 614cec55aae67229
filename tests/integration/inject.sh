#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -e inject= and -e fault= (issue 13, docs/inject.md). tests/progs/inject.c makes the same call
# six times per thread and checks that exactly the chosen attempts were tampered with (when=3,
# 2+, 2+2, 2..4, every, fault=, error=NUMBER, retval=, signal=, error= with signal=, the last
# expression winning, delay_enter=, a path in a page nothing has touched, two threads and a
# parent and its child counted apart); its stdout is the trace it expects, "(INJECTED)" marks
# and all, and strace 6.1 must print the same lines for the same options. Then a real command
# with -f, the signal line, JSON, what sysobs refuses, -u and a CAP_BPF user.
. "$SRCDIR/tests/lib.sh"
need_bpf

SCENARIOS="when3 when2+ when2+2 when2..4 every fault numeric retval signal error-signal
last-wins delay untouched threads fork"

# the lines between the markers, the padding before "=" squeezed (-f's pid column moves it)
lines() {
	between_marks "$1" | sed -e 's/  *= / = /'
}

# without a tracer nothing is injected: the program must say so (the test can fail)
"$PROGS/inject" when3 >/dev/null 2>&1 && fail "inject when3 passed with nothing injected"

have_strace=0 also=
command -v strace >/dev/null 2>&1 && have_strace=1 also=" (and as strace's)"
for s in $SCENARIOS; do
	args=$("$PROGS/inject" --args "$s") || fail "inject --args $s"
	# shellcheck disable=SC2086 # the options are words
	"$SYSOBS" -o "$T/trace" $args -- "$PROGS/inject" "$s" >"$T/expected" ||
		fail "$s: the program saw other than what sysobs$args injects (or sysobs failed)"
	sed -e 's/  *= / = /' "$T/expected" >"$T/want"
	lines "$T/trace" >"$T/actual"
	check_diff "$T/want" "$T/actual"
	if [ "$have_strace" = 1 ]; then
		# shellcheck disable=SC2086
		strace -o "$T/strace" $args -- "$PROGS/inject" "$s" >/dev/null ||
			fail "$s: under strace$args the program saw other injections"
		# the parent differs (getppid's value): strace is not sysobs
		ppid='s/^getppid() = [0-9][0-9]*\( (DELAYED)\)*$/getppid() = PPID\1/'
		lines "$T/strace" | sed -e "$ppid" >"$T/strace-lines"
		sed -e "$ppid" "$T/actual" >"$T/ours"
		diff -u "$T/strace-lines" "$T/ours" >&2 || fail "$s: sysobs$args differs from strace"
	fi
	echo "$s: $(wc -l <"$T/actual") lines as expected$also"
done

# a real command, -f: sh's child's third openat fails. Its path is in libc's rodata, in a page
# nothing had touched: the call never runs, so sysobs faults the argument pages in itself
# before answering (else the BPF side, reading at sys_exit, would show an address).
if [ "$have_strace" = 1 ]; then
	set -- -f -qq -e signal=none -e trace=openat -e fault=openat:when=3 -- sh -c 'cat /etc/hostname'
	strace -o "$T/strace" "$@" >/dev/null 2>&1 || fail "strace $*"
	"$SYSOBS" -o "$T/trace" "$@" >/dev/null || fail "sysobs $*"
	for f in strace trace; do
		sed -e 's/^[0-9][0-9]* *//' -e 's/  *= / = /' "$T/$f" >"$T/$f.cmp"
	done
	grep -q 'locale-archive", O_RDONLY|O_CLOEXEC) = -1 ENOSYS .*(INJECTED)$' "$T/trace.cmp" ||
		fail "sh: no injected openat of locale-archive: $(cat "$T/trace.cmp")"
	diff -u "$T/strace.cmp" "$T/trace.cmp" >&2 || fail "sysobs $* differs from strace"
fi

# the signal is shown after the call that returns with it (sent by sysobs: SI_TKILL, where
# strace's ptrace injection shows SI_KERNEL)
"$SYSOBS" -o "$T/trace" -e trace=getuid -e inject=getuid:signal=SIGUSR1:when=3 -- \
	"$PROGS/inject" signal >/dev/null || fail "signal: sysobs or the program failed"
sed -n '3,4p' "$T/trace" | sed -e 's/si_pid=[0-9]*/si_pid=PID/' >"$T/actual"
{
	echo 'getuid()                                = 0'
	echo '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=PID, si_uid=0} ---'
} >"$T/want"
check_diff "$T/want" "$T/actual"

# JSON: the same calls marked "injected" (v1 and v2; checked against the schema at the end)
for v in 1 2; do
	"$SYSOBS" --json=$v -o "$T/t$v.jsonl" -e trace=chdir \
		-e inject=chdir:error=EIO:delay_enter=1ms:when=2..3 -- "$PROGS/inject" when3 \
		>/dev/null 2>&1
	n=$(grep -c '"name":"chdir".*"injected":true,"delayed":true' "$T/t$v.jsonl")
	[ "$n" = 2 ] || fail "--json=$v: $n calls marked injected and delayed, expected 2"
done

# --expect sees the marks too (and a pattern without them still matches)
pat='chdir("/") = -1 EPERM (Operation not permitted) (INJECTED)'
"$SYSOBS" --expect-line "$pat" -- "$PROGS/inject" when3 >/dev/null 2>&1
expect_eq "--expect of an injected call, nothing injected" 123 "$?"
"$SYSOBS" --expect-line "$pat" -e inject=chdir:error=EPERM:when=2+2 -- "$PROGS/inject" when2+2 \
	>/dev/null || fail "--expect '$pat' not met"
"$SYSOBS" --expect-line 'chdir("/") = -1 EPERM' -e inject=chdir:error=EPERM:when=2+2 -- \
	"$PROGS/inject" when2+2 >/dev/null || fail "--expect without the mark not met"

# refused: -p (one line, exit 2); expressions strace 6.1 refuses too
refused() {
	"$SYSOBS" "$@" >"$T/out" 2>"$T/err"
	st=$?
	[ "$st" = 2 ] || fail "sysobs $*: exit $st, expected 2"
	grep -q -e 'inject\|fault' "$T/err" || fail "sysobs $*: no reason given: $(cat "$T/err")"
}
refused -e inject=chdir:error=EIO -p 1
refused --fault=chdir --system-wide
for e in inject=chdir inject=chdir:error=0 inject=chdir:error=4096 \
	inject=chdir:error=EIO:retval=1 inject=chdir:when=0 inject=chdir:when=2..1 \
	inject=chdir:when=1+0 inject=chdir:delay_enter=abc inject=chdir:syscall=open:error=1 \
	fault=chdir:retval=1 fault=chdir:signal=USR1 inject=chdir:poke_enter=@arg1=00; do
	refused -e "$e" -- /bin/true
done
# one line (and argp's pointer to --help, as for every usage error)
[ "$(grep -c '^sysobs: ' "$T/err")" = 1 ] || fail "not one line: $(cat "$T/err")"

# -u USER: the filter needs no_new_privs then (no CAP_SYS_ADMIN after setuid); it still works
if id nobody >/dev/null 2>&1; then
	cp "$PROGS/inject" "$T/inject"
	chmod 755 "$T" "$T/inject"
	"$SYSOBS" -o "$T/trace" -u nobody -e trace=chdir -e inject=chdir:error=EPERM:when=2+2 -- \
		"$T/inject" when2+2 >/dev/null || fail "-u nobody: sysobs or the program failed"
	[ "$(grep -c '(INJECTED)' "$T/trace")" = 3 ] || fail "-u nobody: $(cat "$T/trace")"
	# sysobs itself run by a user with only CAP_BPF + CAP_PERFMON (no CAP_SYS_ADMIN): the same
	if setpriv --help 2>&1 | grep -q -- --ambient-caps; then
		cp "$SYSOBS" "$T/sysobs"
		chmod 755 "$T/sysobs"
		setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all,+bpf,+perfmon \
			--ambient-caps=-all,+bpf,+perfmon "$T/sysobs" -e trace=chdir \
			-e inject=chdir:error=EPERM:when=2+2 -- "$T/inject" when2+2 \
			>/dev/null 2>"$T/trace" || fail "CAP_BPF user: $(cat "$T/trace")"
		[ "$(grep -c '(INJECTED)' "$T/trace")" = 3 ] || fail "CAP_BPF user: $(cat "$T/trace")"
	fi
fi
exit 0
