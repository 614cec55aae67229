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
