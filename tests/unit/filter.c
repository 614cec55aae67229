// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -e trace=SET parsing (user/filter.c): names, all/none, !, /regex, %file, %desc, errors. */
#include <linux/types.h>
#include "check.h"
#include "setup/filter.h"

#define NR_READ		0
#define NR_OPEN		2
#define NR_CLOSE	3
#define NR_GETPID	39
#define NR_EXECVE	59
#define NR_CHDIR	80
#define NR_GETPPID	110
#define NR_OPENAT	257

static struct filter f;
static char err[256];

static int apply(const char *expr)
{
	err[0] = 0;
	return filter__apply(&f, expr, err, sizeof(err));
}

static void test_names(void)
{
	filter__init(&f);
	CHECK(filter__has(&f, NR_READ) && f.all, "everything by default");
	CHECK(apply("trace=getppid,chdir") == 0, "names: %s", err);
	CHECK(filter__has(&f, NR_GETPPID) && filter__has(&f, NR_CHDIR), "the names are in");
	CHECK(!filter__has(&f, NR_READ) && !f.all, "the rest is out");
	CHECK(apply("t=close") == 0, "t=: %s", err);
	CHECK(filter__has(&f, NR_CLOSE) && filter__has(&f, NR_GETPPID), "a second set adds");
	CHECK(apply("!chdir") == 0, "!: %s", err);
	CHECK(!filter__has(&f, NR_CHDIR) && filter__has(&f, NR_CLOSE), "! takes out");
	CHECK(!filter__has(&f, -1) && !filter__has(&f, 100000), "out of range numbers");
}

static void test_negation_first(void)
{
	filter__init(&f);
	CHECK(apply("trace=!getppid,close") == 0, "!: %s", err);
	CHECK(!filter__has(&f, NR_GETPPID) && !filter__has(&f, NR_CLOSE), "left out");
	CHECK(filter__has(&f, NR_READ) && filter__has(&f, NR_EXECVE), "the rest stays");
	filter__init(&f);
	CHECK(apply("none") == 0 && !filter__has(&f, NR_READ), "none: %s", err);
	CHECK(apply("all") == 0 && f.all, "all after none: %s", err);
}

static void test_regex_classes(void)
{
	filter__init(&f);
	CHECK(apply("trace=/^get(pid|ppid)$") == 0, "regex: %s", err);
	CHECK(filter__has(&f, NR_GETPID) && filter__has(&f, NR_GETPPID), "regex matches");
	CHECK(!filter__has(&f, 104 /* getgid */), "regex is anchored as written");
	filter__init(&f);
	CHECK(apply("%file") == 0, "%%file: %s", err);
	CHECK(filter__has(&f, NR_OPENAT) && filter__has(&f, NR_EXECVE) &&
	      filter__has(&f, NR_CHDIR) && filter__has(&f, NR_OPEN), "%%file has path calls");
	CHECK(!filter__has(&f, NR_READ) && !filter__has(&f, NR_GETPPID), "%%file: no others");
	filter__init(&f);
	CHECK(apply("trace=desc") == 0, "desc: %s", err);
	CHECK(filter__has(&f, NR_READ) && filter__has(&f, NR_CLOSE) && filter__has(&f, NR_OPENAT),
	      "%%desc has fd calls");
	CHECK(!filter__has(&f, NR_GETPPID) && !filter__has(&f, NR_CHDIR), "%%desc: no others");
	/* strace's own membership: its %desc has pipe (returns fds), %file has no fchdir */
	CHECK(filter__has(&f, 22 /* pipe */), "strace's %%desc has pipe");
	filter__init(&f);
	CHECK(apply("%network,%%stat") == 0, "classes: %s", err);
	CHECK(filter__has(&f, 41 /* socket */) && filter__has(&f, 4 /* stat */) &&
	      filter__has(&f, 262 /* newfstatat */) && !filter__has(&f, NR_READ), "%%network, %%%%stat");
}

static void test_personality_numbers(void)
{
	filter__init(&f);
	CHECK(apply("getppid@64,39") == 0, "@64 and numbers: %s", err);
	CHECK(filter__has(&f, NR_GETPPID) && filter__has(&f, NR_GETPID), "@64, 39");
	CHECK(apply("close@32,read@x32") == 0 && !filter__has(&f, NR_CLOSE) &&
	      !filter__has(&f, NR_READ), "@32 and @x32 select nothing (64-bit calls only)");
	CHECK(apply("?nosuchcall@64") == 0, "?name@64: %s", err);
}

static void test_errors(void)
{
	filter__init(&f);
	CHECK(apply("trace=nosuchcall") == -1, "unknown name accepted");
	CHECK_STR(err, "invalid system call 'nosuchcall'");
	CHECK(apply("trace=?nosuchcall,getppid") == 0, "?name: %s", err);
	CHECK(filter__has(&f, NR_GETPPID), "? then a name");
	CHECK(apply("signal=all") == -1, "signal= accepted");
	CHECK_STR(err, "invalid qualifier 'signal'");
	CHECK(apply("trace=%nosuchclass") == -1, "%%nosuchclass accepted");
	CHECK(apply("trace=%FILE") == -1, "%%FILE accepted (strace 6.1 does not)");
	CHECK(apply("trace=getppid@99") == -1, "@99 accepted");
	CHECK(apply("trace=/(") == -1, "a bad regex accepted");
	CHECK(apply("trace=") == -1, "an empty set accepted");
}

int main(void)
{
	test_names();
	test_negation_first();
	test_regex_classes();
	test_errors();
	test_personality_numbers();
	return CHECK_DONE();
}
