// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Futexes: every operation with the arguments strace shows for it. */
#include <string.h>
#include <linux/futex.h>
#include "decode/families/family.h"

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

/* FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME (name: the command's) */
static void futex_op_names(struct sb *b, uint64_t op, const void *name)
{
	sb_puts(b, name);
	if (op & FUTEX_PRIVATE_FLAG)
		sb_puts(b, "_PRIVATE");
	if (op & FUTEX_CLOCK_REALTIME)
		sb_puts(b, "|FUTEX_CLOCK_REALTIME");
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
	uint32_t op = c->arg[1].raw, cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
	const char *name = xlat__name(&xt_futex_cmds, cmd);
	struct sb b = dec_begin(d);

	if (name && !sb_styled(&b, op, futex_op_names, name)) {
		futex_op_names(&b, op, name);
	} else if (!name) {
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
	case FUTEX_WAIT:
		dec_timespec(d, &c->arg[3]);
		dec_keep_args(c, wait, 4);
		break;
	case FUTEX_WAKE:
	case FUTEX_FD:
		dec_keep_args(c, wake, 3);
		break;
	case FUTEX_REQUEUE:	/* val2 in the timeout's place */
		set_u32(d, &c->arg[3], false);
		dec_keep_args(c, requeue, 5);
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		set_u32(d, &c->arg[3], false);
		set_u32(d, &c->arg[5], false);
		dec_keep_args(c, all, 6);
		break;
	case FUTEX_WAKE_OP:
		set_u32(d, &c->arg[3], false);
		set_futex_wake_op(d, &c->arg[5]);
		dec_keep_args(c, all, 6);
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		dec_timespec(d, &c->arg[3]);
		dec_keep_args(c, lock_pi, 3);
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		dec_keep_args(c, unlock_pi, 2);
		break;
	case FUTEX_WAIT_BITSET:
		dec_timespec(d, &c->arg[3]);
		if ((uint32_t)c->arg[5].raw == FUTEX_BITSET_MATCH_ANY) {
			b = dec_begin(d);
			sb_puts(&b, "FUTEX_BITSET_MATCH_ANY");
			dec_end(d, &c->arg[5], &b);
		} else {
			set_u32(d, &c->arg[5], true);
		}
		dec_keep_args(c, wait_bitset, 5);
		break;
	case FUTEX_WAKE_BITSET:
		set_u32(d, &c->arg[5], true);
		dec_keep_args(c, wake_bitset, 4);
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		dec_timespec(d, &c->arg[3]);
		dec_keep_args(c, requeue, 5);
		break;
	}
}

const struct dec_entry dec_futex_table[] = {
	{ "futex", dec_futex, { { 3, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE } } },
	{ NULL },
};
