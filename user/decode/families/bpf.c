// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpf (strace's src/bpf.c, the command only): BPF_PROG_LOAD ... by name, from uapi
 * linux/bpf.h's enum bpf_cmd. The attributes stay an address. */
#include "decode/families/family.h"

static void dec_bpf(struct decoder *d, struct call *c)
{
	set_enum(d, &c->arg[0], &xt_bpf_cmds, (uint32_t)c->arg[0].raw, "BPF_???");
}

const struct dec_entry dec_bpf_table[] = {
	{ "bpf", dec_bpf },
	{ NULL },
};
