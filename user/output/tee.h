/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A sink in front of the real one (text, JSON or none) that also shows every event to
 * observers: --expect's matcher (expect.h) and --seccomp-profile's collector (profile.h). The
 * consumer is given tee.sink; events reach the real sink first, then each observer.
 */
#ifndef SYSOBS_TEE_H
#define SYSOBS_TEE_H

#include "output/sink.h"

#define TEE_MAX	2	/* observers */

/* Each may be NULL. Observers are embedded first in their owner's struct. */
struct observer {
	void (*call)(struct observer *o, const struct call *c);
	void (*proc_exit)(struct observer *o, const struct proc_exit *e);
	void (*signal)(struct observer *o, const struct sig_event *e);
	void (*lost)(struct observer *o, uint64_t count);
};

struct tee {
	struct sink sink;	/* first: what the consumer is given */
	struct sink *inner;
	struct observer *obs[TEE_MAX];
	unsigned int n;
};

/* Put the tee in front of inner; then tee__add each observer (at most TEE_MAX). */
void tee__start(struct tee *t, struct sink *inner);
void tee__add(struct tee *t, struct observer *o);

#endif /* SYSOBS_TEE_H */
