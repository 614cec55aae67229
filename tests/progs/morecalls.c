// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The decoded calls no other test program makes, for the golden tests (tests/golden/list):
 * the stat family, old getdents, *at calls with flags, positioned and v2 iovec I/O, ppoll,
 * pipe, mremap and pkey_mprotect, sendmsg/recvmsg and their mmsg forms, getpeername, clocks,
 * old rlimits, sysinfo, setgroups, tkill and rt_tgsigqueueinfo. It prints nothing: its
 * expectation is its golden file (tests/golden/morecalls.txt); compare that with
 * `strace -o FILE build/tests/morecalls` when either changes. Values are distinctive; paths
 * under /nonexistent fail the same way everywhere; fstatfs looks at /proc, whose numbers stay.
 */
#define _GNU_SOURCE	/* mmsghdr, MFD_CLOEXEC, MREMAP_MAYMOVE */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include "test.h"

#ifndef RWF_DSYNC
#define RWF_DSYNC	0x00000002
#endif

int main(void)
{
	char dents[4096], cwd[256], a[4], b[8], m1[8], m2[8];
	struct iovec wv[2] = { { "abc", 3 }, { "defg", 4 } };
	struct iovec rv[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct iovec mv1 = { "one", 3 }, mv2 = { "two!", 4 };
	struct iovec rv1 = { m1, sizeof(m1) }, rv2 = { m2, sizeof(m2) };
	struct mmsghdr mm[2] = { { .msg_hdr = { .msg_iov = &mv1, .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = &mv2, .msg_iovlen = 1 } } };
	struct mmsghdr rm[2] = { { .msg_hdr = { .msg_iov = &rv1, .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = &rv2, .msg_iovlen = 1 } } };
	struct msghdr msg = { .msg_iov = &mv2, .msg_iovlen = 1 };
	struct msghdr rmsg = { .msg_iov = &rv1, .msg_iovlen = 1 };
	struct timespec ts0 = { 0, 0 }, nap = { 0, 2000 }, now;
	struct sockaddr_storage peer;
	socklen_t plen = sizeof(peer);
	siginfo_t si = { .si_signo = SIGUSR2, .si_code = SI_QUEUE };
	struct stat st;
	struct statfs sfs;
	struct sysinfo sinf;
	struct rlimit rl;
	struct pollfd pf;
	int pp[2], sv[2], d, fd;
	long p, q;

	signal(SIGUSR2, SIG_IGN);
	syscall(SYS_chdir, "/");
	MARK_BEGIN();
	/* file */
	syscall(SYS_creat, "/nonexistent/creat", 0600);
	syscall(SYS_open, "/nonexistent/open", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	syscall(SYS_stat, "/", &st);
	syscall(SYS_lstat, "/nonexistent/lstat", &st);
	d = syscall(SYS_open, "/", O_RDONLY | O_DIRECTORY);
	syscall(SYS_fstat, d, &st);
	syscall(SYS_getdents, d, dents, sizeof(dents));
	syscall(SYS_close, d);
	d = syscall(SYS_open, "/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	syscall(SYS_fstatfs, d, &sfs);
	syscall(SYS_close, d);
	syscall(SYS_faccessat, AT_FDCWD, "/", X_OK);
	syscall(SYS_faccessat2, AT_FDCWD, "/nonexistent/fa2", R_OK | W_OK, AT_EACCESS);
	syscall(SYS_unlinkat, AT_FDCWD, "/nonexistent/unlinkat", AT_REMOVEDIR);
	syscall(SYS_fchmodat, AT_FDCWD, "/nonexistent/fchmodat", 04751);
	syscall(SYS_fchownat, AT_FDCWD, "/nonexistent/fchownat", 1234, 5678, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_getcwd, cwd, sizeof(cwd));
	/* io: positioned and v2 iovec I/O on a memfd, ppoll, pipe */
	fd = syscall(SYS_memfd_create, "golden", MFD_CLOEXEC);
	syscall(SYS_pwritev, fd, wv, 2, 0L, 0L);
	syscall(SYS_preadv, fd, rv, 2, 1L, 0L);
	syscall(SYS_pwritev2, fd, wv, 1, 7L, 0L, RWF_DSYNC);
	syscall(SYS_preadv2, fd, rv, 2, 0L, 0L, 0);
	syscall(SYS_close, fd);
	syscall(SYS_pipe, pp);
	syscall(SYS_write, pp[1], "p", 1);
	pf.fd = pp[0];
	pf.events = POLLIN;
	syscall(SYS_ppoll, &pf, 1, &ts0, NULL, 8);
	syscall(SYS_close, pp[0]);
	syscall(SYS_close, pp[1]);
	/* mm */
	p = syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	q = syscall(SYS_mremap, p, 4096, 8192, MREMAP_MAYMOVE);
	syscall(SYS_pkey_mprotect, q, 8192, PROT_READ, -1);
	syscall(SYS_munmap, q, 8192);
	/* net */
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);
	syscall(SYS_getpeername, sv[0], &peer, &plen);
	syscall(SYS_sendmsg, sv[0], &msg, MSG_DONTWAIT);
	syscall(SYS_recvmsg, sv[1], &rmsg, 0);
	syscall(SYS_sendmmsg, sv[0], mm, 2, 0);
	syscall(SYS_recvmmsg, sv[1], rm, 2, MSG_DONTWAIT, NULL);
	syscall(SYS_close, sv[0]);
	syscall(SYS_close, sv[1]);
	/* time, resources, groups */
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &now);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &nap, NULL);
	syscall(SYS_getrlimit, RLIMIT_CORE, &rl);
	syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
	syscall(SYS_sysinfo, &sinf);
	syscall(SYS_setgroups, 0, NULL);
	/* signal: to itself, ignored */
	syscall(SYS_tkill, syscall(SYS_gettid), 0);
	si.si_pid = 4242;
	si.si_uid = 4343;
	si.si_value.sival_int = 77;
	syscall(SYS_rt_tgsigqueueinfo, getpid(), syscall(SYS_gettid), SIGUSR2, &si);
	MARK_END();
	return 0;
}
