/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Diagnostics: one "sysobs: ..." line on stderr, never on stdout (the traced program's). */
#ifndef SYSOBS_WARN_H
#define SYSOBS_WARN_H

void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* SYSOBS_WARN_H */
