/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * --expect FILE and --expect-line PATTERN: assertions on the trace. The matcher observes the
 * events the real sink writes (tee.h) and matches each one's strace-style line against the
 * patterns (pattern.h).
 *
 * Positive patterns come in groups (a file's blank lines separate them; all --expect-line
 * patterns are one group); a group is met when one process shows its patterns in order (other
 * calls may come between). A pattern starting with '!' must never match, in any process.
 * docs/assertions.md is the user's guide.
 */
#ifndef SYSOBS_EXPECT_H
#define SYSOBS_EXPECT_H

#include <stdbool.h>
#include <stdint.h>
#include "output/tee.h"

#define EXPECT_NEAR	3	/* closest lines kept for the report of a pattern not met */

struct expect_pat {
	char *src;		/* as written, without the '!' */
	char *comp;		/* compiled (pattern__compile) */
	const char *where;	/* the file, or "--expect-line" */
	unsigned int lineno;	/* in the file, or the option's rank */
	unsigned int group;
	bool negative;
	uint64_t hits;		/* negative: how often it matched */
	char *first_hit;	/* negative: the first line it matched */
	uint32_t first_tid;
	struct {
		char *line;	/* positive: lines seen while it was due, the closest first */
		uint32_t tid;
		int score;
	} near[EXPECT_NEAR];
};

struct expect_proc {
	uint32_t tgid;
	unsigned int *due;	/* per group: the index of the pattern due next (npats: all met) */
	char **last;		/* per group: the line that met the pattern before it */
};

struct expect {
	struct observer obs;	/* first: what the tee is given */
	struct expect_pat *pats;
	unsigned int npats;
	unsigned int ngroups;
	unsigned int cli_group;	/* 1 + the group of --expect-line patterns, 0 before the first */
	bool *met;		/* per group */
	struct expect_proc *procs;
	unsigned int nprocs;
	uint64_t lost;		/* events reported lost while tracing */
	char *line;		/* the line being matched */
	size_t line_cap;
};

/* Add the patterns of FILE (one a line; blank lines separate groups, '#' starts a comment
 * line). Returns 0, or -1 after a warn() line. */
int expect__add_file(struct expect *x, const char *path);
/* Add one --expect-line pattern. Returns 0, or -1 after a warn() line. */
int expect__add_line(struct expect *x, const char *pattern);

/* Ready the matcher once the patterns are in; x->obs is then the observer for the tee. */
int expect__start(struct expect *x);

/* After the run: true when every group was met and no negative pattern matched (and, when
 * there are negative patterns, nothing was lost). Otherwise the report goes to stderr. */
bool expect__verdict(struct expect *x, uint64_t lost);

void expect__free(struct expect *x);

#endif /* SYSOBS_EXPECT_H */
