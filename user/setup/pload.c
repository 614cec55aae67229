// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include "setup/pload.h"

#define PLOAD_MIN_INSNS	1000	/* smaller programs verify in about the time a thread costs */

int __real_bpf_prog_load(enum bpf_prog_type type, const char *name, const char *license,
			 const struct bpf_insn *insns, size_t cnt,
			 const struct bpf_prog_load_opts *opts);
int __wrap_bpf_prog_load(enum bpf_prog_type type, const char *name, const char *license,
			 const struct bpf_insn *insns, size_t cnt,
			 const struct bpf_prog_load_opts *opts);
int __real_bpf_map_create(enum bpf_map_type type, const char *name, __u32 key_size,
			  __u32 value_size, __u32 max_entries,
			  const struct bpf_map_create_opts *opts);
int __wrap_bpf_map_create(enum bpf_map_type type, const char *name, __u32 key_size,
			  __u32 value_size, __u32 max_entries,
			  const struct bpf_map_create_opts *opts);

/* One load in a thread: its arguments (libbpf keeps insns and what opts points to until the
 * object is closed; opts itself is on libbpf's stack, so it is copied) and its result. */
static struct {
	bool armed, busy;
	pthread_t th;
	int placeholder;
	int err;
	enum bpf_prog_type type;
	const char *name, *license;
	const struct bpf_insn *insns;
	size_t cnt;
	struct bpf_prog_load_opts opts;
} pl;

/* The ring map, created by a thread from before the object is opened; fd once joined. */
static struct {
	bool busy;
	pthread_t th;
	const char *name;
	__u32 size;
	int fd;
} ring = { .fd = -1 };

static void *ring_thread(void *arg)
{
	ring.fd = __real_bpf_map_create(BPF_MAP_TYPE_RINGBUF, ring.name, 0, 0, ring.size, NULL);
	return NULL;
}

void pload__ring_early(const char *name, __u32 size)
{
	if (getenv("SYSOBS_SERIAL_LOAD") || ring.busy || ring.fd >= 0)
		return;
	ring.name = name;
	ring.size = size;
	ring.busy = !pthread_create(&ring.th, NULL, ring_thread, NULL);
}

/* The early ring's fd (now the caller's), or -1. */
static int ring_take(void)
{
	int fd;

	if (ring.busy) {
		pthread_join(ring.th, NULL);
		ring.busy = false;
	}
	fd = ring.fd;
	ring.fd = -1;
	return fd;
}

int __wrap_bpf_map_create(enum bpf_map_type type, const char *name, __u32 key_size,
			  __u32 value_size, __u32 max_entries,
			  const struct bpf_map_create_opts *opts)
{
	int fd;

	if (type == BPF_MAP_TYPE_RINGBUF && ring.name && name && !strcmp(name, ring.name) &&
	    max_entries == ring.size && (fd = ring_take()) >= 0)
		return fd;
	return __real_bpf_map_create(type, name, key_size, value_size, max_entries, opts);
}

void pload__arm(bool on)
{
	pl.armed = on && !getenv("SYSOBS_SERIAL_LOAD");
}

static void *load_thread(void *arg)
{
	int fd = __real_bpf_prog_load(pl.type, pl.name, pl.license, pl.insns, pl.cnt, &pl.opts);

	if (fd < 0) {
		pl.err = -errno;
		return NULL;
	}
	if (dup3(fd, pl.placeholder, O_CLOEXEC) < 0)
		pl.err = -errno;
	close(fd);
	return NULL;
}

int __wrap_bpf_prog_load(enum bpf_prog_type type, const char *name, const char *license,
			 const struct bpf_insn *insns, size_t cnt,
			 const struct bpf_prog_load_opts *opts)
{
	if (!pl.armed || pl.busy || type != BPF_PROG_TYPE_TRACING || cnt < PLOAD_MIN_INSNS ||
	    !opts || opts->sz > sizeof(pl.opts) || (opts->log_level && opts->log_buf))
		return __real_bpf_prog_load(type, name, license, insns, cnt, opts);
	pl.placeholder = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (pl.placeholder < 0)
		return __real_bpf_prog_load(type, name, license, insns, cnt, opts);
	pl.type = type;
	pl.name = name;
	pl.license = license;
	pl.insns = insns;
	pl.cnt = cnt;
	memset(&pl.opts, 0, sizeof(pl.opts));
	memcpy(&pl.opts, opts, opts->sz);
	pl.opts.sz = sizeof(pl.opts);
	pl.err = 0;
	if (pthread_create(&pl.th, NULL, load_thread, NULL)) {
		close(pl.placeholder);
		return __real_bpf_prog_load(type, name, license, insns, cnt, opts);
	}
	pl.busy = true;
	return pl.placeholder;
}

int pload__wait(void)
{
	int fd = ring_take();

	if (fd >= 0)
		close(fd);	/* libbpf did not ask for it (it failed before) */
	ring.name = NULL;
	pl.armed = false;
	if (!pl.busy)
		return 0;
	pthread_join(pl.th, NULL);
	pl.busy = false;
	return pl.err;
}
