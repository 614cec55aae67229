# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# The build's artefacts: the target is freestanding (its only symbols are its own, nothing
# undefined, no libc), sysobs-static is statically linked and works, `make install` honours
# DESTDIR and PREFIX. Host only (needs nm, file, make).
. "$SRCDIR/tests/lib.sh"
for tool in nm file make; do
	command -v $tool >/dev/null 2>&1 || skip "$tool not installed"
done

tgt=$SYSOBS_BUILD/target
expect_eq "undefined symbols in the target" "" "$(nm -u "$tgt")"
expect_eq "the target's symbols" "__bss_start _edata _end _start msg" \
	"$(nm "$tgt" | awk '{print $3}' | sort | tr '\n' ' ' | sed 's/ $//')"
file "$tgt" | grep -q 'statically linked' || fail "target: $(file "$tgt")"
file "$tgt" | grep -q 'interpreter' && fail "the target has a dynamic loader"
expect_eq "target's output" "Hello, direct syscall!" "$("$tgt")"

st=$SYSOBS_BUILD/sysobs-static
[ -x "$st" ] || skip "no $st (make static)"
file "$st" | grep -q 'statically linked' || fail "sysobs-static: $(file "$st")"
"$st" --version | grep -q '^sysobs ' || fail "sysobs-static --version failed"

make -s -C "$SRCDIR" BUILD="$SYSOBS_BUILD" install DESTDIR="$T/root" PREFIX=/opt/so >/dev/null ||
	fail "make install failed"
[ -x "$T/root/opt/so/bin/sysobs" ] || fail "make install did not put sysobs in DESTDIR/PREFIX/bin"
exit 0
