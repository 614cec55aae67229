// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "setup/launch.h"

extern char **environ;

static int check_exec(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (access(path, X_OK))
		return errno;
	return 0;
}

int launch__resolve(const char *cmd, char *path, size_t len)
{
	const char *dirs = getenv("PATH"), *p, *end;
	int err, best = ENOENT;

	if (!*cmd)
		return ENOENT;
	if (strchr(cmd, '/')) {
		if (strlen(cmd) >= len)
			return ENAMETOOLONG;
		strcpy(path, cmd);
		return check_exec(path);
	}
	if (!dirs)
		dirs = "/usr/local/bin:/usr/bin:/bin";
	for (p = dirs; p; p = *end ? end + 1 : NULL) {
		size_t dl;

		end = strchrnul(p, ':');
		dl = end - p;
		if (dl + 1 + strlen(cmd) + 1 > len)
			continue;
		if (dl) {
			memcpy(path, p, dl);
			path[dl] = '/';
			strcpy(path + dl + 1, cmd);
		} else {
			strcpy(path, cmd);	/* an empty entry is the current directory */
		}
		err = check_exec(path);
		if (!err)
			return 0;
		/* like execvp: a file that exists but cannot run beats "not found" */
		if (err == EACCES || err == EISDIR)
			best = EACCES;
	}
	return best;
}

static void child_run(int gate_r, int err_w, const char *path, char *const argv[])
{
	char c;
	ssize_t n;
	int e;

	do
		n = read(gate_r, &c, 1);
	while (n < 0 && errno == EINTR);
	if (n != 1)
		_exit(127);	/* the parent went away before releasing us */
	close(gate_r);
	execve(path, argv, environ);
	e = errno;
	if (write(err_w, &e, sizeof(e)) != sizeof(e))
		_exit(127);
	_exit(e == ENOENT ? 127 : 126);
}

int launch__fork(struct launch *l, const char *path, char *const argv[])
{
	int gate[2], err[2];

	memset(l, 0, sizeof(*l));
	l->gate_fd = l->err_fd = -1;
	if (pipe2(gate, O_CLOEXEC))
		return -errno;
	if (pipe2(err, O_CLOEXEC)) {
		close(gate[0]);
		close(gate[1]);
		return -errno;
	}
	l->pid = fork();
	if (l->pid < 0) {
		int e = errno;

		close(gate[0]);
		close(gate[1]);
		close(err[0]);
		close(err[1]);
		return -e;
	}
	if (l->pid == 0) {
		close(gate[1]);
		close(err[0]);
		child_run(gate[0], err[1], path, argv);
	}
	close(gate[0]);
	close(err[1]);
	l->gate_fd = gate[1];
	l->err_fd = err[0];
	return 0;
}

int launch__release(struct launch *l)
{
	char go = 1;
	int e = 0;
	ssize_t n;

	if (write(l->gate_fd, &go, 1) != 1)
		return errno;
	close(l->gate_fd);
	l->gate_fd = -1;
	do
		n = read(l->err_fd, &e, sizeof(e));
	while (n < 0 && errno == EINTR);
	close(l->err_fd);
	l->err_fd = -1;
	return n == sizeof(e) ? e : 0;
}

bool launch__reap(struct launch *l, bool block)
{
	pid_t r;

	if (l->reaped || l->pid <= 0)
		return l->reaped;
	do
		r = waitpid(l->pid, &l->status, block ? 0 : WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r == l->pid)
		l->reaped = true;
	return l->reaped;
}

int launch__exit_status(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}
