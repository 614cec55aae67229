# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# sysobs never waits without a word (issue 15, finding 5). -p of a zombie, of a kernel thread
# (kthreadd, pid 2) and of a pid that does not exist: one line on stderr naming the pid, exit
# status 1, at once. -o FIFO with no reader: one line and exit status 1 after at most ~5 s, the
# command not run. -p TID of a thread that is not the leader traces that thread, as strace does
# (only its calls; with -f every thread of its process).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v timeout >/dev/null 2>&1 || skip "timeout (coreutils) not found"

# attach_error WHAT PID: sysobs -p PID ends within 10 s with status 1 and one line naming PID
attach_error() {
	timeout 10 "$SYSOBS" -p "$2" -o "$T/p" 2>"$T/err"
	rc=$?
	[ $rc -ne 124 ] || fail "$1: sysobs -p $2 still waiting after 10 s (stderr: $(cat "$T/err"))"
	expect_eq "$1: exit status" 1 "$rc"
	expect_eq "$1: lines on stderr" 1 "$(diag "$T/err" | grep -c '')"
	diag "$T/err" | grep -q -E "^sysobs: (.*[^0-9])?$2([^0-9].*)?\$" ||
		fail "$1: the message does not name pid $2: $(cat "$T/err")"
}

# --- a zombie: sh forks "sleep 0" and becomes "sleep 30", which never reaps it --------------
sh -c 'sleep 0 & echo $! >"$1"; exec sleep 30' sh "$T/zpid" &
ZP=$!
trap 'kill "$ZP" 2>/dev/null; rm -rf "$T"' EXIT
i=0
until [ -s "$T/zpid" ] && [ "$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$(cat "$T/zpid")/status" 2>/dev/null)" = Z ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "no zombie after 5 s" >&2; exit 99; }
	sleep 0.05
done
attach_error "-p of a zombie" "$(cat "$T/zpid")"
kill "$ZP"
wait "$ZP" 2>/dev/null
trap 'rm -rf "$T"' EXIT

# --- a kernel thread -----------------------------------------------------------------------
if [ "$(cat /proc/2/comm 2>/dev/null)" = kthreadd ]; then
	attach_error "-p 2 (kthreadd)" 2
else
	echo "note: pid 2 is not kthreadd here, the kernel-thread case is not checked" >&2
fi

# --- a pid that does not exist (one that just ended) ---------------------------------------
true &
GP=$!
wait "$GP"
[ -d "/proc/$GP" ] && { echo "pid $GP reused at once" >&2; exit 99; }
attach_error "-p of a process that ended" "$GP"

# --- -o FIFO: no reader is an error after a bounded wait; with a reader it works ------------
mkfifo "$T/fifo" || exit 99
start=$(date +%s)
timeout 10 "$SYSOBS" -o "$T/fifo" -- touch "$T/ran" 2>"$T/err"
rc=$?
took=$(($(date +%s) - start))
[ $rc -ne 124 ] || fail "-o FIFO without a reader: still waiting after 10 s, no message"
expect_eq "-o FIFO without a reader: exit status" 1 "$rc"
[ "$took" -le 6 ] || fail "-o FIFO without a reader: took $took s (at most ~5 s)"
expect_eq "-o FIFO without a reader: lines on stderr" 1 "$(grep -c '' "$T/err")"
grep -q -F "$T/fifo" "$T/err" || fail "-o FIFO: the message does not name the FIFO: $(cat "$T/err")"
[ -e "$T/ran" ] && fail "-o FIFO without a reader: the command ran"
cat "$T/fifo" >"$T/fifo.out" &
CP=$!
timeout 10 "$SYSOBS" -o "$T/fifo" -- true 2>"$T/err"
expect_eq "-o FIFO with a reader: exit status" 0 "$?"
wait "$CP"
expect_eq "-o FIFO with a reader: last line" "+++ exited with 0 +++" "$(tail -n 1 "$T/fifo.out")"

# --- -p TID of a thread that is not the leader ---------------------------------------------
start_attachee 3000
timeout 20 "$SYSOBS" -p "$AT" -o "$T/tid" 2>"$T/tid.err"
rc=$?
wait "$AP"
expect_eq "-p TID: exit status" 0 "$rc"
n=$(grep -c '^close(-4343) ' "$T/tid")
[ "$n" -ge 10 ] || fail "-p TID: $n close(-4343) lines of thread $AT (stderr: $(cat "$T/tid.err"))"
grep -q 'close(-4242)' "$T/tid" && fail "-p TID without -f traced the leader's calls"

start_attachee 3000
timeout 20 "$SYSOBS" -f -p "$AT" -o "$T/ftid" 2>"$T/ftid.err"
rc=$?
wait "$AP"
expect_eq "-f -p TID: exit status" 0 "$rc"
main=$(grep -c "^$AP  *close(-4242) " "$T/ftid")
other=$(grep -c "^$AT  *close(-4343) " "$T/ftid")
[ "$main" -ge 10 ] && [ "$other" -ge 10 ] ||
	fail "-f -p TID: $main close(-4242) lines of $AP, $other close(-4343) of $AT (stderr: $(cat "$T/ftid.err"))"
exit 0
