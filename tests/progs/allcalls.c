// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Every x86_64 syscall strace 6.1 knows (0-334, 424-450), each with all arguments -1, so that
 * each fails at once and harms nothing (bad fds, bad pointers, bad flags; kill(-1, -1) is an
 * invalid signal; a message queue msgget makes is removed). tests/integration/strace-classes.sh traces it under strace and sysobs with
 * -e trace=%CLASS and compares the calls each shows. Left out (prints them): the calls that
 * do not return or would change the test itself.
 */
#include <sys/ipc.h>
#include "test.h"

#define LAST_OLD	334	/* strace 6.1's x86_64 table: 0-334, then 424 on */
#define FIRST_NEW	424
#define LAST_NEW	450

static const long skipped[] = {
	SYS_rt_sigreturn,	/* returns to a frame that is not there */
	SYS_pause,		/* waits for a signal */
	SYS_clone, SYS_fork, SYS_vfork,	/* a second process */
	SYS_exit,		/* the end (exit_group ends the program anyway) */
	SYS_vhangup,		/* hangs up the terminal */
	SYS_exit_group,
};

static int is_skipped(long nr)
{
	unsigned int i;

	for (i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
		if (skipped[i] == nr)
			return 1;
	return 0;
}

int main(void)
{
	long nr, ret;

	for (nr = 0; nr <= LAST_NEW; nr++) {
		if ((nr > LAST_OLD && nr < FIRST_NEW) || is_skipped(nr))
			continue;
		ret = syscall(nr, -1L, -1L, -1L, -1L, -1L, -1L);
		/* msgget(-1, IPC_CREAT...) makes a queue of key -1: leave none behind */
		if (nr == SYS_msgget && ret >= 0)
			syscall(SYS_msgctl, ret, IPC_RMID, NULL);
	}
	for (nr = 0; nr < (long)(sizeof(skipped) / sizeof(skipped[0])); nr++)
		printf("%ld\n", skipped[nr]);
	return 0;
}
