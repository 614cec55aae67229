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

/* strace 6.1's class names (its basic_filters.c qualify_syscall_class); the names without %
 * are its legacy spellings. */
static const struct {
	const char *name;
	uint32_t classes;	/* enum sysent_class: every one of them (0: all calls) */
} class_names[] = {
	{ "%desc", SC_DESC }, { "%file", SC_FILE }, { "%memory", SC_MEMORY },
	{ "%process", SC_PROCESS }, { "%creds", SC_CREDS }, { "%signal", SC_SIGNAL },
	{ "%ipc", SC_IPC }, { "%net", SC_NETWORK }, { "%network", SC_NETWORK },
	{ "%stat", SC_STAT }, { "%lstat", SC_LSTAT }, { "%fstat", SC_FSTAT },
	{ "%%stat", SC_STAT_LIKE }, { "%statfs", SC_STATFS }, { "%fstatfs", SC_FSTATFS },
	{ "%%statfs", SC_STATFS_LIKE }, { "%pure", SC_PURE }, { "%clock", SC_CLOCK },
	{ "desc", SC_DESC }, { "file", SC_FILE }, { "memory", SC_MEMORY },
	{ "process", SC_PROCESS }, { "signal", SC_SIGNAL }, { "ipc", SC_IPC },
	{ "network", SC_NETWORK },
};

/* A call strace 6.1 knows with every class in *cls */
static bool in_class(const struct sysent *e, long nr, const void *cls)
{
	const char *strace_name;
	uint32_t want = *(const uint32_t *)cls;

	(void)e;
	return (sysent__classes(nr, &strace_name) & want) == want && strace_name;
}

static bool in_regex(const struct sysent *e, long nr, const void *re)
{
	(void)nr;
	return !regexec(re, e->name, 0, NULL, 0);
}

/* Every known syscall for which match(entry, ctx) holds into m. */
static void add_matching(uint64_t *m, bool (*match)(const struct sysent *, long, const void *),
			 const void *ctx)
{
	unsigned int nr, max = sysent__max();

	for (nr = 0; nr < max && nr < SO_NR_SLOTS; nr++) {
		const struct sysent *e = sysent__get(nr);

		if (e && match(e, nr, ctx))
			set_bit(m, nr);
	}
}

static int add_regex(uint64_t *m, const char *expr, char *err, size_t errlen)
{
	regex_t re;
	int rc = regcomp(&re, expr, REG_EXTENDED | REG_NOSUB);

	if (rc) {
		char msg[128];

		regerror(rc, &re, msg, sizeof(msg));
		snprintf(err, errlen, "invalid regular expression '%s': %s", expr, msg);
		return -1;
	}
	add_matching(m, in_regex, &re);
	regfree(&re);
	return 0;
}

/* %CLASS or a legacy class name into m; false when el is none. */
static bool add_class(uint64_t *m, const char *el)
{
	unsigned int i;

	for (i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++) {
		if (!strcmp(class_names[i].name, el)) {
			add_matching(m, in_class, &class_names[i].classes);
			return true;
		}
	}
	return false;
}

/* NAME@64 is the only personality sysobs traces; NAME@32 and NAME@x32 select nothing. */
static int personality(char *el, char *err, size_t errlen)
{
	char *at = strrchr(el, '@');

	if (!at)
		return 1;
	if (!strcmp(at, "@64")) {
		*at = 0;
		return 1;
	}
	if (!strcmp(at, "@32") || !strcmp(at, "@x32"))
		return 0;
	snprintf(err, errlen, "unknown personality '%s' in '%s' (@64, @32, @x32)", at + 1, el);
	return -1;
}

/* One element of a set into m, as strace's qualify_syscall. */
static int add_element(uint64_t *m, char *el, char *err, size_t errlen)
{
	bool quiet = false;
	char *end;
	long n;
	int p;

	while (el[0] == '?') {
		quiet = true;
		el++;
	}
	if (!strcmp(el, "all")) {
		memset(m, 0xff, FILTER_WORDS * sizeof(*m));
		return 0;
	}
	if (!strcmp(el, "none"))
		return 0;
	p = personality(el, err, errlen);
	if (p <= 0)
		return p;
	if (el[0] == '/')
		return add_regex(m, el + 1, err, errlen);
	if (add_class(m, el))
		return 0;
	n = el[0] >= '0' && el[0] <= '9' ? strtol(el, &end, 10) : sysent__by_name(el);
	if (el[0] >= '0' && el[0] <= '9' && *end)
		n = -1;
	if (n < 0 || n >= SO_NR_SLOTS || !sysent__get(n)) {
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

	if (eq && *expr != '/') {	/* "trace=" or "t=" before the set (a regex may hold '=') */
		size_t q = eq - expr;

		if (!((q == 5 && !strncmp(expr, "trace", 5)) || (q == 1 && expr[0] == 't'))) {
			snprintf(err, errlen, "invalid qualifier '%.*s'",
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
