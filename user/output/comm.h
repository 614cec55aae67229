/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The command name (comm) of each traced thread, for JSON v2's "comm". An exec sets it from
 * the file's name as the kernel does (its last component, at most 15 bytes); a thread seen
 * first without an exec takes its process's, else /proc/TID/comm while the thread lives (so
 * a name a thread gives itself is not seen). A table of the most recent threads, no allocation.
 */
#ifndef SYSOBS_COMM_H
#define SYSOBS_COMM_H

#include <stddef.h>
#include <stdint.h>
#include "decode/call.h"

#define COMM_LEN	16	/* TASK_COMM_LEN */

/* The comm of thread tid of process tgid; NULL when it cannot be known. */
const char *comm__get(uint32_t tgid, uint32_t tid);
/* A successful exec of path (n bytes) by tid: tid is now the process's only thread. */
void comm__exec(uint32_t tgid, uint32_t tid, const char *path, size_t n);
/* The same, from a successful execve or execveat call (its path argument) */
void comm__exec_call(const struct call *c);
/* A new thread or process (fork, clone): it has its creator's comm until it execs. */
void comm__fork(uint32_t ptgid, uint32_t ptid, uint32_t ctgid, uint32_t ctid);
/* Never read /proc (replays of recorded runs: their tids are not this machine's). */
void comm__no_proc(void);
/* Changes whenever a thread's comm may have changed (an exec): for caches of it. */
extern unsigned int comm_generation;

#endif /* SYSOBS_COMM_H */
