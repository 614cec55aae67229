// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * handoff MODE N: two threads take turns N times, handing each turn over through MODE:
 *   spin   shared memory, the waiting thread spins on an atomic (no syscall while it waits);
 *   pipe   a byte through a pipe each way;
 *   futex  a futex word each way (FUTEX_WAIT / FUTEX_WAKE).
 * In turn i thread A calls close(-1000000 - i) before it hands over, and thread B calls
 * close(-2000000 - i) after it got the turn, then hands it back. Each call returned before the
 * other thread's next one started, so a trace in the order calls returned shows them strictly
 * alternating; the program prints those lines (stdout), in that order.
 */
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

#define A_BASE	1000000
#define B_BASE	2000000

static const char *mode;
static long turns;
static int turn;		/* spin, futex: 2 i + 1 when B has turn i, 2 i + 2 when A has it back */
static int ab[2], ba[2];	/* pipe: A to B, B to A */

static void futex_op(int *addr, int op, int val)
{
	syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

/* Hand over: turn becomes v. */
static void give(int v, int fd)
{
	char c = 0;

	if (!strcmp(mode, "pipe")) {
		if (write(fd, &c, 1) != 1)
			exit(99);
		return;
	}
	__atomic_store_n(&turn, v, __ATOMIC_SEQ_CST);
	if (!strcmp(mode, "futex"))
		futex_op(&turn, FUTEX_WAKE_PRIVATE, 1);
}

/* Wait until turn is v. */
static void take(int v, int fd)
{
	char c;
	int cur;

	if (!strcmp(mode, "pipe")) {
		if (read(fd, &c, 1) != 1)
			exit(99);
		return;
	}
	while ((cur = __atomic_load_n(&turn, __ATOMIC_SEQ_CST)) != v) {
		if (!strcmp(mode, "futex"))
			futex_op(&turn, FUTEX_WAIT_PRIVATE, cur);
	}
}

static void *thread_b(void *arg __attribute__((unused)))
{
	long i;

	for (i = 0; i < turns; i++) {
		take(2 * i + 1, ab[0]);
		syscall(SYS_close, -B_BASE - i);
		give(2 * i + 2, ba[1]);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	long i;

	mode = argc > 1 ? argv[1] : "spin";
	turns = argc > 2 ? atol(argv[2]) : 200;
	if (pipe(ab) || pipe(ba) || pthread_create(&t, NULL, thread_b, NULL))
		return 99;
	for (i = 0; i < turns; i++) {
		syscall(SYS_close, -A_BASE - i);
		give(2 * i + 1, ab[1]);
		take(2 * i + 2, ba[0]);
	}
	pthread_join(t, NULL);
	for (i = 0; i < turns; i++) {
		printf("close(%ld)\n", -A_BASE - i);
		printf("close(%ld)\n", -B_BASE - i);
	}
	return 0;
}
