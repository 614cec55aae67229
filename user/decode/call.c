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

bool call__unabbreviated(const struct decoder *d, const struct call *c)
{
	return d->opts.abbrev_set && c->nr >= 0 && c->nr < SO_NR_SLOTS &&
	       !(d->opts.abbrev_set[c->nr / 64] >> (c->nr % 64) & 1);
}

bool call__verbose(const struct decoder *d, const struct call *c)
{
	return !d->opts.verbose_set || (c->nr >= 0 && c->nr < SO_NR_SLOTS &&
					(d->opts.verbose_set[c->nr / 64] >> (c->nr % 64) & 1));
}

const void *dec_struct(const struct darg *a, size_t size)
{
	if (!a->cap || (a->cap->flags & SO_CAP_FAULT) || a->cap->len < size)
		return NULL;
	return a->data;
}

/*
 * Arguments the call writes that the signature table does not mark as outputs (a plain pointer
 * such as wait4's status): strace prints up to them when the call starts. Names are the table's.
 */
static const struct {
	const char *name;
	unsigned int first_out;
} entry_split[] = {
	{ "wait4", 1 },
	{ "waitid", 2 },
	{ "pipe", 0 },
	{ "pipe2", 0 },
	{ "rt_sigtimedwait", 1 },
	{ "epoll_pwait", 1 },
	{ "epoll_pwait2", 1 },
	{ "getrandom", 0 },
};

unsigned int call__entry_nargs(const struct call *c, bool *outputs)
{
	unsigned int i;

	*outputs = false;
	if (!c->ent)
		return c->nargs;
	for (i = 0; i < sizeof(entry_split) / sizeof(entry_split[0]); i++) {
		if (!strcmp(c->name, entry_split[i].name)) {
			*outputs = entry_split[i].first_out < c->nargs;
			return *outputs ? entry_split[i].first_out : c->nargs;
		}
	}
	for (i = 0; i < c->nargs && i < SO_MAX_ARGS; i++) {
		uint8_t k = c->ent->args[i].kind;

		if (k == AK_BUF_OUT || k == AK_STRUCT_OUT) {
			*outputs = true;
			return i;
		}
	}
	return c->nargs;
}
