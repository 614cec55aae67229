// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Scheduling policies and parameters (strace's src/sched.c): SCHED_* by name, struct
 * sched_param as [priority], sched_getscheduler's result named. */
#include <string.h>
#include "decode/families/family.h"

#define SCHED_PARAM_SIZE	4	/* struct sched_param: one int */

static void set_policy(struct decoder *d, struct darg *a)
{
	set_enum(d, a, &xt_sched_policies, (uint32_t)a->raw, "SCHED_???");
}

/* [priority]: read when the caller gave it, or (out) when the call wrote it */
static void set_param(struct decoder *d, const struct call *c, struct darg *a, bool out)
{
	const int32_t *p = dec_struct(a, SCHED_PARAM_SIZE);

	if (p && !(out && c->ret < 0))
		dec_int_in_brackets(d, a, *p);
}

static void dec_sched_setscheduler(struct decoder *d, struct call *c)
{
	set_policy(d, &c->arg[1]);
	set_param(d, c, &c->arg[2], false);
}

static void dec_sched_getscheduler(struct decoder *d, struct call *c)
{
	const char *n;
	struct sb b;

	if (c->kind != CALL_DONE || c->ret < 0)
		return;
	n = xlat__name(&xt_sched_policies, c->ret);
	if (!n)
		return;
	b = dec_begin(d);
	sb_i64(&b, c->ret);
	sb_puts(&b, " (");
	sb_puts(&b, n);
	sb_putc(&b, ')');
	dec_end_ret(d, c, &b);
}

static void dec_sched_priority(struct decoder *d, struct call *c)
{
	set_policy(d, &c->arg[0]);
}

static void dec_sched_setparam(struct decoder *d, struct call *c)
{
	set_param(d, c, &c->arg[1], false);
}

static void dec_sched_getparam(struct decoder *d, struct call *c)
{
	set_param(d, c, &c->arg[1], true);
}

const struct dec_entry dec_sched_table[] = {
	{ "sched_setscheduler", dec_sched_setscheduler,
		{ { 2, SO_CK_STRUCT_IN, 0, SCHED_PARAM_SIZE } } },
	{ "sched_getscheduler", dec_sched_getscheduler },
	{ "sched_get_priority_max", dec_sched_priority },
	{ "sched_get_priority_min", dec_sched_priority },
	{ "sched_setparam", dec_sched_setparam, { { 1, SO_CK_STRUCT_IN, 0, SCHED_PARAM_SIZE } } },
	{ "sched_getparam", dec_sched_getparam, { { 1, SO_CK_STRUCT_OUT, 0, SCHED_PARAM_SIZE } } },
	{ NULL },
};
