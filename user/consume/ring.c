// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <linux/bpf.h>
#include "consume/ring.h"

/* How often the consumer position is published while draining: 1/16 of the ring. */
#define PUBLISH_SHIFT	4

int ring__open(struct ring *r, int map_fd, size_t size, ring_fn fn, void *ctx)
{
	void *p;

	memset(r, 0, sizeof(*r));
	r->fd = map_fd;
	r->wake_fd = -1;
	r->size = size;
	r->page = sysconf(_SC_PAGESIZE);
	r->fn = fn;
	r->ctx = ctx;
	p = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	r->consumer = p;
	/* the producer page and the data, once */
	p = mmap(NULL, r->page + size, PROT_READ, MAP_SHARED, map_fd, r->page);
	if (p == MAP_FAILED) {
		int err = -errno;

		munmap(r->consumer, r->page);
		r->consumer = NULL;
		return err;
	}
	r->producer = p;
	r->data = (const uint8_t *)p + r->page;
	r->cons = __atomic_load_n(r->consumer, __ATOMIC_ACQUIRE);
	r->bounce = malloc(size);
	if (!r->bounce) {
		ring__close(r);
		return -ENOMEM;
	}
	return 0;
}

static int ring_drain(struct ring *r)
{
	uint64_t prod, mask = r->size - 1, published = r->cons;
	int n = 0, err;

	prod = __atomic_load_n(r->producer, __ATOMIC_ACQUIRE);
	while (r->cons < prod) {
		const uint32_t *hdr = (const uint32_t *)(r->data + (r->cons & mask));
		uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE), rec_len;
		size_t off, first;
		const uint8_t *sample;

		if (len & BPF_RINGBUF_BUSY_BIT)
			break;	/* reserved, not yet submitted: it will be there next time */
		rec_len = len & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
		if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
			off = (r->cons + BPF_RINGBUF_HDR_SZ) & mask;
			sample = r->data + off;
			if (off + rec_len > r->size) {
				first = r->size - off;
				memcpy(r->bounce, sample, first);
				memcpy(r->bounce + first, r->data, rec_len - first);
				sample = r->bounce;
			}
			err = r->fn(r->ctx, sample, rec_len);
			n++;
			if (err) {
				__atomic_store_n(r->consumer, r->cons, __ATOMIC_RELEASE);
				return err;
			}
		}
		r->cons += (rec_len + BPF_RINGBUF_HDR_SZ + 7) & ~7ull;
		if (r->cons - published >= (r->size >> PUBLISH_SHIFT)) {
			__atomic_store_n(r->consumer, r->cons, __ATOMIC_RELEASE);
			published = r->cons;
		}
		if (r->cons >= prod)
			prod = __atomic_load_n(r->producer, __ATOMIC_ACQUIRE);
	}
	__atomic_store_n(r->consumer, r->cons, __ATOMIC_RELEASE);
	return n;
}

int ring__poll(struct ring *r, int timeout_ms)
{
	struct pollfd pfd[2] = {
		{ .fd = r->fd, .events = POLLIN },
		{ .fd = r->wake_fd, .events = POLLIN },
	};

	if (timeout_ms && poll(pfd, r->wake_fd >= 0 ? 2 : 1, timeout_ms) < 0 && errno != EINTR)
		return -errno;
	/* once only: it stays readable, and what it announced is now being looked at */
	if (r->wake_fd >= 0 && pfd[1].revents)
		r->wake_fd = -1;
	return ring_drain(r);
}

void ring__wake_on(struct ring *r, int fd)
{
	r->wake_fd = fd;
}

void ring__close(struct ring *r)
{
	if (r->producer)
		munmap((void *)r->producer, r->page + r->size);
	if (r->consumer)
		munmap(r->consumer, r->page);
	free(r->bounce);
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->wake_fd = -1;
}
