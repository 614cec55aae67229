// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Numbers and quoted bytes into plain char buffers, by hand: the consumer formats millions of
 * records a second, and printf per field would not keep up. */
#include <stdbool.h>
#include <string.h>
#include "lib/fmt.h"

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

static enum quote_hex hex_mode;

void quote__set_hex(enum quote_hex mode)
{
	hex_mode = mode;
}

static const char hexdig[] = "0123456789abcdef";

/* -x: a byte neither printable nor white space (strace's string_quote) makes it all hex */
static bool all_hex(const uint8_t *src, size_t n, unsigned int flags)
{
	size_t i;

	if (hex_mode == QUOTE_HEX_ALL)
		return true;
	for (i = 0; hex_mode == QUOTE_HEX_NON_ASCII && i < n; i++) {
		if ((flags & QUOTE_STOP_AT_NUL) && !src[i])
			break;
		if (src[i] > 0x7e || (src[i] < ' ' && (src[i] < '\t' || src[i] > '\r')))
			return true;
	}
	return false;
}

static char *put_hex(char *s, uint8_t c)
{
	*s++ = '\\';
	*s++ = 'x';
	*s++ = hexdig[c >> 4];
	*s++ = hexdig[c & 15];
	return s;
}

/* strace's quoting: printable ASCII as is, C escapes, octal for the rest. */
size_t quote_bytes(char *dst, const uint8_t *src, size_t n, unsigned int flags)
{
	char *s = dst;
	size_t i;

	if (hex_mode && !(flags & QUOTE_PLAIN) && all_hex(src, n, flags)) {
		for (i = 0; i < n && !((flags & QUOTE_STOP_AT_NUL) && !src[i]); i++)
			s = put_hex(s, src[i]);
		return s - dst;
	}

	for (i = 0; i < n; i++) {
		uint8_t c = src[i];

		if ((flags & QUOTE_STOP_AT_NUL) && !c)
			break;
		switch (c) {
		case '"':
			*s++ = '\\';
			*s++ = '"';
			break;
		case '\\':
			*s++ = '\\';
			*s++ = '\\';
			break;
		case '\f':
			*s++ = '\\';
			*s++ = 'f';
			break;
		case '\n':
			*s++ = '\\';
			*s++ = 'n';
			break;
		case '\r':
			*s++ = '\\';
			*s++ = 'r';
			break;
		case '\t':
			*s++ = '\\';
			*s++ = 't';
			break;
		case '\v':
			*s++ = '\\';
			*s++ = 'v';
			break;
		default:
			if (c >= ' ' && c <= 0x7e &&
			    !((flags & QUOTE_ANGLES) && (c == '<' || c == '>'))) {
				*s++ = c;
				break;
			}
			if (hex_mode == QUOTE_HEX_CHARS && !(flags & QUOTE_PLAIN)) {
				s = put_hex(s, c);
				break;
			}
			/* octal, as short as it can be unless a digit follows */
			*s++ = '\\';
			if (i + 1 < n && src[i + 1] >= '0' && src[i + 1] <= '7') {
				*s++ = '0' + (c >> 6);
				*s++ = '0' + ((c >> 3) & 7);
			} else {
				if (c >> 3) {
					if (c >> 6)
						*s++ = '0' + (c >> 6);
					*s++ = '0' + ((c >> 3) & 7);
				}
			}
			*s++ = '0' + (c & 7);
		}
	}
	return s - dst;
}

const char *quote_msg(char *buf, size_t len, const char *s)
{
	size_t n = strlen(s), room = (len - 1) / 4;

	buf[quote_bytes(buf, (const uint8_t *)s, n < room ? n : room, QUOTE_PLAIN)] = 0;
	return buf;
}
