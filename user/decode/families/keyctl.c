// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Keys (strace's src/keyctl.c): add_key and request_key's keyring, keyctl's command and, for
 * the commands that take only key serials, their arguments. KEY_SPEC_* by name. */
#include <linux/keyctl.h>
#include "decode/families/family.h"

/* a key serial: KEY_SPEC_SESSION_KEYRING, or the number */
static void set_key(struct decoder *d, struct darg *a)
{
	int32_t v = a->raw;
	const char *n = xlat__name(&xt_key_specs, (uint64_t)(int64_t)v);
	struct sb b = dec_begin(d);

	if (n)
		sb_puts(&b, n);
	else
		sb_i64(&b, v);
	dec_end(d, a, &b);
}

static void dec_add_key(struct decoder *d, struct call *c)
{
	set_key(d, &c->arg[4]);
}

static void dec_request_key(struct decoder *d, struct call *c)
{
	set_key(d, &c->arg[3]);
}

static void dec_keyctl(struct decoder *d, struct call *c)
{
	uint32_t cmd = c->arg[0].raw;
	struct sb b;

	set_enum(d, &c->arg[0], &xt_keyctl_cmds, cmd, "KEYCTL_???");
	switch (cmd) {
	case KEYCTL_GET_KEYRING_ID:	/* (key, create) */
		set_key(d, &c->arg[1]);
		b = dec_begin(d);
		sb_i64(&b, (int32_t)c->arg[2].raw);
		dec_end(d, &c->arg[2], &b);
		c->nargs = 3;
		break;
	case KEYCTL_REVOKE:		/* (key) */
	case KEYCTL_CLEAR:
	case KEYCTL_INVALIDATE:
		set_key(d, &c->arg[1]);
		c->nargs = 2;
		break;
	case KEYCTL_LINK:		/* (key, keyring) */
	case KEYCTL_UNLINK:
		set_key(d, &c->arg[1]);
		set_key(d, &c->arg[2]);
		c->nargs = 3;
		break;
	}
}

const struct dec_entry dec_keyctl_table[] = {
	{ "add_key", dec_add_key },
	{ "request_key", dec_request_key },
	{ "keyctl", dec_keyctl },
	{ NULL },
};
