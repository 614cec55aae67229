// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What a user's CI would assert (tests/integration/expect*.sh, json-ci.sh): asserted DIR writes
 * a file with a UTF-8 name, reads it back, fails to open a missing one, and forks a child that
 * does its own calls and exits 7. It prints the expected lines as --expect patterns: a group for
 * the parent, a blank line, a group for the child.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include "test.h"

#define CHILD_STATUS	7

static void child(const char *dir)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/child", dir);
	syscall(SYS_mkdirat, AT_FDCWD, path, 0750);
	syscall(SYS_exit_group, CHILD_STATUS);
}

int main(int argc, char **argv)
{
	char path[4096], missing[4096], buf[16], line[8192];
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	int fd, status;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/caf\xc3\xa9", dir);
	snprintf(missing, sizeof(missing), "%s/missing", dir);
	fflush(stdout);
	fd = syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	syscall(SYS_write, fd, "caf\xc3\xa9\n", 6);
	syscall(SYS_close, fd);
	fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	syscall(SYS_read, fd, buf, sizeof(buf));
	syscall(SYS_close, fd);
	syscall(SYS_openat, AT_FDCWD, missing, O_RDONLY);
	pid = fork();
	if (pid == 0)
		child(dir);
	waitpid(pid, &status, 0);

	snprintf(line, sizeof(line), "openat(AT_FDCWD, \"%s/caf\\303\\251\", "
		 "O_WRONLY|O_CREAT|O_TRUNC, 0600)", dir);
	expect(line, "3");
	expect("write(3, \"caf\\303\\251\\n\", 6)", "6");
	expect("close(3)", "0");
	snprintf(line, sizeof(line), "openat(AT_FDCWD, \"%s/caf\\303\\251\", O_RDONLY)", dir);
	expect(line, "3");
	expect("read(3, \"caf\\303\\251\\n\", 16)", "6");
	expect("close(3)", "0");
	snprintf(line, sizeof(line), "openat(AT_FDCWD, \"%s\", O_RDONLY)", missing);
	expect(line, "-1 ENOENT (No such file or directory)");
	printf("+++ exited with 0 +++\n\n");
	snprintf(line, sizeof(line), "mkdirat(AT_FDCWD, \"%s/child\", 0750)", dir);
	expect(line, "0");
	expect("exit_group(7)", "?");
	printf("+++ exited with %d +++\n", CHILD_STATUS);
	return WIFEXITED(status) && WEXITSTATUS(status) == CHILD_STATUS ? 0 : 1;
}
