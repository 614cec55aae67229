/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -k: the function an address of an ELF file is in, as Debian's strace 6.1 names it (it
 * unwinds with libunwind): the nearest function symbol at or below the address, from .symtab
 * and .dynsym together, whatever the symbol's size (so an address in a local function of a
 * stripped library gets the exported function before it: "__libc_init_first+0x8a"). Among
 * symbols at one address the first in the file wins ("__write" before "write" in libc).
 */
#ifndef SYSOBS_ELFSYM_H
#define SYSOBS_ELFSYM_H

#include <stdint.h>
#include <libelf.h>

struct elfsym;

/* The function symbols of elf, sorted; NULL when it has none. */
struct elfsym *elfsym__load(Elf *elf);
void elfsym__free(struct elfsym *t);

/* The function at addr (an address of the file, before relocation) and addr's offset in it;
 * NULL when no function symbol is at or below addr. */
const char *elfsym__find(const struct elfsym *t, uint64_t addr, uint64_t *off);

#endif /* SYSOBS_ELFSYM_H */
