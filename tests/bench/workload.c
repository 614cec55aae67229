// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A workload that times itself: one syscall (or one pair) in a tight loop, timed with
 * CLOCK_MONOTONIC around the loop only, so a tracer's start-up and shut-down do not count.
 *
 *   workload [-r FILE] [-t THREADS] getppid|devnull|openclose [N]
 *
 * prints "ns_per_call=<x> calls=<N>" to stdout, or to FILE with -r (tracers that write to
 * stderr or stdout then cannot mix with it). A short untimed warm-up precedes the loop.
 * With -t the N calls (and the warm-up) are shared by THREADS threads running at once, and the
 * time is the process's CPU time (all threads) per call: what tracing costs the program,
 * whatever the number of cores.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define WARMUP 1000

static char path[64];

/* Each returns 0 or -1; the loop body is the call itself, through syscall(2) so no libc
 * caching or wrapper logic hides it. */
static int do_getppid(void)
{
	return syscall(SYS_getppid) > 0 ? 0 : -1;
}

static int do_devnull(void)
{
	static char buf[64];
	static int fd = -1;

	if (fd < 0) {
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (fd < 0)
			return -1;
	}
	return syscall(SYS_write, fd, buf, sizeof(buf)) == sizeof(buf) ? 0 : -1;
}

static int do_openclose(void)
{
	long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	return syscall(SYS_close, fd) == 0 ? 0 : -1;
}

static const struct mode {
	const char *name;
	int (*fn)(void);
	unsigned long def_n;
} modes[] = {
	{"getppid", do_getppid, 1000000},
	{"devnull", do_devnull, 1000000},
	{"openclose", do_openclose, 200000},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: workload [-r FILE] [-t THREADS] getppid|devnull|openclose [N]\n");
}

#define MAX_THREADS	64

struct worker {
	pthread_t th;
	int (*fn)(void);
	unsigned long n;
	int err;
};
static pthread_barrier_t start;

static void *work(void *arg)
{
	struct worker *w = arg;
	unsigned long i;

	for (i = 0; i < WARMUP / MAX_THREADS; i++)
		w->err |= w->fn();
	pthread_barrier_wait(&start);
	for (i = 0; i < w->n; i++)
		w->err |= w->fn();
	return NULL;
}

/* The calls shared by t threads: the process's CPU time per call, or a negative number. The
 * warm-up is WARMUP calls in all, as without threads (the bench counts the events). */
static double run_threads(int (*fn)(void), unsigned long n, int t)
{
	struct worker w[MAX_THREADS] = {};
	struct timespec t0, t1;
	unsigned long i;
	int k, err = 0;

	for (i = 0; i < (unsigned long)(WARMUP - WARMUP / MAX_THREADS * t); i++)
		err |= fn();
	pthread_barrier_init(&start, NULL, t + 1);
	for (k = 0; k < t; k++) {
		w[k].fn = fn;
		w[k].n = n / t + (k < (int)(n % t));
		if (pthread_create(&w[k].th, NULL, work, &w[k]))
			return -1;
	}
	pthread_barrier_wait(&start);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	for (k = 0; k < t; k++) {
		pthread_join(w[k].th, NULL);
		err |= w[k].err;
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	if (err)
		return -1;
	return ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n;
}

static int make_file(void)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/sysobs-bench.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	const struct mode *m = NULL;
	const char *result = NULL;
	struct timespec t0, t1;
	unsigned long n, i;
	double ns;
	FILE *out = stdout;
	char *end;
	int opt, threads = 0;

	while ((opt = getopt(argc, argv, "+r:t:h")) != -1) {
		switch (opt) {
		case 'r':
			result = optarg;
			break;
		case 't':
			threads = atoi(optarg);
			if (threads < 1 || threads > MAX_THREADS) {
				fprintf(stderr, "workload: -t takes 1 to %d\n", MAX_THREADS);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!strcmp(argv[optind], modes[i].name))
			m = &modes[i];
	}
	if (!m) {
		fprintf(stderr, "workload: unknown mode '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	n = m->def_n;
	if (optind + 1 < argc) {
		errno = 0;
		n = strtoul(argv[optind + 1], &end, 0);
		if (errno || *end || !n) {
			fprintf(stderr, "workload: bad count '%s'\n", argv[optind + 1]);
			return 2;
		}
	}
	if (m->fn == do_openclose && make_file()) {
		perror("workload: mkstemp");
		return 1;
	}

	if (threads) {
		ns = run_threads(m->fn, n, threads);
		i = 0;
		if (ns < 0)
			goto fail;
		goto report;
	}
	for (i = 0; i < WARMUP; i++) {
		if (m->fn())
			goto fail;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		if (m->fn())
			goto fail;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n;
report:
	if (path[0])
		unlink(path);
	if (result) {
		out = fopen(result, "w");
		if (!out) {
			fprintf(stderr, "workload: %s: %s\n", result, strerror(errno));
			return 1;
		}
	}
	fprintf(out, "ns_per_call=%.1f calls=%lu\n", ns, n);
	if (out != stdout && fclose(out)) {
		fprintf(stderr, "workload: %s: %s\n", result, strerror(errno));
		return 1;
	}
	return 0;
fail:
	fprintf(stderr, "workload: %s failed at call %lu: %s\n", m->name, i, strerror(errno));
	if (path[0])
		unlink(path);
	return 1;
}
