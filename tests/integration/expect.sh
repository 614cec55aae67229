# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# --expect and --expect-line: the test program prints its own trace as patterns (a group per
# process); sysobs meets them, and fails with 123 and the closest lines when they are changed,
# reordered, or a '!' pattern is met. The command's status passes through when all is met.
. "$SRCDIR/tests/lib.sh"
need_bpf

D=$T/dir
mkdir "$D" || exit 99
"$PROGS/asserted" "$D" >"$T/expect" || fail "the test program failed"
grep -q '^mkdirat' "$T/expect" || fail "the test program printed no patterns"

# run NAME SYSOBS-OPTIONS...: sysobs on the program, its status in $T/NAME.rc, stderr in $T/NAME.err
run() {
	name=$1
	shift
	rm -rf "$D"/*
	"$SYSOBS" "$@" -- "$PROGS/asserted" "$D" >/dev/null 2>"$T/$name.err"
	echo $? >"$T/$name.rc"
}

# has NAME TEXT: the stderr of run NAME has the line TEXT
has() {
	grep -qxF -- "$2" "$T/$1.err" || { cat "$T/$1.err" >&2; fail "$1: no line '$2'"; }
}

# all met, each group in its own process; no trace without -o
run ok -f --expect "$T/expect"
expect_eq "all met" 0 "$(cat "$T/ok.rc")"
grep -q 'openat(' "$T/ok.err" && fail "a trace on stderr without -o"

# without -f the child's group is never met: the report says so
run nofollow --expect "$T/expect"
expect_eq "child not followed" 123 "$(cat "$T/nofollow.rc")"
has nofollow "sysobs: --expect: not met: $T/expect:10: mkdirat(AT_FDCWD, \"$D/child\", 0750) = 0"
has nofollow "  no call of that name was seen while it was due"

# a changed pattern: the closest line seen is the real call
sed 's/caf\\303\\251", O_WRONLY/cafe", O_WRONLY/' "$T/expect" >"$T/changed"
run changed -f --expect "$T/changed"
expect_eq "changed" 123 "$(cat "$T/changed.rc")"
has changed "sysobs: --expect: not met: $T/changed:1: openat(AT_FDCWD, \"$D/cafe\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 3"
has changed "  - openat(AT_FDCWD, \"$D/cafe\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 3"
grep -q "^  + openat(AT_FDCWD, \"$D/caf\\\\303\\\\251\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 3    \[tid [0-9]*\]\$" \
	"$T/changed.err" || { cat "$T/changed.err" >&2; fail "changed: the real call is not shown"; }

# order counts: close(3) before the write is met by the first close, then no write follows
{ sed -n 1p "$T/expect"; sed -n 3p "$T/expect"; sed -n 2p "$T/expect"; } >"$T/reordered"
run reordered -f --expect "$T/reordered"
expect_eq "reordered" 123 "$(cat "$T/reordered.rc")"
has reordered "sysobs: --expect: not met: $T/reordered:3: write(3, \"caf\\303\\251\\n\", 6)            = 6"
grep -q '^  after, in pid [0-9]*: close(3) = 0$' "$T/reordered.err" ||
	fail "reordered: the line that met the pattern before is not shown"

# negative patterns: one never met, one met
run neg_ok -f --expect-line '!openat(... "/etc/shadow" ...)' --expect-line 'read(3, "caf*", *) = 6'
expect_eq "negative not met" 0 "$(cat "$T/neg_ok.rc")"
run neg -f --expect-line '!write(3, ...)'
expect_eq "negative met" 123 "$(cat "$T/neg.rc")"
has neg "sysobs: --expect: met 1 time: --expect-line #1: !write(3, ...)"
grep -q '^  first, in tid [0-9]*: write(3, "caf\\303\\251\\n", 6) = 6$' "$T/neg.err" ||
	{ cat "$T/neg.err" >&2; fail "neg: the call that met it is not shown"; }

# the command's status passes through when everything is met; -o writes the trace beside
"$SYSOBS" -o "$T/trace" --expect-line 'exit_group(5) = ?' --expect-line '+++ exited with 5 +++' \
	-- sh -c 'exit 5' 2>"$T/status.err"
expect_eq "status passes through" 5 "$?"
grep -q '^exit_group(5) ' "$T/trace" || fail "-o with --expect: no trace"

# bad use is a usage error
"$SYSOBS" --expect "$T/none" -- true 2>"$T/usage.err"
expect_eq "missing file" 2 "$?"
grep -q "cannot open --expect '$T/none'" "$T/usage.err" || fail "missing file: no message"
"$SYSOBS" -c --expect-line 'x()' -- true 2>/dev/null
expect_eq "with -c" 2 "$?"
exit 0
