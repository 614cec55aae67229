/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * What the BPF side needs of the kernel beyond vmlinux.h, which has its types but none of its
 * #defines: the kernel's constants under their own names (each says where it is defined), the
 * kernel limits that sizes are asserted against, and the one way each kind of kernel memory is
 * read.
 *
 * Kernel structs (task_struct, signal_struct, mm_struct, linux_binprm, siginfo, ...) are read with
 * BPF_CORE_READ, whatever pointer the verifier holds. The saved user registers, struct pt_regs,
 * are read only through regs_nr(), regs_arg*() and regs_user() below, directly: the pointers to
 * them (the sys_exit tracepoint's, bpf_task_pt_regs()) are BTF pointers the verifier lets a
 * program load from, the load is CO-RE relocated all the same (vmlinux.h marks its structs
 * preserve_access_index), and it costs an instruction where BPF_CORE_READ costs a helper call: on
 * the hot path that is seven a syscall, measured at +44 ns a traced call (~17% of sysobs's
 * overhead, bare getppid ~1,100 ns on that machine).
 */
#ifndef KERNEL_BPF_H
#define KERNEL_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysobs.h"

/* include/linux/sched.h: task_struct.__state */
#define TASK_RUNNING		0x00000000

/* include/uapi/linux/sched.h: clone's flags (the first field of clone3's struct clone_args) */
#define CLONE_VFORK		0x00004000

/* include/uapi/asm-generic/signal.h */
#define SIGKILL			9
#define SIGRTMIN		32	/* the first real-time signal */
#define NSIG_KERNEL		64	/* _NSIG: signals are 1..64 */
/* include/uapi/asm-generic/signal-defs.h: k_sigaction.sa.sa_handler */
#define SIG_DFL			0
#define SIG_IGN			1
/* include/uapi/asm-generic/siginfo.h */
#define SI_USER			0
#define SI_KERNEL		0x80
#define SI_PID_OFF		0	/* _sifields._kill.si_pid */
#define SI_UID_OFF		4	/* _sifields._kill.si_uid */
/* include/linux/sched/signal.h: the info of send_signal() and signal_deliver when not a
 * pointer, and signal_struct.flags */
#define SEND_SIG_NOINFO		0
#define SEND_SIG_PRIV		1
#define SIGNAL_GROUP_EXIT	0x00000004	/* group exit in progress */
/* include/linux/err.h: a syscall's -MAX_ERRNO..-1 are errors */
#define MAX_ERRNO		SO_MAX_ERRNO

/* Limits the _Static_asserts check against. */
#define U16_MAX			0xffff
#define MAX_BPF_STACK		512		/* include/linux/filter.h */
#define PCPU_MIN_UNIT_SIZE	(32 << 10)	/* include/linux/percpu.h: per-CPU map values */
/* include/linux/bpf_local_storage.h (its other bound, KMALLOC_MAX_SIZE, is far larger) */
#define BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (U16_MAX - sizeof(struct bpf_local_storage_elem))

_Static_assert(SO_NR_EXECVE < SO_NR_SLOTS && SO_NR_EXIT < SO_NR_SLOTS &&
	       SO_NR_EXIT_GROUP < SO_NR_SLOTS && SO_NR_RT_SIGRETURN < SO_NR_SLOTS &&
	       SO_NR_EXECVEAT < SO_NR_SLOTS && SO_NR_CLONE3 < SO_NR_SLOTS,
	       "a syscall number used here is beyond SO_NR_SLOTS");

_Static_assert(SO_MAX_ARGS == 6, "regs_args and arg_at know six syscall arguments");

/* Keep the compiler from folding a bounds mask the verifier needs to see. */
#define bound(x, mask) ({ __u32 __v = (x); asm volatile("" : "+r"(__v)); __v & (mask); })

/* The number of the syscall the registers belong to (at sys_exit: the one returning). */
static __always_inline long regs_nr(const struct pt_regs *regs)
{
	return regs->orig_ax;
}

/* The first syscall argument alone (exit's status). */
static __always_inline __u64 regs_arg0(const struct pt_regs *regs)
{
	return regs->di;
}

/* The six syscall arguments, in x86-64's order. */
static __always_inline void regs_args(const struct pt_regs *regs, __u64 *args)
{
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/* -i, -k: where the call returns to, and the registers an unwinder starts from (enum so_ureg). */
static __always_inline void regs_user(const struct pt_regs *regs, __u64 *out)
{
	out[SO_UREG_IP] = regs->ip;
	out[SO_UREG_SP] = regs->sp;
	out[SO_UREG_BP] = regs->bp;
	out[SO_UREG_BX] = regs->bx;
	out[SO_UREG_R12] = regs->r12;
	out[SO_UREG_R13] = regs->r13;
	out[SO_UREG_R14] = regs->r14;
	out[SO_UREG_R15] = regs->r15;
	out[SO_UREG_AX] = regs->ax;
	out[SO_UREG_DX] = regs->dx;
	out[SO_UREG_CX] = regs->cx;
	out[SO_UREG_SI] = regs->si;
	out[SO_UREG_DI] = regs->di;
	out[SO_UREG_R8] = regs->r8;
	out[SO_UREG_R9] = regs->r9;
	out[SO_UREG_R10] = regs->r10;
	out[SO_UREG_R11] = regs->r11;
}
_Static_assert(SO_UREGS == 17, "regs_user knows seventeen registers");

#endif /* KERNEL_BPF_H */
