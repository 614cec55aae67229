// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "decode/names/errno.h"
#include "consume/consumer.h"

enum { SLOT_EMPTY = 0, SLOT_USED, SLOT_DEAD };

struct tstate {
	uint32_t tid;
	uint32_t tgid;
	uint32_t slot;
	uint64_t last_seq;
	struct so_sys *enter;	/* execve's entry record, until its exit arrives */
	size_t enter_cap;
};

#define TAB_INIT	1024

static size_t tab_hash(uint32_t tid, size_t cap)
{
	return (tid * 2654435761u) & (cap - 1);
}

static int tab_grow(struct consumer *c)
{
	size_t ncap = c->tab_cap ? c->tab_cap * 2 : TAB_INIT, i;
	struct tstate *nt = calloc(ncap, sizeof(*nt)), *old = c->tab;

	if (!nt)
		return -ENOMEM;
	for (i = 0; i < c->tab_cap; i++) {
		size_t h;

		if (old[i].slot != SLOT_USED)
			continue;
		h = tab_hash(old[i].tid, ncap);
		while (nt[h].slot)
			h = (h + 1) & (ncap - 1);
		nt[h] = old[i];
	}
	free(old);
	c->tab = nt;
	c->tab_cap = ncap;
	return 0;
}

static struct tstate *tab_get(struct consumer *c, uint32_t tid)
{
	size_t h, dead = SIZE_MAX;

	if ((c->tab_used + 1) * 2 > c->tab_cap && tab_grow(c))
		return NULL;
	h = tab_hash(tid, c->tab_cap);
	while (c->tab[h].slot) {
		if (c->tab[h].slot == SLOT_USED && c->tab[h].tid == tid)
			return &c->tab[h];
		if (c->tab[h].slot == SLOT_DEAD && dead == SIZE_MAX)
			dead = h;
		h = (h + 1) & (c->tab_cap - 1);
	}
	if (dead != SIZE_MAX) {
		h = dead;
		free(c->tab[h].enter);
	} else {
		c->tab_used++;
	}
	memset(&c->tab[h], 0, sizeof(c->tab[h]));
	c->tab[h].tid = tid;
	c->tab[h].slot = SLOT_USED;
	return &c->tab[h];
}

int consumer__init(struct consumer *c, struct decoder *dec, struct sink *sink,
		   const struct consumer_opts *o)
{
	memset(c, 0, sizeof(*c));
	c->dec = dec;
	c->sink = sink;
	c->follow = o->follow;
	c->attach = o->attach;
	c->fixed_prefix = o->fixed_prefix;
	c->status_only = o->status_only;
	return tab_grow(c);
}

static void set_prefix(struct consumer *c)
{
	if (c->sink->prefix != PREFIX_PLAIN && !c->fixed_prefix)
		c->sink->prefix = c->follow && c->live > 1 ? PREFIX_BRACKET : PREFIX_NONE;
}

void consumer__add_task(struct consumer *c, uint32_t tid, uint32_t tgid)
{
	struct tstate *ts;

	if (!c->main_tgid)
		c->main_tgid = tgid;
	ts = tab_get(c, tid);
	if (ts)
		ts->tgid = tgid;
	c->live++;
	set_prefix(c);
}

/* -z / -Z: only calls that returned without an error / with one. */
static bool status_shown(const struct consumer *c, enum call_kind kind, int64_t ret)
{
	if (c->status_only == STATUS_ALL)
		return true;
	if (kind != CALL_DONE)
		return false;
	return ret_is_error(ret) == (c->status_only == STATUS_FAILED);
}

/* An execve that entered and never came back: the thread ended in it. */
static void flush_enter(struct consumer *c, struct tstate *ts)
{
	if (!ts->enter || !ts->enter->h.type)
		return;
	if (status_shown(c, CALL_UNFINISHED, 0)) {
		decoder__call(c->dec, ts->enter, NULL, CALL_UNFINISHED, &c->call);
		c->sink->ops->call(c->sink, &c->call);
		c->calls++;
	}
	ts->enter->h.type = 0;
}

static void on_sys(struct consumer *c, struct tstate *ts, const struct so_sys *r)
{
	const struct so_sys *enter = NULL;
	bool exec_ok = sysent__has(r->nr, SE_EXEC) && r->ret == 0;
	bool show = status_shown(c, CALL_DONE, r->ret);

	if (ts->enter && ts->enter->h.type) {
		if (ts->enter->nr == r->nr)
			enter = ts->enter;
		else
			flush_enter(c, ts);
	}
	if (show || exec_ok)
		decoder__call(c->dec, r, enter, CALL_DONE, &c->call);
	if (show) {
		c->sink->ops->call(c->sink, &c->call);
		c->calls++;
	}
	if (exec_ok)
		c->sink->ops->exec(c->sink, &c->call);
	if (enter)
		ts->enter->h.type = 0;
}

static void on_enter(struct consumer *c, struct tstate *ts, const struct so_sys *r)
{
	flush_enter(c, ts);
	if (ts->enter_cap < r->h.size) {
		void *n = realloc(ts->enter, r->h.size);

		if (!n)
			return;
		ts->enter = n;
		ts->enter_cap = r->h.size;
	}
	memcpy(ts->enter, r, r->h.size);
}

static void exit_report(struct consumer *c, const struct proc_exit *e)
{
	c->sink->ops->proc_exit(c->sink, e);
	if (e->tgid == c->main_tgid)
		c->exit_seen = true;
}

/*
 * A process's end is reported after the end records of all its threads the trace knows: two
 * threads ending together can both be the last (see sched_exit in bpf/sysobs.bpf.c), and
 * "+++ exited with N +++" comes once, after the process's last lines.
 */
static void exit_pending(struct consumer *c, const struct proc_exit *e)
{
	unsigned int i;

	for (i = 0; i < c->npend; i++)
		if (c->pend[i].tgid == e->tgid)
			return;	/* already known: the same status */
	if (c->npend == sizeof(c->pend) / sizeof(c->pend[0]))
		exit_report(c, e);	/* no room to wait: now */
	else
		c->pend[c->npend++] = *e;
}

static bool tgid_has_threads(const struct consumer *c, uint32_t tgid)
{
	size_t i;

	for (i = 0; i < c->tab_cap; i++)
		if (c->tab[i].slot == SLOT_USED && c->tab[i].tgid == tgid)
			return true;
	return false;
}

/* Report the pending end of tgid once none of its threads is left (all: every pending one). */
static void exits_flush(struct consumer *c, uint32_t tgid, bool all)
{
	unsigned int i = 0;

	while (i < c->npend) {
		struct proc_exit *e = &c->pend[i];

		if (!all && (e->tgid != tgid || tgid_has_threads(c, tgid))) {
			i++;
			continue;
		}
		exit_report(c, e);
		c->pend[i] = c->pend[--c->npend];
	}
}

/* A record as received: into the --record file, then handled. */
static int consumer_feed(struct consumer *c, const void *data, size_t size)
{
	if (c->raw) {
		static const uint8_t zero[8];
		uint32_t head[2] = { size, 0 };

		outbuf__write(c->raw, head, sizeof(head));
		outbuf__write(c->raw, data, size);
		outbuf__write(c->raw, zero, -size & 7);
	}
	return consumer__handle(c, data, size);
}

void consumer__flush_exits(struct consumer *c)
{
	const struct so_exit *end;

	while ((end = ends__next(&c->ends, UINT64_MAX)))
		consumer_feed(c, end, sizeof(*end));
	exits_flush(c, 0, true);
}

static void on_exit_rec(struct consumer *c, struct tstate *ts, const struct so_exit *r)
{
	struct proc_exit e = {};

	flush_enter(c, ts);
	if (r->nr >= 0 && status_shown(c, CALL_NORETURN, 0)) {
		decoder__noreturn(c->dec, r, &c->call);
		c->sink->ops->call(c->sink, &c->call);
		c->calls++;
	}
	ts->slot = SLOT_DEAD;
	if (c->live)
		c->live--;
	if (r->group_dead) {
		e.tgid = r->h.tgid;
		e.tid = r->h.tgid;	/* the process's end, shown under its pid as strace does */
		e.has_ts = r->h.flags & SO_F_TS;
		e.ts_ns = r->h.ts_ns;
		e.sig = r->exit_code & 0x7f;
		e.signaled = e.sig != 0;
		e.core = r->exit_code & 0x80;
		e.code = (r->exit_code >> 8) & 0xff;
		exit_pending(c, &e);
	}
	exits_flush(c, r->h.tgid, false);
	set_prefix(c);
}

static void on_fork(struct consumer *c, const struct so_fork *r)
{
	struct tstate *ts = tab_get(c, r->child_tid);

	if (ts) {
		ts->last_seq = 0;
		ts->tgid = r->child_tgid;
	}
	c->live++;
	set_prefix(c);
}

static void on_signal(struct consumer *c, const struct so_signal *r)
{
	struct sig_event e;

	decoder__signal(c->dec, r, &e);
	c->sink->ops->signal(c->sink, &e);
}

/* A gap in a thread's sequence numbers is a loss: say where, and how much. */
static void seq_check(struct consumer *c, struct tstate *ts, const struct so_hdr *h, uint64_t seq)
{
	if (seq > ts->last_seq + 1) {
		uint64_t n = seq - ts->last_seq - 1;

		c->sink->ops->lost(c->sink, h->tgid, h->tid, ts->last_seq + 1, n);
		c->gap_lost += n;
	}
	ts->last_seq = seq;
	ts->tgid = h->tgid;
}

/* A batch: calls without captures, each handled as the record it stands for. */
static void on_batch(struct consumer *c, struct tstate *ts, const struct so_batch *b, size_t size)
{
	struct so_sys r = {};
	uint32_t i, n = b->n;

	if (n > SO_BATCH || offsetof(struct so_batch, e) + n * sizeof(b->e[0]) > size)
		return;
	r.h = b->h;
	r.h.type = SO_REC_SYS;
	r.h.size = sizeof(r);
	for (i = 0; i < n; i++) {
		const struct so_entry *e = &b->e[i];

		c->records++;
		r.h.seq = e->seq;
		r.h.ts_ns = e->ts_ns;
		r.nr = e->nr;
		memcpy(r.args, e->args, sizeof(r.args));
		r.ret = e->ret;
		r.dur_ns = e->dur_ns;
		seq_check(c, ts, &r.h, e->seq);
		on_sys(c, ts, &r);
	}
}

int consumer__handle(struct consumer *c, const void *data, size_t size)
{
	const struct so_hdr *h = data;
	struct tstate *ts;

	if (size < sizeof(*h) || h->size > size || h->size < sizeof(*h))
		return 0;
	size = h->size;	/* the record's own length: what follows it is not its */
	ts = tab_get(c, h->tid);
	if (!ts)
		return -ENOMEM;
	if (h->type == SO_REC_BATCH) {
		if (size >= offsetof(struct so_batch, e))
			on_batch(c, ts, data, size);
		return 0;
	}
	c->records++;
	if (!ts->tgid && c->attach) {
		/* a thread the kernel took in at its first syscall (-f -p, --system-wide) */
		c->live++;
		set_prefix(c);
	}
	seq_check(c, ts, h, h->seq);

	switch (h->type) {
	case SO_REC_SYS:
		if (size >= sizeof(struct so_sys))
			on_sys(c, ts, data);
		break;
	case SO_REC_ENTER:
		if (size >= sizeof(struct so_sys))
			on_enter(c, ts, data);
		break;
	case SO_REC_EXIT:
		if (size >= sizeof(struct so_exit))
			on_exit_rec(c, ts, data);
		break;
	case SO_REC_FORK:
		if (size >= sizeof(struct so_fork))
			on_fork(c, data);
		break;
	case SO_REC_SIGNAL:
		if (size >= sizeof(struct so_signal))
			on_signal(c, data);
		break;
	}
	return 0;
}

int consumer__tids(struct consumer *c, uint32_t *tids, uint32_t *tgids, int max)
{
	size_t i;
	int n = 0;

	for (i = 0; i < c->tab_cap && n < max; i++) {
		if (c->tab[i].slot != SLOT_USED)
			continue;
		tids[n] = c->tab[i].tid;
		tgids[n++] = c->tab[i].tgid;
	}
	return n;
}

uint64_t consumer__records_of(struct consumer *c, uint32_t tid)
{
	struct tstate *ts = tab_get(c, tid);

	return ts ? ts->last_seq : 0;
}

void consumer__show_blocked(struct consumer *c, const struct so_sys *rec)
{
	if (!status_shown(c, CALL_BLOCKED, 0))
		return;
	decoder__call(c->dec, rec, NULL, CALL_BLOCKED, &c->call);
	c->sink->ops->call(c->sink, &c->call);
}

static int ring_cb(void *ctx, const void *data, size_t size)
{
	struct consumer *c = ctx;
	const struct so_exit *end;
	int err;

	/* the ends queued apart that belong before this record (c->ring.cons: its position) */
	while ((end = ends__next(&c->ends, c->ring.cons)))
		if ((err = consumer_feed(c, end, sizeof(*end))))
			return err;
	return consumer_feed(c, data, size);
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
		err = consumer__handle(c, p, n);
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

int consumer__poll(struct consumer *c, int timeout_ms)
{
	/* records are submitted without wakeups: the timeout is what brings us back */
	return ring__poll(&c->ring, timeout_ms);
}

void consumer__free(struct consumer *c)
{
	size_t i;

	if (c->ring.consumer)
		ring__close(&c->ring);
	for (i = 0; i < c->tab_cap; i++)
		free(c->tab[i].enter);
	free(c->tab);
	c->tab = NULL;
	ends__free(&c->ends);
}
