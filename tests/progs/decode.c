// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Decoders by family, in strace's manner: each call below prints as strace 6.1 prints it
 * (file flags and modes, mm prot and flags, signals and sigaction, sockets and addresses,
 * limits and timespecs, escapes in buffers, iovecs, pollfds, returned addresses, pipes,
 * wait statuses).
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include "test.h"

struct ksigaction {
	uintptr_t handler;
	unsigned long flags;
	uintptr_t restorer;
	uint64_t mask;
};

int main(void)
{
	struct ksigaction sa = { .handler = (uintptr_t)SIG_IGN, .flags = SA_RESTART,
				 .mask = (1ull << (SIGINT - 1)) | (1ull << (SIGTERM - 1)) };
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "/nonexistent/sock" };
	struct timespec ts = { 0, 1000 };
	uint64_t set = 1ull << (SIGUSR2 - 1), old = ~0ull;
	struct rlimit rl;
	char line[512], rlbuf[2][32];
	long p, s;
	int i;
	/* io: iovecs, pollfds, pipes, wait status, returned socket addresses */
	struct iovec wv[2] = { { "hello", 5 }, { " world\n", 7 } };
	char r1[4], r2[64], big[100], tmp[40];
	struct iovec rv[2] = { { r1, sizeof(r1) }, { r2, sizeof(r2) } };
	struct iovec bigv[1] = { { big, sizeof(big) } };
	struct sockaddr_in lsin = { .sin_family = AF_INET }, peer;
	socklen_t llen = sizeof(lsin), plen = sizeof(peer);
	struct pollfd pf[2];
	struct utsname u;
	int sv[2], pp[2], l, cl, a, st;
	sigset_t chld;
	pid_t kid;
	/* time, groups, CPU masks */
	struct timespec rem;
	gid_t groups[4];
	uint8_t aff[16];
	char cpus[256];
	long ng, ng2, naff, capr, nnp, oldmask;
	int one = 1, optv = -1;
	struct rusage ru, ru2;
	socklen_t optl = sizeof(optv);
	char comm[16];
	int n;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lsin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	getrlimit(RLIMIT_NOFILE, &rl);
	memset(big, 'x', sizeof(big));
	uname(&u);
	/* SIGCHLD stays pending: its delivery would put a line in the middle of the calls */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	MARK_BEGIN();
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/f", O_WRONLY | O_CREAT | O_TRUNC, 0640);
	syscall(SYS_access, "/", R_OK | W_OK);
	syscall(SYS_lseek, -1, 5L, SEEK_END);
	syscall(SYS_fcntl, -1, F_SETFD, FD_CLOEXEC);
	syscall(SYS_write, -1, "\33[31m\n\t\"\\\0\1\377", 12);
	p = syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mprotect, p, 4096, PROT_NONE);
	syscall(SYS_madvise, p, 4096, MADV_DONTNEED);
	syscall(SYS_munmap, p, 4096);
	syscall(SYS_rt_sigaction, SIGUSR1, &sa, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
	syscall(SYS_kill, 999999999, SIGTERM);
	s = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	syscall(SYS_connect, s, &sun, sizeof(sun));
	syscall(SYS_connect, -1, &sin, sizeof(sin));
	syscall(SYS_close, s);
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl);
	syscall(SYS_nanosleep, &ts, NULL);
	syscall(SYS_nanosleep, &ts, &rem);	/* not interrupted: rem shows as its address */
	ng = syscall(SYS_getgroups, 0, NULL);
	ng2 = syscall(SYS_getgroups, 4, groups);
	naff = syscall(SYS_sched_getaffinity, 0, sizeof(aff), aff);
	syscall(SYS_sched_setaffinity, 0, sizeof(aff), aff);
	syscall(SYS_getrusage, RUSAGE_SELF, &ru);
	syscall(SYS_getrusage, 5, &ru2);
	syscall(SYS_prctl, PR_SET_NAME, "sysobs-dec", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, comm, 0, 0, 0);
	capr = syscall(SYS_prctl, PR_CAPBSET_READ, 32 /* CAP_MAC_OVERRIDE */, 0, 0, 0);
	nnp = syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	syscall(SYS_prctl, 0x12345, 1, 2, 3, 4);
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	syscall(SYS_writev, sv[0], wv, 2);
	syscall(SYS_readv, sv[1], rv, 2);
	syscall(SYS_writev, sv[0], bigv, 1);
	syscall(SYS_readv, sv[1], rv, 2);
	syscall(SYS_readv, sv[1], rv, 2);
	syscall(SYS_writev, -1, wv, 2);
	syscall(SYS_readv, -1, rv, 2);
	syscall(SYS_sendto, sv[0], "x", 1, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
	syscall(SYS_recvfrom, sv[1], r1, 1, MSG_DONTWAIT, NULL, NULL);
	oldmask = syscall(SYS_umask, 027);
	syscall(SYS_umask, oldmask);
	syscall(SYS_flock, -1, LOCK_EX | LOCK_NB);
	syscall(SYS_flock, -1, LOCK_UN);
	pf[0].fd = sv[1];
	pf[0].events = POLLIN;
	pf[1].fd = sv[0];
	pf[1].events = POLLIN | POLLOUT;
	syscall(SYS_poll, pf, 2, 0);
	syscall(SYS_poll, pf, 1, 0);
	syscall(SYS_pipe2, pp, O_CLOEXEC);
	l = syscall(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_TCP);
	syscall(SYS_bind, l, &lsin, sizeof(lsin));
	syscall(SYS_getsockname, l, &lsin, &llen);
	syscall(SYS_listen, l, 1);
	syscall(SYS_setsockopt, l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	syscall(SYS_getsockopt, l, SOL_SOCKET, SO_ERROR, &optv, &optl);
	syscall(SYS_setsockopt, l, 12345, 7, &one, sizeof(one));
	cl = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	syscall(SYS_connect, cl, &lsin, sizeof(lsin));
	a = syscall(SYS_accept4, l, &peer, &plen, SOCK_CLOEXEC);
	syscall(SYS_accept, -1, &peer, &plen);
	syscall(SYS_uname, &u);
	kid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (kid == 0)
		syscall(SYS_exit_group, 3);
	syscall(SYS_wait4, kid, &st, 0, NULL);
	MARK_END();

	expect("openat(AT_FDCWD, \"/nonexistent/f\", O_WRONLY|O_CREAT|O_TRUNC, 0640)",
	       "-1 ENOENT (No such file or directory)");
	expect("access(\"/\", R_OK|W_OK)", "0");
	expect("lseek(-1, 5, SEEK_END)", "-1 EBADF (Bad file descriptor)");
	expect("fcntl(-1, F_SETFD, FD_CLOEXEC)", "-1 EBADF (Bad file descriptor)");
	expect("write(-1, \"\\33[31m\\n\\t\\\"\\\\\\0\\1\\377\", 12)", "-1 EBADF (Bad file descriptor)");
	snprintf(line, sizeof(line), "%#lx", p);
	expect("mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)", line);
	snprintf(line, sizeof(line), "mprotect(%#lx, 4096, PROT_NONE)", p);
	expect(line, "0");
	snprintf(line, sizeof(line), "madvise(%#lx, 4096, MADV_DONTNEED)", p);
	expect(line, "0");
	snprintf(line, sizeof(line), "munmap(%#lx, 4096)", p);
	expect(line, "0");
	expect("rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[INT TERM], "
	       "sa_flags=SA_RESTART}, NULL, 8)", "0");
	expect("rt_sigprocmask(SIG_BLOCK, [USR2], [CHLD], 8)", "0");
	expect("kill(999999999, SIGTERM)", "-1 ESRCH (No such process)");
	snprintf(line, sizeof(line), "%ld", s);
	expect("socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0)", line);
	snprintf(line, sizeof(line), "connect(%ld, {sa_family=AF_UNIX, "
		 "sun_path=\"/nonexistent/sock\"}, %zu)", s, sizeof(sun));
	expect(line, "-1 ENOENT (No such file or directory)");
	expect("connect(-1, {sa_family=AF_INET, sin_port=htons(9), "
	       "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", "-1 EBADF (Bad file descriptor)");
	snprintf(line, sizeof(line), "close(%ld)", s);
	expect(line, "0");
	for (i = 0; i < 2; i++) {
		rlim_t v = i ? rl.rlim_max : rl.rlim_cur;

		if (v == RLIM_INFINITY)
			snprintf(rlbuf[i], sizeof(rlbuf[i]), "RLIM64_INFINITY");
		else if (v > 1024 && v % 1024 == 0)
			snprintf(rlbuf[i], sizeof(rlbuf[i]), "%llu*1024",
				 (unsigned long long)v / 1024);
		else
			snprintf(rlbuf[i], sizeof(rlbuf[i]), "%llu", (unsigned long long)v);
	}
	snprintf(line, sizeof(line), "prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=%s, rlim_max=%s})",
		 rlbuf[0], rlbuf[1]);
	expect(line, "0");
	expect("nanosleep({tv_sec=0, tv_nsec=1000}, NULL)", "0");
	snprintf(line, sizeof(line), "nanosleep({tv_sec=0, tv_nsec=1000}, %p)", (void *)&rem);
	expect(line, "0");
	snprintf(tmp, sizeof(tmp), "%ld", ng);
	expect("getgroups(0, NULL)", tmp);
	n = snprintf(line, sizeof(line), "getgroups(4, [");
	for (i = 0; i < ng2 && i < 4; i++)
		n += snprintf(line + n, sizeof(line) - n, "%s%u", i ? ", " : "", groups[i]);
	snprintf(line + n, sizeof(line) - n, "])");
	snprintf(tmp, sizeof(tmp), "%ld", ng2);
	expect(line, tmp);
	n = 0;
	for (i = 0; i < naff * 8; i++)
		if (aff[i / 8] >> (i % 8) & 1)
			n += snprintf(cpus + n, sizeof(cpus) - n, "%s%d", n ? " " : "", i);
	snprintf(line, sizeof(line), "sched_getaffinity(0, %zu, [%s])", sizeof(aff), cpus);
	snprintf(tmp, sizeof(tmp), "%ld", naff);
	expect(line, tmp);
	snprintf(line, sizeof(line), "sched_setaffinity(0, %zu, [%s])", sizeof(aff), cpus);
	expect(line, "0");
	snprintf(line, sizeof(line), "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=%ld, tv_usec=%ld}, "
		 "ru_stime={tv_sec=%ld, tv_usec=%ld}, ...})", (long)ru.ru_utime.tv_sec,
		 (long)ru.ru_utime.tv_usec, (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec);
	expect(line, "0");
	snprintf(line, sizeof(line), "getrusage(0x5 /* RUSAGE_??? */, %p)", (void *)&ru2);
	expect(line, "-1 EINVAL (Invalid argument)");
	expect("prctl(PR_SET_NAME, \"sysobs-dec\")", "0");
	expect("prctl(PR_GET_NAME, \"sysobs-dec\")", "0");
	snprintf(tmp, sizeof(tmp), "%ld", capr);
	expect("prctl(PR_CAPBSET_READ, CAP_MAC_OVERRIDE)", tmp);
	snprintf(tmp, sizeof(tmp), "%ld", nnp);
	expect("prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)", tmp);
	expect("prctl(0x12345 /* PR_??? */, 0x1, 0x2, 0x3, 0x4)", "-1 EINVAL (Invalid argument)");
	snprintf(line, sizeof(line), "socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d])", sv[0], sv[1]);
	expect(line, "0");
	snprintf(line, sizeof(line), "writev(%d, [{iov_base=\"hello\", iov_len=5}, "
		 "{iov_base=\" world\\n\", iov_len=7}], 2)", sv[0]);
	expect(line, "12");
	snprintf(line, sizeof(line), "readv(%d, [{iov_base=\"hell\", iov_len=4}, "
		 "{iov_base=\"o world\\n\", iov_len=64}], 2)", sv[1]);
	expect(line, "12");
	snprintf(line, sizeof(line), "writev(%d, [{iov_base=\"%.32s\"..., iov_len=100}], 1)",
		 sv[0], big);
	expect(line, "100");
	/* 100 bytes: 4 + 64 (cut at -s), then 4 + the last 28 */
	snprintf(line, sizeof(line), "readv(%d, [{iov_base=\"xxxx\", iov_len=4}, "
		 "{iov_base=\"%.32s\"..., iov_len=64}], 2)", sv[1], big);
	expect(line, "68");
	snprintf(line, sizeof(line), "readv(%d, [{iov_base=\"xxxx\", iov_len=4}, "
		 "{iov_base=\"%.28s\", iov_len=64}], 2)", sv[1], big);
	expect(line, "32");
	expect("writev(-1, [{iov_base=\"hello\", iov_len=5}, {iov_base=\" world\\n\", "
	       "iov_len=7}], 2)", "-1 EBADF (Bad file descriptor)");
	snprintf(line, sizeof(line), "readv(-1, [{iov_base=%p, iov_len=4}, {iov_base=%p, "
		 "iov_len=64}], 2)", r1, r2);
	expect(line, "-1 EBADF (Bad file descriptor)");
	snprintf(line, sizeof(line), "sendto(%d, \"x\", 1, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0)",
		 sv[0]);
	expect(line, "1");
	snprintf(line, sizeof(line), "recvfrom(%d, \"x\", 1, MSG_DONTWAIT, NULL, NULL)", sv[1]);
	expect(line, "1");
	snprintf(tmp, sizeof(tmp), "%#03lo", oldmask);
	expect("umask(027)", tmp);
	snprintf(line, sizeof(line), "umask(%#03lo)", oldmask);
	expect(line, "027");
	expect("flock(-1, LOCK_EX|LOCK_NB)", "-1 EBADF (Bad file descriptor)");
	expect("flock(-1, LOCK_UN)", "-1 EBADF (Bad file descriptor)");
	snprintf(line, sizeof(line), "poll([{fd=%d, events=POLLIN}, {fd=%d, "
		 "events=POLLIN|POLLOUT}], 2, 0)", sv[1], sv[0]);
	snprintf(tmp, sizeof(tmp), "1 ([{fd=%d, revents=POLLOUT}])", sv[0]);
	expect(line, tmp);
	snprintf(line, sizeof(line), "poll([{fd=%d, events=POLLIN}], 1, 0)", sv[1]);
	expect(line, "0 (Timeout)");
	snprintf(line, sizeof(line), "pipe2([%d, %d], O_CLOEXEC)", pp[0], pp[1]);
	expect(line, "0");
	snprintf(line, sizeof(line), "%d", l);
	expect("socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", line);
	snprintf(line, sizeof(line), "bind(%d, {sa_family=AF_INET, sin_port=htons(0), "
		 "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", l);
	expect(line, "0");
	snprintf(line, sizeof(line), "getsockname(%d, {sa_family=AF_INET, sin_port=htons(%u), "
		 "sin_addr=inet_addr(\"127.0.0.1\")}, [16])", l, ntohs(lsin.sin_port));
	expect(line, "0");
	snprintf(line, sizeof(line), "listen(%d, 1)", l);
	expect(line, "0");
	snprintf(line, sizeof(line), "setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4)", l);
	expect(line, "0");
	snprintf(line, sizeof(line), "getsockopt(%d, SOL_SOCKET, SO_ERROR, [0], [4])", l);
	expect(line, "0");
	snprintf(line, sizeof(line), "setsockopt(%d, 0x3039 /* SOL_?? */, 7, [1], 4)", l);
	expect(line, "-1 ENOPROTOOPT (Protocol not available)");
	snprintf(line, sizeof(line), "%d", cl);
	expect("socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", line);
	snprintf(line, sizeof(line), "connect(%d, {sa_family=AF_INET, sin_port=htons(%u), "
		 "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", cl, ntohs(lsin.sin_port));
	expect(line, "0");
	snprintf(line, sizeof(line), "accept4(%d, {sa_family=AF_INET, sin_port=htons(%u), "
		 "sin_addr=inet_addr(\"127.0.0.1\")}, [16], SOCK_CLOEXEC)", l, ntohs(peer.sin_port));
	snprintf(tmp, sizeof(tmp), "%d", a);
	expect(line, tmp);
	snprintf(line, sizeof(line), "accept(-1, %p, [16])", (void *)&peer);
	expect(line, "-1 EBADF (Bad file descriptor)");
	snprintf(line, sizeof(line), "uname({sysname=\"%s\", nodename=\"%s\", ...})",
		 u.sysname, u.nodename);
	expect(line, "0");
	snprintf(tmp, sizeof(tmp), "%d", kid);
	expect("clone(child_stack=NULL, flags=SIGCHLD)", tmp);
	snprintf(line, sizeof(line), "wait4(%d, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL)",
		 kid);
	snprintf(tmp, sizeof(tmp), "%d", kid);
	expect(line, tmp);
	return 0;
}
