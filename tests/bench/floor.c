// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * floor: run a command under the floor programs (floor.bpf.c), the least any tracer on the
 * same hooks can cost.
 *
 *   floor [-t] [-u] [-v] exit|both CMD [ARG...]
 *
 * exit: only tp_btf/sys_exit (what sysobs attaches by default); both: tp_btf/sys_enter too
 * (what sysobs attaches for -T and -c). The command's tid is put into the tasks map before it
 * execs, so every lookup hits as for a traced process; with -u it is left out (the floor an
 * untraced process pays while some other process is traced: the map then holds the loader's
 * own tid instead). -v counts the hits and prints them on stderr (a check, not for timing).
 * -t looks up the tgid instead of the tid: every thread of the command hits (the floor of -f
 * on a multi-threaded command).
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "floor.skel.h"

struct floor_task {
	__u64 seq;
	__u64 enter_ts;
	__u32 tgid;
	__u32 state;
};

static void usage(FILE *f)
{
	fprintf(f, "usage: floor [-t] [-u] [-v] exit|both CMD [ARG...]\n");
}

static int libbpf_quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

static int tasks_add(struct floor_bpf *skel, __u32 tid)
{
	struct floor_task t = {.tgid = tid, .state = 1};

	return bpf_map__update_elem(skel->maps.tasks, &tid, sizeof(tid), &t, sizeof(t), BPF_ANY);
}

static unsigned long long hits_sum(struct floor_bpf *skel)
{
	int ncpu = libbpf_num_possible_cpus(), i;
	unsigned long long sum = 0;
	__u64 *v;
	__u32 zero = 0;

	if (ncpu <= 0)
		return 0;
	v = calloc(ncpu, sizeof(*v));
	if (!v)
		return 0;
	if (!bpf_map__lookup_elem(skel->maps.hits, &zero, sizeof(zero), v, ncpu * sizeof(*v), 0)) {
		for (i = 0; i < ncpu; i++)
			sum += v[i];
	}
	free(v);
	return sum;
}

int main(int argc, char **argv)
{
	struct bpf_link *l_exit = NULL, *l_enter = NULL;
	struct floor_bpf *skel = NULL;
	bool untraced = false, verify = false, threads = false, both;
	int opt, gate[2] = {-1, -1}, status, ret = 99;
	pid_t child = -1;
	char go = 1;

	while ((opt = getopt(argc, argv, "+tuvh")) != -1) {
		switch (opt) {
		case 't':
			threads = true;
			break;
		case 'u':
			untraced = true;
			break;
		case 'v':
			verify = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind < 2 || (strcmp(argv[optind], "exit") && strcmp(argv[optind], "both"))) {
		usage(stderr);
		return 2;
	}
	both = !strcmp(argv[optind], "both");
	libbpf_set_print(libbpf_quiet);

	skel = floor_bpf__open();
	if (!skel) {
		fprintf(stderr, "floor: open: %s\n", strerror(errno));
		goto cleanup;
	}
	skel->rodata->count_hits = verify;
	skel->rodata->by_tgid = threads;
	if (floor_bpf__load(skel)) {
		fprintf(stderr, "floor: load: %s\n", strerror(errno));
		goto cleanup;
	}
	l_exit = bpf_program__attach(skel->progs.floor_exit);
	if (!l_exit) {
		fprintf(stderr, "floor: attach sys_exit: %s\n", strerror(errno));
		goto cleanup;
	}
	if (both) {
		l_enter = bpf_program__attach(skel->progs.floor_enter);
		if (!l_enter) {
			fprintf(stderr, "floor: attach sys_enter: %s\n", strerror(errno));
			goto cleanup;
		}
	}

	/* The child waits on the gate until its tid is in the map, then execs the command. */
	if (pipe(gate)) {
		perror("floor: pipe");
		goto cleanup;
	}
	child = fork();
	if (child < 0) {
		perror("floor: fork");
		goto cleanup;
	}
	if (child == 0) {
		close(gate[1]);
		if (read(gate[0], &go, 1) != 1)
			_exit(99);
		close(gate[0]);
		execvp(argv[optind + 1], &argv[optind + 1]);
		fprintf(stderr, "floor: exec %s: %s\n", argv[optind + 1], strerror(errno));
		_exit(127);
	}
	close(gate[0]);
	gate[0] = -1;
	if (tasks_add(skel, untraced ? (__u32)getpid() : (__u32)child)) {
		fprintf(stderr, "floor: tasks map: %s\n", strerror(errno));
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		goto cleanup;
	}
	if (write(gate[1], &go, 1) != 1) {
		perror("floor: gate");
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		goto cleanup;
	}
	while (waitpid(child, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("floor: waitpid");
			goto cleanup;
		}
	}
	if (verify)
		fprintf(stderr, "floor: %llu lookups hit\n", hits_sum(skel));
	ret = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

cleanup:
	if (gate[0] >= 0)
		close(gate[0]);
	if (gate[1] >= 0)
		close(gate[1]);
	bpf_link__destroy(l_enter);
	bpf_link__destroy(l_exit);
	floor_bpf__destroy(skel);
	return ret;
}
