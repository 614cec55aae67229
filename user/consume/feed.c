// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Records from the ring (or a recording) to consumer__handle: copied raw for --record, and,
 * once several threads are traced, put in the order the calls returned first (reorder.h).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "consume/consumer.h"

/* Records of several threads go through the reorder queue (reorder.h), batches split into
 * one so_sys per call; the first of a second thread, or a fork, turns it on for good. */
static bool rq_wanted(struct consumer *c, const struct so_hdr *h)
{
	if (c->reorder)
		return true;
	if (!c->first_tid)
		c->first_tid = h->tid;
	c->reorder = h->type == SO_REC_FORK || h->tid != c->first_tid;
	return c->reorder;
}

static int rq_push_batch(struct consumer *c, const struct so_batch *b, size_t size)
{
	struct so_sys r = {};
	uint32_t i;
	int err = 0;

	if (b->n > SO_BATCH || offsetof(struct so_batch, e) + b->n * sizeof(b->e[0]) > size)
		return 0;
	r.h = b->h;
	r.h.type = SO_REC_SYS;
	r.h.size = sizeof(r);
	for (i = 0; i < b->n && !err; i++) {
		const struct so_entry *e = &b->e[i];

		r.h.seq = e->seq;
		r.h.ts_ns = e->ts_ns;
		r.nr = e->nr;
		memcpy(r.args, e->args, sizeof(r.args));
		r.ret = e->ret;
		r.dur_ns = e->dur_ns;
		err = reorder__push(&c->rq, &r, sizeof(r),
				    (r.h.flags & SO_F_TS) ? e->ts_ns : c->rq.last_ts);
	}
	return err;
}

/* One record from the ring (or a recording): handled now, or queued to be put in order. */
int consumer__feed(struct consumer *c, const void *data, size_t size)
{
	const struct so_hdr *h = data;

	if (size < sizeof(*h) || h->size > size || h->size < sizeof(*h) || !rq_wanted(c, h))
		return consumer__handle(c, data, size);
	if (h->type == SO_REC_BATCH)
		return rq_push_batch(c, data, h->size);
	return reorder__push(&c->rq, data, h->size,
			     (h->flags & SO_F_TS) ? h->ts_ns : c->rq.last_ts);
}

/* Handle the queued records stamped at most horizon, oldest first. */
void consumer__release(struct consumer *c, uint64_t horizon)
{
	struct rq_item *it;

	while ((it = reorder__pop(&c->rq, horizon))) {
		consumer__handle(c, it->data, it->size);
		free(it);
	}
}

static int ring_cb(void *ctx, const void *data, size_t size)
{
	struct consumer *c = ctx;

	if (c->raw) {
		static const uint8_t zero[8];
		uint32_t head[2] = { size, 0 };

		outbuf__write(c->raw, head, sizeof(head));
		outbuf__write(c->raw, data, size);
		outbuf__write(c->raw, zero, -size & 7);
	}
	return consumer__feed(c, data, size);
}

void consumer__record_to(struct consumer *c, struct outbuf *raw)
{
	c->raw = raw;
}

int consumer__replay(struct consumer *c, const void *buf, size_t len)
{
	const uint8_t *p = buf, *end = p + len;
	uint32_t n;
	int err;

	while (p + 8 <= end) {
		memcpy(&n, p, sizeof(n));
		p += 8;
		if (n > (size_t)(end - p))
			return -EINVAL;
		err = consumer__feed(c, p, n);
		if (err)
			return err;
		p += (n + 7) & ~7u;	/* records are 8-byte aligned in the file too */
	}
	return 0;
}

int consumer__attach(struct consumer *c, int ring_map_fd, size_t size)
{
	return ring__open(&c->ring, ring_map_fd, size, ring_cb, c);
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

int consumer__poll(struct consumer *c, int timeout_ms)
{
	/* read before the ring: a call that returned REORDER_WINDOW_NS before this is in it */
	uint64_t now = mono_ns();
	int n;

	/* records are submitted without wakeups: the timeout is what brings us back */
	n = ring__poll(&c->ring, timeout_ms);
	if (c->reorder && now > REORDER_WINDOW_NS)
		consumer__release(c, now - REORDER_WINDOW_NS);
	return n;
}

