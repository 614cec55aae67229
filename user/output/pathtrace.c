// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -P PATH: only the calls that touch PATH (pathtrace.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "output/pathtrace.h"

static void add(struct pathtrace *pt, const char *p, bool owned)
{
	unsigned int i;

	for (i = 0; i < pt->n; i++) {
		if (!strcmp(pt->path[i], p)) {
			if (owned)
				free((char *)p);
			return;
		}
	}
	if (pt->n == PATHTRACE_MAX)
		return;
	pt->path[pt->n] = p;
	pt->len[pt->n] = strlen(p);
	pt->owned[pt->n++] = owned;
}

static bool is_path(const struct pathtrace *pt, const char *p, size_t n)
{
	unsigned int i;

	for (i = 0; i < pt->n; i++)
		if (pt->len[i] == n && !memcmp(pt->path[i], p, n))
			return true;
	return false;
}

/* A path argument read whole, or an fd argument with a known file, names one of the paths. */
static bool touches(const struct pathtrace *pt, const struct call *c)
{
	unsigned int i;

	if (!c->ent)
		return false;
	for (i = 0; i < c->nargs && i < SYSENT_MAX_ARGS; i++) {
		const struct darg *a = &c->arg[i];

		if (a->fdpath && is_path(pt, a->fdpath, a->fdpath_len))
			return true;
		if (c->ent->args[i].kind == AK_PATH && a->cap && a->data &&
		    !(a->cap->flags & (SO_CAP_FAULT | SO_CAP_TRUNC)) &&
		    is_path(pt, (const char *)a->data, strnlen((const char *)a->data, a->cap->len)))
			return true;
	}
	return false;
}

/* The consumer may set the prefix on the sink it holds: the real sink must see it. */
static struct sink *inner_of(struct sink *s)
{
	struct pathtrace *pt = (struct pathtrace *)s;

	pt->inner->prefix = s->prefix;
	return pt->inner;
}

static void pt_call(struct sink *s, const struct call *c)
{
	struct sink *in = inner_of(s);

	if (touches((struct pathtrace *)s, c))
		in->ops->call(in, c);
}

static void pt_exec(struct sink *s, const struct call *c)
{
	struct sink *in = inner_of(s);

	in->ops->exec(in, c);
}

static void pt_proc_exit(struct sink *s, const struct proc_exit *e)
{
	struct sink *in = inner_of(s);

	in->ops->proc_exit(in, e);
}

static void pt_signal(struct sink *s, const struct sig_event *e)
{
	struct sink *in = inner_of(s);

	in->ops->signal(in, e);
}

static void pt_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		    uint64_t count)
{
	struct sink *in = inner_of(s);

	in->ops->lost(in, tgid, tid, from_seq, count);
}

static void pt_finish(struct sink *s, const struct run_totals *t)
{
	struct sink *in = inner_of(s);

	in->ops->finish(in, t);
}

static const struct sink_ops pathtrace_sink_ops = {
	.call = pt_call,
	.exec = pt_exec,
	.proc_exit = pt_proc_exit,
	.signal = pt_signal,
	.lost = pt_lost,
	.finish = pt_finish,
};

void pathtrace__start(struct pathtrace *pt, struct sink *inner, const char *const *paths,
		      unsigned int npaths)
{
	unsigned int i;
	char *real;

	memset(pt, 0, sizeof(*pt));
	pt->inner = inner;
	pt->sink = *inner;
	pt->sink.ops = &pathtrace_sink_ops;
	for (i = 0; i < npaths; i++) {
		add(pt, paths[i], false);
		/* as strace: a symlink or a relative path stands for the file it resolves to too */
		real = realpath(paths[i], NULL);
		if (real)
			add(pt, real, true);
	}
}

void pathtrace__free(struct pathtrace *pt)
{
	unsigned int i;

	for (i = 0; i < pt->n; i++)
		if (pt->owned[i])
			free((char *)pt->path[i]);
	pt->n = 0;
}
