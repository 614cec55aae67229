// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Resources: limits, usage and the system's counters (prlimit, getrusage, sysinfo). */
#include <string.h>
#include "decode/families/family.h"

#define RLIMIT_SIZE	16
#define SYSINFO_SIZE	112

/* A limit's meaning: RLIM64_INFINITY, 8192*1024, or the number */
static void rlim_text(struct sb *b, uint64_t v)
{
	if (v == ~0ull)
		sb_puts(b, "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0) {
		sb_u64(b, v / 1024);
		sb_puts(b, "*1024");
	} else {
		sb_u64(b, v);
	}
}

/* -X raw: the number in decimal; -X verbose: the number, its meaning as a comment when it
 * has one */
static void sb_rlim(struct sb *b, uint64_t v)
{
	enum xlat_style st = xlat__style();

	if (st == XLAT_ABBREV) {
		rlim_text(b, v);
		return;
	}
	sb_u64(b, v);
	if (st == XLAT_VERBOSE && (v == ~0ull || (v > 1024 && v % 1024 == 0))) {
		sb_puts(b, " /* ");
		rlim_text(b, v);
		sb_puts(b, " */");
	}
}

static void set_rlimit(struct decoder *d, struct darg *a)
{
	dec_pair(d, a, "rlim_cur", "rlim_max", sb_rlim);
}

static void set_resource(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_rlimit_resources, (uint32_t)a->raw, "RLIMIT_???");
	dec_end(d, a, &b);
}

static void dec_prlimit64(struct decoder *d, struct call *c)
{
	set_resource(d, &c->arg[1]);
	set_rlimit(d, &c->arg[2]);
	set_rlimit(d, &c->arg[3]);
}

static void dec_getrlimit(struct decoder *d, struct call *c)
{
	set_resource(d, &c->arg[0]);
	set_rlimit(d, &c->arg[1]);
}

/* getrusage(RUSAGE_SELF, {ru_utime=..., ru_stime=..., ...}) */
static void dec_getrusage(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_rusage_who, (uint64_t)(int64_t)(int32_t)c->arg[0].raw, "RUSAGE_???");
	dec_end(d, &c->arg[0], &b);
	dec_rusage(d, c, &c->arg[1]);
}

static void dec_sysinfo(struct decoder *d, struct call *c)
{
	const uint8_t *si = dec_struct(&c->arg[0], SYSINFO_SIZE);
	static const struct {
		const char *name;
		uint8_t off;
		uint8_t size;
	} f[] = {
		{ "uptime", 0, 8 }, { "loads", 8, 0 }, { "totalram", 32, 8 },
		{ "freeram", 40, 8 }, { "sharedram", 48, 8 }, { "bufferram", 56, 8 },
		{ "totalswap", 64, 8 }, { "freeswap", 72, 8 }, { "procs", 80, 2 },
		{ "totalhigh", 88, 8 }, { "freehigh", 96, 8 }, { "mem_unit", 104, 4 },
	};
	uint64_t v;
	unsigned int i, j;
	struct sb b;

	if (!si)
		return;
	b = dec_begin(d);
	sb_putc(&b, '{');
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (i)
			sb_puts(&b, ", ");
		sb_puts(&b, f[i].name);
		sb_putc(&b, '=');
		if (!f[i].size) {
			sb_putc(&b, '[');
			for (j = 0; j < 3; j++) {
				memcpy(&v, si + f[i].off + 8 * j, 8);
				if (j)
					sb_puts(&b, ", ");
				sb_u64(&b, v);
			}
			sb_putc(&b, ']');
			continue;
		}
		v = 0;
		memcpy(&v, si + f[i].off, f[i].size);
		sb_u64(&b, v);
	}
	sb_putc(&b, '}');
	dec_end(d, &c->arg[0], &b);
}

const struct dec_entry dec_resource_table[] = {
	{ "prlimit64", dec_prlimit64, {
		{ 2, SO_CK_STRUCT_IN, 0, RLIMIT_SIZE },
		{ 3, SO_CK_STRUCT_OUT, 0, RLIMIT_SIZE } } },
	{ "getrlimit", dec_getrlimit, { { 1, SO_CK_STRUCT_OUT, 0, RLIMIT_SIZE } } },
	{ "setrlimit", dec_getrlimit, { { 1, SO_CK_STRUCT_IN, 0, RLIMIT_SIZE } } },
	{ "getrusage", dec_getrusage, { { 1, SO_CK_STRUCT_OUT, 0, RUSAGE_SIZE } } },
	{ "sysinfo", dec_sysinfo, { { 0, SO_CK_STRUCT_OUT, 0, SYSINFO_SIZE } } },
	{ NULL },
};
