/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The text builder: a bounded string over a caller's buffer (the decoder's arena, a stack
 * array). Writes past cap are dropped: the text is cut, never overflows. No allocation, no
 * stdio per field.
 */
#ifndef SYSOBS_SB_H
#define SYSOBS_SB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sb {
	char *p;
	size_t len;
	size_t cap;
};

void sb_putn(struct sb *b, const char *s, size_t n);
void sb_puts(struct sb *b, const char *s);
void sb_putc(struct sb *b, char c);
void sb_u64(struct sb *b, uint64_t v);
void sb_i64(struct sb *b, int64_t v);
void sb_hex(struct sb *b, uint64_t v);	/* %#llx: 0 is "0" */
void sb_oct(struct sb *b, uint64_t v);	/* %#03o: 0644, 000 */
void sb_ptr(struct sb *b, uint64_t v);	/* NULL or 0x... */
/* "..." with strace's escapes; ... after when more. hex: \xNN for every byte (getrandom). */
void sb_quoted(struct sb *b, const uint8_t *p, size_t n, bool more, bool stop_at_nul, bool hex);

/* The bytes escaped as inside a string, without the quotes (QUOTE_* flags of lib/fmt.h). */
void sb_escaped(struct sb *b, const char *p, size_t n, unsigned int flags);

#endif /* SYSOBS_SB_H */
