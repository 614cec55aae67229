/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Syscall-specific decoders. decode.c gives every argument its generic text first (numbers by
 * kind, strings and buffers from captures); a decoder registered for the syscall then rewrites
 * the arguments it knows better (flags, structs), may change how many are shown (openat's mode
 * only with O_CREAT) and may give the return value a text (fcntl F_GETFD's "0x1 (flags
 * FD_CLOEXEC)"). Decoders live in files by subject (dec_file.c, dec_io.c, dec_mm.c,
 * dec_signal.c, dec_net.c, dec_proc.c), each with a table of the syscalls it handles; dec.c is the registry.
 *
 * A decoder may also ask the kernel for captures (struct contents) beyond what the generic
 * signature table gives: dec_cap entries, turned into the kernel's so_spec by dec__spec().
 *
 * Texts are built with struct sb, a bounded builder over the decoder's arena: no allocation,
 * no stdio per field.
 */
#ifndef SYSOBS_DEC_H
#define SYSOBS_DEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "xlat.h"

/* A string being built in the arena; writes past cap are dropped (the text is cut). */
struct sb {
	char *p;
	size_t len;
	size_t cap;
};

void sb_putn(struct sb *b, const char *s, size_t n);
void sb_puts(struct sb *b, const char *s);
void sb_putc(struct sb *b, char c);
void sb_u64(struct sb *b, uint64_t v);
void sb_i64(struct sb *b, int64_t v);
void sb_hex(struct sb *b, uint64_t v);	/* %#llx: 0 is "0" */
void sb_oct(struct sb *b, uint64_t v);	/* %#03o: 0644, 000 */
void sb_ptr(struct sb *b, uint64_t v);	/* NULL or 0x... */
/* "..." with strace's escapes; ... after when more. hex: \xNN for every byte (getrandom). */
void sb_quoted(struct sb *b, const uint8_t *p, size_t n, bool more, bool stop_at_nul, bool hex);
/* v's name in t, else v in hex with a comment as strace does: 0x42 /+ SEEK_??? +/ */
void sb_enum(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *unknown);
/* Same, unknown values in decimal. */
void sb_enum_d(struct sb *b, const struct xlat_tab *t, int64_t v, const char *unknown);
/* FLAG_A|FLAG_B|0x100 in table order; zero prints zero_name (or "0" when NULL). */
void sb_flags(struct sb *b, const struct xlat_tab *t, uint64_t v, const char *zero_name);
/* A signal: SIGINT, SIGRTMIN, SIGRT_3, or the number. */
void sb_signal(struct sb *b, int sig);
/* A sigset of n bytes: [INT TERM], ~[KILL STOP] when most are set, [] when empty. */
void sb_sigset(struct sb *b, const uint8_t *set, size_t n);
/* st_mode: S_IFREG|S_ISUID|0755. */
void sb_mode(struct sb *b, uint32_t mode);

/* Open a builder over the free part of the arena; dec_end gives its text to argument a. */
struct sb dec_begin(struct decoder *d);
void dec_end(struct decoder *d, struct darg *a, struct sb *b);
/* The same for the return value's text (c->rettext). */
void dec_end_ret(struct decoder *d, struct call *c, struct sb *b);

/* The captured struct behind argument a when the kernel read at least size bytes, else NULL. */
const void *dec_struct(const struct darg *a, size_t size);
/* "[16]": an int the call read or wrote through a pointer (lengths, option values). */
void dec_int_in_brackets(struct decoder *d, struct darg *a, int64_t v);

#define RUSAGE_HEAD_SIZE	32	/* ru_utime and ru_stime: what strace shows of a rusage */

/* {ru_utime={tv_sec=0, tv_usec=1700}, ru_stime={tv_sec=0, tv_usec=0}, ...} when the call
 * succeeded and the kernel read RUSAGE_HEAD_SIZE bytes. */
void dec_rusage(struct decoder *d, const struct call *c, struct darg *a);

/* Show only the arguments idx[0..n) of the call, in that order (strace leaves out the ones a
 * call does not use: futex's by operation). Raw values move with their texts. */
void dec_keep_args(struct call *c, const uint8_t *idx, unsigned int n);

/* The two fds a call wrote into a as "[3, 4]" (pipe, pipe2, socketpair), when it succeeded. */
void dec_fd_pair(struct decoder *d, struct call *c, struct darg *a);

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
extern const struct dec_entry dec_mm_table[];
extern const struct dec_entry dec_signal_table[];
extern const struct dec_entry dec_net_table[];
extern const struct dec_entry dec_proc_table[];
extern const struct dec_entry dec_io_table[];

/* The decoder of syscall nr, NULL when it has none. */
const struct dec_entry *dec__lookup(long nr);
/* Run it on a decoded call (generic texts already set). */
void dec__call(struct decoder *d, struct call *c);
/* Add the decoder's captures to the kernel spec of syscall nr. */
void dec__spec(long nr, struct so_spec *sp);

#endif /* SYSOBS_DEC_H */
