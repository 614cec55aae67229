# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# --seccomp-profile: the profile of a run (with -f, of every process) lets the same command run
# under libseccomp (tests/progs/seccomp-run), refuses a call outside it with EPERM, and is not
# written when events were lost.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
RUN=$PROGS/seccomp-run
[ -x "$RUN" ] || skip "$RUN not built (libseccomp-dev)"

D=$T/dir
mkdir "$D" || exit 99
P=$T/profile.json
"$SYSOBS" -f --seccomp-profile "$P" -- "$PROGS/asserted" "$D" >"$T/traced.out" 2>"$T/err"
expect_eq "exit status" 0 "$?"
python3 - "$P" <<'PY' || fail "the profile is not what an OCI runtime reads"
import json, sys
p = json.load(open(sys.argv[1]))
assert p["defaultAction"] == "SCMP_ACT_ERRNO" and p["defaultErrnoRet"] == 1, p
assert p["architectures"] == ["SCMP_ARCH_X86_64"], p
(rule,) = p["syscalls"]
assert rule["action"] == "SCMP_ACT_ALLOW", rule
names = rule["names"]
assert len(names) == len(set(names)), names
for n in ("execve", "openat", "write", "read", "close", "wait4", "mkdirat", "exit_group"):
    assert n in names, (n, names)
assert "getppid" not in names, names
PY

# without -f the child's mkdirat is not in it
"$SYSOBS" --seccomp-profile "$T/parent.json" -- "$PROGS/asserted" "$D" >/dev/null 2>&1
grep -q '"mkdirat"' "$T/parent.json" && fail "without -f the child's calls are in the profile"
grep -q '"openat"' "$T/parent.json" || fail "without -f: no openat"

# the same command under the profile runs as it did
rm -rf "$D"/*
"$RUN" "$P" "$PROGS/asserted" "$D" >"$T/confined.out"
expect_eq "confined exit status" 0 "$?"
cmp -s "$T/traced.out" "$T/confined.out" || fail "the confined run printed something else"
[ -d "$D/child" ] || fail "the confined child did not make its directory"

# a call outside the profile is refused, one inside it is not
expect_eq "outside" "getppid = -1 EPERM" "$("$RUN" -p getppid "$P")"
expect_eq "inside" "close = -1 EBADF" "$("$RUN" -p close "$P")"

# a lossy run writes no profile
rm -f "$T/lossy.json"
"$SYSOBS" --ring-size 4096 --seccomp-profile "$T/lossy.json" -o /dev/null -- "$PROGS/burst" 300000 \
	2>"$T/lossy.err"
st=$?
if ! grep -q '^sysobs: [1-9][0-9]* events* lost' "$T/lossy.err"; then
	skip "the burst lost nothing on this machine"
fi
expect_eq "lossy exit status" 125 "$st"
[ -e "$T/lossy.json" ] && fail "a profile was written from a lossy run"
grep -q 'seccomp-profile: [0-9]* events were lost, a syscall may be missing: no profile written' \
	"$T/lossy.err" || fail "no clear error for the lossy run"
exit 0
