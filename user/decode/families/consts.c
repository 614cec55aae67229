// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Calls whose decoding is only named constants in some of their arguments (dup3's O_CLOEXEC,
 * shutdown's SHUT_RDWR, epoll_ctl's EPOLL_CTL_ADD ...): a table of which argument takes which
 * constants and how strace 6.1 prints a value it cannot name, no code per call.
 */
#include <string.h>
#include "decode/families/family.h"

enum const_style {
	CS_FLAGS,	/* A|B|0x10, 0 */
	CS_FLAGS_U,	/* the same, but no known flag at all: 0x100 /+ RENAME_?? +/ */
	CS_ENUM,	/* A, or 0x9 /+ SHUT_??? +/ */
};

static const struct const_arg {
	const char *name;	/* the syscall */
	uint8_t arg;
	uint8_t style;		/* enum const_style */
	const struct xlat_tab *t;
	const char *unknown;
} const_args[] = {
	{ "dup3", 2, CS_FLAGS, &xt_open_flags, NULL },
	{ "setns", 1, CS_FLAGS, &xt_clone_flags, NULL },
	{ "shutdown", 1, CS_ENUM, &xt_shutdown_hows, "SHUT_???" },
	{ "getpriority", 0, CS_ENUM, &xt_prio_which, "PRIO_???" },
	{ "setpriority", 0, CS_ENUM, &xt_prio_which, "PRIO_???" },
	{ "renameat2", 4, CS_FLAGS_U, &xt_rename_flags, "RENAME_??" },
	{ "epoll_ctl", 1, CS_ENUM, &xt_epoll_ctl_ops, "EPOLL_CTL_???" },
	{ "epoll_create1", 0, CS_FLAGS, &xt_epoll_create_flags, NULL },
	{ "timerfd_create", 0, CS_ENUM, &xt_clockids, "CLOCK_???" },
	{ "timerfd_create", 1, CS_FLAGS, &xt_tfd_flags, NULL },
	{ "timerfd_settime", 1, CS_FLAGS_U, &xt_tfd_timer_flags, "TFD_???" },
	{ "eventfd2", 1, CS_FLAGS, &xt_efd_flags, NULL },
	{ "mlockall", 0, CS_FLAGS, &xt_mlockall_flags, NULL },
};

/* Every row of the call's name; the values are the kernel's (32 bits: the pipeline narrowed
 * them by the declared type). */
static void dec_consts(struct decoder *d, struct call *c)
{
	size_t k;

	for (k = 0; k < sizeof(const_args) / sizeof(const_args[0]); k++) {
		const struct const_arg *r = &const_args[k];
		uint32_t v;
		struct sb b;

		if (strcmp(r->name, c->name) || r->arg >= c->nargs)
			continue;
		v = c->arg[r->arg].raw;
		b = dec_begin(d);
		if (r->style == CS_ENUM)
			sb_enum(&b, r->t, v, r->unknown);
		else if (r->style == CS_FLAGS_U)
			sb_flags_u(&b, r->t, v, r->unknown);
		else
			sb_flags(&b, r->t, v, NULL);
		dec_end(d, &c->arg[r->arg], &b);
	}
}

const struct dec_entry dec_consts_table[] = {
	{ "dup3", dec_consts },
	{ "setns", dec_consts },
	{ "shutdown", dec_consts },
	{ "getpriority", dec_consts },
	{ "setpriority", dec_consts },
	{ "renameat2", dec_consts },
	{ "epoll_ctl", dec_consts },
	{ "epoll_create1", dec_consts },
	{ "timerfd_create", dec_consts },
	{ "timerfd_settime", dec_consts },
	{ "eventfd2", dec_consts },
	{ "mlockall", dec_consts },
	{ NULL },
};
