/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * -i and -k: the user context of the current task's call (so_uctx in sysobs.h), appended to a
 * record being built in scratch. Nothing here runs unless one of the two options is on.
 */
#ifndef UCTX_BPF_H
#define UCTX_BPF_H

#include "maps.bpf.h"

#define STACK_TRIES	4	/* a copy that faults is tried again with half the bytes */

_Static_assert(SO_STACK_MAX % 8 == 0 && SO_STACK_MAX < SO_SCRATCH_SIZE,
	       "the stack copy is in 8-byte words, its length below the mask SO_SCRATCH_SIZE - 1");

/*
 * Copy the user stack from sp to scratch at off (below SO_SCRATCH_SIZE): at most SO_STACK_MAX
 * bytes, which may go into the second half of scratch, and never past the top of the main thread's stack (the end of the environment
 * strings, mm->env_end, is inside its mapping). A thread's stack has no such mark: a copy that
 * faults (it ran off the mapping, or a page is not in memory) is tried again shorter. Returns
 * the bytes copied, a multiple of 8.
 */
static __always_inline __u32 stack_copy(struct scratch *s, __u32 off, __u64 sp, __u32 *flags)
{
	__u64 top = BPF_CORE_READ(bpf_get_current_task_btf(), mm, env_end);
	__u32 len = SO_STACK_MAX, i;

	if (off >= SO_SCRATCH_SIZE)
		return 0;
	if (sp < top && top - sp < len)
		len = top - sp;
	len &= ~7u;
	for (i = 0; i < STACK_TRIES; i++) {
		if (!bpf_probe_read_user(&s->buf[bound(off, SO_SCRATCH_SIZE - 1)],
					 bound(len, SO_SCRATCH_SIZE - 1), (void *)sp))
			return len;
		len = (len / 2) & ~7u;
		*flags |= SO_UCTX_STACK_CUT;
	}
	return 0;
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
	u->regs[SO_UREG_IP] = regs->ip;
	u->regs[SO_UREG_SP] = regs->sp;
	u->regs[SO_UREG_BP] = regs->bp;
	u->regs[SO_UREG_BX] = regs->bx;
	u->regs[SO_UREG_R12] = regs->r12;
	u->regs[SO_UREG_R13] = regs->r13;
	u->regs[SO_UREG_R14] = regs->r14;
	u->regs[SO_UREG_R15] = regs->r15;
	if (want_stack)
		len = stack_copy(s, o + sizeof(*u), regs->sp, &flags);
	u->stack_len = len;
	u->flags = flags;
	return o + sizeof(*u) + len;
}

#endif /* UCTX_BPF_H */
