# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Trace files are opened safely (issue 15, finding 4). In a sticky directory (/tmp) -o and
# --record neither follow a symlink another user planted (root would truncate the file it
# points to) nor write into a file another user owns; both refuse with exit status 1 and one
# line, before the command runs. Files are created 0644 masked by the umask (never more open
# than 0644: umask 000 gives 0644, 077 gives 0600). -o and --record naming the same file (by
# the same or another path) are refused as a bad command line: exit status 2.
# (With the sysctls fs.protected_symlinks=1 and fs.protected_regular=1 the kernel refuses the
# first two itself; sysobs must not depend on them: Debian without systemd's defaults has 0.)
. "$SRCDIR/tests/lib.sh"
need_bpf
[ -k /tmp ] || skip "/tmp is not a sticky directory"

P=/tmp/sysobs-harden-test.$$
trap 'rm -rf "$T"; rm -f "$P".*' EXIT
OTHER=65534	# another user: nobody

# one_line WHAT FILE: FILE (stderr) is one "sysobs: ..." line, argp's "Try ..." hint aside
one_line() {
	n=$(grep -v "^Try \`sysobs --help'" "$2" | grep -c '')
	[ "$n" = 1 ] && grep -q '^sysobs: ' "$2" || fail "$1: expected one line on stderr, got: $(cat "$2")"
}

# refused WHAT STATUS EXPECTED_STATUS: the command did not run, stderr is one line
refused() {
	expect_eq "$1: exit status" "$3" "$2"
	one_line "$1" "$T/err"
	[ -e "$T/ran" ] && fail "$1: the command ran"
	rm -f "$T/ran"
}

# --- a symlink planted by another user -----------------------------------------------------
printf 'precious\n' >"$T/victim" && chmod 600 "$T/victim" || exit 99
for opt in -o --record; do
	ln -s "$T/victim" "$P.link" && chown -h "$OTHER:$OTHER" "$P.link" || exit 99
	if [ "$opt" = -o ]; then
		"$SYSOBS" -o "$P.link" -- touch "$T/ran" 2>"$T/err"
	else
		"$SYSOBS" -o /dev/null --record "$P.link" -- touch "$T/ran" 2>"$T/err"
	fi
	rc=$?
	[ "$(cat "$T/victim")" = precious ] ||
		fail "$opt to another user's symlink in /tmp: the file it points to was overwritten"
	refused "$opt to another user's symlink in /tmp" "$rc" 1
	grep -q -F "$P.link" "$T/err" || fail "$opt: the message does not name the file: $(cat "$T/err")"
	rm -f "$P.link"
done

# --- a file another user created -----------------------------------------------------------
for opt in -o --record; do
	printf 'theirs\n' >"$P.file" && chown "$OTHER:$OTHER" "$P.file" && chmod 666 "$P.file" || exit 99
	if [ "$opt" = -o ]; then
		"$SYSOBS" -o "$P.file" -- touch "$T/ran" 2>"$T/err"
	else
		"$SYSOBS" -o /dev/null --record "$P.file" -- touch "$T/ran" 2>"$T/err"
	fi
	rc=$?
	[ "$(cat "$P.file")" = theirs ] || fail "$opt to another user's file in /tmp: it was overwritten"
	expect_eq "$opt to another user's file in /tmp: its owner" "$OTHER" "$(stat -c %u "$P.file")"
	refused "$opt to another user's file in /tmp" "$rc" 1
	rm -f "$P.file"
done

# --- what stays allowed: one's own file in /tmp, a symlink outside sticky directories --------
printf 'old\n' >"$P.own" && printf 'old\n' >"$P.ownrec" || exit 99
"$SYSOBS" -o "$P.own" --record "$P.ownrec" -- true 2>"$T/err"
expect_eq "-o and --record to one's own files in /tmp: exit status" 0 "$?"
expect_eq "-o to one's own file: last line" "+++ exited with 0 +++" "$(tail -n 1 "$P.own")"
[ "$(cat "$P.ownrec")" != old ] || fail "--record did not write one's own file in /tmp"
"$SYSOBS" -o /dev/stdout -- true >"$T/stdout.trace" 2>"$T/err"
expect_eq "-o /dev/stdout: exit status" 0 "$?"
expect_eq "-o /dev/stdout: last line" "+++ exited with 0 +++" "$(tail -n 1 "$T/stdout.trace")"

# --- modes of new files: 0644 masked by the umask ------------------------------------------
for case in 000:644 022:644 027:640 077:600; do
	m=${case%:*}
	want=${case#*:}
	(umask "$m" && "$SYSOBS" -o "$T/o.$m" --record "$T/r.$m" -- true 2>/dev/null) ||
		fail "umask $m: sysobs failed"
	expect_eq "umask $m: mode of the -o file" "$want" "$(stat -c %a "$T/o.$m")"
	expect_eq "umask $m: mode of the --record file" "$want" "$(stat -c %a "$T/r.$m")"
done

# --- -o and --record on the same file ------------------------------------------------------
mkdir "$T/sub" && : >"$T/h" && ln "$T/h" "$T/h.hard" && ln -s h "$T/h.sym" || exit 99
"$SYSOBS" -o "$T/same" --record "$T/same" -- touch "$T/ran" 2>"$T/err"
refused "-o F --record F" "$?" 2
"$SYSOBS" -o "$T/same2" --record "$T/sub/../same2" -- touch "$T/ran" 2>"$T/err"
refused "-o F --record DIR/../F" "$?" 2
"$SYSOBS" -o "$T/h" --record "$T/h.hard" -- touch "$T/ran" 2>"$T/err"
refused "-o F --record (a hard link to F)" "$?" 2
"$SYSOBS" -o "$T/h.sym" --record "$T/h" -- touch "$T/ran" 2>"$T/err"
refused "-o (a symlink to F) --record F" "$?" 2
exit 0
