// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Records become decoded calls: the generic text of every argument (numbers by kind, strings
 * and buffers from the bytes the kernel captured), then the family decoder the registry names,
 * then -y's paths.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fmt.h"
#include "decode/fdpath.h"
#include "decode/pipeline.h"
#include "decode/registry.h"
#include "decode/stack.h"
#include "decode/verbose.h"

/* Room for n bytes in the arena; NULL when the call's texts outgrew it (then they are cut). */
static char *arena_get(struct decoder *d, size_t n)
{
	if (d->arena_len + n > d->arena_cap)
		return NULL;
	return d->arena + d->arena_len;
}

static void arg_set(struct decoder *d, struct darg *a, size_t n)
{
	a->text = d->arena + d->arena_len;
	a->len = n;
	d->arena_len += n;
}

/* "..." around the quoted bytes, and ... after when the kernel said there was more. */
static void text_quoted(struct decoder *d, struct darg *a, const uint8_t *data, size_t n,
			bool more, bool stop_at_nul)
{
	char *s = arena_get(d, 4 * n + 8);
	size_t len;

	if (!s) {
		arg_set(d, a, 0);
		return;
	}
	s[0] = '"';
	len = 1 + quote_bytes(s + 1, data, n, stop_at_nul ? QUOTE_STOP_AT_NUL : 0);
	s[len++] = '"';
	if (more) {
		memcpy(s + len, "...", 3);
		len += 3;
	}
	arg_set(d, a, len);
}

static void text_lit(struct decoder *d, struct darg *a, const char *lit)
{
	size_t n = strlen(lit);
	char *s = arena_get(d, n);

	if (!s) {
		arg_set(d, a, 0);
		return;
	}
	memcpy(s, lit, n);
	arg_set(d, a, n);
}

static void text_fmt(struct decoder *d, struct darg *a, size_t (*fmt)(char *, uint64_t),
		     uint64_t v)
{
	char *s = arena_get(d, 24);

	arg_set(d, a, s ? fmt(s, v) : 0);
}

static size_t fmt_i64_u(char *dst, uint64_t v)
{
	return fmt_i64(dst, (int64_t)v);
}

static size_t fmt_int(char *dst, uint64_t v)
{
	return fmt_i64(dst, (int32_t)v);
}

static size_t fmt_uint(char *dst, uint64_t v)
{
	return fmt_u64(dst, (uint32_t)v);
}

static void text_ptr(struct decoder *d, struct darg *a)
{
	if (!a->raw)
		text_lit(d, a, "NULL");
	else
		text_fmt(d, a, fmt_hex, a->raw);
}

/* The type says whether an int-like argument is 32 or 64 bits wide and signed. */
static bool type_is_64(const char *type)
{
	return type && (strstr(type, "long") || strstr(type, "size_t") || strstr(type, "off_t") ||
			strstr(type, "loff_t") || strstr(type, "u64") || strstr(type, "s64") ||
			strchr(type, '*'));
}

static void text_string_cap(struct decoder *d, struct darg *a)
{
	if (!a->cap || (a->cap->flags & SO_CAP_FAULT)) {
		text_ptr(d, a);
		return;
	}
	text_quoted(d, a, a->data, a->cap->len, a->cap->flags & SO_CAP_TRUNC, true);
}

/* A buffer: at most -s bytes shown (-e read=, write= have the kernel capture more) */
static void text_buffer_cap(struct decoder *d, struct darg *a)
{
	uint32_t n;

	if (!a->cap || (a->cap->flags & SO_CAP_FAULT)) {
		text_ptr(d, a);
		return;
	}
	n = a->cap->len < d->opts.strsize ? a->cap->len : d->opts.strsize;
	text_quoted(d, a, a->data, n, (a->cap->flags & SO_CAP_TRUNC) || n < a->cap->len, false);
}

/* execve's argv: ["a", "b"], with ... after strsize elements as strace does (all of them with
 * -v, as far as the kernel side captured them), or after the last one captured. */
static void text_argv(struct decoder *d, struct darg *a, bool whole)
{
	const struct so_cap *c = a->cap;
	const uint8_t *p = a->data, *end;
	size_t room = 8 + 4 * (size_t)c->len + 4 * (size_t)c->total + 16;
	char *s = arena_get(d, room);
	size_t len = 0, n;
	bool dots = false;
	uint32_t i;

	if (!s) {
		arg_set(d, a, 0);
		return;
	}
	end = p + c->len;
	s[len++] = '[';
	for (i = 0; p < end; i++) {
		const uint8_t *z = memchr(p, 0, end - p);
		size_t sl = z ? (size_t)(z - p) : (size_t)(end - p);
		bool cut = sl > d->opts.strsize;

		if (i)
			s[len++] = ',', s[len++] = ' ';
		if (i >= d->opts.strsize && !whole) {
			memcpy(s + len, "...", 3);
			len += 3;
			dots = true;
			break;
		}
		s[len++] = '"';
		n = quote_bytes(s + len, p, cut ? d->opts.strsize : sl, 0);
		len += n;
		s[len++] = '"';
		if (cut) {
			memcpy(s + len, "...", 3);
			len += 3;
		}
		p += sl + 1;
	}
	if (!dots && (c->flags & SO_CAP_TRUNC)) {
		if (i)
			s[len++] = ',', s[len++] = ' ';
		memcpy(s + len, "...", 3);
		len += 3;
	}
	s[len++] = ']';
	arg_set(d, a, len);
}

/* execve's envp: 0x7ffc... followed by the number of variables (only the count when the
 * pointer is not known). */
static void text_envp(struct decoder *d, struct darg *a, bool noargs)
{
	char *s = arena_get(d, 64);
	size_t len = 0;

	if (!s) {
		arg_set(d, a, 0);
		return;
	}
	if (noargs) {
		len = fmt_u64(s + 3, a->cap->total);
		memcpy(s, "/* ", 3);
		len += 3;
		goto count;
	}
	if (!a->raw) {
		memcpy(s, "NULL", 4);
		arg_set(d, a, 4);
		return;
	}
	len = fmt_hex(s, a->raw);
	memcpy(s + len, " /* ", 4);
	len += 4;
	len += fmt_u64(s + len, a->cap->total);
count:
	memcpy(s + len, a->cap->total == 1 ? " var */" : " vars */", a->cap->total == 1 ? 7 : 8);
	len += a->cap->total == 1 ? 7 : 8;
	arg_set(d, a, len);
}

/* strace's %#lx: 0 is "0", the rest 0x... */
static size_t fmt_raw(char *dst, uint64_t v)
{
	if (v)
		return fmt_hex(dst, v);
	dst[0] = '0';
	return 1;
}

/* -e raw=: this call undecoded, as strace's raw() */
static bool call_raw(const struct decoder *d, long nr)
{
	if (d->opts.raw)
		return true;
	return d->opts.raw_set && nr >= 0 && nr < SO_NR_SLOTS &&
	       (d->opts.raw_set[nr / 64] >> (nr % 64) & 1);
}

static void decode_arg(struct decoder *d, struct call *c, unsigned int i)
{
	struct darg *a = &c->arg[i];
	const struct sysent_arg *sa = c->ent ? &c->ent->args[i] : NULL;
	int kind = sa ? sa->kind : AK_HEX;

	if (call_raw(d, c->nr)) {
		text_fmt(d, a, fmt_raw, a->raw);
		return;
	}
	if (a->cap && (a->cap->flags & SO_CAP_ARGV) && !(a->cap->flags & SO_CAP_FAULT)) {
		if (a->cap->len || i == (c->nr == SO_NR_EXECVEAT ? 2u : 1u))	/* argv, else envp */
			text_argv(d, a, call__unabbreviated(d, c));
		else
			text_envp(d, a, c->noargs);
		return;
	}
	switch (kind) {
	case AK_INT:
	case AK_SIGNAL:
		text_fmt(d, a, type_is_64(sa->type) ? fmt_i64_u : fmt_int, a->raw);
		break;
	case AK_UINT:
		text_fmt(d, a, type_is_64(sa->type) ? fmt_u64 : fmt_uint, a->raw);
		break;
	case AK_FD:
		text_fmt(d, a, fmt_int, a->raw);
		break;
	case AK_DIRFD:
		if ((int32_t)a->raw == -100 && xlat__style() == XLAT_ABBREV)
			text_lit(d, a, "AT_FDCWD");
		else if ((int32_t)a->raw == -100 && xlat__style() == XLAT_VERBOSE)
			text_lit(d, a, "-100 /* AT_FDCWD */");
		else
			text_fmt(d, a, fmt_int, a->raw);
		break;
	case AK_MODE:
		text_fmt(d, a, fmt_oct, a->raw);
		break;
	case AK_PATH:
	case AK_STR:
		text_string_cap(d, a);
		break;
	case AK_BUF_OUT:
		if (c->kind == CALL_DONE && c->ret == 0 && a->raw) {
			text_lit(d, a, "\"\"");	/* nothing written: strace shows "" */
			break;
		}
		/* fall through */
	case AK_BUF_IN:
		if (a->cap && a->cap->arg == i)
			text_buffer_cap(d, a);
		else
			text_ptr(d, a);
		break;
	case AK_PTR:
	case AK_STRUCT_IN:
	case AK_STRUCT_OUT:
		text_ptr(d, a);
		break;
	case AK_FLAGS:
	case AK_HEX:
	default:
		if (a->raw)
			text_fmt(d, a, fmt_hex, a->raw);
		else
			text_lit(d, a, "0");	/* strace's %#x */
		break;
	}
}

/* Attach the captures that follow a record to their arguments (c NULL: none); returns where
 * they end. */
static const uint8_t *attach_caps(struct call *c, const struct so_sys *rec)
{
	const uint8_t *p = (const uint8_t *)(rec + 1);
	const uint8_t *end = (const uint8_t *)rec + rec->h.size;
	uint32_t k;

	for (k = 0; k < rec->ncaps; k++) {
		const struct so_cap *cap = (const struct so_cap *)p;

		if (p + sizeof(*cap) > end || p + sizeof(*cap) + cap->len > end)
			break;
		if (c && cap->arg < SO_MAX_ARGS) {
			c->arg[cap->arg].cap = cap;
			c->arg[cap->arg].data = p + sizeof(*cap);
		}
		p += sizeof(*cap) + ((cap->len + 7u) & ~7u);
	}
	return p;
}

#define UCTX_IP		(1u << 0)	/* the call's ip */
#define UCTX_FRAMES	(1u << 1)	/* its frames, with -k */
#define UCTX_ENTRY	(1u << 2)	/* frames as strace prints a call that never returned */

/*
 * -i, -k: the user context at p, the end of a record of size bytes from start (SO_F_UCTX), gives
 * the call what the UCTX_* flags in what say: its ip, and with -k its frames (in the arena).
 */
static void call_uctx(struct decoder *d, struct call *c, const void *start, uint32_t size,
		      const uint8_t *p, unsigned int what)
{
	const struct so_uctx *u = (const void *)p;
	const uint8_t *end = (const uint8_t *)start + size;
	struct sb b;

	if (p + sizeof(*u) > end)
		return;
	if (what & UCTX_IP) {
		c->has_ip = true;
		c->ip = u->regs[SO_UREG_IP];
	}
	if (!(what & UCTX_FRAMES) || !d->opts.stack_traces ||
	    u->stack_len > (size_t)(end - p) - sizeof(*u))
		return;
	b = dec_begin(d);
	stack__frames(&b, c->tgid, c->tid, u, p + sizeof(*u), what & UCTX_ENTRY);
	c->stack = b.p;
	c->stack_len = b.len < b.cap ? b.len : b.cap;
	d->arena_len += c->stack_len;
}

static void call_head(struct call *c, const struct so_hdr *h, long nr)
{
	unsigned int i;

	/* field by field: gcc makes a memset of this size rep stosq, slower than the rest */
	c->dur_ns = 0;
	c->has_dur = false;
	c->noargs = false;
	c->kind = CALL_DONE;
	c->resumed = false;
	c->ret = 0;
	c->rettext = NULL;
	c->retlen = 0;
	c->has_ip = false;
	c->stack = NULL;
	c->stack_len = 0;
	for (i = 0; i < SO_MAX_ARGS; i++) {
		/* raw is set by the caller */
		c->arg[i].cap = NULL;
		c->arg[i].data = NULL;
		c->arg[i].text = NULL;
		c->arg[i].idx = i;
	}
	c->tgid = h->tgid;
	c->tid = h->tid;
	c->seq = h->seq;
	c->has_ts = h->flags & SO_F_TS;
	c->ts_ns = h->ts_ns;
	c->nr = nr;
	c->ent = sysent__get(nr);
	c->name = sysent__name(nr, c->namebuf, sizeof(c->namebuf));
	c->nargs = c->ent ? c->ent->nargs : SO_MAX_ARGS;
}

/* A raw call's return value in hex, as strace's "= 0x3"; errors stay "-1 ENOENT (...)". */
static void raw_ret(struct decoder *d, struct call *c)
{
	char *s = arena_get(d, 24);

	if (!s || c->kind != CALL_DONE || ret_is_error(c->ret))
		return;
	c->retlen = fmt_raw(s, c->ret);
	c->rettext = s;
	d->arena_len += c->retlen;
}

static void decode_args(struct decoder *d, struct call *c)
{
	unsigned int i, hidden = 0;

	d->arena_len = 0;
	if (!call__verbose(d, c))
		hidden = verbose__hide(c);
	for (i = 0; i < c->nargs && i < SO_MAX_ARGS; i++) {
		/* the value the kernel used: an int is 32 bits whatever the register holds above */
		if (!call_raw(d, c->nr))
			c->arg[i].raw = sysent__narrow(c->nr, i, c->arg[i].raw);
		decode_arg(d, c, i);
	}
	if (call_raw(d, c->nr)) {
		raw_ret(d, c);
		if (d->opts.fd_track)
			fdpath__apply(d, c, false);
		return;
	}
	dec__call(d, c);
	if (hidden)
		verbose__addresses(d, c, hidden);
	if (d->opts.fd_paths || d->opts.fd_track)
		fdpath__apply(d, c, d->opts.fd_paths);
}

/* The captured path argument of c (its first), or NULL. */
static const struct darg *path_arg(const struct call *c)
{
	unsigned int i;

	for (i = 0; c->ent && i < c->nargs && i < SO_MAX_ARGS; i++)
		if (c->ent->args[i].kind == AK_PATH && c->arg[i].cap &&
		    !(c->arg[i].cap->flags & (SO_CAP_FAULT | SO_CAP_TRUNC)))
			return &c->arg[i];
	return NULL;
}

/* -k: a successful execve's new image, placed by the user context its return record carries */
static void exec_image(const struct call *c, const struct so_sys *rec)
{
	const uint8_t *p = attach_caps(NULL, rec), *end = (const uint8_t *)rec + rec->h.size;
	const struct so_uctx *u = (const void *)p;
	const struct darg *a = path_arg(c);

	if (!a || p + sizeof(*u) > end || u->stack_len > (size_t)(end - p) - sizeof(*u)) {
		stack__exec(c->tgid, NULL, 0, NULL, NULL);
		return;
	}
	stack__exec(c->tgid, (const char *)a->data, a->cap->len, u, p + sizeof(*u));
}

/* -k: what a call tells of the process's mappings (stack.h) */
static void call_maps(const struct call *c)
{
	const struct darg *a;

	if (c->kind != CALL_DONE || ret_is_error(c->ret) || !c->ent)
		return;
	if (sysent__has(c->nr, SE_OPENS_PATH)) {
		a = path_arg(c);
		if (a)
			stack__opened(c->tgid, c->ret, (const char *)a->data, a->cap->len);
		return;
	}
	if (!sysent__has(c->nr, SE_MAPS))
		return;
	if (!strcmp(c->name, "mmap") && (int32_t)c->arg[4].raw >= 0)
		stack__mapped(c->tgid, (int32_t)c->arg[4].raw, c->arg[5].raw, c->ret);
	stack__maps_changed(c->tgid);
}

void decoder__call(struct decoder *d, const struct so_sys *rec, const struct so_sys *enter,
		   enum call_kind kind, struct call *c)
{
	const struct so_sys *args = enter ? enter : rec;
	const uint8_t *end;
	unsigned int i;

	call_head(c, &rec->h, rec->nr);
	c->kind = kind;
	c->ret = rec->ret;
	c->has_dur = rec->h.flags & SO_F_DUR;
	c->dur_ns = rec->dur_ns;
	c->noargs = args->h.flags & SO_F_NOARGS;
	if (enter && !c->has_ts && (enter->h.flags & SO_F_TS)) {
		c->has_ts = true;
		c->ts_ns = enter->h.ts_ns;
	}
	for (i = 0; i < SO_MAX_ARGS; i++)
		c->arg[i].raw = args->args[i];
	end = attach_caps(c, args);
	decode_args(d, c);
	if (!((rec->h.flags | args->h.flags) & SO_F_UCTX))
		return;
	/* execve: the ip where it was called (the entry record), the stack of the new image (as
	 * strace shows the command's own execve) */
	if (enter && (rec->h.flags & SO_F_UCTX) && d->opts.stack_traces) {
		/* as strace: the caller's frames when its image is known (captured at the entry),
		 * else (the command's own execve) the new image's */
		bool caller = stack__known(c->tgid) && (args->h.flags & SO_F_UCTX);

		if (caller)
			call_uctx(d, c, args, args->h.size, end, UCTX_FRAMES | UCTX_ENTRY);
		exec_image(c, rec);	/* a new image */
		if (!caller)
			call_uctx(d, c, rec, rec->h.size, attach_caps(NULL, rec), UCTX_FRAMES);
	}
	if (args->h.flags & SO_F_UCTX)
		call_uctx(d, c, args, args->h.size, end, enter ? UCTX_IP : UCTX_IP | UCTX_FRAMES);
	if (d->opts.stack_traces)
		call_maps(c);
}

void decoder__noreturn(struct decoder *d, const struct so_exit *rec, struct call *c)
{
	call_head(c, &rec->h, rec->nr);
	c->kind = CALL_NORETURN;
	for (unsigned int i = 1; i < SO_MAX_ARGS; i++)
		c->arg[i].raw = 0;
	c->arg[0].raw = rec->status_arg;
	decode_args(d, c);
	if (rec->h.flags & SO_F_UCTX)
		call_uctx(d, c, rec, rec->h.size, (const uint8_t *)(rec + 1),
			  UCTX_IP | UCTX_FRAMES | UCTX_ENTRY);
}

/* -i, -k: where the thread was when the signal came, and its frames */
static void signal_uctx(struct decoder *d, struct sig_event *e, const struct so_signal *rec)
{
	const struct so_uctx *u = (const void *)(rec + 1);
	struct sb b;

	if (rec->h.size < sizeof(*rec) + sizeof(*u))
		return;
	e->has_ip = true;
	e->ip = u->regs[SO_UREG_IP];
	if (!d->opts.stack_traces || !u->stack_len ||
	    u->stack_len > rec->h.size - sizeof(*rec) - sizeof(*u))
		return;
	b = dec_begin(d);
	stack__frames(&b, e->tgid, e->tid, u, (const uint8_t *)(u + 1), false);
	e->stack = b.p;
	e->stack_len = b.len < b.cap ? b.len : b.cap;
	d->arena_len += e->stack_len;
}

void decoder__signal(struct decoder *d, const struct so_signal *rec, struct sig_event *e)
{
	struct sb b;

	memset(e, 0, sizeof(*e));
	e->tgid = rec->h.tgid;
	e->tid = rec->h.tid;
	e->seq = rec->h.seq;
	e->ts_ns = rec->h.ts_ns;
	e->has_ts = rec->h.flags & SO_F_TS;
	e->signo = rec->signo;
	e->code = rec->code;

	d->arena_len = 0;
	b = dec_begin(d);
	sb_signal(&b, rec->signo);
	sb_putc(&b, 0);
	e->name = b.p;
	d->arena_len += b.len;
	b = dec_begin(d);
	siginfo_text(b.p, b.cap, rec, &e->code_name);
	e->info = b.p;
	d->arena_len += strlen(b.p) + 1;
	if (rec->h.flags & SO_F_UCTX)
		signal_uctx(d, e, rec);
}
