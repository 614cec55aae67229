/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* --tips: a tip on using sysobs, on stderr when the trace ends (strace's --tips, sysobs's tips). */
#ifndef SYSOBS_TIPS_H
#define SYSOBS_TIPS_H

#include <stdio.h>

enum tips_format {
	TIPS_NONE,	/* no --tips, or format:none */
	TIPS_COMPACT,	/* the tip in its box */
	TIPS_FULL,	/* the box and its drawing (the default) */
};

struct tips_opts {
	enum tips_format format;
	int id;		/* which tip (taken modulo their number), -1: one at random */
};

/* --tips[=[[id:]ID][,format:FORMAT]] (arg NULL: bare) into *t; 0, or -1 for a bad value. */
int tips__parse(const char *arg, struct tips_opts *t);
/* The tip t asks for, if any. */
void tips__print(FILE *f, const struct tips_opts *t);

#endif /* SYSOBS_TIPS_H */
