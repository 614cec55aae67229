// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * -e inject= and -e fault= (tests/integration/inject.sh). Each scenario names its tracer
 * options and the attempts it expects to be tampered with; the program makes the calls, notes
 * what each attempt returned (and whether the injected signal arrived by its return), and
 *   inject --args SCENARIO   prints the options (for sysobs and strace alike)
 *   inject SCENARIO          makes the calls between the markers and prints the trace lines
 *                            expected; exit 1 (a line on stderr) when an attempt saw other
 *                            than what the scenario injects.
 * The attempts are chdir("/"), getppid() or getuid() calls, each counted by the tracer per
 * thread: "threads" runs the attempts in two threads, "fork" in the parent and a child.
 */
#include "test.h"
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#define ATTEMPTS	6
#define DELAY_NS	100000000ull	/* delay_enter=100ms: the attempt takes at least that */

enum call { C_CHDIR, C_GETPPID, C_GETUID };

struct scenario {
	const char *name;
	const char *args;
	enum call call;
	const char *hit;	/* attempt i (1-based) is tampered with: hit[i - 1] == 'x' */
	int err;		/* what a tampered attempt fails with (0: it returns retval) */
	long retval;
	bool sig;		/* SIGUSR1 arrives by the tampered attempt's return */
	bool delay;		/* the tampered attempt takes DELAY_NS at least */
	int threads;		/* 2: two threads (or processes, with fork) count apart */
	bool fork;
	bool untouched;		/* chdir's "/" in a file's page nothing has touched yet */
};

#define NO_RETVAL	-1	/* no retval= */

static const struct scenario scenarios[] = {
	{ "when3", "-e inject=chdir:error=ENOENT:when=3", C_CHDIR, "..x...", .err = ENOENT },
	{ "when2+", "-e inject=chdir:error=EACCES:when=2+", C_CHDIR, ".xxxxx", .err = EACCES },
	{ "when2+2", "-e inject=chdir:error=EPERM:when=2+2", C_CHDIR, ".x.x.x", .err = EPERM },
	{ "when2..4", "-e inject=chdir:error=EIO:when=2..4", C_CHDIR, ".xxx..", .err = EIO },
	{ "every", "-e inject=chdir:error=ENOTDIR", C_CHDIR, "xxxxxx", .err = ENOTDIR },
	{ "fault", "-e fault=chdir:when=1..2", C_CHDIR, "xx....", .err = ENOSYS },
	{ "numeric", "-e fault=chdir:error=22:when=5", C_CHDIR, "....x.", .err = EINVAL },
	{ "retval", "-e inject=getppid:retval=42:when=2+3", C_GETPPID, ".x..x.", .retval = 42 },
	{ "signal", "-e signal=none -e inject=getuid:signal=SIGUSR1:when=3", C_GETUID,
	  "..x...", .retval = NO_RETVAL, .sig = true },
	{ "error-signal", "-e signal=none -e inject=chdir:error=EXDEV:signal=USR1:when=4",
	  C_CHDIR, "...x..", .err = EXDEV, .sig = true },
	{ "last-wins", "-e inject=chdir:error=EIO -e inject=chdir,getuid:error=EROFS:when=6",
	  C_CHDIR, ".....x", .err = EROFS },
	{ "delay", "-e inject=getppid:delay_enter=100ms:when=2", C_GETPPID, ".x....",
	  .retval = NO_RETVAL, .delay = true },
	{ "untouched", "-e inject=chdir:error=ENOENT:when=1", C_CHDIR, "x.....",
	  .err = ENOENT, .untouched = true },
	{ "threads", "-f -qq -e inject=chdir:error=EBUSY:when=2..3", C_CHDIR, ".xx...",
	  .err = EBUSY, .threads = 2 },
	{ "fork", "-f -qq -e signal=none -e inject=chdir:error=ELOOP:when=5", C_CHDIR, "....x.",
	  .err = ELOOP, .threads = 2, .fork = true },
};

static const struct scenario *S;
static long real_ret;	/* what the call returns untampered with (before the markers) */
static const char *chdir_path = "/";
static volatile sig_atomic_t got_sig;
static int failed;

static void on_usr1(int sig)
{
	(void)sig;
	got_sig++;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static long attempt(int *err)
{
	long r;

	errno = 0;
	if (S->call == C_CHDIR)
		r = syscall(SYS_chdir, chdir_path);
	else if (S->call == C_GETPPID)
		r = syscall(SYS_getppid);
	else
		r = syscall(SYS_getuid);
	*err = r < 0 ? errno : 0;
	return r;
}

/* What attempt i (1-based) must have returned, as a trace line's return and as a check. */
static void check(int i, long r, int err, int sigs_before, uint64_t ns, long real)
{
	bool hit = S->hit[i - 1] == 'x', ok;
	long want = hit && S->err ? -1 : hit && S->retval >= 0 ? S->retval : real;

	ok = r == want && err == (hit ? S->err : 0);
	if (S->sig)
		ok = ok && got_sig == sigs_before + hit;
	if (S->delay && hit)
		ok = ok && ns >= DELAY_NS;
	if (!ok) {
		fprintf(stderr, "inject %s: attempt %d (thread %d) returned %ld errno %d, signals "
			"%d (before: %d), %llu ns; expected %ld errno %d\n", S->name, i, gettid(),
			r, err, got_sig, sigs_before, (unsigned long long)ns, want,
			hit ? S->err : 0);
		failed = 1;
	}
}

/* What the call returns untampered with, learnt without making it (that would count). */
static long untampered(void)
{
	char buf[512], *p;
	FILE *f;
	long ppid = -1;

	if (S->call == C_CHDIR)
		return 0;
	if (S->call == C_GETUID)
		return geteuid();	/* the same: the program is not set-uid */
	f = fopen("/proc/self/stat", "r");
	if (f && fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
		sscanf(p + 1, " %*c %ld", &ppid);
	if (f)
		fclose(f);
	return ppid;
}

/*
 * "/" in a page of a file mapping that nothing has touched: an injected call never runs, so
 * only the tracer can fault it in (sysobs reads the path at sys_exit, where it cannot fault).
 * Nothing else may read it before the first attempt; the expected lines print a "/" of their own.
 */
static const char *untouched_path(void)
{
	char name[] = "/tmp/sysobs-inject.XXXXXX";
	int fd = mkstemp(name);
	void *p;

	if (fd < 0 || write(fd, "/", 2) != 2)
		exit(99);
	p = mmap(NULL, 2, PROT_READ, MAP_PRIVATE, fd, 0);
	unlink(name);
	close(fd);
	if (p == MAP_FAILED)
		exit(99);
	return p;
}

/* The attempts of one thread: each checked, each line expected printed. */
static void *attempts(void *arg)
{
	(void)arg;
	long real = S->fork ? 0 : real_ret;	/* fork: chdir's, the same in the child */
	static const char *const names[] = { "chdir(\"/\")", "getppid()", "getuid()" };
	char ret[96];
	int i, err, before;
	uint64_t t;
	long r;

	for (i = 1; i <= ATTEMPTS; i++) {
		before = got_sig;
		t = now_ns();
		r = attempt(&err);
		check(i, r, err, before, now_ns() - t, real);
		if (err)
			snprintf(ret, sizeof(ret), "-1 %s (%s)", strerrorname_np(err), strerror(err));
		else
			snprintf(ret, sizeof(ret), "%ld", r);
		if (S->hit[i - 1] == 'x' && (S->err || S->retval >= 0))
			strcat(ret, " (INJECTED)");
		if (S->hit[i - 1] == 'x' && S->delay)
			strcat(ret, " (DELAYED)");
		expect(names[S->call], ret);
	}
	return NULL;
}

/* Two threads, or a parent and its child, one after the other: the lines stay in order. */
static void run_two(void)
{
	pthread_t t;
	pid_t pid;
	int st;

	fflush(stdout);	/* the child prints its own lines */
	if (!S->fork) {
		if (pthread_create(&t, NULL, attempts, NULL) || pthread_join(t, NULL))
			exit(99);
		attempts(NULL);
		return;
	}
	pid = fork();
	if (pid == 0) {
		attempts(NULL);
		exit(failed);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		exit(99);
	failed |= !WIFEXITED(st) || WEXITSTATUS(st);
	attempts(NULL);
}

int main(int argc, char **argv)
{
	bool args = argc == 3 && !strcmp(argv[1], "--args");
	const char *name = argv[argc - 1];
	unsigned int i;

	for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (argc > 1 && !strcmp(scenarios[i].name, name))
			S = &scenarios[i];
	if (!S) {
		fprintf(stderr, "usage: inject [--args] SCENARIO\n");
		return 99;
	}
	if (args) {
		printf("-e trace=chdir,getppid,getuid,close %s\n", S->args);
		return 0;
	}
	signal(SIGUSR1, on_usr1);
	real_ret = untampered();
	if (S->untouched)
		chdir_path = untouched_path();
	MARK_BEGIN();
	if (S->threads == 2)
		run_two();
	else
		attempts(NULL);
	MARK_END();
	return failed;
}
