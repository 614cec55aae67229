// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* busy [SECONDS]: one getppid, then computing without syscalls for SECONDS (default 2). */
#include <stdlib.h>
#include <time.h>
#include "test.h"

int main(int argc, char **argv)
{
	double secs = argc > 1 ? atof(argv[1]) : 2;
	struct timespec a, b;

	syscall(SYS_getppid);
	/* clock_gettime goes through the vDSO: no syscall while computing */
	clock_gettime(CLOCK_MONOTONIC, &a);
	do
		clock_gettime(CLOCK_MONOTONIC, &b);
	while ((b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9 < secs);
	return 0;
}
