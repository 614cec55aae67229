/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The exit records the kernel could not put in the ring because it was full: it queues them
 * apart (struct so_end in bpf/sysobs.h), each with the ring's producer position at that moment.
 * They are handed back at that place in the ring's order: after the thread's last records, so
 * that the gap at a thread's end is located, and before the records of a thread that reuses
 * its tid. Nothing is asked of the kernel unless its count of queued ends has moved.
 */
#ifndef SYSOBS_ENDS_H
#define SYSOBS_ENDS_H

#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"

/* Where the kernel queues them (the setup stage owns the map: tracer__ends). */
struct ends_source {
	const volatile __u64 *queued;		/* how many the kernel has queued so far */
	int (*take)(void *ctx, struct so_end *e);	/* the oldest: 0, or -errno when none */
	void *ctx;
};

struct ends {
	struct ends_source src;
	uint64_t taken;
	struct so_end *v;	/* taken from the kernel, not handed back yet, by ring position */
	size_t head, n, cap;
};

/* The next end due before the record at ring position pos (UINT64_MAX: any), or NULL. The
 * record stays valid until the next call. */
const struct so_exit *ends__next(struct ends *e, uint64_t pos);
void ends__free(struct ends *e);

#endif /* SYSOBS_ENDS_H */
