/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A trace file opened for writing as sysobs runs as root: in a sticky world-writable directory
 * (/tmp) a link is followed, and a file written, only when it is ours or the directory owner's
 * (the rules of fs.protected_symlinks and fs.protected_regular, whatever the sysctls say); an
 * existing file is never made a link meanwhile; a FIFO waits a few seconds for a reader; the
 * mode is 0644 at most. The file is not truncated here: the caller does it once every file it
 * needs is open.
 */
#ifndef SYSOBS_TRACEFILE_H
#define SYSOBS_TRACEFILE_H

#include <stdbool.h>
#include <sys/stat.h>

/* The fd, its stat in *st; or -errno, after one line on stderr saying why. */
int tracefile__open(const char *path, struct stat *st, bool append);

#endif /* SYSOBS_TRACEFILE_H */
