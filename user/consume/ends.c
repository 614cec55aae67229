// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "consume/ends.h"

#define ENDS_INIT	16

/* Room for one more; false when there is none (the rest stay queued in the kernel). */
static bool ends_room(struct ends *e)
{
	size_t cap = e->cap ? e->cap * 2 : ENDS_INIT;
	struct so_end *v;

	if (e->head == e->n)
		e->head = e->n = 0;
	if (e->n < e->cap)
		return true;
	v = realloc(e->v, cap * sizeof(*v));
	if (!v)
		return false;
	e->v = v;
	e->cap = cap;
	return true;
}

/* Everything the kernel has queued, kept by ring position (CPUs may queue a little out of it). */
static void ends_take(struct ends *e)
{
	struct so_end one;
	size_t i;

	while (ends_room(e) && !e->src.take(e->src.ctx, &one)) {
		e->taken++;
		for (i = e->n; i > e->head && e->v[i - 1].pos > one.pos; i--)
			e->v[i] = e->v[i - 1];
		e->v[i] = one;
		e->n++;
	}
}

const struct so_exit *ends__next(struct ends *e, uint64_t pos)
{
	if (e->src.queued && *e->src.queued != e->taken)
		ends_take(e);
	if (e->head == e->n || e->v[e->head].pos > pos)
		return NULL;
	return &e->v[e->head++].r;
}

void ends__free(struct ends *e)
{
	free(e->v);
	memset(e, 0, sizeof(*e));
}
