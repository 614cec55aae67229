# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Start-up's fast paths and their fallbacks give the same trace (issue 12): the kernel's BTF lent
# to libbpf in place (SYSOBS_COPY_BTF=1: copied; SYSOBS_SLOW_BTF=1: libbpf's own read), the
# largest program and the ring made in threads (SYSOBS_SERIAL_LOAD=1: in order), the teardown
# left to a helper (SYSOBS_SYNC_TEARDOWN=1: sysobs's own). Each run traces the freestanding
# target whole, its execve first: the command, forked early, ran nothing before its filter was
# in place. And a reader of sysobs's output sees its end once sysobs is gone (the helper keeps no
# copy of the pipe open).
. "$SRCDIR/tests/lib.sh"
need_bpf

cd "$SYSOBS_BUILD" || exit 99

expected() {	# expected N: the target's trace with N variables in its environment
	[ "$1" = 1 ] && vars='1 var' || vars="$1 vars"
	sed "s|/\* 1 var \*/|/* $vars */|" "$T/expected"
}

run_one() {	# run_one NAME [VAR=VALUE...]: the target's trace under that environment (the
	# command inherits the variables too), checked
	name=$1
	shift
	expected $(($# + 1)) >"$T/expected.$name"
	env -i SYSOBS_TEST=1 "$@" "$SYSOBS" -o "$T/trace.$name" -- ./target >"$T/stdout" \
		2>"$T/stderr.$name"
	rc=$?
	expect_eq "$name: exit status" 0 "$rc"
	expect_eq "$name: target's stdout" "Hello, direct syscall!" "$(cat "$T/stdout")"
	expect_eq "$name: stderr" "" "$(grep -v '^sysobs: note:' "$T/stderr.$name")"
	mask_addrs <"$T/trace.$name" >"$T/actual.$name"
	check_diff "$T/expected.$name" "$T/actual.$name"
}

# kernels before 6.10 have no sched_prepare_exec: execve's pointer arguments are not known there
env -i SYSOBS_TEST=1 "$SYSOBS" -o /dev/null -- ./target >/dev/null 2>"$T/probe"
if grep -q '^sysobs: note: no sched_prepare_exec' "$T/probe"; then
	envp='/* 1 var */'
else
	envp='0xADDR /* 1 var */'
fi
cat >"$T/expected" <<EOT
execve("./target", ["./target"], $envp) = 0
write(1, "Hello, direct syscall!\\n", 23) = 23
exit(0)                                 = ?
+++ exited with 0 +++
EOT

run_one default
run_one copy-btf SYSOBS_COPY_BTF=1
run_one slow-btf SYSOBS_SLOW_BTF=1
run_one serial-load SYSOBS_SERIAL_LOAD=1
run_one sync-teardown SYSOBS_SYNC_TEARDOWN=1
run_one all-fallbacks SYSOBS_COPY_BTF=1 SYSOBS_SERIAL_LOAD=1 SYSOBS_SYNC_TEARDOWN=1

# -f loads one more program (sched_process_fork) beside the one verified in a thread: the same
# trace as with everything loaded in order (lines prefixed with the pid under -f)
for how in threads serial; do
	[ $how = serial ] && set -- SYSOBS_SERIAL_LOAD=1 || set --
	env -i SYSOBS_TEST=1 "$@" "$SYSOBS" -f -o "$T/trace.f" -- ./target >"$T/stdout" \
		2>"$T/stderr.f" || fail "-f run ($how) failed: $(diag "$T/stderr.f")"
	mask_addrs <"$T/trace.f" | sed -e 's/^[0-9][0-9]* /PID /' -e 's|/\* [0-9] vars\? \*/|VARS|' \
		>"$T/f.$how"
done
grep -q '^PID  *write(1, "Hello, direct syscall!' "$T/f.threads" || fail "-f: no write line"
check_diff "$T/f.serial" "$T/f.threads"

# the trace on a pipe: the reader's end of file comes with sysobs's end (a hang is the failure)
env -i SYSOBS_TEST=1 "$SYSOBS" -- ./target 2>&1 >"$T/stdout" | cat >"$T/piped"
grep -v '^sysobs: note:' "$T/piped" | mask_addrs >"$T/actual.piped"
check_diff "$T/expected" "$T/actual.piped"
