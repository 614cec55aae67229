/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * sysobs kernel side. One record per syscall, written at sys_exit: on x86-64 the six argument
 * registers are still intact in the saved user regs when an ordinary call returns, so the exit
 * hook alone sees number, arguments and result (FACTS.md: 2.5x bare against 4.2x for an
 * enter+exit pair). The calls the exit hook cannot see alone have their own sources:
 *  - execve: a successful one replaces the regs, so sched_prepare_exec (6.10+) records its
 *    arguments just before the old image goes (it costs only execs); older kernels fall back
 *    to sched_process_exec, which no longer sees the pointer arguments;
 *  - exit/exit_group never return: sched_process_exit sees the task with regs still naming
 *    the call;
 *  - sys_enter is attached only for the options that need the entry time (-T, -c).
 *
 * This file holds the SEC programs only. What they share is in headers by concern, each
 * including those below it: kernel.bpf.h (kernel constants, limits, reading the registers),
 * maps.bpf.h (maps and configuration), batch.bpf.h (each thread's batch of plain calls),
 * uctx.bpf.h (-i, -k: the user context of a call), record.bpf.h (records to the ring),
 * capmem.bpf.h (user memory into a record), msg.bpf.h (msghdr), capture.bpf.h (syscall records
 * with user memory), exec.bpf.h, syscall.bpf.h (sys_exit), task.bpf.h (tasks coming and going),
 * signal.bpf.h.
 * sysobs.h is what user space shares. The headers are included into this one compilation unit:
 * one object keeps the skeleton simple, and the verifier sees each global function (cap_one,
 * cap_iov, cap_arg, argv_one, iov_bytes) once.
 *
 * Every program that works on a traced thread's state marks it busy meanwhile (task_busy),
 * so that sched_switch and the tick, which may interrupt it, leave its batch alone.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysobs.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#include "kernel.bpf.h"
#include "maps.bpf.h"
#include "batch.bpf.h"
#include "record.bpf.h"
#include "capmem.bpf.h"
#include "msg.bpf.h"
#include "capture.bpf.h"
#include "exec.bpf.h"
#include "syscall.bpf.h"
#include "task.bpf.h"
#include "signal.bpf.h"

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	struct so_task *t = task_lookup();
	__u32 old;

	if (!t && attach_mode != SO_ATTACH_NONE)
		t = task_attach();
	if (!t)
		return 0;
	old = task_busy(t);
	if (t->sig_tail != t->sig_head)
		signal_kept_send(t, true);
	do_sys_exit(t, regs, ret);
	if (t->sig_tail != t->sig_head)
		signal_kept_send(t, false);
	task_idle(t, old);
	return 0;
}

/* Attached only when an option needs the time a call started (-T, -c). */
SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long nr)
{
	struct so_task *t;

	t = task_lookup();
	if (!t)
		return 0;
	/* also while held (PENDING): the launched command's execve is timed from its entry */
	t->enter_ts = bpf_ktime_get_ns();
	t->off_ts = 0;
	t->off_ns = 0;
	return 0;
}

SEC("tp_btf/sched_prepare_exec")
int BPF_PROG(prepare_exec, struct task_struct *task, struct linux_binprm *bprm)
{
	struct so_task *t = task_get(task);
	bool launched;
	__u32 old;

	if (!t)
		return 0;
	old = task_busy(t);
	launched = t->state == SO_TS_PENDING;	/* the command's own exec: never let go */
	do_prepare_exec(t, task);
	if (detach_on_exec && !launched) {
		task_detach(t, task);	/* its storage is gone */
		return 0;
	}
	task_idle(t, old);
	return 0;
}

/* Kernels without sched_prepare_exec (< 6.10), or --no-prepare-exec: exec_fallback. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct so_task *t = task_get(p);
	bool launched;
	__u32 old;

	if (!t)
		return 0;
	old = task_busy(t);
	launched = t->state == SO_TS_PENDING;
	exec_fallback(t, p, bprm);
	if (detach_on_exec && !launched) {
		task_detach(t, p);
		return 0;
	}
	task_idle(t, old);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_fork, struct task_struct *parent, struct task_struct *child)
{
	struct so_task *t;
	__u32 old;

	if (!follow_forks)
		return 0;
	t = task_get(parent);
	if (!t || t->state != SO_TS_ACTIVE)
		return 0;
	old = task_busy(t);
	do_fork(t, child);
	task_idle(t, old);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_exit, struct task_struct *p)
{
	struct so_task *t = task_get(p);

	if (!t)
		return 0;
	/* busy until the storage goes: the tick must not send this batch a second time */
	task_busy(t);
	if (t->state == SO_TS_ACTIVE && t->sig_tail != t->sig_head)
		signal_kept_send(t, false);
	task_end(t, p);
	return 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct so_task *t = task_get(task);
	__u32 old;

	if (!t || t->state != SO_TS_ACTIVE || !want_records)
		return 0;
	old = task_busy(t);
	do_signal(t, task, sig, info, ka);
	task_idle(t, old);
	return 0;
}

/* A signal discarded when sent (it is ignored): kept for its thread to show (signal.bpf.h). */
SEC("tp_btf/signal_generate")
int BPF_PROG(signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	struct so_task *t;

	if (result != TRACE_SIGNAL_IGNORED || !want_records)
		return 0;
	t = task_get(task);
	if (!t || t->state != SO_TS_ACTIVE)
		return 0;
	signal_keep(t, task, sig, info);
	return 0;
}

/* A thread that is switched out (it blocks, or is preempted) sends what it collected. */
SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct so_task *t = task_get(prev);

	batch_flush_idle(t);
	if (count_cpu)
		cpu_switch(t, task_get(next));
	return 0;
}

/* The scheduler tick (and other runtime updates) of a thread that computes without
 * syscalls: what it collected does not wait for its next call. */
SEC("tp_btf/sched_stat_runtime")
int BPF_PROG(sched_runtime, struct task_struct *task)
{
	/* a runtime update can be made for a task running on another CPU (a remote wakeup):
	 * only the CPU the task runs on may touch its batch */
	if (task != bpf_get_current_task_btf())
		return 0;
	batch_flush_idle(task_get(task));
	return 0;
}
