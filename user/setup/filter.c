// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "setup/filter.h"
#include "decode/names/sysent.h"

void filter__init(struct filter *f)
{
	memset(f, 0, sizeof(*f));
	memset(f->mask, 0xff, sizeof(f->mask));
	f->all = true;
}

bool filter__has(const struct filter *f, long nr)
{
	if (f->all)
		return true;
	if (nr < 0 || nr >= SO_NR_SLOTS)
		return false;
	return f->mask[nr / 64] >> (nr % 64) & 1;
}

static void set_bit(uint64_t *m, long nr)
{
	m[nr / 64] |= 1ull << (nr % 64);
}

/*
 * The classes sysobs derives from the signatures (the kernel's argument names and types):
 * %file, a call that takes a file name; %desc, one that takes a file descriptor. strace keeps
 * its own lists, which also count calls that return descriptors (socket, pipe) and a few more.
 */
static bool in_class(const struct sysent *e, const void *cls)
{
	unsigned int i;

	for (i = 0; i < e->nargs && i < SYSENT_MAX_ARGS; i++) {
		int k = e->args[i].kind;

		if (!strcmp(cls, "file") && k == AK_PATH)
			return true;
		if (!strcmp(cls, "desc") && (k == AK_FD || k == AK_DIRFD))
			return true;
	}
	return false;
}

static bool in_regex(const struct sysent *e, const void *re)
{
	return !regexec(re, e->name, 0, NULL, 0);
}

/* Every known syscall for which match(entry, ctx) holds into m. */
static void add_matching(uint64_t *m, bool (*match)(const struct sysent *, const void *),
			 const void *ctx)
{
	unsigned int nr, max = sysent__max();

	for (nr = 0; nr < max && nr < SO_NR_SLOTS; nr++) {
		const struct sysent *e = sysent__get(nr);

		if (e && match(e, ctx))
			set_bit(m, nr);
	}
}

/* One element of a set into m. */
static int add_element(uint64_t *m, const char *el, char *err, size_t errlen)
{
	bool quiet = false;
	long n;

	if (!strcmp(el, "all")) {
		memset(m, 0xff, FILTER_WORDS * sizeof(*m));
		return 0;
	}
	if (!strcmp(el, "none"))
		return 0;
	if (el[0] == '/') {
		regex_t re;
		int rc = regcomp(&re, el + 1, REG_EXTENDED | REG_NOSUB);

		if (rc) {
			char msg[128];

			regerror(rc, &re, msg, sizeof(msg));
			snprintf(err, errlen, "invalid regular expression '%s': %s", el + 1, msg);
			return -1;
		}
		add_matching(m, in_regex, &re);
		regfree(&re);
		return 0;
	}
	if (el[0] == '%' || !strcmp(el, "file") || !strcmp(el, "desc")) {
		const char *cls = el[0] == '%' ? el + 1 : el;

		if (strcmp(cls, "file") && strcmp(cls, "desc")) {
			snprintf(err, errlen, "unsupported syscall class '%s' (%%file and %%desc are "
				 "supported; use names or /regex)", el);
			return -1;
		}
		add_matching(m, in_class, cls);
		return 0;
	}
	if (el[0] == '?') {
		quiet = true;
		el++;
	}
	n = sysent__by_name(el);
	if (n < 0 || n >= SO_NR_SLOTS) {
		if (quiet)
			return 0;
		snprintf(err, errlen, "invalid system call '%s'", el);
		return -1;
	}
	set_bit(m, n);
	return 0;
}

int filter__apply(struct filter *f, const char *expr, char *err, size_t errlen)
{
	uint64_t set[FILTER_WORDS] = { 0 };
	const char *eq = strchr(expr, '=');
	char *copy, *el, *save = NULL;
	bool negate = false;
	unsigned int i;
	int rc = 0;

	if (eq) {
		size_t q = eq - expr;

		if (!((q == 5 && !strncmp(expr, "trace", 5)) || (q == 1 && expr[0] == 't'))) {
			snprintf(err, errlen, "unsupported -e qualifier '%.*s' (only trace= is)",
				 (int)q, expr);
			return -1;
		}
		expr = eq + 1;
	}
	if (*expr == '!') {
		negate = true;
		expr++;
	}
	if (!*expr) {
		snprintf(err, errlen, "empty syscall set in -e");
		return -1;
	}
	copy = strdup(expr);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (el = strtok_r(copy, ",", &save); el && !rc; el = strtok_r(NULL, ",", &save))
		rc = add_element(set, el, err, errlen);
	free(copy);
	if (rc)
		return -1;
	if (!f->given && !negate)
		memset(f->mask, 0, sizeof(f->mask));	/* the first set says what is traced */
	f->given = true;
	for (i = 0; i < FILTER_WORDS; i++)
		f->mask[i] = negate ? f->mask[i] & ~set[i] : f->mask[i] | set[i];
	f->all = true;
	for (i = 0; i < FILTER_WORDS; i++)
		if (f->mask[i] != ~0ull)
			f->all = false;
	return 0;
}
