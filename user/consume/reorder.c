// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Per-thread FIFOs merged by stamp: see reorder.h. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>
#include "sysobs.h"
#include "consume/reorder.h"

#define STREAMS_INIT	64

static size_t tid_hash(uint32_t tid, size_t cap)
{
	return (tid * 2654435761u) & (cap - 1);
}

static int streams_grow(struct reorder *q)
{
	size_t ncap = q->scap ? q->scap * 2 : STREAMS_INIT, i, h;
	struct rq_stream *ns = calloc(ncap, sizeof(*ns));

	if (!ns)
		return -ENOMEM;
	for (i = 0; i < q->scap; i++) {
		if (!q->s[i].tid)
			continue;
		h = tid_hash(q->s[i].tid, ncap);
		while (ns[h].tid)
			h = (h + 1) & (ncap - 1);
		ns[h] = q->s[i];
		if (ns[h].active)
			q->active[ns[h].active - 1] = h;
	}
	free(q->s);
	q->s = ns;
	q->scap = ncap;
	return 0;
}

static struct rq_stream *stream_of(struct reorder *q, uint32_t tid)
{
	size_t h;

	if ((q->sused + 1) * 2 > q->scap && streams_grow(q))
		return NULL;
	h = tid_hash(tid, q->scap);
	while (q->s[h].tid && q->s[h].tid != tid)
		h = (h + 1) & (q->scap - 1);
	if (!q->s[h].tid) {
		q->s[h].tid = tid;
		q->sused++;
	}
	return &q->s[h];
}

bool reorder__has(const struct reorder *q, uint32_t tid)
{
	size_t h;

	if (!q->items)
		return false;
	h = tid_hash(tid, q->scap);
	while (q->s[h].tid && q->s[h].tid != tid)
		h = (h + 1) & (q->scap - 1);
	return q->s[h].tid == tid && q->s[h].n;
}

static int stream_put(struct reorder *q, struct rq_stream *s, struct rq_item *it)
{
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 64, i;
		struct rq_item **nf = malloc(ncap * sizeof(*nf));

		if (!nf)
			return -ENOMEM;
		for (i = 0; i < s->n; i++)
			nf[i] = s->fifo[(s->head + i) % s->cap];
		free(s->fifo);
		s->fifo = nf;
		s->head = 0;
		s->cap = ncap;
	}
	if (!s->n) {
		if (q->nactive == q->acap) {
			size_t ncap = q->acap ? q->acap * 2 : 64;
			uint32_t *na = realloc(q->active, ncap * sizeof(*na));

			if (!na)
				return -ENOMEM;
			q->active = na;
			q->acap = ncap;
		}
		q->active[q->nactive++] = s - q->s;
		s->active = q->nactive;
	}
	s->fifo[(s->head + s->n++) % s->cap] = it;
	q->items++;
	return 0;
}

/* A batch item holds calls 0..n-1 whole: n within SO_BATCH and within the record's size
 * (a recording may claim more than it holds). */
static bool batch_whole(const struct rq_item *it)
{
	const struct so_batch *b = (const void *)it->data;

	return it->size >= offsetof(struct so_batch, e) && b->n <= (uint32_t)SO_BATCH &&
	       offsetof(struct so_batch, e) + b->n * sizeof(b->e[0]) <= it->size;
}

int reorder__push(struct reorder *q, const void *rec, size_t size)
{
	const struct so_hdr *h = rec;
	struct rq_stream *s = stream_of(q, h->tid ? h->tid : ~0u);
	struct rq_item *it;

	if (!s)
		return -ENOMEM;
	it = malloc(sizeof(*it) + size);
	if (!it)
		return -ENOMEM;
	it->order = q->order++;
	it->size = size;
	it->next = 0;
	memcpy(it->data, rec, size);
	if (h->flags & SO_F_TS) {
		const struct so_batch *b = rec;
		uint64_t ts = h->ts_ns;

		if (h->type == SO_REC_BATCH && batch_whole(it) && b->n)
			ts = b->e[b->n - 1].ts_ns;	/* its last call */

		if (ts > q->last_ts)
			q->last_ts = ts;
	}
	it->ts = q->last_ts;
	if (stream_put(q, s, it)) {
		free(it);
		return -ENOMEM;
	}
	return 0;
}

/* The stamp the item's next record or call is ordered by. */
static uint64_t item_ts(const struct rq_item *it)
{
	const struct so_batch *b = (const void *)it->data;

	if (!(b->h.flags & SO_F_TS))
		return it->ts;
	if (b->h.type == SO_REC_BATCH)
		return batch_whole(it) && it->next < b->n ? b->e[it->next].ts_ns : it->ts;
	return b->h.ts_ns;
}

static bool before(const struct rq_item *a, const struct rq_item *b)
{
	uint64_t ta = item_ts(a), tb = item_ts(b);

	return ta < tb || (ta == tb && a->order < b->order);
}

/* Take the stream's head item off; it is returned (not freed). */
static struct rq_item *stream_take(struct reorder *q, struct rq_stream *s)
{
	struct rq_item *it = s->fifo[s->head];
	size_t a;

	s->head = (s->head + 1) % s->cap;
	s->n--;
	q->items--;
	if (s->n)
		return it;
	a = s->active - 1;
	q->active[a] = q->active[--q->nactive];
	if (a < q->nactive)
		q->s[q->active[a]].active = a + 1;
	s->active = 0;
	return it;
}

/* With nothing queued, forget the threads seen (a system-wide trace sees many come and go). */
static void streams_reset(struct reorder *q)
{
	size_t i;

	for (i = 0; i < q->scap; i++)
		free(q->s[i].fifo);
	memset(q->s, 0, q->scap * sizeof(*q->s));
	q->sused = 0;
}

/* A batch's call i as the so_sys it stands for. */
static void batch_call(const struct so_batch *b, uint32_t i, struct so_sys *r)
{
	const struct so_entry *e = &b->e[i];

	memset(r, 0, sizeof(*r));
	r->h = b->h;
	r->h.type = SO_REC_SYS;
	r->h.size = sizeof(*r);
	r->h.seq = e->seq;
	r->h.ts_ns = e->ts_ns;
	r->nr = e->nr;
	memcpy(r->args, e->args, sizeof(r->args));
	r->ret = e->ret;
	r->dur_ns = e->dur_ns;
}

const void *reorder__pop(struct reorder *q, uint64_t horizon, void *buf, size_t *size)
{
	struct rq_stream *best = NULL, *s;
	const struct so_batch *b;
	struct rq_item *it;
	size_t i;

	/* the previous pop's record, handled by now */
	free(q->done);
	q->done = NULL;
	if (!q->items && q->sused > STREAMS_INIT)
		streams_reset(q);
	for (i = 0; i < q->nactive; i++) {
		s = &q->s[q->active[i]];
		if (!best || before(s->fifo[s->head], best->fifo[best->head]))
			best = s;
	}
	if (!best || item_ts(best->fifo[best->head]) > horizon)
		return NULL;
	it = best->fifo[best->head];
	b = (const void *)it->data;
	if (b->h.type != SO_REC_BATCH) {
		q->done = stream_take(q, best);
		*size = it->size;
		return it->data;
	}
	if (!batch_whole(it) || it->next >= b->n) {
		q->done = stream_take(q, best);	/* an empty or cut batch */
		return reorder__pop(q, horizon, buf, size);
	}
	batch_call(b, it->next++, buf);
	*size = sizeof(struct so_sys);
	if (it->next >= b->n)
		q->done = stream_take(q, best);
	return buf;
}

void reorder__free(struct reorder *q)
{
	size_t i;

	free(q->done);
	for (i = 0; i < q->scap; i++) {
		while (q->s[i].n)
			free(stream_take(q, &q->s[i]));
		free(q->s[i].fifo);
	}
	free(q->s);
	free(q->active);
	memset(q, 0, sizeof(*q));
}
