/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * The maps, the configuration user space sets between open and load (rodata: the verifier
 * drops what it turns off), and the accessors of both.
 *
 * The traced threads' state is task-local storage: a task that is not traced has none, and
 * finding that out is a pointer check, cheaper than a hash lookup by tid for every syscall of
 * every process on the machine.
 */
#ifndef MAPS_BPF_H
#define MAPS_BPF_H

#include "kernel.bpf.h"

/* Records to user space, in the order reserved (one ring for all CPUs keeps that order). */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);	/* user space sets --ring-size before load */
} events SEC(".maps");

/* Each traced thread's sequence, state and batch (struct so_task); no storage: not traced. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct so_task);
} tasks SEC(".maps");
_Static_assert(sizeof(struct so_task) <= BPF_LOCAL_STORAGE_MAX_VALUE_SIZE,
	       "struct so_task is beyond the task storage value limit");

/* -f -p: the processes (tgids) whose threads are taken in at their next syscall. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, SO_MAX_PIDS);
	__type(key, __u32);
	__type(value, __u8);
} attach_pids SEC(".maps");

/* Traced tasks alive (user space adds the launched one): 0 means everything has ended. */
__u64 live_tasks = 0;

/*
 * Set once more than one thread is traced (a traced task forked, a thread was attached, user
 * space added a second): from then on every call and record reads the clock, so that user
 * space can print the lines of different threads in the order the calls returned (a batch's
 * shared stamp would sort it as a block). A single thread's trace never pays for it.
 */
__u32 stamp_all = 0;

/* Exit records the full ring had no room for (struct so_end): a thread's last gap is only seen
 * through a later record of it. Used only then: user space looks when ends_queued moves. */
struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, SO_ENDS_MAX);
	__type(value, struct so_end);
} ends SEC(".maps");
__u64 ends_queued = 0;

/* What to capture for each syscall number: user space fills it from the generated tables. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SO_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct so_spec);
} specs SEC(".maps");

/* -c: calls, errors and time per syscall, counted here to stay exact when records drop. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SO_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct so_count);
} counts SEC(".maps");

/* Losses user space reports at the end (enum so_stat), per CPU to avoid atomics. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SO_STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

/* Twice the largest record (SO_SCRATCH_SIZE): bounded offsets plus bounded lengths provably
 * stay inside. */
struct scratch {
	__u8 buf[2 * SO_SCRATCH_SIZE];
};
/* At the limit exactly: a per-CPU map's value may not exceed PCPU_MIN_UNIT_SIZE (rounded to 8). */
_Static_assert((sizeof(struct scratch) + 7) / 8 * 8 <= PCPU_MIN_UNIT_SIZE,
	       "struct scratch is beyond the per-CPU value limit");
_Static_assert((SO_SCRATCH_SIZE & (SO_SCRATCH_SIZE - 1)) == 0,
	       "offsets in scratch are bounded with the mask SO_SCRATCH_SIZE - 1");

/* A record with captures is built here, its size known only at the end, then copied out. */
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
const volatile bool count_cpu = false;		/* -c without -w: the time calls ran on a CPU */
const volatile bool want_records = true;	/* emit syscall records (off for -c alone) */
const volatile bool want_captures = true;	/* read strings and structs (off for -X raw) */
const volatile bool want_env = false;		/* -v: execve's environment strings too */
const volatile __u32 strsize = 32;		/* -s */
const volatile __u64 rb_flags = BPF_RB_NO_WAKEUP;	/* user space polls on a short timer */
const volatile bool filter_on = false;		/* -e trace=: only the calls in trace_mask */
const volatile __u64 trace_mask[SO_NR_SLOTS / 64] = {};	/* bit nr % 64 of word nr / 64 */
_Static_assert(SO_NR_SLOTS % 64 == 0 && (SO_NR_SLOTS & (SO_NR_SLOTS - 1)) == 0,
	       "nr_traced bounds a trace_mask word index with the mask SO_NR_SLOTS / 64 - 1");
const volatile __u32 attach_mode = SO_ATTACH_NONE;	/* tasks found at their syscalls */
const volatile __u32 self_tgid = 0;		/* sysobs: never traced by --system-wide */
const volatile bool detach_on_exec = false;	/* -b execve: a traced task that execs is let go */
const volatile __u32 dump_size = 0;		/* -e read=, write=: buffers read up to this */
const volatile bool want_ip = false;		/* -i: each record ends with a so_uctx */
const volatile bool want_stack = false;		/* -k: and the user stack after it */

/* -i or -k: every call has a record of its own, with its user context (so_uctx). */
static __always_inline bool want_uctx(void)
{
	return want_ip || want_stack;
}

/* Records carry a stamp: asked for (-t, JSON ...), or several threads are traced. */
static __always_inline bool stamp_records(void)
{
	return want_ts || stamp_all;
}

/* -e trace=: is syscall nr shown (and counted)? */
static __always_inline bool nr_traced(long nr)
{
	__u32 w;

	if (!filter_on)
		return true;
	if (nr < 0 || nr >= SO_NR_SLOTS)
		return false;
	w = bound((__u64)nr / 64, SO_NR_SLOTS / 64 - 1);
	return trace_mask[w] >> (nr % 64) & 1;
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

static __always_inline struct so_task *task_get(struct task_struct *task)
{
	return bpf_task_storage_get(&tasks, task, 0, 0);
}

static __always_inline struct so_task *task_lookup(void)
{
	return task_get(bpf_get_current_task_btf());
}

static __always_inline struct scratch *scratch_lookup(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&scratch, &zero);
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
	if (ret < 0 && ret >= -MAX_ERRNO)
		c->errors++;
	c->ns += dur;
}

#endif /* MAPS_BPF_H */
