// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * --expect's pattern matcher (pattern.h). A compiled pattern is the source with blanks folded
 * and its wildcards turned into one byte each; matching backtracks over the wildcards, which
 * is cheap for one-line patterns against one-line calls.
 */
#include <stdlib.h>
#include <string.h>
#include "output/pattern.h"

enum {
	PT_ANY = 1,	/* "...": any run of whole arguments, or nothing */
	PT_VALUE,	/* "*" outside a string: one value, brackets balanced, no top-level comma */
	PT_PART,	/* "*" inside a string: any part of it */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

char *pattern__compile(char *dst, const char *src)
{
	const char *s = src;
	bool inq = false;
	char *o = dst;

	while (is_blank(*s))
		s++;
	while (*s) {
		if (inq) {
			if (*s == '\\' && s[1]) {
				*o++ = *s++;
				*o++ = *s++;
				continue;
			}
			inq = *s != '"';
			*o++ = *s == '*' ? PT_PART : *s;
			s++;
		} else if (!strncmp(s, "...", 3)) {
			/* the commas and blanks around "..." belong to the arguments it stands for */
			while (o > dst && (o[-1] == ' ' || o[-1] == ','))
				o--;
			*o++ = PT_ANY;
			for (s += 3; *s == ',' || is_blank(*s); s++)
				;
		} else if (is_blank(*s)) {
			while (is_blank(*s))
				s++;
			if (*s)
				*o++ = ' ';
		} else {
			inq = *s == '"';
			*o++ = *s == '*' ? PT_VALUE : *s;
			s++;
		}
	}
	*o = 0;
	return dst;
}

static bool match_at(const char *p, const char *t, const char *line, bool inq);

/* "..." stands for whole arguments: what it takes starts and ends at their edges. */
static bool any_edges(const char *line, const char *from, const char *to)
{
	if (from == to)
		return true;
	if (from != line && !strchr("(, \"", from[-1]) && from[0] != ',' && from[0] != ' ')
		return false;
	return strchr("), ", *to) || to[-1] == ',' || to[-1] == ' ';	/* strchr finds the NUL */
}

static bool match_any(const char *p, const char *t, const char *line)
{
	const char *e;

	for (e = t;; e++) {
		if (any_edges(line, t, e) && match_at(p, e, line, false))
			return true;
		if (!*e)
			return false;
	}
}

/* One value: quotes and brackets balanced, no comma outside them, at least one byte. */
static bool match_value(const char *p, const char *t, const char *line)
{
	int depth = 0;
	bool q = false;
	const char *e;

	for (e = t; *e; e++) {
		if (q) {
			if (*e == '\\' && e[1])
				e++;
			else if (*e == '"')
				q = false;
		} else if (*e == '"') {
			q = true;
		} else if (strchr("([{", *e)) {
			depth++;
		} else if (strchr(")]}", *e)) {
			if (--depth < 0)
				return false;
		} else if (*e == ',' && !depth) {
			return false;
		}
		if (!q && !depth && match_at(p, e + 1, line, false))
			return true;
	}
	return false;
}

/* Any part of a quoted string: never past its closing quote. */
static bool match_part(const char *p, const char *t, const char *line)
{
	const char *e;

	for (e = t;; e++) {
		if (match_at(p, e, line, true))
			return true;
		if (!*e || *e == '"')
			return false;
		if (*e == '\\' && e[1])
			e++;
	}
}

static bool match_at(const char *p, const char *t, const char *line, bool inq)
{
	for (;;) {
		switch (*p) {
		case 0:
			return !*t || *t == ' ';
		case PT_ANY:
			return match_any(p + 1, t, line);
		case PT_VALUE:
			return match_value(p + 1, t, line);
		case PT_PART:
			return match_part(p + 1, t, line);
		}
		if (*p != *t)
			return false;
		if (inq && *p == '\\' && p[1]) {
			if (p[1] != t[1])
				return false;
			p += 2;
			t += 2;
			continue;
		}
		if (*p == '"')
			inq = !inq;
		p++;
		t++;
	}
}

bool pattern__match(const char *p, const char *line)
{
	return match_at(p, line, line, false);
}

static size_t name_len(const char *s)
{
	return strcspn(s, "( ");
}

int pattern__closeness(const char *src, const char *line)
{
	static const char seps[] = " \t,()=|{}[]\"*";
	size_t n = name_len(src), w;
	int score = 0, d = (int)strlen(line) - (int)strlen(src);
	char word[128];

	if (n && n == name_len(line) && !strncmp(src, line, n))
		score += PATTERN_SAME_NAME;
	for (src += n; *src; src += w) {
		src += strspn(src, seps);
		w = strcspn(src, seps);
		if (w < 2 || w >= sizeof(word) || strspn(src, ".") == w)
			continue;
		memcpy(word, src, w);
		word[w] = 0;
		if (strstr(line, word))
			score += 10;
	}
	return score - abs(d) / 16;
}
