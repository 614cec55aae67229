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

/* One record from the ring (or a recording): handled now, or queued to be put in order. */
int consumer__feed(struct consumer *c, const void *data, size_t size)
{
	const struct so_hdr *h = data;

	if (size < sizeof(*h) || h->size > size || h->size < sizeof(*h) || !rq_wanted(c, h))
		return consumer__handle(c, data, size);
	return reorder__push(&c->rq, data, h->size);
}

/* Handle the queued records stamped at most horizon, oldest first. */
void consumer__release(struct consumer *c, uint64_t horizon)
{
	struct so_sys call;
	const void *rec;
	size_t size;

	while ((rec = reorder__pop(&c->rq, horizon, &call, &size)))
		consumer__handle(c, rec, size);
}

/* A record as received: into the --record file, then handled or queued. */
static int feed_raw(struct consumer *c, const void *data, size_t size)
{
	if (c->raw) {
		static const uint8_t zero[8];
		uint32_t head[2] = { size, 0 };

		outbuf__write(c->raw, head, sizeof(head));
		outbuf__write(c->raw, data, size);
		outbuf__write(c->raw, zero, -size & 7);
	}
	return consumer__feed(c, data, size);
}

static int ring_cb(void *ctx, const void *data, size_t size)
{
	struct consumer *c = ctx;
	const struct so_exit *end;
	int err;

	/* the ends queued apart that belong before this record (c->ring.cons: its position) */
	while ((end = ends__next(&c->ends, c->ring.cons)))
		if ((err = feed_raw(c, end, sizeof(*end))))
			return err;
	return feed_raw(c, data, size);
}

void consumer__feed_rest(struct consumer *c)
{
	const struct so_exit *end;

	while ((end = ends__next(&c->ends, UINT64_MAX)))
		feed_raw(c, end, sizeof(*end));
	consumer__release(c, UINT64_MAX);
}

void consumer__ends_from(struct consumer *c, struct ends_source src)
{
	c->ends.src = src;
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

void consumer__wake_on(struct consumer *c, int fd)
{
	ring__wake_on(&c->ring, fd);
}

bool consumer__queued(const struct consumer *c, uint32_t tid)
{
	return c->reorder && reorder__has(&c->rq, tid);
}
