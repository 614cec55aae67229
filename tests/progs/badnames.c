// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * badnames DIR: creates, writes and closes files in DIR whose names hold bytes a terminal or a
 * trace reader must never see raw (ESC and BEL sequences, CR, LF, other control bytes, invalid
 * UTF-8, quotes, backslashes, angle brackets), then prints the lines `sysobs -y` must show for
 * them: as strace 6.1 shows them. A name in a string argument is escaped as strings are; a path
 * behind an fd (`3</...>`) is escaped the same way and also has '<' and '>' in octal.
 * DIR itself must be printable ASCII (it shows as given). The program stays 0.3 s after its
 * last marked call: -y reads /proc/PID while the records are decoded, so the process must still
 * be there then.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include "test.h"

static const struct {
	const char *raw;	/* the file name */
	const char *str;	/* as a string argument shows it, without the quotes */
	const char *path;	/* as -y shows it inside <...> */
} names[] = {
	{ "esc\033]0;owned\007title", "esc\\33]0;owned\\7title", "esc\\33]0;owned\\7title" },
	{ "nl\n+++ exited with 0 +++\n", "nl\\n+++ exited with 0 +++\\n",
	  "nl\\n+++ exited with 0 +++\\n" },
	{ "cr\rtab\tvt\vff\f", "cr\\rtab\\tvt\\vff\\f", "cr\\rtab\\tvt\\vff\\f" },
	/* shortest octal, three digits when an octal digit follows */
	{ "oct\0017\0038\037\177", "oct\\0017\\38\\37\\177", "oct\\0017\\38\\37\\177" },
	{ "utf8bad\377\376\303(\233", "utf8bad\\377\\376\\303(\\233", "utf8bad\\377\\376\\303(\\233" },
	{ "utf8ok\303\251\302\233[2J", "utf8ok\\303\\251\\302\\233[2J",
	  "utf8ok\\303\\251\\302\\233[2J" },
	{ "q\"uo\\te", "q\\\"uo\\\\te", "q\\\"uo\\\\te" },
	{ "ang<le>s", "ang<le>s", "ang\\74le\\76s" },
	{ "it's ok", "it's ok", "it's ok" },
};

#define N (sizeof(names) / sizeof(names[0]))

int main(int argc, char **argv)
{
	struct timespec linger = { 0, 300 * 1000 * 1000 };
	char cwd[4096], call[8192], ret[8192];
	long fd[N];
	size_t i;

	if (argc != 2 || chdir(argv[1]) != 0 || !getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "usage: badnames DIR (an existing directory)\n");
		return 99;
	}
	MARK_BEGIN();
	for (i = 0; i < N; i++) {
		fd[i] = syscall(SYS_openat, AT_FDCWD, names[i].raw, O_WRONLY | O_CREAT | O_TRUNC,
				0600);
		syscall(SYS_write, fd[i], "x", 1);
		syscall(SYS_close, fd[i]);
	}
	MARK_END();
	nanosleep(&linger, NULL);

	for (i = 0; i < N; i++) {
		if (fd[i] < 0)
			return 99;
		snprintf(call, sizeof(call),
			 "openat(AT_FDCWD<%s>, \"%s\", O_WRONLY|O_CREAT|O_TRUNC, 0600)", cwd,
			 names[i].str);
		snprintf(ret, sizeof(ret), "%ld<%s/%s>", fd[i], cwd, names[i].path);
		expect(call, ret);
		snprintf(call, sizeof(call), "write(%ld<%s/%s>, \"x\", 1)", fd[i], cwd, names[i].path);
		expect(call, "1");
		snprintf(call, sizeof(call), "close(%ld<%s/%s>)", fd[i], cwd, names[i].path);
		expect(call, "0");
	}
	return 0;
}
