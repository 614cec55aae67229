# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Without root (and CAP_BPF): one line that says how to run it, exit 1, the command not run.
. "$SRCDIR/tests/lib.sh"
[ "$(id -u)" = 0 ] || skip "needs root to drop to another user"
command -v setpriv >/dev/null 2>&1 || skip "setpriv (util-linux) not found"

cp "$SYSOBS" "$T/sysobs" && chmod 755 "$T" "$T/sysobs"
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$T/sysobs" -- touch "$T/ran" 2>"$T/err"
expect_eq "exit status" 1 "$?"
expect_eq "message" "sysobs: permission denied loading BPF programs: run as root (sudo sysobs ...) or with CAP_BPF and CAP_PERFMON" "$(cat "$T/err")"
[ -e "$T/ran" ] && fail "the command ran without being traced"
exit 0
