// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* threads [T] [N]: T threads each making N getppid calls (default 16 x 20000): overload. */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

static long calls = 20000;

static void *hammer(void *arg __attribute__((unused)))
{
	long i;

	for (i = 0; i < calls; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	int t = argc > 1 ? atoi(argv[1]) : 16, i;
	pthread_t th[256];

	if (argc > 2)
		calls = atol(argv[2]);
	if (t > 256)
		t = 256;
	for (i = 0; i < t; i++)
		pthread_create(&th[i], NULL, hammer, NULL);
	for (i = 0; i < t; i++)
		pthread_join(th[i], NULL);
	return 0;
}
