// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* --expect's patterns (user/output/pattern.c): what "...", "*" and blanks match, and what not. */
#include <stdbool.h>
#include "check.h"
#include "output/pattern.h"

static void match(const char *pat, const char *line, bool want)
{
	char c[512];

	pattern__compile(c, pat);
	CHECK(pattern__match(c, line) == want, "'%s' against '%s': want %s", pat, line,
	      want ? "a match" : "none");
}

static const char OPEN[] = "openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC) = 3";
static const char ENOENT_LINE[] = "access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such "
				  "file or directory)";

static void test_literal(void)
{
	match("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC) = 3", OPEN, true);
	/* strace's padding before "=" folds into one blank */
	match("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC)     = 3", OPEN, true);
	/* the return value may be left out, and the errno's description */
	match("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC)", OPEN, true);
	match("access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT", ENOENT_LINE, true);
	/* but a pattern never stops inside a token */
	match("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC) = 31", OPEN, false);
	match("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEX", OPEN, false);
	match("open(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC) = 3", OPEN, false);
	match("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3", OPEN, false);
	/* strings are compared with their escapes */
	match("write(1, \"a\\\"b\\n\", 4) = 4", "write(1, \"a\\\"b\\n\", 4) = 4", true);
	match("write(1, \"a\\\"b\\n\", 4) = 4", "write(1, \"a\\\"b\\t\", 4) = 4", false);
}

static void test_any(void)
{
	match("openat(...) = 3", OPEN, true);
	match("openat(...)", OPEN, true);
	match("openat(... \"/etc/hostname\" ...)", OPEN, true);
	match("openat(AT_FDCWD, ...) = 3", OPEN, true);
	match("openat(..., O_RDONLY|O_CLOEXEC) = 3", OPEN, true);
	match("openat(... \"/etc/shadow\" ...)", OPEN, false);
	match("openat(...) = 4", OPEN, false);
	/* "..." takes whole arguments: "read(3, ...)" is not "read(35, ...)" */
	match("read(3, ...) = 5", "read(35, \"hello\", 5) = 5", false);
	match("read(3, ...) = 5", "read(3, \"hello\", 5) = 5", true);
	match("getpid(...) = 42", "getpid() = 42", true);
	/* a truncated string: strace's "..." after the quote */
	match("read(3, \"\\177ELF\"..., 832) = 832", "read(3, \"\\177ELF\"..., 832) = 832", true);
	match("... = -1 ENOENT", ENOENT_LINE, true);
}

static void test_star(void)
{
	match("openat(*, \"/etc/hostname\", *) = *", OPEN, true);
	match("openat(*) = 3", OPEN, false);	/* one value, not three */
	match("openat(AT_FDCWD, \"/etc/host*\", O_RDONLY|*) = 3", OPEN, true);
	match("openat(AT_FDCWD, \"/etc/*\", *) = 3", OPEN, true);
	match("openat(AT_FDCWD, \"/usr/*\", *) = 3", OPEN, false);
	/* inside a string "*" never runs past its closing quote */
	match("openat(AT_FDCWD, \"*O_RDONLY*) = 3", OPEN, false);
	/* a struct is one value, commas and all */
	match("newfstatat(3, \"\", *, AT_EMPTY_PATH) = 0",
	      "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=3, ...}, AT_EMPTY_PATH) = 0",
	      true);
	match("access(*) = *", ENOENT_LINE, false);
	match("access(*, *) = *", ENOENT_LINE, true);
	match("+++ exited with * +++", "+++ exited with 3 +++", true);
	match("+++ exited with 0 +++", "+++ exited with 3 +++", false);
}

static void test_closeness(void)
{
	int same = pattern__closeness("read(3, \"vm\\n\", *) = 3", "read(3, \"vm\\n\", 131072) = 3");
	int other = pattern__closeness("read(3, \"vm\\n\", *) = 3", "close(3) = 0");
	int far = pattern__closeness("openat(AT_FDCWD, \"/etc/hostnam\", O_RDONLY) = 3",
				     "openat(AT_FDCWD, \"/lib/libc.so.6\", O_RDONLY|O_CLOEXEC) = 3");
	int near = pattern__closeness("openat(AT_FDCWD, \"/etc/hostnam\", O_RDONLY) = 3",
				      "openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3");

	CHECK(same >= PATTERN_SAME_NAME && other < PATTERN_SAME_NAME, "same %d, other %d", same,
	      other);
	CHECK(near > far, "near %d, far %d", near, far);
}

int main(void)
{
	test_literal();
	test_any();
	test_star();
	test_closeness();
	return CHECK_DONE();
}
