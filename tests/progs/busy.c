// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* busy [SECONDS]: one getppid, then computing without syscalls for SECONDS (default 2). */
#include <stdlib.h>
#include <time.h>
#include "test.h"

int main(int argc, char **argv)
{
	double secs = argc > 1 ? atof(argv[1]) : 2;
	volatile unsigned long spin = 0;
	unsigned long i, n;
	struct timespec a, b;

	syscall(SYS_getppid);
	/* calibrate once with clock_gettime (vDSO: no syscall), then spin */
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < 10000000; i++)
		spin++;
	clock_gettime(CLOCK_MONOTONIC, &b);
	n = (unsigned long)(secs * 10000000 /
			    ((b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9 + 1e-9));
	for (i = 0; i < n; i++)
		spin++;
	return 0;
}
