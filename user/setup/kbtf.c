// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The kernel's BTF, loaded fast. libbpf needs it at every start (the attach ids of the tp_btf
 * programs, the CO-RE relocations), and libbpf 1.1 reads /sys/kernel/btf/vmlinux (~5 MB)
 * through stdio: ~1,350 reads of 4 KiB into one fresh buffer, then a copy into a second one.
 * That was half of `sysobs -- /bin/true` (tests/bench/README.md).
 *
 * The link wraps btf__load_vmlinux_btf (-Wl,--wrap in the Makefile). Linux 6.16+ lets the file
 * be mapped; the mapping is then lent to libbpf in place of the copy btf__new makes: its one
 * malloc of the file's size gets the mapping (malloc and free are wrapped for that, a pointer
 * compare each), and its memcpy from the mapping to itself writes nothing (checked once, under
 * a SIGSEGV guard, before lending). No fresh page is written: on a VM where first touching a
 * page costs tens of µs (tests/bench/README.md) that is most of what loading the BTF cost.
 * libbpf only reads the data it parsed; its btf__free gives the mapping back. The parse is
 * libbpf's own (btf__new), so the result is the same object. Anything that fails falls back to
 * a copy into a pre-faulted heap, and that to libbpf's own path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <bpf/btf.h>
#include "setup/kbtf.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE	23	/* Linux 5.14 */
#endif

#define KBTF_PATH		"/sys/kernel/btf/vmlinux"

/* AddressSanitizer's memcpy reports a copy onto itself as an overlap: no lending under it */
#if defined(__SANITIZE_ADDRESS__)
#define LEND_OK		0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEND_OK		0
#endif
#endif
#ifndef LEND_OK
#define LEND_OK		1
#endif
#define MALLOC_DEFAULT_THRESHOLD	(128 * 1024)	/* glibc's M_MMAP_/M_TRIM_THRESHOLD */
#define PAGE_ALIGN_UP(p, pg)	(((uintptr_t)(p) + (pg) - 1) & ~((uintptr_t)(pg) - 1))

struct btf *__real_btf__load_vmlinux_btf(void);
struct btf *__wrap_btf__load_vmlinux_btf(void);
void *__real_malloc(size_t size);
void *__wrap_malloc(size_t size);
void __real_free(void *p);
void __wrap_free(void *p);

/* The mapping lent to btf__new: its next malloc of exactly lent_size (armed) returns it. */
static void *lent;
static size_t lent_size;
static bool lent_armed;

void *__wrap_malloc(size_t size)
{
	if (lent_armed && size == lent_size) {
		lent_armed = false;
		return lent;
	}
	return __real_malloc(size);
}

void __wrap_free(void *p)
{
	if (p && p == lent) {
		munmap(lent, lent_size);
		lent = NULL;
		return;
	}
	__real_free(p);
}

static sigjmp_buf copy_fault;

static void on_copy_fault(int sig)
{
	siglongjmp(copy_fault, 1);
}

/* Does memcpy(p, p, size) leave the read-only p alone (glibc's does: source == destination
 * returns at once)? Tried on the mapping itself, a fault caught. */
static bool self_copy_writes_nothing(void *p, size_t size)
{
	void *(*volatile copy)(void *, const void *, size_t) = memcpy;
	struct sigaction sa = { .sa_handler = on_copy_fault }, old;
	bool ok = false;

	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, &old))
		return false;
	if (!sigsetjmp(copy_fault, 1)) {
		copy(p, p, size);
		ok = true;
	}
	sigaction(SIGSEGV, &old, NULL);
	return ok;
}

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

/* btf__new over the mapping itself. *taken: libbpf took the mapping (its btf__free, or the
 * failed btf__new, gives it back); otherwise it is still the caller's. */
static struct btf *btf_in_place(void *data, size_t size, bool *taken)
{
	struct btf *btf;

	*taken = false;
	if (!LEND_OK || getenv("SYSOBS_COPY_BTF") || !self_copy_writes_nothing(data, size))
		return NULL;
	lent = data;
	lent_size = size;
	lent_armed = true;
	btf = btf__new(data, size);
	*taken = !lent_armed;
	lent_armed = false;
	if (!*taken)
		lent = NULL;	/* another malloc took its place: btf has a copy of its own */
	return btf;
}

struct btf *__wrap_btf__load_vmlinux_btf(void)
{
	struct btf *btf = NULL;
	bool taken;
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
	close(fd);
	btf = btf_in_place(data, st.st_size, &taken);
	if (!taken) {
		if (!btf) {
			heap_prefault(st.st_size);
			btf = btf__new(data, st.st_size);
			heap_restore();
		}
		munmap(data, st.st_size);
	}
	/* libbpf 1.x: NULL and errno on failure */
	return btf ? btf : __real_btf__load_vmlinux_btf();
fallback:
	close(fd);
	return __real_btf__load_vmlinux_btf();
}
