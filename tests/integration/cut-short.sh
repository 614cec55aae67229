# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# Calls cut short and thread ends as strace -f shows them (tests/progs/cutshort.c): a read that
# another thread's exit_group, a fatal signal or an execve ends shows "= ?", never the kernel's
# ERESTARTSYS; every thread has its "+++ exited with N +++"; an execve from a thread other than
# the leader shows "+++ superseded by execve in pid N +++" and "<... execve resumed>", with its
# arguments and no loss.
. "$SRCDIR/tests/lib.sh"
need_bpf

# each_thread EXPECTED TRACE: for every pid of the expected lines, the trace's lines of that pid
# that are among them must be exactly them, in order (the threads' interleaving is the kernel's)
each_thread() {
	for p in $(cut -d' ' -f1 "$1" | sort -u); do
		grep "^$p " "$1" >"$T/exp.$p"
		mask_addrs <"$2" | grep "^$p " | grep -x -F -f "$T/exp.$p" >"$T/got.$p"
		diff -u "$T/exp.$p" "$T/got.$p" >&2 || fail "$3: the lines of $p differ"
	done
}

for mode in exit_group kill exec; do
	# -s 4096: the exec line shows the program's path, as long as the clone's place makes it
	"$SYSOBS" --no-live -f -s 4096 -o "$T/trace" -- "$PROGS/cutshort" $mode >"$T/expected" 2>"$T/err"
	[ -s "$T/expected" ] || fail "$mode: the test program printed nothing"
	# before Linux 6.10 execve is seen only once the other threads are gone, without its
	# pointer arguments (README): no unfinished execve line of the caller then
	grep -q 'no sched_prepare_exec' "$T/err" && sed -i '/^[0-9]* *execve(/d' "$T/expected"
	each_thread "$T/expected" "$T/trace" $mode
	grep -q ERESTART "$T/trace" && fail "$mode: a result the program never saw: $(grep ERESTART "$T/trace")"
	grep -q 'lost' "$T/trace" && fail "$mode: loss in the trace"
	[ -z "$(diag "$T/err" | grep -v -e "^Terminated" -e "^Killed")" ] ||
		fail "$mode: sysobs said: $(diag "$T/err")"
	# the process's end is the last line
	expect_eq "$mode: last line" "$(tail -n 1 "$T/expected")" "$(tail -n 1 "$T/trace")"
done

# JSON: the cut read is unfinished, each thread has its exit object
"$SYSOBS" --no-live -f --json -o "$T/json" -- "$PROGS/cutshort" exit_group >"$T/expected" 2>/dev/null
set -- $(tail -n 3 "$T/expected" | head -n 1)
grep -q "\"tid\":$1,.*\"name\":\"read\",.*\"ret\":null,\"unfinished\":true" "$T/json" ||
	fail "JSON: no unfinished read for thread $1"
grep -q "\"type\":\"exit\",\"pid\":[0-9]*,\"tid\":$1,.*\"code\":5" "$T/json" ||
	fail "JSON: no exit object for thread $1"
exit 0
