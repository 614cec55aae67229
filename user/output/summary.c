// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "output/summary.h"
#include "decode/names/errno.h"
#include "decode/names/sysent.h"

struct row {
	unsigned int nr;
	struct so_count c;	/* with -O's overhead taken off */
};

static enum summary_sort sort_by;	/* qsort has no context argument */

/* the most first */
static int cmp_desc(uint64_t a, uint64_t b)
{
	return a == b ? 0 : a < b ? 1 : -1;
}

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	char xb[32], yb[32];
	int d = 0;

	switch (sort_by) {
	case SORT_AVG_TIME:
		d = cmp_desc(x->c.ns / x->c.calls, y->c.ns / y->c.calls);
		break;
	case SORT_CALLS:
		d = cmp_desc(x->c.calls, y->c.calls);
		break;
	case SORT_ERRORS:
		d = cmp_desc(x->c.errors, y->c.errors);
		break;
	case SORT_NAME:
		d = strcmp(sysent__name(x->nr, xb, sizeof(xb)), sysent__name(y->nr, yb, sizeof(yb)));
		break;
	case SORT_NOTHING:
		break;
	case SORT_TIME:
		/* by time, then calls, then number */
		d = cmp_desc(x->c.ns, y->c.ns) ?: cmp_desc(x->c.calls, y->c.calls);
		break;
	}
	return d ?: (x->nr < y->nr ? -1 : x->nr > y->nr);
}

static const char rule[] = "------ ----------- ----------- --------- --------- ----------------\n";

void summary__print(FILE *f, const struct so_count *counts, unsigned int n, int json,
		    const struct summary_opts *so)
{
	struct row *rows = calloc(n, sizeof(*rows));
	uint64_t tot_ns = 0, tot_calls = 0, tot_err = 0;
	unsigned int i, k = 0;
	char nb[32];

	if (!rows)
		return;
	for (i = 0; i < n; i++) {
		if (!counts[i].calls)
			continue;
		rows[k].nr = i;
		rows[k].c = counts[i];
		/* strace takes -O off each call, never below 0; here off the total */
		rows[k].c.ns -= counts[i].ns < so->overhead_ns * counts[i].calls ? counts[i].ns :
			so->overhead_ns * counts[i].calls;
		tot_ns += rows[k++].c.ns;
		tot_calls += counts[i].calls;
		tot_err += counts[i].errors;
	}
	sort_by = so->sort;
	qsort(rows, k, sizeof(*rows), row_cmp);
	if (json) {
		for (i = 0; i < k; i++)
			fprintf(f,
				"{\"v\":1,\"type\":\"count\",\"nr\":%u,\"name\":\"%s\",\"calls\":%llu,"
				"\"errors\":%llu,\"ns\":%llu}\n",
				rows[i].nr, sysent__name(rows[i].nr, nb, sizeof(nb)),
				(unsigned long long)rows[i].c.calls,
				(unsigned long long)rows[i].c.errors,
				(unsigned long long)rows[i].c.ns);
		free(rows);
		return;
	}
	fprintf(f, "%% time     seconds  usecs/call     calls    errors syscall\n%s", rule);
	for (i = 0; i < k; i++) {
		const struct so_count *c = &rows[i].c;

		fprintf(f, "%6.2f %11.6f %11llu %9llu ",
			tot_ns ? 100.0 * c->ns / tot_ns : 0.0, c->ns / 1e9,
			(unsigned long long)(c->ns / 1000 / c->calls), (unsigned long long)c->calls);
		if (c->errors)
			fprintf(f, "%9llu ", (unsigned long long)c->errors);
		else
			fprintf(f, "%9s ", "");
		fprintf(f, "%s\n", sysent__name(rows[i].nr, nb, sizeof(nb)));
	}
	fprintf(f, "%s%6.2f %11.6f %11llu %9llu ", rule, 100.0, tot_ns / 1e9,
		(unsigned long long)(tot_calls ? tot_ns / 1000 / tot_calls : 0),
		(unsigned long long)tot_calls);
	if (tot_err)
		fprintf(f, "%9llu ", (unsigned long long)tot_err);
	else
		fprintf(f, "%9s ", "");
	fprintf(f, "total\n");
	free(rows);
}
