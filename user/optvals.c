// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The values strace's options take: time formats and precisions, -c's keys and columns, -O's
 * time, --strings-in-hex's forms, sizes and -p's pids. Each parser returns 0, or -1 for a value strace would refuse. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fmt.h"
#include "output/summary.h"
#include "optvals.h"

/* s, ms, us, ns: the digits after the second; -1 when s is none of them */
static int precision(const char *s)
{
	static const char *const units[] = { "s", "ms", "us", "ns" };
	unsigned int i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (!strcmp(s, units[i]))
			return 3 * i;
	return -1;
}

/* --absolute-timestamps=[[format:]FMT][,[precision:]PREC], --relative-timestamps[=PREC],
 * --syscall-times[=PREC] */
int optval__times(enum optval_time key, char *arg, int *tstamps, int *prec)
{
	char *tok, *save = NULL;
	int p;

	if (key == TIME_ABS)
		*tstamps = 1, *prec = 0;
	for (tok = arg ? strtok_r(arg, ",", &save) : NULL; tok; tok = strtok_r(NULL, ",", &save)) {
		const char *v = tok;

		if (!strncmp(v, "precision:", 10) || (key == TIME_ABS && !strncmp(v, "format:", 7)))
			v = strchr(v, ':') + 1;
		p = precision(v);
		if (p >= 0 && (key != TIME_ABS || v != tok + 7))
			*prec = p;
		else if (key == TIME_ABS && v != tok + 10 && !strcmp(v, "none"))
			*tstamps = 0;
		else if (key == TIME_ABS && v != tok + 10 && !strcmp(v, "time"))
			*tstamps = 1;
		else if (key == TIME_ABS && v != tok + 10 && !strcmp(v, "unix"))
			*tstamps = 3;
		else
			return -1;
	}
	return 0;
}

/* -S SORTBY with strace 6.1's names for the keys sysobs has (not min-time, max-time) */
int optval__sort_by(const char *arg, int *sort)
{
	static const struct {
		const char *name;
		int sort;
	} keys[] = {
		{ "time", SORT_TIME }, { "time-percent", SORT_TIME }, { "time_percent", SORT_TIME },
		{ "time_total", SORT_TIME }, { "time-total", SORT_TIME },
		{ "total_time", SORT_TIME }, { "total-time", SORT_TIME },
		{ "avg-time", SORT_AVG_TIME }, { "avg_time", SORT_AVG_TIME },
		{ "time_avg", SORT_AVG_TIME }, { "time-avg", SORT_AVG_TIME },
		{ "calls", SORT_CALLS }, { "count", SORT_CALLS }, { "errors", SORT_ERRORS },
		{ "error", SORT_ERRORS }, { "name", SORT_NAME }, { "syscall", SORT_NAME },
		{ "syscall_name", SORT_NAME }, { "syscall-name", SORT_NAME },
		{ "nothing", SORT_NOTHING }, { "none", SORT_NOTHING },
	};
	unsigned int i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!strcmp(keys[i].name, arg)) {
			*sort = keys[i].sort;
			return 0;
		}
	}
	return -1;
}

/* -U COLUMNS with strace 6.1's names for the columns sysobs has (not min-time, max-time) */
int optval__columns(char *arg, uint8_t *cols, size_t max)
{
	static const struct {
		const char *name;
		uint8_t col;
	} names[] = {
		{ "time", COL_TIME_PERCENT }, { "time-percent", COL_TIME_PERCENT },
		{ "time_percent", COL_TIME_PERCENT }, { "total-time", COL_TOTAL_TIME },
		{ "total_time", COL_TOTAL_TIME }, { "time-total", COL_TOTAL_TIME },
		{ "time_total", COL_TOTAL_TIME }, { "avg-time", COL_AVG_TIME },
		{ "avg_time", COL_AVG_TIME }, { "time-avg", COL_AVG_TIME },
		{ "time_avg", COL_AVG_TIME }, { "calls", COL_CALLS }, { "count", COL_CALLS },
		{ "errors", COL_ERRORS }, { "error", COL_ERRORS }, { "name", COL_NAME },
		{ "syscall", COL_NAME }, { "syscall_name", COL_NAME }, { "syscall-name", COL_NAME },
	};
	char *tok, *save = NULL, *copy = arg;
	unsigned int i, n = 0;
	bool name = false;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]) && strcmp(names[i].name, tok); i++)
			;
		if (i == sizeof(names) / sizeof(names[0]) || n + 2 >= max)
			return -1;
		name |= names[i].col == COL_NAME;
		cols[n++] = names[i].col;
	}
	if (!name)	/* as strace: the name is always there, last when not asked for */
		cols[n++] = COL_NAME;
	cols[n] = COL_END;
	return 0;
}

/* -O OVERHEAD[UNIT]: a number of s, ms, us (the default) or ns */
int optval__overhead(const char *arg, uint64_t *ns)
{
	static const struct {
		const char *unit;
		uint64_t ns;
	} units[] = { { "", 1000 }, { "s", 1000000000 }, { "ms", 1000000 }, { "us", 1000 },
		      { "ns", 1 } };
	char *end;
	double v = strtod(arg, &end);
	unsigned int i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (end != arg && v >= 0 && v < 1e9 && !strcmp(end, units[i].unit)) {
			*ns = v * units[i].ns;
			return 0;
		}
	}
	return -1;
}

/* -X FORMAT, --const-print-style=FORMAT: strace's names, in enum xlat_style's order */
int optval__const_style(const char *arg, int *style)
{
	static const char *const names[] = { "abbrev", "raw", "verbose" };
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(arg, names[i])) {
			*style = i;
			return 0;
		}
	}
	return -1;
}

/* --strings-in-hex[=WHICH], strace's names */
int optval__strings_in_hex(const char *arg, int *mode)
{
	static const char *const names[] = {
		[QUOTE_HEX_NONE] = "none", [QUOTE_HEX_NON_ASCII] = "non-ascii",
		[QUOTE_HEX_ALL] = "all", [QUOTE_HEX_CHARS] = "non-ascii-chars",
	};
	unsigned int i;

	for (i = 0; arg && i < sizeof(names) / sizeof(names[0]) && strcmp(names[i], arg); i++)
		;
	if (arg && i == sizeof(names) / sizeof(names[0]))
		return -1;
	*mode = arg ? (int)i : QUOTE_HEX_ALL;
	return 0;
}

/* A decimal size with an optional K, M or G suffix; *ok false on anything else or overflow. */
uint64_t optval__size(const char *s, bool *ok)
{
	char *end;
	unsigned long long v;
	unsigned int shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	*ok = !errno && end != s && *s >= '0' && *s <= '9';
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	else if (*end == 'G' || *end == 'g')
		shift = 30, end++;
	if (*end || v > UINT64_MAX >> shift)
		*ok = false;
	return v << shift;
}

/* One -p item: digits (after an optional "+", as strace's strtol), 1 to INT32_MAX. */
static long optval__pid(const char *s, size_t len)
{
	size_t i = s[0] == '+';
	long v = 0;

	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v > INT32_MAX)
			return -1;
	}
	return v ? v : -1;
}

#define PID_SEPARATORS	",\t\n "	/* strace's: -p 1,2 -p "$(pidof x)" -p "$(pgrep x)" */

int optval__pids(const char *arg, int *pids, int *n, int max)
{
	const char *p = arg;
	size_t len;
	long v;

	do {
		len = strcspn(p, PID_SEPARATORS);
		v = optval__pid(p, len);
		if (v < 0)
			return -EINVAL;
		if (*n == max)
			return -E2BIG;
		pids[(*n)++] = v;
		p += len;
	} while (*p && *++p);
	return 0;
}
