#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# docs/completion/gen.sh SYSOBS TEMPLATE > OUT: fills a completion template with the options of
# 'SYSOBS --help', the syscall names of user/decode/names/tables/syscalls.h and the classes of
# strace's that SYSOBS accepts in -e trace= (asked of it), so completion cannot drift from it.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
opts=$("$1" --help | grep -E '^ +-' | grep -oE '(^|[ ,])--?[A-Za-z0-9][-A-Za-z0-9]*=?' |
	tr -d ' ,' | sort -u | tr '\n' ' ')
syscalls=$(sed -n 's/^\t\[[0-9]*\] = { "\([a-z0-9_]*\)".*/\1/p' \
	"$src/user/decode/names/tables/syscalls.h" | sort -u | tr '\n' ' ')
classes=
for c in file desc process network net signal ipc memory creds clock stat lstat fstat %stat \
	statfs fstatfs %statfs pure; do
	"$1" -e "trace=%$c" --help >/dev/null 2>&1 && classes="$classes %$c"
done
classes=${classes# }
[ -n "$opts" ] && [ -n "$syscalls" ] && [ -n "$classes" ] || { echo "gen.sh: nothing found" >&2; exit 1; }
sed -e "s|@OPTIONS@|${opts% }|" -e "s|@SYSCALLS@|${syscalls% }|" -e "s|@CLASSES@|${classes% }|" "$2"
