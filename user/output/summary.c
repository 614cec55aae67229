// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "output/summary.h"
#include "decode/names/errno.h"
#include "decode/names/sysent.h"

struct row {	/* one syscall's line */
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

/* -U's columns: strace's headers and widths */
static const struct column {
	const char *head;
	int width;
} columns[] = {
	[COL_TIME_PERCENT] = { "% time", 6 },
	[COL_TOTAL_TIME] = { "seconds", 11 },
	[COL_AVG_TIME] = { "usecs/call", 11 },
	[COL_CALLS] = { "calls", 9 },
	[COL_ERRORS] = { "errors", 9 },
	[COL_NAME] = { "syscall", 16 },
};

static const uint8_t default_columns[] = {
	COL_TIME_PERCENT, COL_TOTAL_TIME, COL_AVG_TIME, COL_CALLS, COL_ERRORS, COL_NAME, COL_END,
};

/* One cell of a row (name NULL: the total row); last: no padding after a name */
static void cell(FILE *f, uint8_t col, const struct so_count *c, uint64_t tot_ns,
		 const char *name, bool last)
{
	int w = columns[col].width;

	switch (col) {
	case COL_TIME_PERCENT:
		fprintf(f, "%*.2f", w, !name ? 100.0 : tot_ns ? 100.0 * c->ns / tot_ns : 0.0);
		break;
	case COL_TOTAL_TIME:
		fprintf(f, "%*.6f", w, c->ns / 1e9);
		break;
	case COL_AVG_TIME:
		fprintf(f, "%*llu", w, (unsigned long long)(c->calls ? c->ns / 1000 / c->calls : 0));
		break;
	case COL_CALLS:
		fprintf(f, "%*llu", w, (unsigned long long)c->calls);
		break;
	case COL_ERRORS:
		if (c->errors)
			fprintf(f, "%*llu", w, (unsigned long long)c->errors);
		else
			fprintf(f, "%*s", w, "");
		break;
	case COL_NAME:
		fprintf(f, "%-*s", last ? 0 : w, name ? name : "total");
		break;
	}
}

static void rule(FILE *f, const uint8_t *cols)
{
	unsigned int j;

	for (j = 0; cols[j] != COL_END; j++)
		fprintf(f, "%s%.*s", j ? " " : "", columns[cols[j]].width, "----------------");
	fputc('\n', f);
}

/* One row in the columns cols (name NULL: the total row) */
static void print_row(FILE *f, const uint8_t *cols, const struct so_count *c, uint64_t tot_ns,
		const char *name)
{
	unsigned int j;

	for (j = 0; cols[j] != COL_END; j++) {
		if (j)
			fputc(' ', f);
		cell(f, cols[j], c, tot_ns, name, cols[j + 1] == COL_END);
	}
	fputc('\n', f);
}

/* strace's -c table in the columns cols (COL_END ends them) */
static void summary__table(FILE *f, const struct row *rows, unsigned int k, const uint8_t *cols)
{
	struct so_count tot = {};
	char nb[32];
	unsigned int i, j;

	for (i = 0; i < k; i++) {
		tot.ns += rows[i].c.ns;
		tot.calls += rows[i].c.calls;
		tot.errors += rows[i].c.errors;
	}
	for (j = 0; cols[j] != COL_END; j++) {
		const struct column *c = &columns[cols[j]];

		if (cols[j] == COL_NAME)
			fprintf(f, "%s%-*s", j ? " " : "", cols[j + 1] == COL_END ? 0 : c->width,
				c->head);
		else
			fprintf(f, "%s%*s", j ? " " : "", c->width, c->head);
	}
	fputc('\n', f);
	rule(f, cols);
	for (i = 0; i < k; i++)
		print_row(f, cols, &rows[i].c, tot.ns, sysent__name(rows[i].nr, nb, sizeof(nb)));
	rule(f, cols);
	print_row(f, cols, &tot, tot.ns, NULL);
}

void summary__print(FILE *f, const struct so_count *counts, unsigned int n, int json,
		    const struct summary_opts *so)
{
	struct row *rows = calloc(n, sizeof(*rows));
	unsigned int i, k = 0;
	char nb[32];

	if (!rows)
		return;
	for (i = 0; i < n; i++) {
		if (!counts[i].calls || (so->shown && !(so->shown[i / 64] >> (i % 64) & 1)))
			continue;
		rows[k].nr = i;
		rows[k].c = counts[i];
		/* strace takes -O off each call, never below 0; here off the total */
		rows[k].c.ns -= counts[i].ns < so->overhead_ns * counts[i].calls ? counts[i].ns :
			so->overhead_ns * counts[i].calls;
		k++;
	}
	sort_by = so->sort;
	qsort(rows, k, sizeof(*rows), row_cmp);
	if (json) {
		for (i = 0; i < k; i++)
			fprintf(f,
				"{\"v\":%d,\"type\":\"count\",\"nr\":%u,\"name\":\"%s\",\"calls\":%llu,"
				"\"errors\":%llu,\"ns\":%llu}\n",
				json, rows[i].nr, sysent__name(rows[i].nr, nb, sizeof(nb)),
				(unsigned long long)rows[i].c.calls,
				(unsigned long long)rows[i].c.errors,
				(unsigned long long)rows[i].c.ns);
		free(rows);
		return;
	}
	summary__table(f, rows, k, so->columns[0] ? so->columns : default_columns);
	free(rows);
}
