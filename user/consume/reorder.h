/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The order of lines across threads. The kernel sends each thread's calls in batches (flushed
 * when full, at a context switch, at the scheduler tick), so the ring holds each thread's
 * records in order but those of different threads only roughly so. Once several threads are
 * traced every call carries its own stamp (stamp_all in bpf/maps.bpf.h), and the records wait
 * here until they are older than REORDER_WINDOW_NS: by then every call that returned before
 * them is in the ring (a batch waits at most one tick), and they come out in the order the
 * calls returned.
 *
 * Each thread's records are already in order: they wait in one FIFO per thread (a batch as one
 * item, its calls taken one by one), and the oldest head of the FIFOs with records is taken
 * next; equal stamps keep the ring's order.
 */
#ifndef SYSOBS_REORDER_H
#define SYSOBS_REORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How long a record waits for the records of other threads that returned before it. */
#define REORDER_WINDOW_NS	(50 * 1000 * 1000ull)

struct rq_item {
	uint64_t order;		/* arrival */
	uint64_t ts;		/* stamp of an unstamped record: the latest seen before it */
	uint32_t size;
	uint32_t next;		/* batch: the next call to take */
	uint64_t data[];	/* the record as it came, 8-byte aligned */
};

struct rq_stream {
	uint32_t tid;
	uint32_t active;	/* index in active[] + 1, 0 when empty */
	struct rq_item **fifo;	/* circular */
	size_t head, n, cap;
};

struct reorder {
	struct rq_stream *s;	/* open addressing on tid */
	size_t scap, sused;
	uint32_t *active;	/* streams with records */
	size_t nactive, acap;
	uint64_t order;
	uint64_t last_ts;	/* the latest stamp seen */
	size_t items;
	struct rq_item *done;	/* the record the last pop gave, freed at the next */
};

/* Queue a copy of record rec (size bytes). Returns 0 or -ENOMEM. */
int reorder__push(struct reorder *q, const void *rec, size_t size);
/*
 * The oldest call or record if stamped at most horizon, else NULL: a record to handle, in buf
 * (a batch's call, as the so_sys it stands for) or in the queue (valid until the next call).
 * *size is its size.
 */
const void *reorder__pop(struct reorder *q, uint64_t horizon, void *buf, size_t *size);
/* Records of thread tid are waiting. */
bool reorder__has(const struct reorder *q, uint32_t tid);
void reorder__free(struct reorder *q);

#endif /* SYSOBS_REORDER_H */
