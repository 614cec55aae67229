// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The generated constant tables, and lookups over them. */
#include <stddef.h>
#include "xlat.h"
#include "tables/flags.h"

const char *xlat__name(const struct xlat_tab *t, uint64_t v)
{
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].val == v)
			return t->e[i].name;
	return NULL;
}
