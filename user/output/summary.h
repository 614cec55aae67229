/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* -c: the per-syscall table strace prints, from the counts the kernel kept. */
#ifndef SYSOBS_SUMMARY_H
#define SYSOBS_SUMMARY_H

#include <stdio.h>
#include <linux/types.h>
#include "sysobs.h"

/* -S SORTBY: the order of the rows */
enum summary_sort {
	SORT_TIME,	/* most time first (strace's default) */
	SORT_AVG_TIME,	/* most time per call first */
	SORT_CALLS,	/* most calls first */
	SORT_ERRORS,	/* most errors first */
	SORT_NAME,	/* by name */
	SORT_NOTHING,	/* by syscall number */
};

/* -U COLUMNS: strace's column names, in the order given; COL_END ends the list */
enum summary_column {
	COL_END, COL_TIME_PERCENT, COL_TOTAL_TIME, COL_AVG_TIME, COL_CALLS, COL_ERRORS, COL_NAME,
	COL_COUNT
};

struct summary_opts {
	uint8_t columns[COL_COUNT];	/* -U, enum summary_column; empty: strace's default */
	enum summary_sort sort;
	uint64_t overhead_ns;	/* -O: taken off each call's time (from the totals) */
	const uint64_t *shown;	/* the calls -e trace= asked for (bit nr), when the kernel counted
				 * more (-k); NULL: every counted call */
};

/* The -c table; json: 0 for text, else the JSON schema version of the count objects. */
void summary__print(FILE *f, const struct so_count *counts, unsigned int n, int json,
		    const struct summary_opts *so);

#endif /* SYSOBS_SUMMARY_H */
