#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# make install PREFIX= DESTDIR= puts exactly the stripped binary, the man page, bash and zsh
# completion and the docs in place, the completions complete (options, syscall names after
# -e trace=, classes, the command after --), and make uninstall removes exactly that.
# timeout: 300
set -u
: "${SYSOBS_BUILD:?run through tests/run.sh}"
: "${SRCDIR:?run through tests/run.sh}"
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in bash zsh file; do
	command -v $t >/dev/null 2>&1 || { echo "SKIP: $t not installed" >&2; exit 77; }
done
[ -r /usr/share/bash-completion/bash_completion ] ||
	{ echo "SKIP: bash-completion not installed" >&2; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
D=$T/dest

make -s -C "$SRCDIR" BUILD="$SYSOBS_BUILD" PREFIX=/usr DESTDIR="$D" install >"$T/log" 2>&1 ||
	fail "make install: $(tail -n 3 "$T/log")"
(cd "$D" && find . -type f | sort) >"$T/got"
{
	echo ./usr/bin/sysobs
	echo ./usr/share/bash-completion/completions/sysobs
	for f in README.md LICENSE $(cd "$SRCDIR" && ls docs/*.md docs/*.json 2>/dev/null); do
		echo "./usr/share/doc/sysobs/${f##*/}"
	done
	echo ./usr/share/man/man1/sysobs.1
	echo ./usr/share/zsh/vendor-completions/_sysobs
} | sort >"$T/want"
diff -u "$T/want" "$T/got" >&2 || fail "the installed tree differs (- expected, + installed)"
file "$D/usr/bin/sysobs" | grep -q 'stripped' && ! file "$D/usr/bin/sysobs" | grep -q 'not stripped' ||
	fail "the binary is not stripped: $(file "$D/usr/bin/sysobs")"
"$D/usr/bin/sysobs" --version | grep -q '^sysobs ' || fail "the installed binary does not run"
MANWIDTH=80 man -l "$D/usr/share/man/man1/sysobs.1" 2>/dev/null | grep -q 'EXIT STATUS' ||
	fail "man -l cannot show the installed page"

# bash: complete_for WORDS...: what the completion offers for the last word
cat >"$T/complete.bash" <<EOS
. /usr/share/bash-completion/bash_completion
. "$D/usr/share/bash-completion/completions/sysobs"
COMP_WORDS=("\$@"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
COMP_LINE="\$*"; COMP_POINT=\${#COMP_LINE}
_sysobs sysobs "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "\${COMPREPLY[@]}"
EOS
offers() {	# offers WHAT EXPECTED WORDS...: the completion of WORDS includes EXPECTED
	what=$1 want=$2
	shift 2
	bash "$T/complete.bash" "$@" >"$T/offer" 2>&1
	grep -qx -- "$want" "$T/offer" || fail "bash completion of '$*' ($what) lacks '$want': $(head -c 300 "$T/offer")"
}
offers "long options" --follow-forks sysobs --foll
offers "short options" -f sysobs -
offers "syscall names" trace=openat sysobs -e trace=opena
offers "a second syscall" trace=read,write sysobs -e trace=read,wri
offers "classes" trace=%file sysobs -e trace=%fi
offers "the command after --" ls sysobs -- l
zsh -n "$D/usr/share/zsh/vendor-completions/_sysobs" || fail "zsh completion: syntax error"
grep -q 'openat' "$D/usr/share/zsh/vendor-completions/_sysobs" || fail "zsh completion: no syscalls"

make -s -C "$SRCDIR" BUILD="$SYSOBS_BUILD" PREFIX=/usr DESTDIR="$D" uninstall >"$T/log" 2>&1 ||
	fail "make uninstall: $(tail -n 3 "$T/log")"
left=$(cd "$D" && find . -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "install: $(wc -l <"$T/want") files in place, completion works, uninstall leaves none"
