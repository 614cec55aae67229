# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The command gets the privileges its invoker would give it, not sysobs's (issue 15, findings 2
# and 3). Run by a user holding ambient CAP_BPF + CAP_PERFMON (the README's non-root mode), the
# traced command has no capabilities at all: empty CapInh, CapPrm, CapEff and CapAmb. As root,
# -u USER runs the command as USER (strace's -u): USER's uid, gid and supplementary groups, no
# capabilities, and the trace is still written.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v setpriv >/dev/null 2>&1 || skip "setpriv (util-linux) not found"
setpriv --help 2>&1 | grep -q -- --ambient-caps || skip "this setpriv has no --ambient-caps"

# caps_zero FILE WHAT: FILE holds /proc/PID/status Cap* lines; the four sets must be empty
caps_zero() {
	for c in CapInh CapPrm CapEff CapAmb; do
		v=$(sed -n "s/^$c:[[:space:]]*//p" "$1")
		[ -n "$v" ] || fail "$2: no $c line in: $(cat "$1")"
		[ "$v" = 0000000000000000 ] || fail "$2: the command has $c $v (expected none): $(tr '\n' ' ' <"$1")"
	done
}

# --- a non-root user with ambient CAP_BPF + CAP_PERFMON ------------------------------------
cp "$SYSOBS" "$T/sysobs" && chmod 755 "$T" "$T/sysobs" || exit 99
mkdir "$T/u" && chown 65534:65534 "$T/u" || exit 99
asuser() {
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all,+bpf,+perfmon --ambient-caps=-all,+bpf,+perfmon "$@"
}
# the invoker really holds them (else the test proves nothing)
asuser grep '^CapEff:' /proc/self/status >"$T/inv" || exit 99
grep -q '^CapEff:[[:space:]]*000000c000000000$' "$T/inv" ||
	{ echo "setpriv did not give CAP_BPF+CAP_PERFMON: $(cat "$T/inv")" >&2; exit 99; }

asuser "$T/sysobs" -o "$T/u/trace" -- sh -c 'grep ^Cap /proc/self/status' >"$T/caps" 2>"$T/err"
expect_eq "non-root with caps: exit status" 0 "$?"
grep -q '^execve(".*/sh", \["sh", "-c", ' "$T/u/trace" || fail "non-root with caps: no trace of sh"
caps_zero "$T/caps" "non-root with ambient CAP_BPF+CAP_PERFMON"

# --- root: -u USER -------------------------------------------------------------------------
# nobody, and a user with supplementary groups when the system has one
users=nobody
extra=$(awk -F: '$4 != "" { split($4, m, ","); print m[1]; exit }' /etc/group)
[ -n "$extra" ] && id "$extra" >/dev/null 2>&1 && users="$users $extra"
for u in $users; do
	"$SYSOBS" -u "$u" -o "$T/id.trace" -- id >"$T/id" 2>"$T/err"
	expect_eq "-u $u: exit status" 0 "$?"
	expect_eq "-u $u: id" "$(id "$u")" "$(cat "$T/id")"
	grep -q '^execve(".*/id", \["id"\], ' "$T/id.trace" || fail "-u $u: no execve of id in the trace"
	expect_eq "-u $u: last trace line" "+++ exited with 0 +++" "$(tail -n 1 "$T/id.trace")"
done

"$SYSOBS" -u nobody -o "$T/caps.trace" -- sh -c 'grep ^Cap /proc/self/status' >"$T/caps" \
	2>"$T/err"
expect_eq "-u nobody, Cap lines: exit status" 0 "$?"
caps_zero "$T/caps" "-u nobody"
exit 0
