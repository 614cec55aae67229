/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -k: a call's user stack, as the kernel copied it (so_uctx in sysobs.h), unwound with
 * elfutils' libdwfl (the DWARF call frame information of each module, as strace's unwinder
 * uses it) and printed as strace 6.1 prints it:
 *
 *    > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]
 *
 * module path, (function+offset) and [the address in the module]; "()" when the module has
 * no function symbol there.
 *
 * Which file is mapped where is read from /proc/PID/maps: when a process's first stack is
 * decoded, and again at its next stack after a call that changed its mappings (SE_MAPS:
 * mmap, munmap, mprotect, execve ...). A process that has ended by then (records are decoded a
 * few milliseconds after the calls) keeps the mappings last read, and adds the files its own
 * open and mmap calls mapped since (ld.so's loading of the libraries); one whose mappings were
 * never read shows each frame as strace shows an address outside any module. Files are read
 * when their first frame is printed and kept: one replaced on disk meanwhile is named after
 * its new symbols.
 */
#ifndef SYSOBS_STACK_H
#define SYSOBS_STACK_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"
#include "lib/sb.h"

/*
 * The frames of the stack in u (its stack_len bytes at stack) of thread tid of process tgid,
 * one " > ...\n" line each, appended to b. entry_style: the call never returned (exit_group),
 * strace prints its frames without a function as "(+0x0)".
 */
void stack__frames(struct sb *b, uint32_t tgid, uint32_t tid, const struct so_uctx *u,
		   const uint8_t *stack, bool entry_style);

/* Process tgid's mappings changed: read them again before its next stack. */
void stack__maps_changed(uint32_t tgid);

/* Process child was forked by parent: it has the parent's mappings (as last read) until its
 * own are read. */
void stack__fork(uint32_t parent, uint32_t child);

/* Whether any mappings of process tgid are known (it was seen before, or forked by one). */
bool stack__known(uint32_t tgid);

/* Process tgid has a new image (execve of exe, len bytes): nothing of the old one holds. u and
 * stack: the user context at execve's return, whose auxiliary vector places the new files. */
void stack__exec(uint32_t tgid, const char *exe, size_t len, const struct so_uctx *u,
		 const uint8_t *stack);

/* Process tgid opened path (len bytes, not NUL-terminated) as fd; it mapped fd's file at
 * offset off to addr. What they say stands in for /proc/PID/maps once the process has gone. */
void stack__opened(uint32_t tgid, int fd, const char *path, size_t len);
void stack__mapped(uint32_t tgid, int fd, uint64_t off, uint64_t addr);

/* Free everything (the end of the run). */
void stack__free(void);

#endif /* SYSOBS_STACK_H */
