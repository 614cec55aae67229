/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* --version: what a bug report needs to say which path ran. */
#ifndef SYSOBS_VERSION_H
#define SYSOBS_VERSION_H

#include <stdio.h>

void version__print(FILE *f);

#endif /* SYSOBS_VERSION_H */
