// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Memory: mmap, mprotect, madvise, mremap. */
#include "decode/families/family.h"

#define MAP_TYPE_BITS	0xf

static void sb_prot(struct sb *b, uint64_t prot)
{
	sb_flags(b, &xt_mmap_prot, (uint32_t)prot, "PROT_NONE");
}

/* MAP_PRIVATE|MAP_ANONYMOUS: the type, then the flags (one number with -X raw, verbose) */
static void sb_mmap_flags(struct sb *b, uint64_t flags, const void *unused)
{
	(void)unused;
	sb_enum(b, &xt_mmap_type, flags & MAP_TYPE_BITS, NULL);
	if (flags & ~MAP_TYPE_BITS) {
		sb_putc(b, '|');
		sb_flags(b, &xt_mmap_flags, flags & ~MAP_TYPE_BITS, NULL);
	}
}

static void dec_mmap(struct decoder *d, struct call *c)
{
	uint32_t flags = c->arg[3].raw;
	struct sb b = dec_begin(d);

	sb_prot(&b, c->arg[2].raw);
	dec_end(d, &c->arg[2], &b);
	b = dec_begin(d);
	if (!sb_styled(&b, flags, sb_mmap_flags, NULL))
		sb_mmap_flags(&b, flags, NULL);
	dec_end(d, &c->arg[3], &b);
	b = dec_begin(d);
	sb_i64(&b, (int32_t)c->arg[4].raw);
	dec_end(d, &c->arg[4], &b);
	b = dec_begin(d);
	sb_hex(&b, c->arg[5].raw);
	dec_end(d, &c->arg[5], &b);
}

static void dec_mprotect(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_prot(&b, c->arg[2].raw);
	dec_end(d, &c->arg[2], &b);
}

static void dec_madvise(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_madvise_advice, (uint32_t)c->arg[2].raw, "MADV_???");
	dec_end(d, &c->arg[2], &b);
}

static void dec_mremap(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_flags(&b, &xt_mremap_flags, (uint32_t)c->arg[3].raw, NULL);
	dec_end(d, &c->arg[3], &b);
	if (!(c->arg[3].raw & 2))	/* MREMAP_FIXED: only then the new address counts */
		c->nargs = 4;
}

const struct dec_entry dec_mm_table[] = {
	{ "mmap", dec_mmap },
	{ "mprotect", dec_mprotect },
	{ "pkey_mprotect", dec_mprotect },
	{ "madvise", dec_madvise },
	{ "mremap", dec_mremap },
	{ NULL },
};
