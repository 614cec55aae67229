// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The decoded call's text arena: builders over its free part, texts given to arguments. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "decode/call.h"

#define ARENA_SIZE	(256 * 1024)

int decoder__init(struct decoder *d, const struct decode_opts *opts)
{
	memset(d, 0, sizeof(*d));
	d->opts = *opts;
	d->arena_cap = ARENA_SIZE;
	d->arena = malloc(d->arena_cap);
	return d->arena ? 0 : -ENOMEM;
}

void decoder__free(struct decoder *d)
{
	free(d->arena);
	d->arena = NULL;
}


struct sb dec_begin(struct decoder *d)
{
	struct sb b = {
		.p = d->arena + d->arena_len,
		.cap = d->arena_cap - d->arena_len,
	};

	return b;
}

void dec_end(struct decoder *d, struct darg *a, struct sb *b)
{
	a->text = b->p;
	a->len = b->len;
	d->arena_len += b->len;
}

void dec_end_ret(struct decoder *d, struct call *c, struct sb *b)
{
	c->rettext = b->p;
	c->retlen = b->len;
	d->arena_len += b->len;
}

const void *dec_struct(const struct darg *a, size_t size)
{
	if (!a->cap || (a->cap->flags & SO_CAP_FAULT) || a->cap->len < size)
		return NULL;
	return a->data;
}
