/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * struct msghdr and arrays of struct mmsghdr (sendmsg, recvmsg, sendmmsg, recvmmsg): three
 * levels of user memory. The msghdr names the address, the control data and the iovec array;
 * the array names the bytes. Each msghdr becomes one so_msg block (sysobs.h) in the record.
 */
#ifndef MSG_BPF_H
#define MSG_BPF_H

#include "capmem.bpf.h"

/* A block's fixed part: the so_msg, the name and the control data at their largest. */
#define MSG_FIXED	(sizeof(struct so_msg) + SO_MSG_NAME_MAX + SO_MSG_CTL_MAX)
#define MMSG_STRIDE	sizeof(struct mmsghdr)
#define MMSG_LEN_OFF	__builtin_offsetof(struct mmsghdr, msg_len)

_Static_assert(sizeof(struct user_msghdr) == 56 && MMSG_STRIDE == 64,
	       "the x86-64 msghdr and mmsghdr layouts");
_Static_assert(SO_MSG_NAME_MAX <= 255 && SO_MSG_CTL_MAX <= 2047,
	       "the masks of the name and control reads");
_Static_assert(sizeof(struct so_sys) + sizeof(struct so_cap) + MSG_FIXED +
	       SO_IOV_MAX * sizeof(struct so_iov) + SO_IOV_BYTES <= SO_SCRATCH_SIZE,
	       "no room for a whole msghdr block");

/* len bytes of user memory at ptr to scratch at off (len at most mask); the bytes read. */
static __always_inline __u32 msg_part(struct scratch *s, __u32 off, __u64 ptr, __u64 len,
				      __u32 max, __u32 mask, __u32 *status, __u32 fault)
{
	__u32 n = len < max ? len : max;

	if (!ptr || !n)
		return 0;
	if (bpf_probe_read_user(&s->buf[bound(off, SO_SCRATCH_SIZE - 1)], bound(n, mask),
				(void *)ptr) < 0) {
		*status |= fault;
		return 0;
	}
	return n;
}

/* The iovec part of a block at off: as many elements and bytes as the record has room for. */
static __always_inline __u32 msg_iov(struct so_msg *h, __u32 off, __u64 left)
{
	struct iov_ctx x = { .ptr = h->iov, .left = left, .ent = off };
	__u32 room = off < SO_SCRATCH_SIZE ? SO_SCRATCH_SIZE - off : 0;
	__u64 n = h->iovlen < SO_IOV_MAX ? h->iovlen : SO_IOV_MAX;

	if (n * sizeof(struct so_iov) + 8 > room)
		n = room > 8 ? (room - 8) / sizeof(struct so_iov) : 0;
	if (!h->iov || !n)
		return off;
	x.n = n;
	x.data = off + x.n * sizeof(struct so_iov);
	room -= x.n * sizeof(struct so_iov) + 8;
	x.budget = room < SO_IOV_BYTES ? room : SO_IOV_BYTES;
	if (!iov_walk_with(&x))
		x.fault = 1;
	if (x.fault) {
		h->status |= SO_MSG_IOV_FAULT;
		return off;
	}
	h->iov_n = x.n;
	h->iov_bytes = x.data - x.ent;
	return (x.data + 7) & ~7u;
}

/*
 * One so_msg block at off for the msghdr at ptr, its bytes up to left (msg_len: the mmsghdr's,
 * kept in the block). Returns the offset after it, -1 when there is no room. Global: the
 * verifier checks it once, whichever call and array entry it is for.
 */
__noinline int msg_one(struct scratch *s, __u32 off, __u64 ptr, __u64 left, __u32 msg_len)
{
	struct user_msghdr m;
	struct so_msg *h;
	__u32 o, n, status = 0;

	if (!s || off > SO_SCRATCH_SIZE - MSG_FIXED)
		return -1;
	off = bound(off, SO_SCRATCH_SIZE - 1);
	h = (void *)&s->buf[off];
	__builtin_memset(h, 0, sizeof(*h));
	h->msg_len = msg_len;
	o = off + sizeof(*h);
	if (bpf_probe_read_user(&m, sizeof(m), (void *)ptr) < 0) {
		h->status = SO_MSG_FAULT;
		return o;
	}
	h->name = (__u64)m.msg_name;
	h->namelen = m.msg_namelen;
	h->iov = (__u64)m.msg_iov;
	h->iovlen = m.msg_iovlen;
	h->control = (__u64)m.msg_control;
	h->controllen = m.msg_controllen;
	h->flags = m.msg_flags;
	n = msg_part(s, o, h->name, m.msg_namelen > 0 ? m.msg_namelen : 0, SO_MSG_NAME_MAX, 255,
		     &status, SO_MSG_NAME_FAULT);
	h->name_shown = n;
	o += (n + 7) & ~7u;
	n = msg_part(s, o, h->control, h->controllen, SO_MSG_CTL_MAX, 2047, &status,
		     SO_MSG_CTL_FAULT);
	h->ctl_shown = n;
	o += (n + 7) & ~7u;
	h->status = status;
	return msg_iov(h, o, left);
}

struct mmsg_ctx {
	__u64 ptr;	/* the mmsghdr array */
	__u32 n;	/* entries to read */
	__u32 off;	/* where the next block goes */
	__u8 recv;	/* recvmmsg: each entry's bytes up to its msg_len */
	__u8 cut;	/* no room for an entry */
};

/* One mmsghdr entry: bpf_loop's step, so the verifier checks it once whatever the count. */
static long mmsg_step(__u32 i, void *ctx)
{
	struct mmsg_ctx *x = ctx;
	__u64 ptr = x->ptr + (__u64)i * MMSG_STRIDE;
	__u32 len = 0;
	int n;

	if (i >= x->n)
		return 1;
	bpf_probe_read_user(&len, sizeof(len), (void *)(ptr + MMSG_LEN_OFF));
	n = msg_one(scratch_lookup(), x->off, ptr, x->recv ? len : ~0ull, len);
	if (n < 0) {
		x->cut = 1;
		return 1;
	}
	x->off = n;
	return 0;
}

/*
 * A msghdr (kind SO_CK_MSG_*: want is the bytes to show) or an mmsghdr array (SO_CK_MMSG_*:
 * want is the entries to read) at off. Returns the offset after the capture, -1 when there is
 * no room. Global, like cap_one.
 */
__noinline int cap_msg(struct scratch *s, __u32 off, __u32 arg_kind, __u64 ptr, __u64 want)
{
	__u32 kind = CAP_KIND(arg_kind);
	struct mmsg_ctx x = { .ptr = ptr, .recv = kind == SO_CK_MMSG_OUT };
	struct so_cap *c;
	int n;

	if (!s || off > SO_SCRATCH_SIZE - sizeof(*c) - MSG_FIXED)
		return -1;
	off = bound(off, SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[off];
	c->arg = CAP_ARG(arg_kind);
	c->flags = 0;
	c->total = 1;
	x.off = off + sizeof(*c);
	if (kind == SO_CK_MSG_IN || kind == SO_CK_MSG_OUT) {
		n = msg_one(s, x.off, ptr, want, 0);
		if (n >= 0)
			x.off = n;
	} else {
		c->total = want;
		x.n = want < SO_MMSG_MAX ? want : SO_MMSG_MAX;
		bpf_loop(SO_MMSG_MAX, mmsg_step, &x, 0);
		if (x.cut)
			c->flags = SO_CAP_TRUNC;
	}
	c->len = x.off - off - sizeof(*c);
	return cap_next(off, c->len);
}

#endif /* MSG_BPF_H */
