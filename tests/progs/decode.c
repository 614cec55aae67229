// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Decoders by family, in strace's manner: each call below prints as strace 6.1 prints it
 * (file flags and modes, mm prot and flags, signals and sigaction, sockets and addresses,
 * limits and timespecs, escapes in buffers).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
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

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	getrlimit(RLIMIT_NOFILE, &rl);
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
	expect("rt_sigprocmask(SIG_BLOCK, [USR2], [], 8)", "0");
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
	return 0;
}
