/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * sysobs kernel side. One record per syscall, written at sys_exit: on x86-64 the six argument
 * registers are still intact in the saved user regs when an ordinary call returns, so the exit
 * hook alone sees number, arguments and result (FACTS.md: 2.5x bare against 4.2x for an
 * enter+exit pair). The calls the exit hook cannot see alone have their own sources:
 *  - execve: a successful one replaces the regs, so sched_prepare_exec (6.10+) records its
 *    arguments just before the old image goes (it costs only execs); older kernels fall back
 *    to sched_process_exec, which no longer sees the pointer arguments;
 *  - exit/exit_group never return: sched_process_exit sees the task with regs still naming the call;
 *  - sys_enter is attached only for the options that need the entry time (-T, -c).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysobs.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* Records to user space, in the order they were reserved (one ring for all CPUs keeps order). */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);	/* user space sets --ring-size before load */
} events SEC(".maps");

/*
 * The traced threads: each one's sequence counter and state, in task-local storage. A task
 * that is not traced has no storage, and finding that out is a pointer check: cheaper than a
 * hash lookup by tid, for every syscall of every process on the machine.
 */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct so_task);
} tasks SEC(".maps");

/* -f -p: the processes (tgids) whose threads are traced from their next syscall on. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u8);
} attach_pids SEC(".maps");

/* Traced tasks alive (user space adds the launched one): 0 means everything has ended. */
__u64 live_tasks = 0;

/* What to capture for each syscall number, filled by user space from the generated tables. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SO_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct so_spec);
} specs SEC(".maps");

/* -c: calls, errors and time per syscall, counted here so they stay exact when records drop. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SO_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct so_count);
} counts SEC(".maps");

/* Counters user space reports at the end (enum so_stat), per CPU to avoid atomics. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SO_STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

/* Room to build a record with captured strings before copying it into the ring. Twice the
 * largest record, so that bounded offsets plus bounded lengths provably stay inside. */
struct scratch {
	__u8 buf[2 * SO_SCRATCH_SIZE];
};
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

/* Configuration, set by user space between open and load. 0 means off. */
const volatile bool follow_forks = false;	/* -f: new tasks of traced tasks are traced */
const volatile bool want_ts = false;		/* stamp records with bpf_ktime_get_ns() */
const volatile bool ts_exact = false;		/* a clock read for every batched call too */
const volatile bool want_dur = false;		/* -T: time spent in each call (needs sys_enter) */
const volatile bool want_counts = false;	/* -c: count in the counts map */
const volatile bool want_records = true;	/* emit syscall records (off for -c alone) */
const volatile bool want_captures = true;	/* read strings and structs (off for -X raw) */
const volatile __u32 strsize = 32;		/* -s */
const volatile __u64 rb_flags = BPF_RB_NO_WAKEUP;	/* user space polls on a short timer */
const volatile bool filter_on = false;		/* -e trace=: only the calls in trace_mask */
const volatile __u64 trace_mask[SO_NR_SLOTS / 64] = {};
const volatile __u32 attach_mode = SO_ATTACH_NONE;	/* tasks found at their syscalls */
const volatile __u32 self_tgid = 0;		/* sysobs: never traced by --system-wide */

/* Keep the compiler from folding a bounds mask the verifier needs to see. */
#define bound(x, mask) ({ __u32 __v = (x); asm volatile("" : "+r"(__v)); __v & (mask); })

/* -e trace=: is syscall nr shown (and counted)? */
static __always_inline bool nr_traced(long nr)
{
	__u32 w;

	if (!filter_on)
		return true;
	if (nr < 0 || nr >= SO_NR_SLOTS)
		return false;
	w = bound((__u64)nr >> 6, SO_NR_SLOTS / 64 - 1);
	return trace_mask[w] >> (nr & 63) & 1;
}

static __always_inline void stat_add(__u32 idx, __u64 n)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &idx);

	if (v)
		*v += n;
}

static __always_inline void stat_inc(__u32 idx)
{
	stat_add(idx, 1);
}

/* Send the thread's collected calls as one record (so_batch in sysobs.h says when). */
static __always_inline void batch_flush(struct so_task *t)
{
	struct so_batch *b = &t->batch;
	__u32 n = b->n, size;

	if (!n)
		return;
	if (n > SO_BATCH)
		n = SO_BATCH;
	size = offsetof(struct so_batch, e) + n * sizeof(struct so_entry);
	b->h.type = SO_REC_BATCH;
	b->h.flags = (want_ts ? SO_F_TS : 0) | (want_dur ? SO_F_DUR : 0);
	b->h.size = size;
	b->h.tgid = t->tgid;
	b->h.tid = t->tid;
	b->h.seq = 0;
	b->pad = 0;	/* h.ts_ns: the stamp of the batch's first call (do_sys_exit) */
	if (bpf_ringbuf_output(&events, b, bound(size, 1023), rb_flags))
		stat_add(SO_STAT_DROPPED, n);	/* each entry's seq leaves its gap */
	b->n = 0;
}

static __always_inline struct so_task *task_get(struct task_struct *task)
{
	return bpf_task_storage_get(&tasks, task, 0, 0);
}

static __always_inline struct so_task *task_lookup(void)
{
	return task_get(bpf_get_current_task_btf());
}

static __always_inline void hdr_fill(struct so_hdr *h, __u16 type, __u32 size, __u64 id,
				     struct so_task *t)
{
	h->type = type;
	h->flags = 0;
	h->size = size;
	h->tgid = id >> 32;
	h->tid = (__u32)id;
	h->seq = ++t->seq;
	h->ts_ns = 0;
	if (want_ts) {
		h->ts_ns = bpf_ktime_get_ns();
		h->flags |= SO_F_TS;
	}
}

static __always_inline void regs_args(struct pt_regs *regs, __u64 *args)
{
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/* args[i] with a constant index per branch: a variable index into the stack is refused. */
static __always_inline __u64 arg_at(const __u64 *args, __u32 i)
{
	switch (i) {
	case 0: return args[0];
	case 1: return args[1];
	case 2: return args[2];
	case 3: return args[3];
	case 4: return args[4];
	case 5: return args[5];
	}
	return 0;
}

struct dirent_ctx {
	__u64 ptr;
	__u64 len;
	__u64 off;
	__u32 n;
	__u8 fault;
};

static long dirent_step(__u32 i, void *ctx)
{
	struct dirent_ctx *d = ctx;
	__u16 reclen;

	if (d->off >= d->len)
		return 1;
	/* d_reclen follows d_ino and d_off in linux_dirent and linux_dirent64 alike */
	if (bpf_probe_read_user(&reclen, sizeof(reclen), (void *)(d->ptr + d->off + 16)) < 0 ||
	    !reclen) {
		d->fault = 1;
		return 1;
	}
	d->off += reclen;
	d->n++;
	return 0;
}

/* Entries in the len bytes of dirents at ptr (getdents shows their number, like strace). */
static __always_inline __u32 dirents_count(__u64 ptr, __u64 len, __u8 *flags)
{
	struct dirent_ctx d = { .ptr = ptr, .len = len };

	bpf_loop(8192, dirent_step, &d, 0);
	if (d.fault)
		*flags |= SO_CAP_FAULT;
	else if (d.off < d.len)
		*flags |= SO_CAP_TRUNC;
	return d.n;
}

/*
 * Append one capture at off in the scratch buffer; returns the offset after it, or -1 when
 * there is no room. A global (not inlined) function: the verifier checks it once, with off
 * unknown, instead of once per path through the callers' loops. off stays below
 * SO_SCRATCH_SIZE and every read is at most SO_PATH_MAX bytes, so scratch (twice that size)
 * always has room.
 */
__noinline int cap_one(struct scratch *s, __u32 off, __u32 arg_kind, __u64 ptr, __u64 want)
{
	__u32 arg = arg_kind >> 8, kind = arg_kind & 0xff;	/* BPF calls take 5 arguments */
	struct so_cap *c;
	__u32 max, data;
	long n;

	if (!s || off > SO_SCRATCH_SIZE - SO_PATH_MAX - 2 * sizeof(*c))
		return -1;
	off = bound(off, SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[off];
	data = off + sizeof(*c);
	c->arg = arg;
	c->flags = 0;
	c->len = 0;
	c->total = 0;

	if (kind == SO_CK_PATH || kind == SO_CK_STR || kind == SO_CK_STR_OUT) {
		max = kind == SO_CK_PATH ? SO_PATH_MAX : strsize + 1;
		if (max > SO_PATH_MAX)
			max = SO_PATH_MAX;
		n = bpf_probe_read_user_str(&s->buf[bound(data, SO_SCRATCH_SIZE - 1)],
					    bound(max, SO_PATH_MAX * 2 - 1), (void *)ptr);
		if (n <= 0) {
			c->flags = SO_CAP_FAULT;
		} else {
			n -= 1;	/* the NUL */
			if (kind != SO_CK_PATH && n > strsize) {
				/* strsize + 1 bytes read without a NUL: there is more */
				n = strsize;
				c->flags = SO_CAP_TRUNC;
			} else if (n >= SO_PATH_MAX - 1) {
				c->flags = SO_CAP_TRUNC;
			}
			c->len = n;
			c->total = n;
		}
	} else if (kind == SO_CK_DIRENTS) {
		/* only the number of entries in the want bytes the call returned */
		c->total = dirents_count(ptr, want, &c->flags);
	} else {
		/* buffers and structs: the length is known */
		c->total = want;
		max = want;
		if ((kind == SO_CK_BUF_IN || kind == SO_CK_BUF_OUT || kind == SO_CK_BUF_OUT_LEN) &&
		    max > strsize) {
			max = strsize;
			c->flags = SO_CAP_TRUNC;
		}
		if (max > SO_PATH_MAX)
			max = SO_PATH_MAX;
		if (max && bpf_probe_read_user(&s->buf[bound(data, SO_SCRATCH_SIZE - 1)],
					       bound(max, SO_PATH_MAX * 2 - 1), (void *)ptr) < 0) {
			c->flags = SO_CAP_FAULT;
			max = 0;
		}
		c->len = max;
	}
	return data + ((c->len + 7) & ~7u);
}

/* The n bytes of one iovec element at off; 0 when read, -1 when not. Global: checked once. */
__noinline int iov_bytes(struct scratch *s, __u32 off, __u64 ptr, __u32 n)
{
	if (!n)
		return 0;
	if (!s || off >= SO_SCRATCH_SIZE || n > SO_STRSIZE_MAX)
		return -1;
	return bpf_probe_read_user(&s->buf[bound(off, SO_SCRATCH_SIZE - 1)],
				   bound(n, SO_STRSIZE_MAX * 2 - 1), (void *)ptr) < 0 ? -1 : 0;
}

struct iov_ctx {
	__u64 ptr;	/* the iovec array */
	__u64 left;	/* bytes still to show (readv: of the return value) */
	__u32 ent;	/* offset of the next so_iov in scratch */
	__u32 data;	/* offset of the next bytes */
	__u32 budget;	/* SO_IOV_BYTES minus the bytes so far */
	__u32 n;
	__u8 fault;
};

/* One element: bpf_loop's step, so the verifier checks it once whatever the count. */
static long iov_step(__u32 i, void *ctx)
{
	struct iov_ctx *x = ctx;
	struct { __u64 base, len; } v;
	__u32 zero = 0, show, str = strsize;
	struct scratch *s;
	struct so_iov *e;

	if (i >= x->n || x->ent > SO_SCRATCH_SIZE - sizeof(*e))
		return 1;
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return 1;
	if (bpf_probe_read_user(&v, sizeof(v), (void *)(x->ptr + (__u64)i * sizeof(v))) < 0) {
		x->fault = 1;
		return 1;
	}
	e = (void *)&s->buf[bound(x->ent, SO_SCRATCH_SIZE - 1)];
	e->base = v.base;
	e->len = v.len;
	e->flags = 0;
	show = v.len < x->left ? v.len : x->left;
	x->left -= show;
	if (show > str) {
		show = str;
		e->flags = SO_IOV_TRUNC;
	}
	if (show > x->budget) {
		show = x->budget;
		e->flags = SO_IOV_TRUNC;
	}
	if (iov_bytes(s, x->data, v.base, show) < 0) {
		e->flags = SO_IOV_FAULT;
		show = 0;
	}
	e->shown = show;
	x->ent += sizeof(*e);
	x->data += show;
	x->budget -= show;
	return 0;
}

/*
 * An iovec array (readv, writev) at off: the elements, then the bytes behind each (sysobs.h,
 * so_iov). want: the element count in the low 32 bits, in the high 32 the bytes the call
 * transferred (readv: only those were written; writev passes all ones). Returns the offset
 * after the capture, or -1 when there is no room. Global, like cap_one.
 */
__noinline int cap_iov(struct scratch *s, __u32 off, __u32 arg_kind, __u64 ptr, __u64 want)
{
	struct iov_ctx x = { .ptr = ptr, .left = want >> 32, .budget = SO_IOV_BYTES };
	__u32 cnt = (__u32)want;
	struct so_cap *c;

	if (!s || off > SO_SCRATCH_SIZE - SO_IOV_BYTES - SO_IOV_MAX * sizeof(struct so_iov) -
			2 * sizeof(*c))
		return -1;
	off = bound(off, SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[off];
	c->arg = arg_kind >> 8;
	c->flags = 0;
	c->len = 0;
	c->total = cnt;
	x.n = cnt < SO_IOV_MAX ? cnt : SO_IOV_MAX;
	x.ent = off + sizeof(*c);
	x.data = x.ent + x.n * sizeof(struct so_iov);
	bpf_loop(SO_IOV_MAX, iov_step, &x, 0);
	if (x.fault) {
		c->flags = SO_CAP_FAULT;
		return off + sizeof(*c);
	}
	c->len = x.data - off - sizeof(*c);
	return off + sizeof(*c) + ((c->len + 7) & ~7u);
}

static __always_inline int cap_add(struct scratch *s, __u32 off, __u32 arg, __u32 kind,
				   __u64 ptr, __u64 want)
{
	return kind == SO_CK_IOV_IN || kind == SO_CK_IOV_OUT ?
		cap_iov(s, off, arg << 8 | kind, ptr, want) :
		cap_one(s, off, arg << 8 | kind, ptr, want);
}

/* What cap_arg needs of the call: one pointer, as BPF functions take at most 5 arguments. */
struct cap_call {
	__u64 args[SO_MAX_ARGS];
	long ret;
};

/*
 * The capture pass for argument i of a completed call, per its spec a. Returns the offset
 * after the capture it added, off when there was nothing to capture, -1 when there was no
 * room. Global, like cap_one: the verifier checks it once instead of once for each of the six
 * arguments and each path to them (sys_exit's verification went from 66k instructions and
 * ~50 ms to 20k and ~11 ms).
 */
__noinline int cap_arg(struct scratch *s, __u32 off, const struct so_arg_spec *a, __u32 i,
		       const struct cap_call *cc)
{
	__u64 want = 0, *args;
	__u32 kind;
	long ret;

	if (!s || !a || !cc || i >= SO_MAX_ARGS)
		return off;
	args = (__u64 *)cc->args;
	ret = cc->ret;
	kind = a->kind;

	switch (kind) {
	case SO_CK_PATH:
	case SO_CK_STR:
		break;
	case SO_CK_STR_OUT:
		if (ret <= 0)
			return off;
		break;
	case SO_CK_BUF_IN:
		want = arg_at(args, a->len_arg);
		break;
	case SO_CK_BUF_OUT:
		if (ret <= 0)
			return off;
		want = ret;
		break;
	case SO_CK_BUF_OUT_LEN:
		if (ret < 0)
			return off;
		want = arg_at(args, a->len_arg);
		break;
	case SO_CK_STRUCT_IN:
		want = a->size;
		break;
	case SO_CK_STRUCT_OUT:
		if (ret < 0)
			return off;
		want = a->size;
		break;
	case SO_CK_STRUCT_OUT_LEN:
		if (ret < 0)
			return off;
		/* fall through */
	case SO_CK_STRUCT_IN_LEN:
		want = arg_at(args, a->len_arg);
		if (want > a->size)
			want = a->size;
		break;
	case SO_CK_DIRENTS:
		if (ret <= 0)
			return off;
		want = ret;
		break;
	case SO_CK_IOV_IN:
		want = (__u32)arg_at(args, a->len_arg) | 0xffffffffull << 32;
		break;
	case SO_CK_IOV_OUT:
		/* failed: the elements still show (their addresses), without bytes */
		want = (__u32)arg_at(args, a->len_arg) | (__u64)(ret > 0 ? (__u32)ret : 0) << 32;
		break;
	case SO_CK_POLLFD:
		want = (__u64)(__u32)arg_at(args, a->len_arg) * 8;
		if (want > a->size)
			want = a->size;
		break;
	case SO_CK_STRUCT_OUT_PLEN: {
		__u32 len;

		if (ret < 0 || bpf_probe_read_user(&len, sizeof(len),
						   (void *)arg_at(args, a->len_arg)) < 0)
			return off;
		want = len < a->size ? len : a->size;
		break;
	}
	default:
		return off;
	}
	if (!arg_at(args, i))
		return off;	/* NULL prints as NULL, nothing to read */
	return cap_add(s, off, i, kind, arg_at(args, i), want);
}

/* Emit a syscall record with the captures the spec asks for (slow path: built in scratch). */
static __always_inline void emit_with_caps(__u16 type, __u64 id, struct so_task *t, long nr,
					   __u64 *args, long ret, __u64 dur,
					   const struct so_spec *spec)
{
	__u32 zero = 0, off = sizeof(struct so_sys), ncaps = 0;
	struct cap_call cc;
	struct scratch *s;
	struct so_sys *r;
	int i, n;

	batch_flush(t);
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return;
	r = (void *)s->buf;
	__builtin_memcpy(cc.args, args, sizeof(cc.args));
	cc.ret = ret;
	for (i = 0; i < SO_MAX_ARGS; i++) {
		if (!spec->arg[i].kind)
			continue;
		n = cap_arg(s, off, &spec->arg[i], i, &cc);
		if (n > (int)off) {
			off = n;
			ncaps++;
		}
	}
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

static __always_inline void emit_sys(__u16 type, __u64 id, struct so_task *t, long nr,
				     __u64 *args, long ret, __u64 dur)
{
	struct so_spec *spec = NULL;
	__u32 key = nr;
	struct so_sys *r;

	if (want_captures && key < SO_NR_SLOTS)
		spec = bpf_map_lookup_elem(&specs, &key);
	if (spec && spec->ncaps) {
		emit_with_caps(type, id, t, nr, args, ret, dur, spec);
		return;
	}
	batch_flush(t);
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		t->seq++;	/* the gap tells user space which thread lost what */
		stat_inc(SO_STAT_DROPPED);
		return;
	}
	hdr_fill(&r->h, type, sizeof(*r), id, t);
	r->nr = nr;
	__builtin_memcpy(r->args, args, sizeof(r->args));
	r->ret = ret;
	r->dur_ns = dur;
	if (dur)
		r->h.flags |= SO_F_DUR;
	r->ncaps = 0;
	r->pad = 0;
	bpf_ringbuf_submit(r, rb_flags);
}

static __always_inline void count_call(long nr, long ret, __u64 dur)
{
	struct so_count *c;
	__u32 key = nr;

	if (key >= SO_NR_SLOTS)
		return;
	c = bpf_map_lookup_elem(&counts, &key);
	if (!c)
		return;
	c->calls++;
	if (ret < 0 && ret >= -4095)
		c->errors++;
	c->ns += dur;
}

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

static __always_inline int do_sys_exit(struct so_task *t, struct pt_regs *regs, long ret)
{
	__u64 id, dur = 0, now = 0;
	__u64 args[SO_MAX_ARGS];
	struct so_spec *spec;
	struct so_entry *e;
	__u32 key, n;
	long nr;

	if (t->state != SO_TS_ACTIVE) {
		/* a forked child's return from fork/clone is shown by its parent */
		if (t->state == SO_TS_FORKED)
			t->state = SO_TS_ACTIVE;
		return 0;
	}
	nr = regs->orig_ax;
	if (nr == -1) {
		/* rt_sigreturn restored the interrupted context, orig_ax = -1 included */
		nr = SO_NR_RT_SIGRETURN;
	}
	if (!nr_traced(nr)) {
		t->enter_ts = 0;
		return 0;
	}
	if (want_dur || want_counts) {
		now = bpf_ktime_get_ns();
		if (t->enter_ts)
			dur = now - t->enter_ts;
		t->enter_ts = 0;
	}
	if (want_counts)
		count_call(nr, ret, dur);
	if (!want_records)
		return 0;
	id = (__u64)t->tgid << 32 | t->tid;

	if (nr == SO_NR_EXECVE || nr == SO_NR_EXECVEAT) {
		if (ret == 0) {
			/* the regs belong to the new image: the entry record has the arguments;
			 * a thread other than the leader took over the leader's pid */
			id = bpf_get_current_pid_tgid();
			t->tid = (__u32)id;
			__builtin_memset(args, 0, sizeof(args));
			emit_sys(SO_REC_SYS, id, t, nr, args, ret, want_dur ? dur : 0);
			return 0;
		}
		/* a failed exec returns to the old image, arguments intact */
		regs_args(regs, args);
		if (want_captures)
			emit_exec(SO_REC_SYS, id, t, nr, args, ret, want_dur ? dur : 0);
		else
			emit_sys(SO_REC_SYS, id, t, nr, args, ret, want_dur ? dur : 0);
		return 0;
	}
	key = nr;
	if (want_captures && key < SO_NR_SLOTS) {
		spec = bpf_map_lookup_elem(&specs, &key);
		if (spec && spec->ncaps) {
			regs_args(regs, args);
			emit_with_caps(SO_REC_SYS, id, t, nr, args, ret, want_dur ? dur : 0, spec);
			return 0;
		}
	}

	/* the fast path: the call joins the thread's batch, filled straight from the registers */
	n = t->batch.n;
	if (n >= SO_BATCH) {
		batch_flush(t);
		n = 0;
	}
	e = &t->batch.e[n & (SO_BATCH - 1)];
	e->nr = nr;
	e->args[0] = regs->di;
	e->args[1] = regs->si;
	e->args[2] = regs->dx;
	e->args[3] = regs->r10;
	e->args[4] = regs->r8;
	e->args[5] = regs->r9;
	if (nr == SO_NR_RT_SIGRETURN) {
		/* its registers are the restored context's: show the signal mask it restored,
		 * as strace's rt_sigreturn({mask=[...]}) */
		e->args[0] = bpf_get_current_task_btf()->blocked.sig[0];
	}
	e->ret = ret;
	e->seq = ++t->seq;
	e->ts_ns = 0;
	if (want_ts) {
		/*
		 * A clock read costs ~30 ns, a fifth of the whole traced call: unless exact stamps
		 * were asked for, the first call of a batch stamps it and the calls after it (at
		 * most 7, within one tick, with no context switch between) share that stamp.
		 */
		if (ts_exact || n == 0)
			t->batch.h.ts_ns = now ? now : bpf_ktime_get_ns();
		e->ts_ns = t->batch.h.ts_ns;
	}
	e->dur_ns = want_dur ? dur : 0;
	t->batch.n = n + 1;
	if (n + 1 == SO_BATCH)
		batch_flush(t);
	return 0;
}

/*
 * The batch is also sent from sched_switch and the tick, which can interrupt a program of the
 * same task (an interrupt, or preemption on a preemptible kernel): t->busy keeps them out
 * while this task's own programs use it.
 */
static __always_inline __u32 task_busy(struct so_task *t)
{
	__u32 old = t->busy;

	t->busy = 1;
	asm volatile("" ::: "memory");
	return old;
}

static __always_inline void task_idle(struct so_task *t, __u32 old)
{
	asm volatile("" ::: "memory");
	t->busy = old;
}

/*
 * -f -p and --system-wide: a thread that is not traced yet but should be is taken in at its
 * first syscall exit (those already in a call when tracing started show when it returns). With
 * attach_mode NONE (rodata) the verifier drops this: the command's trace pays nothing for it.
 */
static __always_inline struct so_task *task_attach(void)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tgid = id >> 32;
	struct so_task *t;

	if (attach_mode == SO_ATTACH_ALL) {
		if (tgid == self_tgid)
			return NULL;
	} else if (attach_mode != SO_ATTACH_PIDS || !bpf_map_lookup_elem(&attach_pids, &tgid)) {
		return NULL;
	}
	t = bpf_task_storage_get(&tasks, bpf_get_current_task_btf(), NULL,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!t) {
		stat_inc(SO_STAT_TASKS_FULL);
		return NULL;
	}
	if (t->state == SO_TS_PENDING && !t->seq) {
		/* new (zeroed) storage: not raced by another program of the same task */
		t->tgid = tgid;
		t->tid = (__u32)id;
		t->state = SO_TS_ACTIVE;
		__sync_fetch_and_add(&live_tasks, 1);
	}
	return t;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	struct so_task *t = task_lookup();
	__u32 old;

	if (!t && attach_mode != SO_ATTACH_NONE)
		t = task_attach();
	if (!t)
		return 0;
	old = task_busy(t);
	do_sys_exit(t, regs, ret);
	task_idle(t, old);
	return 0;
}

/* Attached only when an option needs the time a call started (-T, -c). */
SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long nr)
{
	struct so_task *t;

	t = task_lookup();
	if (!t)
		return 0;
	/* also while held (PENDING): the launched command's execve is timed from its entry */
	t->enter_ts = bpf_ktime_get_ns();
	return 0;
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

SEC("tp_btf/sched_prepare_exec")
int BPF_PROG(prepare_exec, struct task_struct *task, struct linux_binprm *bprm)
{
	struct so_task *t = task_get(task);
	__u32 old;

	if (!t)
		return 0;
	old = task_busy(t);
	do_prepare_exec(t, task);
	task_idle(t, old);
	return 0;
}

static __always_inline void do_fork(struct so_task *t, struct task_struct *child)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct so_task *nt;
	struct so_fork *r;
	__u32 tid;

	tid = child->pid;
	/* created zeroed: too big to build on the stack */
	nt = bpf_task_storage_get(&tasks, child, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!nt) {
		stat_inc(SO_STAT_TASKS_FULL);
		return;
	}
	nt->tgid = child->tgid;
	nt->tid = tid;
	nt->state = SO_TS_FORKED;
	__sync_fetch_and_add(&live_tasks, 1);
	batch_flush(t);
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		t->seq++;
		stat_inc(SO_STAT_DROPPED);
		return;
	}
	hdr_fill(&r->h, SO_REC_FORK, sizeof(*r), id, t);
	r->child_tgid = child->tgid;
	r->child_tid = tid;
	bpf_ringbuf_submit(r, 0);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_fork, struct task_struct *parent, struct task_struct *child)
{
	struct so_task *t;
	__u32 old;

	if (!follow_forks)
		return 0;
	t = task_get(parent);
	if (!t || t->state != SO_TS_ACTIVE)
		return 0;
	old = task_busy(t);
	do_fork(t, child);
	task_idle(t, old);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_exit, struct task_struct *p)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct so_task *t;
	struct pt_regs *regs;
	struct so_exit *r;
	long nr;

	t = task_get(p);
	if (!t)
		return 0;
	/* busy until the storage goes: the tick must not send this batch a second time */
	task_busy(t);
	batch_flush(t);
	r = NULL;
	if (t->state != SO_TS_PENDING)	/* a held child whose exec failed: nothing to show */
		r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		if (t->state != SO_TS_PENDING)
			stat_inc(SO_STAT_DROPPED);
		bpf_task_storage_delete(&tasks, p);
		__sync_fetch_and_add(&live_tasks, -1);
		return 0;
	}
	hdr_fill(&r->h, SO_REC_EXIT, sizeof(*r), id, t);
	regs = (struct pt_regs *)bpf_task_pt_regs(p);
	nr = regs ? BPF_CORE_READ(regs, orig_ax) : -1;
	if ((nr == SO_NR_EXIT || nr == SO_NR_EXIT_GROUP) && nr_traced(nr)) {
		r->nr = nr;
		r->status_arg = BPF_CORE_READ(regs, di);
		/* not counted for -c: like strace, only calls that return are */
	} else {
		r->nr = -1;
		r->status_arg = 0;
	}
	/* a process that ends by exit_group or a signal ends with that status, whatever a thread
	 * that exited on its own just before says (SIGNAL_GROUP_EXIT, include/linux/sched/signal.h,
	 * 0x4 since 2.6) */
	if (BPF_CORE_READ(p, signal, flags) & 0x4)
		r->exit_code = BPF_CORE_READ(p, signal, group_exit_code);
	else
		r->exit_code = BPF_CORE_READ(p, exit_code);
	/* two threads ending together can both see 0 here: user space reports the process once */
	r->group_dead = BPF_CORE_READ(p, signal, live.counter) == 0;
	/* the end of a traced task is worth waking the consumer for (it may be what it waits on) */
	bpf_task_storage_delete(&tasks, p);
	__sync_fetch_and_add(&live_tasks, -1);
	bpf_ringbuf_submit(r, BPF_RB_FORCE_WAKEUP);
	return 0;
}

/*
 * Fallback for kernels without sched_prepare_exec (< 6.10): the exec is seen once it can no
 * longer fail, from the binprm (path, argument and environment counts) and the new image's argument area. The
 * pointer arguments are gone by then (SO_F_NOARGS).
 */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 zero = 0, off = sizeof(struct so_sys), o, len;
	unsigned long arg_start, arg_end;
	const char *filename;
	struct so_task *t;
	struct scratch *s;
	struct so_sys *r;
	struct so_cap *c;
	__u32 old;
	long n;

	t = task_get(p);
	if (!t)
		return 0;
	t->state = SO_TS_ACTIVE;
	if (!want_records || !nr_traced(SO_NR_EXECVE))
		return 0;
	old = task_busy(t);
	batch_flush(t);
	task_idle(t, old);
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return 0;
	r = (void *)s->buf;
	__builtin_memset(r, 0, sizeof(*r));

	/* the path as given to execve */
	c = (void *)&s->buf[off];
	c->arg = 0;
	c->flags = 0;
	filename = BPF_CORE_READ(bprm, filename);
	n = bpf_probe_read_kernel_str(&s->buf[off + sizeof(*c)], SO_PATH_MAX, filename);
	if (n <= 0) {
		c->flags = SO_CAP_FAULT;
		n = 1;
	}
	c->len = n - 1;
	c->total = n - 1;
	off += sizeof(*c) + ((c->len + 7) & ~7u);
	r->ncaps = 1;

	/* argv: the new image's argument area holds the strings back to back */
	arg_start = BPF_CORE_READ(p, mm, arg_start);
	arg_end = BPF_CORE_READ(p, mm, arg_end);
	o = off & (SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[o];
	c->arg = 1;
	c->flags = SO_CAP_ARGV;
	len = arg_end - arg_start;
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
	c->total = BPF_CORE_READ(bprm, argc);
	off = o + sizeof(*c) + ((len + 7) & ~7u);
	r->ncaps++;

	/* the environment: its count */
	o = off & (SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[o];
	c->arg = 2;
	c->flags = SO_CAP_ARGV;
	c->len = 0;
	c->total = BPF_CORE_READ(bprm, envc);
	off = o + sizeof(*c);
	r->ncaps++;

	hdr_fill(&r->h, SO_REC_ENTER, off, id, t);
	r->h.flags |= SO_F_NOARGS;
	r->nr = SO_NR_EXECVE;
	if (off > SO_SCRATCH_SIZE)
		return 0;
	if (bpf_ringbuf_output(&events, s->buf, bound(off, 2 * SO_SCRATCH_SIZE - 1), rb_flags))
		stat_inc(SO_STAT_DROPPED);
	return 0;
}

/* The siginfo of signal sig queued on head (a task's or its process's pending list). */
static __always_inline bool queued_siginfo(struct list_head *head, int sig, struct so_signal *r)
{
	struct list_head *pos = BPF_CORE_READ(head, next);
	struct sigqueue *q;
	int i;

	for (i = 0; i < 8 && pos && pos != head; i++) {
		q = (struct sigqueue *)pos;	/* list is its first member */
		if (BPF_CORE_READ(q, info.si_signo) == sig) {
			r->code = BPF_CORE_READ(q, info.si_code);
			r->err = BPF_CORE_READ(q, info.si_errno);
			bpf_probe_read_kernel(r->fields, sizeof(r->fields), &q->info._sifields);
			return true;
		}
		pos = BPF_CORE_READ(pos, next);
	}
	return false;
}

/*
 * A signal about to be delivered (get_signal(), in the thread itself, on its way back to user
 * space: after the sys_exit of the call it interrupted). strace shows it as
 * "--- SIGCHLD {si_signo=...} ---".
 *
 * A signal whose default action ends the process without a core (SIGTERM, SIGPIPE ...) is made
 * a group kill when it is sent: the threads then take a SIGKILL without siginfo, and the signal
 * itself (group_exit_code) is still queued, with its siginfo: it is shown from there, once, by
 * the thread group leader. SIGKILL itself is left out, as ptrace never stops for it; so are
 * signals the kernel discarded when they were sent because they were ignored (strace, whose
 * tracee keeps them queued, shows those).
 */
SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct so_task *t = task_get(task);
	struct so_signal *r;
	unsigned long h;
	int fatal = 0;
	__u32 old;

	if (!t || t->state != SO_TS_ACTIVE || !want_records)
		return 0;
	if (sig == 9) {
		/* the group kill (its info is SEND_SIG_NOINFO; the verifier takes tp_btf pointers
		 * for non-NULL, so that cannot be tested here) */
		if (t->tid != t->tgid)
			return 0;
		fatal = BPF_CORE_READ(task, signal, group_exit_code);
		if (fatal <= 0 || fatal >= 32 || fatal == 9)
			return 0;	/* exit_group, exec, or SIGKILL itself */
	}
	old = task_busy(t);
	batch_flush(t);
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		t->seq++;
		stat_inc(SO_STAT_DROPPED);
		goto out;
	}
	hdr_fill(&r->h, SO_REC_SIGNAL, sizeof(*r), (__u64)t->tgid << 32 | t->tid, t);
	r->signo = sig;
	r->code = 0;
	r->err = 0;
	__builtin_memset(r->fields, 0, sizeof(r->fields));
	if (fatal) {
		/* its default action ended the process; not found queued: shown as from user space */
		r->signo = fatal;
		r->handler = SO_SIG_DFL;
		if (!queued_siginfo(&task->pending.list, fatal, r))
			queued_siginfo(&task->signal->shared_pending.list, fatal, r);
		bpf_ringbuf_submit(r, 0);
		goto out;
	}
	if ((unsigned long)info > 4096) {
		/* SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) are not pointers */
		r->code = BPF_CORE_READ(info, si_code);
		r->err = BPF_CORE_READ(info, si_errno);
		bpf_probe_read_kernel(r->fields, sizeof(r->fields), &info->_sifields);
	} else if ((unsigned long)info == 1) {
		r->code = 0x80;	/* SI_KERNEL */
	}
	h = (unsigned long)BPF_CORE_READ(ka, sa.sa_handler);
	r->handler = h == 0 ? SO_SIG_DFL : h == 1 ? SO_SIG_IGN : SO_SIG_HANDLER;
	bpf_ringbuf_submit(r, 0);
out:
	task_idle(t, old);
	return 0;
}

/* A thread that is switched out (it blocks, or is preempted) sends what it collected. */
SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct so_task *t = task_get(prev);

	if (t && t->batch.n && !t->busy) {
		task_busy(t);
		batch_flush(t);
		task_idle(t, 0);
	}
	return 0;
}

/* The scheduler tick (and other runtime updates) of a thread that computes without
 * syscalls: what it collected does not wait for its next call. */
SEC("tp_btf/sched_stat_runtime")
int BPF_PROG(sched_runtime, struct task_struct *task)
{
	struct so_task *t;

	/* a runtime update can be made for a task running on another CPU (a remote wakeup):
	 * only the CPU the task runs on may touch its batch */
	if (task->pid != (__u32)bpf_get_current_pid_tgid())
		return 0;
	t = task_get(task);

	if (t && t->batch.n && !t->busy) {
		task_busy(t);
		batch_flush(t);
		task_idle(t, 0);
	}
	return 0;
}
