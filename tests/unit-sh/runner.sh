# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# timeout: 60
# The runner's own test: tests/run.sh on a scratch tree of fake tests (SYSOBS_TESTS) and a
# fake build directory, its lines and counts checked: pass, fail, skip (a failure under
# CI=true), a hang cut at its "# timeout:" with everything it started, a harness error (99),
# check_diff with an empty expectation, --core, no tests at all, and the VM stage's exit
# status and result line in every combination (a fake tests/vm/run-kernels.sh).
. "$SRCDIR/tests/lib.sh"

RUN=$SRCDIR/tests/run.sh
F=$T/tests		# the fake tests/
B=$T/build		# the fake build directory
mkdir -p "$F/integration" "$F/vm" "$B/tests" || exit 99

fake() {	# fake NAME: a fake integration test from stdin
	{ echo '. "$SRCDIR/tests/lib.sh"'; cat; } >"$F/integration/$1.sh"
}
fake pass <<'EOF'
# core
exit 0
EOF
fake fail <<'EOF'
fail "it went wrong"
EOF
fake skip <<'EOF'
# core
skip "no frobnicator installed"
EOF
fake hang <<'EOF'
# timeout: 1
# a child that would outlive the test if only the test were killed
sleep 57 &
echo $! >"$(dirname "$0")/../hang.pid"
wait
EOF
fake harness <<'EOF'
echo "cannot set up" >&2
exit 99
EOF
fake emptydiff <<'EOF'
d=$(dirname "$0")/..
: >"$d/empty"
: >"$d/empty-too"
check_diff "$d/empty" "$d/empty-too"
EOF
printf '#!/bin/sh\nexit 0\n' >"$B/tests/unit-ok"
printf '#!/bin/sh\necho "1 != 2" >&2\nexit 3\n' >"$B/tests/unit-bad"
chmod +x "$B/tests/unit-ok" "$B/tests/unit-bad"

# the fake VM stage: what it does is in FAKE_VM
cat >"$F/vm/run-kernels.sh" <<'EOF'
#!/bin/sh
case $FAKE_VM in
ok)	echo "vm 6.1: 2 passed, 0 failed, 1 skipped"; echo "2 passed, 0 failed, 1 skipped" ;;
fail)	echo "vm 6.1: 1 passed, 2 failed, 0 skipped"; echo "1 passed, 2 failed, 0 skipped"; exit 1 ;;
skip)	echo "SKIP: qemu-system-x86_64 not found"; exit 77 ;;
crash)	echo "something broke"; exit 3 ;;
silent)	exit 0 ;;
harness) echo "run-kernels: no build directory" >&2; exit 99 ;;
liar)	echo "3 passed, 0 failed, 0 skipped"; exit 1 ;;
esac
EOF
chmod +x "$F/vm/run-kernels.sh"

# runner [NAME=VALUE...] COMMAND...: its output with the scratch paths masked, then "exit N"
runner() {
	env CI=no SYSOBS_TESTS="$F" "$@" >"$T/raw" 2>&1
	st=$?
	sed -e "s|$F|F|g" -e "s|$B|B|g" -e "s|$T|T|g" "$T/raw"
	echo "exit $st"
}
check() {	# check WHAT EXPECTED_FILE ACTUAL_FILE
	diff -u "$2" "$3" >&2 || fail "$1: the runner's output differs"
}

# --integration: every kind of result, the log's head under a failure
start=$(date +%s)
runner sh "$RUN" --integration "$B" >"$T/out"
took=$(($(date +%s) - start))
cat >"$T/want" <<'EOF'
FAIL  integration/emptydiff (exit 1)
      | FAIL: nothing expected: F/integration/../empty is empty or missing
FAIL  integration/fail (exit 1)
      | FAIL: it went wrong
FAIL  integration/hang (timed out after 1 s)
FAIL  integration/harness (harness error)
      | cannot set up
PASS  integration/pass
SKIP  integration/skip: no frobnicator installed
failed: integration/emptydiff integration/fail integration/hang integration/harness
1 passed, 4 failed, 1 skipped
exit 1
EOF
check "--integration" "$T/want" "$T/out"
# the hang sleeps 57 s: well below that says the limit cut it (the six fakes take a few seconds,
# more on a loaded machine)
[ $took -lt 30 ] || fail "a 1 s time limit took $took s"
hung=$(cat "$F/hang.pid")
kill -0 "$hung" 2>/dev/null && { kill "$hung"; fail "the hung test's child outlived its time limit"; }

# CI=true: a skip is a failure; --core: only the "# core" tests
runner CI=true sh "$RUN" --integration --core "$B" >"$T/out"
cat >"$T/want" <<'EOF'
PASS  integration/pass
FAIL  integration/skip (skipped in CI: no frobnicator installed)
failed: integration/skip
1 passed, 1 failed, 0 skipped
exit 1
EOF
check "CI=true --core" "$T/want" "$T/out"

# --unit: the unit programs of the build directory; none at all is a skip, not a pass
runner sh "$RUN" --unit "$B" >"$T/out"
cat >"$T/want" <<'EOF'
FAIL  unit/bad (exit 3)
      | 1 != 2
PASS  unit/ok
failed: unit/bad
1 passed, 1 failed, 0 skipped
exit 1
EOF
check "--unit" "$T/want" "$T/out"
mkdir -p "$T/nobuild"
runner sh "$RUN" --unit "$T/nobuild" >"$T/out"
cat >"$T/want" <<'EOF'
SKIP  unit: no unit test programs in T/nobuild/tests (make all)
0 passed, 0 failed, 1 skipped
exit 0
EOF
check "--unit without tests" "$T/want" "$T/out"

# --all: the VM stage's counts join the others; its skip is a skip, its failures are failures,
# an exit status without a result line (or one that no failed test explains) a failure
rm -f "$F"/integration/*.sh "$B/tests/unit-bad"
fake pass <<'EOF'
exit 0
EOF
all() {	# all FAKE_VM: the --all run's lines after the two that always pass
	runner FAKE_VM=$1 sh "$RUN" --all "$B" >"$T/out"
	sed -e '/^PASS  unit\/ok$/d' -e '/^PASS  integration\/pass$/d' "$T/out"
}
all_case() {	# all_case WHAT FAKE_VM <<EOF (the lines expected): one --all case
	all "$2" >"$T/got"
	cat >"$T/want"
	check "$1" "$T/want" "$T/got"
}
all_case "--all, VM stage passes" ok <<'EOF'
vm 6.1: 2 passed, 0 failed, 1 skipped
4 passed, 0 failed, 1 skipped
exit 0
EOF
all_case "--all, VM stage fails" fail <<'EOF'
vm 6.1: 1 passed, 2 failed, 0 skipped
failed: vm
3 passed, 2 failed, 0 skipped
exit 1
EOF
all_case "--all, VM stage skips" skip <<'EOF'
SKIP: qemu-system-x86_64 not found
SKIP  vm: qemu-system-x86_64 not found
2 passed, 0 failed, 1 skipped
exit 0
EOF
all_case "--all, VM stage crashes" crash <<'EOF'
something broke
FAIL  vm (exit 3 and no result line; see B/test-logs/vm.log)
failed: vm
2 passed, 1 failed, 0 skipped
exit 1
EOF
all_case "--all, VM stage says nothing" silent <<'EOF'
FAIL  vm (exit 0 and no result line; see B/test-logs/vm.log)
failed: vm
2 passed, 1 failed, 0 skipped
exit 1
EOF
all_case "--all, VM stage harness error" harness <<'EOF'
run-kernels: no build directory
FAIL  vm (harness error; see B/test-logs/vm.log)
failed: vm
2 passed, 1 failed, 0 skipped
exit 1
EOF
all_case "--all, VM stage exits 1 with no failure" liar <<'EOF'
FAIL  vm (exit 1 without a failed test; see B/test-logs/vm.log)
failed: vm
5 passed, 1 failed, 0 skipped
exit 1
EOF
runner CI=true FAKE_VM=skip sh "$RUN" --all "$B" | tail -n 2 >"$T/got"
expect_eq "--all under CI, VM stage skips" "2 passed, 1 failed, 0 skipped
exit 1" "$(cat "$T/got")"
exit 0
