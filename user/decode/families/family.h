/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Syscall-specific decoders. The pipeline (../pipeline.c) gives every argument its generic
 * text first (numbers by kind, strings and buffers from captures); a decoder registered for
 * the syscall then rewrites
 * the arguments it knows better (flags, structs), may change how many are shown (openat's mode
 * only with O_CREAT) and may give the return value a text (fcntl F_GETFD's "0x1 (flags
 * FD_CLOEXEC)"). Decoders live in files by subject (file.c, io.c, mm.c, signal.c,
 * net.c, futex.c, ...), each with a table of the syscalls it handles; ../registry.c finds them.
 *
 * A decoder may also ask the kernel for captures (struct contents) beyond what the generic
 * signature table gives: dec_cap entries, turned into the kernel's so_spec by the registry.
 *
 * Texts are built with struct sb (lib/sb.h) over the decoder's arena (dec_begin, dec_end).
 */
#ifndef SYSOBS_FAMILY_H
#define SYSOBS_FAMILY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/sb.h"
#include "decode/names/errno.h"
#include "decode/names/signals.h"
#include "decode/names/sysent.h"
#include "decode/names/xlat.h"
#include "decode/call.h"

/* "[16]": an int the call read or wrote through a pointer (lengths, option values). */
void dec_int_in_brackets(struct decoder *d, struct darg *a, int64_t v);

#define RUSAGE_HEAD_SIZE	32	/* ru_utime and ru_stime: what strace shows of a rusage */
#define RUSAGE_SIZE		144	/* the whole struct rusage: its 14 longs after the times */

/* {ru_utime={tv_sec=0, tv_usec=1700}, ru_stime={tv_sec=0, tv_usec=0}, ...} when the call
 * succeeded and the kernel read RUSAGE_HEAD_SIZE bytes; every field with -v (the kernel reads
 * RUSAGE_SIZE bytes). */
void dec_rusage(struct decoder *d, const struct call *c, struct darg *a);

/* Show only the arguments idx[0..n) of the call, in that order (strace leaves out the ones a
 * call does not use: futex's by operation). Raw values move with their texts. */
void dec_keep_args(struct call *c, const uint8_t *idx, unsigned int n);

/* The two fds a call wrote into a as "[3, 4]" (pipe, pipe2, socketpair), when it succeeded. */
void dec_fd_pair(struct decoder *d, struct call *c, struct darg *a);

/* {f0=v0, f1=v1}: a struct of two 64-bit fields (timespec, rlimit), each printed by put, when
 * the kernel read it whole. */
void dec_pair(struct decoder *d, struct darg *a, const char *f0, const char *f1,
	      void (*put)(struct sb *b, uint64_t v));

#define TIMESPEC_SIZE	16	/* struct __kernel_timespec */

/* {tv_sec=1, tv_nsec=500} when the kernel read the whole timespec. */
void dec_timespec(struct decoder *d, struct darg *a);

/* Argument a's text: v (set_flags: a's value) as flags of t (zero: what 0 prints, "0" when
 * NULL), or as one of t's values (unknown: the comment an unnamed value gets, "FOO_???"). */
void set_flags(struct decoder *d, struct darg *a, const struct xlat_tab *t, const char *zero);
void set_enum(struct decoder *d, struct darg *a, const struct xlat_tab *t, uint64_t v,
	      const char *unknown);

/* {sa_family=AF_INET, sin_port=htons(80), ...}: the len bytes (at least 2) of an address. */
void sb_sockaddr(struct sb *b, const uint8_t *sa, size_t len);

/* [{iov_base="hello", iov_len=5}, ...]: n so_iov entries at v and their bytes after them (len
 * bytes in all; the call gave total), at most max elements and max bytes of each shown (-s: the
 * kernel side may have read more for -e read=/write=); addrs: only the addresses. */
void sb_iovec(struct sb *b, const uint8_t *v, size_t len, uint32_t n, uint64_t total,
	      bool addrs, unsigned int max);

/* Kernel captures a decoder wants (so_spec), beyond the generic signature's. */
struct dec_cap {
	uint8_t arg;
	uint8_t kind;		/* enum so_cap_kind; 0 ends the list */
	uint8_t len_arg;
	uint16_t size;
};

#define DEC_MAX_CAPS	3

struct dec_entry {
	const char *name;	/* the syscall */
	void (*fn)(struct decoder *d, struct call *c);
	struct dec_cap caps[DEC_MAX_CAPS];
};

/* The family tables, each ended by an entry with a NULL name. */
extern const struct dec_entry dec_file_table[];
extern const struct dec_entry dec_stat_table[];
extern const struct dec_entry dec_mm_table[];
extern const struct dec_entry dec_signal_table[];
extern const struct dec_entry dec_net_table[];
extern const struct dec_entry dec_msg_table[];
extern const struct dec_entry dec_consts_table[];
extern const struct dec_entry dec_futex_table[];
extern const struct dec_entry dec_prctl_table[];
extern const struct dec_entry dec_time_table[];
extern const struct dec_entry dec_resource_table[];
extern const struct dec_entry dec_process_table[];
extern const struct dec_entry dec_io_table[];
extern const struct dec_entry dec_ioctl_table[];
extern const struct dec_entry dec_sched_table[];
extern const struct dec_entry dec_numa_table[];
extern const struct dec_entry dec_keyctl_table[];
extern const struct dec_entry dec_ptrace_table[];
extern const struct dec_entry dec_bpf_table[];

/* Terminal structs (term.c), as the kernel lays them out; ioctl.c prints them. */
#define TERMIOS_SIZE	36
#define TERMIO_SIZE	18
#define WINSIZE_SIZE	8
#define IOCTL_ARG_MAX	256	/* bytes the kernel reads behind ioctl's argument */
/* {c_iflag=ICRNL|IXON, c_oflag=..., c_cflag=..., c_lflag=..., ...} */
void sb_termios(struct sb *b, const void *p);
void sb_termio(struct sb *b, const void *p);
/* {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0} */
void sb_winsize(struct sb *b, const void *p);

/* strace's siginfo text, "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=0}", of a
 * signal record, into dst (cap bytes, NUL-terminated); code_name gets si_code's name or NULL. */
void siginfo_text(char *dst, size_t cap, const struct so_signal *r, const char **code_name);

#endif /* SYSOBS_FAMILY_H */
