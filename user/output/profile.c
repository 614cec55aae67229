// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* --seccomp-profile (profile.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "lib/fmt.h"
#include "lib/warn.h"
#include "decode/names/sysent.h"
#include "output/profile.h"

#define PROFILE_ERRNO	1	/* EPERM: what a call outside the profile returns */

static void profile_call(struct observer *o, const struct call *c)
{
	struct profile *p = (struct profile *)o;

	if (!c->ent || c->nr < 0 || c->nr >= SO_NR_SLOTS) {
		p->unknown_nr = c->nr;
		return;
	}
	p->seen[c->nr / 64] |= 1ull << (c->nr % 64);
}

static void profile_lost(struct observer *o, uint64_t count)
{
	((struct profile *)o)->lost += count;
}

void profile__start(struct profile *p)
{
	memset(p, 0, sizeof(*p));
	p->obs.call = profile_call;
	p->obs.lost = profile_lost;
	p->unknown_nr = -1;
}

static void write_names(FILE *f, const struct profile *p)
{
	unsigned int nr, n = 0;

	for (nr = 0; nr < SO_NR_SLOTS; nr++) {
		if (!(p->seen[nr / 64] & (1ull << (nr % 64))))
			continue;
		fprintf(f, "%s\n\t\t\t\t\"%s\"", n++ ? "," : "", sysent__get(nr)->name);
	}
}

int profile__write(const struct profile *p, const char *path, uint64_t lost)
{
	char q[256];
	FILE *f;

	if (lost || p->lost) {
		warn("--seccomp-profile: %llu events were lost, a syscall may be missing: no profile "
		     "written", (unsigned long long)(lost > p->lost ? lost : p->lost));
		return -1;
	}
	if (p->unknown_nr >= 0) {
		warn("--seccomp-profile: syscall %ld has no name a profile can give: no profile "
		     "written", p->unknown_nr);
		return -1;
	}
	f = fopen(path, "w");
	if (!f) {
		warn("--seccomp-profile: cannot write '%s': %s", quote_msg(q, sizeof(q), path),
		     strerror(errno));
		return -1;
	}
	fprintf(f, "{\n\t\"defaultAction\": \"SCMP_ACT_ERRNO\",\n\t\"defaultErrnoRet\": %d,\n"
		"\t\"architectures\": [\"SCMP_ARCH_X86_64\"],\n\t\"syscalls\": [\n\t\t{\n"
		"\t\t\t\"names\": [", PROFILE_ERRNO);
	write_names(f, p);
	fprintf(f, "\n\t\t\t],\n\t\t\t\"action\": \"SCMP_ACT_ALLOW\"\n\t\t}\n\t]\n}\n");
	if (ferror(f) | fclose(f)) {
		warn("--seccomp-profile: cannot write '%s'", quote_msg(q, sizeof(q), path));
		return -1;
	}
	return 0;
}
