# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# -T: each call that returns shows its duration " <S.UUUUUU>"; -c: strace's table, counted in
# the kernel; -C: both, and the table's calls match the trace's lines.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -T -o "$T/trace" -- "$PROGS/errors" >/dev/null || fail "sysobs -T failed"
untimed=$(grep -v -E ' <[0-9]+\.[0-9]{6}>$' "$T/trace" | grep -v -E '^(exit_group|exit)\(.*= \?$|^\+\+\+ ')
[ -z "$untimed" ] || fail "lines without a duration: $untimed"
grep -q '^chdir("/nonexistent/sysobs-test-dir") *= -1 ENOENT (No such file or directory) <0\.[0-9]\{6\}>$' "$T/trace" ||
	fail "no timed chdir line"

"$SYSOBS" -c -o "$T/count" -- "$PROGS/errors" >"$T/stdout" 2>"$T/err" || fail "sysobs -c failed"
expect_eq "header" "% time     seconds  usecs/call     calls    errors syscall" "$(sed -n 1p "$T/count")"
expect_eq "rule" "------ ----------- ----------- --------- --------- ----------------" "$(sed -n 2p "$T/count")"
expect_eq "chdir row (calls errors)" "1 1" "$(awk '$NF == "chdir" {print $4, $5}' "$T/count")"
expect_eq "close row (calls errors)" "2 2" "$(awk '$NF == "close" {print $4, $5}' "$T/count")"
grep -q 'exit_group' "$T/count" && fail "exit_group counted (strace counts only calls that return)"
grep -q '^getppid()' "$T/count" && fail "-c printed trace lines"
# the command's own output is untouched by -c
grep -q '^chdir("/nonexistent' "$T/stdout" || fail "the command's stdout is missing"

"$SYSOBS" -C -o "$T/both" -- "$PROGS/errors" >/dev/null || fail "sysobs -C failed"
lines=$(grep -c -E '^[a-z_0-9]+\(.*\) += [^?]' "$T/both")
expect_eq "total calls = lines in the trace" "$lines" "$(awk '$NF == "total" {print $4}' "$T/both")"
