// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the syscall and errno tables (user/sysent.c).
 *
 *	tests/unit/sysent			run the checks, exit 1 on a failure
 *	tests/unit/sysent --dump-names		print "NR NAME" for every known number
 *
 * The dump feeds tests/integration/sysent-nr.sh, which compares it with the
 * kernel headers' __NR_* numbers.
 */
#include <stdio.h>
#include <string.h>

#include "decode/names/errno.h"
#include "decode/names/sysent.h"

static int failures;

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			printf("FAIL %s:%d: ", __FILE__, __LINE__);	\
			printf(__VA_ARGS__);				\
			putchar('\n');					\
			failures++;					\
		}							\
	} while (0)

static void check_name(long nr, const char *want)
{
	char buf[32];
	const char *got = sysent__name(nr, buf, sizeof(buf));

	CHECK(!strcmp(got, want), "name of %ld is \"%s\", want \"%s\"", nr, got, want);
	CHECK(sysent__by_name(want) == nr, "by_name(\"%s\") is %ld, want %ld",
	      want, sysent__by_name(want), nr);
}

static void check_nargs(const char *name, int want)
{
	const struct sysent *ent = sysent__get(sysent__by_name(name));

	CHECK(ent, "%s: no entry", name);
	if (!ent)
		return;
	CHECK(ent->known, "%s: signature unknown", name);
	CHECK(ent->nargs == want, "%s: nargs %d, want %d", name, ent->nargs, want);
}

static void check_arg(const char *name, int i, const char *arg, enum arg_kind kind,
		      int len_arg)
{
	const struct sysent *ent = sysent__get(sysent__by_name(name));

	CHECK(ent && i < ent->nargs, "%s: no argument %d", name, i);
	if (!ent || i >= ent->nargs)
		return;
	CHECK(!strcmp(ent->args[i].name, arg), "%s: argument %d is %s, want %s",
	      name, i, ent->args[i].name, arg);
	CHECK(ent->args[i].kind == kind, "%s.%s: kind %d, want %d",
	      name, arg, ent->args[i].kind, kind);
	CHECK(ent->args[i].len_arg == len_arg, "%s.%s: len_arg %d, want %d",
	      name, arg, ent->args[i].len_arg, len_arg);
}

static void check_errno(long err, const char *name, const char *desc)
{
	const char *n = errno__name(err), *d = errno__desc(err);

	CHECK(n && !strcmp(n, name), "errno %ld is %s, want %s", err, n ? n : "NULL", name);
	CHECK(d && !strcmp(d, desc), "errno %ld: \"%s\", want \"%s\"",
	      err, d ? d : "NULL", desc);
}

static void check_names(void)
{
	static const struct {
		long nr;
		const char *name;
	} names[] = {
		{ 0, "read" }, { 1, "write" }, { 2, "open" }, { 3, "close" },
		{ 9, "mmap" }, { 40, "sendfile" }, { 59, "execve" }, { 60, "exit" },
		{ 62, "kill" }, { 166, "umount2" }, { 231, "exit_group" },
		{ 257, "openat" }, { 262, "newfstatat" }, { 334, "rseq" },
		{ 435, "clone3" }, { 469, "file_setattr" },
	};
	char buf[32];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		check_name(names[i].nr, names[i].name);

	/* Unknown numbers: the gap 337..423, past the end, negative. */
	CHECK(!sysent__get(400), "400 should be unknown");
	CHECK(!strcmp(sysent__name(470, buf, sizeof(buf)), "syscall_0x1d6"),
	      "name of 470 is %s", buf);
	CHECK(!strcmp(sysent__name(1000, buf, sizeof(buf)), "syscall_0x3e8"),
	      "name of 1000 is %s", buf);
	CHECK(!sysent__get(-1), "-1 should be unknown");
	CHECK(sysent__by_name("no_such_syscall") == -1, "by_name of a bad name");
	CHECK(sysent__max() == 470, "max is %u, want 470", sysent__max());
}

static void check_signatures(void)
{
	const struct sysent *ent;

	check_nargs("read", 3);
	check_nargs("getppid", 0);
	check_nargs("mmap", 6);
	check_nargs("openat", 4);
	check_nargs("execve", 3);
	check_nargs("exit_group", 1);
	check_nargs("clone", 5);
	check_nargs("stat", 2);
	check_nargs("finit_module", 3);	/* from syscalls.h, no tracefs event */

	check_arg("read", 0, "fd", AK_FD, SYSENT_NO_LEN);
	check_arg("read", 1, "buf", AK_BUF_OUT, 2);
	check_arg("read", 2, "count", AK_UINT, SYSENT_NO_LEN);
	check_arg("write", 1, "buf", AK_BUF_IN, 2);
	check_arg("pwrite64", 1, "buf", AK_BUF_IN, 2);
	check_arg("sendto", 1, "buff", AK_BUF_IN, 2);
	check_arg("openat", 0, "dfd", AK_DIRFD, SYSENT_NO_LEN);
	check_arg("openat", 1, "filename", AK_PATH, SYSENT_NO_LEN);
	check_arg("openat", 2, "flags", AK_FLAGS, SYSENT_NO_LEN);
	check_arg("openat", 3, "mode", AK_MODE, SYSENT_NO_LEN);
	check_arg("getcwd", 0, "buf", AK_BUF_OUT, 1);
	check_arg("readlinkat", 2, "buf", AK_BUF_OUT, 3);
	check_arg("stat", 1, "statbuf", AK_STRUCT_OUT, SYSENT_NO_LEN);
	check_arg("nanosleep", 0, "rqtp", AK_STRUCT_IN, SYSENT_NO_LEN);
	check_arg("nanosleep", 1, "rmtp", AK_STRUCT_OUT, SYSENT_NO_LEN);
	check_arg("kill", 1, "sig", AK_SIGNAL, SYSENT_NO_LEN);
	check_arg("mmap", 0, "addr", AK_PTR, SYSENT_NO_LEN);
	check_arg("mmap", 4, "fd", AK_FD, SYSENT_NO_LEN);
	check_arg("connect", 1, "uservaddr", AK_STRUCT_IN, SYSENT_NO_LEN);
	check_arg("setxattr", 1, "name", AK_STR, SYSENT_NO_LEN);
	check_arg("pidfd_getfd", 0, "pidfd", AK_FD, SYSENT_NO_LEN);
	check_arg("dup2", 0, "oldfd", AK_FD, SYSENT_NO_LEN);

	/* Not implemented on x86_64: a name, no signature. */
	ent = sysent__get(sysent__by_name("uselib"));
	CHECK(ent && !ent->known && ent->nargs == 6, "uselib should be unknown, nargs 6");
}

static void check_errnos(void)
{
	check_errno(1, "EPERM", "Operation not permitted");
	check_errno(2, "ENOENT", "No such file or directory");
	check_errno(11, "EAGAIN", "Resource temporarily unavailable");
	check_errno(35, "EDEADLK", "Resource deadlock avoided");
	check_errno(38, "ENOSYS", "Function not implemented");
	check_errno(133, "EHWPOISON", "Memory page has hardware error");
	check_errno(512, "ERESTARTSYS", "To be restarted if SA_RESTART is set");
	check_errno(516, "ERESTART_RESTARTBLOCK", "Interrupted by signal");
	check_errno(524, "ENOTSUPP", "Operation is not supported");
	CHECK(!errno__name(0) && !errno__desc(0), "errno 0 should be unknown");
	CHECK(!errno__name(-2), "errno -2 should be unknown");
	CHECK(!errno__name(200) && !errno__desc(200), "errno 200 should be unknown");
	CHECK(!errno__name(520), "errno 520 should be unknown");
	CHECK(!errno__name(100000), "errno 100000 should be unknown");
}

static void dump_names(void)
{
	unsigned nr;

	for (nr = 0; nr < sysent__max(); nr++) {
		const struct sysent *ent = sysent__get(nr);

		if (ent)
			printf("%u %s\n", nr, ent->name);
	}
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--dump-names")) {
		dump_names();
		return 0;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: %s [--dump-names]\n", argv[0]);
		return 2;
	}

	check_names();
	check_signatures();
	check_errnos();
	if (failures) {
		printf("%d check(s) failed\n", failures);
		return 1;
	}
	return 0;
}
