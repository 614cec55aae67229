// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A process and its child, for -f: the child's calls carry its pid and its exit is reported.
 * Prints "parent PID child PID" so the test can check the [pid N] prefixes.
 */
#include <sys/wait.h>
#include "test.h"

int main(void)
{
	int status;
	pid_t child;

	fflush(stdout);
	child = fork();
	if (child == 0) {
		syscall(SYS_chdir, "/nonexistent/sysobs-child");
		_exit(3);
	}
	waitpid(child, &status, 0);
	printf("parent %d child %d status %d\n", getpid(), child, WEXITSTATUS(status));
	return 0;
}
