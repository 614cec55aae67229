/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Records become decoded calls here. A decoded call carries the raw values and, for each
 * argument, its strace-style text; the text and JSON sinks both print from it, so they cannot
 * disagree.
 */
#ifndef SYSOBS_DECODE_H
#define SYSOBS_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"
#include "sysent.h"

enum call_kind {
	CALL_DONE,	/* returned: name(args) = ret */
	CALL_NORETURN,	/* exit/exit_group: name(args) = ? */
	CALL_UNFINISHED,	/* entered, the thread ended before it returned */
	CALL_BLOCKED,	/* still in the call (live.c): name(args <unfinished ... */
};

struct darg {
	uint64_t raw;
	const struct so_cap *cap;	/* the bytes captured for it, or NULL */
	const uint8_t *data;
	const char *text;		/* strace-style text, in the decoder's arena */
	uint32_t len;
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
	long nr;
	const char *name;
	const struct sysent *ent;	/* NULL for numbers the table does not know */
	unsigned int nargs;
	struct darg arg[SO_MAX_ARGS];
	int64_t ret;
	const char *rettext;	/* when set, how the return value is shown (in the arena) */
	uint32_t retlen;
	char namebuf[32];
};

/* Decoding options (the user's -s, -X raw, -y ...). */
struct decode_opts {
	unsigned int strsize;	/* -s: bytes of strings and buffers shown */
	bool raw;		/* -X raw: every argument as hex */
	bool fd_paths;		/* -y: show the path behind fds */
};

struct decoder {
	struct decode_opts opts;
	char *arena;		/* argument texts of the call being decoded */
	size_t arena_len;
	size_t arena_cap;
};

int decoder__init(struct decoder *d, const struct decode_opts *opts);
void decoder__free(struct decoder *d);

/*
 * Decode a syscall record. enter, when not NULL, is the record of the same call taken at
 * entry (execve before it replaced the image): its arguments and captures are used.
 */
void decoder__call(struct decoder *d, const struct so_sys *rec, const struct so_sys *enter,
		   enum call_kind kind, struct call *c);

/* The same for exit/exit_group, seen at sched_process_exit. */
void decoder__noreturn(struct decoder *d, const struct so_exit *rec, struct call *c);

/* "ENOENT" and "No such file or directory" for an error return, NULL when ret is not one. */
bool ret_is_error(int64_t ret);
const char *ret_errname(int64_t ret, char *buf, size_t len);

/* strace's quoting: printable ASCII as is, C escapes, octal for the rest. Returns the length. */
size_t quote_bytes(char *dst, const uint8_t *src, size_t n, bool stop_at_nul);

/* strace's siginfo text, "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=0}", of a
 * signal record, into dst (cap bytes, NUL-terminated); code_name gets si_code's name or NULL. */
void siginfo_text(char *dst, size_t cap, const struct so_signal *r, const char **code_name);
/* The signal's name as strace prints it (SIGINT, SIGRTMIN, SIGRT_3), into dst (NUL-ended). */
void signal_text(char *dst, size_t cap, int sig);

/* The signal's name, e.g. SIGKILL, or "SIG42". */
const char *signal_name(int sig, char *buf, size_t len);

#endif /* SYSOBS_DECODE_H */
