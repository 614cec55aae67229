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
 * The ring map (16 MiB: thousands of fresh pages, ~5-10 ms) is created the same way, by a thread
 * started before the object is opened, while libbpf parses the kernel's BTF; libbpf's
 * bpf_map_create of it gets that map.
 * The link wraps bpf_prog_load and bpf_map_create (-Wl,--wrap in the Makefile).
 */
#ifndef SYSOBS_PLOAD_H
#define SYSOBS_PLOAD_H

#include <stdbool.h>
#include <linux/types.h>

/* Start creating the ring map name of size bytes; the next bpf_map_create of it takes it. */
void pload__ring_early(const char *name, __u32 size);
/* Between pload__arm and pload__wait, one large tracing program may load in a thread. */
void pload__arm(bool on);
/* Join the threads, if any: 0, or the -errno the program's load failed with. Disarms. */
int pload__wait(void);

#endif /* SYSOBS_PLOAD_H */
