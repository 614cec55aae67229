/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Drains the ring buffer in record order, checks each thread's sequence numbers (a gap is a
 * loss, reported where it happened), pairs execve's entry record with its exit, and hands
 * decoded events to the sink.
 */
#ifndef SYSOBS_CONSUME_H
#define SYSOBS_CONSUME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "decode/pipeline.h"
#include "lib/outbuf.h"
#include "output/sink.h"

#include "consume/ends.h"
#include "consume/reorder.h"
#include "consume/ring.h"

struct tstate;

/* -e status=SET (-z: successful, -Z: failed): which returns are shown, strace's bits */
enum status_bits {
	STATUS_SUCCESSFUL = 1 << 0,
	STATUS_FAILED = 1 << 1,
	STATUS_UNFINISHED = 1 << 2,	/* the thread ended in it (exit_group = ?) */
	STATUS_UNAVAILABLE = 1 << 3,	/* returned, but the value could not be read */
	STATUS_DETACHED = 1 << 4,	/* tracing stopped in it */
	STATUS_ALL = (1 << 5) - 1,
};

struct consumer_opts {
	bool follow;		/* -f: several tasks, lines get a [pid N] prefix */
	bool attach;		/* the kernel takes threads in by itself (-f -p, --system-wide) */
	bool fixed_prefix;	/* the sink's prefix never changes (--system-wide) */
	/* -e inject=: what the supervisor did to this call, enum tamper_bits (NULL: nothing) */
	unsigned int (*tampered)(void *ctx, uint32_t tid, long nr, int64_t ret);
	void *tampered_ctx;
	unsigned int status_hidden;	/* enum status_bits not shown (0: show all) */
	const uint64_t *shown;	/* syscalls shown (bit nr), when the kernel sends more; NULL: all */
	bool decode_all;	/* decode calls not shown too (-k learns the mappings from them) */
};

struct consumer {
	struct ring ring;
	struct ends ends;	/* exit records the kernel queued apart, the ring being full */
	struct decoder *dec;
	struct sink *sink;
	struct tstate *tab;	/* per-thread state, open addressing on tid */
	size_t tab_cap;
	size_t tab_used;
	unsigned int live;	/* traced tasks alive, as the records tell */
	unsigned int fork_deferred;	/* of them, children not counted for the prefix yet */
	uint32_t fork_parent;	/* the thread whose clone made them */
	bool follow;		/* -f: several tasks, lines get a [pid N] prefix */
	bool attach;		/* the kernel takes threads in by itself (-f -p, --system-wide) */
	bool fixed_prefix;	/* the sink's prefix never changes (--system-wide) */
	unsigned int (*tampered)(void *ctx, uint32_t tid, long nr, int64_t ret); /* inject= */
	void *tampered_ctx;
	unsigned int status;	/* enum status_bits shown */
	const uint64_t *shown;	/* consumer_opts.shown */
	bool decode_all;
	uint64_t records;
	uint64_t calls;
	uint64_t gap_lost;	/* records missing from the sequence numbers */
	bool exit_seen;		/* the launched process's exit was reported */
	uint32_t main_tgid;	/* the launched process */
	struct outbuf *raw;	/* --record: every record as received, for replay */
	/* process ends waiting for the other threads of the process to end first */
	struct proc_exit pend[16];
	unsigned int npend;
	unsigned int enters_open;	/* execve entries not returned and not shown unfinished */
	bool reorder;		/* several threads: records wait in rq to come out in order */
	uint32_t first_tid;	/* the first thread records came from */
	struct reorder rq;
	struct call call;
};

int consumer__init(struct consumer *c, struct decoder *dec, struct sink *sink,
		   const struct consumer_opts *o);
/* Take the exit records the kernel queues apart when the ring is full (consume/ends.h). */
void consumer__ends_from(struct consumer *c, struct ends_source src);
/* Attach to the ring buffer map (size: its data area); then poll. */
int consumer__attach(struct consumer *c, int ring_map_fd, size_t size);
/* Wait up to timeout_ms for records and handle all there are. Returns records or -errno. */
int consumer__poll(struct consumer *c, int timeout_ms);
/* Let fd (the command's pidfd) end one wait of consumer__poll early, when it is readable. */
void consumer__wake_on(struct consumer *c, int fd);
/* Handle one record (the ring callback; also used to replay recorded records). */
int consumer__handle(struct consumer *c, const void *data, size_t size);
/* One record from the ring or a recording: handled, or queued to be put in order (feed.c). */
int consumer__feed(struct consumer *c, const void *data, size_t size);
/* At the end: the exit records still queued apart, then every record still waiting. */
void consumer__feed_rest(struct consumer *c);
/* Handle the queued records stamped at most horizon (CLOCK_MONOTONIC ns), oldest first. */
void consumer__release(struct consumer *c, uint64_t horizon);
/* Records of thread tid wait in the reorder queue. */
bool consumer__queued(const struct consumer *c, uint32_t tid);
/* A thread known to user space to be traced from the start (the launched child, -p PID). */
void consumer__add_task(struct consumer *c, uint32_t tid, uint32_t tgid);
void consumer__free(struct consumer *c);
/* At the end: the exit records still queued apart, the records still waiting to be put in
 * order, then the process ends still waiting for a thread's end record (lost, or never sent). */
void consumer__flush_exits(struct consumer *c);
/* Up to max threads the records show alive (tid, tgid). Returns how many. */
int consumer__tids(struct consumer *c, uint32_t *tids, uint32_t *tgids, int max);
/* The last sequence number seen from tid (0 when none). */
uint64_t consumer__records_of(struct consumer *c, uint32_t tid);
/* Show a call the thread is blocked in (live.c): "name(args <unfinished ...>". */
void consumer__show_blocked(struct consumer *c, const struct so_sys *rec);

/*
 * The --record file: each record as it came from the ring, preceded by 8 bytes (its length as
 * a host-order u32, then 0) and padded to 8. consumer__replay feeds such a file (8-byte
 * aligned in memory) back through consumer__handle.
 */
void consumer__record_to(struct consumer *c, struct outbuf *raw);
int consumer__replay(struct consumer *c, const void *buf, size_t len);

#endif /* SYSOBS_CONSUME_H */
