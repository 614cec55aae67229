/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * --expect's patterns: a line in strace's notation where "..." stands for any arguments (any
 * run of whole values, or none) and "*" for any one value ("*" inside a quoted string: any
 * part of it). Runs of blanks outside strings count as one, so a line copied from strace's
 * padded output is a pattern. A pattern matches a trace line from its start; it may stop
 * before the line ends at a blank ("openat(...)" matches "openat(...) = 3", "= -1 ENOENT"
 * matches "= -1 ENOENT (No such file or directory)"). docs/assertions.md has examples.
 */
#ifndef SYSOBS_PATTERN_H
#define SYSOBS_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/* Compile src into dst (at least strlen(src) + 1 bytes): blanks folded, "..." and "*" as
 * tokens. Returns dst. */
char *pattern__compile(char *dst, const char *src);

/* Does the compiled pattern p match the trace line? */
bool pattern__match(const char *p, const char *line);

/* How close the line comes to the source pattern src, for the report of a pattern not met:
 * the same syscall weighs most, then each of the pattern's words the line has. */
#define PATTERN_SAME_NAME	1000	/* what closeness gives a line of the pattern's syscall */
int pattern__closeness(const char *src, const char *line);

#endif /* SYSOBS_PATTERN_H */
