// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The decoder registry, and the text builder the decoders share. */
#include <string.h>
#include "dec.h"
#include "outbuf.h"
#include "sysent.h"

void sb_putn(struct sb *b, const char *s, size_t n)
{
	if (n > b->cap - b->len)
		n = b->cap - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void sb_puts(struct sb *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

void sb_putc(struct sb *b, char c)
{
	if (b->len < b->cap)
		b->p[b->len++] = c;
}

void sb_u64(struct sb *b, uint64_t v)
{
	char t[24];

	sb_putn(b, t, fmt_u64(t, v));
}

void sb_i64(struct sb *b, int64_t v)
{
	char t[24];

	sb_putn(b, t, fmt_i64(t, v));
}

void sb_hex(struct sb *b, uint64_t v)
{
	char t[24];

	if (!v)
		sb_putc(b, '0');
	else
		sb_putn(b, t, fmt_hex(t, v));
}

void sb_oct(struct sb *b, uint64_t v)
{
	char t[24];

	sb_putn(b, t, fmt_oct(t, v));
}

void sb_ptr(struct sb *b, uint64_t v)
{
	if (!v)
		sb_puts(b, "NULL");
	else
		sb_hex(b, v);
}

void sb_quoted(struct sb *b, const uint8_t *p, size_t n, bool more, bool stop_at_nul, bool hex)
{
	static const char digits[] = "0123456789abcdef";
	size_t i, room;

	if (stop_at_nul) {
		const uint8_t *z = memchr(p, 0, n);

		if (z)
			n = z - p;
	}
	sb_putc(b, '"');
	if (hex) {
		for (i = 0; i < n && b->cap - b->len >= 4; i++) {
			b->p[b->len++] = '\\';
			b->p[b->len++] = 'x';
			b->p[b->len++] = digits[p[i] >> 4];
			b->p[b->len++] = digits[p[i] & 15];
		}
	} else {
		room = (b->cap - b->len) / 4;
		if (n > room)
			n = room;
		b->len += quote_bytes(b->p + b->len, p, n, false);
	}
	sb_putc(b, '"');
	if (more)
		sb_puts(b, "...");
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

#define SIGRTMIN_KERNEL	32
#define SIGRTMAX_KERNEL	64

void sb_signal(struct sb *b, int sig)
{
	const char *n = sig > 0 ? xlat__name(&xt_signals, sig) : NULL;

	if (n) {
		sb_puts(b, n);
	} else if (sig == SIGRTMIN_KERNEL) {
		sb_puts(b, "SIGRTMIN");
	} else if (sig > SIGRTMIN_KERNEL && sig <= SIGRTMAX_KERNEL) {
		sb_puts(b, "SIGRT_");
		sb_u64(b, sig - SIGRTMIN_KERNEL);
	} else {
		sb_i64(b, sig);
	}
}

void sb_sigset(struct sb *b, const uint8_t *set, size_t n)
{
	unsigned int i, nbits = n * 8, set_bits = 0;
	bool inv, first = true;

	for (i = 0; i < nbits; i++)
		set_bits += (set[i / 8] >> (i % 8)) & 1;
	/* strace shows the complement when 2/3 or more of the bits are set */
	inv = set_bits >= nbits * 2 / 3;
	if (inv)
		sb_putc(b, '~');
	sb_putc(b, '[');
	for (i = 0; i < nbits; i++) {
		unsigned int sig = i + 1;
		const char *name;

		if ((((set[i / 8] >> (i % 8)) & 1) != 0) == inv)
			continue;
		if (!first)
			sb_putc(b, ' ');
		first = false;
		name = xlat__name(&xt_signals, sig);
		if (name) {
			sb_puts(b, name + 3);
		} else if (sig == SIGRTMIN_KERNEL) {
			sb_puts(b, "RTMIN");
		} else if (sig > SIGRTMIN_KERNEL && sig <= SIGRTMAX_KERNEL) {
			sb_puts(b, "RT_");
			sb_u64(b, sig - SIGRTMIN_KERNEL);
		} else {
			sb_u64(b, sig);
		}
	}
	sb_putc(b, ']');
}

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

struct sb dec_begin(struct decoder *d)
{
	struct sb b = {
		.p = d->arena + d->arena_len,
		.cap = d->arena_cap - d->arena_len,
	};

	return b;
}

void dec_end(struct decoder *d, struct darg *a, struct sb *b)
{
	a->text = b->p;
	a->len = b->len;
	d->arena_len += b->len;
}

void dec_end_ret(struct decoder *d, struct call *c, struct sb *b)
{
	c->rettext = b->p;
	c->retlen = b->len;
	d->arena_len += b->len;
}

const void *dec_struct(const struct darg *a, size_t size)
{
	if (!a->cap || (a->cap->flags & SO_CAP_FAULT) || a->cap->len < size)
		return NULL;
	return a->data;
}

/* --- the registry ------------------------------------------------------------------------ */

static const struct dec_entry *const families[] = {
	dec_file_table, dec_io_table, dec_mm_table, dec_signal_table, dec_net_table,
	dec_proc_table,
};

static const struct dec_entry *by_nr[SO_NR_SLOTS];
static bool by_nr_done;

static void registry_build(void)
{
	unsigned int f;

	for (f = 0; f < sizeof(families) / sizeof(families[0]); f++) {
		const struct dec_entry *e;

		for (e = families[f]; e->name; e++) {
			long nr = sysent__by_name(e->name);

			if (nr >= 0 && nr < SO_NR_SLOTS)
				by_nr[nr] = e;
		}
	}
	by_nr_done = true;
}

const struct dec_entry *dec__lookup(long nr)
{
	if (!by_nr_done)
		registry_build();
	if (nr < 0 || nr >= SO_NR_SLOTS)
		return NULL;
	return by_nr[nr];
}

void dec__call(struct decoder *d, struct call *c)
{
	const struct dec_entry *e = dec__lookup(c->nr);

	if (e && e->fn)
		e->fn(d, c);
}

void dec__spec(long nr, struct so_spec *sp)
{
	const struct dec_entry *e = dec__lookup(nr);
	unsigned int i;

	if (!e)
		return;
	for (i = 0; i < DEC_MAX_CAPS && e->caps[i].kind; i++) {
		struct so_arg_spec *a = &sp->arg[e->caps[i].arg];

		if (!a->kind)
			sp->ncaps++;
		a->kind = e->caps[i].kind;
		a->len_arg = e->caps[i].len_arg;
		a->size = e->caps[i].size;
	}
}

void dec_int_in_brackets(struct decoder *d, struct darg *a, int64_t v)
{
	struct sb b = dec_begin(d);

	sb_putc(&b, '[');
	sb_i64(&b, v);
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}

void dec_rusage(struct decoder *d, const struct call *c, struct darg *a)
{
	const int64_t *tv = dec_struct(a, RUSAGE_HEAD_SIZE);
	struct sb b;

	if (!tv || c->ret < 0)
		return;
	b = dec_begin(d);
	sb_puts(&b, "{ru_utime={tv_sec=");
	sb_i64(&b, tv[0]);
	sb_puts(&b, ", tv_usec=");
	sb_i64(&b, tv[1]);
	sb_puts(&b, "}, ru_stime={tv_sec=");
	sb_i64(&b, tv[2]);
	sb_puts(&b, ", tv_usec=");
	sb_i64(&b, tv[3]);
	sb_puts(&b, "}, ...}");
	dec_end(d, a, &b);
}

void dec_keep_args(struct call *c, const uint8_t *idx, unsigned int n)
{
	struct darg kept[SO_MAX_ARGS];
	unsigned int i;

	for (i = 0; i < n && i < SO_MAX_ARGS; i++)
		kept[i] = c->arg[idx[i] < SO_MAX_ARGS ? idx[i] : 0];
	for (i = 0; i < n && i < SO_MAX_ARGS; i++)
		c->arg[i] = kept[i];
	c->nargs = i;
}

void dec_fd_pair(struct decoder *d, struct call *c, struct darg *a)
{
	const int32_t *fds = dec_struct(a, 8);
	struct sb b;

	if (!fds || c->ret != 0)
		return;
	b = dec_begin(d);
	sb_putc(&b, '[');
	sb_i64(&b, fds[0]);
	sb_puts(&b, ", ");
	sb_i64(&b, fds[1]);
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}
