// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The text builder: bounded strings in a caller's buffer, no allocation, no stdio. */
#include <string.h>
#include "lib/fmt.h"
#include "lib/sb.h"

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
		b->len += quote_bytes(b->p + b->len, p, n, 0);
	}
	sb_putc(b, '"');
	if (more)
		sb_puts(b, "...");
}

void sb_escaped(struct sb *b, const char *p, size_t n, unsigned int flags)
{
	size_t room = (b->cap - b->len) / 4;

	if (n > room)
		n = room;
	b->len += quote_bytes(b->p + b->len, (const uint8_t *)p, n, flags);
}
