// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * -e inject=SET:TOKEN... and -e fault=SET:TOKEN..., as strace 6.1 takes them (strace(1),
 * "Tampering"): each expression sets the rule of every syscall in SET; a later one for the same
 * syscall replaces it. fault= takes only error= (ENOSYS unless given) and when=.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode/names/errno.h"
#include "decode/names/sysent.h"
#include "optvals.h"
#include "qualify.h"

#define ERRNO_MAX	4095	/* strace's range of error= */

/* ENOENT or 2: the errno, 0 when it is neither */
static int errno_by_name(const char *s)
{
	const char *name;
	char *end;
	long v;
	int e;

	if (*s >= '0' && *s <= '9') {
		v = strtol(s, &end, 10);
		return *end || v < 1 || v > ERRNO_MAX ? 0 : (int)v;
	}
	for (e = 1; e <= ERRNO_MAX; e++) {
		name = errno__name(e);
		if (name && !strcmp(name, s))
			return e;
	}
	return 0;
}

/* A number of 1..max in *v; the text after it in *end. */
static bool when_number(const char *s, char **end, unsigned int max, uint16_t *v)
{
	unsigned long n;

	if (*s < '0' || *s > '9')
		return false;
	n = strtoul(s, end, 10);
	if (n < 1 || n > max)
		return false;
	*v = n;
	return true;
}

/* first[..last][+[step]] */
static bool parse_when(const char *s, struct inject_rule *r)
{
	char *end;

	r->last = INJECT_LAST_INF;
	r->step = 0;
	if (!when_number(s, &end, INJECT_WHEN_MAX, &r->first))
		return false;
	if (!strncmp(end, "..", 2)) {
		if (!when_number(end + 2, &end, INJECT_WHEN_MAX - 1, &r->last) ||
		    r->last < r->first)
			return false;
		r->step = 1;
	}
	if (*end == '+') {
		end++;
		r->step = 1;
		if (*end && !when_number(end, &end, INJECT_WHEN_MAX, &r->step))
			return false;
	}
	return !*end;
}

static bool parse_retval(const char *s, int64_t *v)
{
	char *end;

	errno = 0;
	if (*s == '-')
		*v = strtoll(s, &end, 10);
	else
		*v = (int64_t)strtoull(s, &end, 10);
	return !errno && end != s && !*end;
}

enum { T_ERROR = 1, T_RETVAL = 2, T_SIGNAL = 4, T_DELAY = 8 };

/* One TOKEN of the expression into r; which kind it was in *seen. */
static bool parse_token(char *tok, bool fault, struct inject_rule *r, unsigned int *seen)
{
	char *val = strchr(tok, '=');
	const char *strace_name;
	int e;

	if (!val)
		return false;
	*val++ = 0;
	if (!strcmp(tok, "when"))
		return parse_when(val, r);
	if (!strcmp(tok, "error")) {
		e = errno_by_name(val);
		r->ret = -e;
		*seen |= T_ERROR;
		return e && !(*seen & T_RETVAL);
	}
	if (fault)
		return false;
	if (!strcmp(tok, "retval")) {
		*seen |= T_RETVAL;
		return parse_retval(val, &r->ret) && !(*seen & T_ERROR);
	}
	if (!strcmp(tok, "signal")) {
		r->sig = qualify__signal(val);
		*seen |= T_SIGNAL;
		return r->sig > 0;
	}
	if (!strcmp(tok, "delay_enter") || !strcmp(tok, "delay_exit")) {
		*seen |= T_DELAY;
		return !optval__overhead(val, tok[6] == 'e' && tok[7] == 'n' ? &r->delay_enter_ns :
					 &r->delay_exit_ns);
	}
	/* nothing runs in an answered call's place: a pure call instead is the same */
	if (!strcmp(tok, "syscall"))
		return sysent__by_name(val) >= 0 &&
		       (sysent__classes(sysent__by_name(val), &strace_name) & SC_PURE);
	return false;	/* poke_enter=, poke_exit=: not supported (docs/inject.md) */
}

static int apply_rule(struct inject_set *s, const char *set, const struct inject_rule *r,
		      char *err, size_t errlen)
{
	struct filter f;
	unsigned int nr;

	filter__init(&f);
	if (filter__apply(&f, set, err, errlen))
		return -1;
	for (nr = 0; nr < SO_NR_SLOTS; nr++) {
		if (filter__has(&f, nr) && sysent__get(nr)) {
			s->rule[nr] = *r;
			s->any = true;
		}
	}
	return 0;
}

int tamper__apply(struct inject_set **sp, const char *expr, bool fault, char *err, size_t errlen)
{
	struct inject_rule r = { .on = true, .first = 1, .step = 1, .last = INJECT_LAST_INF };
	char *copy = strdup(expr), *tok, *save = NULL, *set;
	unsigned int seen = 0;
	bool ok = true;

	if (!copy || (!*sp && !(*sp = calloc(1, sizeof(**sp))))) {
		free(copy);
		return snprintf(err, errlen, "out of memory"), -1;
	}
	set = strtok_r(copy, ":", &save);
	while (ok && (tok = strtok_r(NULL, ":", &save)))
		ok = parse_token(tok, fault, &r, &seen);
	if (fault && !(seen & T_ERROR))
		r.ret = -ENOSYS, seen |= T_ERROR;
	r.answer = seen & (T_ERROR | T_RETVAL);
	if (!ok || !seen || !set) {
		snprintf(err, errlen, "invalid %s argument '%.200s'", fault ? "fault" : "inject",
			 expr);
		free(copy);
		return -1;
	}
	ok = !apply_rule(*sp, set, &r, err, errlen);
	free(copy);
	return ok ? 0 : -1;
}
