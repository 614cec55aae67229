// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The decoder registry: which family decoder, and which kernel captures, each syscall has. */
#include <string.h>
#include "decode/registry.h"

static const struct dec_entry *const families[] = {
	dec_file_table, dec_stat_table, dec_io_table, dec_ioctl_table, dec_mm_table, dec_signal_table, dec_net_table,
	dec_msg_table,
	dec_futex_table, dec_prctl_table, dec_time_table, dec_resource_table, dec_process_table,
	dec_sched_table, dec_numa_table, dec_keyctl_table, dec_ptrace_table,
	dec_bpf_table, dec_consts_table,
};

static const struct dec_entry *by_nr[SO_NR_SLOTS];
static bool by_nr_done;

static void registry_build(void)
{
	unsigned int f;

	for (f = 0; f < sizeof(families) / sizeof(families[0]); f++) {
		const struct dec_entry *e;

		for (e = families[f]; e->name; e++) {
			long nr = sysent__by_name(e->name);

			if (nr >= 0 && nr < SO_NR_SLOTS)
				by_nr[nr] = e;
		}
	}
	by_nr_done = true;
}

const struct dec_entry *dec__lookup(long nr)
{
	if (!by_nr_done)
		registry_build();
	if (nr < 0 || nr >= SO_NR_SLOTS)
		return NULL;
	return by_nr[nr];
}

void dec__call(struct decoder *d, struct call *c)
{
	const struct dec_entry *e = dec__lookup(c->nr);

	if (e && e->fn)
		e->fn(d, c);
}

/* The decoder's own captures (structs) on top of the generic ones. */
static void spec_add_decoder(struct so_spec *sp, const struct dec_entry *e)
{
	unsigned int i;

	for (i = 0; i < DEC_MAX_CAPS && e->caps[i].kind; i++) {
		struct so_arg_spec *a = &sp->arg[e->caps[i].arg];

		if (!a->kind)
			sp->ncaps++;
		a->kind = e->caps[i].kind;
		a->len_arg = e->caps[i].len_arg;
		a->size = e->caps[i].size;
	}
}

/* The generic captures, from the generated signature table: strings and buffers. */
static void spec_fill(struct so_spec *sp, const struct sysent *e)
{
	unsigned int i;

	memset(sp, 0, sizeof(*sp));
	if (!e || !e->known)
		return;
	for (i = 0; i < e->nargs && i < SO_MAX_ARGS; i++) {
		const struct sysent_arg *a = &e->args[i];
		struct so_arg_spec *s = &sp->arg[i];

		switch (a->kind) {
		case AK_PATH:
			s->kind = SO_CK_PATH;
			break;
		case AK_STR:
			s->kind = SO_CK_STR;
			break;
		case AK_BUF_IN:
			if (a->len_arg >= SO_MAX_ARGS)
				continue;
			s->kind = SO_CK_BUF_IN;
			s->len_arg = a->len_arg;
			break;
		case AK_BUF_OUT:
			s->kind = SO_CK_BUF_OUT;
			break;
		default:
			continue;
		}
		sp->ncaps++;
	}
}

static void spec_of(struct so_spec *sp, long nr)
{
	const struct dec_entry *e = dec__lookup(nr);

	spec_fill(sp, sysent__get(nr));
	if (e)
		spec_add_decoder(sp, e);
	/* execve and execveat have their own capture (the kernel's exec path) */
	if (sysent__has(nr, SE_EXEC))
		memset(sp, 0, sizeof(*sp));
}

enum so_cap_kind registry__cap_kind(long nr, unsigned int arg)
{
	struct so_spec sp;

	if (nr < 0 || nr >= SO_NR_SLOTS || arg >= SO_MAX_ARGS)
		return SO_CK_NONE;
	spec_of(&sp, nr);
	return sp.arg[arg].kind;
}

void registry__specs(struct so_spec specs[SO_NR_SLOTS])
{
	long nr;

	for (nr = 0; nr < SO_NR_SLOTS; nr++)
		spec_of(&specs[nr], nr);
}
