#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# -i (--instruction-pointer) and -k (--stack-traces) against strace 6.1 itself (issue 13), on
# tests/progs/stacks.c, a dynamic PIE program whose calls go through libc's wrappers and
# through a syscall instruction of its own, three functions deep. The lines strace and sysobs
# print must be the same: the frames' module paths, functions and offsets are identical from
# run to run (addresses within modules); only -i's absolute addresses move with ASLR, so they
# are masked, and checked apart: -i's ip of the program's own getpid is the address right after
# its syscall instruction, which the program prints.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"
P=$PROGS/stacks
[ -x "$P" ] || { echo "no $P: build first" >&2; exit 99; }

mask() {
	sed -E -e 's/^(\[ *[0-9]+\] )?\[[0-9a-f]{16}\] /\1[IP] /' \
		-e 's/^((\[ *[0-9]+\] )?(\[IP\] )?getp?pid\(\) +)= [0-9]+$/\1= PID/' \
		-e 's/"inline getpid returns to 0x[0-9a-f]+"/"inline getpid returns to 0xADDR"/' \
		-e 's/^\[ *[0-9]+\] (\[\?+\] \+\+\+)/\1/' "$1"	# -n's documented difference
}
# same OPTIONS...: strace and sysobs with OPTIONS on the program, traces equal once masked
same() {
	strace "$@" -o "$T/s.txt" "$P" >"$T/s.out"
	"$SYSOBS" "$@" -o "$T/o.txt" -- "$P" >"$T/o.out" 2>"$T/err"
	[ -s "$T/err" ] && fail "sysobs $*: stderr: $(cat "$T/err")"
	mask "$T/s.txt" >"$T/s.cmp"
	mask "$T/o.txt" >"$T/o.cmp"
	grep -q 'stacks(third+' "$T/s.cmp" || grep -q 'getpid()' "$T/s.cmp" || exit 99
	diff -u "$T/s.cmp" "$T/o.cmp" >&2 || fail "sysobs $* differs from strace $*"
	echo "$*: $(wc -l <"$T/o.cmp") lines as strace's"
}

CALLS=write,getppid,getpid,exit_group
same -i -n -e trace=$CALLS	# the number, then the ip
same -k -e trace=$CALLS
same -i -e trace=$CALLS
same -i -k -e trace=$CALLS
same --stack-traces --instruction-pointer -e trace=$CALLS	# its trace is checked below

# what the comparison stands on: frames through libc into the program's own functions
grep -q '^ > .*/libc\.so\.6(__write+0x10) \[0x[0-9a-f]*\]$' "$T/o.txt" || fail "no libc write frame"
for f in inline_getpid third second first main _start; do
	grep -q "^ > $P($f+0x[0-9a-f]*) \\[0x[0-9a-f]*\\]\$" "$T/o.txt" || fail "no frame in $f"
done

# -i: the program's own getpid returns right after its syscall instruction
want=$(sed -n 's/^inline getpid returns to 0x//p' "$T/o.out")
[ -n "$want" ] || exit 99
got=$(sed -n 's/^\[0*\([0-9a-f]*\)\] getpid() .*/\1/p' "$T/o.txt")
expect_eq "-i: getpid's ip" "$want" "$got"
grep -q '^\[????????????????\] +++ exited with 0 +++$' "$T/o.txt" ||
	fail "-i: no +++ line as strace's"

# a stripped program (coreutils'): frames with no function are "path() [0x...]", and
# "path(+0x0) [0x...]" in exit_group's frames, as strace 6.1 prints them
strace -k -e trace=write,exit_group -o "$T/s.echo" /bin/echo hi >/dev/null
"$SYSOBS" -k -e trace=write,exit_group -o "$T/o.echo" -- /bin/echo hi >/dev/null
grep -q '^ > /usr/bin/echo() \[0x' "$T/s.echo" || exit 99
diff -u "$T/s.echo" "$T/o.echo" >&2 || fail "-k on /bin/echo differs from strace's"

# -f: a shell's children, vforked and exec'ed: their execve shows its caller's frames (the
# shell's, known from the parent), their calls after it the new image's
fmask() {
	sed -E -e 's/^[0-9]+ +//' -e 's/0x[0-9a-f]{8,}/0xADDR/g' \
		-e 's/"inline getpid returns to 0x[0-9a-f]+"/"inline getpid returns to 0xADDR"/' "$1"
}
strace -f -k -e trace=execve,write -e signal=none -o "$T/s.f" sh -c "$P; /bin/echo x" >"$T/f.out"
"$SYSOBS" -f -k -e trace=execve,write -e signal=none -o "$T/o.f" -- sh -c "$P; /bin/echo x" \
	>"$T/f.out"
fmask "$T/s.f" >"$T/s.fm"
fmask "$T/o.f" >"$T/o.fm"
grep -q '^ > .*libc\.so\.6(execve+0x' "$T/s.fm" || exit 99
diff -u "$T/s.fm" "$T/o.fm" >&2 || fail "-f -k differs from strace's"

# -i on a signal line: where the thread was (in libc's wait4, the same page offset as strace's)
strace -f -i -e trace=none -o "$T/s.sig" sh -c 'sleep 0 & wait'
"$SYSOBS" -f -i -e trace=none -o "$T/o.sig" -- sh -c 'sleep 0 & wait'
sig_ip() {	# after the pid -f -o puts first
	sed -n 's/^[0-9]* *\[[0-9a-f]*\([0-9a-f]\{3\}\)\] --- SIGCHLD .*/\1/p' "$1"
}
[ -n "$(sig_ip "$T/s.sig")" ] || exit 99
expect_eq "-i: SIGCHLD's ip (page offset)" "$(sig_ip "$T/s.sig")" "$(sig_ip "$T/o.sig")"

# -k after a signal line: the frames the thread was in (strace prints them too)
smask() {
	sed -E -e 's/^[0-9]+ +//' \
		-e 's/(si_pid|si_utime|si_stime)=[0-9]+( \/\* [0-9.]+ s \*\/)?/\1=N/g' "$1"
}
strace -f -k -e trace=none -o "$T/s.sk" sh -c 'sleep 0 & wait'
"$SYSOBS" -f -k -e trace=none -o "$T/o.sk" -- sh -c 'sleep 0 & wait'
smask "$T/s.sk" >"$T/s.skm"
smask "$T/o.sk" >"$T/o.skm"
grep -A1 '^--- SIGCHLD' "$T/s.skm" | grep -q '^ > ' || exit 99
diff -u "$T/s.skm" "$T/o.skm" >&2 || fail "-k after a signal line differs from strace's"

# the default trace has neither (the options cost nothing when not given: no uctx is sent)
"$SYSOBS" -e trace=$CALLS -o "$T/d.txt" -- "$P" >/dev/null
grep -q '^\[\|^ > ' "$T/d.txt" && fail "an ip or a frame without -i or -k"
echo "-i/-k: as strace's; getpid's ip 0x$got"
