// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * -e inject=: the supervisor thread. It takes each notification of the command's filter,
 * counts the call (per thread and syscall, as strace counts per tracee), and answers: the
 * injected error or value, or "let it run" (SECCOMP_USER_NOTIF_FLAG_CONTINUE); a delay holds
 * the answer back, a signal is sent to the thread before the answer (the call it waits in
 * cannot be interrupted by it once taken, so it arrives as the call returns).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/seccomp.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "setup/inject.h"

#define MARKS_MAX	4096	/* answered calls whose record is not seen yet (oldest dropped) */
#define COUNTS_MIN	256	/* slots of the count table at first (it doubles) */

struct mark {
	uint32_t tid;
	uint16_t nr;
	uint8_t flags;		/* INJECT_MARK_* */
	bool any_ret;		/* a call that ran: its return is not known in advance */
	int64_t ret;
};

struct inject_marks {
	unsigned int n;
	struct mark m[MARKS_MAX];
};

/* (tid, nr) -> invocations so far: open addressing, key 0 is empty */
struct counts {
	uint64_t *key;
	uint64_t *val;
	size_t cap;
	size_t used;
};

/* An answer held back by a delay */
struct held {
	uint64_t due_ns;
	uint64_t id;
	uint32_t tid;
	uint32_t nr;
};

struct sv_state {
	struct supervisor *sv;
	struct counts counts;
	struct held *held;
	size_t nheld, held_cap;
	struct seccomp_notif *req;
	struct seccomp_notif_resp *resp;
	struct seccomp_notif_sizes sizes;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static size_t slot_of(uint64_t key, size_t cap)
{
	return (key * 0x9e3779b97f4a7c15ull >> 17) & (cap - 1);
}

static int counts_grow(struct counts *c)
{
	size_t cap = c->cap ? c->cap * 2 : COUNTS_MIN, i, j;
	uint64_t *key = calloc(cap, sizeof(*key)), *val = calloc(cap, sizeof(*val));

	if (!key || !val) {
		free(key);
		free(val);
		return -ENOMEM;
	}
	for (i = 0; i < c->cap; i++) {
		if (!c->key[i])
			continue;
		for (j = slot_of(c->key[i], cap); key[j]; j = (j + 1) & (cap - 1))
			;
		key[j] = c->key[i];
		val[j] = c->val[i];
	}
	free(c->key);
	free(c->val);
	c->key = key;
	c->val = val;
	c->cap = cap;
	return 0;
}

/* One more invocation of nr by tid: its number, 1-based (0: out of memory). */
static uint64_t counts_bump(struct counts *c, uint32_t tid, uint32_t nr)
{
	uint64_t key = (uint64_t)tid << 16 | nr | 1ull << 63;
	size_t i;

	if (2 * (c->used + 1) > c->cap && counts_grow(c))
		return 0;
	for (i = slot_of(key, c->cap); c->key[i] && c->key[i] != key; i = (i + 1) & (c->cap - 1))
		;
	if (!c->key[i]) {
		c->key[i] = key;
		c->used++;
	}
	return ++c->val[i];
}

static void mark_add(struct supervisor *sv, uint32_t tid, uint32_t nr, const struct mark *m)
{
	struct inject_marks *mk = sv->marks;

	pthread_mutex_lock(&sv->lock);
	if (mk->n == MARKS_MAX) {
		memmove(mk->m, mk->m + 1, (MARKS_MAX - 1) * sizeof(mk->m[0]));
		mk->n--;
	}
	mk->m[mk->n] = *m;
	mk->m[mk->n].tid = tid;
	mk->m[mk->n++].nr = nr;
	pthread_mutex_unlock(&sv->lock);
}

unsigned int supervisor__marked(void *p, uint32_t tid, long nr, int64_t ret)
{
	struct supervisor *sv = p;
	struct inject_marks *mk = sv->marks;
	unsigned int i, flags = 0;

	pthread_mutex_lock(&sv->lock);
	for (i = 0; i < mk->n; i++) {
		const struct mark *m = &mk->m[i];

		if (m->tid == tid && m->nr == nr && (m->any_ret || m->ret == ret)) {
			flags = m->flags;
			memmove(mk->m + i, mk->m + i + 1, (mk->n - i - 1) * sizeof(mk->m[0]));
			mk->n--;
			break;
		}
	}
	pthread_mutex_unlock(&sv->lock);
	return flags;
}

#define USER_MIN	0x10000ull		/* below: not an address (mmap_min_addr) */
#define USER_END	0x800000000000ull	/* x86-64's user half (4-level paging) */
#define PREFAULT_LEN	4096

/*
 * An answered call never runs, so the kernel never touches its arguments' memory; the BPF side
 * reads them at sys_exit without faulting pages in, and a path in a page the program has not
 * touched yet (libc's rodata) would show as an address. Reading what each argument that looks
 * like an address points to, from here, faults those pages in first, as the call would have.
 */
static void prefault(uint32_t tid, const struct seccomp_data *d)
{
	static char sink[PREFAULT_LEN];
	struct iovec local = { sink, sizeof(sink) }, remote;
	unsigned int i;

	for (i = 0; i < sizeof(d->args) / sizeof(d->args[0]); i++) {
		if (d->args[i] < USER_MIN || d->args[i] >= USER_END)
			continue;
		remote.iov_base = (void *)(uintptr_t)d->args[i];
		/* to the end of its page and the next: a string may cross into it */
		remote.iov_len = PREFAULT_LEN - (d->args[i] & (PREFAULT_LEN - 1)) + 1;
		if (remote.iov_len > sizeof(sink))
			remote.iov_len = sizeof(sink);
		process_vm_readv(tid, &local, 1, &remote, 1, 0);
	}
}

/* Send the answer to notification id: the rule's error or value, or let the call run. */
static void answer(struct sv_state *st, uint64_t id, uint32_t tid, uint32_t nr, bool tamper)
{
	struct supervisor *sv = st->sv;
	const struct inject_rule *r = &sv->o.set->rule[nr];
	struct seccomp_notif_resp *resp = st->resp;
	struct mark m = { .any_ret = true };

	memset(resp, 0, st->sizes.seccomp_notif_resp);
	resp->id = id;
	resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	if (tamper && r->sig && sv->killable)
		syscall(SYS_tkill, tid, r->sig);
	if (tamper && r->answer) {
		resp->flags = 0;
		if (r->ret < 0)
			resp->error = (int32_t)r->ret;
		else
			resp->val = r->ret;
		m = (struct mark){ .flags = INJECT_MARK_ANSWERED, .ret = r->ret };
		sv->injected++;
	}
	if (tamper && (r->delay_enter_ns || r->delay_exit_ns))
		m.flags |= INJECT_MARK_DELAYED;
	if (m.flags && sv->o.trace && filter__has(sv->o.trace, nr))
		mark_add(sv, tid, nr, &m);
	/* ENOENT: the task died meanwhile */
	ioctl(sv->listener, SECCOMP_IOCTL_NOTIF_SEND, resp);
	if (tamper && r->sig && !sv->killable)
		syscall(SYS_tkill, tid, r->sig);
}

static int hold(struct sv_state *st, uint64_t due, uint64_t id, uint32_t tid, uint32_t nr)
{
	if (st->nheld == st->held_cap) {
		size_t cap = st->held_cap ? st->held_cap * 2 : 16;
		struct held *h = realloc(st->held, cap * sizeof(*h));

		if (!h)
			return -ENOMEM;
		st->held = h;
		st->held_cap = cap;
	}
	st->held[st->nheld++] = (struct held){ due, id, tid, nr };
	return 0;
}

/* One notification: count it, then answer now or hold the answer for its delay. */
static void take(struct sv_state *st)
{
	struct supervisor *sv = st->sv;
	struct seccomp_notif *req = st->req;
	const struct inject_rule *r;
	uint32_t tid, nr;
	uint64_t delay;
	bool tamper;

	memset(req, 0, st->sizes.seccomp_notif);
	if (ioctl(sv->listener, SECCOMP_IOCTL_NOTIF_RECV, req))
		return;		/* ENOENT: the task was killed before we took it */
	tid = req->pid;
	nr = (uint32_t)req->data.nr;
	if (nr >= SO_NR_SLOTS) {
		answer(st, req->id, tid, 0, false);
		return;
	}
	r = &sv->o.set->rule[nr];
	tamper = r->on && (!sv->o.only_tid || tid == sv->o.only_tid) &&
		 inject__when(r, counts_bump(&st->counts, tid, nr));
	if (tamper && r->answer && sv->o.trace && filter__has(sv->o.trace, nr))
		prefault(tid, &req->data);
	/* a call that runs cannot be held after it: its delay_exit is taken before it too */
	delay = tamper ? r->delay_enter_ns + r->delay_exit_ns : 0;
	if (!delay || hold(st, now_ns() + delay, req->id, tid, nr))
		answer(st, req->id, tid, nr, tamper);
}

/* Answer the held calls that are due; the time to wait for the next (-1: none). */
static int64_t release_due(struct sv_state *st)
{
	uint64_t now = now_ns(), next = UINT64_MAX;
	size_t i = 0;

	while (i < st->nheld) {
		struct held h = st->held[i];

		if (h.due_ns <= now) {
			st->held[i] = st->held[--st->nheld];
			answer(st, h.id, h.tid, h.nr, true);
			continue;
		}
		if (h.due_ns < next)
			next = h.due_ns;
		i++;
	}
	return next == UINT64_MAX ? -1 : (int64_t)(next - now);
}

static void *supervise(void *p)
{
	struct sv_state *st = p;
	struct supervisor *sv = st->sv;
	struct pollfd pf[2] = {
		{ .fd = sv->listener, .events = POLLIN },
		{ .fd = sv->stop_fd, .events = POLLIN },
	};
	struct timespec ts;
	int64_t wait;

	for (;;) {
		wait = release_due(st);
		ts.tv_sec = wait / 1000000000;
		ts.tv_nsec = wait % 1000000000;
		if (ppoll(pf, 2, wait < 0 ? NULL : &ts, NULL) < 0 && errno != EINTR)
			break;
		if (pf[1].revents)
			break;
		if (pf[0].revents & POLLIN)
			take(st);
		else if (pf[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;	/* no task uses the filter any more */
	}
	return NULL;
}

static struct sv_state *state_new(struct supervisor *sv)
{
	struct sv_state *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->sv = sv;
	if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &st->sizes))
		goto fail;
	st->req = calloc(1, st->sizes.seccomp_notif);
	st->resp = calloc(1, st->sizes.seccomp_notif_resp);
	if (st->req && st->resp && !counts_grow(&st->counts))
		return st;
fail:
	free(st->req);
	free(st->resp);
	free(st);
	return NULL;
}

static void state_free(struct sv_state *st)
{
	free(st->counts.key);
	free(st->counts.val);
	free(st->held);
	free(st->req);
	free(st->resp);
	free(st);
}

static void *supervise_main(void *p)
{
	supervise(p);
	state_free(p);
	return NULL;
}

int supervisor__start(struct supervisor *sv, int listener, bool killable,
		      const struct supervisor_opts *o)
{
	struct sv_state *st;
	sigset_t all, old;
	int err;

	memset(sv, 0, sizeof(*sv));
	sv->listener = listener;
	sv->killable = killable;
	sv->o = *o;
	sv->stop_fd = eventfd(0, EFD_CLOEXEC);
	sv->marks = calloc(1, sizeof(*sv->marks));
	st = sv->marks && sv->stop_fd >= 0 ? state_new(sv) : NULL;
	if (!st) {
		err = errno ? -errno : -ENOMEM;
		goto fail;
	}
	pthread_mutex_init(&sv->lock, NULL);
	/* sysobs's signals (Ctrl-C, SIGTERM) are the main thread's: the thread blocks them all */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = -pthread_create(&sv->thread, NULL, supervise_main, st);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!err) {
		sv->running = true;
		return 0;
	}
	state_free(st);
fail:
	supervisor__stop(sv);
	return err;
}

void supervisor__stop(struct supervisor *sv)
{
	uint64_t one = 1;

	if (sv->running) {
		if (write(sv->stop_fd, &one, sizeof(one)) == sizeof(one))
			pthread_join(sv->thread, NULL);
		sv->running = false;
		pthread_mutex_destroy(&sv->lock);
	}
	if (sv->stop_fd > 0)
		close(sv->stop_fd);
	if (sv->listener > 0)
		close(sv->listener);	/* calls still waiting fail with ENOSYS */
	free(sv->marks);
	memset(sv, 0, sizeof(*sv));
	sv->stop_fd = sv->listener = -1;
}
