# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# core
# A command killed by a signal: "+++ killed by SIGX +++" and sysobs exits 128 + N as a shell does.
. "$SRCDIR/tests/lib.sh"
need_bpf

"$SYSOBS" -o "$T/trace" -- sh -c 'kill -9 $$'
expect_eq "exit status (SIGKILL)" 137 "$?"
expect_eq "last line" "+++ killed by SIGKILL +++" "$(tail -n 1 "$T/trace")"

"$SYSOBS" -o "$T/trace" -- sh -c 'kill -TERM $$'
expect_eq "exit status (SIGTERM)" 143 "$?"
expect_eq "last line" "+++ killed by SIGTERM +++" "$(tail -n 1 "$T/trace")"
