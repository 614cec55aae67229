/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Calls that block, shown while they block. The kernel side hooks only sys_exit, so a call
 * is seen when it returns; when the ring has been quiet for a while, this looks at the traced
 * threads' /proc/TID/syscall (the call a thread is blocked in, with its arguments) and shows
 * the ones that stayed in the same call: "read(0, 0x7ffd..., 1024 <unfinished ...>". The full
 * line follows when the call returns. Nothing is paid per syscall: only idle time is used.
 */
#ifndef SYSOBS_LIVE_H
#define SYSOBS_LIVE_H

#include <stdbool.h>
#include <stdint.h>
#include "consume/consumer.h"

#define LIVE_MAX	64	/* threads watched at once */

struct live_thread {
	uint32_t tid;
	uint32_t tgid;
	long nr;
	uint64_t args[6];
	uint64_t seen_records;	/* consumer's record count when this was read */
	bool shown;
};

struct live {
	unsigned int n;
	struct live_thread t[LIVE_MAX];
};

/* One look, after an idle poll. Announces calls blocked since the previous look. */
void live__tick(struct live *lv, struct consumer *c);

#endif /* SYSOBS_LIVE_H */
