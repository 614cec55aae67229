// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The generated constant tables, and lookups over them. */
#include <stddef.h>
#include <string.h>
#include "decode/names/xlat.h"
#include "decode/names/tables/flags.h"

static enum xlat_style style;

void xlat__set_style(enum xlat_style s)
{
	style = s;
}

enum xlat_style xlat__style(void)
{
	return style;
}

/* -X verbose: " /+ TEXT +/" after the number just written (numlen bytes), unless TEXT is only
 * that number again */
static void verbose_note(struct sb *b, size_t numlen, const char *text, size_t n)
{
	if (!n || (n == numlen && b->len >= numlen && !memcmp(b->p + b->len - numlen, text, n)))
		return;
	sb_puts(b, " /* ");
	sb_putn(b, text, n);
	sb_puts(b, " */");
}

bool sb_styled(struct sb *b, uint64_t v, void (*names)(struct sb *, uint64_t, const void *),
	       const void *arg)
{
	enum xlat_style s = style;
	char text[512];
	struct sb tb = { .p = text, .cap = sizeof(text) };
	size_t from = b->len;

	if (s == XLAT_ABBREV)
		return false;
	sb_hex(b, v);
	if (s == XLAT_VERBOSE) {
		style = XLAT_ABBREV;	/* the names as names */
		names(&tb, v, arg);
		style = s;
		verbose_note(b, b->len - from, tb.p, tb.len);
	}
	return true;
}

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
	size_t from = b->len;

	if (n && style == XLAT_ABBREV) {
		sb_puts(b, n);
		return;
	}
	if (dec && !n)
		sb_i64(b, (int64_t)v);
	else
		sb_hex(b, v);	/* -X raw, verbose: a named constant in hex, as strace */
	if (n) {
		if (style == XLAT_VERBOSE)
			verbose_note(b, b->len - from, n, strlen(n));
		return;
	}
	if (unknown && style != XLAT_RAW) {
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

static void flags_abbrev(struct sb *b, const struct xlat_tab *t, uint64_t v,
			 const char *zero_name);

void sb_flags(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *zero_name)
{
	char text[512];
	struct sb tb = { .p = text, .cap = sizeof(text) };
	size_t from = b->len;

	if (style == XLAT_ABBREV) {
		flags_abbrev(b, t, v, zero_name);
		return;
	}
	sb_hex(b, v);	/* -X raw, verbose: the number, in verbose the names after it */
	if (style == XLAT_VERBOSE) {
		flags_abbrev(&tb, t, v, zero_name);
		verbose_note(b, b->len - from, tb.p, tb.len);
	}
}

static void flags_abbrev(struct sb *b, const struct xlat_tab *t, uint64_t v,
			 const char *zero_name)
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

static void mode_abbrev(struct sb *b, uint32_t mode);

void sb_mode(struct sb *b, uint32_t mode)
{
	char text[128];
	struct sb tb = { .p = text, .cap = sizeof(text) };
	enum xlat_style s = style;
	size_t from = b->len;

	if (s == XLAT_ABBREV) {
		mode_abbrev(b, mode);
		return;
	}
	sb_oct(b, mode);	/* -X raw, verbose: octal, as strace */
	if (s == XLAT_VERBOSE) {
		style = XLAT_ABBREV;	/* the names of the special bits, as names */
		mode_abbrev(&tb, mode);
		style = s;
		verbose_note(b, b->len - from, tb.p, tb.len);
	}
}

static void mode_abbrev(struct sb *b, uint32_t mode)
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
