#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# sysobs(1): every option of --help is in the man page and every option the man page lists is in
# --help; it has the sections a reader looks for; groff -man -ww -z finds nothing to warn about.
set -u
: "${SYSOBS_BUILD:?run through tests/run.sh}"
man=$SYSOBS_BUILD/sysobs.1
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v groff >/dev/null 2>&1 || { echo "SKIP: groff not installed (groff-base)" >&2; exit 77; }
[ -s "$man" ] || fail "no $man (make doc)"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# the options, as help lists them: the -x and --long before the description on lines that start
# with a dash
"$SYSOBS_BUILD/sysobs" --help | grep -E '^ +-' | sed -e 's/^ *//' -e 's/   *.*//' |
	grep -oE '(^|[ ,])--?[A-Za-z0-9][-A-Za-z0-9]*' | tr -d ' ,' | sort -u >"$T/help"
[ "$(wc -l <"$T/help")" -gt 10 ] || fail "--help lists fewer than 10 options"
# the man page's: the tag line of each .TP in the OPTIONS section
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$man" | awk 'tp { print } { tp = ($0 == ".TP") }' |
	sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\,//g' -e 's/\\\///g' |
	grep -oE '(^|[ ,])--?[A-Za-z0-9][-A-Za-z0-9]*' | tr -d ' ,' | sort -u >"$T/man"
diff -u "$T/help" "$T/man" >&2 || fail "the man page's options differ from --help (- help, + man)"
for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES NOTES \
	"SEE ALSO"; do
	grep -q "^\.SH \"*$s\"*\$" "$man" || fail "no $s section"
done
grep -q 'strace (1)' "$man" || grep -q 'BR strace (1)' "$man" || fail "SEE ALSO has no strace(1)"
groff -man -ww -z "$man" 2>"$T/warn"
[ -s "$T/warn" ] && fail "groff warns: $(cat "$T/warn")"
echo "man: $(wc -l <"$T/help") options in both, every section there, no groff warning"
