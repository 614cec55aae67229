// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* I/O beyond read/write: iovec arrays (readv, writev, preadv ...), poll and ppoll, pipe fds,
 * wait4's status. */
#include <string.h>
#include "decode/families/family.h"

#define POLLFD_MAX	64	/* pollfds captured (8 bytes each) */

/*
 * [{iov_base="hello", iov_len=5}, ...] of the n so_iov entries at v (the call gave total) with
 * their bytes after them, len bytes in all: at most max elements (strace's limit for arrays,
 * -s), each element's bytes cut at -s; addrs: the addresses only (a failed readv).
 */
void sb_iovec(struct sb *b, const uint8_t *v, size_t len, uint32_t n, uint64_t total,
	      bool addrs, unsigned int max)
{
	const uint8_t *p = v + (size_t)n * sizeof(struct so_iov), *end = v + len;
	unsigned int i;

	sb_putc(b, '[');
	for (i = 0; i < n && i < max; i++) {
		struct so_iov e;

		memcpy(&e, v + i * sizeof(e), sizeof(e));
		if (i)
			sb_puts(b, ", ");
		sb_puts(b, "{iov_base=");
		if (addrs || !e.base || (e.flags & SO_IOV_FAULT) || e.shown > (size_t)(end - p)) {
			sb_ptr(b, e.base);
		} else {
			sb_quoted(b, p, e.shown < max ? e.shown : max,
				  (e.flags & SO_IOV_TRUNC) || e.shown > max, false, false);
			p += e.shown;
		}
		sb_puts(b, ", iov_len=");
		sb_u64(b, e.len);
		sb_putc(b, '}');
	}
	if (total > i)
		sb_puts(b, i ? ", ..." : "...");
	sb_putc(b, ']');
}

/* readv shows only what the call put in each element, a failed readv the addresses. */
static void set_iovec(struct decoder *d, struct call *c, struct darg *a, bool out)
{
	const struct so_cap *cap = a->cap;
	unsigned int n;
	struct sb b;

	if (!cap || (cap->flags & SO_CAP_FAULT))
		return;
	n = cap->total < SO_IOV_MAX ? cap->total : SO_IOV_MAX;
	if (cap->len < n * sizeof(struct so_iov))
		return;
	b = dec_begin(d);
	sb_iovec(&b, a->data, cap->len, n, cap->total, out && c->ret < 0, d->opts.strsize);
	dec_end(d, a, &b);
}

static void dec_writev(struct decoder *d, struct call *c)
{
	set_iovec(d, c, &c->arg[1], false);
}

static void dec_readv(struct decoder *d, struct call *c)
{
	set_iovec(d, c, &c->arg[1], true);
}

/* preadv(fd, iov, cnt, offset): the offset's high half (pos_h) is not shown */
static void dec_pwritev(struct decoder *d, struct call *c)
{
	set_iovec(d, c, &c->arg[1], false);
	c->nargs = 4;
}

static void dec_preadv(struct decoder *d, struct call *c)
{
	set_iovec(d, c, &c->arg[1], true);
	c->nargs = 4;
}

/* preadv2(fd, iov, cnt, offset, flags) */
static void dec_rwv2(struct decoder *d, struct call *c, bool out)
{
	struct sb b;

	set_iovec(d, c, &c->arg[1], out);
	b = dec_begin(d);
	sb_flags_u(&b, &xt_rwf_flags, (uint32_t)c->arg[5].raw, "RWF_???");
	dec_end(d, &c->arg[4], &b);
	c->arg[4].raw = c->arg[5].raw;
	c->nargs = 5;
}

static void dec_preadv2(struct decoder *d, struct call *c)
{
	dec_rwv2(d, c, true);
}

static void dec_pwritev2(struct decoder *d, struct call *c)
{
	dec_rwv2(d, c, false);
}

struct pollfd_v {
	int32_t fd;
	int16_t events;
	int16_t revents;
};

static void sb_pollev(struct sb *b, uint16_t ev)
{
	sb_flags(b, &xt_poll_events, ev, NULL);
}

/*
 * poll's array, [{fd=0, events=POLLIN}] (read at exit: the events are the caller's, the
 * revents the kernel's), and the return text: "1 ([{fd=0, revents=POLLIN}])", "0 (Timeout)".
 * left: ppoll's timespec, which at exit holds the time left.
 */
static void pollfds(struct decoder *d, struct call *c, const struct darg *left)
{
	struct darg *a = &c->arg[0];
	uint32_t nfds = c->arg[1].raw;
	const struct pollfd_v *pf = dec_struct(a, 0);
	unsigned int n, i, k, max = d->opts.strsize;
	struct pollfd_v e;
	struct sb b;

	if (!pf) {
		if (c->kind == CALL_DONE && c->ret == 0) {
			b = dec_begin(d);
			sb_puts(&b, "0 (Timeout)");
			dec_end_ret(d, c, &b);
		}
		return;
	}
	n = a->cap->len / sizeof(e);
	b = dec_begin(d);
	sb_putc(&b, '[');
	for (i = 0; i < n && i < max; i++) {
		memcpy(&e, &pf[i], sizeof(e));
		if (i)
			sb_puts(&b, ", ");
		sb_puts(&b, "{fd=");
		sb_i64(&b, e.fd);
		sb_puts(&b, ", events=");
		sb_pollev(&b, e.events);
		sb_putc(&b, '}');
	}
	if (nfds > i)
		sb_puts(&b, i ? ", ..." : "...");
	sb_putc(&b, ']');
	dec_end(d, a, &b);

	if (c->kind != CALL_DONE || c->ret < 0)
		return;
	b = dec_begin(d);
	sb_i64(&b, c->ret);
	if (c->ret == 0) {
		sb_puts(&b, " (Timeout)");
		dec_end_ret(d, c, &b);
		return;
	}
	sb_puts(&b, " ([");
	for (i = 0, k = 0; i < n; i++) {
		memcpy(&e, &pf[i], sizeof(e));
		if (!e.revents)
			continue;
		if (k == max) {
			sb_puts(&b, ", ...");
			break;
		}
		if (k++)
			sb_puts(&b, ", ");
		sb_puts(&b, "{fd=");
		sb_i64(&b, e.fd);
		sb_puts(&b, ", revents=");
		sb_pollev(&b, e.revents);
		sb_putc(&b, '}');
	}
	sb_putc(&b, ']');
	if (left) {
		const int64_t *ts = dec_struct(left, TIMESPEC_SIZE);

		if (ts) {
			sb_puts(&b, ", left {tv_sec=");
			sb_i64(&b, ts[0]);
			sb_puts(&b, ", tv_nsec=");
			sb_i64(&b, ts[1]);
			sb_putc(&b, '}');
		}
	}
	sb_putc(&b, ')');
	dec_end_ret(d, c, &b);
}

static void dec_poll(struct decoder *d, struct call *c)
{
	pollfds(d, c, NULL);
}

/* ppoll's timeout is read at exit, when the kernel has replaced it with the time left: it
 * shows only in the return text, as strace's "left"; the argument stays an address. */
static void dec_ppoll(struct decoder *d, struct call *c)
{
	pollfds(d, c, &c->arg[2]);
}

/* pipe2([3, 4], O_CLOEXEC) */
static void dec_pipe2(struct decoder *d, struct call *c)
{
	struct sb b;

	dec_fd_pair(d, c, &c->arg[0]);
	if (c->nargs < 2)
		return;
	b = dec_begin(d);
	sb_flags(&b, &xt_open_flags, (uint32_t)c->arg[1].raw, NULL);
	dec_end(d, &c->arg[1], &b);
}

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 3}] and the other forms of strace's printstatus */
static void sb_wstatus(struct sb *b, uint32_t s)
{
	sb_puts(b, "[{");
	if ((s & 0xff) == 0x7f) {
		sb_puts(b, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		sb_signal(b, (s >> 8) & 0xff);
		s &= ~0xffffu;
	} else if (s == 0xffff) {
		sb_puts(b, "WIFCONTINUED(s)");
		s = 0;
	} else if (s & 0x7f) {
		sb_puts(b, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		sb_signal(b, s & 0x7f);
		if (s & 0x80)
			sb_puts(b, " && WCOREDUMP(s)");
		s &= ~0xffu;
	} else {
		sb_puts(b, "WIFEXITED(s) && WEXITSTATUS(s) == ");
		sb_u64(b, (s >> 8) & 0xff);
		s &= ~0xffffu;
	}
	sb_putc(b, '}');
	if (s) {
		sb_puts(b, " | ");
		sb_hex(b, s);
	}
	sb_putc(b, ']');
}

static void dec_wait4(struct decoder *d, struct call *c)
{
	const uint32_t *st = dec_struct(&c->arg[1], 4);
	struct sb b;

	if (st && c->ret > 0) {
		b = dec_begin(d);
		sb_wstatus(&b, *st);
		dec_end(d, &c->arg[1], &b);
	}
	b = dec_begin(d);
	sb_flags(&b, &xt_wait_options, (uint32_t)c->arg[2].raw, NULL);
	dec_end(d, &c->arg[2], &b);
	dec_rusage(d, c, &c->arg[3]);
}

/* waitid(P_PID, 42, infop, WEXITED, rusage): the id type and the options (infop and rusage
 * stay addresses) */
static void dec_waitid(struct decoder *d, struct call *c)
{
	set_enum(d, &c->arg[0], &xt_waitid_idtypes, (uint32_t)c->arg[0].raw, "P_???");
	set_flags(d, &c->arg[3], &xt_waitid_options, NULL);
}

const struct dec_entry dec_io_table[] = {
	{ "waitid", dec_waitid },
	{ "readv", dec_readv, { { 1, SO_CK_IOV_OUT, 2, 0 } } },
	{ "writev", dec_writev, { { 1, SO_CK_IOV_IN, 2, 0 } } },
	{ "preadv", dec_preadv, { { 1, SO_CK_IOV_OUT, 2, 0 } } },
	{ "pwritev", dec_pwritev, { { 1, SO_CK_IOV_IN, 2, 0 } } },
	{ "preadv2", dec_preadv2, { { 1, SO_CK_IOV_OUT, 2, 0 } } },
	{ "pwritev2", dec_pwritev2, { { 1, SO_CK_IOV_IN, 2, 0 } } },
	{ "poll", dec_poll, { { 0, SO_CK_POLLFD, 1, POLLFD_MAX * 8 } } },
	{ "ppoll", dec_ppoll, {
		{ 0, SO_CK_POLLFD, 1, POLLFD_MAX * 8 },
		{ 2, SO_CK_STRUCT_OUT, 0, TIMESPEC_SIZE } } },
	{ "pipe", dec_pipe2, { { 0, SO_CK_STRUCT_OUT, 0, 8 } } },
	{ "pipe2", dec_pipe2, { { 0, SO_CK_STRUCT_OUT, 0, 8 } } },
	{ "wait4", dec_wait4, {
		{ 1, SO_CK_STRUCT_OUT, 0, 4 },
		{ 3, SO_CK_STRUCT_OUT, 0, RUSAGE_SIZE } } },
	{ NULL },
};
