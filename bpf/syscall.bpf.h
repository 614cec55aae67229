/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* A completed syscall, from sys_exit's registers to a record. */
#ifndef SYSCALL_BPF_H
#define SYSCALL_BPF_H

#include "capture.bpf.h"
#include "exec.bpf.h"

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

#endif /* SYSCALL_BPF_H */
