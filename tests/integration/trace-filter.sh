# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# -e trace=SET / --trace=SET: only the calls in SET are shown (and counted by -c); the rest are
# dropped in the kernel. The process's end still shows. -z / -Z: successful / failed calls only.
. "$SRCDIR/tests/lib.sh"
need_bpf

P=$PROGS/errors
names() {	# the syscall names a trace shows, sorted, one each
	sed -n 's/^\([a-z_0-9]*\)(.*/\1/p' "$1" | sort -u | tr '\n' ' '
}

"$SYSOBS" -e trace=chdir,getppid -o "$T/two" -- "$P" >"$T/expected" || fail "sysobs failed: $?"
expect_eq "-e trace=chdir,getppid: names" "chdir getppid " "$(names "$T/two")"
grep -E '^(chdir|getppid)\(' "$T/expected" >"$T/want"
grep -E '^(chdir|getppid)\(' "$T/two" >"$T/got"
check_diff "$T/want" "$T/got"
expect_eq "last line" "+++ exited with 0 +++" "$(tail -n 1 "$T/two")"

"$SYSOBS" -e 'trace=!getppid,close' -o "$T/not" -- "$P" >/dev/null || fail "sysobs failed: $?"
grep -q -E '^(getppid|close)\(' "$T/not" && fail "!getppid,close: $(grep -E '^(getppid|close)\(' "$T/not")"
grep -q '^kill(999999999, 0)' "$T/not" || fail "!getppid,close lost kill"
grep -q '^execve(' "$T/not" || fail "!getppid,close lost execve"

"$SYSOBS" --trace=%file -o "$T/file" -- "$P" >/dev/null || fail "sysobs failed: $?"
for n in execve chdir rmdir; do
	grep -q "^$n(" "$T/file" || fail "%file: no $n"
done
grep -q -E '^(kill|getppid|dup|close|write)\(' "$T/file" && fail "%file shows others: $(names "$T/file")"

"$SYSOBS" -e trace=/^ch -e trace=dup -o "$T/re" -- "$P" >/dev/null || fail "sysobs failed: $?"
expect_eq "regex and a name" "chdir dup " "$(names "$T/re")"

"$SYSOBS" --json -e trace=getppid -o "$T/json" -- "$P" >/dev/null || fail "sysobs failed: $?"
expect_eq "JSON: syscall objects" 1 "$(grep -c '"type":"syscall"' "$T/json")"
grep -q '"type":"syscall".*"name":"getppid"' "$T/json" || fail "JSON: no getppid object"

"$SYSOBS" -c -e trace=chdir,dup -o "$T/count" -- "$P" >/dev/null || fail "sysobs -c failed: $?"
expect_eq "-c rows" "chdir dup total " "$(awk 'NR > 2 && $NF ~ /^[a-z_0-9]+$/ { print $NF }' "$T/count" | sort | tr '\n' ' ')"

# -Z: failed calls only; -z: successful ones only (neither shows exit_group, which never returns)
"$SYSOBS" -Z -o "$T/failed" -- "$P" >/dev/null || fail "sysobs -Z failed: $?"
grep -v '^+++ ' "$T/failed" | grep -v -E ' = -1 E[A-Z0-9]+ \(' >"$T/bad"
[ -s "$T/bad" ] && fail "-Z shows calls that did not fail: $(cat "$T/bad")"
for n in chdir kill rmdir dup; do
	grep -q "^$n(" "$T/failed" || fail "-Z: no $n"
done
"$SYSOBS" -z -o "$T/ok" -- "$P" >/dev/null || fail "sysobs -z failed: $?"
grep -E ' = -1 E[A-Z0-9]+ | = \?' "$T/ok" >"$T/bad"
[ -s "$T/bad" ] && fail "-z shows calls that failed or did not return: $(cat "$T/bad")"
grep -q '^getppid() ' "$T/ok" || fail "-z: no getppid"

"$SYSOBS" -e trace=nosuchcall -- "$P" 2>"$T/err"
expect_eq "status, unknown syscall" 2 "$?"
expect_eq "message" "sysobs: invalid system call 'nosuchcall'" "$(head -n 1 "$T/err")"
exit 0
