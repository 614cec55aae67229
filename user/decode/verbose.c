// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -e verbose=SET: what a call outside the set shows of the memory its arguments point to. */
#include <string.h>
#include "decode/registry.h"
#include "decode/verbose.h"

/*
 * -e verbose=: a call outside the set shows what its pointers point to only when it is a string
 * or a data buffer (strace's printstr), everything else as its address (strace's
 * umove_or_printaddr refuses to read for such calls). Some buffers strace reads only for such
 * calls (a socket option's value, a CPU mask); prctl's names are strings in any case.
 */
static const char *const verbose_buffers[] = {
	"getsockopt", "setsockopt", "sched_getaffinity", "sched_setaffinity",
};

static bool arg_is_string(const struct call *c, unsigned int i)
{
	enum so_cap_kind k = registry__cap_kind(c->nr, i);
	int kind = c->ent ? c->ent->args[i].kind : AK_HEX;
	unsigned int j;

	if (kind == AK_PATH || kind == AK_STR || k == SO_CK_PATH || k == SO_CK_STR ||
	    k == SO_CK_STR_OUT || !strcmp(c->name, "prctl"))
		return true;
	if (k != SO_CK_BUF_IN && k != SO_CK_BUF_OUT && k != SO_CK_BUF_OUT_LEN)
		return false;
	for (j = 0; j < sizeof(verbose_buffers) / sizeof(verbose_buffers[0]); j++)
		if (!strcmp(c->name, verbose_buffers[j]))
			return false;
	return true;
}

/* Forget the captures of the arguments shown as addresses; returns them as a bit mask. */
unsigned int verbose__hide(struct call *c)
{
	unsigned int i, hidden = 0;

	for (i = 0; i < c->nargs && i < SO_MAX_ARGS; i++) {
		if (arg_is_string(c, i))
			continue;
		c->arg[i].cap = NULL;
		c->arg[i].data = NULL;
		hidden |= 1u << i;
	}
	return hidden;
}

/* The hidden arguments that are pointers by their signature: their address, whatever the
 * family decoder made of them without their data (futex's decoder knows which of its
 * pointers are numbers for the operation; an empty array needs no reading: "[]" as strace's
 * print_array). */
void verbose__addresses(struct decoder *d, struct call *c, unsigned int hidden)
{
	unsigned int i;

	if (!strcmp(c->name, "futex"))
		return;
	for (i = 0; i < c->nargs && i < SO_MAX_ARGS && c->ent; i++) {
		int kind = c->ent->args[i].kind;

		if (c->arg[i].raw && c->arg[i].len == 2 && !memcmp(c->arg[i].text, "[]", 2))
			continue;
		if ((hidden >> i & 1) && (kind == AK_PTR || kind == AK_STRUCT_IN ||
					  kind == AK_STRUCT_OUT || kind == AK_BUF_IN ||
					  kind == AK_BUF_OUT)) {
			struct sb b = dec_begin(d);

			sb_ptr(&b, c->arg[i].raw);
			dec_end(d, &c->arg[i], &b);
		}
	}
}
