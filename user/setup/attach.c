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
#define PIDFD_THREAD	O_EXCL	/* a pidfd of one thread (Linux 6.9) */
#endif
#define PF_KTHREAD	0x00200000	/* include/linux/sched.h: a kernel thread */

/* What /proc says of a thread: its process (tgid), its state letter, its PF_* flags. */
struct proc_task {
	int tgid;
	char state;
	unsigned long flags;
};

/* /proc/TID/stat: "tid (comm) state ppid pgrp session tty tpgid flags ..."; comm may hold
 * anything, ")" included: the fields start after the last ")". */
static int proc_stat_read(int tid, struct proc_task *p)
{
	char path[64], line[1024], *s;
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "/proc/%d/stat", tid);
	f = fopen(path, "re");
	if (!f)
		return errno == ENOENT ? -ESRCH : -errno;
	s = fgets(line, sizeof(line), f);
	fclose(f);
	s = s ? strrchr(line, ')') : NULL;
	ok = s && sscanf(s + 1, " %c %*d %*d %*d %*d %*d %lu", &p->state, &p->flags) == 2;
	return ok ? 0 : -EIO;
}

/* The thread tid from /proc; -errno when there is no such thread (or it went meanwhile). */
static int proc_task_read(int tid, struct proc_task *p)
{
	char path[64], line[256];
	int err;
	FILE *f;

	err = proc_stat_read(tid, p);
	if (err)
		return err;
	p->tgid = -ESRCH;
	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return errno == ENOENT ? -ESRCH : -errno;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &p->tgid) == 1)
			break;
	fclose(f);
	return p->tgid < 0 ? p->tgid : 0;
}

/*
 * Why pid cannot be traced, or NULL. A kernel thread makes no system calls and a zombie none
 * any more: either would be waited for forever (strace's ptrace refuses both, EPERM).
 */
static const char *attach_refusal(int pid, const struct proc_task *p)
{
	if (p->tgid == getpid())
		return "it is sysobs itself";
	if (p->flags & PF_KTHREAD)
		return "it is a kernel thread (it makes no system calls)";
	if (p->state == 'Z' || p->state == 'X')
		return pid == p->tgid ? "it has ended (a zombie its parent has not reaped)" :
					"it has ended";
	return NULL;
}

/*
 * Put thread pid of process tgid in the kernel's filter. A thread that is not its process's
 * leader needs a pidfd of one thread (Linux 6.9); before that, -f still traces it, with the
 * rest of its process, from its next syscall (attach_pids).
 */
static int attach_task(struct tracer *tr, int pid, int tgid, bool follow)
{
	int err = tracer__add_task(tr, pid, tgid, false);

	if (err == -EINVAL && pid != tgid && follow)
		return 0;
	if (err == -EINVAL && pid != tgid)
		warn("cannot attach to thread %d of process %d: tracing one thread needs Linux 6.9 "
		     "(-f traces its whole process)", pid, tgid);
	else if (err && err != -EEXIST)
		warn("cannot attach to process %d: %s", pid, strerror(-err));
	return err;
}

/* Trace pid (a process, or one thread of one without follow) and watch for its end. */
static int attach_one(struct attach *a, struct tracer *tr, struct consumer *c, int pid,
		      bool follow)
{
	struct proc_task p;
	const char *why;
	bool thread;
	int err;

	err = proc_task_read(pid, &p);
	why = err ? strerror(-err) : attach_refusal(pid, &p);
	if (why) {
		warn("cannot attach to process %d: %s", pid, why);
		return -1;
	}
	err = attach_task(tr, pid, p.tgid, follow);
	if (err == -EEXIST)
		return 0;	/* named twice */
	if (err)
		return -1;
	/* ended between the look and the filter, before the kernel could see it go */
	if ((proc_task_read(pid, &p) || attach_refusal(pid, &p)) && tracer__drop_task(tr, pid)) {
		warn("cannot attach to process %d: it has ended", pid);
		return -1;
	}
	if (follow && (err = tracer__attach_tgid(tr, p.tgid))) {
		warn("cannot attach to process %d: %s", pid, strerror(-err));
		return -1;
	}
	consumer__add_task(c, pid, p.tgid);
	/* the end waited for: the process's, or only the thread's when only it is traced */
	thread = pid != p.tgid && !follow;
	a->pidfd[a->n] = syscall(SYS_pidfd_open, thread ? pid : p.tgid, thread ? PIDFD_THREAD : 0);
	if (a->pidfd[a->n] < 0) {
		warn("cannot watch process %d: %s", pid, strerror(errno));
		return -1;
	}
	a->n++;
	return 0;
}

int attach__start(struct attach *a, struct tracer *tr, struct consumer *c, const int *pids,
		  int n, bool follow)
{
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < n; i++)
		if (attach_one(a, tr, c, pids[i], follow))
			return -1;
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
