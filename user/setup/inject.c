// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -e inject=: the launched child's seccomp filter, and its listener's way to sysobs. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include "setup/inject.h"

#define X32_SYSCALL_BIT	0x40000000	/* x32 calls: never tampered with */
#define INSNS_PER_NR	7		/* the block of one syscall (filter_nr) */
#define INSNS_HEAD	5
#define FILTER_MAX	(INSNS_HEAD + SO_NR_SLOTS * INSNS_PER_NR)

_Static_assert(FILTER_MAX <= BPF_MAXINSNS, "a filter of every syscall fits the kernel's limit");

bool inject__when(const struct inject_rule *r, uint64_t n)
{
	if (n < r->first || (r->last != INJECT_LAST_INF && n > r->last))
		return false;
	if (!r->step)
		return n == r->first;
	return (n - r->first) % r->step == 0;
}

#define ARG5_LO	(offsetof(struct seccomp_data, args) + 5 * sizeof(__u64))
#define ARG5_HI	(ARG5_LO + sizeof(__u32))

/*
 * One syscall's block: notify sysobs, unless the sixth argument is the cookie (the child's
 * own calls between the filter and its execve: the fd passing must not wait for the supervisor
 * it sets up). Only these blocks read an argument, so the kernel's cache still allows every
 * other syscall without running the filter.
 */
static struct sock_filter *filter_nr(struct sock_filter *f, unsigned int nr, uint64_t cookie)
{
	*f++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, INSNS_PER_NR - 1);
	*f++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG5_LO);
	*f++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)cookie, 0, 2);
	*f++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG5_HI);
	*f++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, cookie >> 32, 1, 0);
	*f++ = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF);
	*f++ = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return f;
}

/* x86-64 calls of the set go to the supervisor; everything else is allowed. */
static unsigned int filter_build(struct sock_filter *prog, const struct inject_set *s,
				 uint64_t cookie)
{
	struct sock_filter *f = prog;
	unsigned int nr;

	*f++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					    offsetof(struct seccomp_data, arch));
	*f++ = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	*f++ = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	*f++ = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					    offsetof(struct seccomp_data, nr));
	for (nr = 0; nr < SO_NR_SLOTS; nr++)
		if (s->rule[nr].on)
			f = filter_nr(f, nr, cookie);
	*f++ = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return f - prog;
}

/* The filter; non-fatal signals do not interrupt a call the supervisor has taken (5.19), so
 * a signal= sent before the answer arrives as the call returns. */
static int filter_install(struct sock_fprog *fp, bool *killable)
{
	unsigned long flags = SECCOMP_FILTER_FLAG_NEW_LISTENER |
			      SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV;
	int fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, fp);

	*killable = fd >= 0 || errno != EINVAL;
	if (!*killable)
		fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			     flags & ~SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, fp);
	return fd;
}

#define KILLABLE	'K'	/* the byte sent with the listener: the filter waits killable */
#define INTERRUPTIBLE	'I'

static int send_fd(int sock, int fd, bool killable, uint64_t cookie)
{
	char data = killable ? KILLABLE : INTERRUPTIBLE, ctl[CMSG_SPACE(sizeof(int))] = {};
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
			    .msg_controllen = sizeof(ctl) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	if (syscall(SYS_sendmsg, sock, &m, 0, 0L, 0L, cookie) != 1)
		return errno ? errno : EPIPE;
	return 0;
}

int inject__arm(const struct inject_set *s, int sock, uint64_t cookie)
{
	static struct sock_filter prog[FILTER_MAX];
	struct sock_fprog fp = { .filter = prog };
	bool killable;
	int fd;

	fp.len = filter_build(prog, s, cookie);
	fd = filter_install(&fp, &killable);
	/* without CAP_SYS_ADMIN (-u USER, a non-root invoker) seccomp needs no_new_privs */
	if (fd < 0 && errno == EACCES) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
			return errno;
		fd = filter_install(&fp, &killable);
	}
	if (fd < 0)
		return errno;
	/* the listener is close-on-exec: the command never holds it */
	return send_fd(sock, fd, killable, cookie);
}

int inject__receive(int sock, bool *killable)
{
	char data, ctl[CMSG_SPACE(sizeof(int))] = {};
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
			    .msg_controllen = sizeof(ctl) };
	struct cmsghdr *c;
	ssize_t n;
	int fd;

	do
		n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	c = CMSG_FIRSTHDR(&m);
	if (n != 1 || !c || c->cmsg_type != SCM_RIGHTS)
		return -ECHILD;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	*killable = data == KILLABLE;
	return fd;
}
