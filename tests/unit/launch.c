// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Finding the command as execvp would, and the exit status sysobs passes on. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "setup/launch.h"

int main(void)
{
	char dir[] = "/tmp/sysobs-unit-XXXXXX", p[4096], file[4200], env[4300];

	if (!mkdtemp(dir))
		return 99;
	snprintf(file, sizeof(file), "%s/prog", dir);
	fclose(fopen(file, "w"));

	/* on PATH, executable */
	chmod(file, 0755);
	snprintf(env, sizeof(env), "/nonexistent:%s", dir);
	setenv("PATH", env, 1);
	CHECK(launch__resolve("prog", p, sizeof(p)) == 0, "prog on PATH");
	CHECK_STR(p, file);
	/* on PATH, not executable: EACCES (126), not ENOENT */
	chmod(file, 0644);
	CHECK(launch__resolve("prog", p, sizeof(p)) == EACCES, "not executable");
	CHECK(launch__resolve(file, p, sizeof(p)) == EACCES, "path, not executable");
	/* missing */
	CHECK(launch__resolve("no-such-prog", p, sizeof(p)) == ENOENT, "missing");
	CHECK(launch__resolve("/no/such/prog", p, sizeof(p)) == ENOENT, "missing path");
	CHECK(launch__resolve("", p, sizeof(p)) == ENOENT, "empty");
	/* a directory is not a program */
	CHECK(launch__resolve(dir, p, sizeof(p)) == EISDIR, "directory");

	/* exit statuses as a shell reports them */
	CHECK(launch__exit_status(7 << 8) == 7, "exit 7");
	CHECK(launch__exit_status(SIGKILL) == 137, "SIGKILL");
	CHECK(launch__exit_status(SIGSEGV | 0x80) == 139, "SIGSEGV with core");

	unlink(file);
	rmdir(dir);
	return CHECK_DONE();
}
