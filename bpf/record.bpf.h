/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* What every record needs: its header, and the call's registers. */
#ifndef RECORD_BPF_H
#define RECORD_BPF_H

#include "maps.bpf.h"

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

#endif /* RECORD_BPF_H */
