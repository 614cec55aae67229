// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * futexops: every futex operation once, each returning at once (a value that does not match,
 * nobody to wake, a lock nobody holds), for the differential test against strace: strace shows
 * each operation with its own arguments.
 */
#include <stdint.h>
#include <time.h>
#include <linux/futex.h>
#include "test.h"

static uint32_t word, word2, pi;

static long futex(uint32_t *uaddr, int op, uint32_t val, const void *timeout, uint32_t *uaddr2,
		  uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

int main(void)
{
	struct timespec ts = { 1, 500 };

	word = 7;
	futex(&word, FUTEX_WAIT, 1, &ts, NULL, 0);
	futex(&word, FUTEX_WAIT_PRIVATE, 0xffffffff, NULL, NULL, 0);
	futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	futex(&word, FUTEX_FD, 3, NULL, NULL, 0);
	futex(&word, FUTEX_REQUEUE_PRIVATE, 1, (void *)2, &word2, 0);
	futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &word2, 8);
	futex(&word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &word2,
	      FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1));
	futex(&pi, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	futex(&pi, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	futex(&pi, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	futex(&pi, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL,
	      FUTEX_BITSET_MATCH_ANY);
	futex(&word, FUTEX_WAIT_BITSET, 1, &ts, NULL, 0x5);
	futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x30);
	futex(&word, FUTEX_WAIT_REQUEUE_PI_PRIVATE, 1, &ts, &pi, 0);
	futex(&word, FUTEX_CMP_REQUEUE_PI_PRIVATE, 1, (void *)1, &pi, 7);
	futex(&pi, 13 | FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);	/* FUTEX_LOCK_PI2 */
	futex(&pi, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	futex(&word, 14, 1, NULL, NULL, 0);	/* no such operation */
	return 0;
}
