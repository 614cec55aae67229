// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Processes: clone, clone3, credentials' groups, CPU affinity, uname, getrandom, rseq. */
#include <string.h>
#include <linux/sched.h>
#include <sys/personality.h>
#include "decode/families/family.h"

#define UTSNAME_FIELD	65
#define UTSNAME_SIZE	(6 * UTSNAME_FIELD)

/* clone(child_stack=..., flags=CLONE_VM|...|SIGCHLD, ...): the flags with the exit signal */
static void dec_clone(struct decoder *d, struct call *c)
{
	uint64_t flags = c->arg[0].raw;
	struct sb b = dec_begin(d);

	sb_puts(&b, "child_stack=");
	sb_ptr(&b, c->arg[1].raw);
	sb_puts(&b, ", flags=");
	if (flags & ~(uint64_t)CSIGNAL) {
		sb_flags(&b, &xt_clone_flags, flags & ~(uint64_t)CSIGNAL, NULL);
		if (flags & CSIGNAL)
			sb_putc(&b, '|');
	}
	if (flags & CSIGNAL)
		sb_signal(&b, flags & CSIGNAL);
	if (!flags)
		sb_putc(&b, '0');
	/* x86-64 order: flags, stack, parent_tid, child_tid, tls */
	if (flags & CLONE_PARENT_SETTID) {
		sb_puts(&b, ", parent_tid=");
		sb_ptr(&b, c->arg[2].raw);
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		sb_puts(&b, ", child_tidptr=");
		sb_ptr(&b, c->arg[3].raw);
	}
	if (flags & CLONE_SETTLS) {
		sb_puts(&b, ", tls=");
		sb_ptr(&b, c->arg[4].raw);
	}
	dec_end(d, &c->arg[0], &b);
	c->nargs = 1;
}

/* An address field of a struct: ", name=0x..." (NULL when 0). */
static void field_ptr(struct sb *b, const char *name, uint64_t v)
{
	sb_puts(b, ", ");
	sb_puts(b, name);
	sb_putc(b, '=');
	sb_ptr(b, v);
}

/*
 * clone3({flags=CLONE_VM|..., child_tid=..., parent_tid=..., exit_signal=SIGCHLD, stack=...,
 * stack_size=0x..., tls=...} => {parent_tid=[N]}, 88), strace's fields in strace's order. The
 * parent_tid the kernel writes is the child's tid, the call's result.
 */
static void dec_clone3(struct decoder *d, struct call *c)
{
	const struct clone_args *a = dec_struct(&c->arg[0], CLONE_ARGS_SIZE_VER0);
	struct sb b;

	if (!a)
		return;
	b = dec_begin(d);
	sb_puts(&b, "{flags=");
	if (a->flags)
		sb_flags(&b, &xt_clone_flags, a->flags, NULL);
	else
		sb_putc(&b, '0');
	if (a->flags & CLONE_PIDFD)
		field_ptr(&b, "pidfd", a->pidfd);
	if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		field_ptr(&b, "child_tid", a->child_tid);
	if (a->flags & CLONE_PARENT_SETTID)
		field_ptr(&b, "parent_tid", a->parent_tid);
	sb_puts(&b, ", exit_signal=");
	if (a->exit_signal)
		sb_signal(&b, a->exit_signal);
	else
		sb_putc(&b, '0');
	field_ptr(&b, "stack", a->stack);
	sb_puts(&b, ", stack_size=");
	sb_hex(&b, a->stack_size);
	if (a->flags & CLONE_SETTLS)
		field_ptr(&b, "tls", a->tls);
	if (c->arg[0].cap->len >= CLONE_ARGS_SIZE_VER1 && (a->set_tid || a->set_tid_size)) {
		field_ptr(&b, "set_tid", a->set_tid);
		sb_puts(&b, ", set_tid_size=");
		sb_u64(&b, a->set_tid_size);
	}
	if (c->arg[0].cap->len >= CLONE_ARGS_SIZE_VER2 && (a->flags & CLONE_INTO_CGROUP)) {
		sb_puts(&b, ", cgroup=");
		sb_u64(&b, a->cgroup);
	}
	sb_putc(&b, '}');
	if (c->kind == CALL_DONE && c->ret > 0 && (a->flags & CLONE_PARENT_SETTID)) {
		sb_puts(&b, " => {parent_tid=[");
		sb_i64(&b, c->ret);
		sb_puts(&b, "]}");
	}
	dec_end(d, &c->arg[0], &b);
}

#define GROUPS_MAX	64	/* gids read (256 bytes) */

/* getgroups(2, [0, 1]), setgroups(...): count from the return value or the size */
static void set_gid_list(struct decoder *d, struct darg *a, int64_t n)
{
	const uint32_t *g = dec_struct(a, 0);
	struct sb b;
	int64_t i;

	if (n < 0 || (n && !g))
		return;
	b = dec_begin(d);
	sb_putc(&b, '[');
	for (i = 0; i < n && (size_t)(i + 1) * 4 <= a->cap->len && i < GROUPS_MAX; i++) {
		if (i)
			sb_puts(&b, ", ");
		sb_u64(&b, g[i]);
	}
	if (i < n)
		sb_puts(&b, i ? ", ..." : "...");
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}

static void dec_getgroups(struct decoder *d, struct call *c)
{
	if ((int32_t)c->arg[0].raw == 0) {
		struct sb b;

		if (c->ret < 0 || !c->arg[1].raw)
			return;
		b = dec_begin(d);
		sb_puts(&b, "[]");	/* size 0 asks for the count: nothing written */
		dec_end(d, &c->arg[1], &b);
	} else if (c->ret >= 0 && c->arg[1].raw) {
		set_gid_list(d, &c->arg[1], c->ret);
	}
}

static void dec_setgroups(struct decoder *d, struct call *c)
{
	set_gid_list(d, &c->arg[1], (int32_t)c->arg[0].raw);
}

/* sched_getaffinity(0, 128, [0 1]): the CPUs in the mask, n bytes of it */
static void set_cpu_mask(struct decoder *d, struct darg *a, uint64_t n)
{
	const uint8_t *m = dec_struct(a, 0);
	bool first = true;
	uint64_t i;
	struct sb b;

	if (!m)
		return;
	if (n > a->cap->len)
		n = a->cap->len;
	b = dec_begin(d);
	sb_putc(&b, '[');
	for (i = 0; i < n * 8; i++) {
		if (!(m[i / 8] >> (i % 8) & 1))
			continue;
		if (!first)
			sb_putc(&b, ' ');
		first = false;
		sb_u64(&b, i);
	}
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}

static void dec_sched_getaffinity(struct decoder *d, struct call *c)
{
	if (c->ret > 0)
		set_cpu_mask(d, &c->arg[2], c->ret);
}

static void dec_sched_setaffinity(struct decoder *d, struct call *c)
{
	set_cpu_mask(d, &c->arg[2], (uint32_t)c->arg[1].raw);
}

/* {sysname="Linux", nodename="host", ...} as strace abbreviates struct utsname */
static void dec_uname(struct decoder *d, struct call *c)
{
	const uint8_t *u = dec_struct(&c->arg[0], UTSNAME_SIZE);
	struct sb b;

	if (!u)
		return;
	b = dec_begin(d);
	sb_puts(&b, "{sysname=");
	sb_quoted(&b, u, UTSNAME_FIELD, false, true, false);
	sb_puts(&b, ", nodename=");
	sb_quoted(&b, u + UTSNAME_FIELD, UTSNAME_FIELD, false, true, false);
	if (call__unabbreviated(d, c)) {
		static const char *const rest[] = { "release", "version", "machine", "domainname" };
		unsigned int i;

		for (i = 0; i < 4; i++) {
			sb_puts(&b, ", ");
			sb_puts(&b, rest[i]);
			sb_putc(&b, '=');
			sb_quoted(&b, u + (2 + i) * UTSNAME_FIELD, UTSNAME_FIELD, false, true, false);
		}
		sb_putc(&b, '}');
	} else {
		sb_puts(&b, ", ...}");
	}
	dec_end(d, &c->arg[0], &b);
}

/* getrandom's bytes are random: strace shows them all in hex */
static void dec_getrandom(struct decoder *d, struct call *c)
{
	struct darg *a = &c->arg[0];
	struct sb b;

	if (a->cap && !(a->cap->flags & SO_CAP_FAULT) && c->ret >= 0) {
		b = dec_begin(d);
		sb_quoted(&b, a->data, a->cap->len, a->cap->flags & SO_CAP_TRUNC, false, true);
		dec_end(d, a, &b);
	}
	b = dec_begin(d);
	sb_flags(&b, &xt_getrandom_flags, (uint32_t)c->arg[2].raw, NULL);
	dec_end(d, &c->arg[2], &b);
}

static void dec_rseq(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_hex(&b, (uint32_t)c->arg[1].raw);
	dec_end(d, &c->arg[1], &b);
	b = dec_begin(d);
	sb_hex(&b, (uint32_t)c->arg[2].raw);
	dec_end(d, &c->arg[2], &b);
}

/* The execution domains by personality's low byte (PER_MASK) as strace 6.1 names them: the
 * header's values carry flags above it (PER_SVR4 is 1|STICKY_TIMEOUTS|MMAP_PAGE_ZERO). */
#define PER(name)	{ (name) & PER_MASK, #name }
static const struct xlat xl_personality_types[] = {
	PER(PER_LINUX), PER(PER_SVR4), PER(PER_SVR3), PER(PER_SCOSVR3), PER(PER_WYSEV386),
	PER(PER_ISCR4), PER(PER_BSD), PER(PER_XENIX), PER(PER_LINUX32), PER(PER_IRIX32),
	PER(PER_IRIXN32), PER(PER_IRIX64), PER(PER_RISCOS), PER(PER_SOLARIS), PER(PER_UW7),
	PER(PER_OSF4), PER(PER_HPUX),
};
static const struct xlat_tab xt_personality_types = { xl_personality_types, 17 };
#define PER_QUERY	0xffffffffu	/* personality(0xffffffff) only asks */

/* PER_LINUX|ADDR_NO_RANDOMIZE, 0x4d /+ PER_??? +/ */
static void sb_personality(struct sb *b, uint32_t v)
{
	sb_enum(b, &xt_personality_types, v & PER_MASK, "PER_???");
	if (v & ~PER_MASK) {
		sb_putc(b, '|');
		sb_flags(b, &xt_personality_flags, v & ~PER_MASK, NULL);
	}
}

/* personality(PER_LINUX32) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE): the old persona */
static void dec_personality(struct decoder *d, struct call *c)
{
	uint32_t v = c->arg[0].raw;
	struct sb b = dec_begin(d);

	if (v == PER_QUERY)
		sb_hex(&b, v);
	else
		sb_personality(&b, v);
	dec_end(d, &c->arg[0], &b);
	if (c->kind != CALL_DONE || c->ret < 0)
		return;
	b = dec_begin(d);
	sb_hex(&b, c->ret);
	sb_puts(&b, " (");
	sb_personality(&b, c->ret);
	sb_putc(&b, ')');
	dec_end_ret(d, c, &b);
}

const struct dec_entry dec_process_table[] = {
	{ "personality", dec_personality },
	{ "clone", dec_clone },
	{ "clone3", dec_clone3, { { 0, SO_CK_STRUCT_IN_LEN, 1, CLONE_ARGS_SIZE_VER2 } } },
	{ "getgroups", dec_getgroups, { { 1, SO_CK_STRUCT_OUT, 0, GROUPS_MAX * 4 } } },
	{ "setgroups", dec_setgroups, { { 1, SO_CK_STRUCT_IN, 0, GROUPS_MAX * 4 } } },
	{ "sched_getaffinity", dec_sched_getaffinity, { { 2, SO_CK_BUF_OUT, 0, 0 } } },
	{ "sched_setaffinity", dec_sched_setaffinity, { { 2, SO_CK_BUF_IN, 1, 0 } } },
	{ "uname", dec_uname, { { 0, SO_CK_STRUCT_OUT, 0, UTSNAME_SIZE } } },
	{ "getrandom", dec_getrandom },
	{ "rseq", dec_rseq },
	{ NULL },
};
