/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Constant names: value -> name tables generated from the uapi headers
 * (user/tables/gen-flags.py writes user/tables/flags.h), looked up by the decoders.
 */
#ifndef SYSOBS_XLAT_H
#define SYSOBS_XLAT_H

#include <stdint.h>

struct xlat {
	uint64_t val;
	const char *name;
};

struct xlat_tab {
	const struct xlat *e;
	unsigned int n;
};

#define XLAT_TABLE(name) extern const struct xlat_tab xt_##name;
#include "tables/flags-list.h"
#undef XLAT_TABLE

/* The name of v in an enum-like table, NULL when it has none. */
const char *xlat__name(const struct xlat_tab *t, uint64_t v);

#endif /* SYSOBS_XLAT_H */
