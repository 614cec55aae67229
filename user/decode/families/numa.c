// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* NUMA memory policies (strace's src/numa.c): set_mempolicy, get_mempolicy, mbind; the mode
 * with its flags, the flags of each call. The node masks stay addresses. */
#include <linux/mempolicy.h>
#include "decode/families/family.h"

#define MPOL_MODE_FLAGS	(MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING)

/* MPOL_PREFERRED|MPOL_F_STATIC_NODES */
static void set_mode(struct decoder *d, struct darg *a)
{
	uint32_t v = a->raw;
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_mpol_modes, v & ~MPOL_MODE_FLAGS, "MPOL_???");
	if (v & MPOL_MODE_FLAGS) {
		sb_putc(&b, '|');
		sb_flags(&b, &xt_mpol_mode_flags, v & MPOL_MODE_FLAGS, NULL);
	}
	dec_end(d, a, &b);
}

static void dec_set_mempolicy(struct decoder *d, struct call *c)
{
	set_mode(d, &c->arg[0]);
}

static void dec_get_mempolicy(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[4], &xt_mpol_get_flags, NULL);
}

static void dec_mbind(struct decoder *d, struct call *c)
{
	set_mode(d, &c->arg[2]);
	set_flags(d, &c->arg[5], &xt_mbind_flags, NULL);
}

const struct dec_entry dec_numa_table[] = {
	{ "set_mempolicy", dec_set_mempolicy },
	{ "get_mempolicy", dec_get_mempolicy },
	{ "mbind", dec_mbind },
	{ NULL },
};
