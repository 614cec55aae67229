// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* burst [N]: N getppid calls as fast as possible (default 200000), to overflow a small ring. */
#include <stdlib.h>
#include "test.h"

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000, i;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
