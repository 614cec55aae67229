#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# Every source file names one of LICENSE's three licences; the BPF files name the one that
# matches the licence string the BPF object gives the kernel ("Dual BSD/GPL"), and LICENSE says
# which is which.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 99
bad=0
for f in $(git ls-files '*.c' '*.h' '*.sh' '*.py' Makefile 2>/dev/null); do
	id=$(sed -n 's/.*SPDX-License-Identifier: *\([^*]*[^ *]\).*/\1/p' "$f" | head -n 1)
	case "$f:$id" in
	bpf/*:"(GPL-2.0-only OR BSD-2-Clause)") ;;
	bpf/*:*) echo "FAIL: $f: '$id' (the BPF side is (GPL-2.0-only OR BSD-2-Clause))" >&2; bad=1 ;;
	*:"(LGPL-2.1 OR BSD-2-Clause)"|*:GPL-2.0) ;;
	user/decode/names/tables/classes.h:LGPL-2.1-or-later) ;;	# strace's data
	*) echo "FAIL: $f: no SPDX line of LICENSE's ('$id')" >&2; bad=1 ;;
	esac
done
[ -n "$(git ls-files '*.c' 2>/dev/null)" ] || { echo "FAIL: no sources listed by git" >&2; exit 1; }
grep -q 'char LICENSE\[\] SEC("license") = "Dual BSD/GPL";' bpf/sysobs.bpf.c ||
	{ echo "FAIL: bpf/sysobs.bpf.c's licence string is not \"Dual BSD/GPL\"" >&2; bad=1; }
for l in "(LGPL-2.1 OR BSD-2-Clause)" "(GPL-2.0-only OR BSD-2-Clause)" "GPL-2.0: what is derived" \
	"LGPL-2.1-or-later: what is derived from strace" \
	"Dual BSD/GPL" "GNU GENERAL PUBLIC LICENSE" "GNU LESSER GENERAL PUBLIC LICENSE"; do
	grep -qF "$l" LICENSE || { echo "FAIL: LICENSE does not say '$l'" >&2; bad=1; }
done
exit $bad
