# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Graceful overload: 16 threads hammering syscalls and a fork storm overflow a tiny ring;
# sysobs keeps running, reports loss per thread, and the -c counts (kept in the kernel) stay exact.
. "$SRCDIR/tests/lib.sh"
need_bpf

# 16 threads x 20000 getppid, followed with -f, summary and trace, a 4 KiB ring
timeout 120 "$SYSOBS" -f -C --ring-size 4096 -o "$T/trace" -- "$PROGS/threads" 16 20000 2>"$T/err"
expect_eq "exit status" 0 "$?"
expect_eq "getppid calls counted" 320000 "$(awk '$NF == "getppid" {print $4}' "$T/trace")"
lost=$(sed -n 's/^sysobs: \([0-9]*\) events lost$/\1/p' "$T/err")
[ "${lost:-0}" -gt 0 ] || fail "no loss reported with a 4 KiB ring: $(cat "$T/err")"
# the loss is located: per thread, with sequence numbers
threads=$(sed -n 's/^[0-9]* *--- lost [0-9]* events\{0,1\} (tid \([0-9]*\), seq .*/\1/p' "$T/trace" | sort -u | wc -l)
[ "$threads" -ge 2 ] || fail "loss located in $threads threads, expected several"
shown=$(grep -c 'getppid() ' "$T/trace")
[ $((shown + lost)) -ge 320000 ] || fail "shown $shown + lost $lost < 320000"

# a fork storm: 100 short-lived children, followed, with a tiny ring: it ends, status intact
timeout 120 "$SYSOBS" -f -C --ring-size 4096 -o "$T/trace" -- \
	sh -c 'i=0; while [ $i -lt 100 ]; do /bin/true; i=$((i + 1)); done; exit 5' 2>"$T/err"
expect_eq "exit status after the storm" 5 "$?"
expect_eq "execve calls counted" 101 "$(awk '$NF == "execve" {print $4}' "$T/trace")"

# the same storm with the default ring: every child's exit is in the trace, nothing lost
timeout 120 "$SYSOBS" -f -o "$T/trace" -- \
	sh -c 'i=0; while [ $i -lt 100 ]; do /bin/true; i=$((i + 1)); done' 2>"$T/err"
expect_eq "exit status" 0 "$?"
expect_eq "loss (nothing said)" "" "$(diag "$T/err")"
expect_eq "exit lines" 101 "$(grep -c '+++ exited with 0 +++$' "$T/trace")"
