# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# --json parsed by a JSON parser: the target's trace (target-json.sh checks it with grep) read
# with jq, field by field. Host only: the VMs have no jq.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v jq >/dev/null 2>&1 || skip "jq not installed"

cd "$SYSOBS_BUILD" || exit 99
"$SYSOBS" --json=1 -o "$T/out.jsonl" -- ./target >"$T/stdout" 2>"$T/stderr"
expect_eq "exit status" 0 "$?"
jq -e . "$T/out.jsonl" >/dev/null || fail "jq cannot parse the output"
expect_eq "write" '1 23 "write"' "$(jq -r 'select(.type=="syscall" and .name=="write") | "\(.nr) \(.ret) \"\(.name)\""' "$T/out.jsonl")"
expect_eq "exit" '60 true' "$(jq -r 'select(.type=="syscall" and .name=="exit") | "\(.nr) \(.noreturn)"' "$T/out.jsonl")"
expect_eq "write args" '[1,23]' "$(jq -c 'select(.name=="write") | [.args[0], .args[2]]' "$T/out.jsonl")"
expect_eq "write argstr" '"\"Hello, direct syscall!\\n\""' "$(jq -c 'select(.name=="write") | .argstr[1]' "$T/out.jsonl")"
expect_eq "exec event" '"./target"' "$(jq -c 'select(.type=="exec") | .filename' "$T/out.jsonl")"
expect_eq "exit event" '0' "$(jq -c 'select(.type=="exit") | .code' "$T/out.jsonl")"
expect_eq "summary" '0 3 0' "$(jq -r 'select(.type=="summary") | "\(.lost) \(.syscalls) \(.exit_status)"' "$T/out.jsonl")"
# the same pid everywhere, and timestamps that never go back
expect_eq "pids" 1 "$(jq -r 'select(.pid) | .pid' "$T/out.jsonl" | sort -u | wc -l | tr -d ' ')"
jq -r 'select(.ts_ns) | .ts_ns' "$T/out.jsonl" | sort -c -n || fail "ts_ns goes backwards"
exit 0
