#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# Records the golden tests anew: tests/golden/regen.sh BUILD_DIR [NAME...]
# For each line of tests/golden/list (or the NAMEs given) it runs the command under the built
# sysobs with --json --record, and writes NAME.rec (the raw ring records), NAME.txt and
# NAME.jsonl (what build/golden/replay makes of them: the expectations of tests/golden/check.sh).
#
# THE EXPECTED FILES ARE WHAT SYSOBS PRINTED TODAY, NOT WHAT IS RIGHT. A reviewer must read the
# diff of NAME.txt and NAME.jsonl (git diff tests/golden) before it is committed: a decoder bug
# recorded here becomes the expectation, and from then on the golden tests defend it.
# A new recording changes these in any case, line by line: pids and tids, ts_ns, getrandom's
# bytes, getrusage's times, TCP ports, file sizes, the build path (readlink of /proc/self/exe),
# the owner and dates in ls's output; anything else that changes is the decoders' doing.
#
# Before writing anything it checks what it recorded: the command exited 0, nothing was lost,
# the replayed JSON is the live JSON (but for the summary's exit status and wall-clock offset,
# which replay cannot know), and the replayed text of a second, text-mode recording is that run's live text.
# Needs root (it loads BPF) and a build with sysobs and golden/replay (make all); setarch
# (util-linux) keeps addresses still from run to run.
set -u

die() {
	echo "regen: $*" >&2
	exit 1
}

[ $# -ge 1 ] || { echo "usage: tests/golden/regen.sh BUILD_DIR [NAME...]" >&2; exit 2; }
[ -d "$1" ] || die "no build directory '$1'"
BUILD=$(cd "$1" && pwd)
shift
G=$(cd "$(dirname "$0")" && pwd)
SYSOBS=$BUILD/sysobs
R=$BUILD/golden/replay
[ -x "$SYSOBS" ] && [ -x "$R" ] || die "$SYSOBS or $R missing: make all"
[ "$(id -u)" = 0 ] || die "needs root to load BPF programs"
setarch=
if command -v setarch >/dev/null 2>&1; then
	setarch="setarch -R"
else
	echo "regen: no setarch: addresses will differ from the last recording" >&2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/sysobs-regen.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# the scratch directory the commands run in (tests/golden/list says what it holds)
scratch() {
	rm -rf "$T/s"
	mkdir -p "$T/s/dir" || exit 1
	ln -s "$BUILD/tests" "$T/s/tests"
	ln -s "$BUILD/target" "$T/s/target"
	printf 'hello, golden\n' >"$T/s/in.txt"
	printf 'a\n' >"$T/s/dir/a"
	printf 'bb\n' >"$T/s/dir/b"
	touch -d @1700000000 "$T/s/in.txt" "$T/s/dir/a" "$T/s/dir/b" "$T/s/dir"
}

# record OUT_PREFIX FLAGS COMMAND...: OUT_PREFIX.rec and OUT_PREFIX.live (the live trace)
record() {
	out=$1
	fl=$2
	shift 2
	scratch
	(cd "$T/s" && env -i PATH=/usr/bin:/bin $setarch "$SYSOBS" $fl --record "$out.rec" \
		-o "$out.live" -- "$@") >"$out.stdout" 2>"$out.err" </dev/null
	st=$?
	[ $st -eq 0 ] || die "$name: sysobs $fl -- $* exited $st: $(tail -n 3 "$out.err")"
	grep -q ' events lost' "$out.err" && die "$name: events lost: $(cat "$out.err")"
}

set -f	# the commands' words are not patterns
n=0
while read -r name flags cmd; do
	case $name in '' | '#'*) continue ;; esac
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	n=$((n + 1))
	[ "$flags" = - ] && flags=
	record "$T/$name" "$flags --json" $cmd
	"$R" $flags "$T/$name.rec" json >"$T/$name.jsonl" || die "$name: replay json failed"
	"$R" $flags "$T/$name.rec" text >"$T/$name.txt" || die "$name: replay text failed"
	sed 's/,"exit_status":[0-9]*\(,.*\)*}$/\1}/; s/"wall_offset_ns":[0-9-]*}$/"wall_offset_ns":0}/' \
		"$T/$name.live" >"$T/$name.live.jsonl"
	diff -u "$T/$name.live.jsonl" "$T/$name.jsonl" >&2 ||
		die "$name: the replayed JSON is not the live JSON"
	record "$T/$name.t" "$flags" $cmd
	"$R" $flags "$T/$name.t.rec" text >"$T/$name.t.txt" || die "$name: replay text failed"
	diff -u "$T/$name.t.live" "$T/$name.t.txt" >&2 ||
		die "$name: the replayed text is not the live text"
	for f in txt jsonl; do
		[ -s "$T/$name.$f" ] || die "$name: $name.$f is empty"
	done
	cp "$T/$name.rec" "$T/$name.txt" "$T/$name.jsonl" "$G/" || die "cannot write to $G"
	printf '%-10s %7d bytes of records, %4d lines of text\n' "$name" "$(wc -c <"$G/$name.rec")" \
		"$(wc -l <"$G/$name.txt")"
done <"$G/list"
set +f
[ $n -gt 0 ] || die "nothing in $G/list matches: $*"
echo "$(cat "$G"/*.rec | wc -c) bytes of records in all. Now read the diff: git diff tests/golden"
