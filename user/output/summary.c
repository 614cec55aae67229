// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdint.h>
#include <stdlib.h>
#include "output/summary.h"
#include "decode/names/errno.h"
#include "decode/names/sysent.h"

struct row {
	unsigned int nr;
	const struct so_count *c;
};

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	/* by time, then calls, then name, as strace sorts */
	if (x->c->ns != y->c->ns)
		return x->c->ns < y->c->ns ? 1 : -1;
	if (x->c->calls != y->c->calls)
		return x->c->calls < y->c->calls ? 1 : -1;
	return x->nr < y->nr ? -1 : x->nr > y->nr;
}

static const char rule[] = "------ ----------- ----------- --------- --------- ----------------\n";

void summary__print(FILE *f, const struct so_count *counts, unsigned int n, int json)
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
		rows[k++].c = &counts[i];
		tot_ns += counts[i].ns;
		tot_calls += counts[i].calls;
		tot_err += counts[i].errors;
	}
	qsort(rows, k, sizeof(*rows), row_cmp);
	if (json) {
		for (i = 0; i < k; i++)
			fprintf(f,
				"{\"v\":%d,\"type\":\"count\",\"nr\":%u,\"name\":\"%s\",\"calls\":%llu,"
				"\"errors\":%llu,\"ns\":%llu}\n",
				json, rows[i].nr, sysent__name(rows[i].nr, nb, sizeof(nb)),
				(unsigned long long)rows[i].c->calls,
				(unsigned long long)rows[i].c->errors,
				(unsigned long long)rows[i].c->ns);
		free(rows);
		return;
	}
	fprintf(f, "%% time     seconds  usecs/call     calls    errors syscall\n%s", rule);
	for (i = 0; i < k; i++) {
		const struct so_count *c = rows[i].c;

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
