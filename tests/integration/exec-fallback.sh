# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Degrading on older kernels: without sched_prepare_exec (Linux < 6.10) execve is shown from
# sched_process_exec: path, argv and the env count, no pointers. --no-prepare-exec forces that
# path here; no verifier output, the rest of the trace unchanged.
. "$SRCDIR/tests/lib.sh"
need_bpf

cd "$SYSOBS_BUILD" || exit 99
env -i SYSOBS_TEST=1 "$SYSOBS" --no-prepare-exec -o "$T/trace" -- ./target >"$T/stdout" 2>"$T/stderr"
expect_eq "exit status" 0 "$?"
expect_eq "stdout" "Hello, direct syscall!" "$(cat "$T/stdout")"
expect_eq "stderr" "" "$(diag "$T/stderr")"
cat >"$T/expected" <<'EOT'
execve("./target", ["./target"], /* 1 var */) = 0
write(1, "Hello, direct syscall!\n", 23) = 23
exit(0)                                 = ?
+++ exited with 0 +++
EOT
check_diff "$T/expected" "$T/trace"

# argv with several strings, and a failed exec (its arguments are intact at sys_exit)
"$SYSOBS" --no-prepare-exec -f -o "$T/trace" -- sh -c '/nonexistent/x a b; exit 4' 2>/dev/null
expect_eq "exit status" 4 "$?"
grep -q '^[0-9]* *execve("[^"]*/sh", \["sh", "-c", "/nonexistent/x a b; exit 4"\], /\* [0-9]* vars \*/) = 0$' "$T/trace" ||
	fail "no fallback execve line for sh: $(head -n 1 "$T/trace")"
grep -q 'execve("/nonexistent/x", \["/nonexistent/x", "a", "b"\], 0x[0-9a-f]* /\* [0-9]* vars \*/) = -1 ENOENT' "$T/trace" ||
	fail "no failed execve line"
exit 0
