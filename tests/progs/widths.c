// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Argument width: an int or unsigned int argument is 32 bits as the kernel reads it, whatever
 * the register holds above them. Each call is made with a raw syscall instruction and garbage
 * in the upper half of its 32-bit arguments (G), and must show as strace 6.1 shows it
 * (faccessat2(-1, NULL, R_OK, 0), not R_OK|0x7fff...); then constants of calls that take only
 * named constants (dup3, setns, shutdown, getpriority, renameat2, epoll_ctl, timerfd_*,
 * eventfd2, epoll_create1), known and unknown. Prints the lines sysobs must show
 * (tests/integration/decode-exercisers.sh).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/stat.h>
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include "test.h"

#define G	0x7fff123400000000L	/* above every 32-bit argument */
#define M1	0xffffffffL		/* -1 as 32 bits */
#define EBADF_S	"-1 EBADF (Bad file descriptor)"
#define EFAULT_S "-1 EFAULT (Bad address)"
#define EINVAL_S "-1 EINVAL (Invalid argument)"
#define ECHILD_S "-1 ECHILD (No child processes)"
#define ESRCH_S	"-1 ESRCH (No such process)"
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_WHITEOUT		(1 << 2)
#endif

static char outbuf[16384];

/* The syscall instruction itself: libc's syscall() would pass ints through int parameters. */
static long sc(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 asm("r10") = d, r8 asm("r8") = e, r9 asm("r9") = f;
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
		     "r"(r9) : "rcx", "r11", "memory");
	return ret;
}

#define W(ret, line, ...) do { sc(__VA_ARGS__); expect(line, ret); } while (0)

int main(void)
{
	char prio[16], dump[32];

	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));	/* no fstat at the first line */
	snprintf(prio, sizeof(prio), "%d", 20 - getpriority(PRIO_PROCESS, 0));
	snprintf(dump, sizeof(dump), "%d (SUID_DUMP_USER)", prctl(PR_GET_DUMPABLE));
	umask(022);
	MARK_BEGIN();
	W(EFAULT_S, "faccessat2(-1, NULL, R_OK, 0)", SYS_faccessat2, G|M1, 0, G|R_OK, G|0, 0, 0);
	W(EINVAL_S, "close_range(7, 0, 0)", SYS_close_range, G|7, G|0, G|0, 0, 0, 0);
	W(EFAULT_S, "openat(-1, NULL, O_RDONLY|O_CLOEXEC)",
	  SYS_openat, G|M1, 0, G|O_RDONLY|O_CLOEXEC, G|0644, 0, 0);
	W(EFAULT_S, "openat(-1, NULL, O_RDONLY|O_CREAT, 0644)",
	  SYS_openat, G|M1, 0, G|O_CREAT, G|0644, 0, 0);
	W(EFAULT_S, "fchmodat(-1, NULL, 0644)", SYS_fchmodat, G|M1, 0, G|0644, 0, 0, 0);
	W(EBADF_S, "lseek(-1, 5, SEEK_END)", SYS_lseek, G|M1, 5, G|SEEK_END, 0, 0, 0);
	W(EBADF_S, "flock(-1, LOCK_EX)", SYS_flock, G|M1, G|LOCK_EX, 0, 0, 0, 0);
	W(EBADF_S, "fcntl(-1, F_GETFD)", SYS_fcntl, G|M1, G|F_GETFD, 0, 0, 0, 0);
	W(EBADF_S, "fcntl(-1, F_SETFD, FD_CLOEXEC)",
	  SYS_fcntl, G|M1, G|F_SETFD, G|FD_CLOEXEC, 0, 0, 0);
	W(EINVAL_S, "dup3(-1, -1, O_CLOEXEC)", SYS_dup3, G|M1, G|M1, G|O_CLOEXEC, 0, 0, 0);
	W(EFAULT_S, "pipe2(NULL, O_CLOEXEC)", SYS_pipe2, 0, G|O_CLOEXEC, 0, 0, 0, 0);
	W("0", "madvise(NULL, 0, MADV_NORMAL)", SYS_madvise, 0, 0, G|MADV_NORMAL, 0, 0, 0);
	W(EBADF_S, "setns(-1, CLONE_NEWNET)", SYS_setns, G|M1, G|CLONE_NEWNET, 0, 0, 0, 0);
	W(EBADF_S, "inotify_add_watch(-1, NULL, IN_MODIFY)",
	  SYS_inotify_add_watch, G|M1, 0, G|IN_MODIFY, 0, 0, 0);
	W(EFAULT_S, "memfd_create(NULL, MFD_CLOEXEC)",
	  SYS_memfd_create, 0, G|MFD_CLOEXEC, 0, 0, 0, 0);
	W("0",
	  "prlimit64(0, RLIMIT_NOFILE, NULL, NULL)", SYS_prlimit64, G|0, G|RLIMIT_NOFILE, 0, 0, 0, 0);
	W(EINVAL_S, "sched_getscheduler(-1)", SYS_sched_getscheduler, G|M1, 0, 0, 0, 0, 0);
	W(EBADF_S, "setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, NULL, 4)",
	  SYS_setsockopt, G|M1, G|SOL_SOCKET, G|SO_REUSEADDR, 0, G|4, 0);
	W(EBADF_S, "shutdown(-1, SHUT_RD)", SYS_shutdown, G|M1, G|SHUT_RD, 0, 0, 0, 0);
	W(EFAULT_S, "mkdirat(-1, NULL, 0755)", SYS_mkdirat, G|M1, 0, G|0755, 0, 0, 0);
	W(EFAULT_S, "fchownat(-1, NULL, 1, 2, AT_SYMLINK_NOFOLLOW)",
	  SYS_fchownat, G|M1, 0, G|1, G|2, G|AT_SYMLINK_NOFOLLOW, 0);
	W(EFAULT_S, "clock_gettime(CLOCK_MONOTONIC, NULL)",
	  SYS_clock_gettime, G|CLOCK_MONOTONIC, 0, 0, 0, 0, 0);
	W("0",
	  "rt_sigprocmask(SIG_BLOCK, NULL, NULL, 8)", SYS_rt_sigprocmask, G|SIG_BLOCK, 0, 0, 8, 0, 0);
	W(EBADF_S, "ioctl(-1, TCGETS, NULL)", SYS_ioctl, G|M1, G|TCGETS, 0, 0, 0, 0);
	W(EFAULT_S, "futex(NULL, FUTEX_WAKE, 1)", SYS_futex, 0, G|FUTEX_WAKE, G|1, 0, 0, 0);
	W(ECHILD_S, "wait4(-1, NULL, WNOHANG, NULL)", SYS_wait4, G|M1, 0, G|WNOHANG, 0, 0, 0);
	W(EBADF_S, "fadvise64(-1, 0, 0, POSIX_FADV_WILLNEED)",
	  SYS_fadvise64, G|M1, 0, 0, G|POSIX_FADV_WILLNEED, 0, 0);
	W(EFAULT_S, "renameat2(-1, NULL, -1, NULL, RENAME_NOREPLACE)",
	  SYS_renameat2, G|M1, 0, G|M1, 0, G|RENAME_NOREPLACE, 0);
	W(EBADF_S, "statx(-1, NULL, AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH, STATX_BASIC_STATS, NULL)",
	  SYS_statx, G|M1, 0, G|AT_EMPTY_PATH, G|STATX_BASIC_STATS, 0, 0);
	W(EFAULT_S, "unlinkat(-1, NULL, AT_REMOVEDIR)",
	  SYS_unlinkat, G|M1, 0, G|AT_REMOVEDIR, 0, 0, 0);
	W("0", "getrandom(NULL, 0, GRND_NONBLOCK)", SYS_getrandom, 0, 0, G|GRND_NONBLOCK, 0, 0, 0);
	W(EBADF_S, "accept4(-1, NULL, NULL, SOCK_CLOEXEC)",
	  SYS_accept4, G|M1, 0, 0, G|SOCK_CLOEXEC, 0, 0);
	W(EBADF_S, "sendto(-1, NULL, 0, MSG_DONTWAIT, NULL, 0)",
	  SYS_sendto, G|M1, 0, 0, G|MSG_DONTWAIT, 0, G|0);
	W(EBADF_S, "ftruncate(-1, 0)", SYS_ftruncate, G|M1, 0, 0, 0, 0, 0);
	W(EFAULT_S, "epoll_ctl(-1, EPOLL_CTL_ADD, -1, NULL)",
	  SYS_epoll_ctl, G|M1, G|EPOLL_CTL_ADD, G|M1, 0, 0, 0);
	W(EFAULT_S, "timerfd_settime(-1, TFD_TIMER_ABSTIME, NULL, NULL)",
	  SYS_timerfd_settime, G|M1, G|TFD_TIMER_ABSTIME, 0, 0, 0, 0);
	W(ESRCH_S, "kill(2147483392, 0)", SYS_kill, G|0x7fffff00, G|0, 0, 0, 0, 0);
	W(EINVAL_S, "dup3(-1, -1, O_CREAT)", SYS_dup3, -1, -1, 0x40, 0, 0, 0);
	W(EBADF_S, "setns(-1, 0)", SYS_setns, -1, 0, 0, 0, 0, 0);
	W(EBADF_S, "setns(-1, CLONE_NEWUTS|CLONE_NEWNET)",
	  SYS_setns, -1, CLONE_NEWNET|CLONE_NEWUTS, 0, 0, 0, 0);
	W(EBADF_S, "shutdown(-1, SHUT_RDWR)", SYS_shutdown, -1, SHUT_RDWR, 0, 0, 0, 0);
	W(EBADF_S, "shutdown(-1, 0x7 /* SHUT_??? */)", SYS_shutdown, -1, 7, 0, 0, 0, 0);
	W(EINVAL_S, "getpriority(0x9 /* PRIO_??? */, 0)", SYS_getpriority, 9, 0, 0, 0, 0, 0);
	W(ESRCH_S, "setpriority(PRIO_USER, 2147483392, -21)",
	  SYS_setpriority, PRIO_USER, 0x7fffff00, -21, 0, 0, 0);
	W(EFAULT_S, "renameat2(-1, NULL, -1, NULL, RENAME_NOREPLACE|RENAME_WHITEOUT)",
	  SYS_renameat2, -1, 0, -1, 0, RENAME_NOREPLACE|RENAME_WHITEOUT, 0);
	W(EFAULT_S, "renameat2(-1, NULL, -1, NULL, 0)", SYS_renameat2, -1, 0, -1, 0, 0, 0);
	W(EINVAL_S, "renameat2(-1, NULL, -1, NULL, 0x100 /* RENAME_?? */)",
	  SYS_renameat2, -1, 0, -1, 0, 0x100, 0);
	W(EFAULT_S, "epoll_ctl(-1, EPOLL_CTL_MOD, -1, NULL)",
	  SYS_epoll_ctl, -1, EPOLL_CTL_MOD, -1, 0, 0, 0);
	W(EFAULT_S, "epoll_ctl(-1, 0x9 /* EPOLL_CTL_??? */, -1, NULL)",
	  SYS_epoll_ctl, -1, 9, -1, 0, 0, 0);
	W(EFAULT_S, "timerfd_settime(-1, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, NULL, NULL)",
	  SYS_timerfd_settime, -1, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, 0, 0, 0, 0);
	W(EFAULT_S, "timerfd_settime(-1, 0, NULL, NULL)", SYS_timerfd_settime, -1, 0, 0, 0, 0, 0);
	W(EFAULT_S, "timerfd_settime(-1, 0x8 /* TFD_??? */, NULL, NULL)",
	  SYS_timerfd_settime, -1, 8, 0, 0, 0, 0);
	W(EINVAL_S, "timerfd_create(CLOCK_BOOTTIME, TFD_CLOEXEC|TFD_NONBLOCK|0x10)",
	  SYS_timerfd_create, CLOCK_BOOTTIME, TFD_CLOEXEC|TFD_NONBLOCK|0x10, 0, 0, 0, 0);
	W(EINVAL_S, "timerfd_create(0x63 /* CLOCK_??? */, 0)",
	  SYS_timerfd_create, 99, 0, 0, 0, 0, 0);
	W(EINVAL_S, "eventfd2(5, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK|0x10)",
	  SYS_eventfd2, 5, EFD_CLOEXEC|EFD_NONBLOCK|EFD_SEMAPHORE|0x10, 0, 0, 0, 0);
	W(EINVAL_S, "epoll_create1(EPOLL_CLOEXEC|0x1)",
	  SYS_epoll_create1, EPOLL_CLOEXEC|1, 0, 0, 0, 0, 0);
	W(prio, "getpriority(PRIO_PROCESS, 0)",
	  SYS_getpriority, G | PRIO_PROCESS, G | 0, 0, 0, 0, 0);
	W(dump, "prctl(PR_GET_DUMPABLE)", SYS_prctl, G | PR_GET_DUMPABLE, 0, 0, 0, 0, 0);
	W("022", "umask(022)", SYS_umask, G | 022, 0, 0, 0, 0, 0);
	MARK_END();
	return 0;
}
