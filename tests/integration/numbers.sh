# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Number options reject overflow and nonsense (issue 15, finding 8): exit status 2 and one
# line on stderr (argp's "Try `sysobs --help'" hint aside), nothing traced. Values that wrap
# around 2^64 once multiplied by their suffix (18014398509481985K is 2^64 + 1024,
# 17179869185G is 2^64 + 1G) must not come out as small valid numbers.
. "$SRCDIR/tests/lib.sh"

# run COMMAND...: with a bound when timeout exists (a -p sysobs accepts waits for the process)
run() {
	if command -v timeout >/dev/null 2>&1; then
		timeout 10 "$@"
	else
		"$@"
	fi
}

# bad OPTION VALUE [ARGS...]: refused with status 2 and one line
bad() {
	opt=$1
	val=$2
	shift 2
	run "$SYSOBS" "$opt" "$val" "$@" 2>"$T/err"
	rc=$?
	[ $rc -ne 124 ] || fail "$opt '$val': sysobs still running after 10 s"
	expect_eq "$opt '$val': exit status" 2 "$rc"
	n=$(grep -v "^Try \`sysobs --help'" "$T/err" | grep -c '')
	[ "$n" = 1 ] && grep -q '^sysobs: ' "$T/err" ||
		fail "$opt '$val': expected one line on stderr, got: $(cat "$T/err")"
}

bad -s 18014398509481985K -o /dev/null -- true
bad -s 4294967297 -o /dev/null -- true
bad -s -1 -o /dev/null -- true
bad -s 1e3 -o /dev/null -- true
bad --ring-size 17179869185G -o /dev/null -- true
bad --ring-size 4294971392 -o /dev/null -- true
bad --ring-size 0 -o /dev/null -- true
bad -p 99999999999999999999 -o /dev/null
bad -p 4294967297 -o /dev/null
bad -p 0x10 -o /dev/null
# -p as strace 6.1 parses it: items split at ",", space, tab or newline; an empty item is
# refused, except after the last separator ("1," is pid 1, as -p "$(pgrep x | tr '\n' ,)")
bad -p ' 1' -o /dev/null
bad -p ',1' -o /dev/null
bad -p '1,,2' -o /dev/null
bad -p '1,,' -o /dev/null
bad -p '' -o /dev/null
bad -p '+' -o /dev/null

# ...and what strace accepts gets past the command line: an ended pid is then exit status 1
# ("No such process", or no BPF without root), never 2
true &
GP=$!
wait "$GP"
for list in "$GP," "$GP " "+$GP" "0$GP"; do
	run "$SYSOBS" -p "$list" -o /dev/null 2>"$T/err"
	expect_eq "-p '$list': exit status (accepted, then no such process)" 1 "$?"
done
exit 0
