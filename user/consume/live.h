/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Calls that block, shown while they block, as strace shows them: "read(3,  <unfinished ...>"
 * (the inputs, decoded as on the complete line), then "<... read resumed>..." when the call
 * returns. The kernel side hooks only sys_exit, so a call is seen when it returns; every
 * LIVE_TICK_MS this looks at the traced threads' /proc/TID/syscall (the call a thread is in,
 * with its arguments) and shows the calls a thread was found in twice in a row with no record
 * of it in between: a call blocked for LIVE_TICK_MS to 2 x LIVE_TICK_MS. The inputs behind
 * pointers (paths, strings, structs, buffers a call reads) are read from /proc/TID/mem then.
 * Nothing is paid per syscall: the syscall path is not touched.
 */
#ifndef SYSOBS_LIVE_H
#define SYSOBS_LIVE_H

#include <stdbool.h>
#include <stdint.h>
#include "consume/consumer.h"

#define LIVE_MAX	64	/* threads watched at once */
#define LIVE_TICK_MS	200	/* how often they are looked at */

struct live_thread {
	uint32_t tid;
	uint32_t tgid;
	long nr;
	uint64_t args[6];
	uint64_t seen_records;	/* consumer's record count when this was read */
	bool shown;
};

struct live {
	const struct so_spec *specs;	/* what each syscall's arguments point to (registry) */
	unsigned int strsize;		/* -s */
	const uint64_t *shown;		/* -e trace=: bit nr set, call nr is shown (NULL: all) */
	unsigned int n;
	struct live_thread t[LIVE_MAX];
};

/* One look. Announces calls blocked since the previous look. */
void live__tick(struct live *lv, struct consumer *c);

#endif /* SYSOBS_LIVE_H */
