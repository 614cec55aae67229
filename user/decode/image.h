/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -k: where execve put the new image's files, for a process gone before /proc/PID/maps could
 * be read: the program and its interpreter (ld.so), at the load biases the kernel's auxiliary
 * vector gives (AT_PHDR, AT_BASE), read from the stack the kernel copied at execve's return,
 * where argc, argv, envp and the auxiliary vector lie from sp up.
 */
#ifndef SYSOBS_IMAGE_H
#define SYSOBS_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"

#define IMAGE_FILES	2	/* the program and its interpreter */

struct image_file {
	char *path;		/* malloc'ed, symlinks resolved as /proc/PID/maps shows them */
	uint64_t bias;		/* what the file's addresses are moved by */
};

/*
 * The files of the image execve loaded from exe (its path argument, len bytes; relative to
 * sysobs's working directory when not absolute), u and stack being its return's user context.
 * Returns how many of out it filled.
 */
int image__files(const char *exe, size_t len, const struct so_uctx *u, const uint8_t *stack,
		 struct image_file out[IMAGE_FILES]);

#endif /* SYSOBS_IMAGE_H */
