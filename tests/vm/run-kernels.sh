#!/usr/bin/env bash
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# Runs the integration suite inside QEMU on other kernels: for each line of
# tests/vm/kernels.list it resolves the newest matching Debian kernel package, fetches it once
# into a cache outside the clone, boots it under TCG with an initramfs of busybox, the static
# sysobs, the test programs and the suite, and reads back the one result line the guest's
# /init (tests/vm/init.sh) prints.
#
# Usage: tests/vm/run-kernels.sh BUILD_DIR      (what 'make test-kernels' runs)
#
# BUILD_DIR must hold sysobs-static, target and tests/* (static). Output: one line per kernel,
# then 'N passed, N failed, N skipped' alone on the last line; each guest test counts as one
# test, a kernel that does not report (hang, panic, no result line) counts as one failure.
# Exit 0 if all passed, 1 if anything failed, 77 if nothing could run (no QEMU, no kernel; 1
# instead when CI=true), 99 on a harness error (bad BUILD_DIR).
#
# Environment (all optional; see tests/vm/README.md):
#   SYSOBS_VM_ONLY="6.1 ..."   labels from kernels.list to run (default: all)
#   SYSOBS_VM_TIMEOUT=480      seconds per kernel before QEMU is killed (a guest runs ~90 s
#                              alone; a loaded host makes TCG several times slower)
#   SYSOBS_VM_CACHE=DIR        kernel cache (default /var/cache/sysobs/kernels)
#   SYSOBS_VM_CMD='cmd'        run this shell command in the guest instead of the suite
#   SYSOBS_VM_SHELL=1          interactive shell in the guest (first kernel only, no timeout)
#   SYSOBS_VM_LIST=FILE        kernel list (default tests/vm/kernels.list)
#   SYSOBS_VM_SRC=DIR          source tree whose tests/ go into the guest (default: this repo)
#   SYSOBS_VM_ACCEL=tcg,thread=single   QEMU's -accel (see ACCEL below)
#   QEMU=qemu-system-x86_64

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${SYSOBS_VM_SRC:-$(cd "$HERE/../.." && pwd)}
LIST=${SYSOBS_VM_LIST:-$HERE/kernels.list}
CACHE=${SYSOBS_VM_CACHE:-/var/cache/sysobs/kernels}
TIMEOUT=${SYSOBS_VM_TIMEOUT:-480}
QEMU=${QEMU:-qemu-system-x86_64}
APPEND="console=ttyS0 quiet panic=-1 ${SYSOBS_VM_APPEND:-}"
# One host thread for all vCPUs. Multi-threaded TCG (QEMU 7.2's default) sometimes kept running
# a stale translation of code the guest had patched: when sysobs attached or detached a
# scheduler tracepoint, the kernel's text_poke_bp() put an int3 on the jump label in
# __schedule() and took it away again, yet the other vCPU went on executing the int3 there, with
# interrupts off, so it never answered the patching CPU's sync IPI (soft lockup in
# smp_call_function_many_cond, RCU stalls). Writing the same byte again from gdb released it.
# With thread=single that never happened.
ACCEL=${SYSOBS_VM_ACCEL:-tcg,thread=single}

warn() { printf '%s\n' "$*" >&2; }
die() { warn "run-kernels: $*"; exit 99; }

# Nothing to run on: a skip (77) on a developer machine, a failure in CI.
skip()
{
	if [ "${CI:-}" = true ]; then
		echo "FAIL: $* (a skip is a failure when CI=true)"
		exit 1
	fi
	echo "SKIP: $*"
	exit 77
}

# False if $1 is an ELF file with a PT_INTERP program header, i.e. needs a dynamic loader
# (the guest has none). Scripts pass.
is_static()
{
	local phoff phentsize phnum i
	[ "$(od -An -c -N 4 "$1" | tr -d ' ')" = 177ELF ] || return 0
	phoff=$(od -An -t u8 -j 32 -N 8 "$1" | tr -d ' ')
	phentsize=$(od -An -t u2 -j 54 -N 2 "$1" | tr -d ' ')
	phnum=$(od -An -t u2 -j 56 -N 2 "$1" | tr -d ' ')
	for ((i = 0; i < phnum; i++)); do
		[ "$(od -An -t u4 -j $((phoff + i * phentsize)) -N 4 "$1" | tr -d ' ')" = 3 ] &&
			return 1
	done
	return 0
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- arguments and the build ----------------------------------------------------------------
[ $# -eq 1 ] || { warn "usage: $0 BUILD_DIR"; exit 99; }
[ -d "$1" ] || die "no build directory '$1'"
BUILD=$(cd "$1" && pwd)
for f in sysobs-static target; do
	[ -x "$BUILD/$f" ] || die "$BUILD/$f missing: run 'make all static' first"
	is_static "$BUILD/$f" || die "$BUILD/$f is not statically linked; the guest has no libc"
done
[ -f "$SRC/tests/run.sh" ] || die "$SRC/tests/run.sh missing"
[ -f "$LIST" ] || die "$LIST missing"

# --- tools: QEMU and a static busybox, installed if we may --------------------------------
apt_install()
{
	[ "$(id -u)" -eq 0 ] || return 1
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
	apt-get update -q >/dev/null 2>&1 &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1
}

command -v "$QEMU" >/dev/null 2>&1 || apt_install qemu-system-x86 ||
	skip "$QEMU not found and qemu-system-x86 could not be installed"
command -v "$QEMU" >/dev/null 2>&1 || skip "$QEMU not found after installing qemu-system-x86"
BUSYBOX=/bin/busybox
{ [ -x "$BUSYBOX" ] && is_static "$BUSYBOX"; } || apt_install busybox-static ||
	skip "no static busybox and busybox-static could not be installed"
{ [ -x "$BUSYBOX" ] && is_static "$BUSYBOX"; } || skip "$BUSYBOX is not a static busybox"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) not found"

# --- kernels: resolve with apt, fetch once into $CACHE --------------------------------------
# Each cache entry is $CACHE/<package>_<version>/ with vmlinuz, config, release (uname -r)
# and package; it appears by rename only once complete, so a broken download leaves nothing.
APT_UPDATED=
newest_package()
{
	apt-cache search --names-only "$1" 2>/dev/null | awk '{ print $1 }' | grep -E "$1" |
		sort -V | tail -n 1
}

# Newest complete cache entry whose package matches $1, for when apt cannot tell.
newest_cached()
{
	local d best=
	for d in "$CACHE"/*/; do
		{ [ -f "$d/package" ] && [ -f "$d/vmlinuz" ]; } || continue
		grep -qE "$1" "$d/package" && best="$best${d%/}"$'\n'
	done
	printf '%s' "$best" | sort -V | tail -n 1
}

# Sets KDIR to the cache entry for the pattern $1 (label $2), downloading it if needed, or
# KWHY to why not.
fetch_kernel()
{
	local pat=$1 pkg ver dest tmp deb vmlinuz
	KDIR='' KWHY=''
	# A path instead of a pattern: a kernel image built elsewhere, used as it is.
	case $pat in
	/*)
		[ -f "$pat" ] || { KWHY="no kernel image $pat"; return; }
		KDIR=$VMDIR/local/$2
		{ mkdir -p "$KDIR" && ln -sf "$pat" "$KDIR/vmlinuz"; } || die "cannot create $KDIR"
		echo "$2" >"$KDIR/release"
		echo local >"$KDIR/version"
		return
		;;
	esac
	pkg=$(newest_package "$pat")
	if [ -z "$pkg" ] && [ -z "$APT_UPDATED" ] && [ "$(id -u)" -eq 0 ]; then
		APT_UPDATED=1
		apt-get update -q >/dev/null 2>&1
		pkg=$(newest_package "$pat")
	fi
	if [ -z "$pkg" ]; then
		KDIR=$(newest_cached "$pat")
		[ -n "$KDIR" ] || KWHY="no package matches '$pat' in apt and none is cached"
		return
	fi
	ver=$(apt-cache policy "$pkg" | awk '/Candidate:/ { print $2 }')
	dest=$CACHE/${pkg}_$(printf '%s' "$ver" | tr ':' '%')
	if [ -f "$dest/vmlinuz" ]; then
		KDIR=$dest
		return
	fi

	mkdir -p "$CACHE" || { KWHY="cannot create $CACHE"; return; }
	tmp=$(mktemp -d "$CACHE/.fetch.XXXXXX") || { KWHY="cannot write to $CACHE"; return; }
	echo "fetching $pkg $ver into $CACHE"
	if ! (cd "$tmp" && apt-get download -q -o APT::Sandbox::User=root "$pkg=$ver") \
			>"$tmp/apt.log" 2>&1; then
		KWHY="apt-get download $pkg=$ver failed: $(tail -n 1 "$tmp/apt.log")"
		rm -rf "$tmp"
		KDIR=$(newest_cached "$pat")
		[ -z "$KDIR" ] || KWHY=
		return
	fi
	deb=$(ls "$tmp"/*.deb)
	# Only /boot is needed: the package's 400 MB of modules stay in the archive.
	mkdir -p "$tmp/x" "$tmp/entry"
	if ! dpkg-deb --fsys-tarfile "$deb" |
			tar -x -C "$tmp/x" --wildcards './boot/vmlinuz-*' './boot/config-*'; then
		KWHY="cannot extract /boot from $deb"
		rm -rf "$tmp"
		return
	fi
	vmlinuz=$(ls "$tmp"/x/boot/vmlinuz-* 2>/dev/null | head -n 1)
	if [ -z "$vmlinuz" ]; then
		KWHY="no /boot/vmlinuz-* in $deb"
		rm -rf "$tmp"
		return
	fi
	mv "$vmlinuz" "$tmp/entry/vmlinuz"
	mv "$tmp"/x/boot/config-* "$tmp/entry/config" 2>/dev/null
	printf '%s\n' "${vmlinuz##*/vmlinuz-}" >"$tmp/entry/release"
	printf '%s\n' "$pkg" >"$tmp/entry/package"
	printf '%s\n' "$ver" >"$tmp/entry/version"
	mv "$tmp/entry" "$dest" 2>/dev/null || [ -f "$dest/vmlinuz" ] ||
		{ KWHY="cannot move the kernel into $dest"; rm -rf "$tmp"; return; }
	rm -rf "$tmp"
	KDIR=$dest
}

# --- the initramfs: one for all kernels (no modules in it) ----------------------------------
# Layout (tests/vm/README.md): /bin/busybox and its applets, /init, /build = BUILD_DIR's
# sysobs-static, target and tests/ programs, /src/tests = the repo's tests/ without vm/.
make_initramfs()
{
	local root=$VMDIR/rootfs a f
	rm -rf "$root"
	mkdir -p "$root"/{bin,dev,etc,proc,sys,tmp,root,run,usr,build/tests,src}
	cp "$BUSYBOX" "$root/bin/busybox"
	for a in $("$BUSYBOX" --list); do
		[ "$a" = busybox ] || ln -s busybox "$root/bin/$a"
	done
	ln -s bin "$root/sbin"
	ln -s ../bin "$root/usr/bin"
	ln -s ../bin "$root/usr/sbin"
	install -m 0755 "$HERE/init.sh" "$root/init"
	echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
	echo 'root:x:0:' >"$root/etc/group"
	printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >"$root/etc/hosts"
	# Without these the kernel starts /init with no console until devtmpfs is mounted.
	mknod -m 0600 "$root/dev/console" c 5 1 2>/dev/null
	mknod -m 0666 "$root/dev/null" c 1 3 2>/dev/null

	cp "$BUILD/sysobs-static" "$BUILD/target" "$root/build/"
	ln -s sysobs-static "$root/build/sysobs"
	for f in "$BUILD"/tests/*; do
		[ -e "$f" ] || continue
		case ${f##*/} in unit-*) continue ;; esac
		cp -R "$f" "$root/build/tests/"
		if [ -f "$f" ] && [ -x "$f" ] && ! is_static "$f"; then
			warn "run-kernels: warning: $f is dynamically linked and cannot run in the VM"
		fi
	done
	tar -C "$SRC" --exclude=tests/vm -cf - tests | tar -C "$root/src" -xf - ||
		die "cannot copy $SRC/tests"

	if [ -n "${SYSOBS_VM_SHELL:-}" ]; then
		echo "VM_MODE=shell" >"$root/etc/sysobs-vm.conf"
	elif [ -n "${SYSOBS_VM_CMD:-}" ]; then
		echo "VM_MODE=cmd" >"$root/etc/sysobs-vm.conf"
		printf '%s\n' "$SYSOBS_VM_CMD" >"$root/etc/sysobs-vm.cmd"
	fi

	(cd "$root" && find . | LC_ALL=C sort | "$BUSYBOX" cpio -o -H newc -R 0:0) \
		>"$VMDIR/initramfs.cpio" 2>"$VMDIR/cpio.log" || die "cpio failed: $(cat "$VMDIR/cpio.log")"
}

# --- one kernel -----------------------------------------------------------------------------
# Boots $KDIR, prints its lines, adds to PASSED/FAILED/SKIPPED.
run_kernel()
{
	local rel ver log t0 t1 rc line p f s st
	rel=$(cat "$KDIR/release")
	ver=$(cat "$KDIR/version" 2>/dev/null)
	log=$VMDIR/$rel.log
	local qemu=("$QEMU" -accel "$ACCEL" -cpu max -smp 2 -m 1024 -kernel "$KDIR/vmlinuz"
		-initrd "$VMDIR/initramfs.cpio" -append "$APPEND" -nographic -no-reboot)

	if [ -n "${SYSOBS_VM_SHELL:-}" ]; then
		"${qemu[@]}"
		exit $?
	fi

	t0=$(now)
	timeout -k 10 "$TIMEOUT" "${qemu[@]}" </dev/null >"$log" 2>&1
	rc=$?
	t1=$(now)
	# Serial console text: CR LF line ends, and the firmware's and kernel's terminal resets.
	sed 's/\r$//; s/\x1bc//g; s/\x1b\[[0-9;?]*[A-Za-z]//g' "$log" >"$log.tmp" &&
		mv "$log.tmp" "$log"

	# The guest's own output, each line named with the kernel.
	# The firmware's last line runs into the first marker: match markers anywhere in a line.
	sed -n '/SYSOBS-VM-BEGIN: /,/SYSOBS-VM-\(RESULT\|ERROR\): /p' "$log" |
		grep -Ev 'SYSOBS-VM-(BEGIN|RESULT):|^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' |
		sed "s/^/vm $rel: /"

	line=$(sed -n 's/^.*SYSOBS-VM-RESULT: //p' "$log" | tail -n 1)
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "vm $rel: FAIL: no result within ${TIMEOUT}s, QEMU killed (log: $log)"
		FAILED=$((FAILED + 1))
	elif [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped\ \(exit\ ([0-9]+)\)$ ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]} s=${BASH_REMATCH[3]} st=${BASH_REMATCH[4]}
		PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
		echo "vm $rel: $p passed, $f failed, $s skipped ($(elapsed "$t0" "$t1") s, $ver)"
		# A suite that fails without failing a test is a harness error; count it.
		if [ "$f" -eq 0 ] && [ "$st" -ne 0 ] && [ "$st" -ne 77 ]; then
			echo "vm $rel: FAIL: tests/run.sh exited $st (log: $log)"
			FAILED=$((FAILED + 1))
		fi
	else
		echo "vm $rel: FAIL: no result line, QEMU exit $rc (log: $log)"
		grep -E 'Kernel panic' "$log" | head -n 3 |
			sed "s/^/vm $rel: /"
		FAILED=$((FAILED + 1))
	fi
	[ "$rc" -eq 0 ] || [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] ||
		echo "vm $rel: note: QEMU exit status $rc"
}

# --- main -----------------------------------------------------------------------------------
VMDIR=$BUILD/vm
mkdir -p "$VMDIR" || die "cannot create $VMDIR"
make_initramfs

PASSED=0 FAILED=0 SKIPPED=0 RAN=0 MISSING=
T0=$(now)
while read -r label pat _ <&3; do
	case $label in '' | '#'*) continue ;; esac
	if [ -n "${SYSOBS_VM_ONLY:-}" ]; then
		case " $SYSOBS_VM_ONLY " in *" $label "*) ;; *) continue ;; esac
	fi
	fetch_kernel "$pat" "$label"
	if [ -z "$KDIR" ]; then
		echo "vm $label: SKIP: $KWHY"
		MISSING="$MISSING${MISSING:+; }$label: $KWHY"
		SKIPPED=$((SKIPPED + 1))
		continue
	fi
	RAN=$((RAN + 1))
	run_kernel
done 3<"$LIST"

[ "$RAN" -gt 0 ] || skip "no kernel could be fetched${MISSING:+ ($MISSING)}"
echo "vm: $RAN kernels in $(elapsed "$T0" "$(now)") s"
if [ -n "$MISSING" ] && [ "${CI:-}" = true ]; then
	echo "FAIL: kernels missing ($MISSING; a skip is a failure when CI=true)"
	FAILED=$((FAILED + 1))
fi
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ]
