/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The end of a run without waiting for the kernel's teardown. Closing the BPF links unpatches
 * every tracepoint's call sites (text poking, an IPI to every CPU each), freeing the 16 MiB
 * ring and unmapping it take milliseconds more: a third of what sysobs cost /bin/true once the
 * trace itself was done (tests/bench/README.md). teardown__background hands all of that to a
 * helper that shares sysobs's memory and file table (clone CLONE_VM | CLONE_FILES, no copy of
 * anything) and closes every file in it; sysobs itself then exits at once, its exit dropping
 * only references. The helper holds no more than sysobs did and goes within milliseconds.
 */
#ifndef SYSOBS_TEARDOWN_H
#define SYSOBS_TEARDOWN_H

#include <stdbool.h>

/* Whether this build may leave its BPF objects to the helper (not under a leak checker). */
bool teardown__can_leave(void);
/* Flush stdio, start the helper. After it the caller must touch no file and only exit. */
void teardown__background(void);

#endif /* SYSOBS_TEARDOWN_H */
