// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "outbuf.h"

int outbuf__init(struct outbuf *ob, int fd, size_t cap)
{
	memset(ob, 0, sizeof(*ob));
	ob->fd = fd;
	ob->cap = cap;
	ob->buf = malloc(cap);
	return ob->buf ? 0 : -ENOMEM;
}

void outbuf__free(struct outbuf *ob)
{
	free(ob->buf);
	ob->buf = NULL;
}

int outbuf__flush(struct outbuf *ob)
{
	size_t off = 0;
	ssize_t n;

	while (off < ob->len && !ob->failed) {
		n = write(ob->fd, ob->buf + off, ob->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ob->failed = true;
			ob->err = errno;
			break;
		}
		off += n;
	}
	/* a line cut by the flush keeps counting its columns from before it */
	ob->line_start -= (long)ob->len;
	ob->len = 0;
	return ob->failed ? -ob->err : 0;
}

void outbuf__copy(char *d, const char *s, size_t n)
{
	memcpy(d, s, n);
}

char *outbuf__make_room(struct outbuf *ob, size_t n)
{
	outbuf__flush(ob);
	if (n > ob->cap) {
		char *nb = realloc(ob->buf, n);

		if (!nb)
			return NULL;
		ob->buf = nb;
		ob->cap = n;
	}
	return ob->buf + ob->len;
}

void outbuf__puts(struct outbuf *ob, const char *s)
{
	outbuf__write(ob, s, strlen(s));
}

static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Decimal digits, two at a time from the end: this runs several times per record. */
static const uint64_t pow10[19] = {
	10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
	1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
	100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
	1000000000000000000ull, 10000000000000000000ull,
};

/* Exactly n digits of v (< 10^8, zero padded), with 32-bit arithmetic. */
static void fmt_u32_n(char *end, uint32_t v, size_t n)
{
	char *p = end;

	while (n >= 2) {
		uint32_t r = v % 100;

		v /= 100;
		p -= 2;
		p[0] = digit_pairs[2 * r];
		p[1] = digit_pairs[2 * r + 1];
		n -= 2;
	}
	if (n)
		*--p = '0' + v % 10;
}

/* Decimal digits, two at a time from the end: this runs several times per record. Numbers
 * above 10^8 (timestamps) are cut in 8-digit pieces so the divisions stay 32-bit. */
size_t fmt_u64(char *dst, uint64_t v)
{
	size_t n = 1, hi_len;

	if (v >= 100000000ull) {
		hi_len = fmt_u64(dst, v / 100000000ull);
		fmt_u32_n(dst + hi_len + 8, v % 100000000ull, 8);
		return hi_len + 8;
	}
	/* count the digits by comparison: no division */
	while (n < 8 && v >= pow10[n - 1])
		n++;
	fmt_u32_n(dst + n, v, n);
	return n;
}

size_t fmt_i64(char *dst, int64_t v)
{
	if (v < 0) {
		dst[0] = '-';
		return 1 + fmt_u64(dst + 1, -(uint64_t)v);
	}
	return fmt_u64(dst, v);
}

size_t fmt_hex(char *dst, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[16];
	size_t n = 0, i;

	do {
		tmp[n++] = digits[v & 15];
		v >>= 4;
	} while (v);
	dst[0] = '0';
	dst[1] = 'x';
	for (i = 0; i < n; i++)
		dst[2 + i] = tmp[n - 1 - i];
	return n + 2;
}

void outbuf__u64(struct outbuf *ob, uint64_t v)
{
	char *d = outbuf__reserve(ob, 24);

	if (d)
		ob->len += fmt_u64(d, v);
}

void outbuf__i64(struct outbuf *ob, int64_t v)
{
	char *d = outbuf__reserve(ob, 24);

	if (d)
		ob->len += fmt_i64(d, v);
}

void outbuf__hex(struct outbuf *ob, uint64_t v)
{
	char *d = outbuf__reserve(ob, 24);

	if (d)
		ob->len += fmt_hex(d, v);
}

size_t fmt_oct(char *dst, uint64_t v)
{
	char t[24];
	size_t n = 0, i = 0;

	/* printf's %#03o, as strace prints modes: 000, 007, 0644, 0100644 */
	do {
		t[n++] = '0' + (v & 7);
		v >>= 3;
	} while (v);
	while (n < 3)
		t[n++] = '0';
	if (t[n - 1] != '0')
		t[n++] = '0';
	while (n)
		dst[i++] = t[--n];
	return i;
}

size_t outbuf__col(const struct outbuf *ob)
{
	return (size_t)((long)ob->len - ob->line_start);
}

void outbuf__pad_to(struct outbuf *ob, size_t col)
{
	size_t cur = outbuf__col(ob);
	char *d;

	if (cur >= col)
		return;
	d = outbuf__reserve(ob, col - cur);
	if (!d)
		return;
	memset(d, ' ', col - cur);
	ob->len += col - cur;
}

void outbuf__newline(struct outbuf *ob)
{
	outbuf__putc(ob, '\n');
	ob->line_start = (long)ob->len;
}
