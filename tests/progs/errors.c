// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Failing syscalls: each error shows as -1 ENAME (description). */
#include <errno.h>
#include <signal.h>
#include "test.h"

int main(void)
{
	char line[256];
	long pp;

	MARK_BEGIN();
	syscall(SYS_chdir, "/nonexistent/sysobs-test-dir");
	syscall(SYS_kill, 999999999, 0);
	syscall(SYS_rmdir, "/");
	pp = syscall(SYS_getppid);
	syscall(SYS_dup, -7);
	MARK_END();

	expect("chdir(\"/nonexistent/sysobs-test-dir\")", "-1 ENOENT (No such file or directory)");
	expect("kill(999999999, 0)", "-1 ESRCH (No such process)");
	expect("rmdir(\"/\")", "-1 EBUSY (Device or resource busy)");
	snprintf(line, sizeof(line), "%ld", pp);
	expect("getppid()", line);
	expect("dup(-7)", "-1 EBADF (Bad file descriptor)");
	return 0;
}
