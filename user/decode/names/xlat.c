// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The generated constant tables, and lookups over them. */
#include <stddef.h>
#include "decode/names/xlat.h"
#include "decode/names/tables/flags.h"

const char *xlat__name(const struct xlat_tab *t, uint64_t v)
{
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].val == v)
			return t->e[i].name;
	return NULL;
}

/* A constant's name, else the number (hex or signed decimal) with a comment naming what it is. */
static void sb_enum_as(struct sb *b, const struct xlat_tab *t, uint64_t v, bool dec,
		       const char *unknown)
{
	const char *n = xlat__name(t, v);

	if (n) {
		sb_puts(b, n);
		return;
	}
	if (dec)
		sb_i64(b, (int64_t)v);
	else
		sb_hex(b, v);
	if (unknown) {
		sb_puts(b, " /* ");
		sb_puts(b, unknown);
		sb_puts(b, " */");
	}
}

void sb_enum(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *unknown)
{
	sb_enum_as(b, t, v, false, unknown);
}

void sb_enum_d(struct sb *b, const struct xlat_tab *t, int64_t v, const char *unknown)
{
	sb_enum_as(b, t, (uint64_t)v, true, unknown);
}

void sb_flags(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *zero_name)
{
	bool first = true;
	unsigned int i;

	if (!v) {
		sb_puts(b, zero_name ? zero_name : "0");
		return;
	}
	for (i = 0; i < t->n && v; i++) {
		uint64_t f = t->e[i].val;

		if (!f || (v & f) != f)
			continue;
		if (!first)
			sb_putc(b, '|');
		sb_puts(b, t->e[i].name);
		first = false;
		v &= ~f;
	}
	if (v) {
		if (!first)
			sb_putc(b, '|');
		sb_hex(b, v);
	}
}

void sb_flags_u(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *unknown)
{
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].val && (v & t->e[i].val) == t->e[i].val)
			break;
	if (!v || i < t->n) {
		sb_flags(b, t, v, NULL);
		return;
	}
	sb_hex(b, v);
	sb_puts(b, " /* ");
	sb_puts(b, unknown);
	sb_puts(b, " */");
}

#define SIGRTMIN_KERNEL	32
#define SIGRTMAX_KERNEL	64

void sb_mode(struct sb *b, uint32_t mode)
{
	const char *type = xlat__name(&xt_file_types, mode & 0170000);

	if (type) {
		sb_puts(b, type);
		sb_putc(b, '|');
	} else if (mode & 0170000) {
		sb_oct(b, mode & 0170000);
		sb_putc(b, '|');
	}
	if (mode & 07000) {
		sb_flags(b, &xt_mode_special, mode & 07000, NULL);
		sb_putc(b, '|');
	}
	sb_oct(b, mode & 0777);
}
