// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Helpers several families share: ints behind pointers, rusage, fd pairs, argument subsets. */
#include <string.h>
#include "decode/families/family.h"


void dec_int_in_brackets(struct decoder *d, struct darg *a, int64_t v)
{
	struct sb b = dec_begin(d);

	sb_putc(&b, '[');
	sb_i64(&b, v);
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}

/* struct rusage's fields after its two times, in order */
static const char *const rusage_longs[] = {
	"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
	"ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw",
	"ru_nivcsw",
};

void dec_rusage(struct decoder *d, const struct call *c, struct darg *a)
{
	const int64_t *tv = dec_struct(a, RUSAGE_HEAD_SIZE);
	const int64_t *all = call__unabbreviated(d, c) ? dec_struct(a, RUSAGE_SIZE) : NULL;
	unsigned int i;
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
	sb_putc(&b, '}');
	for (i = 0; all && i < sizeof(rusage_longs) / sizeof(rusage_longs[0]); i++) {
		sb_puts(&b, ", ");
		sb_puts(&b, rusage_longs[i]);
		sb_putc(&b, '=');
		sb_i64(&b, all[4 + i]);
	}
	sb_puts(&b, all ? "}" : ", ...}");
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

void dec_pair(struct decoder *d, struct darg *a, const char *f0, const char *f1,
	      void (*put)(struct sb *b, uint64_t v))
{
	const uint64_t *v = dec_struct(a, 2 * sizeof(uint64_t));
	struct sb b;

	if (!v)
		return;
	b = dec_begin(d);
	sb_putc(&b, '{');
	sb_puts(&b, f0);
	sb_putc(&b, '=');
	put(&b, v[0]);
	sb_puts(&b, ", ");
	sb_puts(&b, f1);
	sb_putc(&b, '=');
	put(&b, v[1]);
	sb_putc(&b, '}');
	dec_end(d, a, &b);
}

static void sb_s64(struct sb *b, uint64_t v)
{
	sb_i64(b, (int64_t)v);
}

void dec_timespec(struct decoder *d, struct darg *a)
{
	dec_pair(d, a, "tv_sec", "tv_nsec", sb_s64);
}

void set_flags(struct decoder *d, struct darg *a, const struct xlat_tab *t, const char *zero)
{
	struct sb b = dec_begin(d);

	sb_flags(&b, t, a->raw, zero);
	dec_end(d, a, &b);
}

void set_enum(struct decoder *d, struct darg *a, const struct xlat_tab *t, uint64_t v,
	      const char *unknown)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, t, v, unknown);
	dec_end(d, a, &b);
}
