/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Syscall records with the user memory behind their arguments (captures). */
#ifndef CAPTURE_BPF_H
#define CAPTURE_BPF_H

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
	__u32 max, data;
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
		if ((kind == SO_CK_BUF_IN || kind == SO_CK_BUF_OUT || kind == SO_CK_BUF_OUT_LEN) &&
		    max > strsize) {
			max = strsize;
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
	__u32 show, str = strsize;
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
	bpf_loop(SO_IOV_MAX, iov_step, &x, 0);
	if (x.fault) {
		c->flags = SO_CAP_FAULT;
		return cap_next(off, 0);
	}
	c->len = x.data - off - sizeof(*c);
	return cap_next(off, c->len);
}

static __always_inline int cap_add(struct scratch *s, __u32 off, __u32 arg, __u32 kind,
				   __u64 ptr, __u64 want)
{
	return kind == SO_CK_IOV_IN || kind == SO_CK_IOV_OUT ?
		cap_iov(s, off, CAP_ARG_KIND(arg, kind), ptr, want) :
		cap_one(s, off, CAP_ARG_KIND(arg, kind), ptr, want);
}

/*
 * What a capture of kind a->kind wants of this call in *want: the bytes to read (for
 * SO_CK_IOV_*: the element count and the bytes, as cap_iov takes them). False when there is
 * nothing to capture: the call failed, or gave nothing back.
 */
static __always_inline bool cap_want(const struct so_arg_spec *a, const __u64 *args, long ret,
				     __u64 *want)
{
	*want = 0;
	switch (a->kind) {
	case SO_CK_PATH:
	case SO_CK_STR:
		break;
	case SO_CK_STR_OUT:
		if (ret <= 0)
			return false;
		break;
	case SO_CK_BUF_IN:
		*want = arg_at(args, a->len_arg);
		break;
	case SO_CK_BUF_OUT:
		if (ret <= 0)
			return false;
		*want = ret;
		break;
	case SO_CK_BUF_OUT_LEN:
		if (ret < 0)
			return false;
		*want = arg_at(args, a->len_arg);
		break;
	case SO_CK_STRUCT_IN:
		*want = a->size;
		break;
	case SO_CK_STRUCT_OUT:
		if (ret < 0)
			return false;
		*want = a->size;
		break;
	case SO_CK_STRUCT_OUT_LEN:
		if (ret < 0)
			return false;
		/* fall through */
	case SO_CK_STRUCT_IN_LEN:
		*want = arg_at(args, a->len_arg);
		if (*want > a->size)
			*want = a->size;
		break;
	case SO_CK_DIRENTS:
		if (ret <= 0)
			return false;
		*want = ret;
		break;
	case SO_CK_IOV_IN:
		*want = (__u32)arg_at(args, a->len_arg) | 0xffffffffull << 32;
		break;
	case SO_CK_IOV_OUT:
		/* failed: the elements still show (their addresses), without bytes */
		*want = (__u32)arg_at(args, a->len_arg) | (__u64)(ret > 0 ? (__u32)ret : 0) << 32;
		break;
	case SO_CK_POLLFD:
		*want = (__u64)(__u32)arg_at(args, a->len_arg) * sizeof(struct pollfd);
		if (*want > a->size)
			*want = a->size;
		break;
	case SO_CK_STRUCT_OUT_PLEN: {
		__u32 len;

		if (ret < 0 || bpf_probe_read_user(&len, sizeof(len),
						   (void *)arg_at(args, a->len_arg)) < 0)
			return false;
		*want = len < a->size ? len : a->size;
		break;
	}
	default:
		return false;
	}
	return true;
}

/*
 * The capture pass for argument i of a completed call, per its spec a. Returns the offset
 * after the capture it added, off when there was nothing to capture, -1 when there was no
 * room. Global, like cap_one: the verifier checks it once instead of once for each of the six
 * arguments and each path to them (sys_exit's verification went from 66k instructions and
 * ~50 ms to 20k and ~11 ms).
 */
__noinline int cap_arg(struct scratch *s, __u32 off, const struct so_arg_spec *a, __u32 i,
		       const struct sys_call *c)
{
	__u64 want;

	if (!s || !a || !c || i >= SO_MAX_ARGS)
		return off;
	if (!cap_want(a, c->args, c->ret, &want))
		return off;
	if (!arg_at(c->args, i))
		return off;	/* NULL prints as NULL, nothing to read */
	return cap_add(s, off, i, a->kind, arg_at(c->args, i), want);
}

/* The captures syscall nr asks for; NULL when it has none (or -X raw): the fast path. */
static __always_inline const struct so_spec *spec_of(long nr)
{
	const struct so_spec *spec;
	__u32 key = nr;

	if (!want_captures || key >= SO_NR_SLOTS)
		return NULL;
	spec = bpf_map_lookup_elem(&specs, &key);
	return spec && spec->ncaps ? spec : NULL;
}

/* A syscall record with the captures spec asks for (none when NULL: -i, -k), built in scratch. */
static __always_inline void emit_with_caps(__u16 type, __u64 id, struct so_task *t,
					   const struct sys_call *c, const struct so_spec *spec)
{
	__u32 off = sizeof(struct so_sys), ncaps = 0;
	struct scratch *s;
	int i, n;

	s = scratch_begin(t);
	if (!s)
		return;
	for (i = 0; i < SO_MAX_ARGS; i++) {
		if (!spec || !spec->arg[i].kind)
			continue;
		n = cap_arg(s, off, &spec->arg[i], i, c);
		if (n > (int)off) {
			off = n;
			ncaps++;
		}
	}
	scratch_send(s, off, ncaps, type, id, t, c);
}

/* A syscall record, with captures when its spec asks for them. */
static __always_inline void emit_sys(__u16 type, __u64 id, struct so_task *t,
				     const struct sys_call *c)
{
	const struct so_spec *spec = spec_of(c->nr);
	struct so_sys *r;

	if (spec || want_uctx()) {
		emit_with_caps(type, id, t, c, spec);
		return;
	}
	r = rec_reserve(t, type, sizeof(*r), id);
	if (!r)
		return;
	sys_fill(r, c, 0);
	bpf_ringbuf_submit(r, rb_flags);
}

#endif /* CAPTURE_BPF_H */
