// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdarg.h>
#include <stdio.h>
#include "lib/warn.h"

void warn(const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	/* one write, so the line is not split by the traced program's output */
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "sysobs: %s\n", line);
}
