#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# /init of the test VM that tests/vm/run-kernels.sh boots: busybox sh as PID 1 in an initramfs,
# no disk, no modules (everything sysobs needs is built into Debian's kernels). It mounts what
# the tests need, runs the suite (or the command or shell the host asked for), prints one
# result line the host looks for, and powers off. The host never parses anything else.
#
#   SYSOBS-VM-BEGIN: <uname -r>
#   ... the suite's own output ...
#   SYSOBS-VM-RESULT: <N> passed, <N> failed, <N> skipped (exit <status of tests/run.sh>)
# or, when the suite could not run at all:
#   SYSOBS-VM-ERROR: <why>

PATH=/bin:/sbin:/usr/bin:/usr/sbin
export PATH

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# If the archive had no /dev/console the kernel started us without stdin/stdout/stderr.
exec </dev/console >/dev/console 2>&1

mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /tmp
mount -t tracefs tracefs /sys/kernel/tracing
mount -t debugfs debugfs /sys/kernel/debug
mount -t securityfs securityfs /sys/kernel/security
mount -t bpf bpf /sys/fs/bpf
mount -t cgroup2 cgroup2 /sys/fs/cgroup
hostname sysobs-vm
ip link set lo up

# What the host asked for: VM_MODE=suite|cmd|shell (cmd runs /etc/sysobs-vm.cmd with sh).
VM_MODE=suite
[ -r /etc/sysobs-vm.conf ] && . /etc/sysobs-vm.conf

# The environment the tests see; tests/vm/README.md documents it.
HOME=/root
TMPDIR=/tmp
SYSOBS=/build/sysobs-static
SYSOBS_VM=1
SYSOBS_VM_KERNEL=$(uname -r)
export HOME TMPDIR SYSOBS SYSOBS_VM SYSOBS_VM_KERNEL
cd /src || echo "SYSOBS-VM-ERROR: no /src in the initramfs"

off()
{
	sync
	poweroff -f
	echo o >/proc/sysrq-trigger
	sleep 10
}

echo "SYSOBS-VM-BEGIN: $SYSOBS_VM_KERNEL"
if [ ! -r /sys/kernel/btf/vmlinux ]; then
	echo "SYSOBS-VM-ERROR: no /sys/kernel/btf/vmlinux on $SYSOBS_VM_KERNEL"
	off
fi
if [ ! -d /sys/kernel/tracing/events ]; then
	echo "SYSOBS-VM-ERROR: tracefs did not mount on /sys/kernel/tracing"
	off
fi

case $VM_MODE in
shell)
	echo "sysobs VM shell on $SYSOBS_VM_KERNEL: sources in /src, build in /build;" \
	     "'exit' powers off"
	setsid cttyhack sh -l
	off
	;;
cmd)
	sh /etc/sysobs-vm.cmd
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "SYSOBS-VM-RESULT: 1 passed, 0 failed, 0 skipped (exit $rc)"
	else
		echo "SYSOBS-VM-RESULT: 0 passed, 1 failed, 0 skipped (exit $rc)"
	fi
	off
	;;
esac

# The suite: its output goes to the console as it runs and to a file for the summary.
{
	sh tests/run.sh --integration --core /build
	echo $? >/tmp/suite.rc
} 2>&1 | tee /tmp/suite.log
rc=$(cat /tmp/suite.rc)
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' /tmp/suite.log | tail -n 1)

# Kernel warnings would not reach the console with 'quiet'; show them, they matter here.
dmesg | grep -E 'WARNING:|BUG:|Oops|Call Trace' | sed 's/^/SYSOBS-VM-DMESG: /'

if [ -n "$summary" ]; then
	echo "SYSOBS-VM-RESULT: $summary (exit $rc)"
else
	echo "SYSOBS-VM-ERROR: tests/run.sh printed no 'N passed, N failed, N skipped' line" \
	     "(exit $rc)"
fi
off
