/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -P PATH (--trace-path), as strace's: only the calls that touch one of the paths are shown,
 * by name (a path argument equal to PATH, or to what PATH resolves to when it is a symlink or
 * relative) or through an fd open on it (an fd argument whose /proc/PID/fd link, followed by
 * the decoder's fd table, decode/fdpath.h, names PATH). Other events (exits, signals, losses)
 * pass. A sink in front of the real one; it only filters, so the calls are decoded (and the fd
 * table kept) as without it. Differs from strace: fds inside select/poll sets are not looked
 * at, and -c counts every call (its counts are the kernel's).
 */
#ifndef SYSOBS_PATHTRACE_H
#define SYSOBS_PATHTRACE_H

#include "output/sink.h"

#define PATHTRACE_MAX	256	/* paths: -P given at most 128 times, each and its resolution */

struct pathtrace {
	struct sink sink;	/* first: what the consumer is given */
	struct sink *inner;
	unsigned int n;
	const char *path[PATHTRACE_MAX];	/* each -P, then what it resolves to (malloc'd) */
	size_t len[PATHTRACE_MAX];
	bool owned[PATHTRACE_MAX];
};

/* Put the filter in front of inner, showing calls that touch one of the npaths paths. */
void pathtrace__start(struct pathtrace *pt, struct sink *inner, const char *const *paths,
		      unsigned int npaths);
void pathtrace__free(struct pathtrace *pt);

#endif /* SYSOBS_PATHTRACE_H */
