/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * A completed syscall, from sys_exit's registers to a record: the fast path adds it to the
 * thread's batch; a call with captures, and execve, have a record of their own.
 */
#ifndef SYSCALL_BPF_H
#define SYSCALL_BPF_H

#include "capture.bpf.h"
#include "exec.bpf.h"

/* execve and execveat at their exit. */
static __always_inline void sys_exit_exec(struct so_task *t, struct pt_regs *regs, long nr,
					  long ret, __u64 dur)
{
	struct sys_call c = { .nr = nr, .ret = ret, .dur = dur };

	if (ret == 0) {
		/* the regs belong to the new image: the entry record has the arguments. The record
		 * names the thread that called it (sysobs.h); a thread other than the leader has
		 * taken over the leader's pid, which its records carry from now on */
		emit_sys(SO_REC_SYS, task_id(t), t, &c);
		t->tid = (__u32)bpf_get_current_pid_tgid();
		return;
	}
	/* a failed exec returns to the old image, arguments intact */
	regs_args(regs, c.args);
	emit_exec(SO_REC_SYS, task_id(t), t, &c);
}

/* A call with captures (spec), or any call with -i or -k: a record of its own. */
static __always_inline void sys_exit_caps(struct so_task *t, struct pt_regs *regs, long nr,
					  long ret, __u64 dur, const struct so_spec *spec)
{
	struct sys_call c = { .nr = nr, .ret = ret, .dur = dur };

	regs_args(regs, c.args);
	emit_with_caps(SO_REC_SYS, task_id(t), t, &c, spec);
}

/*
 * -c's time, as strace's default (system time): the time the call ran on a CPU, its wall time
 * less the time it spent switched out (blocked, or preempted), which sched_switch adds up.
 */
static __always_inline __u64 cpu_in_call(struct so_task *t, __u64 wall)
{
	__u64 off = t->off_ns;

	t->off_ts = 0;
	t->off_ns = 0;
	return off < wall ? wall - off : 0;
}

/* -c: prev is switched out, next in; each, when traced and in a call, times its absence. */
static __always_inline void cpu_switch(struct so_task *prev, struct so_task *next)
{
	__u64 now = bpf_ktime_get_ns();

	if (prev && prev->enter_ts)
		prev->off_ts = now;
	if (next && next->off_ts) {
		next->off_ns += now - next->off_ts;
		next->off_ts = 0;
	}
}

static __always_inline void do_sys_exit(struct so_task *t, struct pt_regs *regs, long ret)
{
	const struct so_spec *spec;
	__u64 dur = 0, now = 0;
	long nr;

	if (t->state != SO_TS_ACTIVE) {
		/* a forked child's return from fork/clone is shown by its parent */
		if (t->state == SO_TS_FORKED)
			t->state = SO_TS_ACTIVE;
		return;
	}
	nr = regs_nr(regs);
	if (nr == -1) {
		/* rt_sigreturn restored the interrupted context, orig_ax = -1 included */
		nr = SO_NR_RT_SIGRETURN;
	}
	if (!nr_traced(nr)) {
		t->enter_ts = 0;
		return;
	}
	if (want_dur || want_counts) {
		now = bpf_ktime_get_ns();
		if (t->enter_ts)
			dur = now - t->enter_ts;
		t->enter_ts = 0;
	}
	if (want_counts)
		count_call(nr, ret, count_cpu ? cpu_in_call(t, dur) : dur);
	if (!want_records)
		return;
	if (!want_dur)
		dur = 0;
	if (nr == SO_NR_EXECVE || nr == SO_NR_EXECVEAT) {
		sys_exit_exec(t, regs, nr, ret, dur);
		return;
	}
	spec = spec_of(nr);
	if (spec || want_uctx()) {
		sys_exit_caps(t, regs, nr, ret, dur, spec);
		return;
	}
	batch_add(t, regs, nr, ret, dur, now);
}

#endif /* SYSCALL_BPF_H */
