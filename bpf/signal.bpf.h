/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Signals: the siginfo of a delivered signal. */
#ifndef SIGNAL_BPF_H
#define SIGNAL_BPF_H

#include "maps.bpf.h"

#define SIGQUEUE_SCAN_MAX	8	/* queued signals looked through for a siginfo */

/* The siginfo of signal sig queued on head (a task's or its process's pending list). */
static __always_inline bool queued_siginfo(struct list_head *head, int sig, struct so_signal *r)
{
	struct list_head *pos = BPF_CORE_READ(head, next);
	struct sigqueue *q;
	int i;

	for (i = 0; i < SIGQUEUE_SCAN_MAX && pos && pos != head; i++) {
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

#endif /* SIGNAL_BPF_H */
