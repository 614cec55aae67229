/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* execve: the path, argv and the environment's size, before the old image goes. */
#ifndef EXEC_BPF_H
#define EXEC_BPF_H

#include "capture.bpf.h"

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

	if (bpf_probe_read_user(&p, sizeof(p), (void *)(v->vec + (__u64)v->n * 8)) < 0) {
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
 * An execve record with what strace shows: the path, the argv strings (up to
 * SO_EXEC_ARGV_MAX, each cut at strsize) and the number of environment variables. args are
 * the call's arguments; the old image must still be mapped (prepare_exec, or a failed exec).
 */
static __always_inline void emit_exec(__u16 type, __u64 id, struct so_task *t, long nr,
				      __u64 *args, long ret, __u64 dur)
{
	__u32 zero = 0, off = sizeof(struct so_sys), ncaps = 0, path_arg = nr == SO_NR_EXECVEAT;
	__u64 argv = args[path_arg + 1], envp = args[path_arg + 2], p;
	struct scratch *s;
	struct so_sys *r;
	struct so_cap *c;
	__u32 o, n, i, cnt;
	__u8 fault = 0;
	int len;

	batch_flush(t);
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return;
	len = cap_one(s, off, path_arg << 8 | SO_CK_PATH, args[path_arg], 0);
	if (len > 0) {
		off = len;
		ncaps++;
	}
	if (argv) {
		o = bound(off, SO_SCRATCH_SIZE - 1);
		if (o > SO_SCRATCH_SIZE / 2)
			return;
		c = (void *)&s->buf[o];
		c->arg = path_arg + 1;
		c->flags = SO_CAP_ARGV;
		n = 0;
		cnt = 0;
		for (i = 0; i < SO_EXEC_ARGV_MAX; i++) {
			if (bpf_probe_read_user(&p, sizeof(p), (void *)(argv + i * 8)) < 0) {
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
			c->total = vec_count(argv, cnt, 4096, &fault);
			if (c->total > cnt)
				c->flags |= SO_CAP_TRUNC;
		}
		c->len = n;
		off = o + sizeof(*c) + ((n + 7) & ~7u);
		ncaps++;
	}
	if (envp && off < SO_SCRATCH_SIZE - sizeof(*c)) {
		/* the environment: its count only, as strace shows it */
		o = bound(off, SO_SCRATCH_SIZE - 1);
		c = (void *)&s->buf[o];
		c->arg = path_arg + 2;
		c->flags = SO_CAP_ARGV;
		c->len = 0;
		c->total = vec_count(envp, 0, 8192, &fault);
		if (fault)
			c->flags |= SO_CAP_FAULT;
		off = o + sizeof(*c);
		ncaps++;
	}
	r = (void *)s->buf;
	hdr_fill(&r->h, type, off, id, t);
	r->nr = nr;
	__builtin_memcpy(r->args, args, sizeof(r->args));
	r->ret = ret;
	r->dur_ns = dur;
	if (dur)
		r->h.flags |= SO_F_DUR;
	r->ncaps = ncaps;
	r->pad = 0;
	if (off > SO_SCRATCH_SIZE)
		return;
	if (bpf_ringbuf_output(&events, s->buf, bound(off, 2 * SO_SCRATCH_SIZE - 1), rb_flags))
		stat_inc(SO_STAT_DROPPED);
}

/*
 * execve, just before the point of no return (Linux 6.10+): the old image and the caller's
 * registers are still there, so the arguments can be read as at entry. The launched command
 * is held until here: its trace starts at this execve.
 */
static __always_inline void do_prepare_exec(struct so_task *t, struct task_struct *task)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u64 args[SO_MAX_ARGS];
	struct pt_regs *regs;
	long nr;

	t->state = SO_TS_ACTIVE;
	if (!want_records)
		return;
	regs = (struct pt_regs *)bpf_task_pt_regs(task);
	if (!regs)
		return;
	nr = regs->orig_ax;
	if (!nr_traced(nr))
		return;
	regs_args(regs, args);
	if (want_captures)
		emit_exec(SO_REC_ENTER, id, t, nr, args, 0, 0);
	else
		emit_sys(SO_REC_ENTER, id, t, nr, args, 0, 0);
}

#endif /* EXEC_BPF_H */
