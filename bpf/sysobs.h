/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* The BPF object's licence: it is compiled into that object as well as into user space. */
/*
 * The ABI between bpf/sysobs.bpf.c and user/: records in the ring buffer and the values of the
 * maps user space reads or fills. Only #defines and fixed-width types; no includes, so the BPF
 * side takes __u32 & co. from vmlinux.h and user space from <linux/types.h>.
 *
 * Terminology: the kernel's "tgid" is what users call the pid, the kernel's "pid" is the tid.
 * Everything below says tgid/tid.
 */
#ifndef SYSOBS_H
#define SYSOBS_H

#define SO_MAX_ARGS		6
#define SO_NR_SLOTS		512	/* syscall numbers covered by the spec and count maps */
#define SO_PATH_MAX		4096	/* longest path captured */
#define SO_STRSIZE_MAX		4096	/* largest -s */
#define SO_SCRATCH_SIZE		16384	/* per-CPU buffer a record with captures is built in */
#define SO_MAX_CAPS		4	/* captures per record */
#define SO_EXEC_ARGV_MAX	32	/* execve argv strings captured */
#define SO_MAX_PIDS		64	/* -p PIDs: entries of the attach_pids map */
#define SO_MAX_ERRNO		4095	/* the kernel's MAX_ERRNO: -4095..-1 are errors */

/*
 * The x86-64 syscall numbers the kernel side treats apart (arch/x86/entry/syscalls/
 * syscall_64.tbl). SO_NR_SLOTS is above all of them (asserted on the BPF side).
 */
#define SO_NR_RT_SIGRETURN	15	/* restores the interrupted context: orig_ax reads -1 */
#define SO_NR_EXECVE		59	/* a successful one replaces the registers */
#define SO_NR_EXIT		60	/* never returns: seen by sched_process_exit */
#define SO_NR_EXIT_GROUP	231	/* the same */
#define SO_NR_EXECVEAT		322	/* like execve, its path one argument later */
#define SO_NR_CLONE		56	/* with CLONE_VFORK the caller waits for the child's exec */
#define SO_NR_VFORK		58	/* the same, always */
#define SO_NR_CLONE3		435	/* the same, CLONE_VFORK in its struct clone_args */

/* Record types. */
enum so_rec_type {
	SO_REC_SYS = 1,		/* a completed syscall: nr, args, ret (+ captures) */
	SO_REC_ENTER = 2,	/* a syscall entered (live mode, and execve before it replaces the image) */
	SO_REC_EXIT = 3,	/* a thread ended (sched_process_exit) */
	SO_REC_FORK = 4,	/* a new task joined the traced set (-f) */
	SO_REC_BATCH = 5,	/* several completed syscalls of one thread without captures */
	SO_REC_SIGNAL = 6,	/* a signal is delivered to a thread (handler or default action) */
};

/* so_hdr.flags */
#define SO_F_TS		(1u << 0)	/* ts_ns is set */
#define SO_F_DUR	(1u << 1)	/* so_sys.dur_ns is set */
#define SO_F_NOARGS	(1u << 2)	/* the argument registers were not available (exec fallback) */
#define SO_F_UCTX	(1u << 3)	/* a so_uctx block ends the record (-i, -k) */

/* Every record starts with this header; size covers the whole record, payload included. */
struct so_hdr {
	__u16 type;
	__u16 flags;
	__u32 size;
	__u32 tgid;
	__u32 tid;
	__u64 seq;	/* per-thread, 1, 2, 3 ...: a gap means the records in between were lost */
	__u64 ts_ns;	/* bpf_ktime_get_ns() (CLOCK_MONOTONIC), when SO_F_TS */
};

/*
 * A capture: bytes of user memory behind one argument, read in the kernel while valid.
 * Followed by len bytes, then padding to 8. Several may follow one so_sys/so_enter.
 */
#define SO_CAP_TRUNC	(1u << 0)	/* the data went on past len */
#define SO_CAP_FAULT	(1u << 1)	/* the address could not be read: print it raw */
#define SO_CAP_ARGV	(1u << 2)	/* a NUL-separated list of strings (execve argv) */
struct so_cap {
	__u8 arg;	/* argument index 0..5 */
	__u8 flags;
	__u16 len;
	__u32 total;	/* for argv: number of strings in the list; for buffers: full length asked */
};

struct so_sys {
	struct so_hdr h;
	__s64 nr;
	__u64 args[SO_MAX_ARGS];
	__s64 ret;
	__u64 dur_ns;	/* when SO_F_DUR: time from sys_enter to sys_exit */
	__u32 ncaps;	/* struct so_cap blocks following */
	__u32 pad;
};

/*
 * -i and -k: the user context of the call, at the end of its record (after the captures of a
 * so_sys, right after a so_exit) when the header has SO_F_UCTX. Only these options send it:
 * without them no record carries it and the calls go in batches as always. With them every
 * call has a record of its own. ip is where the call returns to (after the syscall
 * instruction, as strace's -i); the registers are those a DWARF unwinder starts from (all the
 * general ones); stack_len bytes of the user stack from
 * sp follow (-k; 0 for -i alone), padded to 8.
 */
enum so_ureg {
	SO_UREG_IP, SO_UREG_SP, SO_UREG_BP, SO_UREG_BX, SO_UREG_R12, SO_UREG_R13, SO_UREG_R14,
	SO_UREG_R15,
	/* the rest too: call frame information may name any (glibc's vfork keeps its return
	 * address in rdi while the child runs on its stack) */
	SO_UREG_AX, SO_UREG_DX, SO_UREG_CX, SO_UREG_SI, SO_UREG_DI, SO_UREG_R8, SO_UREG_R9,
	SO_UREG_R10, SO_UREG_R11, SO_UREGS,
};
/* Bytes of user stack copied for -k: the stack goes in the second half of the scratch buffer,
 * so a record with it may be up to 2 * SO_SCRATCH_SIZE - 1 bytes. ld.so's start-up frames
 * alone take 9-16 KiB of the main thread's stack. */
#define SO_STACK_MAX	(SO_SCRATCH_SIZE - 8)
struct so_uctx {
	__u64 regs[SO_UREGS];	/* enum so_ureg */
	__u32 stack_len;
	__u32 flags;		/* SO_UCTX_* */
};
#define SO_UCTX_STACK_HOLE	(1u << 0)	/* a page of it could not be read: zeros sent */

/*
 * SO_REC_ENTER uses struct so_sys with ret and dur_ns unset. A successful execve's records (its
 * entry and its exit) carry the tid of the thread that called it: when that was not the thread
 * group leader, the thread has the leader's tid from then on, and its sequence goes on there.
 */

/*
 * The common case, a syscall with nothing to capture, is not sent alone: a reservation in the
 * ring costs more than all the rest of the hook. Each thread collects up to SO_BATCH of them
 * in its task storage and sends them as one SO_REC_BATCH record when the batch is full, before
 * any other record of that thread (so a thread's records stay in order), when the thread is
 * switched out (it blocks: what it did before is visible while it waits), on the scheduler
 * tick (a thread computing without syscalls), and when it exits.
 */
#define SO_BATCH	8
struct so_entry {
	__s64 nr;
	__u64 args[SO_MAX_ARGS];
	__s64 ret;
	__u64 seq;	/* this call's sequence number */
	__u64 ts_ns;	/* when SO_F_TS in the batch header */
	__u64 dur_ns;	/* when SO_F_DUR in the batch header */
};
struct so_batch {
	struct so_hdr h;	/* seq 0: each entry has its own */
	__u32 n;
	__u32 pad;
	struct so_entry e[SO_BATCH];
};

struct so_exit {
	struct so_hdr h;
	__s64 nr;		/* SO_NR_EXIT or SO_NR_EXIT_GROUP when it ended in one, else -1 */
	__u64 status_arg;	/* the argument of that call */
	__u32 exit_code;	/* task->exit_code: wait status (signal in the low 7 bits, code << 8) */
	__u32 group_dead;	/* SO_EXIT_* flags */
};
#define SO_EXIT_GROUP_DEAD	(1u << 0)	/* the last thread of its thread group */
#define SO_EXIT_BY_EXEC		(1u << 1)	/* ended because another thread of it called execve */
#define SO_EXIT_DETACHED	(1u << 2)	/* not ended: no longer traced (-b execve), at its exec */


/*
 * An exit record the full ring had no room for: the kernel queues it apart (the ends map, at
 * most SO_ENDS_MAX waiting) with the ring's producer position at that moment, and user space
 * handles it at that place in the ring's order. So every thread ends with a record (unless the
 * queue is full too), and a gap at its end is located like any other.
 */
#define SO_ENDS_MAX	1024
struct so_end {
	struct so_exit r;
	__u64 pos;	/* bpf_ringbuf_query(BPF_RB_PROD_POS) when it was queued */
};

/* What the signal_deliver tracepoint sees: the siginfo the thread is about to get. */
#define SO_SIG_DFL	0	/* so_signal.handler: the default action */
#define SO_SIG_IGN	1
#define SO_SIG_HANDLER	2
struct so_signal {
	struct so_hdr h;
	__s32 signo;
	__s32 code;		/* si_code */
	__s32 err;		/* si_errno */
	__u32 handler;		/* SO_SIG_* */
	__u8 fields[32];	/* the union after si_code in siginfo (x86-64 layout) */
};

struct so_fork {
	struct so_hdr h;
	__u32 child_tgid;
	__u32 child_tid;
};

/*
 * How the kernel captures an argument (the spec map, indexed by syscall number, filled by
 * user space from the generated signature table).
 */
enum so_cap_kind {
	SO_CK_NONE = 0,
	SO_CK_PATH,	/* NUL-terminated path, up to SO_PATH_MAX */
	SO_CK_STR,	/* NUL-terminated string, up to strsize */
	SO_CK_BUF_IN,	/* input buffer, length in argument len_arg, up to strsize */
	SO_CK_BUF_OUT,	/* output buffer, length = return value when > 0, up to strsize */
	SO_CK_STRUCT_IN,	/* fixed size struct, read whatever the result */
	SO_CK_STRUCT_OUT,	/* fixed size struct, read only when the call returned >= 0 */
	SO_CK_STR_OUT,	/* NUL-terminated string written by the call (getcwd, ...), when ret > 0 */
	SO_CK_BUF_OUT_LEN,	/* output buffer, length in argument len_arg, when ret >= 0 */
	SO_CK_STRUCT_IN_LEN,	/* struct of the length in argument len_arg, at most size (sockaddr) */
	SO_CK_DIRENTS,	/* getdents output: no bytes, total = number of entries in ret bytes */
	SO_CK_STRUCT_OUT_LEN,	/* like STRUCT_OUT, at most size, length in argument len_arg */
	SO_CK_IOV_IN,	/* iovec array, count in argument len_arg: so_iov entries, then bytes */
	SO_CK_IOV_OUT,	/* the same, the bytes only up to the return value (readv) */
	SO_CK_POLLFD,	/* pollfd array (8 bytes each), count in argument len_arg, at most size */
	SO_CK_STRUCT_OUT_PLEN,	/* like STRUCT_OUT, at most size, length in the int at len_arg */
	SO_CK_MSG_IN,	/* struct msghdr (sendmsg): one so_msg block, all the iovec bytes */
	SO_CK_MSG_OUT,	/* the same (recvmsg), the bytes up to the return value; failed: none */
	SO_CK_MMSG_IN,	/* mmsghdr array (sendmmsg), count in argument len_arg: so_msg blocks */
	SO_CK_MMSG_OUT,	/* the same (recvmmsg), the ret entries filled, bytes up to each msg_len */
};

/*
 * SO_CK_IOV_*: the capture's data is one so_iov per element read (at most SO_IOV_MAX, cap.total
 * is the count the call was given), then each element's shown bytes one after the other. Each
 * element shows at most strsize bytes (readv: at most what the call put in it) and all of them
 * together at most SO_IOV_BYTES.
 */
#define SO_IOV_MAX	64
#define SO_IOV_BYTES	4096
#define SO_IOV_TRUNC	(1u << 0)	/* the element holds more than shown */
#define SO_IOV_FAULT	(1u << 1)	/* its bytes could not be read */
struct so_iov {
	__u64 base;
	__u64 len;
	__u32 shown;	/* bytes of this element in the data */
	__u32 flags;
};

/*
 * SO_CK_MSG_* and SO_CK_MMSG_*: the capture's data is one block per msghdr read (cap.total is
 * the count: 1, or the mmsghdr entries given), each an so_msg, then the name's bytes, the
 * control bytes, the so_iov entries and the elements' bytes, each part padded to 8. The iovec
 * part is as SO_CK_IOV_*'s; the blocks together stay within the record (an mmsghdr array shows
 * as many as fit, then SO_CAP_TRUNC).
 */
#define SO_MSG_NAME_MAX		128	/* sizeof(struct sockaddr_storage) */
#define SO_MSG_CTL_MAX		1024	/* control bytes read */
#define SO_MMSG_MAX		32	/* mmsghdr entries read */
#define SO_MSG_FAULT		(1u << 0)	/* the msghdr could not be read */
#define SO_MSG_NAME_FAULT	(1u << 1)
#define SO_MSG_CTL_FAULT	(1u << 2)
#define SO_MSG_IOV_FAULT	(1u << 3)	/* the iovec array could not be read */
struct so_msg {
	__u64 name;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 namelen;
	__u32 flags;		/* msg_flags */
	__u32 msg_len;		/* mmsghdr's msg_len, as read at exit */
	__u16 name_shown;	/* bytes of the name that follow */
	__u16 ctl_shown;	/* bytes of the control data that follow */
	__u32 iov_n;		/* so_iov entries that follow */
	__u32 iov_bytes;	/* bytes of the elements after them */
	__u32 status;		/* SO_MSG_* */
	__u32 pad;
};

struct so_arg_spec {
	__u8 kind;	/* enum so_cap_kind */
	__u8 len_arg;	/* for BUF_IN / BUF_OUT_LEN: index of the length argument */
	__u16 size;	/* for STRUCT_*: bytes to read (the most, for *_LEN) */
};

struct so_spec {
	struct so_arg_spec arg[SO_MAX_ARGS];
	__u32 ncaps;	/* 0: nothing to capture, fast path */
};

/* Per-thread state, the value of the tasks map (key: tid). */
enum so_task_state {
	SO_TS_PENDING = 0,	/* launched by us, held until its execve: not shown yet */
	SO_TS_ACTIVE = 1,
	SO_TS_FORKED = 2,	/* new child (-f): its own return from fork/clone is not shown */
};
/* attach_mode (rodata): which tasks not added by user space are taken in at a syscall */
enum so_attach {
	SO_ATTACH_NONE = 0,	/* only the launched command (and its children with -f) */
	SO_ATTACH_PIDS = 1,	/* -f -p: every thread of the tgids in the attach_pids map */
	SO_ATTACH_ALL = 2,	/* --system-wide: every task but sysobs's */
};

/*
 * A signal the kernel discarded when it was sent (ignored: SIG_IGN, or a default action of
 * ignoring such as SIGCHLD's), kept in its thread's so_task until the thread shows it itself
 * (after its next syscall, or at its end): strace, whose tracee keeps such signals queued, shows
 * them. ready: set by the sender (under the thread's siglock) once filled, cleared by the thread.
 * A thread that was running when the signal came was (most likely) in user space: strace's stop
 * for the signal comes before its next call then, and the line is shown before that call's.
 */
struct so_sigslot {
	__s32 signo;
	__s32 code;
	__s32 err;
	__u32 ready;
	__u32 before;		/* shown before the thread's next call: it was not in one */
	__u32 pad;
	__u8 fields[32];
};

#define SO_SIGSLOTS	4	/* signals ignored between two syscalls of a thread that are kept */

struct so_task {
	__u64 seq;		/* last sequence number handed out */
	__u64 enter_ts;		/* sys_enter time, for -T and -c */
	__u64 off_ts;		/* -c: when it was switched out in the call it is in, or 0 */
	__u64 off_ns;		/* -c: time off the CPU in the call it is in */
	__u32 tgid;		/* kept here so the hot path needs no helper call for them */
	__u32 tid;
	__u32 state;
	__u32 busy;		/* a program of this task is using the batch (nesting guard) */
	struct so_batch batch;	/* calls not sent yet */
	__u32 sig_head;		/* so_sigslot written next (by senders) */
	__u32 sig_tail;		/* so_sigslot shown next (by the thread) */
	struct so_sigslot sigs[SO_SIGSLOTS];
};

/* Per syscall counts for -c, per CPU, indexed by syscall number. Exact even when records drop. */
struct so_count {
	__u64 calls;
	__u64 errors;
	__u64 ns;
};

/* The per-CPU stats array. */
enum so_stat {
	SO_STAT_DROPPED = 0,	/* ring buffer reservations that failed: records lost */
	SO_STAT_TASKS_FULL,	/* tasks that could not be followed: the tasks map was full */
	SO_STAT_SIGS_FULL,	/* ignored signals not shown: their thread's so_sigslots were full */
	SO_STAT_MAX,
};

#endif /* SYSOBS_H */
