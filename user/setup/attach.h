/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -p PID: trace processes that are already running. The thread named by each PID is put in the
 * kernel's filter at once; with -f its process's other threads are taken in at their next
 * syscall (the kernel's attach_pids map) and its children through fork. A pidfd per process
 * tells when it has ended.
 */
#ifndef SYSOBS_ATTACH_H
#define SYSOBS_ATTACH_H

#include <stdbool.h>
#include "consume/consumer.h"
#include "setup/tracer.h"

struct attach {
	int n;
	int pidfd[SO_MAX_PIDS];	/* readable once the process has ended */
};

/* Start tracing pids[0..n) (with all their threads when follow). Prints one "sysobs: ..." line
 * and returns -1 when one cannot be traced. */
int attach__start(struct attach *a, struct tracer *tr, struct consumer *c, const int *pids,
		  int n, bool follow);
/* True when every attached process has ended. */
bool attach__all_gone(const struct attach *a);
void attach__close(struct attach *a);

#endif /* SYSOBS_ATTACH_H */
