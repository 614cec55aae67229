/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * Records to the ring, other than the batch: the header every record starts with, and the two
 * ways one is sent. A record of fixed size is reserved in the ring and filled there
 * (rec_reserve); a syscall record with captures is built in the per-CPU scratch buffer and
 * copied (scratch_begin, scratch_send). Either way the thread's batch goes first, so that the
 * thread's records stay in order.
 */
#ifndef RECORD_BPF_H
#define RECORD_BPF_H

#include "batch.bpf.h"
#include "uctx.bpf.h"

/* One syscall as its so_sys shows it. Also what cap_arg reads of the call: one pointer, as BPF
 * functions take at most 5 arguments. */
struct sys_call {
	long nr;
	__u64 args[SO_MAX_ARGS];
	long ret;
	__u64 dur;	/* -T: time in the call, else 0 */
	__u32 flags;	/* header flags the call adds (SO_F_NOARGS) */
	__u32 pad;
};
/* On the stack of sys_exit (one frame with everything inlined), beside the frames of the global
 * functions it calls: the verifier allows MAX_BPF_STACK for the whole chain. */
_Static_assert(sizeof(struct sys_call) <= MAX_BPF_STACK / 4, "struct sys_call is too big");

/* The tgid << 32 | tid of a traced thread, as bpf_get_current_pid_tgid() gives them. */
static __always_inline __u64 task_id(const struct so_task *t)
{
	return (__u64)t->tgid << 32 | t->tid;
}

static __always_inline void hdr_fill(struct so_hdr *h, __u16 type, __u32 size, __u64 id,
				     struct so_task *t)
{
	h->type = type;
	h->flags = 0;
	h->size = size;
	h->tgid = id >> 32;
	h->tid = (__u32)id;
	h->seq = ++t->seq;
	h->ts_ns = 0;
	if (stamp_records()) {
		h->ts_ns = bpf_ktime_get_ns();
		h->flags |= SO_F_TS;
	}
}

/* A record of t that could not be reserved: the gap in its sequence says which thread lost what. */
static __always_inline void rec_lost(struct so_task *t)
{
	t->seq++;
	stat_inc(SO_STAT_DROPPED);
}

/* Room in the ring for a record of size bytes (a constant), the thread's batch sent first. */
static __always_inline void *rec_room(struct so_task *t, __u32 size)
{
	batch_flush(t);
	return bpf_ringbuf_reserve(&events, size, 0);
}

/* A record of size bytes (a constant) in the ring, its header filled; NULL if the ring is full. */
static __always_inline void *rec_reserve(struct so_task *t, __u16 type, __u32 size, __u64 id)
{
	struct so_hdr *h = rec_room(t, size);

	if (!h) {
		rec_lost(t);
		return NULL;
	}
	hdr_fill(h, type, size, id, t);
	return h;
}

/* The body of a so_sys (its header is filled): the call, and the number of captures after it. */
static __always_inline void sys_fill(struct so_sys *r, const struct sys_call *c, __u32 ncaps)
{
	r->h.flags |= c->flags | (c->dur ? SO_F_DUR : 0);
	r->nr = c->nr;
	__builtin_memcpy(r->args, c->args, sizeof(r->args));
	r->ret = c->ret;
	r->dur_ns = c->dur;
	r->ncaps = ncaps;
	r->pad = 0;
}

/* The scratch buffer for a record with captures, the thread's batch sent first; NULL if none. */
static __always_inline struct scratch *scratch_begin(struct so_task *t)
{
	batch_flush(t);
	return scratch_lookup();
}

/* Send the so_sys at the start of scratch with the ncaps captures after it, size bytes in all. */
static __always_inline void scratch_send(struct scratch *s, __u32 size, __u32 ncaps, __u16 type,
					 __u64 id, struct so_task *t, const struct sys_call *c)
{
	struct so_sys *r = (void *)s->buf;
	__u32 end = size;

	if (want_uctx())
		end = uctx_add(s, size);
	hdr_fill(&r->h, type, end, id, t);
	sys_fill(r, c, ncaps);
	if (end != size)
		r->h.flags |= SO_F_UCTX;
	/* a record with a stack (-k) may use the second half of scratch too */
	if (end > (want_uctx() ? 2 * SO_SCRATCH_SIZE - 1 : SO_SCRATCH_SIZE))
		return;
	if (bpf_ringbuf_output(&events, s->buf, bound(end, 2 * SO_SCRATCH_SIZE - 1), rb_flags))
		stat_inc(SO_STAT_DROPPED);
}

#endif /* RECORD_BPF_H */
