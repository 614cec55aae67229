// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The kernel's BTF, loaded fast. libbpf needs it at every start (the attach ids of the tp_btf
 * programs, the CO-RE relocations), and libbpf 1.1 reads /sys/kernel/btf/vmlinux (~5 MB)
 * through stdio: ~1,350 reads of 4 KiB into one fresh buffer, then a copy into a second one,
 * each page faulted in on its own. That was half of `sysobs -- /bin/true` (tests/bench/README.md).
 *
 * The link wraps btf__load_vmlinux_btf (-Wl,--wrap in the Makefile): the file is mapped (Linux
 * 6.16+ lets it be) with MAP_POPULATE, and the heap that libbpf's copy lands in is faulted in
 * by one madvise beforehand. The parse is libbpf's own (btf__new), so the result is the same
 * object. Anything that fails falls back to libbpf's path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <bpf/btf.h>
#include "setup/kbtf.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE	23	/* Linux 5.14 */
#endif

#define KBTF_PATH		"/sys/kernel/btf/vmlinux"
#define MALLOC_DEFAULT_THRESHOLD	(128 * 1024)	/* glibc's M_MMAP_/M_TRIM_THRESHOLD */
#define PAGE_ALIGN_UP(p, pg)	(((uintptr_t)(p) + (pg) - 1) & ~((uintptr_t)(pg) - 1))

struct btf *__real_btf__load_vmlinux_btf(void);
struct btf *__wrap_btf__load_vmlinux_btf(void);

/*
 * btf__new copies the data into one malloc of its size: make that land in the brk heap, and
 * fault the heap's pages in with one call instead of one fault per page. Undone by heap_restore.
 */
static void heap_prefault(size_t size)
{
	long pg = sysconf(_SC_PAGESIZE);
	size_t room = size + (1 << 20);	/* the copy plus what btf__new allocates around it */
	char *p;

	mallopt(M_MMAP_THRESHOLD, room * 2);
	mallopt(M_TRIM_THRESHOLD, room * 2);
	p = malloc(room);
	if (!p)
		return;
	madvise((void *)PAGE_ALIGN_UP(p, pg), room - pg, MADV_POPULATE_WRITE);
	free(p);
}

static void heap_restore(void)
{
	mallopt(M_MMAP_THRESHOLD, MALLOC_DEFAULT_THRESHOLD);
	mallopt(M_TRIM_THRESHOLD, MALLOC_DEFAULT_THRESHOLD);
}

struct btf *__wrap_btf__load_vmlinux_btf(void)
{
	struct btf *btf = NULL;
	struct stat st;
	void *data;
	int fd;

	if (getenv("SYSOBS_SLOW_BTF"))
		return __real_btf__load_vmlinux_btf();
	fd = open(KBTF_PATH, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return __real_btf__load_vmlinux_btf();
	if (fstat(fd, &st) || st.st_size <= 0)
		goto fallback;
	data = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (data == MAP_FAILED)
		goto fallback;	/* before Linux 6.16 */
	heap_prefault(st.st_size);
	btf = btf__new(data, st.st_size);
	heap_restore();
	munmap(data, st.st_size);
	if (btf) {	/* libbpf 1.x: NULL and errno on failure */
		close(fd);
		return btf;
	}
fallback:
	close(fd);
	return __real_btf__load_vmlinux_btf();
}
