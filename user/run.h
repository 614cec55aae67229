/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * One tracing run, the steps main() lists: open everything (the trace file, the BPF side, the
 * decoder, the sink, the consumer), trace a command or running processes to their end, report
 * the totals, close. Everything lives in struct run so that one close frees it all.
 */
#ifndef SYSOBS_RUN_H
#define SYSOBS_RUN_H

#include <stdbool.h>
#include <stdio.h>
#include <linux/types.h>
#include "sysobs.h"
#include "lib/outbuf.h"
#include "decode/call.h"
#include "output/sink.h"
#include "output/expect.h"
#include "output/profile.h"
#include "output/pathtrace.h"
#include "output/split.h"
#include "output/tee.h"
#include "consume/consumer.h"
#include "setup/attach.h"
#include "setup/launch.h"
#include "setup/tracer.h"
#include "opts.h"

struct run {
	const struct opts *o;
	int out_fd;			/* the trace: stderr or -o FILE */
	FILE *out_pipe;			/* -o |CMD */
	struct outbuf ob;		/* the trace's buffer */
	struct outbuf raw;		/* --record FILE */
	struct tracer tr;
	struct tracer_opts topts;
	struct decoder dec;
	struct sink sink;
	struct split split;		/* -ff -o PREFIX: a file per thread, in front of sink */
	struct pathtrace pt;		/* -P: in front of split or sink */
	struct tee tee;			/* sink and the observers below */
	struct expect ex;		/* --expect */
	struct profile prof;		/* --seccomp-profile */
	struct sink *out;		/* what the consumer is given: sink, split or tee */
	struct consumer cons;
	struct launch l;		/* the command (-- CMD) */
	struct launch_cred cred;	/* who it runs as (-u) */
	struct supervisor sv;		/* -e inject=: answers the command's filter */
	struct attach a;		/* the running processes (-p) */
	struct so_spec specs[SO_NR_SLOTS];
	int killed_by;			/* the signal that ended the command, 0: none */
	bool leave_bpf;			/* run__close leaves the BPF side to teardown__background */
};

/* Install the handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT (stop, or pass to the command). */
int run__signals(void);
/* Open the trace files, fork the command at path (resolved; held until run__command), load and
 * attach the BPF side, set up decoding and output. 0, or the exit status to end with
 * (EXIT_SETUP, EXIT_USAGE) after one line on stderr. */
int run__open(struct run *r, const struct opts *o, const char *path);
/* Trace the command run__open forked to its end. 0 and *status its exit status (128 + N for
 * signal N), or -1 and *status sysobs's own (EXIT_*) when it could not run. */
int run__command(struct run *r, int *status);
/* -p and --system-wide: trace until the processes end or a signal. 0, or -1 on failure. */
int run__attached(struct run *r);
/* The end of the run: totals, -c's table, loss. Returns the exit status to use. */
int run__report(struct run *r, int status);
void run__close(struct run *r);
/* Die by sig as the command did (handlers reset, no core); returns if sig is not fatal. */
void run__die_like(int sig);

#endif /* SYSOBS_RUN_H */
