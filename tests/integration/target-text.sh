# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# The design's own command: the whole trace of the freestanding target, exactly; its stdout
# untouched; the trace on stderr by default and in -o FILE when asked.
. "$SRCDIR/tests/lib.sh"
need_bpf

cd "$SYSOBS_BUILD" || exit 99
env -i SYSOBS_TEST=1 "$SYSOBS" -- ./target >"$T/stdout" 2>"$T/stderr"
rc=$?
expect_eq "exit status" 0 "$rc"
expect_eq "target's stdout" "Hello, direct syscall!" "$(cat "$T/stdout")"

# kernels before 6.10 have no sched_prepare_exec: sysobs says so in a note, and execve's
# pointer arguments are not known there
if grep -q '^sysobs: note: no sched_prepare_exec' "$T/stderr"; then
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
grep -v '^sysobs: note:' "$T/stderr" | mask_addrs >"$T/actual"
check_diff "$T/expected" "$T/actual"

# -o FILE: the same trace in the file, nothing on stderr (as strace: no loss, nothing said)
env -i SYSOBS_TEST=1 "$SYSOBS" -o "$T/trace" -- ./target >"$T/stdout" 2>"$T/stderr" || fail "-o run failed"
expect_eq "stderr with -o" "" "$(diag "$T/stderr")"
cp "$T/expected" "$T/expected-o"
mask_addrs <"$T/trace" >"$T/actual-o"
check_diff "$T/expected-o" "$T/actual-o"
