/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
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
#ifndef SIGNAL_BPF_H
#define SIGNAL_BPF_H

#include "record.bpf.h"

#define SIGQUEUE_SCAN_MAX	8	/* queued signals looked through for a siginfo */

_Static_assert(sizeof(((struct so_signal *)0)->fields) <= sizeof(union __sifields),
	       "so_signal.fields would read past the kernel's siginfo");

/* The siginfo of signal sig queued on head (a task's or its process's pending list). */
static __always_inline bool queued_siginfo(struct list_head *head, int sig, struct so_signal *r)
{
	struct list_head *pos = BPF_CORE_READ(head, next);
	struct sigqueue *q;
	int i;

	for (i = 0; i < SIGQUEUE_SCAN_MAX && pos && pos != head; i++) {
		q = (struct sigqueue *)pos;	/* list is its first member */
		if (BPF_CORE_READ(q, info.si_signo) == sig) {
			r->code = BPF_CORE_READ(q, info.si_code);
			r->err = BPF_CORE_READ(q, info.si_errno);
			bpf_probe_read_kernel(r->fields, sizeof(r->fields), &q->info._sifields);
			return true;
		}
		pos = BPF_CORE_READ(pos, next);
	}
	return false;
}

/*
 * The signal a SIGKILL is the group kill for, when the leader takes it; 0 when it is not one
 * to show. Its info is SEND_SIG_NOINFO, but the verifier takes tp_btf pointers for non-NULL,
 * so that cannot be tested.
 */
static __always_inline int group_kill_signal(const struct so_task *t, struct task_struct *task)
{
	int sig;

	if (t->tid != t->tgid)
		return 0;
	sig = BPF_CORE_READ(task, signal, group_exit_code);
	if (sig <= 0 || sig > NSIG_KERNEL || sig == SIGKILL)
		return 0;	/* exit_group (status << 8), exec, or SIGKILL itself */
	return sig;
}

/* The group kill's signal: its default action ended the process. Its siginfo is still queued;
 * when it is not found there it shows as from user space. */
static __always_inline void signal_fatal(struct so_signal *r, struct task_struct *task, int sig)
{
	struct signal_struct *shared = BPF_CORE_READ(task, signal);

	r->signo = sig;
	r->handler = SO_SIG_DFL;
	if (!queued_siginfo(&task->pending.list, sig, r))
		queued_siginfo(&shared->shared_pending.list, sig, r);
}

/* A signal delivered with its info and the action it takes. */
static __always_inline void signal_info(struct so_signal *r, struct kernel_siginfo *info,
					struct k_sigaction *ka)
{
	unsigned long h;

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
}

/* -i: the so_uctx after the record, with the ip alone (sysobs.h) */
static __always_inline void signal_ip(struct so_signal *r, struct task_struct *task)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(task);
	struct so_uctx *u = (void *)(r + 1);

	__builtin_memset(u, 0, sizeof(*u));
	if (regs)
		regs_user(regs, u->regs);
	r->h.flags |= SO_F_UCTX;
}

static __always_inline void signal_fill(struct so_signal *r, struct task_struct *task, int sig,
					int fatal, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	r->signo = sig;
	r->code = 0;
	r->err = 0;
	__builtin_memset(r->fields, 0, sizeof(r->fields));
	if (fatal)
		signal_fatal(r, task, fatal);
	else
		signal_info(r, info, ka);
}

/* -k: the record built in scratch, the thread's user context and stack after it (strace prints
 * the stack after a signal's line too) */
static __always_inline void signal_with_stack(struct so_task *t, struct task_struct *task,
					      int sig, int fatal, struct kernel_siginfo *info,
					      struct k_sigaction *ka)
{
	struct scratch *s = scratch_begin(t);
	struct so_signal *r;
	__u32 size;

	if (!s)
		return;
	r = (void *)s->buf;
	size = uctx_add(s, sizeof(*r));
	hdr_fill(&r->h, SO_REC_SIGNAL, size, task_id(t), t);
	if (size != sizeof(*r))
		r->h.flags |= SO_F_UCTX;
	signal_fill(r, task, sig, fatal, info, ka);
	if (size >= 2 * SO_SCRATCH_SIZE ||
	    bpf_ringbuf_output(&events, s->buf, bound(size, 2 * SO_SCRATCH_SIZE - 1), 0))
		stat_inc(SO_STAT_DROPPED);
}

static __always_inline void do_signal(struct so_task *t, struct task_struct *task, int sig,
				      struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct so_signal *r;
	int fatal = 0;

	if (sig == SIGKILL) {
		fatal = group_kill_signal(t, task);
		if (!fatal)
			return;
	}
	if (want_stack) {
		signal_with_stack(t, task, sig, fatal, info, ka);
		return;
	}
	if (want_ip)	/* -i: where the thread was, as strace's "[ip] --- SIG..." */
		r = rec_reserve(t, SO_REC_SIGNAL, sizeof(*r) + sizeof(struct so_uctx), task_id(t));
	else
		r = rec_reserve(t, SO_REC_SIGNAL, sizeof(*r), task_id(t));
	if (!r)
		return;
	if (want_ip)
		signal_ip(r, task);
	signal_fill(r, task, sig, fatal, info, ka);
	bpf_ringbuf_submit(r, 0);
}

#endif /* SIGNAL_BPF_H */
