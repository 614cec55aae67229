/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* -c: the per-syscall table strace prints, from the counts the kernel kept. */
#ifndef SYSOBS_SUMMARY_H
#define SYSOBS_SUMMARY_H

#include <stdio.h>
#include <linux/types.h>
#include "sysobs.h"

/* The -c table; json: 0 for text, else the JSON schema version of the count objects. */
void summary__print(FILE *f, const struct so_count *counts, unsigned int n, int json);

#endif /* SYSOBS_SUMMARY_H */
