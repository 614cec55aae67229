# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# timeout: 900
# The Debian package: built from the tree with the standard tools (dpkg-buildpackage -us -uc -b,
# in a copy of the tree), lintian finds no error in it, it installs with apt on this machine,
# the installed sysobs traces the target, man finds its page, and it removes cleanly.
. "$SRCDIR/tests/lib.sh"
need_bpf
for t in dpkg-buildpackage dh lintian apt-get git; do
	command -v $t >/dev/null 2>&1 || skip "$t not installed (dpkg-dev, debhelper, lintian)"
done
dpkg-query -W -f='${Status}' sysobs 2>/dev/null | grep -q 'install ok installed' &&
	skip "a sysobs package is installed already: this test would replace it"

# the tree as git has it, with the working copy's changes (a clean clone in CI)
mkdir "$T/src"
(cd "$SRCDIR" && git ls-files -z | xargs -0 tar cf - 2>/dev/null) | (cd "$T/src" && tar xf -) ||
	fail "copying the tree"
[ -f "$T/src/debian/control" ] || fail "no debian/control in the tree"
(cd "$T/src" && dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1 ||
	fail "dpkg-buildpackage failed: $(tail -n 15 "$T/build.log")"
deb=$(ls "$T"/sysobs_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb built: $(tail -n 5 "$T/build.log")"

lintian --fail-on error --no-tag-display-limit "$deb" >"$T/lintian" 2>&1 ||
	fail "lintian: $(grep '^E:' "$T/lintian" | head -n 10)"
dpkg-deb -c "$deb" >"$T/contents"
for f in ./usr/bin/sysobs ./usr/share/man/man1/sysobs.1.gz \
	./usr/share/bash-completion/completions/sysobs ./usr/share/zsh/vendor-completions/_sysobs \
	./usr/share/doc/sysobs/copyright; do
	grep -q " $f\$" "$T/contents" || fail "the package lacks $f"
done

trap 'dpkg -r sysobs >/dev/null 2>&1; rm -rf "$T"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$T/apt.log" 2>&1 ||
	fail "apt-get install ./sysobs_*.deb: $(tail -n 5 "$T/apt.log")"
/usr/bin/sysobs -o "$T/trace" -- "$SYSOBS_BUILD/target" >"$T/out" ||
	fail "the installed sysobs could not trace the target: $?"
grep -q '^write(1, "Hello, direct syscall!\\n", 23) = 23$' "$T/trace" ||
	fail "the installed sysobs's trace: $(cat "$T/trace")"
man -w sysobs >/dev/null 2>&1 || fail "man -w sysobs finds no page"
dpkg -r sysobs >"$T/rm.log" 2>&1 || fail "dpkg -r sysobs: $(tail -n 3 "$T/rm.log")"
[ ! -e /usr/bin/sysobs ] || fail "/usr/bin/sysobs is still there after dpkg -r"
echo "package: $(basename "$deb"), $(grep -c '^[WI]:' "$T/lintian") lintian warnings/infos, no error"
