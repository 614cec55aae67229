/* SPDX-License-Identifier: GPL-2.0 */
/* errno names and descriptions (generated: tables/errnoent.h), and error returns. */
#ifndef SYSOBS_ERRNO_H
#define SYSOBS_ERRNO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"

/* "ENOENT" for 2, NULL when unknown; err is positive. */
const char *errno__name(long err);
/* "No such file or directory" for 2, NULL when unknown. */
const char *errno__desc(long err);
/* The kernel-internal codes a signal leaves in a call it interrupted (include/linux/errno.h):
 * the program never sees them, the kernel restarts the call or fails it with EINTR. */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ERESTART_RESTARTBLOCK	516
bool errno__is_restart(long err);

/* A return value in [-SO_MAX_ERRNO, -1] is an error, as the kernel's IS_ERR_VALUE. */
bool ret_is_error(int64_t ret);
/* "ENOENT" for an error return, "errno 600" for one without a name; NULL when not an error. */
const char *ret_errname(int64_t ret, char *buf, size_t len);

#endif /* SYSOBS_ERRNO_H */
