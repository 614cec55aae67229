/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Syscall records with the user memory behind their arguments (captures): what each kind
 * wants of a call, and the record built from them. */
#ifndef CAPTURE_BPF_H
#define CAPTURE_BPF_H

#include "msg.bpf.h"

static __always_inline int cap_add(struct scratch *s, __u32 off, __u32 arg, __u32 kind,
				   __u64 ptr, __u64 want)
{
	if (kind == SO_CK_IOV_IN || kind == SO_CK_IOV_OUT)
		return cap_iov(s, off, CAP_ARG_KIND(arg, kind), ptr, want);
	if (kind >= SO_CK_MSG_IN && kind <= SO_CK_MMSG_OUT)
		return cap_msg(s, off, CAP_ARG_KIND(arg, kind), ptr, want);
	return cap_one(s, off, CAP_ARG_KIND(arg, kind), ptr, want);
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
	case SO_CK_MSG_IN:
		*want = ~0ull;
		break;
	case SO_CK_MSG_OUT:
		/* failed: the msghdr still shows (msg_namelen), without bytes */
		*want = ret > 0 ? ret : 0;
		break;
	case SO_CK_MMSG_IN:
		*want = (__u32)arg_at(args, a->len_arg);
		break;
	case SO_CK_MMSG_OUT:
		if (ret <= 0)
			return false;
		*want = ret;
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
