#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# The test runner: tests/run.sh [--unit|--integration|--all] [--core] BUILD_DIR
#   --unit         no kernel, no root: the unit test programs (BUILD_DIR/tests/unit-*), the
#                  shell unit tests (tests/unit-sh/*.sh) and the golden replays
#                  (tests/golden/*.rec, one line each: tests/golden/check.sh)
#   --integration  tests/integration/*.sh against the real kernel
#   --all          both, the guards (the suite against an ASan+UBSan build, the fuzzer), then
#                  the same suite inside VMs on other kernels (tests/vm)
#   --core         only the integration tests marked "# core" (what the VMs run)
# A test exits 0 (pass), 77 (skip: it says why on stderr, last "SKIP: why" line), 99 (harness
# error) or else (fail). Every test has a time limit: 120 s, or N from a "# timeout: N" line in
# the test; when it runs out the test's whole process group is killed and it is a failure.
# A check that cannot run says SKIP; in CI (CI=true) a skip is a failure: nothing may be
# skipped there. The VM stage's own result line is folded into the counts.
# Exit: 0 when nothing failed, else 1; 99 on bad usage.
#
# Environment: SYSOBS (the binary under test, default BUILD_DIR/sysobs); SYSOBS_ONLY=PATTERN
# runs only the integration tests whose name matches the shell pattern (by hand; CI never sets
# it: a run with it is not a whole run); SYSOBS_TESTS=DIR
# takes the tests from DIR/{unit-sh,golden,integration,vm} instead of this tree's tests/ (the
# runner's own tests use it: tests/unit-sh/runner.sh).
# POSIX sh: it also runs under busybox inside the VMs.
set -u

usage() {
	echo "usage: tests/run.sh [--unit|--integration|--all] [--core] BUILD_DIR" >&2
	exit 99
}

mode=all
core=0
while [ $# -gt 1 ]; do
	case "$1" in
	--unit) mode=unit ;;
	--integration) mode=integration ;;
	--all) mode=all ;;
	--core) core=1 ;;
	*) usage ;;
	esac
	shift
done
[ $# -eq 1 ] || usage
[ -d "$1" ] || { echo "tests/run.sh: no build directory '$1'" >&2; exit 99; }

SYSOBS_BUILD=$(cd "$1" && pwd)
SRCDIR=$(cd "$(dirname "$0")/.." && pwd)
SYSOBS=${SYSOBS:-$SYSOBS_BUILD/sysobs}
TESTS=${SYSOBS_TESTS:-$SRCDIR/tests}
export SYSOBS_BUILD SRCDIR SYSOBS
logs=$SYSOBS_BUILD/test-logs
mkdir -p "$logs" || exit 99

DEFAULT_TIMEOUT=120
KILL_GRACE=5		# seconds between SIGTERM and SIGKILL when a test runs out of time

passed=0
failed=0
skipped=0
failures=""

# A process group per test, so that a timeout (or the end of the test) reaches everything it
# started: setsid (util-linux or busybox) makes the background job its own group leader.
setsid=
command -v setsid >/dev/null 2>&1 && setsid=setsid

pass() {
	echo "PASS  $1"
	passed=$((passed + 1))
}

# fail_test NAME WHY [LOG]: a failure, with the head of the log if there is one
fail_test() {
	echo "FAIL  $1 ($2)"
	[ $# -gt 2 ] && [ -s "$3" ] && sed -n '1,40p' "$3" | sed 's/^/      | /'
	failed=$((failed + 1))
	failures="$failures $1"
}

# skip_test NAME WHY: a skip, or in CI a failure
skip_test() {
	if [ "${CI:-}" = true ]; then
		fail_test "$1" "skipped in CI: $2"
	else
		echo "SKIP  $1: $2"
		skipped=$((skipped + 1))
	fi
}

# skip_reason LOG: the last "SKIP: why" line of a log (lib.sh's skip), else its last line
skip_reason() {
	r=$(sed -n 's/^.*SKIP: *//p' "$1" | tail -n 1)
	[ -n "$r" ] || r=$(tail -n 1 "$1")
	echo "${r:-no reason given}"
}

# time_limit FILE: the test's "# timeout: N" line, else the default
time_limit() {
	n=$(sed -n 's/^# timeout: *\([0-9][0-9]*\) *$/\1/p' "$1" 2>/dev/null | head -n 1)
	echo "${n:-$DEFAULT_TIMEOUT}"
}

# Interrupted (Ctrl-C, SIGTERM): the test runs in the foreground, so the shell acts on this
# once the running test has ended or run out of time; then what it left goes too.
wpid=
pidf=$logs/.test-pid
on_interrupt() {
	[ -n "$wpid" ] && kill "$wpid" 2>/dev/null
	p=$(cat "$pidf" 2>/dev/null)
	[ -n "$setsid" ] && [ -n "$p" ] && kill -KILL -"$p" 2>/dev/null
	echo "interrupted" >&2
	exit 130
}
trap on_interrupt INT TERM HUP

# run_limited SECS LOG COMMAND...: runs it with output to LOG and stdin from /dev/null, its
# process group killed after SECS seconds. Sets rc, and timed_out to 1 when it was killed.
# The test runs in the foreground: the shell starts a background job with SIGINT and SIGQUIT
# ignored, and a test (and what it runs) must see the signals as a user's shell leaves them.
# It writes its pid (its process group's, with setsid) for the watchdog, in the background.
run_limited() {
	secs=$1
	log=$2
	shift 2
	flag=$logs/.timed-out
	rm -f "$flag" "$pidf"
	# the watchdog: its sleep goes with it when it is told to stop
	(
		sp=
		trap '[ -n "$sp" ] && kill "$sp" 2>/dev/null; exit 0' TERM
		sleep "$secs" &
		sp=$!
		wait "$sp"
		: >"$flag"
		p=$(cat "$pidf")
		kill -TERM -"$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null
		sleep "$KILL_GRACE" &
		sp=$!
		wait "$sp"
		kill -KILL -"$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null
	) &
	wpid=$!
	# shellcheck disable=SC2016 # $$ and $0 are the inner shell's
	sh -c 'echo $$ >"$0" && exec "$@"' "$pidf" $setsid "$@" >"$log" 2>&1 </dev/null
	rc=$?
	kill "$wpid" 2>/dev/null
	wait "$wpid" 2>/dev/null
	wpid=
	# whatever the test left running in its group ends with it
	p=$(cat "$pidf" 2>/dev/null)
	[ -n "$setsid" ] && [ -n "$p" ] && kill -KILL -"$p" 2>/dev/null
	rm -f "$pidf"
	timed_out=0
	[ -e "$flag" ] && timed_out=1
	rm -f "$flag"
}

# run_one NAME LIMIT_FILE COMMAND...: runs it with a log and counts the result
run_one() {
	name=$1
	secs=$(time_limit "$2")
	shift 2
	log=$logs/$(echo "$name" | tr '/ ' '__').log
	run_limited "$secs" "$log" "$@"
	if [ $timed_out = 1 ]; then
		fail_test "$name" "timed out after $secs s" "$log"
	elif [ $rc -eq 0 ]; then
		pass "$name"
	elif [ $rc -eq 77 ]; then
		skip_test "$name" "$(skip_reason "$log")"
	elif [ $rc -eq 99 ]; then
		fail_test "$name" "harness error" "$log"
	else
		fail_test "$name" "exit $rc" "$log"
	fi
}

if [ $mode = unit ] || [ $mode = all ]; then
	n=0
	for t in "$SYSOBS_BUILD"/tests/unit-*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		n=$((n + 1))
		run_one "unit/${t##*/unit-}" "$t" "$t"
	done
	[ $n -gt 0 ] || skip_test unit "no unit test programs in $SYSOBS_BUILD/tests (make all)"
	for t in "$TESTS"/unit-sh/*.sh; do
		[ -f "$t" ] || continue
		n=${t##*/}
		run_one "unit/${n%.sh}" "$t" sh "$t"
	done
	for t in "$TESTS"/golden/*.rec; do
		[ -f "$t" ] || continue
		n=${t##*/}
		run_one "golden/${n%.rec}" "$TESTS/golden/check.sh" sh "$TESTS/golden/check.sh" "$t"
	done
fi

if [ $mode = integration ] || [ $mode = all ]; then
	n=0
	for t in "$TESTS"/integration/*.sh; do
		[ -f "$t" ] || continue
		if [ $core = 1 ] && ! grep -q '^# core' "$t"; then
			continue
		fi
		name=${t##*/}
		# shellcheck disable=SC2254 # SYSOBS_ONLY is a pattern
		case "${name%.sh}" in
		${SYSOBS_ONLY:-*}) ;;
		*) continue ;;
		esac
		n=$((n + 1))
		run_one "integration/${name%.sh}" "$t" sh "$t"
	done
	[ $n -gt 0 ] || skip_test integration "no integration tests in $TESTS/integration"
fi

# The standing guards: the unit and integration suite again against a build with ASan and UBSan
# (make test builds it into BUILD_DIR/asan; the static binary and the package are not built
# that way, so binaries.sh and debian-package.sh are left out), and the fuzz target for a
# bounded time from the golden recordings (tests/fuzz/run.sh). Set SYSOBS_NO_GUARDS=1 to leave
# them out by hand (a skip, which CI counts as a failure). A test tree without tests/fuzz (the
# runner's own fake trees) has no guards.
if [ $mode = all ] && [ -d "$TESTS/fuzz" ] && [ -n "${SYSOBS_NO_GUARDS:-}" ]; then
	skip_test guards "SYSOBS_NO_GUARDS is set"
elif [ $mode = all ] && [ -d "$TESTS/fuzz" ]; then
	asan=$SYSOBS_BUILD/asan
	if [ -x "$asan/sysobs" ]; then
		for t in "$asan"/tests/unit-*; do
			[ -f "$t" ] && [ -x "$t" ] || continue
			run_one "asan/unit/${t##*/unit-}" "$t" "$t"
		done
		for t in "$TESTS"/integration/*.sh; do
			name=${t##*/}
			case $name in binaries.sh|debian-package.sh) continue ;; esac
			run_one "asan/integration/${name%.sh}" "$t" \
				env SYSOBS="$asan/sysobs" SYSOBS_BUILD="$asan" sh "$t"
		done
	else
		skip_test asan "no sanitizer build in $asan (make BUILD=$asan SANITIZE=1 all)"
	fi
	run_one fuzz/replay "$TESTS/fuzz/run.sh" sh "$TESTS/fuzz/run.sh" "$SYSOBS_BUILD"
fi

# The VM stage prints one line per kernel and "N passed, N failed, N skipped" last; its counts
# join ours. It exits 77 when it could run nothing (its skip), 99 on a harness error.
if [ $mode = all ]; then
	vmlog=$logs/vm.log
	vmrc=$logs/vm.rc
	if [ ! -f "$TESTS/vm/run-kernels.sh" ]; then
		fail_test vm "tests/vm/run-kernels.sh missing"
	else
		rm -f "$vmrc"
		{
			"$TESTS/vm/run-kernels.sh" "$SYSOBS_BUILD" 2>&1
			echo $? >"$vmrc"
		} | tee "$vmlog" | grep -v -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
		rc=$(cat "$vmrc" 2>/dev/null)
		line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$vmlog" | tail -n 1)
		if [ -z "$rc" ]; then
			fail_test vm "no exit status; see $vmlog"
		elif [ $rc -eq 77 ] && [ -z "$line" ]; then
			skip_test vm "$(skip_reason "$vmlog")"
		elif [ -n "$line" ]; then
			set -- $line
			passed=$((passed + $1))
			failed=$((failed + $3))
			skipped=$((skipped + $5))
			[ "$3" -gt 0 ] && failures="$failures vm"
			# an exit status that no failed test explains counts of its own
			if [ "$3" -eq 0 ] && [ $rc -eq 77 ]; then
				skip_test vm "$(skip_reason "$vmlog")"
			elif [ "$3" -eq 0 ] && [ $rc -ne 0 ]; then
				fail_test vm "exit $rc without a failed test; see $vmlog"
			fi
		elif [ $rc -eq 99 ]; then
			fail_test vm "harness error; see $vmlog"
		else
			fail_test vm "exit $rc and no result line; see $vmlog"
		fi
	fi
fi

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
