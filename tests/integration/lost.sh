# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Loss is never silent: a tiny ring overflows, the count is reported on stderr, in the trace
# (where and which thread) and in the JSON summary; --strict turns it into exit status 125.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" --ring-size 4096 --strict -o "$T/trace" -- "$PROGS/burst" 300000 2>"$T/err"
expect_eq "exit status with --strict" 125 "$?"
lost=$(sed -n 's/^sysobs: \([0-9]*\) events lost$/\1/p' "$T/err")
[ -n "$lost" ] && [ "$lost" -gt 0 ] || fail "no loss reported: $(cat "$T/err")"
grep -q '^sysobs: --strict: events were lost, exiting with 125$' "$T/err" || fail "no --strict line"
grep -q '^--- lost [0-9]* events (tid [0-9]*, seq [0-9]*-[0-9]*) ---$' "$T/trace" || fail "no lost marker in the trace"
# what was lost plus what was shown is every call the program made
shown=$(grep -c '^getppid() ' "$T/trace")
gaps=$(sed -n 's/^--- lost \([0-9]*\) events.*/\1/p' "$T/trace" | awk '{s += $1} END {print s + 0}')
[ "$gaps" -le "$lost" ] || fail "gaps in the trace ($gaps) exceed the kernel's count ($lost)"
[ $((shown + lost)) -ge 300000 ] || fail "shown $shown + lost $lost < 300000 calls"

# without --strict the command's status passes through, and JSON carries the count
"$SYSOBS" --ring-size 4096 --json -o "$T/out.jsonl" -- "$PROGS/burst" 300000 2>"$T/err"
expect_eq "exit status without --strict" 0 "$?"
grep -q '"type":"summary",.*"lost":[1-9][0-9]*,' "$T/out.jsonl" || fail "JSON summary without loss: $(tail -n 1 "$T/out.jsonl")"
grep -q '"type":"lost",.*"count":[1-9]' "$T/out.jsonl" || fail "no JSON lost record"

# with the default ring nothing is lost, and --strict passes
"$SYSOBS" --strict -o "$T/trace" -- "$PROGS/burst" 100000 2>"$T/err"
expect_eq "exit status, default ring" 0 "$?"
expect_eq "loss, default ring (nothing said)" "" "$(diag "$T/err")"
expect_eq "calls shown" 100000 "$(grep -c '^getppid() ' "$T/trace")"
