// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Processes, limits, time and the rest: prlimit, arch_prctl, futex, getrandom, rseq,
 * sysinfo, uname, clone, timespecs. */
#include <string.h>
#include "dec.h"

#define RLIMIT_SIZE	16
#define SYSINFO_SIZE	112
#define TIMESPEC_SIZE	16
#define UTSNAME_FIELD	65
#define UTSNAME_SIZE	(6 * UTSNAME_FIELD)
#define FUTEX_PRIVATE_V		128
#define FUTEX_CLOCK_REALTIME_V	256
#define CSIGNAL_BITS	0xff
#define CLONE_SETTLS_V		0x00080000
#define CLONE_PARENT_SETTID_V	0x00100000
#define CLONE_CHILD_CLEARTID_V	0x00200000
#define CLONE_CHILD_SETTID_V	0x01000000

static void sb_rlim(struct sb *b, uint64_t v)
{
	if (v == ~0ull)
		sb_puts(b, "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0) {
		sb_u64(b, v / 1024);
		sb_puts(b, "*1024");
	} else {
		sb_u64(b, v);
	}
}

static void set_rlimit(struct decoder *d, struct darg *a)
{
	const uint64_t *r = dec_struct(a, RLIMIT_SIZE);
	struct sb b;

	if (!r)
		return;
	b = dec_begin(d);
	sb_puts(&b, "{rlim_cur=");
	sb_rlim(&b, r[0]);
	sb_puts(&b, ", rlim_max=");
	sb_rlim(&b, r[1]);
	sb_putc(&b, '}');
	dec_end(d, a, &b);
}

static void set_resource(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_rlimit_resources, (uint32_t)a->raw, "RLIMIT_???");
	dec_end(d, a, &b);
}

static void dec_prlimit64(struct decoder *d, struct call *c)
{
	set_resource(d, &c->arg[1]);
	set_rlimit(d, &c->arg[2]);
	set_rlimit(d, &c->arg[3]);
}

static void dec_getrlimit(struct decoder *d, struct call *c)
{
	set_resource(d, &c->arg[0]);
	set_rlimit(d, &c->arg[1]);
}

static void dec_arch_prctl(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_arch_prctl_codes, (uint32_t)c->arg[0].raw, "ARCH_???");
	dec_end(d, &c->arg[0], &b);
}

static void set_timespec(struct decoder *d, struct darg *a)
{
	const int64_t *ts = dec_struct(a, TIMESPEC_SIZE);
	struct sb b;

	if (!ts)
		return;
	b = dec_begin(d);
	sb_puts(&b, "{tv_sec=");
	sb_i64(&b, ts[0]);
	sb_puts(&b, ", tv_nsec=");
	sb_i64(&b, ts[1]);
	sb_putc(&b, '}');
	dec_end(d, a, &b);
}

#define FUTEX_BITSET_MATCH_ANY_V	0xffffffffu

/* FUTEX_WAKE_OP's val3: FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1, as strace shows it */
static void set_futex_wake_op(struct decoder *d, struct darg *a)
{
	uint32_t v = a->raw, op = v >> 28 & 7, cmp = v >> 24 & 15;
	const char *n;
	struct sb b = dec_begin(d);

	if (v >> 28 & 8)
		sb_puts(&b, "FUTEX_OP_OPARG_SHIFT<<28|");
	n = xlat__name(&xt_futex_wake_ops, op);
	if (n)
		sb_puts(&b, n);
	else
		sb_u64(&b, op);
	sb_puts(&b, "<<28|");
	sb_u64(&b, v >> 12 & 0xfff);
	sb_puts(&b, "<<12|");
	n = xlat__name(&xt_futex_wake_cmps, cmp);
	if (n)
		sb_puts(&b, n);
	else
		sb_u64(&b, cmp);
	sb_puts(&b, "<<24|");
	sb_hex(&b, v & 0xfff);
	dec_end(d, a, &b);
}

static void set_u32(struct decoder *d, struct darg *a, bool hex)
{
	struct sb b = dec_begin(d);

	if (hex)
		sb_hex(&b, (uint32_t)a->raw);
	else
		sb_u64(&b, (uint32_t)a->raw);
	dec_end(d, a, &b);
}

/*
 * futex(uaddr, op, ...): the operation, then only the arguments it uses, as strace shows them
 * (val unsigned; val2, in the timeout's place, as a number where it is one; val3 a bitset, a
 * FUTEX_WAKE_OP encoding or a value to compare).
 */
static void dec_futex(struct decoder *d, struct call *c)
{
	static const uint8_t wait[] = { 0, 1, 2, 3 }, wake[] = { 0, 1, 2 },
		requeue[] = { 0, 1, 2, 3, 4 }, all[] = { 0, 1, 2, 3, 4, 5 },
		lock_pi[] = { 0, 1, 3 }, unlock_pi[] = { 0, 1 },
		wait_bitset[] = { 0, 1, 2, 3, 5 }, wake_bitset[] = { 0, 1, 2, 5 };
	uint32_t op = c->arg[1].raw, cmd = op & ~(FUTEX_PRIVATE_V | FUTEX_CLOCK_REALTIME_V);
	const char *name = xlat__name(&xt_futex_cmds, cmd);
	struct sb b = dec_begin(d);

	if (name) {
		sb_puts(&b, name);
		if (op & FUTEX_PRIVATE_V)
			sb_puts(&b, "_PRIVATE");
		if (op & FUTEX_CLOCK_REALTIME_V)
			sb_puts(&b, "|FUTEX_CLOCK_REALTIME");
	} else {
		sb_hex(&b, op);
		sb_puts(&b, " /* FUTEX_??? */");
	}
	dec_end(d, &c->arg[1], &b);
	set_u32(d, &c->arg[2], false);
	if (!name) {
		dec_keep_args(c, all, 6);
		return;
	}
	switch (cmd) {
	case 0:		/* FUTEX_WAIT */
		set_timespec(d, &c->arg[3]);
		dec_keep_args(c, wait, 4);
		break;
	case 1:		/* FUTEX_WAKE */
	case 2:		/* FUTEX_FD */
		dec_keep_args(c, wake, 3);
		break;
	case 3:		/* FUTEX_REQUEUE: val2 in the timeout's place */
		set_u32(d, &c->arg[3], false);
		dec_keep_args(c, requeue, 5);
		break;
	case 4:		/* FUTEX_CMP_REQUEUE */
	case 12:	/* FUTEX_CMP_REQUEUE_PI */
		set_u32(d, &c->arg[3], false);
		set_u32(d, &c->arg[5], false);
		dec_keep_args(c, all, 6);
		break;
	case 5:		/* FUTEX_WAKE_OP */
		set_u32(d, &c->arg[3], false);
		set_futex_wake_op(d, &c->arg[5]);
		dec_keep_args(c, all, 6);
		break;
	case 6:		/* FUTEX_LOCK_PI */
	case 13:	/* FUTEX_LOCK_PI2 */
		set_timespec(d, &c->arg[3]);
		dec_keep_args(c, lock_pi, 3);
		break;
	case 7:		/* FUTEX_UNLOCK_PI */
	case 8:		/* FUTEX_TRYLOCK_PI */
		dec_keep_args(c, unlock_pi, 2);
		break;
	case 9:		/* FUTEX_WAIT_BITSET */
		set_timespec(d, &c->arg[3]);
		if ((uint32_t)c->arg[5].raw == FUTEX_BITSET_MATCH_ANY_V) {
			b = dec_begin(d);
			sb_puts(&b, "FUTEX_BITSET_MATCH_ANY");
			dec_end(d, &c->arg[5], &b);
		} else {
			set_u32(d, &c->arg[5], true);
		}
		dec_keep_args(c, wait_bitset, 5);
		break;
	case 10:	/* FUTEX_WAKE_BITSET */
		set_u32(d, &c->arg[5], true);
		dec_keep_args(c, wake_bitset, 4);
		break;
	case 11:	/* FUTEX_WAIT_REQUEUE_PI */
		set_timespec(d, &c->arg[3]);
		dec_keep_args(c, requeue, 5);
		break;
	}
}

#define TASK_COMM_LEN	16

/* prctl(PR_SET_NAME, "worker"): the option, then the arguments it uses, as strace shows them */
static void dec_prctl(struct decoder *d, struct call *c)
{
	static const uint8_t opt_only[] = { 0 }, opt_arg[] = { 0, 1 };
	uint32_t opt = c->arg[0].raw;
	const char *name = xlat__name(&xt_prctl_options, opt);
	struct darg *a = &c->arg[1];
	const uint8_t *p;
	int32_t v;
	struct sb b = dec_begin(d);

	if (name) {
		sb_puts(&b, name);
	} else {
		sb_hex(&b, opt);
		sb_puts(&b, " /* PR_??? */");
	}
	dec_end(d, &c->arg[0], &b);
	if (!name)
		return;	/* the four other arguments in hex */
	switch (opt) {
	case 3:		/* PR_GET_DUMPABLE */
	case 7:		/* PR_GET_KEEPCAPS */
	case 21:	/* PR_GET_SECCOMP */
	case 30:	/* PR_GET_TIMERSLACK */
		dec_keep_args(c, opt_only, 1);
		break;
	case 1:		/* PR_SET_PDEATHSIG */
		b = dec_begin(d);
		sb_signal(&b, (int)a->raw);
		dec_end(d, a, &b);
		dec_keep_args(c, opt_arg, 2);
		break;
	case 2:		/* PR_GET_PDEATHSIG: [SIGTERM] */
	case 37:	/* PR_GET_CHILD_SUBREAPER: [1] */
		p = dec_struct(a, 4);
		if (p && c->ret >= 0) {
			memcpy(&v, p, 4);
			b = dec_begin(d);
			sb_putc(&b, '[');
			if (opt == 2)
				sb_signal(&b, v);
			else
				sb_i64(&b, v);
			sb_putc(&b, ']');
			dec_end(d, a, &b);
		}
		dec_keep_args(c, opt_arg, 2);
		break;
	case 4:		/* PR_SET_DUMPABLE */
	case 8:		/* PR_SET_KEEPCAPS */
	case 29:	/* PR_SET_TIMERSLACK */
	case 36:	/* PR_SET_CHILD_SUBREAPER */
		b = dec_begin(d);
		sb_u64(&b, a->raw);
		dec_end(d, a, &b);
		dec_keep_args(c, opt_arg, 2);
		break;
	case 15:	/* PR_SET_NAME */
	case 16:	/* PR_GET_NAME: the name when it was read */
		p = dec_struct(a, 1);
		if (p && (opt == 15 || c->ret == 0)) {
			b = dec_begin(d);
			sb_quoted(&b, p, a->cap->len < TASK_COMM_LEN ? a->cap->len : TASK_COMM_LEN,
				  false, true, false);
			dec_end(d, a, &b);
		}
		dec_keep_args(c, opt_arg, 2);
		break;
	case 23:	/* PR_CAPBSET_READ */
	case 24:	/* PR_CAPBSET_DROP */
		b = dec_begin(d);
		sb_enum(&b, &xt_capabilities, a->raw, "CAP_???");
		dec_end(d, a, &b);
		dec_keep_args(c, opt_arg, 2);
		break;
	case 38:	/* PR_SET_NO_NEW_PRIVS: all four, in decimal */
	case 39:	/* PR_GET_NO_NEW_PRIVS */
		for (v = 1; v < 5; v++) {
			b = dec_begin(d);
			sb_u64(&b, c->arg[v].raw);
			dec_end(d, &c->arg[v], &b);
		}
		break;
	}
}

/* getrusage(RUSAGE_SELF, {ru_utime=..., ru_stime=..., ...}) */
static void dec_getrusage(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_rusage_who, (uint64_t)(int64_t)(int32_t)c->arg[0].raw, "RUSAGE_???");
	dec_end(d, &c->arg[0], &b);
	dec_rusage(d, c, &c->arg[1]);
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

static void dec_sysinfo(struct decoder *d, struct call *c)
{
	const uint8_t *si = dec_struct(&c->arg[0], SYSINFO_SIZE);
	static const struct {
		const char *name;
		uint8_t off;
		uint8_t size;
	} f[] = {
		{ "uptime", 0, 8 }, { "loads", 8, 0 }, { "totalram", 32, 8 },
		{ "freeram", 40, 8 }, { "sharedram", 48, 8 }, { "bufferram", 56, 8 },
		{ "totalswap", 64, 8 }, { "freeswap", 72, 8 }, { "procs", 80, 2 },
		{ "totalhigh", 88, 8 }, { "freehigh", 96, 8 }, { "mem_unit", 104, 4 },
	};
	uint64_t v;
	unsigned int i, j;
	struct sb b;

	if (!si)
		return;
	b = dec_begin(d);
	sb_putc(&b, '{');
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (i)
			sb_puts(&b, ", ");
		sb_puts(&b, f[i].name);
		sb_putc(&b, '=');
		if (!f[i].size) {
			sb_putc(&b, '[');
			for (j = 0; j < 3; j++) {
				memcpy(&v, si + f[i].off + 8 * j, 8);
				if (j)
					sb_puts(&b, ", ");
				sb_u64(&b, v);
			}
			sb_putc(&b, ']');
			continue;
		}
		v = 0;
		memcpy(&v, si + f[i].off, f[i].size);
		sb_u64(&b, v);
	}
	sb_putc(&b, '}');
	dec_end(d, &c->arg[0], &b);
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
	sb_puts(&b, ", ...}");
	dec_end(d, &c->arg[0], &b);
}

/* The time left is written only when a signal cut the sleep short: else strace shows the
 * address (and so does sysobs; the kernel reads it whatever the result). */
static bool sleep_interrupted(const struct call *c)
{
	return c->ret == -4 /* EINTR */ || (c->ret <= -512 && c->ret >= -516);	/* ERESTART* */
}

static void dec_nanosleep(struct decoder *d, struct call *c)
{
	set_timespec(d, &c->arg[0]);
	if (sleep_interrupted(c))
		set_timespec(d, &c->arg[1]);
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

static void dec_clock_gettime(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum_d(&b, &xt_clockids, (int32_t)c->arg[0].raw, NULL);
	dec_end(d, &c->arg[0], &b);
	set_timespec(d, &c->arg[1]);
}

static void dec_clock_nanosleep(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum_d(&b, &xt_clockids, (int32_t)c->arg[0].raw, NULL);
	dec_end(d, &c->arg[0], &b);
	b = dec_begin(d);
	sb_puts(&b, c->arg[1].raw == 1 ? "TIMER_ABSTIME" : "0");
	dec_end(d, &c->arg[1], &b);
	set_timespec(d, &c->arg[2]);
	if (sleep_interrupted(c))
		set_timespec(d, &c->arg[3]);
}

/* clone(child_stack=..., flags=CLONE_VM|...|SIGCHLD, ...): the flags with the exit signal */
static void dec_clone(struct decoder *d, struct call *c)
{
	uint64_t flags = c->arg[0].raw;
	struct sb b = dec_begin(d);

	sb_puts(&b, "child_stack=");
	sb_ptr(&b, c->arg[1].raw);
	sb_puts(&b, ", flags=");
	if (flags & ~(uint64_t)CSIGNAL_BITS) {
		sb_flags(&b, &xt_clone_flags, flags & ~(uint64_t)CSIGNAL_BITS, NULL);
		if (flags & CSIGNAL_BITS)
			sb_putc(&b, '|');
	}
	if (flags & CSIGNAL_BITS)
		sb_signal(&b, flags & CSIGNAL_BITS);
	if (!flags)
		sb_putc(&b, '0');
	/* x86-64 order: flags, stack, parent_tid, child_tid, tls */
	if (flags & CLONE_PARENT_SETTID_V) {
		sb_puts(&b, ", parent_tid=");
		sb_ptr(&b, c->arg[2].raw);
	}
	if (flags & (CLONE_CHILD_SETTID_V | CLONE_CHILD_CLEARTID_V)) {
		sb_puts(&b, ", child_tidptr=");
		sb_ptr(&b, c->arg[3].raw);
	}
	if (flags & CLONE_SETTLS_V) {
		sb_puts(&b, ", tls=");
		sb_ptr(&b, c->arg[4].raw);
	}
	dec_end(d, &c->arg[0], &b);
	c->nargs = 1;
}

const struct dec_entry dec_proc_table[] = {
	{ "prlimit64", dec_prlimit64, {
		{ 2, SO_CK_STRUCT_IN, 0, RLIMIT_SIZE },
		{ 3, SO_CK_STRUCT_OUT, 0, RLIMIT_SIZE } } },
	{ "getrlimit", dec_getrlimit, { { 1, SO_CK_STRUCT_OUT, 0, RLIMIT_SIZE } } },
	{ "setrlimit", dec_getrlimit, { { 1, SO_CK_STRUCT_IN, 0, RLIMIT_SIZE } } },
	{ "arch_prctl", dec_arch_prctl },
	{ "getrusage", dec_getrusage, { { 1, SO_CK_STRUCT_OUT, 0, RUSAGE_HEAD_SIZE } } },
	/* what arg2 points at, for the options that take a name or an int pointer */
	{ "prctl", dec_prctl, { { 1, SO_CK_STRUCT_IN, 0, TASK_COMM_LEN } } },
	{ "futex", dec_futex, { { 3, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE } } },
	{ "getrandom", dec_getrandom },
	{ "rseq", dec_rseq },
	{ "sysinfo", dec_sysinfo, { { 0, SO_CK_STRUCT_OUT, 0, SYSINFO_SIZE } } },
	{ "uname", dec_uname, { { 0, SO_CK_STRUCT_OUT, 0, UTSNAME_SIZE } } },
	{ "nanosleep", dec_nanosleep, {
		{ 0, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE },
		{ 1, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE } } },	/* rem: read whatever the result */
	{ "getgroups", dec_getgroups, { { 1, SO_CK_STRUCT_OUT, 0, GROUPS_MAX * 4 } } },
	{ "setgroups", dec_setgroups, { { 1, SO_CK_STRUCT_IN, 0, GROUPS_MAX * 4 } } },
	{ "sched_getaffinity", dec_sched_getaffinity, { { 2, SO_CK_BUF_OUT, 0, 0 } } },
	{ "sched_setaffinity", dec_sched_setaffinity, { { 2, SO_CK_BUF_IN, 1, 0 } } },
	{ "clock_gettime", dec_clock_gettime, { { 1, SO_CK_STRUCT_OUT, 0, TIMESPEC_SIZE } } },
	{ "clock_nanosleep", dec_clock_nanosleep, {
		{ 2, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE },
		{ 3, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE } } },
	{ "clone", dec_clone },
	{ NULL },
};
