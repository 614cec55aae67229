// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Threads' command names (comm.h). */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "output/comm.h"

#define COMM_SLOTS	1024	/* threads remembered; a newer one takes an older one's slot */

static struct {
	uint32_t tid;
	bool known;		/* false: looked for and not found */
	char comm[COMM_LEN];
} slots[COMM_SLOTS];

unsigned int comm_generation;
static bool no_proc;

void comm__no_proc(void)
{
	no_proc = true;
}

static void set(uint32_t tid, const char *s, size_t n, bool known)
{
	unsigned int i = tid % COMM_SLOTS;

	if (n >= COMM_LEN)
		n = COMM_LEN - 1;
	slots[i].tid = tid;
	slots[i].known = known;
	memcpy(slots[i].comm, s, n);
	slots[i].comm[n] = 0;
}

static const char *find(uint32_t tid)
{
	unsigned int i = tid % COMM_SLOTS;

	if (slots[i].tid != tid || !tid)
		return NULL;
	return slots[i].known ? slots[i].comm : "";
}

static bool from_proc(uint32_t tid)
{
	char path[64], buf[COMM_LEN + 1];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%u/comm", tid);
	if (no_proc)
		return false;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	if (buf[n - 1] == '\n')
		n--;
	set(tid, buf, n, true);
	return true;
}

const char *comm__get(uint32_t tgid, uint32_t tid)
{
	const char *c = find(tid);

	if (!c) {
		c = find(tgid);
		if (!c && from_proc(tid))
			c = find(tid);
		if (!c && tgid != tid && from_proc(tgid))
			c = find(tgid);
		set(tid, c ? c : "", c ? strlen(c) : 0, c && *c);
		c = find(tid);
	}
	return c && *c ? c : NULL;	/* tid 0 (a bad record) is never kept */
}

void comm__exec(uint32_t tgid, uint32_t tid, const char *path, size_t n)
{
	const char *base = path;
	size_t i;

	for (i = 0; i < n && path[i]; i++)
		if (path[i] == '/')
			base = path + i + 1;
	set(tgid, base, path + i - base, true);
	if (tid != tgid)
		set(tid, base, path + i - base, true);
	comm_generation++;
}

void comm__exec_call(const struct call *c)
{
	const struct darg *path = &c->arg[c->nr == SO_NR_EXECVEAT ? 1 : 0];

	if (path->cap && !(path->cap->flags & SO_CAP_FAULT))
		comm__exec(c->tgid, c->tid, (const char *)path->data, path->cap->len);
}

void comm__fork(uint32_t ptgid, uint32_t ptid, uint32_t ctgid, uint32_t ctid)
{
	const char *c = comm__get(ptgid, ptid);

	/* known now, from the record: the child may be gone before its first line is decoded */
	if (c) {
		set(ctid, c, strlen(c), true);
		if (ctgid != ctid && !find(ctgid))
			set(ctgid, c, strlen(c), true);
	}
}
