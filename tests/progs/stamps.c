// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * stamps: for the timestamp tests (-t, -r, JSON ts_ns). Five getppid back to back, then 50 ms
 * of computing without syscalls, then one more getppid, between the test markers.
 */
#include <time.h>
#include "test.h"

int main(void)
{
	struct timespec a, b;
	int i;

	MARK_BEGIN();
	for (i = 0; i < 5; i++)
		syscall(SYS_getppid);
	/* clock_gettime goes through the vDSO: no syscall while computing */
	clock_gettime(CLOCK_MONOTONIC, &a);
	do
		clock_gettime(CLOCK_MONOTONIC, &b);
	while ((b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec) < 50000000L);
	syscall(SYS_getppid);
	MARK_END();
	return 0;
}
