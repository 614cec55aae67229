// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * --expect: the matcher sink (expect.h). Each event becomes the line the text trace shows for
 * it (without the pid prefix, timestamps and padding), which is matched against the patterns.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fmt.h"
#include "lib/sb.h"
#include "lib/warn.h"
#include "decode/names/errno.h"
#include "decode/names/signals.h"
#include "output/expect.h"
#include "output/pattern.h"

/* where --expect-line patterns come from; compared by address */
static const char CLI_WHERE[] = "--expect-line";

static int add_pattern(struct expect *x, const char *text, const char *where,
		       unsigned int lineno, unsigned int group)
{
	struct expect_pat *p, *n = realloc(x->pats, (x->npats + 1) * sizeof(*n));
	bool negative = text[0] == '!';

	if (!n)
		return -1;
	x->pats = n;
	p = &n[x->npats];
	*p = (struct expect_pat){ .where = where, .lineno = lineno, .group = group,
				  .negative = negative };
	p->src = strdup(text + negative);
	p->comp = malloc(strlen(text) + 1);
	if (!p->src || !p->comp) {
		free(p->src);
		free(p->comp);
		return -1;
	}
	pattern__compile(p->comp, p->src);
	x->npats++;
	if (group >= x->ngroups)
		x->ngroups = group + 1;
	return 0;
}

static bool blank_line(const char *s)
{
	return s[strspn(s, " \t\r\n")] == 0;
}

int expect__add_file(struct expect *x, const char *path)
{
	unsigned int lineno = 0, group = x->ngroups;
	bool group_used = false;
	char *buf = NULL, q[256];
	size_t cap = 0;
	ssize_t n;
	FILE *f = fopen(path, "r");
	int err = 0;

	if (!f) {
		warn("cannot open --expect '%s': %s", quote_msg(q, sizeof(q), path),
		     strerror(errno));
		return -1;
	}
	while (!err && (n = getline(&buf, &cap, f)) >= 0) {
		lineno++;
		while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = 0;
		if (blank_line(buf)) {
			group += group_used;	/* a blank line ends a group */
			group_used = false;
			continue;
		}
		if (buf[strspn(buf, " \t")] == '#')
			continue;
		err = add_pattern(x, buf + strspn(buf, " \t"), path, lineno, group);
		group_used |= buf[strspn(buf, " \t")] != '!';
	}
	if (ferror(f) || err)
		warn("cannot read --expect '%s': %s", quote_msg(q, sizeof(q), path),
		     err ? "out of memory" : strerror(errno));
	err |= ferror(f);
	free(buf);
	fclose(f);
	return err ? -1 : 0;
}

int expect__add_line(struct expect *x, const char *pattern)
{
	unsigned int rank = 1, i;

	if (!x->cli_group)
		x->cli_group = x->ngroups + 1;
	for (i = 0; i < x->npats; i++)
		rank += x->pats[i].where == CLI_WHERE;
	if (add_pattern(x, pattern, CLI_WHERE, rank, x->cli_group - 1)) {
		warn("out of memory");
		return -1;
	}
	return 0;
}

/* The index of the first positive pattern of group g at or after i; npats when none. */
static unsigned int next_due(const struct expect *x, unsigned int g, unsigned int i)
{
	for (; i < x->npats; i++)
		if (x->pats[i].group == g && !x->pats[i].negative)
			return i;
	return x->npats;
}

static struct expect_proc *proc_get(struct expect *x, uint32_t tgid)
{
	static unsigned int last;
	struct expect_proc *p, *n;
	unsigned int g;

	if (last < x->nprocs && x->procs[last].tgid == tgid)
		return &x->procs[last];
	for (last = 0; last < x->nprocs; last++)
		if (x->procs[last].tgid == tgid)
			return &x->procs[last];
	n = realloc(x->procs, (x->nprocs + 1) * sizeof(*n));
	if (!n)
		return NULL;
	x->procs = n;
	p = &n[x->nprocs];
	p->tgid = tgid;
	p->due = calloc(x->ngroups, sizeof(*p->due));
	p->last = calloc(x->ngroups, sizeof(*p->last));
	if (!p->due || !p->last) {
		free(p->due);
		free(p->last);
		return NULL;
	}
	for (g = 0; g < x->ngroups; g++)
		p->due[g] = next_due(x, g, 0);
	last = x->nprocs++;
	return p;
}

/* Keep the line among the pattern's closest ones when it is close enough. */
static void keep_near(struct expect_pat *p, const char *line, uint32_t tid)
{
	int score = pattern__closeness(p->src, line), i = EXPECT_NEAR - 1;
	char *copy;

	if (p->near[i].line && p->near[i].score >= score)
		return;
	copy = strdup(line);
	if (!copy)
		return;
	free(p->near[i].line);
	for (; i > 0 && (!p->near[i - 1].line || p->near[i - 1].score < score); i--)
		p->near[i] = p->near[i - 1];
	p->near[i].line = copy;
	p->near[i].tid = tid;
	p->near[i].score = score;
}

static void match_negative(struct expect *x, uint32_t tid)
{
	unsigned int i;

	for (i = 0; i < x->npats; i++) {
		struct expect_pat *p = &x->pats[i];

		if (!p->negative || !pattern__match(p->comp, x->line))
			continue;
		if (!p->hits++) {
			p->first_hit = strdup(x->line);
			p->first_tid = tid;
		}
	}
}

/* Match x->line, the line of an event of process tgid, thread tid. */
static void expect_line(struct expect *x, uint32_t tgid, uint32_t tid)
{
	struct expect_proc *pr = proc_get(x, tgid);
	unsigned int g, i;

	match_negative(x, tid);
	if (!pr)
		return;
	for (g = 0; g < x->ngroups; g++) {
		i = pr->due[g];
		if (x->met[g] || i >= x->npats)
			continue;
		if (!pattern__match(x->pats[i].comp, x->line)) {
			keep_near(&x->pats[i], x->line, tid);
			continue;
		}
		free(pr->last[g]);
		pr->last[g] = strdup(x->line);
		pr->due[g] = next_due(x, g, i + 1);
		x->met[g] = pr->due[g] >= x->npats;
	}
}

/* The line in x->line, from the builder over it; grows it when the text was cut. */
static bool line_room(struct expect *x, size_t need)
{
	char *n;

	if (need <= x->line_cap)
		return true;
	n = realloc(x->line, need);
	if (!n)
		return false;
	x->line = n;
	x->line_cap = need;
	return true;
}

/* name(args) = ret, as the text sink writes it without its padding. */
static void call_line(struct sb *b, const struct call *c)
{
	char ret[160];
	unsigned int i;

	sb_puts(b, c->name);
	sb_putc(b, '(');
	for (i = 0; i < c->nargs; i++) {
		if (i)
			sb_putn(b, ", ", 2);
		sb_putn(b, c->arg[i].text, c->arg[i].len);
	}
	if (c->kind == CALL_UNFINISHED || c->kind == CALL_DETACHED) {
		sb_puts(b, " <unfinished ...>) = ?");
		return;
	}
	sb_puts(b, ") = ");
	if (c->rettext && c->kind == CALL_DONE && !ret_is_error(c->ret))
		sb_putn(b, c->rettext, c->retlen);
	else
		sb_putn(b, ret, format_ret(ret, c));
	if (c->tampered & TAMPER_INJECTED)
		sb_puts(b, " (INJECTED)");
	if (c->tampered & TAMPER_DELAYED)
		sb_puts(b, " (DELAYED)");
}

static size_t call_size(const struct call *c)
{
	size_t n = strlen(c->name) + c->retlen + 200;
	unsigned int i;

	for (i = 0; i < c->nargs; i++)
		n += c->arg[i].len + 2;
	return n;
}

static void expect_call(struct observer *o, const struct call *c)
{
	struct expect *x = (struct expect *)o;
	struct sb b;

	if (c->kind == CALL_BLOCKED || !line_room(x, call_size(c)))
		return;	/* a blocked call comes again when it returns */
	b = (struct sb){ .p = x->line, .cap = x->line_cap - 1 };
	call_line(&b, c);
	x->line[b.len] = 0;
	expect_line(x, c->tgid, c->tid);
}

static void expect_proc_exit(struct observer *o, const struct proc_exit *e)
{
	struct expect *x = (struct expect *)o;
	char sig[32];

	if (!line_room(x, 128))
		return;
	if (e->signaled) {
		signal_text(sig, sizeof(sig), e->sig);
		snprintf(x->line, x->line_cap, "+++ killed by %s%s +++", sig,
			 e->core ? " (core dumped)" : "");
	} else {
		snprintf(x->line, x->line_cap, "+++ exited with %d +++", e->code);
	}
	expect_line(x, e->tgid, e->tid);
}

static void expect_signal(struct observer *o, const struct sig_event *e)
{
	struct expect *x = (struct expect *)o;
	size_t n = strlen(e->name) + strlen(e->info) + 16;

	if (!line_room(x, n))
		return;
	snprintf(x->line, x->line_cap, "--- %s %s ---", e->name, e->info);
	expect_line(x, e->tgid, e->tid);
}

static void expect_lost(struct observer *o, uint64_t count)
{
	((struct expect *)o)->lost += count;
}

int expect__start(struct expect *x)
{
	x->obs = (struct observer){
		.call = expect_call,
		.proc_exit = expect_proc_exit,
		.signal = expect_signal,
		.lost = expect_lost,
	};
	x->met = calloc(x->ngroups + 1, sizeof(*x->met));
	if (!x->met || !line_room(x, 4096)) {
		warn("out of memory");
		return -1;
	}
	return 0;
}

static void where_text(char *dst, size_t n, const struct expect_pat *p)
{
	if (p->where == CLI_WHERE)
		snprintf(dst, n, "%s #%u", CLI_WHERE, p->lineno);
	else
		snprintf(dst, n, "%s:%u", p->where, p->lineno);
}

/* A group not met: its first pattern not met in the process that came furthest, what met the
 * one before it, and the lines closest to it that were seen while it was due. */
static void report_group(const struct expect *x, unsigned int g, uint64_t lost)
{
	const struct expect_proc *best = NULL;
	unsigned int i, k, first = next_due(x, g, 0);
	const struct expect_pat *p;
	char where[300];

	for (i = 0; i < x->nprocs; i++)
		if (!best || x->procs[i].due[g] > best->due[g])
			best = &x->procs[i];
	p = &x->pats[best ? best->due[g] : first];
	where_text(where, sizeof(where), p);
	warn("--expect: not met: %s: %s", where, p->src);
	if (best && best->due[g] != first && best->last[g])
		fprintf(stderr, "  after, in pid %u: %s\n", best->tgid, best->last[g]);
	if (!p->near[0].line) {
		fprintf(stderr, "  no line was seen while it was due\n");
	} else {
		if (p->near[0].score < PATTERN_SAME_NAME)
			fprintf(stderr, "  no call of that name was seen while it was due\n");
		fprintf(stderr, "  closest lines seen:\n  - %s\n", p->src);
		for (k = 0; k < EXPECT_NEAR && p->near[k].line; k++)
			fprintf(stderr, "  + %s    [tid %u]\n", p->near[k].line, p->near[k].tid);
	}
	if (lost)
		fprintf(stderr, "  %llu events were lost: it may have been among them\n",
			(unsigned long long)lost);
}

static bool report_negative(const struct expect_pat *p, uint64_t lost)
{
	char where[300];

	where_text(where, sizeof(where), p);
	if (p->hits) {
		warn("--expect: met %llu time%s: %s: !%s", (unsigned long long)p->hits,
		     p->hits == 1 ? "" : "s", where, p->src);
		fprintf(stderr, "  first, in tid %u: %s\n", p->first_tid,
			p->first_hit ? p->first_hit : "?");
		return false;
	}
	if (lost) {
		warn("--expect: %llu events were lost: cannot tell that %s: !%s never happened",
		     (unsigned long long)lost, where, p->src);
		return false;
	}
	return true;
}

bool expect__verdict(struct expect *x, uint64_t lost)
{
	unsigned int g, i;
	bool ok = true;

	if (x->lost > lost)
		lost = x->lost;
	for (g = 0; g < x->ngroups; g++) {
		if (x->met[g] || next_due(x, g, 0) >= x->npats)
			continue;
		report_group(x, g, lost);
		ok = false;
	}
	for (i = 0; i < x->npats; i++)
		if (x->pats[i].negative && !report_negative(&x->pats[i], lost))
			ok = false;
	return ok;
}

void expect__free(struct expect *x)
{
	unsigned int i, k;

	for (i = 0; i < x->npats; i++) {
		free(x->pats[i].src);
		free(x->pats[i].comp);
		free(x->pats[i].first_hit);
		for (k = 0; k < EXPECT_NEAR; k++)
			free(x->pats[i].near[k].line);
	}
	for (i = 0; i < x->nprocs; i++) {
		for (k = 0; k < x->ngroups; k++)
			free(x->procs[i].last[k]);
		free(x->procs[i].due);
		free(x->procs[i].last);
	}
	free(x->pats);
	free(x->procs);
	free(x->met);
	free(x->line);
	*x = (struct expect){};
}
