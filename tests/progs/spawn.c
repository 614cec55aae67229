// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * spawn: the ways a process makes another: pthread_create (clone3 with CLONE_THREAD ...,
 * "=> {parent_tid=[N]}"), posix_spawn (clone3 with CLONE_VM|CLONE_VFORK), fork (clone) and
 * vfork. Each child exits at once; tests/integration/spawn.sh compares the lines with strace's.
 */
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include "test.h"

extern char **environ;

static void *thread(void *arg)
{
	return arg;
}

int main(void)
{
	char *argv[] = { "/bin/true", NULL };
	pthread_t t;
	pid_t p;

	if (pthread_create(&t, NULL, thread, NULL) || pthread_join(t, NULL))
		return 99;
	if (posix_spawn(&p, "/bin/true", NULL, NULL, argv, environ) || waitpid(p, NULL, 0) != p)
		return 99;
	p = fork();
	if (!p)
		_exit(0);
	if (waitpid(p, NULL, 0) != p)
		return 99;
	p = vfork();
	if (!p)
		_exit(0);
	return waitpid(p, NULL, 0) == p ? 0 : 99;
}
