# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# JSON v2 as a user's CI reads it, with jq and with Python's json: a file opened with its flags
# (path by name, flags as a list), a failed open, UTF-8 names, signed and 64-bit values, a
# struct's field, comm, the wall-clock anchor, the summary as the last line (also with -c), and
# the 'jq -n any(inputs; ...)' idiom (docs/json.md). One check per stumble of issue 14.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v jq >/dev/null 2>&1 || skip "jq not installed"
command -v python3 >/dev/null 2>&1 || skip "python3 not installed"

D=$T/dir
mkdir "$D" || exit 99
J=$T/trace.jsonl

# the trace through a pipe, nothing of it on stderr
"$SYSOBS" -f --json -o /dev/stdout -- sh -c "'$PROGS/asserted' '$D' >/dev/null" 2>"$T/err" >"$J"
expect_eq "exit status" 0 "$?"
grep -q '{"v"' "$T/err" && fail "JSON on stderr with -o /dev/stdout"
expect_eq "last line" summary "$(tail -n 1 "$J" | jq -r .type)"

# jq: "is there a line such that": -n and inputs, not select over lines
q() {
	jq -n -e "$1" "$J" >/dev/null || fail "jq found no line for: $1"
}
q 'any(inputs; .name == "openat" and (.args[] | select(.name == "filename").value | endswith("/café"))
	and (.args[] | select(.name == "flags").flags | index("O_CREAT")) and .ret == 3)'
q 'any(inputs; .name == "openat" and (.args[0].value == -100) and .args[0].text == "AT_FDCWD")'
q 'any(inputs; .name == "openat" and .errno == "ENOENT" and .ret == -2
	and .ret_text == "-1 ENOENT (No such file or directory)")'
q 'any(inputs; .name == "write" and .args[1].value == "café\n" and .args[1].text == "\"caf\\303\\251\\n\"")'
q 'any(inputs; .name == "mkdirat" and .comm == "asserted" and .args[2].value == 488)'
q 'any(inputs; .type == "exit" and .code == 7)'
q '[inputs | select(.type == "summary")] | length == 1 and .[0].lost == 0 and .[0].exit_status == 0'
# the idiom the docs warn about: select over lines answers for the last line only
jq -e 'select(.name == "mkdirat")' "$J" >/dev/null && fail "jq -e over lines is expected to report the last line"

# Python's json: the same file, bytes and numbers exact
python3 - "$J" "$D" <<'PY' || fail "the Python checks failed"
import json, sys, time
path, d = sys.argv[1], sys.argv[2]
objs = [json.loads(l) for l in open(path, encoding="utf-8")]
calls = [o for o in objs if o["type"] == "syscall"]
arg = lambda c, n: next(a for a in c["args"] if a["name"] == n)
opens = [c for c in calls if c["name"] == "openat" and arg(c, "filename")["value"] == d + "/café"]
assert len(opens) == 2, opens
assert arg(opens[0], "flags")["flags"] == ["O_WRONLY", "O_CREAT", "O_TRUNC"], opens[0]
assert arg(opens[0], "mode")["value"] == 0o600
read = next(c for c in calls if c["name"] == "read" and c["ret"] == 6)
assert arg(read, "buf")["value"].encode("utf-8", "surrogateescape") == "café\n".encode()
s = objs[-1]
assert s["type"] == "summary" and s["clock"] == "CLOCK_MONOTONIC"
wall = (calls[-1]["ts_ns"] + s["wall_offset_ns"]) / 1e9
assert abs(wall - time.time()) < 600, (wall, time.time())
assert {c["comm"] for c in calls} == {"asserted", "sh"}, {c["comm"] for c in calls}
PY

# a struct's fields, and 64-bit values above 2^53 as strings too (cat into a file:
# copy_file_range's length is 0x7ffffffff0000000)
printf x >"$D/café"	# asserted made it 0600
"$SYSOBS" --json -o "$T/cat.jsonl" -- cat "$D/café" >"$T/out" 2>/dev/null
q2() {
	jq -n -e "$1" "$T/cat.jsonl" >/dev/null || fail "jq found no line for: $1"
}
q2 'any(inputs; .name == "newfstatat" and .args[2].value.st_size == 1 and .args[2].value.st_mode == "S_IFREG|0600")'
q2 'any(inputs; .name == "copy_file_range" and (.args[] | select(.name == "len") |
	.value_str == "9223372035781033984"))'

# -c --json: the counts, then the summary, last; no syscall object
"$SYSOBS" -c --json -o "$T/c.jsonl" -- "$PROGS/asserted" "$D" >/dev/null 2>&1
expect_eq "-c: last line" summary "$(tail -n 1 "$T/c.jsonl" | jq -r .type)"
expect_eq "-c: only counts before it" count "$(sed '$d' "$T/c.jsonl" | jq -r .type | sort -u)"
expect_eq "-c: no syscall objects" 0 "$(tail -n 1 "$T/c.jsonl" | jq .syscalls)"
jq -n -e 'any(inputs; .type == "count" and .name == "openat" and .calls == 3 and .errors == 1)' \
	"$T/c.jsonl" >/dev/null || fail "-c: openat's count"
exit 0
