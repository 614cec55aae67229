// SPDX-License-Identifier: GPL-2.0
/* Lookups over the generated errno table, and how an error return is named. */
#include <stdio.h>
#include "decode/names/errno.h"
#include "decode/names/tables/errnoent.h"

static const struct errnoent *errnoent__get(long err)
{
	if (err <= 0 || err >= ERRNOENT_MAX || !errnoent_table[err].name)
		return NULL;
	return &errnoent_table[err];
}

const char *errno__name(long err)
{
	const struct errnoent *ent = errnoent__get(err);

	return ent ? ent->name : NULL;
}

const char *errno__desc(long err)
{
	const struct errnoent *ent = errnoent__get(err);

	return ent ? ent->desc : NULL;
}

bool ret_is_error(int64_t ret)
{
	return ret < 0 && ret >= -SO_MAX_ERRNO;
}

const char *ret_errname(int64_t ret, char *buf, size_t len)
{
	const char *n;

	if (!ret_is_error(ret))
		return NULL;
	n = errno__name(-ret);
	if (n)
		return n;
	snprintf(buf, len, "errno %lld", (long long)-ret);
	return buf;
}

bool errno__is_restart(long err)
{
	return err == ERESTARTSYS || err == ERESTARTNOINTR || err == ERESTARTNOHAND ||
	       err == ERESTART_RESTARTBLOCK;
}
