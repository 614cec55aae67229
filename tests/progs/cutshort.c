// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * cutshort MODE: calls that never return to the program, and the ends of threads, as strace -f
 * shows them. A thread blocks in a read of a pipe nobody writes; then, by MODE:
 *   exit_group  the main thread calls exit_group(5);
 *   kill        the main thread sends itself SIGTERM (the default action ends the process);
 *   exec        another thread calls execve (of this program, "after": exit_group(7)) while
 *               the main thread is in pause().
 * Prints, on stdout, the lines sysobs -f -o must end each thread with ("TID  line", the -o
 * prefix); the test compares each thread's lines apart, as the threads' order is the kernel's.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include "test.h"

static int pipefd[2];
static pid_t main_tid, blocker_tid;
static char *self;

static void prefix(pid_t tid)
{
	printf("%-5d ", tid);
}

/* A call line of thread tid: strace pads it to column 40 with the prefix counted. */
static void expect_tid(pid_t tid, const char *call, const char *ret)
{
	char line[600];

	snprintf(line, sizeof(line), "%-5d %s", tid, call);
	expect(line, ret);
}

/* Wait until thread tid is in syscall nr (/proc/self/task/TID/syscall starts with it). */
static void wait_in_call(pid_t tid, long nr)
{
	char path[64], buf[64];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", tid);
	for (;;) {
		fd = open(path, O_RDONLY);
		n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
		if (fd >= 0)
			close(fd);
		if (n > 0) {
			buf[n] = 0;
			if (strtol(buf, NULL, 10) == nr && buf[0] != '-')
				return;
		}
		usleep(1000);
	}
}

static void *blocker(void *arg __attribute__((unused)))
{
	char c;

	blocker_tid = syscall(SYS_gettid);
	syscall(SYS_read, pipefd[0], &c, 1);
	return NULL;
}

/* The cut read and the thread's end, status as the process's. */
static void expect_blocker(const char *end)
{
	char call[64];

	snprintf(call, sizeof(call), "read(%d,  <unfinished ...>)", pipefd[0]);
	expect_tid(blocker_tid, call, "?");
	prefix(blocker_tid);
	printf("+++ %s +++\n", end);
}

static void *execer(void *arg __attribute__((unused)))
{
	pid_t tid = syscall(SYS_gettid);
	char *argv[] = { self, "after", NULL }, *envp[] = { NULL };
	char call[512];

	wait_in_call(main_tid, SYS_pause);
	snprintf(call, sizeof(call), "execve(\"%s\", [\"%s\", \"after\"], 0xADDR /* 0 vars */ "
		 "<unfinished ...>", self, self);
	prefix(tid);
	printf("%s\n", call);
	expect_tid(main_tid, "pause( <unfinished ...>)", "?");
	expect_blocker("exited with 0");
	prefix(main_tid);
	printf("+++ superseded by execve in pid %d +++\n", tid);
	expect_tid(main_tid, "<... execve resumed>)", "0");
	expect_tid(main_tid, "exit_group(7)", "?");
	prefix(main_tid);
	printf("+++ exited with 7 +++\n");
	fflush(stdout);
	syscall(SYS_execve, self, argv, envp);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "exit_group";
	pthread_t t;
	char call[64];

	if (!strcmp(mode, "after"))
		syscall(SYS_exit_group, 7);
	self = argv[0];
	main_tid = syscall(SYS_gettid);
	if (pipe(pipefd) || pthread_create(&t, NULL, blocker, NULL))
		return 99;
	while (!__atomic_load_n(&blocker_tid, __ATOMIC_SEQ_CST))
		usleep(1000);
	wait_in_call(blocker_tid, SYS_read);
	if (!strcmp(mode, "exec")) {
		if (pthread_create(&t, NULL, execer, NULL))
			return 99;
		syscall(SYS_pause);
		return 99;
	}
	if (!strcmp(mode, "kill")) {
		snprintf(call, sizeof(call), "kill(%d, SIGTERM)", main_tid);
		expect_tid(main_tid, call, "0");
		prefix(main_tid);
		printf("--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=%d, si_uid=%d} ---\n",
		       main_tid, getuid());
		expect_blocker("killed by SIGTERM");
		prefix(main_tid);
		printf("+++ killed by SIGTERM +++\n");
		fflush(stdout);
		syscall(SYS_kill, main_tid, SIGTERM);
		return 99;
	}
	expect_tid(main_tid, "exit_group(5)", "?");
	expect_blocker("exited with 5");
	prefix(main_tid);
	printf("+++ exited with 5 +++\n");
	fflush(stdout);
	syscall(SYS_exit_group, 5);
	return 99;
}
