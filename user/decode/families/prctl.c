// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Process control: prctl options and their arguments, arch_prctl codes. */
#include <string.h>
#include <linux/prctl.h>
#include "decode/families/family.h"

static void dec_arch_prctl(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_arch_prctl_codes, (uint32_t)c->arg[0].raw, "ARCH_???");
	dec_end(d, &c->arg[0], &b);
}

#define TASK_COMM_LEN	16

#define XL(name)	{ name, #name }
/* PR_SET_DUMPABLE's values: the kernel's include/linux/sched/coredump.h, not in uapi */
#define SUID_DUMP_DISABLE	0
#define SUID_DUMP_USER		1
#define SUID_DUMP_ROOT		2
static const struct xlat xl_suid_dump[] = {
	XL(SUID_DUMP_DISABLE), XL(SUID_DUMP_USER), XL(SUID_DUMP_ROOT),
};
static const struct xlat_tab xt_suid_dump = { xl_suid_dump, 3 };

/* [SIGTERM] for PR_GET_PDEATHSIG, [1] for PR_GET_CHILD_SUBREAPER: the int the call wrote */
static void set_int_out(struct decoder *d, const struct call *c, struct darg *a, bool signal)
{
	const uint8_t *p = dec_struct(a, 4);
	struct sb b;
	int32_t v;

	if (!p || c->ret < 0)
		return;
	memcpy(&v, p, 4);
	b = dec_begin(d);
	sb_putc(&b, '[');
	if (signal)
		sb_signal(&b, v);
	else
		sb_i64(&b, v);
	sb_putc(&b, ']');
	dec_end(d, a, &b);
}

/* PR_SET_NAME's name, PR_GET_NAME's when the call wrote it */
static void set_comm(struct decoder *d, const struct call *c, struct darg *a, bool set)
{
	const uint8_t *p = dec_struct(a, 1);
	struct sb b;

	if (!p || !(set || c->ret == 0))
		return;
	b = dec_begin(d);
	sb_quoted(&b, p, a->cap->len < TASK_COMM_LEN ? a->cap->len : TASK_COMM_LEN, false, true,
		  false);
	dec_end(d, a, &b);
}

/* prctl(PR_SET_NAME, "worker"): the option, then the arguments it uses, as strace shows them */
static void dec_prctl(struct decoder *d, struct call *c)
{
	static const uint8_t opt_only[] = { 0 }, opt_arg[] = { 0, 1 };
	uint32_t opt = c->arg[0].raw;
	struct darg *a = &c->arg[1];
	struct sb b = dec_begin(d);
	int v;

	sb_enum(&b, &xt_prctl_options, opt, "PR_???");
	dec_end(d, &c->arg[0], &b);
	if (!xlat__name(&xt_prctl_options, opt))
		return;	/* the four other arguments in hex */
	switch (opt) {
	case PR_GET_DUMPABLE:
		if (c->kind == CALL_DONE && c->ret >= 0) {	/* = 1 (SUID_DUMP_USER) */
			const char *n = xlat__name(&xt_suid_dump, c->ret);

			b = dec_begin(d);
			sb_i64(&b, c->ret);
			if (n) {
				sb_puts(&b, " (");
				sb_puts(&b, n);
				sb_putc(&b, ')');
			}
			dec_end_ret(d, c, &b);
		}
		/* fall through */
	case PR_GET_KEEPCAPS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
		dec_keep_args(c, opt_only, 1);
		break;
	case PR_SET_PDEATHSIG:
		b = dec_begin(d);
		sb_signal(&b, (int)a->raw);
		dec_end(d, a, &b);
		dec_keep_args(c, opt_arg, 2);
		break;
	case PR_GET_PDEATHSIG:
	case PR_GET_CHILD_SUBREAPER:
		set_int_out(d, c, a, opt == PR_GET_PDEATHSIG);
		dec_keep_args(c, opt_arg, 2);
		break;
	case PR_SET_DUMPABLE:
		set_enum(d, a, &xt_suid_dump, a->raw, "SUID_DUMP_???");
		dec_keep_args(c, opt_arg, 2);
		break;
	case PR_SET_KEEPCAPS:
	case PR_SET_TIMERSLACK:
	case PR_SET_CHILD_SUBREAPER:
		b = dec_begin(d);
		sb_u64(&b, a->raw);
		dec_end(d, a, &b);
		dec_keep_args(c, opt_arg, 2);
		break;
	case PR_SET_NAME:
	case PR_GET_NAME:
		set_comm(d, c, a, opt == PR_SET_NAME);
		dec_keep_args(c, opt_arg, 2);
		break;
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		b = dec_begin(d);
		sb_enum(&b, &xt_capabilities, a->raw, "CAP_???");
		dec_end(d, a, &b);
		dec_keep_args(c, opt_arg, 2);
		break;
	case PR_SET_NO_NEW_PRIVS:	/* all four, in decimal */
	case PR_GET_NO_NEW_PRIVS:
		for (v = 1; v < 5; v++) {
			b = dec_begin(d);
			sb_u64(&b, c->arg[v].raw);
			dec_end(d, &c->arg[v], &b);
		}
		break;
	}
}

const struct dec_entry dec_prctl_table[] = {
	{ "arch_prctl", dec_arch_prctl },
	/* what arg2 points at, for the options that take a name or an int pointer */
	{ "prctl", dec_prctl, { { 1, SO_CK_STRUCT_IN, 0, TASK_COMM_LEN } } },
	{ NULL },
};
