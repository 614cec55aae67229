/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -e verbose=SET, as strace's: a call outside the set shows strings and data buffers, and the
 * addresses of everything else its arguments point to (structures, arrays, numbers).
 */
#ifndef SYSOBS_VERBOSE_H
#define SYSOBS_VERBOSE_H

#include "decode/call.h"

/* Before decoding: forget the captures the call does not show; returns those arguments as a
 * bit mask. */
unsigned int verbose__hide(struct call *c);
/* After decoding: the hidden pointer arguments as addresses, whatever their decoders made of
 * them without their data. */
void verbose__addresses(struct decoder *d, struct call *c, unsigned int hidden);

#endif /* SYSOBS_VERBOSE_H */
