# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# --tips[=[[id:]ID][,format:FORMAT]] as strace 6.1's: a tip in a box on stderr when the trace
# ends, never in the trace file; format:none shows nothing, compact the box alone, full (the
# default) the box and a drawing; ID picks the tip, modulo their number. The tips' text is
# sysobs's own (the parity table says so).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"

# box FILE: the box's first and last lines are there, in that order
box() {
	head -n 1 "$1" | grep -q '^  __________' || return 1
	grep -q '^ \\____*/ *' "$1"
}
for tool in strace sysobs; do
	run() {
		if [ $tool = strace ]; then strace "$@"; else "$SYSOBS" "$1" "$2" "$3" -- "$4"; fi
	}
	run --tips=id:3,format:compact -o "$T/$tool.trace" /bin/true 2>"$T/$tool.compact" ||
		fail "$tool --tips=id:3,format:compact: $?"
	box "$T/$tool.compact" || fail "$tool: no tip box on stderr"
	grep -q '____' "$T/$tool.trace" && fail "$tool: the tip went into the trace file"
	grep -q '^exit_group(0) *= ?$' "$T/$tool.trace" || fail "$tool: no trace"
	run --tips=format:none -o "$T/$tool.trace" /bin/true 2>"$T/$tool.none" ||
		fail "$tool --tips=format:none: $?"
	[ -s "$T/$tool.none" ] && fail "$tool --tips=format:none printed: $(head -n 2 "$T/$tool.none")"
	run --tips=3,format:full -o "$T/$tool.trace" /bin/true 2>"$T/$tool.full" ||
		fail "$tool --tips=3,format:full: $?"
	box "$T/$tool.full" || fail "$tool: no tip box with format:full"
	[ "$(wc -l <"$T/$tool.full")" -gt "$(wc -l <"$T/$tool.compact")" ] ||
		fail "$tool: format:full is not more than format:compact"
	echo "$tool: the box on stderr, none in the trace; none, compact and full" >&2
done

# the same tip for id:3 and id:3+N (N tips); a different one for another id
"$SYSOBS" --tips=id:3,format:compact -o /dev/null -- /bin/true 2>"$T/a"
n=0
same=
while [ $n -lt 40 ]; do
	n=$((n + 1))
	"$SYSOBS" --tips=id:$((3 + n)),format:compact -o /dev/null -- /bin/true 2>"$T/b"
	if cmp -s "$T/a" "$T/b"; then
		same=$n
		break
	fi
done
[ -n "$same" ] && [ "$same" -gt 1 ] || fail "no other tips, or none repeats: ($same)"
echo "$same tips, taken modulo" >&2

# a bad value: one line, exit 2 (strace exits 1 for its)
for bad in id:x format:huge id:-1 'id:1,format:'; do
	"$SYSOBS" --tips="$bad" -- /bin/true 2>"$T/e" && fail "--tips=$bad taken"
	rc=$?
	[ $rc = 2 ] || fail "--tips=$bad: exit $rc, not 2"
	grep -q "^sysobs: invalid --tips" "$T/e" || fail "--tips=$bad: $(head -n 1 "$T/e")"
done
exit 0
