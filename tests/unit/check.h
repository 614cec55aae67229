/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Named assertions for unit tests: each failed check prints one line; main returns failures. */
#ifndef SYSOBS_CHECK_H
#define SYSOBS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond, ...)                                                                      \
	do {                                                                                  \
		if (!(cond)) {                                                                \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                  \
			fprintf(stderr, __VA_ARGS__);                                         \
			fputc('\n', stderr);                                                  \
			check_failures++;                                                     \
		}                                                                             \
	} while (0)

#define CHECK_STR(got, want)                                                                  \
	CHECK(strcmp((got), (want)) == 0, "got \"%s\", want \"%s\"", (got), (want))

#define CHECK_DONE() (check_failures ? 1 : 0)

#endif /* SYSOBS_CHECK_H */
