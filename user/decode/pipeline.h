/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The decode pipeline: records become decoded calls, process ends and signals (call.h). Every
 * argument gets its generic text first (numbers by kind, strings and buffers from captures),
 * then the family decoder the registry names for the syscall rewrites what it knows better,
 * then -y adds the paths behind fds.
 */
#ifndef SYSOBS_PIPELINE_H
#define SYSOBS_PIPELINE_H

#include "decode/call.h"

/*
 * Decode a syscall record. enter, when not NULL, is the record of the same call taken at
 * entry (execve before it replaced the image): its arguments and captures are used.
 */
void decoder__call(struct decoder *d, const struct so_sys *rec, const struct so_sys *enter,
		   enum call_kind kind, struct call *c);

/* The same for exit/exit_group, seen at sched_process_exit. */
void decoder__noreturn(struct decoder *d, const struct so_exit *rec, struct call *c);

/* A delivered signal: its name and siginfo text (in the arena) and si_code's name. */
void decoder__signal(struct decoder *d, const struct so_signal *rec, struct sig_event *e);

#endif /* SYSOBS_PIPELINE_H */
