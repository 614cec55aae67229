// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The floor under sysobs: the same syscall hooks, doing only what every sysobs program does
 * first for every syscall of every process, the filter lookup of the current tid, and then
 * returning. What sysobs costs above this is its own work (record, ring, consumer).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* Same shape as sysobs's tasks map (a 24-byte so_task per tid), so the lookup costs the same. */
struct floor_task {
	__u64 seq;
	__u64 enter_ts;
	__u32 tgid;
	__u32 state;
};

/* The traced tids: the loader puts the workload in it (or not, for the untraced floor). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct floor_task);
} tasks SEC(".maps");

/* Hits, so the loader can tell the lookup found the workload (one slot per CPU, no atomics). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

const volatile bool count_hits = false;
const volatile bool by_tgid = false;	/* -t: every thread of the traced process */

static __always_inline int lookup(void)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tid = by_tgid ? id >> 32 : (__u32)id, zero = 0;
	struct floor_task *t;
	__u64 *h;

	t = bpf_map_lookup_elem(&tasks, &tid);
	if (!t)
		return 0;
	if (count_hits) {
		h = bpf_map_lookup_elem(&hits, &zero);
		if (h)
			*h += 1;
	}
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(floor_exit, struct pt_regs *regs, long ret)
{
	return lookup();
}

SEC("tp_btf/sys_enter")
int BPF_PROG(floor_enter, struct pt_regs *regs, long nr)
{
	return lookup();
}
