# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# A trace that cannot be written (issue 15, findings 6 and 7). The trace piped into a reader
# that quits early (head): sysobs does not die of SIGPIPE, the command runs to its end as it
# would without sysobs (it writes a file as proof) and sysobs exits with its status (7). sysobs
# says once on stderr that the trace could not be written, and never reports such a run as
# clean ("sysobs: 0 events lost"). With --strict the run ends with a distinct status of its own,
# EXIT_TRACE_LOST; the same for -o /dev/full.
EXIT_TRACE_LOST=3	# proposed: the README's statuses are 1, 2, 125, 126, 127
. "$SRCDIR/tests/lib.sh"
need_bpf

# the command: a while, then the proof, then exit 7 ($1: the proof file)
CMD='sleep 0.5; echo done >"$1"; exit 7'

# not_clean WHAT FILE: stderr does not call the run clean
not_clean() {
	grep -q '^sysobs: 0 events lost$' "$2" && fail "$1: '0 events lost' although the trace was lost"
	return 0
}

# said_once WHAT FILE: one line says the trace could not be written (loss counts and the
# --strict explanation aside)
said_once() {
	n=$(diag "$2" | grep -v -e ' events lost$' -e '^sysobs: --strict' | grep -c '^sysobs: ')
	[ "$n" = 1 ] || fail "$1: expected one line saying the trace could not be written, got: $(cat "$2")"
}

# proof WHAT FILE: the command ran to its end
proof() {
	[ "$(cat "$2" 2>/dev/null)" = done ] || fail "$1: the command did not run to its end"
}

# --- the trace on stderr, a pipe whose reader quits after one byte ---------------------------
{ "$SYSOBS" -- sh -c "$CMD" sh "$T/proof.a" 2>&1 >/dev/null; echo $? >"$T/rc.a"; } |
	head -c 1 >/dev/null
expect_eq "trace on stderr into head -c 1: exit status" 7 "$(cat "$T/rc.a")"
proof "trace on stderr into head -c 1" "$T/proof.a"

# --- -o /dev/stdout into head, stderr kept -------------------------------------------------
{ "$SYSOBS" -o /dev/stdout -- sh -c "$CMD" sh "$T/proof.b" 2>"$T/err.b"; echo $? >"$T/rc.b"; } |
	head -c 1 >/dev/null
expect_eq "-o /dev/stdout into head -c 1: exit status" 7 "$(cat "$T/rc.b")"
proof "-o /dev/stdout into head -c 1" "$T/proof.b"
not_clean "-o /dev/stdout into head -c 1" "$T/err.b"
said_once "-o /dev/stdout into head -c 1" "$T/err.b"

{ "$SYSOBS" --strict -o /dev/stdout -- sh -c "$CMD" sh "$T/proof.c" 2>"$T/err.c"
  echo $? >"$T/rc.c"; } | head -c 1 >/dev/null
expect_eq "--strict -o /dev/stdout into head -c 1: exit status" "$EXIT_TRACE_LOST" "$(cat "$T/rc.c")"
proof "--strict -o /dev/stdout into head -c 1" "$T/proof.c"
not_clean "--strict -o /dev/stdout into head -c 1" "$T/err.c"

# --- -o /dev/full --------------------------------------------------------------------------
[ -c /dev/full ] || skip "no /dev/full"
"$SYSOBS" -o /dev/full -- sh -c 'exit 7' 2>"$T/err.d"
expect_eq "-o /dev/full: exit status" 7 "$?"
not_clean "-o /dev/full" "$T/err.d"
said_once "-o /dev/full" "$T/err.d"

"$SYSOBS" --strict -o /dev/full -- sh -c 'exit 7' 2>"$T/err.e"
expect_eq "--strict -o /dev/full: exit status" "$EXIT_TRACE_LOST" "$?"
not_clean "--strict -o /dev/full" "$T/err.e"
said_once "--strict -o /dev/full" "$T/err.e"

"$SYSOBS" --json --strict -o /dev/full -- true 2>"$T/err.f"
expect_eq "--json --strict -o /dev/full: exit status" "$EXIT_TRACE_LOST" "$?"
not_clean "--json --strict -o /dev/full" "$T/err.f"
exit 0
