// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * ptrace (strace's src/ptrace.c, the common requests): the request by name, then the
 * arguments it uses: none for PTRACE_TRACEME, the pid alone for ATTACH, KILL, INTERRUPT and
 * LISTEN; the signal to deliver for the resuming requests, the PTRACE_O_ options for SEIZE and
 * SETOPTIONS; otherwise the address and the data as addresses. PEEK*'s word is not shown.
 */
#include <linux/ptrace.h>
#include "decode/families/family.h"

static void dec_ptrace(struct decoder *d, struct call *c)
{
	uint32_t req = c->arg[0].raw;
	struct darg *addr = &c->arg[2], *data = &c->arg[3];
	struct sb b;

	set_enum(d, &c->arg[0], &xt_ptrace_cmds, req, "PTRACE_???");
	switch (req) {
	case PTRACE_TRACEME:
		c->nargs = 1;
		return;
	case PTRACE_ATTACH:
	case PTRACE_KILL:
	case PTRACE_INTERRUPT:
	case PTRACE_LISTEN:
		c->nargs = 2;
		return;
	}
	b = dec_begin(d);
	sb_ptr(&b, addr->raw);
	dec_end(d, addr, &b);
	b = dec_begin(d);
	switch (req) {
	case PTRACE_CONT:
	case PTRACE_DETACH:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
	case PTRACE_SINGLEBLOCK:
	case PTRACE_SYSEMU:
	case PTRACE_SYSEMU_SINGLESTEP:
		sb_signal(&b, (int)data->raw);
		break;
	case PTRACE_SEIZE:
	case PTRACE_SETOPTIONS:
	case PTRACE_OLDSETOPTIONS:
		sb_flags_u(&b, &xt_ptrace_opts, data->raw, "PTRACE_O_???");
		break;
	default:
		sb_ptr(&b, data->raw);
		break;
	}
	dec_end(d, data, &b);
	c->nargs = 4;
}

const struct dec_entry dec_ptrace_table[] = {
	{ "ptrace", dec_ptrace },
	{ NULL },
};
