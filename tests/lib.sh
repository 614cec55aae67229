# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Shared by tests/integration/*.sh (POSIX sh; busybox in the VMs). Sourced after run.sh set
# SYSOBS (the binary under test), SYSOBS_BUILD (the build dir) and SRCDIR (the repo).
set -u

: "${SYSOBS:?run through tests/run.sh}"
PROGS=$SYSOBS_BUILD/tests
T=$(mktemp -d "${TMPDIR:-/tmp}/sysobs-test.XXXXXX")
# Every JSON output a passing test leaves in $T is valid against docs/sysobs.schema.json
# (tests/json-schema.py; not where python3-jsonschema is missing, as in the VMs). A test whose
# JSON is cut on purpose (a full disk, a killed sysobs) sets JSON_UNCHECKED=1.
JSON_UNCHECKED=0
json_check() {
	st=$?
	files=
	if [ "$st" = 0 ] && [ "$JSON_UNCHECKED" = 0 ] && command -v python3 >/dev/null 2>&1; then
		# JSON Lines files: their first line is an object of ours (documents that quote
		# such lines, as an installed docs/json.md, are not)
		files=$(grep -l -s -r -m1 --exclude='*.md' '^{"v":' "$T" | while read -r f; do
			head -n 1 "$f" | grep -q '^{"v":' && echo "$f"
		done)
	fi
	if [ -n "$files" ]; then
		# shellcheck disable=SC2086 # one argument per file; mktemp's names have no blanks
		python3 "$SRCDIR/tests/json-schema.py" $files >&2
		case $? in
		0 | 77) ;;
		*) echo "FAIL: JSON not valid against docs/sysobs.schema.json" >&2; st=1 ;;
		esac
	fi
	rm -rf "$T"
	exit "$st"
}
trap json_check EXIT
# killed at its time limit (tests/run.sh): still clean up
trap 'exit 143' TERM
trap 'exit 130' INT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# Tests that load BPF need root (or CAP_BPF + CAP_PERFMON).
need_bpf() {
	[ "$(id -u)" = 0 ] || skip "needs root to load BPF programs"
	[ -r /sys/kernel/btf/vmlinux ] || skip "no kernel BTF at /sys/kernel/btf/vmlinux"
}

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
}

# check_diff EXPECTED_FILE ACTUAL_FILE: the test's verdict, with the difference shown. An
# empty expectation fails: the diff of two empty files proves nothing.
check_diff() {
	[ -s "$1" ] || fail "nothing expected: $1 is empty or missing"
	if ! diff -u "$1" "$2" >&2; then
		fail "the trace differs from what the test program expects"
	fi
}

# between_marks FILE: the trace lines strictly between the test program's markers
# (tests/progs/test.h: close(-1001) and close(-1002)), with "[pid N] " and "N " prefixes
# removed.
between_marks() {
	sed -e 's/^\[pid *[0-9]*\] //' -e 's/^[0-9][0-9]* *//' "$1" |
		sed -n '/^close(-1001) /,/^close(-1002) /p' | sed -e '1d' -e '$d'
}

# mask_addrs: addresses that change from run to run become 0xADDR
mask_addrs() {
	sed -e 's/0x[0-9a-f]\{6,\}/0xADDR/g'
}

# diag FILE: sysobs's stderr without its notes (e.g. the one kernels before 6.10 get)
diag() {
	grep -v '^sysobs: note:' "$1"
}

# wait_for FILE PATTERN WHAT: up to 10 s for a line matching PATTERN in FILE (the trace is
# flushed), else the test fails saying nothing WHAT
wait_for() {
	i=0
	until grep -q "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "$3 in 10 s"
		sleep 0.05
	done
}

# start_attachee MS: tests/progs/attachee in the background for MS ms, once it said "ready";
# its pid in $AP, its second thread's tid in $AT
start_attachee() {
	"$PROGS/attachee" "$1" >"$T/ready" &
	AP=$!
	wait_for "$T/ready" ready "attachee did not start"
	AT=$(ls "/proc/$AP/task" | grep -v -x "$AP" | head -n 1)
	[ -n "$AT" ] || { echo "attachee has no second thread" >&2; exit 99; }
}
