// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The sink that shows events to observers too (tee.h). */
#include "output/tee.h"

/* The consumer may set the prefix on the sink it holds: the real sink must see it. */
static struct sink *inner_of(struct sink *s)
{
	struct tee *t = (struct tee *)s;

	t->inner->prefix = s->prefix;
	return t->inner;
}

#define EACH_OBSERVER(s, fn, ...)                                                             \
	do {                                                                                  \
		struct tee *t_ = (struct tee *)(s);                                           \
		unsigned int i_;                                                              \
                                                                                              \
		for (i_ = 0; i_ < t_->n; i_++)                                                \
			if (t_->obs[i_]->fn)                                                  \
				t_->obs[i_]->fn(t_->obs[i_], __VA_ARGS__);                    \
	} while (0)

static void tee_call(struct sink *s, const struct call *c)
{
	struct sink *in = inner_of(s);

	in->ops->call(in, c);
	EACH_OBSERVER(s, call, c);
}

static void tee_exec(struct sink *s, const struct call *c)
{
	struct sink *in = inner_of(s);

	in->ops->exec(in, c);
}

static void tee_proc_exit(struct sink *s, const struct proc_exit *e)
{
	struct sink *in = inner_of(s);

	in->ops->proc_exit(in, e);
	EACH_OBSERVER(s, proc_exit, e);
}

static void tee_signal(struct sink *s, const struct sig_event *e)
{
	struct sink *in = inner_of(s);

	in->ops->signal(in, e);
	EACH_OBSERVER(s, signal, e);
}

static void tee_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		     uint64_t count)
{
	struct sink *in = inner_of(s);

	in->ops->lost(in, tgid, tid, from_seq, count);
	EACH_OBSERVER(s, lost, count);
}

static void tee_finish(struct sink *s, const struct run_totals *t)
{
	struct sink *in = inner_of(s);

	in->ops->finish(in, t);
}

static const struct sink_ops tee_sink_ops = {
	.call = tee_call,
	.exec = tee_exec,
	.proc_exit = tee_proc_exit,
	.signal = tee_signal,
	.lost = tee_lost,
	.finish = tee_finish,
};

void tee__start(struct tee *t, struct sink *inner)
{
	t->inner = inner;
	t->sink = *inner;
	t->sink.ops = &tee_sink_ops;
	t->n = 0;
}

void tee__add(struct tee *t, struct observer *o)
{
	if (t->n < TEE_MAX)
		t->obs[t->n++] = o;
}
