// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "setup/attach.h"
#include "lib/warn.h"

#ifndef PIDFD_THREAD
#define PIDFD_THREAD	O_EXCL
#endif

/* The process (tgid) thread tid belongs to, from /proc; -errno when there is no such thread. */
static int proc_tgid(int tid)
{
	char path[64], line[256];
	int tgid = -ENOENT;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return errno == ENOENT ? -ESRCH : -errno;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

int attach__start(struct attach *a, struct tracer *tr, struct consumer *c, const int *pids,
		  int n, bool follow)
{
	int i, tgid, err;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < n; i++) {
		int pid = pids[i];

		tgid = proc_tgid(pid);
		if (tgid < 0) {
			warn("cannot attach to process %d: %s", pid, strerror(-tgid));
			return -1;
		}
		if (tgid == getpid()) {
			warn("cannot attach to process %d: it is sysobs itself", pid);
			return -1;
		}
		err = tracer__add_task(tr, pid, tgid, false);
		if (err == -EEXIST)
			continue;	/* named twice */
		if (err) {
			warn("cannot attach to process %d: %s%s", pid, strerror(-err),
			     err == -EINVAL && tgid != pid ?
			     " (a thread of another process: give that process's id)" : "");
			return -1;
		}
		if (follow && (err = tracer__attach_tgid(tr, tgid))) {
			warn("cannot attach to process %d: %s", pid, strerror(-err));
			return -1;
		}
		consumer__add_task(c, pid, tgid);
		a->pidfd[a->n] = syscall(SYS_pidfd_open, tgid, 0);
		if (a->pidfd[a->n] < 0) {
			warn("cannot watch process %d: %s", pid, strerror(errno));
			return -1;
		}
		a->n++;
	}
	return 0;
}

bool attach__all_gone(const struct attach *a)
{
	struct pollfd p;
	int i;

	for (i = 0; i < a->n; i++) {
		p.fd = a->pidfd[i];
		p.events = POLLIN;
		if (poll(&p, 1, 0) != 1)
			return false;
	}
	return true;
}

void attach__close(struct attach *a)
{
	int i;

	for (i = 0; i < a->n; i++)
		close(a->pidfd[i]);
	a->n = 0;
}
