/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The BPF side's lifecycle in one place: open the skeleton, configure its rodata, load,
 * attach; then the maps user space fills (tasks, specs) or reads (stats, counts).
 */
#ifndef SYSOBS_TRACER_H
#define SYSOBS_TRACER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/types.h>
#include "sysobs.h"
#include "consume/ends.h"
#include "setup/filter.h"

struct tracer_opts {
	bool follow_forks;	/* -f */
	bool want_ts;		/* timestamps (JSON, -t) */
	bool ts_exact;		/* a clock read per call, not one per batch (-t, -r, -T) */
	bool want_dur;		/* -T */
	bool want_counts;	/* -c */
	bool count_wall;	/* -w: -c's time is wall-clock time, not the time on a CPU */
	bool want_records;	/* off for -c alone */
	bool want_captures;	/* off for -X raw */
	bool want_env;		/* -v: execve's environment strings, not only their count */
	bool want_ip;		/* -i: each call's record ends with its user context */
	bool want_stack;	/* -k: and the user stack after it */
	bool no_prepare_exec;	/* force the exec fallback older kernels get (testing) */
	bool detach_on_exec;	/* -b execve: let a traced task go at its exec */
	uint32_t dump_size;	/* -e read=, write=: buffers captured up to this (0: -s) */
	uint32_t attach_mode;	/* enum so_attach */
	const struct filter *filter;	/* -e trace= */
	const struct so_spec *specs;	/* [SO_NR_SLOTS]: what to capture of each syscall */
	uint32_t strsize;	/* -s */
	uint64_t ring_size;	/* bytes, a power of two */
	bool verbose;		/* -v: libbpf's own messages */
};

struct sysobs_bpf;

struct tracer {
	struct sysobs_bpf *skel;
	bool have_prepare_exec;	/* execve seen at sched_prepare_exec (else sched_process_exec) */
};

/* What the running kernel and the linked libbpf offer sysobs (for --version). */
struct tracer_features {
	char kernel[65];	/* uname's release */
	bool btf;		/* /sys/kernel/btf/vmlinux: CO-RE and tp_btf work */
	bool prepare_exec;	/* sched_prepare_exec (6.10+): execve with its arguments */
	unsigned int libbpf_major, libbpf_minor;
};
void tracer__features(struct tracer_features *f);

/* Open, configure, load and attach. Prints one "sysobs: ..." line on failure. */
int tracer__start(struct tracer *t, const struct tracer_opts *o);
/* Trace tid (of thread group tgid). pending: hold it until its execve. */
int tracer__add_task(struct tracer *t, uint32_t tid, uint32_t tgid, bool pending);
/* Take tid out again when the kernel still holds it, i.e. its end came before it was added
 * (then nothing will ever count it gone). True when it did. */
bool tracer__drop_task(struct tracer *t, uint32_t tid);
/* -f -p: trace every thread of tgid from its next syscall on. */
int tracer__attach_tgid(struct tracer *t, uint32_t tgid);
int tracer__ring_fd(const struct tracer *t);
/* The exit records the kernel queues apart when the ring is full, for consumer__ends_from. */
struct ends_source tracer__ends(struct tracer *t);
uint64_t tracer__stat(const struct tracer *t, enum so_stat which);
/* True when every traced task has ended (the kernel counts them). */
bool tracer__no_tasks(const struct tracer *t);
/* Sum the per-CPU -c counts into out[SO_NR_SLOTS]. */
int tracer__counts(const struct tracer *t, struct so_count *out);
void tracer__stop(struct tracer *t);

#endif /* SYSOBS_TRACER_H */
