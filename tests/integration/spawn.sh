# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# pthread_create, posix_spawn, fork and vfork (tests/progs/spawn.c) as strace -f shows them:
# clone3's struct (flags, child_tid, parent_tid, exit_signal, stack, stack_size, tls) and its
# "=> {parent_tid=[N]}", clone's flags, vfork(). Addresses and pids masked. strace shows the
# vfork-like calls unfinished while the child runs (its stopped parent is in the call); sysobs
# sees the parent's call when it returns, after the child's lines: strace's two halves are
# joined here (a difference the README lists).
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
exit 0
