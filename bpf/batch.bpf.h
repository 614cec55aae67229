/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Each thread's batch of plain calls (so_batch in sysobs.h) and its nesting guard. */
#ifndef BATCH_BPF_H
#define BATCH_BPF_H

#include "maps.bpf.h"

/* A power of two above the largest batch record: the bound the verifier sees for its size. */
#define BATCH_BOUND	1024
_Static_assert(sizeof(struct so_batch) < BATCH_BOUND, "BATCH_BOUND below the batch record");
_Static_assert((SO_BATCH & (SO_BATCH - 1)) == 0, "batch_add bounds its index with SO_BATCH - 1");

/* Send the thread's collected calls as one record (so_batch in sysobs.h says when). */
static __always_inline void batch_flush(struct so_task *t)
{
	struct so_batch *b = &t->batch;
	__u32 n = b->n, size;

	if (!n)
		return;
	if (n > SO_BATCH)
		n = SO_BATCH;
	size = offsetof(struct so_batch, e) + n * sizeof(struct so_entry);
	b->h.type = SO_REC_BATCH;
	b->h.flags = (stamp_records() ? SO_F_TS : 0) | (want_dur ? SO_F_DUR : 0);
	b->h.size = size;
	b->h.tgid = t->tgid;
	b->h.tid = t->tid;
	b->h.seq = 0;
	b->pad = 0;	/* h.ts_ns: the stamp of the batch's first call (do_sys_exit) */
	if (bpf_ringbuf_output(&events, b, bound(size, BATCH_BOUND - 1), rb_flags))
		stat_add(SO_STAT_DROPPED, n);	/* each entry's seq leaves its gap */
	b->n = 0;
}

/* The fast path: the call joins the thread's batch, filled straight from the registers. now:
 * the clock read for dur, or 0. */
static __always_inline void batch_add(struct so_task *t, struct pt_regs *regs, long nr, long ret,
				      __u64 dur, __u64 now)
{
	struct so_entry *e;
	__u32 n;

	n = t->batch.n;
	if (n >= SO_BATCH) {
		batch_flush(t);
		n = 0;
	}
	e = &t->batch.e[n & (SO_BATCH - 1)];
	e->nr = nr;
	regs_args(regs, e->args);
	if (nr == SO_NR_RT_SIGRETURN) {
		/* its registers are the restored context's: show the signal mask it restored,
		 * as strace's rt_sigreturn({mask=[...]}) */
		e->args[0] = BPF_CORE_READ(bpf_get_current_task_btf(), blocked.sig[0]);
	}
	e->ret = ret;
	e->seq = ++t->seq;
	e->ts_ns = 0;
	if (stamp_records()) {
		/*
		 * A clock read costs ~30 ns, a fifth of the whole traced call: unless exact stamps
		 * were asked for or several threads are traced (stamp_all), the first call of a
		 * batch stamps it and the calls after it (at most 7, within one tick, with no context
		 * switch between) share that stamp.
		 */
		if (ts_exact || stamp_all || n == 0)
			t->batch.h.ts_ns = now ? now : bpf_ktime_get_ns();
		e->ts_ns = t->batch.h.ts_ns;
	}
	e->dur_ns = dur;
	t->batch.n = n + 1;
	if (n + 1 == SO_BATCH)
		batch_flush(t);
}

/*
 * The batch is also sent from sched_switch and the tick, which can interrupt a program of the
 * same task (an interrupt, or preemption on a preemptible kernel): t->busy keeps them out
 * while this task's own programs use it.
 */
static __always_inline __u32 task_busy(struct so_task *t)
{
	__u32 old = t->busy;

	t->busy = 1;
	asm volatile("" ::: "memory");
	return old;
}

static __always_inline void task_idle(struct so_task *t, __u32 old)
{
	asm volatile("" ::: "memory");
	t->busy = old;
}

/* Send t's batch from outside its own programs (sched_switch, the tick), unless one of them is
 * using it. */
static __always_inline void batch_flush_idle(struct so_task *t)
{
	if (t && t->batch.n && !t->busy) {
		task_busy(t);
		batch_flush(t);
		task_idle(t, 0);
	}
}

#endif /* BATCH_BPF_H */
