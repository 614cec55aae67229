#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# docs/strace-parity.md against strace 6.1's own option list and sysobs's command line: every
# option in `strace -h` has a row; each row taken (same, differs, no meaning) is in `sysobs
# --help` and parses; each row missing is refused with exit status 2. No BPF: only the
# command line is exercised (a missing command, the last check of parsing, gives 2 as well, so
# a taken option is given with a command that cannot be found: 127).
set -u
: "${SYSOBS:?run through tests/run.sh}"
: "${SRCDIR:?run through tests/run.sh}"
command -v strace >/dev/null 2>&1 || { echo "SKIP: strace not installed (the reference)" >&2; exit 77; }
DOC=$SRCDIR/docs/strace-parity.md
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# the option column: `-x`, `--long`, `-e name=` as words, one per line
sed -n 's/^| \(`[^|]*\) | \([a-z ]*\) | .*/\2|\1/p' "$DOC" >"$T/rows"
[ "$(wc -l <"$T/rows")" -ge 50 ] || fail "the table has $(wc -l <"$T/rows") rows"
grep -o '`[^`]*`' "$T/rows" | tr -d '`' | sed 's/[ =].*//' | sort -u >"$T/documented"

# every option strace -h lists has a row
strace -h 2>&1 | grep -oE '(^|[ ,])(-[a-zA-Z]+|--[a-z][a-z-]*)' | sed 's/^[ ,]//' |
	sort -u >"$T/strace"
missing=$(comm -23 "$T/strace" "$T/documented")
[ -z "$missing" ] || fail "options of strace -h without a row: $missing"
# and every qualifier of its -e
for q in trace signal status abbrev verbose raw read write quiet kvm decode-fds inject fault; do
	grep -q "\`-e $q=" "$DOC" || fail "no row for -e $q="
done

"$SYSOBS" --help >"$T/help" || fail "--help failed"
n=0
while IFS='|' read -r state opts; do
	for o in $(printf '%s\n' "$opts" | grep -o '`[^`]*`' | tr -d '`' | sed 's/ .*//'); do
		case $o in
		-e) continue ;;				# the qualifiers: strace-qualifiers.sh
		-e*|*=) continue ;;
		esac
		name=${o%%=*}
		case $state in
		missing)
			"$SYSOBS" "$name" -- /nonexistent/x >/dev/null 2>&1
			rc=$?
			# a missing option that needs an argument may eat "--": still refused
			[ $rc = 2 ] || fail "$name is missing in the table, but sysobs took it (exit $rc)"
			;;
		*)
			case $name in
			--*) grep -q -- "$name\\b" "$T/help" || fail "$name ($state) is not in --help" ;;
			-?) grep -q -- "^ *$name," "$T/help" || grep -q -- "^ *$name  " "$T/help" ||
				fail "$name ($state) is not in --help" ;;
			esac
			;;
		esac
		n=$((n + 1))
	done
done <"$T/rows"
echo "parity: $n options checked against docs/strace-parity.md"
