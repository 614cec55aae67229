// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A binary min-heap of records keyed by (stamp, arrival): see reorder.h. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "consume/reorder.h"

static bool before(const struct rq_item *a, const struct rq_item *b)
{
	return a->ts < b->ts || (a->ts == b->ts && a->order < b->order);
}

static void swap(struct rq_item **h, size_t i, size_t j)
{
	struct rq_item *t = h[i];

	h[i] = h[j];
	h[j] = t;
}

int reorder__push(struct reorder *q, const void *rec, size_t size, uint64_t ts)
{
	struct rq_item *it;
	size_t i;

	if (q->n == q->cap) {
		size_t ncap = q->cap ? q->cap * 2 : 1024;
		struct rq_item **nh = realloc(q->heap, ncap * sizeof(*nh));

		if (!nh)
			return -ENOMEM;
		q->heap = nh;
		q->cap = ncap;
	}
	it = malloc(sizeof(*it) + size);
	if (!it)
		return -ENOMEM;
	it->ts = ts;
	it->order = q->order++;
	it->size = size;
	memcpy(it->data, rec, size);
	if (ts > q->last_ts)
		q->last_ts = ts;
	i = q->n++;
	q->heap[i] = it;
	while (i && before(q->heap[i], q->heap[(i - 1) / 2])) {
		swap(q->heap, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
	return 0;
}

struct rq_item *reorder__pop(struct reorder *q, uint64_t horizon)
{
	struct rq_item *top;
	size_t i = 0;

	if (!q->n || q->heap[0]->ts > horizon)
		return NULL;
	top = q->heap[0];
	q->heap[0] = q->heap[--q->n];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < q->n && before(q->heap[l], q->heap[m]))
			m = l;
		if (r < q->n && before(q->heap[r], q->heap[m]))
			m = r;
		if (m == i)
			break;
		swap(q->heap, i, m);
		i = m;
	}
	return top;
}

void reorder__free(struct reorder *q)
{
	while (q->n)
		free(q->heap[--q->n]);
	free(q->heap);
	memset(q, 0, sizeof(*q));
}
