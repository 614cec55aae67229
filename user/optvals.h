/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The values strace's options take (optvals.c); each parser: 0, or -1 for a bad value. */
#ifndef SYSOBS_OPTVALS_H
#define SYSOBS_OPTVALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum optval_time {
	TIME_ABS,	/* --absolute-timestamps=[format:]FMT,[precision:]PREC */
	TIME_REL,	/* --relative-timestamps=PREC */
	TIME_DUR,	/* --syscall-times=PREC */
};

/* which's arg (NULL: bare) into *prec (digits after the second) and, for TIME_ABS, *tstamps
 * (0 none, 1 time of day, 3 seconds since the epoch) */
int optval__times(enum optval_time which, char *arg, int *tstamps, int *prec);
/* -S SORTBY: enum summary_sort */
int optval__sort_by(const char *arg, int *sort);
/* -U COLUMNS into cols (max entries, COL_END-terminated, the name last if not given) */
int optval__columns(char *arg, uint8_t *cols, size_t max);
/* -O OVERHEAD[UNIT] in ns */
int optval__overhead(const char *arg, uint64_t *ns);
/* -X FORMAT: enum xlat_style (abbrev 0, raw 1, verbose 2) */
int optval__const_style(const char *arg, int *style);
/* --strings-in-hex[=WHICH] (NULL: all): enum quote_hex */
int optval__strings_in_hex(const char *arg, int *mode);
/* A decimal size with an optional K, M or G suffix; *ok false on anything else or overflow */
uint64_t optval__size(const char *s, bool *ok);
/*
 * -p 12,34 or -p "12 34" as strace 6.1 takes them, added to pids[*n] (at most max): items
 * between separators, none of them empty (" 1", ",1" and "1,,2" are refused) except after a
 * last separator ("1," is 1), each 1 to INT32_MAX. 0, -EINVAL (a bad item) or -E2BIG.
 */
int optval__pids(const char *arg, int *pids, int *n, int max);

#endif /* SYSOBS_OPTVALS_H */
