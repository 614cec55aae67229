# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Bytes from the traced program or the filesystem never reach the output raw (issue 15,
# finding 1). File names with ESC/BEL sequences, CR, LF, control bytes, invalid UTF-8, quotes,
# backslashes and angle brackets, opened under -y: the paths behind the fds are escaped exactly
# as strace 6.1 escapes them (tests/progs/badnames prints the lines; strace checks the test's
# own expectations); the same in JSON's argstr, and every JSON line stays valid JSON; the
# command name and the -o path in sysobs's error messages are escaped as strings are.
. "$SRCDIR/tests/lib.sh"
need_bpf

mkdir "$T/names" || exit 99

# the reference: what strace 6.1 -y prints is what the program expects
if command -v strace >/dev/null 2>&1; then
	strace -y -o "$T/s.txt" "$PROGS/badnames" "$T/names" >"$T/expected" ||
		{ echo "strace -y badnames failed" >&2; exit 99; }
	between_marks "$T/s.txt" >"$T/s.cmp"
	if ! diff -u "$T/expected" "$T/s.cmp" >&2; then
		echo "tests/progs/badnames does not expect what strace -y shows" >&2
		exit 99
	fi
else
	echo "note: strace not installed, the expectations are not checked against it" >&2
fi

# text: the exact bytes of every line
"$SYSOBS" -y -o "$T/o.txt" -- "$PROGS/badnames" "$T/names" >"$T/expected" 2>"$T/err" ||
	fail "sysobs -y badnames: exit status $? ($(cat "$T/err"))"
between_marks "$T/o.txt" >"$T/o.cmp"
check_diff "$T/expected" "$T/o.cmp"
# nothing outside the markers forges a line either: no control byte but LF anywhere
if LC_ALL=C grep -q '[[:cntrl:]]' "$T/o.txt"; then
	fail "a control byte in the trace: $(LC_ALL=C grep -n '[[:cntrl:]]' "$T/o.txt" | head -n 3 | od -c | head -n 5)"
fi
[ "$(grep -c '^+++ exited with' "$T/o.txt")" = 1 ] || fail "a forged '+++ exited' line in the trace"

# the executable's own name: the execve line escapes it, the trace stays one line per call
cp "$PROGS/badnames" "$T/run$(printf '\033')]0;title$(printf '\007')" || exit 99
"$SYSOBS" -s 256 -o "$T/exec.txt" -- "$T/run$(printf '\033')]0;title$(printf '\007')" "$T/names" \
	>/dev/null 2>"$T/err" || fail "sysobs of a program with an ESC in its name: exit status $?"
grep -q -F "execve(\"$T/run\\33]0;title\\7\", [\"$T/run\\33]0;title\\7\", \"$T/names\"], " \
	"$T/exec.txt" || fail "the execve line: $(head -n 1 "$T/exec.txt" | od -c | head -n 5)"
if LC_ALL=C grep -q '[[:cntrl:]]' "$T/exec.txt"; then
	fail "a control byte in the trace of the ESC-named program"
fi

# JSON: every line parses; argstr shows the fd's path as the text trace does
if command -v jq >/dev/null 2>&1; then
	"$SYSOBS" --json=1 -y -o "$T/o.jsonl" -- "$PROGS/badnames" "$T/names" >/dev/null 2>"$T/err" ||
		fail "sysobs --json -y badnames: exit status $?"
	jq -c . "$T/o.jsonl" >/dev/null 2>"$T/jq.err" || fail "invalid JSON: $(cat "$T/jq.err")"
	# the close() arguments between the markers, as text shows them and as JSON's argstr has them
	sed -n 's/^close(\(.*\)) *= 0$/\1/p' "$T/expected" >"$T/close.expected"
	jq -r 'select(.type == "syscall" and .name == "close") | .argstr[0]' "$T/o.jsonl" |
		sed -n '/^-1001$/,/^-1002$/p' | sed -e '1d' -e '$d' >"$T/close.json"
	if ! diff -u "$T/close.expected" "$T/close.json" >&2; then
		fail "JSON argstr of the fds differs from the text trace (raw bytes in argstr?)"
	fi
	if LC_ALL=C grep -q '[[:cntrl:]]' "$T/o.jsonl"; then
		fail "a raw control byte in the JSON output"
	fi
else
	echo "note: jq not installed, JSON not checked" >&2
fi

# sysobs's own messages: the command name and the -o path, escaped as strings are, one line
esc=$(printf '\033')
bel=$(printf '\007')
nl='
'
"$SYSOBS" -- "$T/nope$esc]0;x$bel$nl+++ exited with 0 +++" 2>"$T/err"
expect_eq "status, missing command with control bytes" 127 "$?"
expect_eq "message" \
	"sysobs: cannot execute '$T/nope\\33]0;x\\7\\n+++ exited with 0 +++': No such file or directory" \
	"$(cat "$T/err")"
"$SYSOBS" -o "$T/no${esc}[2Jdir$nl/trace" -- true 2>"$T/err"
expect_eq "status, -o with control bytes" 1 "$?"
expect_eq "message" "sysobs: cannot open '$T/no\\33[2Jdir\\n/trace': No such file or directory" \
	"$(cat "$T/err")"
"$SYSOBS" -s "1${esc}]0;x$bel" -- true 2>"$T/err"
expect_eq "status, -s with control bytes" 2 "$?"
if LC_ALL=C grep -q '[[:cntrl:]]' "$T/err"; then
	fail "a control byte in the -s error message: $(od -c "$T/err" | head -n 3)"
fi
exit 0
