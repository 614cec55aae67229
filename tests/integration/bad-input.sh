# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Bad input: one clear line on stderr and a documented status (opts.h, --help).
. "$SRCDIR/tests/lib.sh"

"$SYSOBS" -- /nonexistent/cmd 2>"$T/err"
expect_eq "status, missing file" 127 "$?"
expect_eq "message" "sysobs: cannot execute '/nonexistent/cmd': No such file or directory" "$(cat "$T/err")"

"$SYSOBS" -- sysobs-no-such-command-xyz 2>"$T/err"
expect_eq "status, not on PATH" 127 "$?"
expect_eq "message" "sysobs: cannot execute 'sysobs-no-such-command-xyz': No such file or directory" "$(cat "$T/err")"

printf 'not a program\n' >"$T/noexec"
chmod 644 "$T/noexec"
"$SYSOBS" -- "$T/noexec" 2>"$T/err"
expect_eq "status, not executable" 126 "$?"
expect_eq "message" "sysobs: cannot execute '$T/noexec': Permission denied" "$(cat "$T/err")"

"$SYSOBS" 2>"$T/err"
expect_eq "status, no command" 2 "$?"
grep -q "missing command" "$T/err" || fail "no 'missing command' in: $(cat "$T/err")"

"$SYSOBS" -s abc -- true 2>"$T/err"
expect_eq "status, bad -s" 2 "$?"
grep -q "invalid -s 'abc'" "$T/err" || fail "no -s message in: $(cat "$T/err")"

"$SYSOBS" --ring-size 1000 -- true 2>"$T/err"
expect_eq "status, bad --ring-size" 2 "$?"

"$SYSOBS" -o /nonexistent/dir/trace -- true 2>"$T/err"
expect_eq "status, bad -o" 1 "$?"
expect_eq "message" "sysobs: cannot open '/nonexistent/dir/trace': No such file or directory" "$(cat "$T/err")"

"$SYSOBS" --version >"$T/out" || fail "--version failed"
grep -q '^sysobs [0-9]' "$T/out" || fail "--version says: $(cat "$T/out")"
"$SYSOBS" --help >"$T/out" || fail "--help failed"
grep -q 'EXAMPLES' "$T/out" || fail "--help has no examples"
