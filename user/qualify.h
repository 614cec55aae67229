/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* -e QUALIFIER=SET as strace 6.1 takes it: what each qualifier selects. */
#ifndef SYSOBS_QUALIFY_H
#define SYSOBS_QUALIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "setup/filter.h"
#include "setup/inject.h"

/* strace's -e quiet= elements, bit by bit */
enum quiet_bits {
	QUIET_ATTACH = 1 << 0,
	QUIET_EXIT = 1 << 1,
	QUIET_PATH_RESOLUTION = 1 << 2,
	QUIET_PERSONALITY = 1 << 3,
	QUIET_THREAD_EXECVE = 1 << 4,	/* also "superseded" */
};

enum decode_fds_bits { DECODE_FDS_PATH = 1 << 0, DECODE_FDS_SOCKET = 1 << 1 };
enum decode_pids_bits { DECODE_PIDS_PIDNS = 1 << 0, DECODE_PIDS_COMM = 1 << 1 };

#define QUAL_FD_WORDS	16	/* read=, write=: fds 0 to 1023 */

struct qualifiers {
	struct filter trace;	/* trace=: the calls shown and counted */
	struct filter abbrev;	/* abbrev=, verbose=, raw=: syscall sets (empty unless given) */
	struct filter verbose;
	struct filter raw;
	unsigned int status;	/* status=: enum status_bits (consume/consumer.h) */
	unsigned int quiet;	/* quiet=: enum quiet_bits */
	uint64_t sig_hidden;	/* signal=: bit N-1 set, signal N not shown */
	unsigned int decode_fds;	/* decode-fds=: enum decode_fds_bits */
	unsigned int decode_pids;	/* decode-pids=: enum decode_pids_bits */
	struct inject_set *inject;	/* inject=, fault=: NULL until given (tamper.c) */
	uint64_t dump_read[QUAL_FD_WORDS];	/* read=: fd N's reads dumped (bit N) */
	uint64_t dump_write[QUAL_FD_WORDS];	/* write=: fd N's writes dumped */
	bool dump;		/* read= or write= selects an fd */
};

void qualify__init(struct qualifiers *qs);
/* One -e EXPR ("QUAL=SET", or a bare SET for trace=). 0, or -1 with a message in err. */
int qualify__apply(struct qualifiers *qs, const char *expr, char *err, size_t errlen);

/* SIGTERM, TERM, term or 15, as strace takes a signal; -1 when it is none of them. */
int qualify__signal(const char *s);
/* -e inject=EXPR (fault: -e fault=EXPR) into *s (allocated at the first). 0, or -1 with a
 * message in err. (tamper.c) */
int tamper__apply(struct inject_set **s, const char *expr, bool fault, char *err, size_t errlen);

/* -q, -qq, -qqq: each one more of strace's --quiet= sets (*level counts them) */
void qualify__quiet_more(struct qualifiers *qs, int *level);

#endif /* SYSOBS_QUALIFY_H */
