/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -ff -o PREFIX (--output-separately), as strace's: each thread's lines go to their own file,
 * PREFIX.TID, without the pid prefix. A sink in front of one text sink per file: each file has
 * its own sink state, so a blocked call's line stays open in its file until the call returns
 * (no "<unfinished ...>" for lines of other threads, as strace). A file is opened at its
 * thread's first line (truncated, or appended to with -A) and closed at the thread's end.
 */
#ifndef SYSOBS_SPLIT_H
#define SYSOBS_SPLIT_H

#include <stdbool.h>
#include "output/sink.h"

struct split_file;

struct split {
	struct sink sink;	/* first: what the consumer (or the tee) is given */
	struct sink tmpl;	/* the text sink's settings, copied for each file */
	const char *prefix;	/* -o PREFIX */
	bool append;		/* -A */
	struct outbuf *main;	/* a file that cannot be written marks the trace incomplete */
	struct split_file *files;
	unsigned int n, cap;
};

/* Lines of tmpl's kind (its settings, not its buffer) to PREFIX.TID; failures go to main. */
void split__start(struct split *sp, const struct sink *tmpl, const char *prefix, bool append,
		  struct outbuf *main);
/* Close what is still open (after the sink's finish). */
void split__free(struct split *sp);

#endif /* SYSOBS_SPLIT_H */
