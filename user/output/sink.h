/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Where decoded events go: strace-style text or JSON Lines. Both render the same decoded
 * call (decode.h). The consumer calls these in record order.
 */
#ifndef SYSOBS_SINK_H
#define SYSOBS_SINK_H

#include <stdbool.h>
#include <stdint.h>
#include "lib/outbuf.h"
#include "decode/call.h"

struct run_totals {
	uint64_t records;	/* records received */
	uint64_t calls;		/* syscalls printed */
	uint64_t lost;		/* records lost in the kernel (ring full) */
	uint64_t untracked;	/* tasks that could not be followed (tasks map full) */
	bool have_status;
	int exit_status;	/* what sysobs exits with: the command's status */
};

struct sink;

struct sink_ops {
	void (*call)(struct sink *s, const struct call *c);
	void (*exec)(struct sink *s, const struct call *c);	/* a successful execve */
	void (*proc_exit)(struct sink *s, const struct proc_exit *e);
	void (*signal)(struct sink *s, const struct sig_event *e);
	void (*lost)(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		     uint64_t count);
	void (*finish)(struct sink *s, const struct run_totals *t);
};

struct sink {
	const struct sink_ops *ops;
	struct outbuf *ob;
	enum {
		PREFIX_NONE,
		PREFIX_BRACKET,	/* "[pid N] " while several tasks live (strace -f on stderr) */
		PREFIX_PLAIN,	/* "N " on every line (strace -f -o FILE) */
	} prefix;
	bool show_dur;		/* -T */
	int tstamps;		/* -t 1, -tt 2, -ttt 3 */
	bool relative;		/* -r */
	int ts_prec;		/* digits after the second: -t 0, -tt and -ttt 6, or =PRECISION */
	int rel_prec;		/* -r's (6) */
	int dur_prec;		/* -T's (6) */
	bool ts_exact;		/* every call has its own clock read (JSON summary says so) */
	bool quiet_exit;	/* -qq, -e quiet=exit: no "+++ exited with N +++" */
	bool show_nr;		/* -n: "[  39] " before the name */
	bool pid_comm;		/* -Y: pids with their command name, "1234<cat>" */
	const uint64_t *dump_read;	/* -e read=: fds whose reads are dumped (bit N), or NULL */
	const uint64_t *dump_write;	/* -e write=: the same for writes */
	bool show_ip;		/* -i: "[00007f0123456789] " after the time */
	unsigned int ret_column;	/* -a N: "= ret" at column N (0: 40, strace's default) */
	uint64_t sig_hidden;	/* -e signal=: bit N-1 set, no "--- SIGN" nor "killed by SIGN" */
	uint8_t json_version;	/* --json=1 or 2; 0: the newest (docs/json.md) */
	int64_t real_off_ns;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, for -t */
	uint64_t last_ts;	/* -r: the previous line's time */
	uint32_t open_tid;	/* text: a blocked call's line is open ("read(3, "), whose */
	long open_nr;
	char *held_stack;	/* -k: exit/exit_group's frames, printed after its "+++" line */
	size_t held_len;
	uint32_t held_tgid;
	int64_t tod_sec;	/* -t: the second tod_text is for */
	char tod_text[16];	/* "HH:MM:SS" */
};

/* Set real_off_ns: the kernel stamps CLOCK_MONOTONIC, -t shows the time of day. */
void sink__clock_init(struct sink *s);

extern const struct sink_ops text_sink_ops;
extern const struct sink_ops json_sink_ops;
extern const struct sink_ops null_sink_ops;	/* -c: the summary only */

/* The return value as strace prints it, into dst (at least 128 bytes); returns the length. */
size_t format_ret(char *dst, const struct call *c);

#endif /* SYSOBS_SINK_H */
