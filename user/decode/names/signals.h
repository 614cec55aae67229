/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Signal names as strace prints them, numbered as the kernel numbers them: real-time signals
 * count from the kernel's 32 (SIGRTMIN, SIGRT_1 ...), not from glibc's SIGRTMIN (34). The one
 * namer: argument texts, siginfo, "--- SIG ---" and "+++ killed by SIG +++" lines all use it.
 */
#ifndef SYSOBS_SIGNALS_H
#define SYSOBS_SIGNALS_H

#include <stddef.h>
#include <stdint.h>
#include "lib/sb.h"

#define SIGRTMIN_KERNEL	32
#define SIGRTMAX_KERNEL	64

/* A signal: SIGINT, SIGRTMIN, SIGRT_3, or the number. */
void sb_signal(struct sb *b, int sig);
/* A sigset of n bytes: [INT TERM], ~[KILL STOP] when most are set, [] when empty. */
void sb_sigset(struct sb *b, const uint8_t *set, size_t n);
/* The same as sb_signal into dst (cap bytes, NUL-terminated). */
void signal_text(char *dst, size_t cap, int sig);

#endif /* SYSOBS_SIGNALS_H */
