#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Snapshot the argument lists of the running kernel's syscall tracepoints
# (tracefs events/syscalls/sys_enter_*/format) into src/syscall-formats.txt,
# the second input of gen-syscalls.py (the first is src/syscall_64.tbl).
#
# Usage (as root, tracefs mounted):
#	user/decode/names/tables/snapshot-formats.sh > user/decode/names/tables/src/syscall-formats.txt
#
# Output: a header naming the kernel, then one line per event, sorted:
#	<event name>\t<type> <name>;<type> <name>;...
# The fields are those after __syscall_nr, in order, copied verbatim.

set -eu

tracefs=${TRACEFS:-/sys/kernel/tracing}
dir=$tracefs/events/syscalls

if [ ! -d "$dir" ]; then
	echo "snapshot-formats.sh: $dir: no syscall events (tracefs not mounted?)" >&2
	exit 1
fi

echo "# sysobs: syscall argument lists from tracefs events/syscalls/sys_enter_*/format"
echo "# captured by user/decode/names/tables/snapshot-formats.sh, do not edit"
echo "# kernel: $(uname -srm)"
printf "# format: <event><TAB><type> <name>;... (fields after __syscall_nr)\n"

for f in "$dir"/sys_enter_*/format; do
	ev=${f%/format}
	ev=${ev##*/}
	# Fields after __syscall_nr are "field:<type> <name>;	offset:..."
	args=$(sed -n '/__syscall_nr;/,$ s/^[[:space:]]*field:\([^;]*\);.*/\1/p' "$f" |
	       sed 1d | paste -sd ';' -)
	printf '%s\t%s\n' "$ev" "$args"
done | LC_ALL=C sort
