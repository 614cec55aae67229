/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -e trace=SET: which syscalls are shown (and counted by -c), as strace takes it. The set is a
 * bitmap over syscall numbers that the kernel checks first thing at sys_exit, so a call left
 * out costs a bit test, not a record.
 */
#ifndef SYSOBS_FILTER_H
#define SYSOBS_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"

#define FILTER_WORDS	(SO_NR_SLOTS / 64)

struct filter {
	bool given;			/* a trace= was given: otherwise everything is traced */
	bool all;			/* every syscall (no bit test needed) */
	uint64_t mask[FILTER_WORDS];
};

void filter__init(struct filter *f);
/*
 * Apply one -e expression: "trace=SET", "t=SET" or a bare SET. SET is a comma list of syscall
 * names, numbers, "all", "none", "/REGEX" (extended, on names), strace 6.1's classes ("%file",
 * "%desc", ... and its legacy names without %), NAME@64 (@32 and @x32 select nothing),
 * "?NAME" (no error when NAME is unknown); "!SET" takes SET out. A first trace= starts from
 * nothing, later ones add (or with "!" take away). Returns 0, or -1 with a message in err.
 */
int filter__apply(struct filter *f, const char *expr, char *err, size_t errlen);
bool filter__has(const struct filter *f, long nr);

#endif /* SYSOBS_FILTER_H */
