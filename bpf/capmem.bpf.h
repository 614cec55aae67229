/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Reading user memory into the scratch record: one capture of a string, buffer or struct
 * (cap_one), an iovec array with its bytes (cap_iov). */
#ifndef CAPMEM_BPF_H
#define CAPMEM_BPF_H

#include "record.bpf.h"

/* cap_one and cap_iov take the argument index and the capture kind in one parameter: BPF
 * functions take at most 5 arguments. */
#define CAP_ARG_KIND(arg, kind)	((arg) << 8 | (kind))
#define CAP_ARG(arg_kind)	((arg_kind) >> 8)
#define CAP_KIND(arg_kind)	((arg_kind) & 0xff)

#define DIRENTS_MAX	8192	/* entries counted in one getdents result */

/*
 * The scratch buffer is twice SO_SCRATCH_SIZE so that the verifier can prove a read inside it
 * from two masks: an offset below SO_SCRATCH_SIZE, and a length below 2 * SO_PATH_MAX (strings,
 * buffers, structs) or 2 * SO_STRSIZE_MAX (iovec elements).
 */
_Static_assert(2 * SO_PATH_MAX <= SO_SCRATCH_SIZE && 2 * SO_STRSIZE_MAX <= SO_SCRATCH_SIZE,
	       "a masked offset plus a masked length may leave scratch");
_Static_assert(SO_STRSIZE_MAX <= SO_PATH_MAX, "cap_one reads at most SO_PATH_MAX bytes");
/* The largest single capture must fit in a record, after the so_sys and one capture before it. */
_Static_assert(sizeof(struct so_sys) + 2 * sizeof(struct so_cap) + SO_PATH_MAX <= SO_SCRATCH_SIZE,
	       "no room for a path capture");
_Static_assert(sizeof(struct so_sys) + 2 * sizeof(struct so_cap) + SO_IOV_BYTES +
	       SO_IOV_MAX * sizeof(struct so_iov) <= SO_SCRATCH_SIZE, "no room for an iovec capture");
_Static_assert(SO_SCRATCH_SIZE <= U16_MAX, "so_cap.len (16 bits) may not hold a capture's length");

/* The offset after a capture at off with len bytes of data, padded to 8 (sysobs.h). */
static __always_inline __u32 cap_next(__u32 off, __u32 len)
{
	return off + sizeof(struct so_cap) + ((len + 7) & ~7u);
}

/* A capture at off with no bytes, only a count (an environment's size); returns the offset
 * after it. */
static __always_inline __u32 cap_count(struct scratch *s, __u32 off, __u32 arg, __u32 flags,
				       __u32 total)
{
	__u32 o = bound(off, SO_SCRATCH_SIZE - 1);
	struct so_cap *c = (void *)&s->buf[o];

	c->arg = arg;
	c->flags = flags;
	c->len = 0;
	c->total = total;
	return cap_next(o, 0);
}

/* args[i] with a constant index per branch: a variable index into the stack is refused. */
static __always_inline __u64 arg_at(const __u64 *args, __u32 i)
{
	switch (i) {
	case 0: return args[0];
	case 1: return args[1];
	case 2: return args[2];
	case 3: return args[3];
	case 4: return args[4];
	case 5: return args[5];
	}
	return 0;
}

struct dirent_ctx {
	__u64 ptr;
	__u64 len;
	__u64 off;
	__u32 n;
	__u8 fault;
};

/* Where d_reclen is in the user ABI's dirents: a constant (the bpf_helpers.h offsetof would be
 * relocated against the running kernel's BTF). getdents's linux_dirent has it where getdents64's
 * linux_dirent64 has. */
#define DIRENT_RECLEN	__builtin_offsetof(struct linux_dirent64, d_reclen)
_Static_assert(__builtin_offsetof(struct linux_dirent, d_reclen) == DIRENT_RECLEN,
	       "getdents and getdents64 differ in d_reclen's place");

static long dirent_step(__u32 i, void *ctx)
{
	struct dirent_ctx *d = ctx;
	__u16 reclen;

	if (d->off >= d->len)
		return 1;
	if (bpf_probe_read_user(&reclen, sizeof(reclen),
				(void *)(d->ptr + d->off + DIRENT_RECLEN)) < 0 ||
	    !reclen) {
		d->fault = 1;
		return 1;
	}
	d->off += reclen;
	d->n++;
	return 0;
}

/* Entries in the len bytes of dirents at ptr (getdents shows their number, like strace). */
static __always_inline __u32 dirents_count(__u64 ptr, __u64 len, __u8 *flags)
{
	struct dirent_ctx d = { .ptr = ptr, .len = len };

	bpf_loop(DIRENTS_MAX, dirent_step, &d, 0);
	if (d.fault)
		*flags |= SO_CAP_FAULT;
	else if (d.off < d.len)
		*flags |= SO_CAP_TRUNC;
	return d.n;
}

#define CAP_PAGE_SIZE	4096	/* x86-64's base page: a mapping ends on a multiple of it */

/*
 * A struct read at its full size that faulted may lie near the end of a mapping: ioctl's
 * argument is read at the most any request takes, and the int a request uses may be the last
 * one of a page. Read again up to the end of ptr's page; returns the bytes read, 0 if none.
 */
static __always_inline __u32 struct_to_page_end(struct scratch *s, __u32 data, __u32 kind,
						__u64 ptr, __u32 max)
{
	__u32 room = CAP_PAGE_SIZE - (ptr & (CAP_PAGE_SIZE - 1));

	if ((kind != SO_CK_STRUCT_IN && kind != SO_CK_STRUCT_OUT) || room >= max)
		return 0;
	if (bpf_probe_read_user(&s->buf[bound(data, SO_SCRATCH_SIZE - 1)],
				bound(room, SO_PATH_MAX * 2 - 1), (void *)ptr) < 0)
		return 0;
	return room;
}

/*
 * Append one capture at off in the scratch buffer; returns the offset after it, or -1 when
 * there is no room. A global (not inlined) function: the verifier checks it once, with off
 * unknown, instead of once per path through the callers' loops. off stays below
 * SO_SCRATCH_SIZE and every read is at most SO_PATH_MAX bytes, so scratch (twice that size)
 * always has room.
 */
__noinline int cap_one(struct scratch *s, __u32 off, __u32 arg_kind, __u64 ptr, __u64 want)
{
	__u32 arg = CAP_ARG(arg_kind), kind = CAP_KIND(arg_kind);
	struct so_cap *c;
	__u32 max, data, lim;
	long n;

	if (!s || off > SO_SCRATCH_SIZE - SO_PATH_MAX - 2 * sizeof(*c))
		return -1;
	off = bound(off, SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[off];
	data = off + sizeof(*c);
	c->arg = arg;
	c->flags = 0;
	c->len = 0;
	c->total = 0;

	if (kind == SO_CK_PATH || kind == SO_CK_STR || kind == SO_CK_STR_OUT) {
		max = kind == SO_CK_PATH ? SO_PATH_MAX : strsize + 1;
		if (max > SO_PATH_MAX)
			max = SO_PATH_MAX;
		n = bpf_probe_read_user_str(&s->buf[bound(data, SO_SCRATCH_SIZE - 1)],
					    bound(max, SO_PATH_MAX * 2 - 1), (void *)ptr);
		if (n <= 0) {
			c->flags = SO_CAP_FAULT;
		} else {
			n -= 1;	/* the NUL */
			if (kind != SO_CK_PATH && n > strsize) {
				/* strsize + 1 bytes read without a NUL: there is more */
				n = strsize;
				c->flags = SO_CAP_TRUNC;
			} else if (n >= SO_PATH_MAX - 1) {
				c->flags = SO_CAP_TRUNC;
			}
			c->len = n;
			c->total = n;
		}
	} else if (kind == SO_CK_DIRENTS) {
		/* only the number of entries in the want bytes the call returned */
		c->total = dirents_count(ptr, want, &c->flags);
	} else {
		/* buffers and structs: the length is known */
		c->total = want;
		max = want;
		/* -e read=, write= (dump_size, rodata): more of a buffer than -s shows */
		lim = dump_size > strsize ? dump_size : strsize;
		if ((kind == SO_CK_BUF_IN || kind == SO_CK_BUF_OUT || kind == SO_CK_BUF_OUT_LEN) &&
		    max > lim) {
			max = lim;
			c->flags = SO_CAP_TRUNC;
		}
		if (max > SO_PATH_MAX)
			max = SO_PATH_MAX;
		if (max && bpf_probe_read_user(&s->buf[bound(data, SO_SCRATCH_SIZE - 1)],
					       bound(max, SO_PATH_MAX * 2 - 1), (void *)ptr) < 0) {
			max = struct_to_page_end(s, data, kind, ptr, max);
			if (!max)
				c->flags = SO_CAP_FAULT;
		}
		c->len = max;
	}
	return cap_next(off, c->len);
}

/* The n bytes of one iovec element at off; 0 when read, -1 when not. Global: checked once. */
__noinline int iov_bytes(struct scratch *s, __u32 off, __u64 ptr, __u32 n)
{
	if (!n)
		return 0;
	if (!s || off >= SO_SCRATCH_SIZE || n > SO_STRSIZE_MAX)
		return -1;
	return bpf_probe_read_user(&s->buf[bound(off, SO_SCRATCH_SIZE - 1)],
				   bound(n, SO_STRSIZE_MAX * 2 - 1), (void *)ptr) < 0 ? -1 : 0;
}

struct iov_ctx {
	__u64 ptr;	/* the iovec array */
	__u64 left;	/* bytes still to show (readv: of the return value) */
	__u32 ent;	/* offset of the next so_iov in scratch */
	__u32 data;	/* offset of the next bytes */
	__u32 budget;	/* SO_IOV_BYTES minus the bytes so far */
	__u32 n;
	__u8 fault;
};

/* One element: bpf_loop's step, so the verifier checks it once whatever the count. */
static long iov_step(__u32 i, void *ctx)
{
	struct iov_ctx *x = ctx;
	struct { __u64 base, len; } v;
	/* -e read=, write= (dump_size, rodata): more of each element than -s shows */
	__u32 show, str = dump_size > strsize ? dump_size : strsize;
	struct scratch *s;
	struct so_iov *e;

	if (i >= x->n || x->ent > SO_SCRATCH_SIZE - sizeof(*e))
		return 1;
	s = scratch_lookup();
	if (!s)
		return 1;
	if (bpf_probe_read_user(&v, sizeof(v), (void *)(x->ptr + (__u64)i * sizeof(v))) < 0) {
		x->fault = 1;
		return 1;
	}
	e = (void *)&s->buf[bound(x->ent, SO_SCRATCH_SIZE - 1)];
	e->base = v.base;
	e->len = v.len;
	e->flags = 0;
	show = v.len < x->left ? v.len : x->left;
	x->left -= show;
	if (show > str) {
		show = str;
		e->flags = SO_IOV_TRUNC;
	}
	if (show > x->budget) {
		show = x->budget;
		e->flags = SO_IOV_TRUNC;
	}
	if (iov_bytes(s, x->data, v.base, show) < 0) {
		e->flags = SO_IOV_FAULT;
		show = 0;
	}
	e->shown = show;
	x->ent += sizeof(*e);
	x->data += show;
	x->budget -= show;
	return 0;
}

/* The context of an iovec walk, per CPU: iov_walk takes no pointer (a global function's
 * pointer arguments are refused by older verifiers), the caller fills it and reads it back. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct iov_ctx);
} iov_walks SEC(".maps");

static __always_inline struct iov_ctx *iov_walk_ctx(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&iov_walks, &zero);
}

/*
 * The walk over an iovec array's elements, in and out through iov_walk_ctx(). Global, so that
 * the verifier checks iov_step once for every capture that walks one (cap_iov and msg_one's
 * iovec): inlined in both it was checked twice, 26 ms more of start-up. bpf_loop takes its
 * context on the stack.
 */
__noinline int iov_walk(void)
{
	struct iov_ctx *x = iov_walk_ctx(), w;

	if (!x)
		return -1;
	w = *x;
	bpf_loop(SO_IOV_MAX, iov_step, &w, 0);
	*x = w;
	return 0;
}

/* Walk the elements x names (iov_walk); false when there is no walk context. */
static __always_inline bool iov_walk_with(struct iov_ctx *x)
{
	struct iov_ctx *c = iov_walk_ctx();

	if (!c)
		return false;
	*c = *x;
	iov_walk();
	*x = *c;
	return true;
}

/*
 * An iovec array (readv, writev) at off: the elements, then the bytes behind each (sysobs.h,
 * so_iov). want: the element count in the low 32 bits, in the high 32 the bytes the call
 * transferred (readv: only those were written; writev passes all ones). Returns the offset
 * after the capture, or -1 when there is no room. Global, like cap_one.
 */
__noinline int cap_iov(struct scratch *s, __u32 off, __u32 arg_kind, __u64 ptr, __u64 want)
{
	struct iov_ctx x = { .ptr = ptr, .left = want >> 32, .budget = SO_IOV_BYTES };
	__u32 cnt = (__u32)want;
	struct so_cap *c;

	if (!s || off > SO_SCRATCH_SIZE - SO_IOV_BYTES - SO_IOV_MAX * sizeof(struct so_iov) -
			2 * sizeof(*c))
		return -1;
	off = bound(off, SO_SCRATCH_SIZE - 1);
	c = (void *)&s->buf[off];
	c->arg = CAP_ARG(arg_kind);
	c->flags = 0;
	c->len = 0;
	c->total = cnt;
	x.n = cnt < SO_IOV_MAX ? cnt : SO_IOV_MAX;
	x.ent = off + sizeof(*c);
	x.data = x.ent + x.n * sizeof(struct so_iov);
	if (!iov_walk_with(&x))
		x.fault = 1;
	if (x.fault) {
		c->flags = SO_CAP_FAULT;
		return cap_next(off, 0);
	}
	c->len = x.data - off - sizeof(*c);
	return cap_next(off, c->len);
}

#endif /* CAPMEM_BPF_H */
