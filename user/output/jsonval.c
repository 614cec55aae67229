// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* JSON values (jsonval.h). */
#include <ctype.h>
#include <string.h>
#include "output/jsonval.h"

static const char hexd[] = "0123456789abcdef";

static unsigned int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
}

/* The escape of one ASCII byte, or 0 when it is written as it is. */
static size_t json_ascii(char *d, unsigned char c)
{
	if (c == '"' || c == '\\') {
		d[0] = '\\';
		d[1] = c;
		return 2;
	}
	if (c >= 0x20 && c < 0x7f)
		return 0;
	if (c == '\n' || c == '\t') {
		d[0] = '\\';
		d[1] = c == '\n' ? 'n' : 't';
		return 2;
	}
	memcpy(d, "\\u00", 4);
	d[4] = hexd[c >> 4];
	d[5] = hexd[c & 15];
	return 6;
}

void json_str_latin1(struct outbuf *ob, const char *p, size_t n)
{
	char *d = outbuf__reserve(ob, 6 * n + 2);
	size_t i, o = 0, e;

	if (!d)
		return;
	d[o++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		e = c < 0x80 ? json_ascii(d + o, c) : 0;
		if (c >= 0x80) {
			memcpy(d + o, "\\u00", 4);
			d[o + 4] = hexd[c >> 4];
			d[o + 5] = hexd[c & 15];
			e = 6;
		} else if (!e) {
			d[o] = c;
			e = 1;
		}
		o += e;
	}
	d[o++] = '"';
	ob->len += o;
}

/* The length of the valid UTF-8 sequence at p (at most n bytes), 0 when there is none:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	size_t len, i;
	uint32_t cp;

	if (p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	len = p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
	if (len > n)
		return 0;
	cp = p[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

bool json_str_utf8(struct outbuf *ob, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	char *d = outbuf__reserve(ob, 6 * n + 2);
	size_t i = 0, o = 0, e;
	bool valid = true;

	if (!d)
		return true;
	d[o++] = '"';
	while (i < n) {
		/* the common case: a run of printable ASCII, copied as it is */
		while (i < n && u[i] >= 0x20 && u[i] < 0x7f && u[i] != '"' && u[i] != '\\')
			d[o++] = u[i++];
		if (i == n)
			break;
		if (u[i] < 0x80) {
			e = json_ascii(d + o, u[i]);
			if (!e)
				d[o] = u[i], e = 1;
			o += e;
			i++;
		} else if ((e = utf8_len(u + i, n - i))) {
			memcpy(d + o, u + i, e);
			o += e;
			i += e;
		} else {
			memcpy(d + o, "\\udc", 4);
			d[o + 4] = hexd[u[i] >> 4];
			d[o + 5] = hexd[u[i] & 15];
			o += 6;
			i++;
			valid = false;
		}
	}
	d[o++] = '"';
	ob->len += o;
	return valid;
}

void json_hex(struct outbuf *ob, const uint8_t *p, size_t n)
{
	char *d = outbuf__reserve(ob, 2 * n + 2);
	size_t i, o = 0;

	if (!d)
		return;
	d[o++] = '"';
	for (i = 0; i < n; i++) {
		d[o++] = hexd[p[i] >> 4];
		d[o++] = hexd[p[i] & 15];
	}
	d[o++] = '"';
	ob->len += o;
}

#define JSON_EXACT_MAX	(1ll << 53)

bool json_exact(int64_t v, bool is_signed)
{
	if (!is_signed)
		return (uint64_t)v <= (uint64_t)JSON_EXACT_MAX;
	return v >= -JSON_EXACT_MAX && v <= JSON_EXACT_MAX;
}

/* --- strace's notation ------------------------------------------------------------------ */

struct nparse {
	const char *p, *end;
	struct outbuf *ob;	/* NULL: only check */
	int depth;
};

#define NOTATION_DEPTH	16

static bool n_value(struct nparse *np);

static bool n_at(const struct nparse *np, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(np->end - np->p) >= n && !memcmp(np->p, s, n);
}

static void n_out(struct nparse *np, const char *s, size_t n)
{
	if (np->ob)
		outbuf__write(np->ob, s, n);
}

/* The byte behind strace's one-letter escape (\n ...); the letter itself for \" and \\ */
static unsigned char unescape_c(char c)
{
	switch (c) {
	case 'n':
		return '\n';
	case 't':
		return '\t';
	case 'r':
		return '\r';
	case 'f':
		return '\f';
	case 'v':
		return '\v';
	default:
		return c;
	}
}

/* strace's quoted string "..." (and a "..." after it when cut) as the JSON string of its bytes;
 * false when the atom is something else. */
static bool n_string(struct nparse *np, const char *s, const char *e)
{
	char buf[1024];
	size_t n = 0;
	const char *p;

	if (e - s >= 5 && !memcmp(e - 3, "...", 3))
		e -= 3;
	if (e - s < 2 || *s != '"' || e[-1] != '"')
		return false;
	for (p = s + 1; p < e - 1 && n < sizeof(buf); p++) {
		unsigned int v = 0, k;

		if (*p == '"')
			return false;
		if (*p != '\\' || p + 1 >= e - 1) {
			buf[n++] = *p;
			continue;
		}
		p++;
		if (*p >= '0' && *p <= '7') {
			for (k = 0; k < 3 && p < e - 1 && *p >= '0' && *p <= '7'; k++, p++)
				v = v * 8 + (*p - '0');
			p--;
		} else if (*p == 'x' && p + 2 < e - 1) {
			v = (hexval(p[1]) << 4) | hexval(p[2]);
			p += 2;
		} else {
			v = unescape_c(*p);
		}
		buf[n++] = v;
	}
	if (np->ob)
		json_str_utf8(np->ob, buf, n);
	return true;
}

/* An atom: up to a comma or closing bracket outside quotes and parentheses. */
static bool n_atom(struct nparse *np)
{
	const char *s = np->p, *e;
	int paren = 0;
	bool q = false, num;

	for (e = s; e < np->end; e++) {
		if (q) {
			if (*e == '\\')
				e++;
			else if (*e == '"')
				q = false;
		} else if (*e == '"') {
			q = true;
		} else if (*e == '(') {
			paren++;
		} else if (*e == ')') {
			if (--paren < 0)
				return false;
		} else if (!paren && (*e == ',' || *e == '}' || *e == ']')) {
			break;
		}
	}
	if (e == s || q || paren)
		return false;
	np->p = e;
	num = e - s < 19 && strspn(s + (*s == '-'), "0123456789") == (size_t)(e - s - (*s == '-')) &&
	      e - s > (*s == '-') && (s[*s == '-'] != '0' || e - s == 1 + (*s == '-'));
	if (num)
		n_out(np, s, e - s);
	else if (n_string(np, s, e))
		;
	else if (np->ob)
		json_str_utf8(np->ob, s, e - s);
	return true;
}

/* A field name as strace prints them (st_mode, sa_handler, ru_utime, ...): an identifier.
 * Anything else before '=' ("WIFEXITED(s) && WEXITSTATUS(s) == 3") is not a struct's field. */
static bool n_key(const char *p, const char *e)
{
	if (p == e || !(isalpha((unsigned char)*p) || *p == '_'))
		return false;
	for (; p < e; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '.')
			return false;
	return true;
}

/* {k=v, ...} or [v, ...]: the members after the opening bracket, up to close. */
static bool n_members(struct nparse *np, char close, bool keyed)
{
	bool first = true;
	const char *eq;

	for (;;) {
		if (n_at(np, "...")) {
			np->p += 3;	/* abbreviated: left out */
		} else if (np->p < np->end && *np->p != close) {
			n_out(np, ",", first ? 0 : 1);
			first = false;
			if (keyed) {
				eq = memchr(np->p, '=', np->end - np->p);
				if (!eq || !n_key(np->p, eq))
					return false;	/* not a struct: the text stays a string */
				if (np->ob)
					json_str_utf8(np->ob, np->p, eq - np->p);
				n_out(np, ":", 1);
				np->p = eq + 1;
			}
			if (!n_value(np))
				return false;
		}
		if (np->p < np->end && *np->p == close) {
			np->p++;
			return true;
		}
		if (!n_at(np, ", "))
			return false;
		np->p += 2;
	}
}

static bool n_value(struct nparse *np)
{
	bool ok;
	char open;

	if (np->p >= np->end)
		return false;
	open = *np->p;
	if (open != '{' && open != '[')
		return n_atom(np);
	if (++np->depth > NOTATION_DEPTH)
		return false;
	np->p++;
	n_out(np, open == '{' ? "{" : "[", 1);
	ok = n_members(np, open == '{' ? '}' : ']', open == '{');
	n_out(np, open == '{' ? "}" : "]", 1);
	np->depth--;
	return ok;
}

bool json_notation(struct outbuf *ob, const char *text, size_t n)
{
	struct nparse np = { .p = text, .end = text + n };

	if (!n || (text[0] != '{' && text[0] != '['))
		return false;
	if (!n_value(&np) || np.p != np.end)
		return false;
	np = (struct nparse){ .p = text, .end = text + n, .ob = ob };
	return n_value(&np);
}
