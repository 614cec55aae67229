// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * attachee MS: a process to attach to (-p) for about MS milliseconds. It says "ready" on
 * stdout, then until the time is up its main thread calls close(-4242) and a second thread
 * close(-4343), every 10 ms; it exits 7.
 */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "test.h"

static long rounds;

static void nap(void)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	syscall(SYS_nanosleep, &ts, NULL);
}

static void *second(void *arg __attribute__((unused)))
{
	long i;

	for (i = 0; i < rounds; i++) {
		syscall(SYS_close, -4343);
		nap();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	long i;

	rounds = (argc > 1 ? atol(argv[1]) : 2000) / 10;
	pthread_create(&th, NULL, second, NULL);
	printf("ready\n");
	fflush(stdout);
	for (i = 0; i < rounds; i++) {
		syscall(SYS_close, -4242);
		nap();
	}
	pthread_join(th, NULL);
	return 7;
}
