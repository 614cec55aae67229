/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Running the command: resolve it on PATH, fork, hold the child on a pipe until its pid is in
 * the kernel's filter, then let it execve. A CLOEXEC pipe brings back the errno of a failed
 * execve; end of file on it means the exec happened.
 */
#ifndef SYSOBS_LAUNCH_H
#define SYSOBS_LAUNCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "setup/inject.h"

/* Who the command runs as: -u USER, or else the invoker without sysobs's capabilities. */
struct launch_cred {
	bool as_user;		/* -u: switch to uid, gid and user's groups */
	uid_t uid;
	gid_t gid;
	const char *user;	/* for initgroups */
};

/* -e inject=: the filter the child installs before its execve, and who answers it */
struct launch_inject {
	const struct inject_set *set;	/* NULL: no filter */
	const struct filter *trace;	/* -e trace= (the calls marked in the trace; NULL: none) */
	bool follow;			/* -f: the command's other threads and children too */
	struct supervisor *sv;		/* started by launch__release */
};

struct launch {
	pid_t pid;
	int gate_fd;	/* parent's end: one byte releases the child */
	int err_fd;	/* parent's end: the child's execve errno, or EOF on success */
	int pidfd;	/* readable once the child has ended (-1: none); launch__close */
	bool reaped;
	int status;	/* wait status once reaped */
	int fail_stage;	/* after launch__release failed: LAUNCH_EXEC, _CRED or _INJECT */
	int inject_fd;	/* parent's end of the socket the child sends its listener over */
	uint64_t cookie;	/* the child's own calls after its filter carry it (inject.c) */
	struct launch_inject inj;
};

enum { LAUNCH_EXEC = 0, LAUNCH_CRED = 1, LAUNCH_INJECT = 2 };

/* Find cmd as execvp would. 0, or ENOENT / EACCES (and friends) when it cannot run. */
int launch__resolve(const char *cmd, char *path, size_t len);
/* The user -u names (a name or a number): 0, or an errno (ENOENT: no such user). */
int launch__user(struct launch_cred *cr, const char *user);
/* Fork a child that waits at the gate, then takes the credentials cr says (never a capability
 * that sysobs holds for BPF), installs inj's filter if any, then execs path with argv. */
int launch__fork(struct launch *l, const char *path, char *const argv[],
		 const struct launch_cred *cr, const struct launch_inject *inj);
/* Open the gate (and start inj's supervisor on the child's listener). Returns 0 when the exec
 * succeeded, else the child's errno (l->fail_stage says whether taking the credentials,
 * setting up the injection or the exec failed). */
int launch__release(struct launch *l);
/* Reap the child if it has exited (or wait for it when block). True once reaped. */
bool launch__reap(struct launch *l, bool block);
/* Close what launch__fork left open (the pidfd). */
void launch__close(struct launch *l);
/* sysobs's exit status for the child's wait status: its code, or 128 + signal. */
int launch__exit_status(int status);

#endif /* SYSOBS_LAUNCH_H */
