// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * deadlock: two threads each wait in a read for the other to write first; the main thread
 * waits for them. Nothing ever returns: a trace shows what the threads are blocked in only if
 * it shows calls while they block. Prints (stdout, flushed before the threads start) the lines
 * sysobs -f -o must show for the two reads, "TID   read(FD,  <unfinished ...>", then runs until
 * it is killed.
 */
#include <pthread.h>
#include "test.h"

static int ab[2], ba[2];

static void *thread_a(void *arg __attribute__((unused)))
{
	char c;

	if (syscall(SYS_read, ba[0], &c, 1) == 1)
		syscall(SYS_write, ab[1], &c, 1);
	return NULL;
}

static void *thread_b(void *arg __attribute__((unused)))
{
	char c;

	if (syscall(SYS_read, ab[0], &c, 1) == 1)
		syscall(SYS_write, ba[1], &c, 1);
	return NULL;
}

static pid_t started_tid(pid_t *slot)
{
	pid_t t;

	while (!(t = __atomic_load_n(slot, __ATOMIC_SEQ_CST)))
		usleep(1000);
	return t;
}

static pid_t tid_a, tid_b;

static void *start_a(void *arg)
{
	__atomic_store_n(&tid_a, (pid_t)syscall(SYS_gettid), __ATOMIC_SEQ_CST);
	return thread_a(arg);
}

static void *start_b(void *arg)
{
	__atomic_store_n(&tid_b, (pid_t)syscall(SYS_gettid), __ATOMIC_SEQ_CST);
	return thread_b(arg);
}

int main(void)
{
	pthread_t a, b;

	if (pipe(ab) || pipe(ba) || pthread_create(&a, NULL, start_a, NULL) ||
	    pthread_create(&b, NULL, start_b, NULL))
		return 99;
	printf("%-5d read(%d,  <unfinished ...>\n", started_tid(&tid_a), ba[0]);
	printf("%-5d read(%d,  <unfinished ...>\n", started_tid(&tid_b), ab[0]);
	fflush(stdout);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
