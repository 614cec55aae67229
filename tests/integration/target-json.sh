# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# --json: one object per syscall and per process event, a final summary; schema docs/json.md.
. "$SRCDIR/tests/lib.sh"
need_bpf

cd "$SYSOBS_BUILD" || exit 99
"$SYSOBS" --json=1 -o "$T/out.jsonl" -- ./target >"$T/stdout" 2>"$T/stderr"
expect_eq "exit status" 0 "$?"
expect_eq "target's stdout" "Hello, direct syscall!" "$(cat "$T/stdout")"
expect_eq "line count" 6 "$(wc -l <"$T/out.jsonl" | tr -d ' ')"

# every line is one object of schema version 1
grep -v '^{"v":1,"type":"[a-z]*",.*}$' "$T/out.jsonl" >&2 && fail "a line is not a v1 object"
# the facts, with grep (the VMs have busybox, no jq); target-json-jq.sh parses them with jq
grep -q '"type":"syscall",.*"nr":1,"name":"write","args":\[1,[0-9]*,23\],"argstr":\["1","\\"Hello, direct syscall!\\\\n\\"","23"\],.*"ret":23}' "$T/out.jsonl" ||
	fail "no write with nr 1 and ret 23"
grep -q '"nr":60,"name":"exit","args":\[0\],"argstr":\["0"\],"ret":null,"noreturn":true' "$T/out.jsonl" ||
	fail "no exit with nr 60"
grep -q '"type":"exit",.*"code":0}' "$T/out.jsonl" || fail "no exit event"
grep -q '"type":"summary",.*"lost":0,' "$T/out.jsonl" || fail "no summary with lost 0"
exit 0
