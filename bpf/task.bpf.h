/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Traced tasks coming in: attached at a syscall, or forked by a traced one. */
#ifndef TASK_BPF_H
#define TASK_BPF_H

#include "batch.bpf.h"
#include "record.bpf.h"

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
	t = bpf_task_storage_get(&tasks, bpf_get_current_task_btf(), NULL,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!t) {
		stat_inc(SO_STAT_TASKS_FULL);
		return NULL;
	}
	if (t->state == SO_TS_PENDING && !t->seq) {
		/* new (zeroed) storage: not raced by another program of the same task */
		t->tgid = tgid;
		t->tid = (__u32)id;
		t->state = SO_TS_ACTIVE;
		__sync_fetch_and_add(&live_tasks, 1);
	}
	return t;
}

static __always_inline void do_fork(struct so_task *t, struct task_struct *child)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct so_task *nt;
	struct so_fork *r;
	__u32 tid;

	tid = BPF_CORE_READ(child, pid);
	/* created zeroed: too big to build on the stack */
	nt = bpf_task_storage_get(&tasks, child, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!nt) {
		stat_inc(SO_STAT_TASKS_FULL);
		return;
	}
	nt->tgid = BPF_CORE_READ(child, tgid);
	nt->tid = tid;
	nt->state = SO_TS_FORKED;
	__sync_fetch_and_add(&live_tasks, 1);
	r = rec_reserve(t, SO_REC_FORK, sizeof(*r), id);
	if (!r)
		return;
	r->child_tgid = nt->tgid;
	r->child_tid = tid;
	bpf_ringbuf_submit(r, 0);
}

#endif /* TASK_BPF_H */
