// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "consume/live.h"

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

void live__tick(struct live *lv, struct consumer *c)
{
	uint32_t tids[LIVE_MAX], tgids[LIVE_MAX];
	struct live lv_new = {};
	int n = consumer__tids(c, tids, tgids, LIVE_MAX), i;

	for (i = 0; i < n; i++) {
		struct live_thread *old = live_find(lv, tids[i]), *t = &lv_new.t[lv_new.n];
		struct so_sys rec = {};

		t->tid = tids[i];
		t->tgid = tgids[i];
		t->nr = proc_syscall(tids[i], t->args);
		t->seen_records = consumer__records_of(c, tids[i]);
		lv_new.n++;
		if (t->nr < 0)
			continue;
		/* the same call as last time, and no record from the thread since: it blocks */
		if (!old || old->nr != t->nr || memcmp(old->args, t->args, sizeof(t->args)) ||
		    old->seen_records != t->seen_records) {
			continue;
		}
		t->shown = old->shown;
		if (t->shown)
			continue;
		rec.h.type = SO_REC_ENTER;
		rec.h.size = sizeof(rec);
		rec.h.tgid = t->tgid;
		rec.h.tid = t->tid;
		rec.nr = t->nr;
		memcpy(rec.args, t->args, sizeof(rec.args));
		consumer__show_blocked(c, &rec);
		t->shown = true;
	}
	*lv = lv_new;
}
