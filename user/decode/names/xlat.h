/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Constant names: value -> name tables generated from the uapi headers
 * (user/decode/names/tables/gen-flags.py writes user/decode/names/tables/flags.h), looked up by the decoders.
 */
#ifndef SYSOBS_XLAT_H
#define SYSOBS_XLAT_H

#include <stdbool.h>
#include <stdint.h>
#include "lib/sb.h"

struct xlat {
	uint64_t val;
	const char *name;
};

struct xlat_tab {
	const struct xlat *e;
	unsigned int n;
};

#define XLAT_TABLE(name) extern const struct xlat_tab xt_##name;
#include "decode/names/tables/flags-list.h"
#undef XLAT_TABLE

/* -X: how constants and flags print (strace's --const-print-style) */
enum xlat_style {
	XLAT_ABBREV,	/* O_RDONLY|O_CLOEXEC (the default) */
	XLAT_RAW,	/* 0x80000 */
	XLAT_VERBOSE,	/* 0x80000 /+ O_RDONLY|O_CLOEXEC +/ */
};

void xlat__set_style(enum xlat_style s);
enum xlat_style xlat__style(void);

/*
 * A value a decoder names itself (several tables, makedev()): with -X abbrev false, the caller
 * prints the names; with raw the number v in hex, with verbose that and " /+ NAMES +/", names(b,
 * v, arg) printing them; true then.
 */
bool sb_styled(struct sb *b, uint64_t v, void (*names)(struct sb *, uint64_t, const void *),
	       const void *arg);

/* The name of v in an enum-like table, NULL when it has none. */
const char *xlat__name(const struct xlat_tab *t, uint64_t v);

/* v's name in t, else v in hex with a comment as strace does: 0x42 /+ SEEK_??? +/ */
void sb_enum(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *unknown);
/* Same, unknown values in decimal. */
void sb_enum_d(struct sb *b, const struct xlat_tab *t, int64_t v, const char *unknown);
/* FLAG_A|FLAG_B|0x100 in table order; zero prints zero_name (or "0" when NULL). */
void sb_flags(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *zero_name);
/* The same, but a value with no known flag prints as strace's printflags with a default:
 * 0x4000 /+ RWF_??? +/ */
void sb_flags_u(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *unknown);
/* st_mode: S_IFREG|S_ISUID|0755. */
void sb_mode(struct sb *b, uint32_t mode);

#endif /* SYSOBS_XLAT_H */
