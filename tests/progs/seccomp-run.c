// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Applies an OCI seccomp profile as sysobs --seccomp-profile writes it (one rule: the names
 * allowed, every other call refused with EPERM), with libseccomp, as a container runtime
 * would; then either runs a command under it or probes one syscall:
 *   seccomp-run PROFILE CMD [ARG...]     exec CMD under the filter
 *   seccomp-run -p NAME PROFILE          call NAME(-1, 0, ...) under it, print "NAME = RESULT"
 * Exit 99 when the profile cannot be read or applied.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROFILE_MAX	(1 << 20)

static int die(const char *what, const char *arg)
{
	fprintf(stderr, "seccomp-run: %s: %s\n", what, arg);
	return 99;
}

/* Allow each quoted name of the profile's "names" list. Returns how many, -1 on error. */
static int allow_names(scmp_filter_ctx ctx, char *text)
{
	char *p = strstr(text, "\"names\""), *end, *q;
	int n = 0, nr;

	if (!p || !(p = strchr(p, '[')) || !(end = strchr(p, ']')))
		return -1;
	*end = 0;
	while ((p = strchr(p, '"')) && (q = strchr(p + 1, '"'))) {
		*q = 0;
		nr = seccomp_syscall_resolve_name(p + 1);
		if (nr == __NR_SCMP_ERROR || seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0)) {
			fprintf(stderr, "seccomp-run: cannot allow '%s'\n", p + 1);
			return -1;
		}
		n++;
		p = q + 1;
	}
	return n;
}

static int apply(const char *path)
{
	static char text[PROFILE_MAX];
	scmp_filter_ctx ctx;
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return die("cannot open", path);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = 0;
	ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
	if (!ctx || allow_names(ctx, text) <= 0 || seccomp_load(ctx))
		return die("cannot apply", path);
	seccomp_release(ctx);
	return 0;
}

int main(int argc, char **argv)
{
	const char *probe = NULL;
	long ret;
	int nr;

	if (argc > 3 && !strcmp(argv[1], "-p")) {
		probe = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc < 2 || (!probe && argc < 3))
		return die("usage", "seccomp-run [-p NAME] PROFILE [CMD ARG...]");
	nr = probe ? seccomp_syscall_resolve_name(probe) : 0;
	if (nr == __NR_SCMP_ERROR)
		return die("no such syscall", probe);
	if (apply(argv[1]))
		return 99;
	if (!probe) {
		execv(argv[2], argv + 2);
		return die("cannot execute", argv[2]);
	}
	ret = syscall(nr, -1L, 0L, 0L, 0L, 0L, 0L);
	if (ret < 0)
		printf("%s = -1 %s\n", probe, strerrorname_np(errno));
	else
		printf("%s = %ld\n", probe, ret);
	return 0;
}
