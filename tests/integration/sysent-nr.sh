#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Check the generated syscall table against the C toolchain's kernel headers:
# every "#define __NR_xxx N" from <asm/unistd.h> must be syscall N called xxx
# in the table.  The headers may be older than the table (numbers they lack
# are fine) but must never name a number differently.
#
# Needs $SYSOBS_BUILD/tests/unit-sysent (tests/unit/sysent.c) for the table.
# Exit: 0 pass, 1 fail, 77 skip, 99 harness problem.

set -u

build=${SYSOBS_BUILD:-build}
dump=$build/tests/unit-sysent
cc=${CC:-cc}

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "sysent-nr: SKIP: no C compiler ($cc) to read <asm/unistd.h>" >&2
	exit 77
fi
if [ ! -x "$dump" ]; then
	echo "sysent-nr: $dump not built" >&2
	exit 99
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

if ! echo '#include <asm/unistd.h>' | "$cc" -dM -E - >"$tmp/defines" 2>"$tmp/cc.err"; then
	cat "$tmp/cc.err" >&2
	echo "sysent-nr: SKIP: <asm/unistd.h> not usable with $cc (linux-libc-dev?)" >&2
	exit 77
fi
sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9][0-9]*\)$/\2 \1/p' "$tmp/defines" |
	sort -n >"$tmp/headers"
if [ ! -s "$tmp/headers" ]; then
	echo "sysent-nr: SKIP: no __NR_ numbers in <asm/unistd.h>" >&2
	exit 77
fi

"$dump" --dump-names >"$tmp/table" || exit 99

# One line per header number: the table's name for it, or a complaint.
awk '
	NR == FNR { table[$1] = $2; next }
	!($1 in table) {
		printf "__NR_%s = %s: not in the table\n", $2, $1
		bad++
		next
	}
	table[$1] != $2 {
		printf "__NR_%s = %s: the table calls %s \"%s\"\n", $2, $1, $1, table[$1]
		bad++
	}
	END { exit bad ? 1 : 0 }
' "$tmp/table" "$tmp/headers"
rc=$?
if [ $rc -ne 0 ]; then
	echo "sysent-nr: FAIL: table and <asm/unistd.h> disagree" >&2
	exit 1
fi
echo "sysent-nr: $(wc -l <"$tmp/headers") header numbers match" \
	"($(wc -l <"$tmp/table") in the table)"
exit 0
