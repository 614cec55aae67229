// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include "sysobs.skel.h"
#include "decode/names/sysent.h"
#include "setup/pload.h"
#include "setup/tracer.h"

#include "lib/warn.h"

#ifndef PIDFD_THREAD
#define PIDFD_THREAD	O_EXCL	/* a pidfd of one thread (Linux 6.9) */
#endif

static bool verbose;

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (!verbose)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

/* The capture spec of each syscall (the decoders' wishes, as data) into the kernel's map: one
 * batch update (Linux 5.6+; a syscall per spec before that, ~100 of them, at start-up). */
static int specs_load(struct tracer *t, const struct so_spec *specs)
{
	static __u32 keys[SO_NR_SLOTS];
	static struct so_spec vals[SO_NR_SLOTS];
	int fd = bpf_map__fd(t->skel->maps.specs);
	__u32 nr, n = 0, count;

	for (nr = 0; nr < SO_NR_SLOTS; nr++) {
		if (!specs[nr].ncaps)
			continue;
		keys[n] = nr;
		vals[n++] = specs[nr];
	}
	count = n;
	if (!n || !bpf_map_update_batch(fd, keys, vals, &count, NULL))
		return 0;
	for (nr = 0; nr < n; nr++)
		if (bpf_map_update_elem(fd, &keys[nr], &vals[nr], BPF_ANY))
			return -errno;
	return 0;
}

static bool kernel_at_least(int major, int minor)
{
	struct utsname u;
	int ma = 0, mi = 0;

	if (uname(&u) || sscanf(u.release, "%d.%d", &ma, &mi) != 2)
		return false;
	return ma > major || (ma == major && mi >= minor);
}

/*
 * sched_prepare_exec came with Linux 6.10. Asked of the version, not of the kernel's BTF:
 * parsing vmlinux BTF a second time (libbpf parses it too) cost ~25 ms of start-up.
 */
static bool prepare_exec_usable(void)
{
	if (getenv("SYSOBS_NO_PREPARE_EXEC"))
		return false;
	return kernel_at_least(6, 10);
}

void tracer__features(struct tracer_features *f)
{
	struct utsname u;

	memset(f, 0, sizeof(*f));
	if (!uname(&u))
		snprintf(f->kernel, sizeof(f->kernel), "%s", u.release);
	f->btf = !access("/sys/kernel/btf/vmlinux", R_OK);
	f->prepare_exec = prepare_exec_usable();
	f->libbpf_major = libbpf_major_version();
	f->libbpf_minor = libbpf_minor_version();
}

/* -k: the calls that say where files are mapped are sent whatever -e trace= says (user space
 * learns the mappings from them and does not show them): a process gone before its
 * /proc/PID/maps could be read is known from them */
static void mask_add_maps(__u64 *mask)
{
	long nr;

	for (nr = 0; nr < SO_NR_SLOTS; nr++)
		if (sysent__has(nr, SE_MAPS) || sysent__has(nr, SE_OPENS_PATH))
			mask[nr / 64] |= 1ull << (nr % 64);
}

static int try_start(struct tracer *t, const struct tracer_opts *o, bool prep)
{
	struct sysobs_bpf *skel;
	int err;

	/* the ring is created while libbpf opens the object and parses the kernel's BTF */
	pload__ring_early("events", o->ring_size);
	skel = sysobs_bpf__open();
	if (!skel) {
		err = -errno;
		pload__wait();
		return err;
	}
	t->skel = skel;
	t->have_prepare_exec = prep;
	skel->rodata->follow_forks = o->follow_forks;
	skel->rodata->want_ts = o->want_ts;
	skel->rodata->ts_exact = o->ts_exact;
	skel->rodata->want_dur = o->want_dur;
	skel->rodata->want_counts = o->want_counts;
	skel->rodata->count_cpu = o->want_counts && !o->count_wall;
	skel->rodata->want_records = o->want_records;
	skel->rodata->want_captures = o->want_captures;
	skel->rodata->want_env = o->want_env;
	skel->rodata->want_ip = o->want_ip;
	skel->rodata->want_stack = o->want_stack;
	/* -k: stacks are unwound against /proc/PID/maps, best read while the process lives: the
	 * consumer is woken by every record instead of polling */
	if (o->want_stack)
		skel->rodata->rb_flags = 0;
	skel->rodata->strsize = o->strsize;
	skel->rodata->attach_mode = o->attach_mode;
	skel->rodata->detach_on_exec = o->detach_on_exec;
	skel->rodata->dump_size = o->dump_size;
	if (o->filter && !o->filter->all) {
		skel->rodata->filter_on = true;
		memcpy((void *)skel->rodata->trace_mask, o->filter->mask, sizeof(o->filter->mask));
		if (o->want_stack)
			mask_add_maps((__u64 *)skel->rodata->trace_mask);
	}
	skel->rodata->self_tgid = getpid();
	err = bpf_map__set_max_entries(skel->maps.events, o->ring_size);
	if (err) {
		pload__wait();
		return err;
	}
	/* every hooked tracepoint costs every syscall on the machine: sys_enter only if needed */
	bpf_program__set_autoload(skel->progs.sys_enter, o->want_dur || o->want_counts);
	bpf_program__set_autoload(skel->progs.prepare_exec, prep);
	bpf_program__set_autoload(skel->progs.sched_exec, !prep);
	/* each program loaded is a verifier run at start-up: forks matter only with -f */
	bpf_program__set_autoload(skel->progs.sched_fork, o->follow_forks);
	bpf_program__set_autoload(skel->progs.signal_generate, o->want_records);
	/* the largest program is verified in a thread while the others are (setup/pload.h) */
	pload__arm(!o->verbose);
	err = sysobs_bpf__load(skel);
	err = pload__wait() ?: err;
	if (err)
		return err;
	err = specs_load(t, o->specs);
	if (err)
		return err;
	return sysobs_bpf__attach(skel);
}

int tracer__start(struct tracer *t, const struct tracer_opts *o)
{
	bool prep = !o->no_prepare_exec && prepare_exec_usable();
	int err;

	verbose = o->verbose;
	libbpf_set_print(libbpf_print);
	memset(t, 0, sizeof(*t));
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		warn("kernel BTF not found at /sys/kernel/btf/vmlinux: "
		     "sysobs needs a kernel built with CONFIG_DEBUG_INFO_BTF=y");
		return -ENOENT;
	}
	if (!prep && !o->no_prepare_exec)
		warn("note: no sched_prepare_exec tracepoint (Linux < 6.10): execve is shown from "
		     "sched_process_exec, without its pointer arguments");
	err = try_start(t, o, prep);
	if (err) {
		if (err == -EPERM || err == -EACCES)
			warn("permission denied loading BPF programs: run as root (sudo sysobs ...) "
			     "or with CAP_BPF and CAP_PERFMON");
		else
			warn("cannot load BPF programs: %s (run with -v for libbpf's messages)",
			     strerror(-err));
		tracer__stop(t);
		return err;
	}
	return 0;
}

/*
 * Task storage is keyed by a pidfd from user space. A thread that is not its process's leader
 * has one only with PIDFD_THREAD (Linux 6.9; before, the flag is EINVAL).
 */
static int task_pidfd(uint32_t tid, uint32_t tgid)
{
	int fd = syscall(SYS_pidfd_open, tid, tid == tgid ? 0 : PIDFD_THREAD);

	return fd < 0 ? -errno : fd;
}

int tracer__add_task(struct tracer *t, uint32_t tid, uint32_t tgid, bool pending)
{
	struct so_task v = {
		.tgid = tgid,
		.tid = tid,
		.state = pending ? SO_TS_PENDING : SO_TS_ACTIVE,
	};
	int pidfd, err = 0;

	pidfd = task_pidfd(tid, tgid);
	if (pidfd < 0)
		return pidfd;
	if (bpf_map_update_elem(bpf_map__fd(t->skel->maps.tasks), &pidfd, &v, BPF_NOEXIST))
		err = -errno;
	else if (__atomic_fetch_add(&t->skel->bss->live_tasks, 1, __ATOMIC_SEQ_CST) > 0)
		t->skel->bss->stamp_all = 1;	/* a second thread: stamp every call (maps.bpf.h) */
	close(pidfd);
	return err;
}

bool tracer__drop_task(struct tracer *t, uint32_t tid)
{
	int fd = bpf_map__fd(t->skel->maps.tasks), pidfd;
	struct so_task v;
	bool dropped;

	pidfd = syscall(SYS_pidfd_open, tid, 0);
	if (pidfd < 0)
		pidfd = syscall(SYS_pidfd_open, tid, PIDFD_THREAD);
	if (pidfd < 0)
		return false;
	dropped = !bpf_map_lookup_elem(fd, &pidfd, &v) && !bpf_map_delete_elem(fd, &pidfd);
	if (dropped)
		__atomic_fetch_sub(&t->skel->bss->live_tasks, 1, __ATOMIC_SEQ_CST);
	close(pidfd);
	return dropped;
}

int tracer__attach_tgid(struct tracer *t, uint32_t tgid)
{
	__u8 one = 1;

	if (bpf_map_update_elem(bpf_map__fd(t->skel->maps.attach_pids), &tgid, &one, BPF_ANY))
		return -errno;
	return 0;
}

static int ends_take(void *ctx, struct so_end *e)
{
	const struct tracer *t = ctx;

	if (bpf_map_lookup_and_delete_elem(bpf_map__fd(t->skel->maps.ends), NULL, e))
		return -errno;
	return 0;
}

struct ends_source tracer__ends(struct tracer *t)
{
	return (struct ends_source){
		.queued = &t->skel->bss->ends_queued,
		.take = ends_take,
		.ctx = t,
	};
}

int tracer__ring_fd(const struct tracer *t)
{
	return bpf_map__fd(t->skel->maps.events);
}

uint64_t tracer__stat(const struct tracer *t, enum so_stat which)
{
	int ncpu = libbpf_num_possible_cpus(), i;
	__u32 key = which;
	uint64_t sum = 0, *v;

	if (ncpu <= 0)
		return 0;
	v = calloc(ncpu, sizeof(*v));
	if (!v)
		return 0;
	if (!bpf_map_lookup_elem(bpf_map__fd(t->skel->maps.stats), &key, v))
		for (i = 0; i < ncpu; i++)
			sum += v[i];
	free(v);
	return sum;
}

bool tracer__no_tasks(const struct tracer *t)
{
	return __atomic_load_n(&t->skel->bss->live_tasks, __ATOMIC_SEQ_CST) == 0;
}

int tracer__counts(const struct tracer *t, struct so_count *out)
{
	int ncpu = libbpf_num_possible_cpus(), fd = bpf_map__fd(t->skel->maps.counts), i;
	struct so_count *v;
	__u32 nr;

	if (ncpu <= 0)
		return -EINVAL;
	v = calloc(ncpu, sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (nr = 0; nr < SO_NR_SLOTS; nr++) {
		memset(&out[nr], 0, sizeof(out[nr]));
		if (bpf_map_lookup_elem(fd, &nr, v))
			continue;
		for (i = 0; i < ncpu; i++) {
			out[nr].calls += v[i].calls;
			out[nr].errors += v[i].errors;
			out[nr].ns += v[i].ns;
		}
	}
	free(v);
	return 0;
}

void tracer__stop(struct tracer *t)
{
	sysobs_bpf__destroy(t->skel);
	t->skel = NULL;
}
