/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Traced tasks coming and going: attached at a syscall, forked by a traced one, ended. */
#ifndef TASK_BPF_H
#define TASK_BPF_H

#include "record.bpf.h"

/* New, zeroed storage for task; NULL, counted, when the tasks map is full. */
static __always_inline struct so_task *task_new(struct task_struct *task)
{
	struct so_task *t;

	t = bpf_task_storage_get(&tasks, task, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!t)
		stat_inc(SO_STAT_TASKS_FULL);
	return t;
}

/*
 * -f -p and --system-wide: a thread that is not traced yet but should be is taken in at its
 * first syscall exit (those already in a call when tracing started show when it returns). With
 * attach_mode NONE (rodata) the verifier drops this: the command's trace pays nothing for it.
 */
static __always_inline struct so_task *task_attach(void)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tgid = id >> 32;
	struct so_task *t;

	if (attach_mode == SO_ATTACH_ALL) {
		if (tgid == self_tgid)
			return NULL;
	} else if (attach_mode != SO_ATTACH_PIDS || !bpf_map_lookup_elem(&attach_pids, &tgid)) {
		return NULL;
	}
	t = task_new(bpf_get_current_task_btf());
	if (!t)
		return NULL;
	if (t->state == SO_TS_PENDING && !t->seq) {
		/* new (zeroed) storage: not raced by another program of the same task */
		t->tgid = tgid;
		t->tid = (__u32)id;
		t->state = SO_TS_ACTIVE;
		__sync_fetch_and_add(&live_tasks, 1);
		stamp_all = 1;
	}
	return t;
}

/* Is the parent (current, in the call regs names) waiting for its child's exec or exit? */
static __always_inline bool fork_waits(struct pt_regs *regs, long nr)
{
	__u64 flags = 0;

	if (nr == SO_NR_VFORK)
		return true;
	if (nr == SO_NR_CLONE)
		return regs_arg0(regs) & CLONE_VFORK;
	if (nr == SO_NR_CLONE3)	/* just copied in by the kernel: present */
		bpf_probe_read_user(&flags, sizeof(flags), (void *)regs_arg0(regs));
	return flags & CLONE_VFORK;
}

/*
 * A vfork (or clone, clone3 with CLONE_VFORK) returns only when the child has exec'd or ended:
 * its entry goes out now, so that the child's lines show the parent in it, as strace shows
 * it: "vfork( <unfinished ...>", then "<... vfork resumed>) = N".
 */
static __always_inline void fork_entry(struct so_task *t, __u64 id)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	struct sys_call c = {};

	if (!regs || !want_records)
		return;
	c.nr = regs_nr(regs);
	if (!nr_traced(c.nr) || !fork_waits(regs, c.nr))
		return;
	regs_args(regs, c.args);
	emit_sys(SO_REC_ENTER, id, t, &c);
}

/* A new task of a traced task (-f): announced by its parent, traced after its return from fork. */
static __always_inline void do_fork(struct so_task *t, struct task_struct *child)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct so_task *nt;
	struct so_fork *r;
	__u32 tid;

	tid = BPF_CORE_READ(child, pid);
	nt = task_new(child);
	if (!nt)
		return;
	nt->tgid = BPF_CORE_READ(child, tgid);
	nt->tid = tid;
	nt->state = SO_TS_FORKED;
	__sync_fetch_and_add(&live_tasks, 1);
	stamp_all = 1;	/* before the fork record: it is stamped */
	r = rec_reserve(t, SO_REC_FORK, sizeof(*r), id);
	if (!r)
		return;
	r->child_tgid = nt->tgid;
	r->child_tid = tid;
	bpf_ringbuf_submit(r, 0);
	fork_entry(t, id);
}

/* A task that is no longer traced: its storage goes, and with the last one the trace ends. */
static __always_inline void task_forget(struct task_struct *p)
{
	bpf_task_storage_delete(&tasks, p);
	__sync_fetch_and_add(&live_tasks, -1);
}

/*
 * -b execve: traced task p (current), in an execve that can no longer fail, is let go as strace
 * detaches it: after its exec's entry record, a record that says so (an so_exit with
 * SO_EXIT_DETACHED: user space shows the exec "<detached ...>" and counts the task gone), and
 * its storage goes. With -f -p its process is not taken in again.
 */
static __always_inline void task_detach(struct so_task *t, struct task_struct *p)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tgid = id >> 32;
	struct so_exit *r;

	r = rec_reserve(t, SO_REC_EXIT, sizeof(*r), id);
	if (r) {
		r->nr = -1;
		r->status_arg = 0;
		r->exit_code = 0;
		r->group_dead = SO_EXIT_DETACHED;
		bpf_ringbuf_submit(r, BPF_RB_FORCE_WAKEUP);
	}
	if (attach_mode == SO_ATTACH_PIDS)
		bpf_map_delete_elem(&attach_pids, &tgid);
	task_forget(p);
}

/* What the exit record says of p: the exit call it ended in, if any, and its status. */
static __always_inline void exit_fill(struct so_exit *r, struct task_struct *p)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(p);
	long nr = regs ? regs_nr(regs) : -1;

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
	r->group_dead = BPF_CORE_READ(p, signal, live.counter) == 0 ? SO_EXIT_GROUP_DEAD : 0;
	/* the leader, when another thread's execve takes its place (strace's "superseded") */
	if (bpf_core_field_exists(p->signal->group_exec_task)) {
		struct task_struct *exec = BPF_CORE_READ(p, signal, group_exec_task);

		if (exec && exec != p)
			r->group_dead |= SO_EXIT_BY_EXEC;
	}
}

/* The exit record the full ring had no room for, queued apart (so_end in sysobs.h). */
static __always_inline void end_queue(struct so_task *t, struct task_struct *p, __u64 id)
{
	struct so_end e = {};

	hdr_fill(&e.r.h, SO_REC_EXIT, sizeof(e.r), id, t);
	exit_fill(&e.r, p);
	e.pos = bpf_ringbuf_query(&events, BPF_RB_PROD_POS);
	if (bpf_map_push_elem(&ends, &e, 0))
		stat_inc(SO_STAT_DROPPED);	/* the queue full too: a gap no record follows */
	else
		__sync_fetch_and_add(&ends_queued, 1);
}

/*
 * -i, -k: the exit record with the user context of the exit call after it, built in scratch.
 * Returns false when it could not be sent (the caller queues it without).
 */
static __always_inline bool exit_with_uctx(struct so_task *t, struct task_struct *p, __u64 id)
{
	struct scratch *s = scratch_begin(t);
	struct so_exit *r;
	__u32 size;

	if (!s)
		return false;
	r = (void *)s->buf;
	size = uctx_add(s, sizeof(*r));
	hdr_fill(&r->h, SO_REC_EXIT, size, id, t);
	exit_fill(r, p);
	if (size != sizeof(*r))
		r->h.flags |= SO_F_UCTX;
	if (size >= 2 * SO_SCRATCH_SIZE ||
	    bpf_ringbuf_output(&events, s->buf, bound(size, 2 * SO_SCRATCH_SIZE - 1),
			       BPF_RB_FORCE_WAKEUP)) {
		t->seq--;	/* not sent: the queued record takes its number */
		return false;
	}
	return true;
}

/* The end of traced thread p (current): its batch, its exit record, its storage. */
static __always_inline void task_end(struct so_task *t, struct task_struct *p)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct so_exit *r;

	/* a held child whose exec failed has nothing to show (and nothing batched) */
	if (t->state == SO_TS_PENDING) {
		task_forget(p);
		return;
	}
	if (want_uctx() && exit_with_uctx(t, p, id)) {
		task_forget(p);
		return;
	}
	r = rec_room(t, sizeof(*r));
	if (!r) {
		end_queue(t, p, id);
		task_forget(p);
		return;
	}
	hdr_fill(&r->h, SO_REC_EXIT, sizeof(*r), id, t);
	exit_fill(r, p);
	task_forget(p);
	/* the end of a traced task is worth waking the consumer for (it may be what it waits on) */
	bpf_ringbuf_submit(r, BPF_RB_FORCE_WAKEUP);
}

#endif /* TASK_BPF_H */
