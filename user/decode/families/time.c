// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Time: timespecs, clocks and sleeps. */
#include <errno.h>
#include <string.h>
#include "decode/families/family.h"

/* The time left is written only when a signal cut the sleep short: else strace shows the
 * address (and so does sysobs; the kernel reads it whatever the result). */
static bool sleep_interrupted(const struct call *c)
{
	return c->ret == -EINTR || (ret_is_error(c->ret) && errno__is_restart(-c->ret));
}

static void dec_nanosleep(struct decoder *d, struct call *c)
{
	dec_timespec(d, &c->arg[0]);
	if (sleep_interrupted(c))
		dec_timespec(d, &c->arg[1]);
}

static void dec_clock_gettime(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum_d(&b, &xt_clockids, (int32_t)c->arg[0].raw, NULL);
	dec_end(d, &c->arg[0], &b);
	dec_timespec(d, &c->arg[1]);
}

static void dec_clock_nanosleep(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum_d(&b, &xt_clockids, (int32_t)c->arg[0].raw, NULL);
	dec_end(d, &c->arg[0], &b);
	b = dec_begin(d);
	sb_puts(&b, c->arg[1].raw == 1 ? "TIMER_ABSTIME" : "0");
	dec_end(d, &c->arg[1], &b);
	dec_timespec(d, &c->arg[2]);
	if (sleep_interrupted(c))
		dec_timespec(d, &c->arg[3]);
}

const struct dec_entry dec_time_table[] = {
	{ "nanosleep", dec_nanosleep, {
		{ 0, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE },
		{ 1, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE } } },	/* rem: read whatever the result */
	{ "clock_gettime", dec_clock_gettime, { { 1, SO_CK_STRUCT_OUT, 0, TIMESPEC_SIZE } } },
	{ "clock_nanosleep", dec_clock_nanosleep, {
		{ 2, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE },
		{ 3, SO_CK_STRUCT_IN, 0, TIMESPEC_SIZE } } },
	{ NULL },
};
