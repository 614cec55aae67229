# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# --json: one object per syscall and per process event, a final summary; schema docs/json.md.
. "$SRCDIR/tests/lib.sh"
need_bpf

cd "$SYSOBS_BUILD" || exit 99
"$SYSOBS" --json -o "$T/out.jsonl" -- ./target >"$T/stdout" 2>"$T/stderr"
expect_eq "exit status" 0 "$?"
expect_eq "target's stdout" "Hello, direct syscall!" "$(cat "$T/stdout")"
expect_eq "line count" 6 "$(wc -l <"$T/out.jsonl" | tr -d ' ')"

# every line is one object of schema version 1
grep -v '^{"v":1,"type":"[a-z]*",.*}$' "$T/out.jsonl" >&2 && fail "a line is not a v1 object"
if command -v jq >/dev/null 2>&1; then
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
else
	# busybox (the VMs): the same facts with grep
	grep -q '"type":"syscall",.*"nr":1,"name":"write","args":\[1,[0-9]*,23\],"argstr":\["1","\\"Hello, direct syscall!\\\\n\\"","23"\],.*"ret":23}' "$T/out.jsonl" ||
		fail "no write with nr 1 and ret 23"
	grep -q '"nr":60,"name":"exit","args":\[0\],"argstr":\["0"\],"ret":null,"noreturn":true' "$T/out.jsonl" ||
		fail "no exit with nr 60"
	grep -q '"type":"exit",.*"code":0}' "$T/out.jsonl" || fail "no exit event"
	grep -q '"type":"summary",.*"lost":0,' "$T/out.jsonl" || fail "no summary with lost 0"
fi
