// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Trace files (-o FILE, --record FILE, -ff's PREFIX.TID) opened safely: see tracefile.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "lib/fmt.h"
#include "lib/warn.h"
#include "output/tracefile.h"

#define FIFO_WAIT_MS	5000	/* how long -o FIFO waits for a reader */

/* The rules of fs.protected_symlinks and fs.protected_regular, whatever the sysctls say: in a
 * sticky world-writable directory (/tmp), follow only a link of our own or the directory
 * owner's, and write only into a file of our own or the directory owner's. */
static int sticky_check(const char *path, const struct stat *st)
{
	char dir[4096], *slash;
	struct stat ds;

	if (strlen(path) >= sizeof(dir))
		return -ENAMETOOLONG;
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = 0;
	else
		*slash = 0;
	if (stat(dir, &ds))
		return -errno;
	if (!(ds.st_mode & S_ISVTX) || !(ds.st_mode & S_IWOTH))
		return 0;
	if (st->st_uid != geteuid() && st->st_uid != ds.st_uid)
		return -EPERM;
	return 0;
}

/* Open (never truncate yet) by the rules above; a FIFO waits FIFO_WAIT_MS for a reader. */
static int tracefile__try(const char *path, struct stat *st, bool append)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK, fd, waited = 0, err;

	if (append)
		flags |= O_APPEND;

	if (!lstat(path, st)) {
		if (!S_ISLNK(st->st_mode))
			flags |= O_NOFOLLOW;	/* it must not become a link meanwhile */
		err = sticky_check(path, st);
		if (err)
			return err;
	}
	/* 0644 at most: the umask can only take away */
	while ((fd = open(path, flags, 0644)) < 0 && errno == ENXIO && waited < FIFO_WAIT_MS) {
		usleep(100 * 1000);
		waited += 100;
	}
	if (fd < 0)
		return errno == ENXIO ? -EPIPE : -errno;
	if (fstat(fd, st)) {
		err = -errno;
		close(fd);
		return err;
	}
	if (S_ISREG(st->st_mode) && (err = sticky_check(path, st))) {
		close(fd);
		return err;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

int tracefile__open(const char *path, struct stat *st, bool append)
{
	char q[256];
	int fd = tracefile__try(path, st, append);

	if (fd == -EPERM)
		warn("cannot open '%s': it belongs to another user in a sticky directory",
		     quote_msg(q, sizeof(q), path));
	else if (fd == -EPIPE)
		warn("cannot open '%s': a FIFO with no reader after %d s",
		     quote_msg(q, sizeof(q), path), FIFO_WAIT_MS / 1000);
	else if (fd < 0)
		warn("cannot open '%s': %s", quote_msg(q, sizeof(q), path), strerror(-fd));
	return fd;
}
