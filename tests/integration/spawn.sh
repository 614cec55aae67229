# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# pthread_create, posix_spawn, fork and vfork (tests/progs/spawn.c) as strace -f shows them:
# clone3's struct (flags, child_tid, parent_tid, exit_signal, stack, stack_size, tls) and its
# "=> {parent_tid=[N]}", clone's flags, vfork(). Addresses and pids masked. A call shown in two
# halves (its "<unfinished ...>" and "<... resumed>" lines) is joined for that comparison:
# where strace splits a call depends on when its threads ran. The vfork-like calls (vfork,
# clone3 with CLONE_VFORK: the parent waits for the child's exec) are always split, as the
# child's lines come while the parent is in the call: those must be split as strace's.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace is not installed"

calls() {	# the spawning calls of a -f -o trace, halves joined, pids and addresses masked
	awk '{ pid = $1; line = substr($0, index($0, $2)) }
	     line ~ / <unfinished \.\.\.>$/ { open[pid] = substr(line, 1, length(line) - 17); next }
	     line ~ /^<\.\.\. [a-z0-9_]* resumed>/ && (pid in open) {
		sub(/^<\.\.\. [a-z0-9_]* resumed>/, "", line); print pid " " open[pid] line
		delete open[pid]; next }
	     { print }' "$1" |
	grep -E '^[0-9]+ +(clone3?|vfork|fork)\(' | sed -e 's/^[0-9]* *//' |
		sed -e 's/\[[0-9]*\]/[PID]/g' -e 's/= [0-9]*$/= PID/' -e 's/  *=/ =/' | mask_addrs
}
"$SYSOBS" -f -o "$T/sysobs" -- "$PROGS/spawn" 2>"$T/err" || fail "sysobs: $(diag "$T/err")"
strace -f -o "$T/strace" -- "$PROGS/spawn" 2>/dev/null || fail "strace -- spawn failed"
calls "$T/strace" >"$T/expected"
calls "$T/sysobs" >"$T/got"
expect_eq "spawning calls seen by strace" 4 "$(wc -l <"$T/expected")"
check_diff "$T/expected" "$T/got"
# the halves of the vfork-like calls, pids and addresses masked
halves() {
	grep -E '^[0-9]+ +(vfork\(|clone3\(\{flags=[A-Z_|]*CLONE_VFORK|<\.\.\. (vfork|clone3) resumed>\))' "$1" |
		sed -e 's/^[0-9]* *//' -e 's/  *=/ =/' -e 's/= [0-9]*$/= PID/' | mask_addrs
}
halves "$T/strace" >"$T/halves.expected"
halves "$T/sysobs" >"$T/halves.got"
expect_eq "vfork-like halves seen by strace" 4 "$(wc -l <"$T/halves.expected")"
check_diff "$T/halves.expected" "$T/halves.got"
exit 0
