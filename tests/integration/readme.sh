# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The README's examples are real: every command of its ```console blocks runs (as the README
# says: in build/, as root) and exits 0, and every line the README shows after a command is
# among what it printed, numbers, addresses and runs of blanks aside (pids, times, columns).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v jq >/dev/null 2>&1 || skip "jq not installed"

# the blocks as "C command" and "O line" records, one block after another
awk '/^```console$/ { inb = 1; next } /^```$/ { inb = 0; next }
	inb && /^\$ / { print "C " substr($0, 3); next } inb { print "O " $0 }' \
	"$SRCDIR/README.md" >"$T/blocks"
[ "$(grep -c '^C ' "$T/blocks")" -ge 5 ] || fail "fewer than 5 commands in the README's blocks"

# "[pid N] " aside too: whether a line has it depends on which processes are still alive
# when it is printed (strace's rule), and a pipeline's children end in either order
mask() { sed -E -e 's/0x[0-9a-f]+/0xX/g' -e 's/[0-9]+/N/g' -e 's/ +/ /g' -e 's/ $//' -e 's/^\[pid N\] //'; }
cd "$T" || exit 99
cp "$SYSOBS_BUILD/target" "$T/target" || exit 99	# build/ as the README has it, without writing there
n=0
check_block() {	# the lines expected of the last command, against its output
	[ -s "$T/want" ] || return 0
	mask <"$T/want" >"$T/want.m"
	mask <"$T/out" >"$T/out.m"
	while IFS= read -r l; do
		grep -q -x -F -- "$l" "$T/out.m" ||
			fail "README: '$cmd' did not print a line like: $l
$(cat "$T/out")"
	done <"$T/want.m"
}
: >"$T/want"
while IFS= read -r rec; do
	case $rec in
	"C "*)
		check_block
		cmd=${rec#C }
		run=$(printf '%s' "$cmd" | sed -e 's/^sudo //' -e "s|\\./sysobs|$SYSOBS|g")
		sh -c "$run" >"$T/out" 2>&1 || fail "README: '$cmd' exited $?: $(tail -n 5 "$T/out")"
		n=$((n + 1))
		: >"$T/want"
		;;
	"O "*) printf '%s\n' "${rec#O }" >>"$T/want" ;;
	esac
done <"$T/blocks"
check_block
echo "README: $n commands run, every line shown was printed"
