// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "decode/names/errno.h"
#include "decode/fdpath.h"
#include "output/comm.h"
#include "decode/stack.h"
#include "consume/consumer.h"

enum { SLOT_EMPTY = 0, SLOT_USED, SLOT_DEAD };

struct tstate {
	uint32_t tid;
	uint32_t tgid;
	uint32_t slot;
	uint64_t last_seq;
	struct so_sys *enter;	/* execve's entry record, until its exit arrives */
	size_t enter_cap;
	struct so_sys *held;	/* a call that returned ERESTART*: did the program see it? */
	size_t held_cap;
	bool open;		/* an "<unfinished ..." line of call open_nr was shown */
	long open_nr;
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
		free(c->tab[h].held);
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
	c->tampered = o->tampered;
	c->tampered_ctx = o->tampered_ctx;
	c->status = STATUS_ALL & ~o->status_hidden;
	c->shown = o->shown;
	c->decode_all = o->decode_all;
	return tab_grow(c);
}

static void set_prefix(struct consumer *c)
{
	unsigned int n = c->live - c->fork_deferred;

	if (c->sink->prefix != PREFIX_PLAIN && !c->fixed_prefix)
		c->sink->prefix = c->follow && n > 1 ? PREFIX_BRACKET : PREFIX_NONE;
}

/*
 * strace decides a line's prefix when the call starts: the parent's clone/fork line, begun
 * before the child existed, has none if the parent was alone. A new child counts for the
 * prefix from the parent's next line on, or from the first line of another thread.
 */
static void fork_settle(struct consumer *c, uint32_t tid)
{
	if (c->fork_deferred && tid != c->fork_parent) {
		c->fork_deferred = 0;
		set_prefix(c);
	}
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

/* -e status=, -z, -Z: is a call that ended so shown? A blocked one only when all are. */
static bool status_shown(const struct consumer *c, long nr, enum call_kind kind, int64_t ret)
{
	/* -k: the kernel also sends the calls that tell where files are mapped */
	if (c->shown && (nr < 0 || nr >= SO_NR_SLOTS || !(c->shown[nr / 64] >> (nr % 64) & 1)))
		return false;
	if (c->status == STATUS_ALL)
		return true;
	if (kind == CALL_NORETURN || kind == CALL_UNFINISHED)
		return c->status & STATUS_UNFINISHED;
	if (kind != CALL_DONE)
		return false;
	return c->status & (ret_is_error(ret) ? STATUS_FAILED : STATUS_SUCCESSFUL);
}

/* A copy of record r in *buf (grown to fit); false when there is no memory. */
static bool rec_keep(struct so_sys **buf, size_t *cap, const struct so_sys *r)
{
	if (*cap < r->h.size) {
		void *n = realloc(*buf, r->h.size);

		if (!n)
			return false;
		*buf = n;
		*cap = r->h.size;
	}
	memcpy(*buf, r, r->h.size);
	return true;
}

static void show_call(struct consumer *c, struct tstate *ts);

/*
 * A line of thread tid is about to be printed: the execve another thread is in (entered, not
 * returned) is shown first as strace shows it, "execve(... <unfinished ...>", and its return
 * later as "<... execve resumed>) = 0".
 */
static void before_line(struct consumer *c, uint32_t tid)
{
	size_t i;

	if (!c->enters_open)
		return;
	for (i = 0; i < c->tab_cap && c->enters_open; i++) {
		struct tstate *o = &c->tab[i];

		if (o->slot != SLOT_USED || o->tid == tid || !o->enter || !o->enter->h.type ||
		    o->open)
			continue;
		c->enters_open--;
		if (!status_shown(c, o->enter->nr, CALL_BLOCKED, 0))
			continue;
		decoder__call(c->dec, o->enter, NULL, CALL_BLOCKED, &c->call);
		show_call(c, o);
	}
}

/* Print c->call, the call of ts; remember an open one. before_line came first: it decodes. */
static void show_call(struct consumer *c, struct tstate *ts)
{
	struct call *k = &c->call;

	if (ts && ts->open && k->kind != CALL_BLOCKED && ts->open_nr == k->nr)
		k->resumed = true;
	k->tampered = c->tampered && k->kind == CALL_DONE ?
		      c->tampered(c->tampered_ctx, k->tid, k->nr, k->ret) : 0;
	c->sink->ops->call(c->sink, k);
	if (k->kind != CALL_BLOCKED)
		c->calls++;
	if (ts) {
		ts->open = k->kind == CALL_BLOCKED;
		ts->open_nr = k->nr;
	}
}

static void enter_drop(struct consumer *c, struct tstate *ts)
{
	if (!ts->open && c->enters_open)
		c->enters_open--;
	ts->enter->h.type = 0;
}

/* An execve that entered and never came back: the thread ended in it. */
static void flush_enter(struct consumer *c, struct tstate *ts)
{
	if (!ts->enter || !ts->enter->h.type)
		return;
	if (status_shown(c, ts->enter->nr, CALL_UNFINISHED, 0)) {
		decoder__call(c->dec, ts->enter, NULL, CALL_UNFINISHED, &c->call);
		show_call(c, ts);
	}
	enter_drop(c, ts);
}

/* A thread's call that returned ERESTART*: the kernel restarts it, or fails it with EINTR, when
 * the thread goes back to user space; a thread that ends instead (killed, exit_group, another
 * thread's execve) never returned from it: "= ?", as strace. Its next record tells. */
static void held_flush(struct consumer *c, struct tstate *ts, bool ended)
{
	if (!ts->held || !ts->held->h.type)
		return;
	ts->held->h.type = 0;
	if (status_shown(c, ts->held->nr, ended ? CALL_UNFINISHED : CALL_DONE, ts->held->ret)) {
		decoder__call(c->dec, ts->held, NULL, ended ? CALL_UNFINISHED : CALL_DONE,
			      &c->call);
		show_call(c, ts);
	}
}

/* A successful execve by thread ts, a thread other than the leader: the leader's end shows as
 * strace shows it, and the thread goes on under the leader's pid, its sequence and its execve's
 * entry with it. */
static struct tstate *exec_takeover(struct consumer *c, struct tstate *ts)
{
	struct proc_exit e = { .tgid = ts->tgid, .tid = ts->tgid, .exec_tid = ts->tid };
	uint32_t tid = ts->tid;
	struct tstate *lt, old;

	before_line(c, e.tgid);
	c->sink->ops->proc_exit(c->sink, &e);
	lt = tab_get(c, e.tgid);
	ts = tab_get(c, tid);	/* tab_get may have moved the table */
	if (!lt || !ts)
		return ts;
	old = *lt;
	*lt = *ts;
	lt->tid = e.tgid;
	/* the leader's own buffers (it ended) go with the dead slot */
	ts->enter = old.enter;
	ts->enter_cap = old.enter_cap;
	ts->held = old.held;
	ts->held_cap = old.held_cap;
	ts->slot = SLOT_DEAD;
	return lt;
}

static void on_sys(struct consumer *c, struct tstate *ts, const struct so_sys *r)
{
	const struct so_sys *enter = NULL;
	bool exec_ok = sysent__has(r->nr, SE_EXEC) && r->ret == 0;
	bool show = status_shown(c, r->nr, CALL_DONE, r->ret);

	if (ret_is_error(r->ret) && errno__is_restart(-r->ret) &&
	    rec_keep(&ts->held, &ts->held_cap, r))
		return;	/* held_flush shows it */
	if (exec_ok && r->h.tid != r->h.tgid) {
		ts = exec_takeover(c, ts);
		if (!ts)
			return;
	}
	if (ts->enter && ts->enter->h.type) {
		if (ts->enter->nr == r->nr)
			enter = ts->enter;
		else
			flush_enter(c, ts);
	}
	if (show || exec_ok || c->decode_all) {
		decoder__call(c->dec, r, enter, CALL_DONE, &c->call);
		c->call.tid = ts->tid;
	}
	if (enter)
		enter_drop(c, ts);
	if (show)
		show_call(c, ts);
	else if (c->tampered)	/* -e inject=: a call not shown still takes its mark */
		c->tampered(c->tampered_ctx, r->h.tid, r->nr, r->ret);
	if (exec_ok)
		c->sink->ops->exec(c->sink, &c->call);
	if (c->fork_deferred && r->h.tid == c->fork_parent) {
		/* the parent's clone line had its prefix: the child counts from now on */
		c->fork_deferred = 0;
		set_prefix(c);
	}
}

static void on_enter(struct consumer *c, struct tstate *ts, const struct so_sys *r)
{
	flush_enter(c, ts);
	if (rec_keep(&ts->enter, &ts->enter_cap, r))
		c->enters_open++;
}

static void exit_report(struct consumer *c, const struct proc_exit *e)
{
	before_line(c, e->tid);
	c->sink->ops->proc_exit(c->sink, e);
	if (e->tgid == c->main_tgid)
		c->exit_seen = true;
	if (c->live)
		c->live--;	/* its leader */
	set_prefix(c);
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

void consumer__flush_exits(struct consumer *c)
{
	consumer__feed_rest(c);
	exits_flush(c, 0, true);
}

/* What a thread's end record says of its end, as the process's end would be shown. */
static void exit_decode(const struct so_exit *r, struct proc_exit *e)
{
	memset(e, 0, sizeof(*e));
	e->tgid = r->h.tgid;
	e->tid = r->h.tid;
	e->has_ts = r->h.flags & SO_F_TS;
	e->ts_ns = r->h.ts_ns;
	e->sig = r->exit_code & 0x7f;
	e->signaled = e->sig != 0;
	e->core = r->exit_code & 0x80;
	e->code = (r->exit_code >> 8) & 0xff;
}

/* -b execve: the thread is let go in its execve: "execve(... <detached ...>", as strace, and
 * nothing more of it (no "+++" line) */
static void on_detach(struct consumer *c, struct tstate *ts)
{
	held_flush(c, ts, false);
	if (ts->enter && ts->enter->h.type) {
		/* shown "<unfinished ...>" already (another thread's line came between): done */
		if (!ts->open && (c->status & STATUS_DETACHED)) {
			decoder__call(c->dec, ts->enter, NULL, CALL_DETACHED, &c->call);
			show_call(c, ts);
		}
		enter_drop(c, ts);
	}
	ts->slot = SLOT_DEAD;
	if (ts->tgid == c->main_tgid && ts->tid == ts->tgid)
		c->exit_seen = true;	/* its end is not ours to show */
	if (c->live)
		c->live--;
	set_prefix(c);
}

static void on_exit_rec(struct consumer *c, struct tstate *ts, const struct so_exit *r)
{
	struct proc_exit e;

	if (r->group_dead & SO_EXIT_DETACHED) {
		on_detach(c, ts);
		return;
	}
	held_flush(c, ts, true);
	flush_enter(c, ts);
	if (r->nr >= 0 && status_shown(c, r->nr, CALL_NORETURN, 0)) {
		decoder__noreturn(c->dec, r, &c->call);
		show_call(c, ts);
	}
	ts->slot = SLOT_DEAD;
	exit_decode(r, &e);
	if (r->h.tid != r->h.tgid) {
		/* strace -f: "+++ exited with N +++" for every thread; the leader's is the
		 * process's, shown once the process has gone */
		c->sink->ops->proc_exit(c->sink, &e);
	}
	/* the prefix as strace's: a thread counts until its "+++" line, a leader until its
	 * process's (or until another thread's execve replaced it) */
	if (c->live && (r->h.tid != r->h.tgid || (r->group_dead & SO_EXIT_BY_EXEC)))
		c->live--;
	set_prefix(c);
	if (r->group_dead & SO_EXIT_GROUP_DEAD) {
		e.tid = r->h.tgid;	/* the process's end, shown under its pid as strace does */
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
	comm__fork(r->h.tgid, r->h.tid, r->child_tgid, r->child_tid);
	if (c->dec->opts.fd_paths || c->dec->opts.fd_track)
		fdpath__fork(r->h.tgid, r->child_tgid);
	if (c->decode_all && r->child_tgid != r->h.tgid)
		stack__fork(r->h.tgid, r->child_tgid);	/* -k */
	fork_settle(c, r->h.tid);
	c->live++;
	c->fork_parent = r->h.tid;
	c->fork_deferred++;
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
		before_line(c, h->tid);
		fork_settle(c, h->tid);
		held_flush(c, ts, false);
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
	before_line(c, h->tid);
	if (h->type != SO_REC_FORK)
		fork_settle(c, h->tid);
	seq_check(c, ts, h, h->seq);
	if (ts->held && ts->held->h.type && h->type != SO_REC_EXIT)
		held_flush(c, ts, false);

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
	if (!status_shown(c, rec->nr, CALL_BLOCKED, 0))
		return;
	before_line(c, rec->h.tid);
	decoder__call(c->dec, rec, NULL, CALL_BLOCKED, &c->call);
	show_call(c, tab_get(c, rec->h.tid));
}

void consumer__free(struct consumer *c)
{
	size_t i;

	if (c->ring.consumer)
		ring__close(&c->ring);
	for (i = 0; i < c->tab_cap; i++) {
		free(c->tab[i].enter);
		free(c->tab[i].held);
	}
	free(c->tab);
	c->tab = NULL;
	reorder__free(&c->rq);
	ends__free(&c->ends);
}
