#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# The test runner: tests/run.sh [--unit|--integration|--all] [--core] BUILD_DIR
#   --unit         the unit test programs, BUILD_DIR/tests/unit-*
#   --integration  tests/integration/*.sh against the real kernel
#   --all          both, then the same suite inside VMs on other kernels (tests/vm)
#   --core         only the integration tests marked "# core" (what the VMs run)
# A test exits 0 (pass), 77 (skip: it says why on stderr), 99 (harness error) or else (fail).
# In CI (CI=true) a skip is a failure: nothing may be skipped there.
# POSIX sh: it also runs under busybox inside the VMs.
set -u

mode=all
core=0
while [ $# -gt 1 ]; do
	case "$1" in
	--unit) mode=unit ;;
	--integration) mode=integration ;;
	--all) mode=all ;;
	--core) core=1 ;;
	*) echo "usage: tests/run.sh [--unit|--integration|--all] [--core] BUILD_DIR" >&2; exit 99 ;;
	esac
	shift
done
[ $# -eq 1 ] || { echo "usage: tests/run.sh [--unit|--integration|--all] [--core] BUILD_DIR" >&2; exit 99; }

SYSOBS_BUILD=$(cd "$1" && pwd)
SRCDIR=$(cd "$(dirname "$0")/.." && pwd)
SYSOBS=${SYSOBS:-$SYSOBS_BUILD/sysobs}
export SYSOBS_BUILD SRCDIR SYSOBS
logs=$SYSOBS_BUILD/test-logs
mkdir -p "$logs"

passed=0
failed=0
skipped=0
failures=""

# run_one NAME COMMAND...: runs it with output to a log and counts the result
run_one() {
	name=$1
	shift
	log=$logs/$(echo "$name" | tr '/ ' '__').log
	"$@" >"$log" 2>&1
	rc=$?
	if [ $rc -eq 77 ] && [ "${CI:-}" = true ]; then
		echo "FAIL  $name (skipped in CI: $(tail -n 1 "$log"))"
		failed=$((failed + 1))
		failures="$failures $name"
	elif [ $rc -eq 77 ]; then
		echo "SKIP  $name: $(tail -n 1 "$log")"
		skipped=$((skipped + 1))
	elif [ $rc -eq 0 ]; then
		echo "PASS  $name"
		passed=$((passed + 1))
	else
		[ $rc -eq 99 ] && what="harness error" || what="exit $rc"
		echo "FAIL  $name ($what)"
		sed -n '1,40p' "$log" | sed 's/^/      | /'
		failed=$((failed + 1))
		failures="$failures $name"
	fi
}

if [ $mode = unit ] || [ $mode = all ]; then
	for t in "$SYSOBS_BUILD"/tests/unit-*; do
		[ -x "$t" ] || continue
		run_one "unit/${t##*/unit-}" "$t"
	done
fi

if [ $mode = integration ] || [ $mode = all ]; then
	for t in "$SRCDIR"/tests/integration/*.sh; do
		[ -f "$t" ] || continue
		if [ $core = 1 ] && ! grep -q '^# core' "$t"; then
			continue
		fi
		n=${t##*/}
		run_one "integration/${n%.sh}" sh "$t"
	done
fi

if [ $mode = all ]; then
	# the VM stage prints its own "N passed, N failed" last; fold it into ours
	vmlog=$logs/vm.log
	if [ -x "$SRCDIR/tests/vm/run-kernels.sh" ]; then
		"$SRCDIR/tests/vm/run-kernels.sh" "$SYSOBS_BUILD" 2>&1 | tee "$vmlog" | grep -v '^[0-9]* passed, [0-9]* failed'
		line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$vmlog" | tail -n 1)
		if [ -n "$line" ]; then
			p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
			f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
			s=$(echo "$line" | sed -n -E 's/.*, ([0-9]+) skipped.*/\1/p')
			passed=$((passed + p))
			failed=$((failed + f))
			skipped=$((skipped + ${s:-0}))
			[ "$f" -gt 0 ] && failures="$failures vm"
		else
			echo "FAIL  vm (no result line; see $vmlog)"
			failed=$((failed + 1))
			failures="$failures vm"
		fi
	else
		echo "FAIL  vm (tests/vm/run-kernels.sh missing)"
		failed=$((failed + 1))
	fi
fi

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
