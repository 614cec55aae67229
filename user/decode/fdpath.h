/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -y: the path behind fd arguments, "3</etc/hostname>". The kernel records carry no paths for
 * fds, so this is user space, at decode time: the link /proc/PID/fd/N is read when a call
 * that returns a new fd (openat, socket, dup ...) is decoded, and remembered per (pid, fd)
 * until the fd is closed, replaced or the process execs. Records are decoded a few
 * milliseconds after the calls: an fd that was opened and closed again in between still
 * shows its path when the opening call had an absolute path; otherwise, and for fds the
 * process had before tracing started and already closed, the bare number is shown.
 */
#ifndef SYSOBS_FDPATH_H
#define SYSOBS_FDPATH_H

#include "decode/call.h"

/* Read the cwd and standard fds of the launched command (held before its exec): once. */
void fdpath__seed(uint32_t tgid);

/* A new process: it has its parent's fds and cwd (as far as the table knows them). */
void fdpath__fork(uint32_t ptgid, uint32_t ctgid);

/* Keep the fd -> path table up to date with a decoded call; with text, rewrite its fd
 * arguments (and an fd return value) with their paths (-y); with d's fd_track, give each fd
 * argument its path in darg.fdpath (-P), as it was before the call (a close's fd too). */
void fdpath__apply(struct decoder *d, struct call *c, bool text);

#endif /* SYSOBS_FDPATH_H */
