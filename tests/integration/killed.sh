# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# sysobs killed (SIGKILL: no handler runs) never leaves the command held (issue 15): killed
# while tracing, the command runs on to its end; killed while still loading (before it released
# the command), the command does not stay behind waiting for a release that never comes.
. "$SRCDIR/tests/lib.sh"
need_bpf

CMD='sleep 1; echo done >"$1"'

# --- killed while tracing ------------------------------------------------------------------
"$SYSOBS" -o "$T/trace" -- sh -c "$CMD" sh "$T/proof" 2>/dev/null &
SP=$!
wait_for "$T/trace" '^execve(' "nothing traced"
kill -KILL "$SP"
wait "$SP" 2>/dev/null
i=0
until [ "$(cat "$T/proof" 2>/dev/null)" = done ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "sysobs killed while tracing: the command did not run to its end in 5 s"
	sleep 0.05
done

# --- killed early, at several points of its start ------------------------------------------
command -v pgrep >/dev/null 2>&1 || skip "pgrep (procps) not found"
for d in 0.005 0.02 0.04 0.08; do
	"$SYSOBS" -o "$T/trace.$d" -- sh -c "$CMD" sh "$T/proof.$d" 2>/dev/null &
	SP=$!
	sleep "$d"
	kill -KILL "$SP"
	wait "$SP" 2>/dev/null
	# 3 s later no process of that command is left (it ran to its end, or never started)
	sleep 3
	left=$(pgrep -f -- "$T/proof.$d")
	[ -z "$left" ] ||
		fail "sysobs killed after $d s: the command is still there: $(ps -o pid,stat,wchan:20,args -p "$left")"
done
exit 0
