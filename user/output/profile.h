/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * --seccomp-profile FILE: the syscalls a run made, as an OCI seccomp profile (the JSON runc,
 * crun, podman and docker read) that allows exactly those and refuses every other with EPERM.
 * It observes the calls the trace shows (tee.h): with -f, of every process. A run that lost
 * events may have lost a syscall: then no profile is written.
 */
#ifndef SYSOBS_PROFILE_H
#define SYSOBS_PROFILE_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"
#include "output/tee.h"

struct profile {
	struct observer obs;	/* first: what the tee is given */
	uint64_t seen[(SO_NR_SLOTS + 63) / 64];
	uint64_t lost;
	long unknown_nr;	/* a number with no name seen (cannot be in a profile), or -1 */
};

void profile__start(struct profile *p);

/* Write the profile to path; with lost events (or a syscall without a name) write nothing
 * and return -1 after a warn() line. */
int profile__write(const struct profile *p, const char *path, uint64_t lost);

#endif /* SYSOBS_PROFILE_H */
