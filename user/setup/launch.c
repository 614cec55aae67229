// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

int launch__user(struct launch_cred *cr, const char *user)
{
	struct passwd *pw;
	char *end;
	unsigned long id;

	errno = 0;
	pw = getpwnam(user);
	if (!pw && *user >= '0' && *user <= '9') {
		id = strtoul(user, &end, 10);
		if (!*end && id < (uid_t)-1)
			pw = getpwuid(id);
	}
	if (!pw)
		return errno ? errno : ENOENT;
	cr->as_user = true;
	cr->uid = pw->pw_uid;
	cr->gid = pw->pw_gid;
	cr->user = strdup(pw->pw_name);
	return cr->user ? 0 : ENOMEM;
}

/*
 * The command gets what its invoker would give it without sysobs. -u: the user's uid, gid and
 * groups (from root, setuid clears every capability). Otherwise a root invoker's command is
 * root as it would be; an invoker that is not root but holds CAP_BPF and CAP_PERFMON (ambient,
 * or on the binary) has them taken away: ambient, inheritable, permitted and effective sets
 * cleared, so the exec gives the command none.
 */
static int child_creds(const struct launch_cred *cr)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3] = {};

	if (cr && cr->as_user) {
		if (initgroups(cr->user, cr->gid) || setgid(cr->gid) || setuid(cr->uid))
			return errno;
		return 0;
	}
	if (geteuid() == 0)
		return 0;
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) && errno != EINVAL)
		return errno;
	if (syscall(SYS_capset, &h, none))
		return errno;
	return 0;
}

/* What went wrong in the child, for launch__release. */
static void child_fail(int err_w, int stage, int e)
{
	int msg[2] = { stage, e };

	if (write(err_w, msg, sizeof(msg)) != sizeof(msg))
		_exit(127);
	_exit(e == ENOENT ? 127 : 126);
}

static void child_run(const struct launch *l, int gate_r, int err_w, const char *path,
		      char *const argv[], const struct launch_cred *cr)
{
	char c;
	ssize_t n;
	int e;

	e = child_creds(cr);
	do
		n = read(gate_r, &c, 1);
	while (n < 0 && errno == EINTR);
	if (n != 1)
		_exit(127);	/* the parent went away before releasing us */
	close(gate_r);
	if (e)
		child_fail(err_w, LAUNCH_CRED, e);
	/* last: the filter sends the calls of its set to the supervisor from here on */
	if (l->inj.set && (e = inject__arm(l->inj.set, l->inject_fd, l->cookie)))
		child_fail(err_w, LAUNCH_INJECT, e);
	/* the cookie: strace neither counts nor tampers with the command's own execve */
	syscall(SYS_execve, path, argv, environ, 0L, 0L, l->cookie);
	child_fail(err_w, LAUNCH_EXEC, errno);
}

/* -e inject=: the socket the listener comes back on (the child's end in *child, -1 without
 * inject), and the cookie of the child's calls. 0 or -errno. */
static int inject_prepare(struct launch *l, const struct launch_inject *inj, int *child)
{
	int sv[2];

	l->inject_fd = *child = -1;
	if (!inj || !inj->set)
		return 0;
	l->inj = *inj;
	if (getrandom(&l->cookie, sizeof(l->cookie), 0) != sizeof(l->cookie))
		return -errno;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		return -errno;
	l->inject_fd = sv[0];
	*child = sv[1];
	return 0;
}

static void close_pair(int fds[2])
{
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
}

int launch__fork(struct launch *l, const char *path, char *const argv[],
		 const struct launch_cred *cr, const struct launch_inject *inj)
{
	int gate[2] = { -1, -1 }, err[2] = { -1, -1 }, sock[2] = { -1, -1 }, e;

	memset(l, 0, sizeof(*l));
	l->gate_fd = l->err_fd = l->pidfd = -1;
	e = inject_prepare(l, inj, &sock[1]);
	sock[0] = l->inject_fd;
	if (e || pipe2(gate, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
		e = e ? e : -errno;
		close_pair(gate);
		close_pair(sock);
		l->inject_fd = -1;
		return e;
	}
	l->pid = fork();
	if (l->pid < 0) {
		e = -errno;
		close_pair(gate);
		close_pair(err);
		close_pair(sock);
		l->inject_fd = -1;
		return e;
	}
	if (l->pid == 0) {
		close(gate[1]);
		close(err[0]);
		if (sock[0] >= 0) {
			close(sock[0]);
			l->inject_fd = sock[1];	/* the child sends its listener on its end */
		}
		child_run(l, gate[0], err[1], path, argv, cr);
	}
	if (sock[1] >= 0)
		close(sock[1]);
	close(gate[0]);
	close(err[1]);
	l->gate_fd = gate[1];
	l->err_fd = err[0];
	/* the trace loop wakes when the command ends instead of at its next tick (optional;
	 * a pidfd is close-on-exec) */
	l->pidfd = syscall(SYS_pidfd_open, l->pid, 0);
	return 0;
}

void launch__close(struct launch *l)
{
	if (l->pid > 0 && l->pidfd >= 0)
		close(l->pidfd);
	l->pidfd = -1;
}

/* The child's listener to a supervisor, before its execve (which may be in the set). 0 (also
 * when the child failed: its errno comes on the error pipe), or an errno when sysobs cannot
 * supervise: the child is killed then, its calls would fail with ENOSYS. */
static int supervise_child(struct launch *l)
{
	struct supervisor_opts so = {
		.set = l->inj.set,
		.trace = l->inj.trace,
		.only_tid = l->inj.follow ? 0 : l->pid,
	};
	bool killable;
	int fd = inject__receive(l->inject_fd, &killable), err;

	close(l->inject_fd);
	l->inject_fd = -1;
	if (fd == -ECHILD)
		return 0;	/* the child failed: its errno comes on the error pipe */
	if (fd < 0) {
		kill(l->pid, SIGKILL);
		return -fd;
	}
	err = supervisor__start(l->inj.sv, fd, killable, &so);
	if (err)
		kill(l->pid, SIGKILL);
	return -err;
}

int launch__release(struct launch *l)
{
	char go = 1;
	int msg[2] = { LAUNCH_EXEC, 0 };
	ssize_t n;

	if (write(l->gate_fd, &go, 1) != 1)
		return errno;
	close(l->gate_fd);
	l->gate_fd = -1;
	if (l->inject_fd >= 0 && (n = supervise_child(l)) != 0) {
		l->fail_stage = LAUNCH_INJECT;
		return n;
	}
	do
		n = read(l->err_fd, msg, sizeof(msg));
	while (n < 0 && errno == EINTR);
	close(l->err_fd);
	l->err_fd = -1;
	l->fail_stage = msg[0];
	return n == sizeof(msg) ? msg[1] : 0;
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
