#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# tests/deps.sh PACKAGE...: install the Debian packages that are missing (as root), or say
# which are missing and how to install them.
set -u
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "sysobs: missing packages:$missing; install them with: sudo apt-get install$missing" >&2
	exit 1
fi
echo "  DEPS     installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "sysobs: apt-get install$missing failed" >&2
	exit 1
}
