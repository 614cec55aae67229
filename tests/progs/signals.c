// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Signals as strace shows them: "--- SIGUSR1 {si_signo=...} ---" when a signal is delivered,
 * then the handler's rt_sigreturn({mask=[...]}). Sent by kill, tgkill and rt_sigqueueinfo, by
 * a child's exit (SIGCHLD, made deterministic by blocking it until the child is gone), by a
 * timer (alarm: SI_KERNEL) and by a fault (SIGSEGV at a known address). Then signals the kernel
 * discards when they are sent, because they are ignored (SIG_IGN, SIGWINCH and SIGCHLD at their
 * default): strace shows them as any other. "signals quiet" prints nothing
 * (tests/integration/strace-diff.sh).
 */
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include "test.h"

/* The kernel's struct sigaction for rt_sigaction without SA_RESTORER (no address to print). */
struct ksigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

/* A child (not traced) that exits with 5 once its parent is blocked in wait4: its SIGCHLD is
 * then sent while the parent is in the call, whatever the scheduling. */
static long child_after_wait4(long parent)
{
	long child;
	struct timespec ms = { 0, 1000000 };
	char path[64], buf[32];
	FILE *f;

	child = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (child)
		return child;
	snprintf(path, sizeof(path), "/proc/%ld/syscall", parent);
	for (;;) {
		f = fopen(path, "r");
		if (f && fgets(buf, sizeof(buf), f) && atoi(buf) == SYS_wait4)
			syscall(SYS_exit_group, 5);
		if (f)
			fclose(f);
		nanosleep(&ms, NULL);
	}
}

static sigjmp_buf segv_jmp;

static void on_signal(int sig)
{
	(void)sig;
}

static void on_segv(int sig)
{
	(void)sig;
	siglongjmp(segv_jmp, 1);
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa = { .sa_handler = fn };

	sigaction(sig, &sa, NULL);
}

/* --- SIGX {si_signo=SIGX, si_code=CODE, REST} --- */
static void expect_signal(const char *sig, const char *code, const char *rest)
{
	printf("--- %s {si_signo=%s, si_code=%s%s%s} ---\n", sig, sig, code, *rest ? ", " : "",
	       rest);
}

int main(int argc, char **argv)
{
	long pid = syscall(SYS_getpid), uid = getuid(), child, child2;
	struct ksigaction ign = { .handler = (unsigned long)SIG_IGN };
	struct ksigaction dfl = { .handler = (unsigned long)SIG_DFL };
	char src[64], line[512], info[256];
	sigset_t chld;
	siginfo_t si;

	handle(SIGUSR1, on_signal);
	handle(SIGUSR2, on_signal);
	handle(SIGCHLD, on_signal);
	handle(SIGALRM, on_signal);
	handle(SIGSEGV, on_segv);
	/* a child that is gone, its SIGCHLD held back until the marked part unblocks it */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	child = fork();
	if (child == 0)
		_exit(3);
	waitid(P_PID, child, &si, WEXITED | WNOWAIT);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = pid;
	si.si_uid = uid;
	si.si_value.sival_int = 0x5eed;

	MARK_BEGIN();
	syscall(SYS_kill, pid, SIGUSR1);
	syscall(SYS_tgkill, pid, pid, SIGUSR2);
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &chld, NULL, 8);
	syscall(SYS_wait4, child, NULL, 0, NULL);
	syscall(SYS_alarm, 1);
	syscall(SYS_pause);
	if (!sigsetjmp(segv_jmp, 1))
		*(volatile int *)0x10 = 1;
	/* discarded when sent: ignored, or ignored by default */
	syscall(SYS_rt_sigaction, SIGUSR2, &ign, NULL, 8);
	syscall(SYS_kill, pid, SIGUSR2);
	syscall(SYS_tgkill, pid, pid, SIGWINCH);
	syscall(SYS_rt_sigaction, SIGCHLD, &dfl, NULL, 8);
	child2 = child_after_wait4(pid);
	syscall(SYS_wait4, child2, NULL, 0, NULL);
	MARK_END();
	if (argc > 1 && !strcmp(argv[1], "quiet"))
		return 0;	/* for the differential test: no pids in the output */

	snprintf(src, sizeof(src), "si_pid=%ld, si_uid=%ld", pid, uid);
	snprintf(line, sizeof(line), "kill(%ld, SIGUSR1)", pid);
	expect(line, "0");
	expect_signal("SIGUSR1", "SI_USER", src);
	expect("rt_sigreturn({mask=[CHLD]})", "0");	/* still blocked */
	snprintf(line, sizeof(line), "tgkill(%ld, %ld, SIGUSR2)", pid, pid);
	expect(line, "0");
	expect_signal("SIGUSR2", "SI_TKILL", src);
	expect("rt_sigreturn({mask=[CHLD]})", "0");
	snprintf(info, sizeof(info), "%s, si_int=24301, si_ptr=0x5eed", src);
	snprintf(line, sizeof(line),
		 "rt_sigqueueinfo(%ld, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, %s})", pid,
		 info);
	expect(line, "0");
	expect_signal("SIGUSR1", "SI_QUEUE", info);
	expect("rt_sigreturn({mask=[CHLD]})", "0");
	expect("rt_sigprocmask(SIG_UNBLOCK, [CHLD], NULL, 8)", "0");
	snprintf(info, sizeof(info), "si_pid=%ld, si_uid=%ld, si_status=3, si_utime=0, si_stime=0",
		 child, uid);
	expect_signal("SIGCHLD", "CLD_EXITED", info);
	expect("rt_sigreturn({mask=[]})", "0");
	snprintf(line, sizeof(line), "wait4(%ld, NULL, 0, NULL)", child);
	snprintf(info, sizeof(info), "%ld", child);
	expect(line, info);
	expect("alarm(1)", "0");
	expect("pause()", "? ERESTARTNOHAND (To be restarted if no handler)");
	expect_signal("SIGALRM", "SI_KERNEL", "");
	expect("rt_sigreturn({mask=[]})", "-1 EINTR (Interrupted system call)");
	expect("rt_sigprocmask(SIG_BLOCK, NULL, [], 8)", "0");	/* sigsetjmp saves the mask */
	expect_signal("SIGSEGV", "SEGV_MAPERR", "si_addr=0x10");
	expect("rt_sigprocmask(SIG_SETMASK, [], NULL, 8)", "0");
	expect("rt_sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)", "0");
	snprintf(line, sizeof(line), "kill(%ld, SIGUSR2)", pid);
	expect(line, "0");
	expect_signal("SIGUSR2", "SI_USER", src);
	snprintf(line, sizeof(line), "tgkill(%ld, %ld, SIGWINCH)", pid, pid);
	expect(line, "0");
	expect_signal("SIGWINCH", "SI_TKILL", src);
	expect("rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, NULL, 8)", "0");
	snprintf(info, sizeof(info), "%ld", child2);
	expect("clone(child_stack=NULL, flags=SIGCHLD)", info);
	snprintf(line, sizeof(line), "wait4(%ld, NULL, 0, NULL)", child2);
	expect(line, info);
	snprintf(info, sizeof(info), "si_pid=%ld, si_uid=%ld, si_status=5, si_utime=0, si_stime=0",
		 child2, uid);
	expect_signal("SIGCHLD", "CLD_EXITED", info);
	return 0;
}
