/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Our own reader of the BPF ring buffer map (instead of libbpf's ring_buffer__*):
 *  - it tells the kernel how far it has read once per batch, not once per record: the
 *    consumer position shares a cache line the producer reads on every reservation, and
 *    moving it per record costs the traced process a cross-CPU cache miss per syscall;
 *  - it maps the data area once, not twice: the kernel maps every page of the ring into the
 *    reader at mmap time, so a double mapping counted the ring twice in sysobs's RSS. A record
 *    that wraps around the end is copied into a bounce buffer instead.
 */
#ifndef SYSOBS_RING_H
#define SYSOBS_RING_H

#include <stddef.h>
#include <stdint.h>

typedef int (*ring_fn)(void *ctx, const void *data, size_t size);

struct ring {
	int fd;
	size_t size;		/* data area, a power of two */
	size_t page;
	uint64_t *consumer;	/* RW page: consumer position */
	const uint64_t *producer;	/* RO: producer position, then the data */
	const uint8_t *data;
	uint64_t cons;		/* our position */
	uint8_t *bounce;	/* a wrapped record, made contiguous */
	ring_fn fn;
	void *ctx;
	int wake_fd;		/* also polled, once: readable ends the wait early; -1: none */
};

int ring__open(struct ring *r, int map_fd, size_t size, ring_fn fn, void *ctx);
/* Wait up to timeout_ms for a wakeup (or not at all), then hand every ready record to fn.
 * Returns the number of records, or -errno. */
int ring__poll(struct ring *r, int timeout_ms);
/* Let fd (a pidfd) end ring__poll's wait once, when it becomes readable; -1: none. */
void ring__wake_on(struct ring *r, int fd);
void ring__close(struct ring *r);

#endif /* SYSOBS_RING_H */
