/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The decoded forms: what a record becomes before any sink sees it. A decoded call carries the
 * raw values and, for each argument, its strace-style text in the decoder's arena; the text and
 * JSON sinks both print from it, so they cannot disagree. Process ends and delivered signals
 * have decoded forms too.
 */
#ifndef SYSOBS_CALL_H
#define SYSOBS_CALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"
#include "lib/sb.h"
#include "decode/names/sysent.h"

enum call_kind {
	CALL_DONE,	/* returned: name(args) = ret */
	CALL_NORETURN,	/* exit/exit_group: name(args) = ? */
	CALL_UNFINISHED,	/* cut short: the thread ended in it, it never returned: = ? */
	CALL_BLOCKED,	/* still in the call: name(inputs <unfinished ... */
	CALL_DETACHED,	/* tracing stopped in it (-b execve): name(inputs <detached ...> */
};

struct darg {
	uint64_t raw;
	const struct so_cap *cap;	/* the bytes captured for it, or NULL */
	const uint8_t *data;
	const char *text;		/* strace-style text, in the decoder's arena */
	uint32_t len;
	uint8_t idx;			/* its place in the signature (sysent's args[]) */
	uint16_t fdpath_len;
	const char *fdpath;		/* -P: the file behind an fd argument (unescaped, in the
					 * arena; only set when decode_opts.fd_track) */
};

/* What -e inject= did to a call, as strace shows it after the return value */
enum tamper_bits {
	TAMPER_INJECTED = 1 << 0,	/* error= or retval=: the call did not run */
	TAMPER_DELAYED = 1 << 1,	/* delay_enter= or delay_exit= */
};

struct call {
	uint32_t tgid;
	uint32_t tid;
	uint64_t seq;
	uint64_t ts_ns;
	uint64_t dur_ns;
	bool has_ts;
	bool has_dur;
	bool noargs;		/* pointer arguments unknown (execve on kernels < 6.10) */
	enum call_kind kind;
	bool resumed;		/* its "<unfinished ..." line was shown: "<... name resumed>" */
	unsigned int tampered;	/* -e inject=: enum tamper_bits, " (INJECTED)", " (DELAYED)" */
	long nr;
	const char *name;
	const struct sysent *ent;	/* NULL for numbers the table does not know */
	unsigned int nargs;
	struct darg arg[SO_MAX_ARGS];
	int64_t ret;
	const char *rettext;	/* when set, how the return value is shown (in the arena) */
	uint32_t retlen;
	bool has_ip;		/* -i: ip is where the call returns to in the program */
	uint64_t ip;
	const char *stack;	/* -k: its frames, " > ...\n" lines (in the arena), or NULL */
	size_t stack_len;
	char namebuf[32];
};

/* Decoding options (the user's -s, -X raw, -y ...). */
struct decode_opts {
	unsigned int strsize;	/* -s: bytes of strings and buffers shown */
	bool raw;		/* -e raw=all: every argument and return value as hex */
	const uint64_t *raw_set;	/* -e raw=SET: these calls so (bit nr), NULL: none */
	const uint64_t *abbrev_set;	/* -e abbrev=SET: only these calls abbreviated (bit nr);
					 * NULL: all (the default); -v is abbrev=none */
	const uint64_t *verbose_set;	/* -e verbose=SET: only these calls' structures read
					 * (bit nr); NULL: all (the default) */
	bool fd_paths;		/* -y: show the path behind fds */
	bool fd_track;		/* -P: know the path behind fds (darg.fdpath), shown or not */
	bool fd_sockets;	/* -yy: sockets with their protocol and endpoints */
	bool stack_traces;	/* -k: unwind the stacks records carry */
};

struct decoder {
	struct decode_opts opts;
	char *arena;		/* argument texts of the call being decoded */
	size_t arena_len;
	size_t arena_cap;
};


/* A thread or process ended: "+++ exited with 0 +++", "+++ killed by SIGTERM +++". */
struct proc_exit {
	uint32_t tgid;
	uint32_t tid;
	uint64_t ts_ns;
	bool has_ts;
	bool signaled;
	bool core;
	int code;	/* exit code when !signaled */
	int sig;	/* the signal when signaled */
	uint32_t exec_tid;	/* not 0: "+++ superseded by execve in pid exec_tid +++" */
};

/* A signal delivered to a thread (SO_REC_SIGNAL). */
struct sig_event {
	uint32_t tgid;
	uint32_t tid;
	uint64_t seq;
	uint64_t ts_ns;
	bool has_ts;
	int signo;
	int code;		/* si_code */
	const char *name;	/* "SIGCHLD" */
	const char *info;	/* strace's "{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}" */
	const char *code_name;	/* "CLD_EXITED", or NULL when the code has no name */
	bool has_ip;		/* -i: where the thread was when the signal came */
	uint64_t ip;
	const char *stack;	/* -k: its frames (in the arena), or NULL */
	size_t stack_len;
};

int decoder__init(struct decoder *d, const struct decode_opts *opts);
void decoder__free(struct decoder *d);

/* Open a builder over the free part of the arena; dec_end gives its text to argument a. */
struct sb dec_begin(struct decoder *d);
void dec_end(struct decoder *d, struct darg *a, struct sb *b);
/* The same for the return value's text (c->rettext). */
void dec_end_ret(struct decoder *d, struct call *c, struct sb *b);

/*
 * How many arguments strace prints when a call starts (its inputs, up to the first argument the
 * call writes); *outputs says whether arguments follow that it prints when the call returns.
 */
unsigned int call__entry_nargs(const struct call *c, bool *outputs);

/* -v, -e abbrev=: does call c show its structures in full (not abbreviated)? */
bool call__unabbreviated(const struct decoder *d, const struct call *c);

/* -e verbose=: are call c's structures, arrays and numbers behind pointers shown (not their
 * addresses)? Strings and data buffers are shown either way, as strace does. */
bool call__verbose(const struct decoder *d, const struct call *c);

/* The captured struct behind argument a when the kernel read at least size bytes, else NULL. */
const void *dec_struct(const struct darg *a, size_t size);

#endif /* SYSOBS_CALL_H */
