/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The decoder registry: for each syscall, the family decoder that knows it and the kernel
 * captures it needs. The captures leave as data (an array of so_spec the loader writes into the
 * kernel's spec map): the loader never includes the decoders.
 */
#ifndef SYSOBS_REGISTRY_H
#define SYSOBS_REGISTRY_H

#include "decode/families/family.h"

/* The decoder of syscall nr, NULL when it has none. */
const struct dec_entry *dec__lookup(long nr);
/* Run it on a decoded call (generic texts already set). */
void dec__call(struct decoder *d, struct call *c);
/* The kernel capture spec of every syscall 0..SO_NR_SLOTS-1: the generic signature's
 * strings and buffers, and the structs its decoder wants. */
/* The capture the kernel makes of argument arg of syscall nr (enum so_cap_kind). */
enum so_cap_kind registry__cap_kind(long nr, unsigned int arg);
void registry__specs(struct so_spec specs[SO_NR_SLOTS]);

#endif /* SYSOBS_REGISTRY_H */
