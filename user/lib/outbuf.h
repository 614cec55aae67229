/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A buffered writer for the trace: lines are appended to one large buffer and written with one
 * write() per many lines. Numbers are formatted by hand (no printf per field) because the
 * consumer must keep up with millions of records a second.
 */
#ifndef SYSOBS_OUTBUF_H
#define SYSOBS_OUTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/fmt.h"

struct outbuf {
	int fd;
	bool failed;		/* a write failed: stop writing, report once at the end */
	int err;		/* errno of the failure */
	size_t len;
	size_t cap;
	long line_start;	/* where the current line started (< 0: before a flush) */
	char *buf;
};

int outbuf__init(struct outbuf *ob, int fd, size_t cap);
void outbuf__free(struct outbuf *ob);
int outbuf__flush(struct outbuf *ob);

/* The slow half of outbuf__reserve: flush, grow. */
char *outbuf__make_room(struct outbuf *ob, size_t n);

/* Make room for n more bytes; flushes when needed. Returns where to write. Inline: the
 * consumer calls these a dozen times per record. */
static inline char *outbuf__reserve(struct outbuf *ob, size_t n)
{
	if (ob->len + n > ob->cap)
		return outbuf__make_room(ob, n);
	return ob->buf + ob->len;
}

static inline void outbuf__putc(struct outbuf *ob, char c)
{
	char *d = outbuf__reserve(ob, 1);

	if (d) {
		*d = c;
		ob->len++;
	}
}

/* memcpy, out of line: inlined, gcc turns a copy of unknown length into rep movsq, which
 * costs more than the whole record's formatting on some CPUs. */
void outbuf__copy(char *d, const char *s, size_t n);

static inline void outbuf__write(struct outbuf *ob, const void *p, size_t n)
{
	const char *s = p;
	char *d = outbuf__reserve(ob, n);
	uint64_t a, b;
	uint32_t x, y;

	if (!d)
		return;
	/* most pieces are short: two overlapping loads and stores */
	if (n >= 8 && n <= 16) {
		__builtin_memcpy(&a, s, 8);
		__builtin_memcpy(&b, s + n - 8, 8);
		__builtin_memcpy(d, &a, 8);
		__builtin_memcpy(d + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		__builtin_memcpy(&x, s, 4);
		__builtin_memcpy(&y, s + n - 4, 4);
		__builtin_memcpy(d, &x, 4);
		__builtin_memcpy(d + n - 4, &y, 4);
	} else if (n < 4) {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	} else {
		outbuf__copy(d, s, n);
	}
	ob->len += n;
}

void outbuf__puts(struct outbuf *ob, const char *s);
/* A string literal: its length is known at compile time. */
#define outbuf__lit(ob, lit) outbuf__write((ob), (lit), sizeof(lit) - 1)
void outbuf__u64(struct outbuf *ob, uint64_t v);
void outbuf__i64(struct outbuf *ob, int64_t v);
void outbuf__hex(struct outbuf *ob, uint64_t v);	/* 0x... */
void outbuf__pad_to(struct outbuf *ob, size_t col);	/* spaces up to column col of the line */
void outbuf__newline(struct outbuf *ob);
size_t outbuf__col(const struct outbuf *ob);

#endif /* SYSOBS_OUTBUF_H */
