/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * A signal about to be delivered (get_signal(), in the thread itself, on its way back to user
 * space: after the sys_exit of the call it interrupted). strace shows it as
 * "--- SIGCHLD {si_signo=...} ---".
 *
 * A signal whose default action ends the process without a core (SIGTERM, SIGPIPE ...) is made
 * a group kill when it is sent: the threads then take a SIGKILL without siginfo, and the signal
 * itself (group_exit_code) is still queued, with its siginfo: it is shown from there, once, by
 * the thread group leader. SIGKILL itself is left out, as ptrace never stops for it.
 *
 * A signal the kernel discards when it is sent, because it is ignored (SIG_IGN, or SIGCHLD,
 * SIGWINCH, SIGURG at their default), never reaches signal_deliver; strace, whose tracee keeps
 * such signals queued, shows them. signal_generate sees them in the sender: the signal is kept
 * in the receiving thread's so_task (so_sigslot) and that thread sends it after its next
 * syscall's record, or before its end, so that its records stay its own and in order.
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

/* signal_generate: keep a discarded signal for thread t (its task: task). The sender holds the
 * thread's siglock, so senders are never concurrent; the thread itself may read meanwhile. */
static __always_inline void signal_keep(struct so_task *t, struct task_struct *task, int sig,
					struct kernel_siginfo *info)
{
	__u32 h = t->sig_head;
	struct so_sigslot *s = &t->sigs[h & (SO_SIGSLOTS - 1)];
	__u64 id;

	if (s->ready) {
		stat_inc(SO_STAT_SIGS_FULL);
		return;
	}
	s->signo = sig;
	/* a thread blocked in a call (or sending to itself) sees it after that call */
	s->before = task != bpf_get_current_task_btf() &&
		    BPF_CORE_READ(task, __state) == TASK_RUNNING;
	s->code = 0;
	s->err = 0;
	__builtin_memset(s->fields, 0, sizeof(s->fields));
	if ((unsigned long)info > SEND_SIG_PRIV) {
		s->code = BPF_CORE_READ(info, si_code);
		s->err = BPF_CORE_READ(info, si_errno);
		bpf_probe_read_kernel(s->fields, sizeof(s->fields), &info->_sifields);
	} else if ((unsigned long)info == SEND_SIG_PRIV) {
		s->code = SI_KERNEL;
	} else {
		/* SEND_SIG_NOINFO: the kernel would queue it as from the sender (SI_USER) */
		id = bpf_get_current_pid_tgid();
		s->code = SI_USER;
		__builtin_memcpy(&s->fields[SI_PID_OFF], &(__u32){ id >> 32 }, 4);
		__builtin_memcpy(&s->fields[SI_UID_OFF], &(__u32){ bpf_get_current_uid_gid() }, 4);
	}
	/* filled before it is marked ready: a locked add orders the stores (x86-64) */
	__sync_fetch_and_add(&s->ready, 1);
	t->sig_head = h + 1;
}

/* The thread's kept signals, oldest first, as SO_REC_SIGNAL records (the thread's own program);
 * before_only: only those at the head that came while it was not in a call. */
static __always_inline void signal_kept_send(struct so_task *t, bool before_only)
{
	struct so_signal *r;
	struct so_sigslot *s;
	int i;

	for (i = 0; i < SO_SIGSLOTS; i++) {
		s = &t->sigs[t->sig_tail & (SO_SIGSLOTS - 1)];
		if (!s->ready || (before_only && !s->before))
			return;
		r = rec_reserve(t, SO_REC_SIGNAL, sizeof(*r), task_id(t));
		if (r) {
			r->signo = s->signo;
			r->code = s->code;
			r->err = s->err;
			r->handler = SO_SIG_IGN;
			__builtin_memcpy(r->fields, s->fields, sizeof(r->fields));
			bpf_ringbuf_submit(r, 0);
		}
		/* read before it is freed: x86-64 keeps loads before a later store */
		asm volatile("" ::: "memory");
		s->ready = 0;
		t->sig_tail++;
	}
}

#endif /* SIGNAL_BPF_H */
