// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Signals: names, sigaction, signal masks. */
#include <string.h>
#include "dec.h"

#define KSIGACTION_SIZE	32	/* handler, flags, restorer, 8-byte mask */
#define SA_RESTORER_V	0x04000000u

static void set_signal(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_signal(&b, (int)a->raw);
	dec_end(d, a, &b);
}

/* {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x...} */
static void set_sigaction(struct decoder *d, struct darg *a)
{
	const uint8_t *sa = dec_struct(a, KSIGACTION_SIZE);
	uint64_t handler, flags, restorer;
	struct sb b;

	if (!sa)
		return;
	memcpy(&handler, sa, 8);
	memcpy(&flags, sa + 8, 8);
	memcpy(&restorer, sa + 16, 8);
	b = dec_begin(d);
	sb_puts(&b, "{sa_handler=");
	if (handler == 0)
		sb_puts(&b, "SIG_DFL");
	else if (handler == 1)
		sb_puts(&b, "SIG_IGN");
	else
		sb_hex(&b, handler);
	sb_puts(&b, ", sa_mask=");
	sb_sigset(&b, sa + 24, 8);
	sb_puts(&b, ", sa_flags=");
	sb_flags(&b, &xt_sa_flags, flags, NULL);
	if (flags & SA_RESTORER_V) {
		sb_puts(&b, ", sa_restorer=");
		sb_hex(&b, restorer);
	}
	sb_putc(&b, '}');
	dec_end(d, a, &b);
}

static void dec_rt_sigaction(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[0]);
	set_sigaction(d, &c->arg[1]);
	set_sigaction(d, &c->arg[2]);
}

static void set_sigset(struct decoder *d, struct darg *a, uint64_t size)
{
	const uint8_t *set = dec_struct(a, 8);
	struct sb b;

	if (!set || size != 8)
		return;
	b = dec_begin(d);
	sb_sigset(&b, set, 8);
	dec_end(d, a, &b);
}

static void dec_rt_sigprocmask(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_sigprocmask_how, (uint32_t)c->arg[0].raw, "SIG_???");
	dec_end(d, &c->arg[0], &b);
	set_sigset(d, &c->arg[1], c->arg[3].raw);
	set_sigset(d, &c->arg[2], c->arg[3].raw);
}

static void dec_kill(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[1]);
}

static void dec_tgkill(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[2]);
}

const struct dec_entry dec_signal_table[] = {
	{ "rt_sigaction", dec_rt_sigaction, {
		{ 1, SO_CK_STRUCT_IN, 0, KSIGACTION_SIZE },
		{ 2, SO_CK_STRUCT_OUT, 0, KSIGACTION_SIZE } } },
	{ "rt_sigprocmask", dec_rt_sigprocmask, {
		{ 1, SO_CK_STRUCT_IN, 0, 8 },
		{ 2, SO_CK_STRUCT_OUT, 0, 8 } } },
	{ "kill", dec_kill },
	{ "tkill", dec_kill },
	{ "tgkill", dec_tgkill },
	{ NULL },
};
