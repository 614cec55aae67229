/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* execve's record: the path, argv and the environment's size, read before the old image goes;
 * on kernels before 6.10, what is left of them after. */
#ifndef EXEC_BPF_H
#define EXEC_BPF_H

#include "capture.bpf.h"

#define EXEC_ARGV_COUNT_MAX	4096	/* argv strings counted (beyond those captured) */
#define EXEC_ENVP_COUNT_MAX	8192	/* environment strings counted */

/* exec_fallback's record: the so_sys, a path, an argument area of at most a quarter, a count. */
_Static_assert(sizeof(struct so_sys) + 3 * sizeof(struct so_cap) + SO_PATH_MAX +
	       SO_SCRATCH_SIZE / 4 <= SO_SCRATCH_SIZE, "no room for the fallback's exec record");

/* One argv string at off (NUL included, cut at strsize + 1 so that user space can tell a cut
 * string, shown with "...", from one of exactly strsize); returns its length or -1. Global,
 * so the verifier checks it once rather than once per loop iteration. */
__noinline int argv_one(struct scratch *s, __u32 off, __u64 str)
{
	long len;

	if (!s || off > SO_SCRATCH_SIZE - SO_PATH_MAX)
		return -1;
	len = bpf_probe_read_user_str(&s->buf[bound(off, SO_SCRATCH_SIZE - 1)],
				      bound(strsize + 2, SO_PATH_MAX * 2 - 1), (void *)str);
	if (len <= 0) {
		s->buf[bound(off, SO_SCRATCH_SIZE - 1)] = 0;
		len = 1;
	}
	return len;
}

struct vec_ctx {
	__u64 vec;
	__u32 n;
	__u8 fault;
};

static long vec_step(__u32 i, void *ctx)
{
	struct vec_ctx *v = ctx;
	__u64 p;

	if (bpf_probe_read_user(&p, sizeof(p), (void *)(v->vec + (__u64)v->n * sizeof(p))) < 0) {
		v->fault = 1;
		return 1;
	}
	if (!p)
		return 1;
	v->n++;
	return 0;
}

/* How many pointers before the NULL that ends the array at vec, counting on from 'from'.
 * bpf_loop: the verifier checks the step once, whatever the count. */
static __always_inline __u32 vec_count(__u64 vec, __u32 from, __u32 limit, __u8 *fault)
{
	struct vec_ctx v = { .vec = vec, .n = from };

	bpf_loop(limit, vec_step, &v, 0);
	if (v.fault)
		*fault = 1;
	return v.n;
}

/*
 * argv at off: its strings (up to SO_EXEC_ARGV_MAX, each cut at strsize) and the count of all of
 * them. Returns the offset after it, 0 when there is no room. *fault: counting stopped at a fault.
 */
static __always_inline __u32 cap_argv(struct scratch *s, __u32 off, __u32 arg, __u64 argv,
				      __u8 *fault)
{
	__u32 o = bound(off, SO_SCRATCH_SIZE - 1), n = 0, i, cnt = 0;
	struct so_cap *c;
	__u64 p;
	int len;

	if (o > SO_SCRATCH_SIZE / 2)
		return 0;
	c = (void *)&s->buf[o];
	c->arg = arg;
	c->flags = SO_CAP_ARGV;
	for (i = 0; i < SO_EXEC_ARGV_MAX; i++) {
		if (bpf_probe_read_user(&p, sizeof(p), (void *)(argv + i * sizeof(p))) < 0) {
			c->flags |= SO_CAP_FAULT;
			break;
		}
		if (!p)
			break;
		len = argv_one(s, o + sizeof(*c) + n, p);
		if (len < 0)
			break;
		n += len;
		cnt++;
	}
	c->total = cnt;
	if (i == SO_EXEC_ARGV_MAX) {
		/* count the rest without reading them */
		c->total = vec_count(argv, cnt, EXEC_ARGV_COUNT_MAX, fault);
		if (c->total > cnt)
			c->flags |= SO_CAP_TRUNC;
	}
	c->len = n;
	return cap_next(o, n);
}

/* The environment at envp: its count only, as strace shows it. *fault comes in set when argv's
 * count faulted, and then marks this capture too. */
static __always_inline __u32 cap_envp(struct scratch *s, __u32 off, __u32 arg, __u64 envp,
				      __u8 *fault)
{
	__u32 o = bound(off, SO_SCRATCH_SIZE - 1), next;
	struct so_cap *c = (void *)&s->buf[o];

	/* the header first, the count after: in the other order sys_exit took the verifier 25k
	 * instructions instead of 17.6k */
	next = cap_count(s, o, arg, SO_CAP_ARGV, 0);
	c->total = vec_count(envp, 0, EXEC_ENVP_COUNT_MAX, fault);
	if (*fault)
		c->flags |= SO_CAP_FAULT;
	return next;
}

/*
 * An execve record with what strace shows: the path, the argv strings and the number of
 * environment variables. The old image must still be mapped (prepare_exec, or a failed exec).
 */
static __always_inline void emit_exec(__u16 type, __u64 id, struct so_task *t,
				      const struct sys_call *c)
{
	__u32 off = sizeof(struct so_sys), ncaps = 0, path_arg = c->nr == SO_NR_EXECVEAT;
	__u64 argv = c->args[path_arg + 1], envp = c->args[path_arg + 2];
	struct scratch *s;
	__u8 fault = 0;
	int len;

	if (!want_captures) {
		emit_sys(type, id, t, c);
		return;
	}
	s = scratch_begin(t);
	if (!s)
		return;
	len = cap_one(s, off, CAP_ARG_KIND(path_arg, SO_CK_PATH), c->args[path_arg], 0);
	if (len > 0) {
		off = len;
		ncaps++;
	}
	if (argv) {
		off = cap_argv(s, off, path_arg + 1, argv, &fault);
		if (!off)
			return;
		ncaps++;
	}
	if (envp && off < SO_SCRATCH_SIZE - sizeof(struct so_cap)) {
		/* the environment: its count only, as strace shows it; with -v its strings (their
		 * count when they do not fit) */
		len = want_env ? cap_argv(s, off, path_arg + 2, envp, &fault) : 0;
		off = len > 0 ? len : cap_envp(s, off, path_arg + 2, envp, &fault);
		ncaps++;
	}
	scratch_send(s, off, ncaps, type, id, t, c);
}

/*
 * execve, just before the point of no return (Linux 6.10+): the old image and the caller's
 * registers are still there, so the arguments can be read as at entry. The launched command
 * is held until here: its trace starts at this execve.
 */
static __always_inline void do_prepare_exec(struct so_task *t, struct task_struct *task)
{
	struct sys_call c = {};
	struct pt_regs *regs;

	t->state = SO_TS_ACTIVE;
	if (!want_records)
		return;
	regs = (struct pt_regs *)bpf_task_pt_regs(task);
	if (!regs)
		return;
	c.nr = regs_nr(regs);
	if (!nr_traced(c.nr))
		return;
	regs_args(regs, c.args);
	emit_exec(SO_REC_ENTER, bpf_get_current_pid_tgid(), t, &c);
}

/* The path as given to execve, a kernel string in the binprm: the record's first capture. */
static __always_inline __u32 cap_bprm_path(struct scratch *s, struct linux_binprm *bprm)
{
	__u32 off = sizeof(struct so_sys);
	struct so_cap *c = (void *)&s->buf[off];
	long n;

	c->arg = 0;
	c->flags = 0;
	n = bpf_probe_read_kernel_str(&s->buf[off + sizeof(*c)], SO_PATH_MAX,
				      BPF_CORE_READ(bprm, filename));
	if (n <= 0) {
		c->flags = SO_CAP_FAULT;
		n = 1;
	}
	c->len = n - 1;
	c->total = n - 1;
	return cap_next(off, c->len);
}

/* argv from the new image's argument area, where its argc strings lie back to back. */
static __always_inline __u32 cap_arg_area(struct scratch *s, __u32 off, struct task_struct *p,
					  __u32 argc)
{
	unsigned long arg_start = BPF_CORE_READ(p, mm, arg_start);
	unsigned long arg_end = BPF_CORE_READ(p, mm, arg_end);
	__u32 o = bound(off, SO_SCRATCH_SIZE - 1), len = arg_end - arg_start;
	struct so_cap *c = (void *)&s->buf[o];

	c->arg = 1;
	c->flags = SO_CAP_ARGV;
	if (len > SO_SCRATCH_SIZE / 4) {
		len = SO_SCRATCH_SIZE / 4;
		c->flags |= SO_CAP_TRUNC;
	}
	if (bpf_probe_read_user(&s->buf[bound(o + sizeof(*c), SO_SCRATCH_SIZE - 1)],
				bound(len, SO_SCRATCH_SIZE / 2 - 1), (void *)arg_start) < 0) {
		c->flags |= SO_CAP_FAULT;
		len = 0;
	}
	c->len = len;
	c->total = argc;
	return cap_next(o, len);
}

/*
 * Fallback for kernels without sched_prepare_exec (< 6.10): the exec is seen once it can no
 * longer fail, from the binprm (path, argument and environment counts) and the new image's
 * argument area. The pointer arguments are gone by then (SO_F_NOARGS).
 */
static __always_inline void exec_fallback(struct so_task *t, struct task_struct *p,
					  struct linux_binprm *bprm)
{
	struct sys_call c = { .nr = SO_NR_EXECVE, .flags = SO_F_NOARGS };
	struct scratch *s;
	__u32 off;

	t->state = SO_TS_ACTIVE;
	if (!want_records || !nr_traced(SO_NR_EXECVE))
		return;
	s = scratch_begin(t);
	if (!s)
		return;
	off = cap_bprm_path(s, bprm);
	off = cap_arg_area(s, off, p, BPF_CORE_READ(bprm, argc));
	off = cap_count(s, off, 2, SO_CAP_ARGV, BPF_CORE_READ(bprm, envc));
	/* after de_thread: current has the leader's pid already; the record names the caller */
	scratch_send(s, off, 3, SO_REC_ENTER, task_id(t), t, &c);
}

#endif /* EXEC_BPF_H */
