/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The bottom of the text builder: numbers and quoted bytes formatted into plain char buffers.
 * Each returns the length written (no NUL).
 */
#ifndef SYSOBS_FMT_H
#define SYSOBS_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

size_t fmt_u64(char *dst, uint64_t v);
size_t fmt_i64(char *dst, int64_t v);
size_t fmt_hex(char *dst, uint64_t v);	/* 0x... */
size_t fmt_oct(char *dst, uint64_t v);	/* %#03o: 000, 0644 */

/* strace's quoting of n bytes (no quotes around): printable ASCII as is, C escapes, octal for
 * the rest; at most 4 * n bytes. Every byte a traced program or the filesystem supplies goes
 * through it before it is printed: no control byte reaches a terminal raw. */
#define QUOTE_STOP_AT_NUL	(1u << 0)	/* end at the first NUL */
#define QUOTE_ANGLES		(1u << 1)	/* '<' and '>' in octal too (-y's "3</path>") */
#define QUOTE_PLAIN		(1u << 2)	/* never in hex (sysobs's own messages) */
size_t quote_bytes(char *dst, const uint8_t *src, size_t n, unsigned int flags);

/* -x, -xx, --strings-in-hex=: strace's hex forms of the quoted strings, for the whole run */
enum quote_hex {
	QUOTE_HEX_NONE,		/* octal escapes (the default) */
	QUOTE_HEX_NON_ASCII,	/* -x: a string with a non-ASCII byte all in \xHH */
	QUOTE_HEX_ALL,		/* -xx: every string all in \xHH */
	QUOTE_HEX_CHARS,	/* =non-ascii-chars: \xHH instead of octal */
};
void quote__set_hex(enum quote_hex mode);

/* s quoted into buf (len bytes, NUL-terminated, cut when too long) for a diagnostic. */
const char *quote_msg(char *buf, size_t len, const char *s);

#endif /* SYSOBS_FMT_H */
