/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * sysobs kernel side. One record per syscall, written at sys_exit: on x86-64 the six argument
 * registers are still intact in the saved user regs when an ordinary call returns, so the exit
 * hook alone sees number, arguments and result (FACTS.md: 2.5x bare against 4.2x for an
 * enter+exit pair). The calls the exit hook cannot see alone have their own sources:
 *  - execve: a successful one replaces the regs, so sched_prepare_exec (6.10+) records its
 *    arguments just before the old image goes (it costs only execs); older kernels fall back
 *    to sched_process_exec, which no longer sees the pointer arguments;
 *  - exit/exit_group never return: sched_process_exit sees the task with regs still naming the call;
 *  - sys_enter is attached only for the options that need the entry time (-T, -c).
 *
 * This file holds the SEC programs; the pieces they share are in the .bpf.h headers by concern, and
 * everything that crosses to user space is in sysobs.h. The headers are included here into one
 * compilation unit: one object keeps the skeleton simple, and the verifier sees each global
 * function (cap_one, cap_iov, cap_arg, ...) once.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysobs.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#include "maps.bpf.h"
#include "batch.bpf.h"
#include "record.bpf.h"
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
	do_sys_exit(t, regs, ret);
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
	return 0;
}

SEC("tp_btf/sched_prepare_exec")
int BPF_PROG(prepare_exec, struct task_struct *task, struct linux_binprm *bprm)
{
	struct so_task *t = task_get(task);
	__u32 old;

	if (!t)
		return 0;
	old = task_busy(t);
	do_prepare_exec(t, task);
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
	__u64 id = bpf_get_current_pid_tgid();
	struct so_task *t;
	struct pt_regs *regs;
	struct so_exit *r;
	long nr;

	t = task_get(p);
	if (!t)
		return 0;
	/* busy until the storage goes: the tick must not send this batch a second time */
	task_busy(t);
	r = NULL;
	/* a held child whose exec failed has nothing to show (and nothing batched) */
	if (t->state != SO_TS_PENDING)
		r = rec_reserve(t, SO_REC_EXIT, sizeof(*r), id);
	if (!r) {
		bpf_task_storage_delete(&tasks, p);
		__sync_fetch_and_add(&live_tasks, -1);
		return 0;
	}
	regs = (struct pt_regs *)bpf_task_pt_regs(p);
	nr = regs ? regs_nr(regs) : -1;
	if ((nr == SO_NR_EXIT || nr == SO_NR_EXIT_GROUP) && nr_traced(nr)) {
		r->nr = nr;
		r->status_arg = regs_arg0(regs);
		/* not counted for -c: like strace, only calls that return are */
	} else {
		r->nr = -1;
		r->status_arg = 0;
	}
	/* a process that ends by exit_group or a signal ends with that status, whatever a thread
	 * that exited on its own just before says */
	if (BPF_CORE_READ(p, signal, flags) & SIGNAL_GROUP_EXIT)
		r->exit_code = BPF_CORE_READ(p, signal, group_exit_code);
	else
		r->exit_code = BPF_CORE_READ(p, exit_code);
	/* two threads ending together can both see 0 here: user space reports the process once */
	r->group_dead = BPF_CORE_READ(p, signal, live.counter) == 0;
	/* the end of a traced task is worth waking the consumer for (it may be what it waits on) */
	bpf_task_storage_delete(&tasks, p);
	__sync_fetch_and_add(&live_tasks, -1);
	bpf_ringbuf_submit(r, BPF_RB_FORCE_WAKEUP);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct so_task *t = task_get(p);
	__u32 old;

	if (!t)
		return 0;
	old = task_busy(t);
	exec_fallback(t, p, bprm);
	task_idle(t, old);
	return 0;
}

/*
 * A signal about to be delivered (get_signal(), in the thread itself, on its way back to user
 * space: after the sys_exit of the call it interrupted). strace shows it as
 * "--- SIGCHLD {si_signo=...} ---".
 *
 * A signal whose default action ends the process without a core (SIGTERM, SIGPIPE ...) is made
 * a group kill when it is sent: the threads then take a SIGKILL without siginfo, and the signal
 * itself (group_exit_code) is still queued, with its siginfo: it is shown from there, once, by
 * the thread group leader. SIGKILL itself is left out, as ptrace never stops for it; so are
 * signals the kernel discarded when they were sent because they were ignored (strace, whose
 * tracee keeps them queued, shows those).
 */
SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct so_task *t = task_get(task);
	struct signal_struct *sig_struct;
	struct so_signal *r;
	unsigned long h;
	int fatal = 0;
	__u32 old;

	if (!t || t->state != SO_TS_ACTIVE || !want_records)
		return 0;
	if (sig == SIGKILL) {
		/* the group kill (its info is SEND_SIG_NOINFO; the verifier takes tp_btf pointers
		 * for non-NULL, so that cannot be tested here) */
		if (t->tid != t->tgid)
			return 0;
		fatal = BPF_CORE_READ(task, signal, group_exit_code);
		if (fatal <= 0 || fatal >= SIGRTMIN || fatal == SIGKILL)
			return 0;	/* exit_group (status << 8), exec, or SIGKILL itself */
	}
	old = task_busy(t);
	r = rec_reserve(t, SO_REC_SIGNAL, sizeof(*r), task_id(t));
	if (!r)
		goto out;
	r->signo = sig;
	r->code = 0;
	r->err = 0;
	__builtin_memset(r->fields, 0, sizeof(r->fields));
	if (fatal) {
		/* its default action ended the process; not found queued: shown as from user space */
		r->signo = fatal;
		r->handler = SO_SIG_DFL;
		sig_struct = BPF_CORE_READ(task, signal);
		if (!queued_siginfo(&task->pending.list, fatal, r))
			queued_siginfo(&sig_struct->shared_pending.list, fatal, r);
		bpf_ringbuf_submit(r, 0);
		goto out;
	}
	if ((unsigned long)info > SEND_SIG_PRIV) {
		/* SEND_SIG_NOINFO and SEND_SIG_PRIV are not pointers */
		r->code = BPF_CORE_READ(info, si_code);
		r->err = BPF_CORE_READ(info, si_errno);
		bpf_probe_read_kernel(r->fields, sizeof(r->fields), &info->_sifields);
	} else if ((unsigned long)info == SEND_SIG_PRIV) {
		r->code = SI_KERNEL;
	}
	h = (unsigned long)BPF_CORE_READ(ka, sa.sa_handler);
	r->handler = h == SIG_DFL ? SO_SIG_DFL : h == SIG_IGN ? SO_SIG_IGN : SO_SIG_HANDLER;
	bpf_ringbuf_submit(r, 0);
out:
	task_idle(t, old);
	return 0;
}

/* A thread that is switched out (it blocks, or is preempted) sends what it collected. */
SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct so_task *t = task_get(prev);

	if (t && t->batch.n && !t->busy) {
		task_busy(t);
		batch_flush(t);
		task_idle(t, 0);
	}
	return 0;
}

/* The scheduler tick (and other runtime updates) of a thread that computes without
 * syscalls: what it collected does not wait for its next call. */
SEC("tp_btf/sched_stat_runtime")
int BPF_PROG(sched_runtime, struct task_struct *task)
{
	struct so_task *t;

	/* a runtime update can be made for a task running on another CPU (a remote wakeup):
	 * only the CPU the task runs on may touch its batch */
	if (task != bpf_get_current_task_btf())
		return 0;
	t = task_get(task);

	if (t && t->batch.n && !t->busy) {
		task_busy(t);
		batch_flush(t);
		task_idle(t, 0);
	}
	return 0;
}
