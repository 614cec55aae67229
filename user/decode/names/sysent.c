// SPDX-License-Identifier: GPL-2.0
/* Lookups over the generated syscall table. */
#include <stdio.h>
#include <string.h>

#include "decode/names/sysent.h"
#include "decode/names/tables/syscalls.h"
#include "decode/names/tables/classes.h"

const struct sysent *sysent__get(long nr)
{
	if (nr < 0 || nr >= SYSENT_NR_MAX || !sysent_table[nr].name)
		return NULL;
	return &sysent_table[nr];
}

const char *sysent__name(long nr, char *buf, size_t len)
{
	const struct sysent *ent = sysent__get(nr);

	if (ent)
		return ent->name;
	snprintf(buf, len, "syscall_%#lx", (unsigned long)nr);
	return buf;
}

long sysent__by_name(const char *name)
{
	long nr;

	for (nr = 0; nr < SYSENT_NR_MAX; nr++) {
		if (sysent_table[nr].name && !strcmp(sysent_table[nr].name, name))
			return nr;
	}
	return -1;
}

unsigned sysent__max(void)
{
	return SYSENT_NR_MAX;
}

bool sysent__has(long nr, unsigned int f)
{
	const struct sysent *ent = sysent__get(nr);

	return ent && (ent->flags & f) == f;
}

uint32_t sysent__classes(long nr, const char **strace_name)
{
	const size_t n = sizeof(syscall_classes) / sizeof(syscall_classes[0]);

	*strace_name = nr >= 0 && (size_t)nr < n ? syscall_classes[nr].strace_name : NULL;
	return *strace_name ? syscall_classes[nr].classes : 0;
}

enum arg_width { AW_UNSET, AW_64, AW_S32, AW_U32, AW_U16 };

/* The declared types narrower than a register, as the signature table spells them. */
static const struct {
	const char *type;
	uint8_t width;
} narrow_types[] = {
	{ "int", AW_S32 }, { "const int", AW_S32 }, { "pid_t", AW_S32 }, { "mqd_t", AW_S32 },
	{ "timer_t", AW_S32 }, { "key_t", AW_S32 }, { "clockid_t", AW_S32 },
	{ "const clockid_t", AW_S32 }, { "rwf_t", AW_S32 }, { "key_serial_t", AW_S32 },
	{ "__s32", AW_S32 }, { "unsigned int", AW_U32 }, { "unsigned", AW_U32 }, { "u32", AW_U32 },
	{ "const __u32", AW_U32 }, { "uid_t", AW_U32 }, { "gid_t", AW_U32 }, { "qid_t", AW_U32 },
	{ "const enum landlock_rule_type", AW_U32 }, { "umode_t", AW_U16 },
};

/* Flags and masks of a signed type print as strace's unsigned int: they are not extended. */
static uint8_t arg_width(const struct sysent_arg *a)
{
	bool number = a->kind == AK_INT || a->kind == AK_FD || a->kind == AK_DIRFD ||
		      a->kind == AK_SIGNAL;
	size_t k;

	for (k = 0; a->type && k < sizeof(narrow_types) / sizeof(narrow_types[0]); k++) {
		if (!strcmp(a->type, narrow_types[k].type))
			return narrow_types[k].width == AW_S32 && !number ?
				AW_U32 : narrow_types[k].width;
	}
	return AW_64;
}

uint64_t sysent__narrow(long nr, unsigned int i, uint64_t v)
{
	static uint8_t widths[SYSENT_NR_MAX][SYSENT_MAX_ARGS];	/* AW_UNSET until first asked */
	const struct sysent *ent = sysent__get(nr);

	if (!ent || !ent->known || i >= ent->nargs)
		return v;
	if (widths[nr][i] == AW_UNSET)
		widths[nr][i] = arg_width(&ent->args[i]);
	switch (widths[nr][i]) {
	case AW_S32:
		return (uint64_t)(int64_t)(int32_t)v;
	case AW_U32:
		return (uint32_t)v;
	case AW_U16:
		return (uint16_t)v;
	}
	return v;
}
