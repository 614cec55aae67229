// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "consume/live.h"

/* The blocked call's record with its inputs: so_sys, then up to one capture per argument. */
#define LIVE_REC_SIZE	(sizeof(struct so_sys) + \
			 SO_MAX_ARGS * (sizeof(struct so_cap) + SO_PATH_MAX + 8))

/* /proc/TID/syscall: "NR ARG1 ... ARG6 SP PC" while blocked in a call, else "running" or
 * "-1 SP PC". Returns the number, or -1. */
static long proc_syscall(uint32_t tid, uint64_t *args)
{
	char path[64], buf[256], *p, *end;
	ssize_t n;
	long nr;
	int fd, i;

	snprintf(path, sizeof(path), "/proc/%u/syscall", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	nr = strtol(buf, &end, 10);
	if (end == buf || nr < 0)
		return -1;
	p = end;
	for (i = 0; i < 6; i++) {
		args[i] = strtoull(p, &end, 16);
		if (end == p)
			return -1;
		p = end;
	}
	return nr;
}

static struct live_thread *live_find(struct live *lv, uint32_t tid)
{
	unsigned int i;

	for (i = 0; i < lv->n; i++)
		if (lv->t[i].tid == tid)
			return &lv->t[i];
	return NULL;
}

/* A NUL-terminated string of at most max bytes at addr (read a page at a time: the string may
 * end just before an unmapped one). Returns its length, or -1 when it cannot be read. */
static long mem_str(int fd, uint64_t addr, char *dst, size_t max, bool *cut)
{
	size_t got = 0;

	*cut = false;
	while (got < max) {
		size_t chunk = 4096 - ((addr + got) & 4095);
		ssize_t n;
		char *nul;

		if (chunk > max - got)
			chunk = max - got;
		n = pread(fd, dst + got, chunk, addr + got);
		if (n <= 0)
			return got ? (long)got : -1;
		nul = memchr(dst + got, 0, n);
		if (nul)
			return nul - dst;
		got += n;
	}
	*cut = true;
	return max;
}

/* The capture of argument i, as the kernel would have made it at the call's entry (the input
 * kinds only: an output is not there yet). Returns its size with padding, 0 for none. */
static size_t live_cap(const struct live *lv, int fd, const struct so_sys *r, unsigned int i,
		       struct so_cap *c)
{
	const struct so_arg_spec *a = &lv->specs[r->nr].arg[i];
	uint64_t want = 0, ptr = r->args[i];
	char *data = (char *)(c + 1);
	long n;
	bool cut;

	memset(c, 0, sizeof(*c));
	c->arg = i;
	if (!ptr)
		return 0;
	switch (a->kind) {
	case SO_CK_PATH:
	case SO_CK_STR:
		n = mem_str(fd, ptr, data, a->kind == SO_CK_PATH ? SO_PATH_MAX - 1 : lv->strsize + 1,
			    &cut);
		if (n < 0)
			return 0;
		if (a->kind == SO_CK_STR && n > lv->strsize) {
			n = lv->strsize;
			cut = true;
		}
		c->flags = cut ? SO_CAP_TRUNC : 0;
		c->len = c->total = n;
		return sizeof(*c) + ((n + 7) & ~7ul);
	case SO_CK_BUF_IN:
		want = a->len_arg < SO_MAX_ARGS ? r->args[a->len_arg] : 0;
		break;
	case SO_CK_STRUCT_IN:
		want = a->size;
		break;
	case SO_CK_STRUCT_IN_LEN:
		want = a->len_arg < SO_MAX_ARGS ? r->args[a->len_arg] : 0;
		if (want > a->size)
			want = a->size;
		break;
	default:
		return 0;
	}
	c->total = want;
	if (a->kind == SO_CK_BUF_IN && want > lv->strsize) {
		want = lv->strsize;
		c->flags = SO_CAP_TRUNC;
	}
	if (want > SO_PATH_MAX)
		want = SO_PATH_MAX;
	if (pread(fd, data, want, ptr) != (ssize_t)want)
		return 0;
	c->len = want;
	return sizeof(*c) + ((want + 7) & ~7ul);
}

/* Show thread t's blocked call, its inputs read from its memory. */
static void live_show(const struct live *lv, struct consumer *c, const struct live_thread *t)
{
	static uint64_t buf[LIVE_REC_SIZE / 8 + 1];
	struct so_sys *r = (struct so_sys *)buf;
	size_t off = sizeof(*r);
	char path[64];
	unsigned int i;
	int fd = -1;

	memset(r, 0, sizeof(*r));
	r->h.type = SO_REC_ENTER;
	r->h.tgid = t->tgid;
	r->h.tid = t->tid;
	r->nr = t->nr;
	memcpy(r->args, t->args, sizeof(r->args));
	if (lv->specs && t->nr < SO_NR_SLOTS && lv->specs[t->nr].ncaps) {
		snprintf(path, sizeof(path), "/proc/%u/mem", t->tid);
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	for (i = 0; fd >= 0 && i < SO_MAX_ARGS; i++) {
		size_t n = live_cap(lv, fd, r, i, (struct so_cap *)((char *)buf + off));

		if (n) {
			off += n;
			r->ncaps++;
		}
	}
	if (fd >= 0)
		close(fd);
	r->h.size = off;
	consumer__show_blocked(c, r);
}

void live__tick(struct live *lv, struct consumer *c)
{
	uint32_t tids[LIVE_MAX], tgids[LIVE_MAX];
	struct live lv_new = { .specs = lv->specs, .strsize = lv->strsize, .shown = lv->shown };
	int n = consumer__tids(c, tids, tgids, LIVE_MAX), i;

	for (i = 0; i < n; i++) {
		struct live_thread *old = live_find(lv, tids[i]), *t = &lv_new.t[lv_new.n];

		t->tid = tids[i];
		t->tgid = tgids[i];
		t->nr = proc_syscall(tids[i], t->args);
		t->seen_records = consumer__records_of(c, tids[i]);
		lv_new.n++;
		if (t->nr < 0 || (lv->shown && (t->nr >= SO_NR_SLOTS ||
						       !(lv->shown[t->nr / 64] >> (t->nr % 64) & 1))))
			continue;	/* in no call, or in one -e trace= leaves out */
		/* the same call as last time, no record from the thread since (none waiting to be
		 * put in order either): it blocks */
		if (!old || old->nr != t->nr || memcmp(old->args, t->args, sizeof(t->args)) ||
		    old->seen_records != t->seen_records || consumer__queued(c, t->tid))
			continue;
		t->shown = old->shown;
		if (t->shown)
			continue;
		live_show(lv, c, t);
		t->shown = true;
	}
	*lv = lv_new;
}
