# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# timeout: 300
# Differential test against strace -f on multi-process and multi-threaded workloads (issue 10):
# a shell pipeline, gcc, make -j2 and Python threads with a subprocess. Every process's and
# thread's sequence of calls and its "---"/"+++" lines must be strace's
# (tests/follow-compare.py says what is left out: what depends on when signals come). The
# workloads are not deterministic in themselves (who runs first, how many times a shell polls
# its children): a pair of runs (strace, then sysobs) is tried up to 3 times, and every
# workload must agree in one pair. Nothing may be lost.
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"
for t in gcc make /usr/bin/python3; do
	command -v $t >/dev/null 2>&1 || skip "$t not installed (a workload)"
done

cd "$T" || exit 99
echo 'int triple(int x) { return 3 * x; }' >t.c
printf 'all: a b\na:\n\ttouch a.out\nb:\n\ttouch b.out\n' >Makefile
cat >threads.py <<'PY'
import os, subprocess, threading
def work(n):
    for _ in range(100 + n):
        os.getppid()
    os.stat('/')
threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
subprocess.run(['true'])
PY

# compare NAME NOISE COMMAND...: up to 3 pairs of runs, one must agree
compare() {
	name=$1
	noise=$2
	shift 2
	for try in 1 2 3; do
		rm -f t.o a.out b.out
		strace -f -o "$name.strace" "$@" >/dev/null 2>&1 </dev/null
		rm -f t.o a.out b.out
		"$SYSOBS" -f -o "$name.trace" -- "$@" >/dev/null 2>"$name.err" </dev/null ||
			fail "$name: sysobs exited $?: $(cat "$name.err")"
		grep -q 'lost' "$name.err" && fail "$name: $(cat "$name.err")"
		# shellcheck disable=SC2086 # noise is a list of names
		if python3 "$SRCDIR/tests/follow-compare.py" "$name.strace" "$name.trace" $noise \
			2>"$name.diff"; then
			echo "$name: agrees with strace -f (pair $try)" >&2
			return 0
		fi
	done
	cat "$name.diff" >&2
	fail "$name: sysobs -f and strace -f differ in 3 pairs of runs"
}

compare pipeline "" sh -c 'echo hello | tr a-z A-Z | wc -c'
compare gcc "" gcc -O1 -c t.c -o t.o
compare make "" make -s -j2 -B all
compare python-threads "futex mmap munmap mprotect brk madvise" /usr/bin/python3 threads.py
exit 0
