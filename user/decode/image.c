// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -k: the files of a new image from its auxiliary vector (image.h). */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "decode/image.h"

struct auxv {
	uint64_t phdr;	/* AT_PHDR: where the program's headers are */
	uint64_t base;	/* AT_BASE: the interpreter's load address (0: none) */
};

/* The word at index i of the copied stack; false past its end. */
static bool word(const struct so_uctx *u, const uint8_t *stack, size_t i, uint64_t *v)
{
	if ((i + 1) * sizeof(*v) > u->stack_len)
		return false;
	memcpy(v, stack + i * sizeof(*v), sizeof(*v));
	return true;
}

/* argc, argv[] and NULL, envp[] and NULL, then the (type, value) pairs up to AT_NULL */
static bool auxv_read(const struct so_uctx *u, const uint8_t *stack, struct auxv *a)
{
	uint64_t argc, v, type;
	size_t i;

	if (!word(u, stack, 0, &argc) || argc > u->stack_len)
		return false;
	i = 1 + argc + 1;
	while (word(u, stack, i, &v) && v)	/* envp */
		i++;
	for (i++; word(u, stack, i, &type) && word(u, stack, i + 1, &v); i += 2) {
		if (type == AT_NULL)
			return a->phdr != 0;
		if (type == AT_PHDR)
			a->phdr = v;
		else if (type == AT_BASE)
			a->base = v;
	}
	return false;
}

/* The program's bias (AT_PHDR less the headers' own address) and its interpreter's path. */
static bool exe_read(const char *path, uint64_t phdr_at, uint64_t *bias, char **interp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf *elf = fd >= 0 ? elf_begin(fd, ELF_C_READ_MMAP, NULL) : NULL;
	uint64_t phdr_vaddr = 0, first_load = UINT64_MAX;
	GElf_Ehdr eh;
	size_t i, n;
	bool ok = false;

	*interp = NULL;
	if (!elf || !gelf_getehdr(elf, &eh) || elf_getphdrnum(elf, &n))
		goto out;
	for (i = 0; i < n; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, i, &ph))
			continue;
		if (ph.p_type == PT_PHDR)
			phdr_vaddr = ph.p_vaddr;
		if (ph.p_type == PT_LOAD && ph.p_vaddr < first_load)
			first_load = ph.p_vaddr;
		if (ph.p_type == PT_INTERP && !*interp) {
			char buf[PATH_MAX] = "";

			if (pread(fd, buf, ph.p_filesz < sizeof(buf) ? ph.p_filesz : sizeof(buf) - 1,
				  ph.p_offset) > 0)
				*interp = realpath(buf, NULL);
		}
	}
	if (!phdr_vaddr && first_load != UINT64_MAX)
		phdr_vaddr = first_load + eh.e_phoff;	/* no PT_PHDR: in the first segment */
	*bias = phdr_at - phdr_vaddr;
	ok = phdr_vaddr != 0;
out:
	if (elf)
		elf_end(elf);
	if (fd >= 0)
		close(fd);
	return ok;
}

int image__files(const char *exe, size_t len, const struct so_uctx *u, const uint8_t *stack,
		 struct image_file out[IMAGE_FILES])
{
	struct auxv a = {};
	char *name, *path, *interp;
	uint64_t bias;
	int n = 0;

	if (!len || !auxv_read(u, stack, &a) || !(name = strndup(exe, len)))
		return 0;
	path = realpath(name, NULL);
	free(name);
	if (!path)
		return 0;
	elf_version(EV_CURRENT);
	if (!exe_read(path, a.phdr, &bias, &interp)) {
		free(path);
		return 0;
	}
	out[n++] = (struct image_file){ .path = path, .bias = bias };
	if (interp && a.base)
		out[n++] = (struct image_file){ .path = interp, .bias = a.base };
	else
		free(interp);
	return n;
}
