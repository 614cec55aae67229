/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Verifying two programs at once. libbpf loads a skeleton's programs one after the other, and
 * the kernel's verifier was the largest part of sysobs's start-up left (the sys_exit program
 * alone ~10 ms on the bench's VM). The kernel verifies privileged loads concurrently, so while
 * pload is armed the first large tracing program libbpf loads goes to a thread: libbpf gets a
 * placeholder fd at once (an fd of /dev/null) and goes on with the next programs; the thread
 * puts the loaded program in the placeholder's place (dup3). pload__wait joins it before
 * anything uses the fd (the attach). libbpf also binds .rodata to each program after its load;
 * on the placeholder that fails quietly, and it is not needed: the programs reference .rodata
 * themselves. -v loads everything in order (libbpf prints the verifier's log of a failure).
 * The link wraps bpf_prog_load (-Wl,--wrap in the Makefile).
 */
#ifndef SYSOBS_PLOAD_H
#define SYSOBS_PLOAD_H

#include <stdbool.h>

/* Between pload__arm and pload__wait, one large tracing program may load in a thread. */
void pload__arm(bool on);
/* Join the thread, if any: 0, or the -errno its load failed with. Disarms. */
int pload__wait(void);

#endif /* SYSOBS_PLOAD_H */
