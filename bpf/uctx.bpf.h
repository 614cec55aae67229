/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * -i and -k: the user context of the current task's call (so_uctx in sysobs.h), appended to a
 * record being built in scratch. Nothing here runs unless one of the two options is on.
 */
#ifndef UCTX_BPF_H
#define UCTX_BPF_H

#include "maps.bpf.h"

#define STACK_PAGE	4096	/* the stack is copied a page at a time */
#define STACK_CHUNKS	(SO_STACK_MAX / STACK_PAGE + 2)	/* a part page at each end */

/* Zeros for the pages of a stack that cannot be read: what was there is not sent. */
static const char stack_zeros[STACK_PAGE];

/*
 * Copy the user stack from sp to scratch at off (below SO_SCRATCH_SIZE): at most SO_STACK_MAX
 * bytes, which may go into the second half of scratch, and never past the top of the main
 * thread's stack (the end of the environment strings, mm->env_end, is inside its mapping). A
 * page that cannot be read without a fault is sent as zeros (SO_UCTX_STACK_HOLE): exec leaves
 * a gap of up to 8 KiB no one touched between the auxiliary vector and the strings (x86's
 * arch_align_stack), and a thread's stack may end before SO_STACK_MAX. Returns the bytes
 * copied, a multiple of 8.
 */
static __always_inline __u32 stack_copy(struct scratch *s, __u32 off, __u64 sp, __u32 *flags)
{
	__u64 top = BPF_CORE_READ(bpf_get_current_task_btf(), mm, env_end);
	__u32 len = SO_STACK_MAX, done = 0, at, n, i;

	if (off >= SO_SCRATCH_SIZE)
		return 0;
	if (sp < top && top - sp < len)
		len = top - sp;
	len &= ~7u;
	for (i = 0; i < STACK_CHUNKS && done < len; i++) {
		n = STACK_PAGE - ((sp + done) & (STACK_PAGE - 1));
		if (n > len - done)
			n = len - done;
		at = bound(off + done, 2 * SO_SCRATCH_SIZE - 1);
		n = bound(n, 2 * STACK_PAGE - 1);
		if (at > 2 * SO_SCRATCH_SIZE - STACK_PAGE || n > STACK_PAGE)
			break;
		if (bpf_probe_read_user(&s->buf[at], n, (void *)(sp + done))) {
			bpf_probe_read_kernel(&s->buf[at], n, stack_zeros);
			*flags |= SO_UCTX_STACK_HOLE;
		}
		done += n;
	}
	return done;
}

/*
 * The so_uctx block of the current task at off in scratch, and its stack with -k. Returns the
 * offset after it; off when there was no room (the record goes without, SO_F_UCTX unset).
 */
static __always_inline __u32 uctx_add(struct scratch *s, __u32 off)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	__u32 o = bound(off, SO_SCRATCH_SIZE - 1);
	struct so_uctx *u = (void *)&s->buf[o];
	__u32 flags = 0, len = 0;

	if (!regs || off + sizeof(*u) >= SO_SCRATCH_SIZE)
		return off;
	regs_user(regs, u->regs);
	if (want_stack)
		len = stack_copy(s, o + sizeof(*u), u->regs[SO_UREG_SP], &flags);
	u->stack_len = len;
	u->flags = flags;
	return o + sizeof(*u) + len;
}

#endif /* UCTX_BPF_H */
