// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Messages on sockets: struct msghdr (sendmsg, recvmsg) and arrays of struct mmsghdr
 * (sendmmsg, recvmmsg), with the address, the iovec and its bytes, and the control messages
 * (SCM_RIGHTS, SCM_CREDENTIALS, SOL_IP's ints), as strace prints them. The kernel sends one
 * so_msg block per msghdr (sysobs.h).
 */
#define _GNU_SOURCE	/* SCM_CREDENTIALS */
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "decode/families/family.h"

#define CMSG_HDR	16	/* struct cmsghdr on x86-64: len (8), level, type */

/* One so_msg block of a capture, its parts located. */
struct msg_view {
	struct so_msg h;
	const uint8_t *name, *ctl, *iov;
};

static size_t pad8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* The block at p (left bytes); its size, 0 when it does not fit. */
static size_t msg_block(const uint8_t *p, size_t left, struct msg_view *m)
{
	size_t n = sizeof(m->h);

	if (left < n)
		return 0;
	memcpy(&m->h, p, n);
	m->name = p + n;
	n += pad8(m->h.name_shown);
	m->ctl = p + n;
	n += pad8(m->h.ctl_shown);
	m->iov = p + n;
	n += pad8((size_t)m->h.iov_n * sizeof(struct so_iov) + m->h.iov_bytes);
	return n <= left ? n : 0;
}

/* A control message's data strace shows: fds, credentials, SOL_IP's ints and bytes. */
static void sb_cmsg_data(struct sb *b, int level, int type, const uint8_t *p, size_t n,
			 unsigned int max)
{
	int32_t v[3];
	size_t i;

	if (level == SOL_SOCKET && type == SCM_RIGHTS && n >= sizeof(int)) {
		sb_puts(b, ", cmsg_data=[");
		for (i = 0; i < n / sizeof(int); i++) {
			if (i)
				sb_puts(b, ", ");
			if (i >= max) {
				sb_puts(b, "...");
				break;
			}
			memcpy(v, p + i * sizeof(int), sizeof(int));
			sb_i64(b, v[0]);
		}
		sb_putc(b, ']');
	} else if (level == SOL_SOCKET && type == SCM_CREDENTIALS && n >= sizeof(v)) {
		memcpy(v, p, sizeof(v));
		sb_puts(b, ", cmsg_data={pid=");
		sb_i64(b, v[0]);
		sb_puts(b, ", uid=");
		sb_u64(b, (uint32_t)v[1]);
		sb_puts(b, ", gid=");
		sb_u64(b, (uint32_t)v[2]);
		sb_putc(b, '}');
	} else if (level == SOL_IP && type == IP_TTL &&
		   n >= sizeof(int)) {
		memcpy(v, p, sizeof(int));
		sb_puts(b, ", cmsg_data=[");
		sb_i64(b, v[0]);
		sb_putc(b, ']');
	} else if (level == SOL_IP && type == IP_TOS && n >= 1) {
		sb_puts(b, ", cmsg_data=[");
		sb_hex(b, p[0]);
		sb_putc(b, ']');
	}
}

/* One control message's fields; data: the bytes after its header that were read. */
static void sb_cmsg(struct sb *b, const uint8_t *p, size_t data, unsigned int max)
{
	uint64_t len;
	int32_t level, type;

	memcpy(&len, p, 8);
	memcpy(&level, p + 8, 4);
	memcpy(&type, p + 12, 4);
	sb_puts(b, "{cmsg_len=");
	sb_u64(b, len);
	sb_puts(b, ", cmsg_level=");
	sb_enum(b, &xt_socket_levels, (uint32_t)level, "SOL_???");
	sb_puts(b, ", cmsg_type=");
	if (level == SOL_SOCKET)
		sb_enum(b, &xt_scm_types, (uint32_t)type, "SCM_???");
	else if (level == SOL_IP)
		sb_enum(b, &xt_ip_options, (uint32_t)type, "IP_???");
	else
		sb_hex(b, (uint32_t)type);
	if (len > CMSG_HDR)
		sb_cmsg_data(b, level, type, p + CMSG_HDR,
			     len - CMSG_HDR < data ? len - CMSG_HDR : data, max);
	sb_putc(b, '}');
}

/* msg_control: [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, ...}, ...] */
static void sb_cmsgs(struct sb *b, const struct msg_view *m, unsigned int max)
{
	const uint8_t *p = m->ctl;
	size_t left = m->h.ctl_shown;

	if ((m->h.status & SO_MSG_CTL_FAULT) || left < CMSG_HDR) {
		sb_ptr(b, m->h.control);
		return;
	}
	sb_putc(b, '[');
	while (left >= CMSG_HDR) {
		uint64_t len, step;

		if (p != m->ctl)
			sb_puts(b, ", ");
		sb_cmsg(b, p, left - CMSG_HDR, max);
		memcpy(&len, p, 8);
		if (len < CMSG_HDR) {
			left -= CMSG_HDR;
			break;
		}
		step = (len + 7) & ~7ull;
		if (step >= left) {
			left = 0;
			break;
		}
		p += step;
		left -= step;
	}
	if (left || m->h.ctl_shown < m->h.controllen)
		sb_puts(b, ", ...");
	sb_putc(b, ']');
}

/* {msg_name=..., msg_namelen=16, msg_iov=[...], msg_iovlen=1, msg_controllen=0, msg_flags=0}
 * addrs: the iovec's addresses only (nothing was received). */
static void sb_msghdr(struct decoder *d, struct sb *b, const struct msg_view *m, bool addrs)
{
	const struct so_msg *h = &m->h;

	sb_puts(b, "{msg_name=");
	if (h->name && (int32_t)h->namelen >= 2 && h->name_shown >= 2)
		sb_sockaddr(b, m->name, h->name_shown);
	else
		sb_ptr(b, h->name);
	sb_puts(b, ", msg_namelen=");
	sb_i64(b, (int32_t)h->namelen);
	sb_puts(b, ", msg_iov=");
	if (!h->iov || (h->status & SO_MSG_IOV_FAULT))
		sb_ptr(b, h->iov);
	else
		sb_iovec(b, m->iov, (size_t)h->iov_n * sizeof(struct so_iov) + h->iov_bytes,
			 h->iov_n, h->iovlen, addrs, d->opts.strsize);
	sb_puts(b, ", msg_iovlen=");
	sb_u64(b, h->iovlen);
	if (h->controllen) {
		sb_puts(b, ", msg_control=");
		sb_cmsgs(b, m, d->opts.strsize);
	}
	sb_puts(b, ", msg_controllen=");
	sb_u64(b, h->controllen);
	sb_puts(b, ", msg_flags=");
	sb_flags(b, &xt_msg_flags, h->flags, NULL);
	sb_putc(b, '}');
}

/* The one block of a msghdr capture, NULL when there is none to show. */
static bool msg_first(const struct darg *a, struct msg_view *m)
{
	if (!a->cap || (a->cap->flags & SO_CAP_FAULT) || !msg_block(a->data, a->cap->len, m))
		return false;
	return !(m->h.status & SO_MSG_FAULT);
}

static void set_flags_arg(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_flags(&b, &xt_msg_flags, (uint32_t)a->raw, NULL);
	dec_end(d, a, &b);
}

static void dec_sendmsg(struct decoder *d, struct call *c)
{
	struct msg_view m;
	struct sb b;

	set_flags_arg(d, &c->arg[2]);
	if (!msg_first(&c->arg[1], &m))
		return;
	b = dec_begin(d);
	sb_msghdr(d, &b, &m, false);
	dec_end(d, &c->arg[1], &b);
}

/* A failed recvmsg shows only what the caller gave: {msg_namelen=16} */
static void dec_recvmsg(struct decoder *d, struct call *c)
{
	struct msg_view m;
	struct sb b;

	set_flags_arg(d, &c->arg[2]);
	if (!msg_first(&c->arg[1], &m))
		return;
	b = dec_begin(d);
	if (c->ret < 0) {
		sb_puts(&b, "{msg_namelen=");
		sb_i64(&b, (int32_t)m.h.namelen);
		sb_putc(&b, '}');
	} else {
		sb_msghdr(d, &b, &m, false);
	}
	dec_end(d, &c->arg[1], &b);
}

/* [{msg_hdr={...}, msg_len=5}, ...]: msg_len for the entries the call handled (ret). */
static void set_mmsgs(struct decoder *d, struct call *c, struct darg *a)
{
	const uint8_t *p = a->data;
	size_t left, n;
	struct msg_view m;
	unsigned int i;
	struct sb b;

	if (!a->cap || (a->cap->flags & SO_CAP_FAULT))
		return;
	left = a->cap->len;
	b = dec_begin(d);
	sb_putc(&b, '[');
	for (i = 0; i < a->cap->total; i++) {
		if (i)
			sb_puts(&b, ", ");
		n = msg_block(p, left, &m);
		if (!n || i >= d->opts.strsize) {
			sb_puts(&b, "...");
			break;
		}
		sb_puts(&b, "{msg_hdr=");
		if (m.h.status & SO_MSG_FAULT)
			sb_puts(&b, "...");
		else
			sb_msghdr(d, &b, &m, false);
		if (c->ret >= 0 && i < (uint64_t)c->ret) {
			sb_puts(&b, ", msg_len=");
			sb_u64(&b, m.h.msg_len);
		}
		sb_putc(&b, '}');
		p += n;
		left -= n;
	}
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}

static void dec_mmsg(struct decoder *d, struct call *c)
{
	set_flags_arg(d, &c->arg[3]);
	set_mmsgs(d, c, &c->arg[1]);
}

const struct dec_entry dec_msg_table[] = {
	{ "sendmsg", dec_sendmsg, { { 1, SO_CK_MSG_IN, 0, 0 } } },
	{ "recvmsg", dec_recvmsg, { { 1, SO_CK_MSG_OUT, 0, 0 } } },
	{ "sendmmsg", dec_mmsg, { { 1, SO_CK_MMSG_IN, 2, 0 } } },
	{ "recvmmsg", dec_mmsg, { { 1, SO_CK_MMSG_OUT, 0, 0 } } },
	{ NULL },
};
