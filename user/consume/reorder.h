/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The order of lines across threads. The kernel sends each thread's calls in batches (flushed
 * when full, at a context switch, at the scheduler tick), so the ring holds each thread's
 * records in order but those of different threads only roughly so. Once several threads are
 * traced every call carries its own stamp (stamp_all in bpf/maps.bpf.h), and the records wait
 * here, a heap ordered by (stamp, arrival), until they are older than REORDER_WINDOW_NS: by then
 * every call that returned before them is in the ring (a batch waits at most one tick), and they
 * come out in the order the calls returned.
 */
#ifndef SYSOBS_REORDER_H
#define SYSOBS_REORDER_H

#include <stddef.h>
#include <stdint.h>

/* How long a record waits for the records of other threads that returned before it. */
#define REORDER_WINDOW_NS	(50 * 1000 * 1000ull)

struct rq_item {
	uint64_t ts;
	uint64_t order;		/* arrival: equal stamps keep the ring's order */
	uint32_t size;
	uint32_t pad;
	uint64_t data[];	/* the record, 8-byte aligned */
};

struct reorder {
	struct rq_item **heap;
	size_t n;
	size_t cap;
	uint64_t order;
	uint64_t last_ts;	/* the latest stamp seen: what an unstamped record is given */
};

/* Queue a copy of record rec (size bytes) under stamp ts. Returns 0 or -ENOMEM. */
int reorder__push(struct reorder *q, const void *rec, size_t size, uint64_t ts);
/* The oldest record if its stamp is at most horizon, else NULL; the caller frees it. */
struct rq_item *reorder__pop(struct reorder *q, uint64_t horizon);
void reorder__free(struct reorder *q);

#endif /* SYSOBS_REORDER_H */
