// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -y: fd -> path, from /proc/PID/fd/N at decode time, cached per (pid, fd). See fdpath.h. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/fmt.h"
#include "decode/families/family.h"
#include "decode/fdpath.h"
#include "decode/sockdesc.h"

#define FDP_SLOTS	256	/* a cache: a collision only costs a readlink */
#define FDP_CWD		(-100)	/* AT_FDCWD: the entry holding the cwd */
#define FDP_PATH	4096

struct fdp_ent {
	uint32_t tgid;
	int32_t fd;		/* -1: empty */
	uint64_t sock_ino;	/* -yy: a socket's inode (path: its description) */
	bool sock_fresh;	/* -yy: made by socket(), no bind, connect or send since */
	uint16_t len;
	char path[FDP_PATH];
};

static struct fdp_ent tab[FDP_SLOTS];
static bool tab_ready;
static bool sockets;	/* -yy: sockets described (decode/sockdesc.h), not "socket:[N]" */

static struct fdp_ent *slot(uint32_t tgid, int fd)
{
	if (!tab_ready) {
		for (unsigned int i = 0; i < FDP_SLOTS; i++)
			tab[i].fd = -1;
		tab_ready = true;
	}
	return &tab[(tgid * 2654435761u + (uint32_t)fd * 40503u) & (FDP_SLOTS - 1)];
}

static void drop(uint32_t tgid, int fd)
{
	struct fdp_ent *e = slot(tgid, fd);

	if (e->fd == fd && e->tgid == tgid)
		e->fd = -1;
}

/* An exec: the fds may be gone (close-on-exec), the cwd stays */
static void drop_all(uint32_t tgid)
{
	for (unsigned int i = 0; i < FDP_SLOTS; i++)
		if (tab[i].tgid == tgid && tab[i].fd != FDP_CWD)
			tab[i].fd = -1;
}

static void put(uint32_t tgid, int fd, const char *p, size_t n)
{
	struct fdp_ent *e = slot(tgid, fd);

	if (n > FDP_PATH)
		n = FDP_PATH;
	e->tgid = tgid;
	e->fd = fd;
	e->sock_ino = 0;
	e->sock_fresh = false;
	e->len = n;
	memcpy(e->path, p, n);
}

/* fd of tgid is the file of entry e (a dup, a child's inherited fd): its socket too */
static void put_copy(uint32_t tgid, int fd, const struct fdp_ent *e)
{
	uint64_t ino = e->sock_ino;
	bool fresh = e->sock_fresh;
	struct fdp_ent *n = slot(tgid, fd);

	if (n == e)
		return;
	put(tgid, fd, e->path, e->len);
	n->sock_ino = ino;
	n->sock_fresh = fresh;
}

/* -yy: "socket:[N]" becomes "PROTO:[N]", its endpoints asked for when it is shown */
static void sock_bare(uint32_t tgid, int fd, char *link, size_t n)
{
	struct fdp_ent *e = slot(tgid, fd);
	unsigned long long ino;
	char text[64];
	size_t len;

	link[n] = 0;
	if (sscanf(link, "socket:[%llu]", &ino) != 1)
		return;
	len = sockdesc__bare(text, sizeof(text), tgid, fd, ino);
	if (len)
		put(tgid, fd, text, len);
	e->sock_ino = ino;
}

/* -yy: a socket's endpoints as they are now; its last known ones when it is gone */
static void sock_refresh(struct fdp_ent *e)
{
	char text[512];
	size_t len;

	if (e->sock_fresh)
		return;	/* strace: "PROTO:[INODE]" until bound or connected */
	len = sockdesc__now(text, sizeof(text), e->tgid, e->fd, e->sock_ino);
	if (len) {
		memcpy(e->path, text, len);
		e->len = len;
	}
}

/* readlink /proc/PID/fd/N into the cache; false when the fd is gone. */
static bool from_proc(uint32_t tgid, int fd)
{
	char link[64], path[FDP_PATH];
	size_t n = 0;
	ssize_t r;

	memcpy(link, "/proc/", 6);
	n = 6 + fmt_u64(link + 6, tgid);
	if (fd == FDP_CWD) {
		memcpy(link + n, "/cwd", 4);
		n += 4;
	} else {
		memcpy(link + n, "/fd/", 4);
		n += 4;
		n += fmt_u64(link + n, fd);
	}
	link[n] = 0;
	r = readlink(link, path, sizeof(path));
	if (r <= 0)
		return false;
	put(tgid, fd, path, r);
	if (sockets && fd >= 0 && r < 64 && !memcmp(path, "socket:[", 8))
		sock_bare(tgid, fd, path, r);
	return true;
}

static const struct fdp_ent *get(uint32_t tgid, int fd)
{
	struct fdp_ent *e = slot(tgid, fd);

	if (!(e->fd == fd && e->tgid == tgid) && !from_proc(tgid, fd))
		return NULL;
	if (e->sock_ino)
		sock_refresh(e);
	return e;
}

/* "3</path>" into the arena: strace puts no quotes here but escapes like a string, and '<'
 * and '>' too, so that a file name cannot end the annotation or forge a line */
static void fd_text(struct decoder *d, struct darg *a, const char **text, uint32_t *len,
		    int64_t fd, const struct fdp_ent *e)
{
	struct sb b = dec_begin(d);

	sb_i64(&b, fd);
	sb_putc(&b, '<');
	if (e->sock_ino)
		sb_putn(&b, e->path, e->len);	/* sockdesc's text, escaped where it must be */
	else
		sb_escaped(&b, e->path, e->len, QUOTE_ANGLES);
	sb_putc(&b, '>');
	*text = b.p;
	*len = b.len;
	d->arena_len += b.len;
}

void fdpath__fork(uint32_t ptgid, uint32_t ctgid)
{
	unsigned int i;

	if (ptgid == ctgid)
		return;
	for (i = 0; i < FDP_SLOTS; i++)
		if (tab[i].tgid == ptgid && tab[i].fd != -1 && tab_ready)
			put_copy(ctgid, tab[i].fd, &tab[i]);
}

static uint32_t launched;	/* the command's tgid: its fds are sysobs's own at first */

/* Its cwd and standard fds, from /proc while it runs, else (gone already) from ours. */
static void seed_fds(uint32_t tgid)
{
	static const int fds[] = { FDP_CWD, 0, 1, 2 };
	char path[FDP_PATH];
	unsigned int i;
	ssize_t r;

	for (i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
		if (from_proc(tgid, fds[i]))
			continue;
		if (fds[i] == FDP_CWD) {
			r = readlink("/proc/self/cwd", path, sizeof(path));
		} else {
			char link[32] = "/proc/self/fd/";

			link[14] = '0' + fds[i];
			r = readlink(link, path, sizeof(path));
		}
		if (r > 0)
			put(tgid, fds[i], path, r);
	}
}

/*
 * The command sysobs launched: its cwd and standard fds are sysobs's own, inherited through
 * fork and exec; read them while it waits at the gate, whether or not -e trace= shows its
 * execve, and again at its exec (close-on-exec fds are gone then), before a short-lived
 * command is gone.
 */
void fdpath__seed(uint32_t tgid)
{
	launched = tgid;
	seed_fds(tgid);
}

static bool returns_fd(const char *name)
{
	static const char *const names[] = {
		"open", "openat", "openat2", "creat", "dup", "dup2", "dup3", "socket",
		"accept", "accept4", "memfd_create", "eventfd2", "epoll_create1",
		"timerfd_create", "signalfd4", "pidfd_open", "inotify_init1", "fanotify_init",
		"open_tree", "fsopen", "fsmount", "open_by_handle_at", "userfaultfd",
	};

	for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/*
 * The file an open/openat that succeeded opened, from its path argument: resolved now (the fd
 * may already be closed or reused by the time the record is decoded). Only for absolute paths
 * or paths relative to the cwd.
 */
static bool from_open_path(struct call *c, int fd)
{
	bool at = !strcmp(c->name, "openat") || !strcmp(c->name, "openat2");
	const struct darg *p = &c->arg[at ? 1 : 0];
	char full[PATH_MAX], real[PATH_MAX];
	const struct fdp_ent *cwd;
	size_t n;

	if (!p->cap || (p->cap->flags & (SO_CAP_FAULT | SO_CAP_TRUNC)) || !p->cap->len ||
	    p->cap->len >= PATH_MAX)
		return false;
	if (p->data[0] == '/') {
		memcpy(full, p->data, p->cap->len);
		n = p->cap->len;
	} else {
		if (at && (int32_t)c->arg[0].raw != FDP_CWD)
			return false;
		cwd = get(c->tgid, FDP_CWD);
		if (!cwd || cwd->len + 1 + p->cap->len >= PATH_MAX)
			return false;
		memcpy(full, cwd->path, cwd->len);
		full[cwd->len] = '/';
		memcpy(full + cwd->len + 1, p->data, p->cap->len);
		n = cwd->len + 1 + p->cap->len;
	}
	full[n] = 0;
	if (!realpath(full, real))
		return false;
	put(c->tgid, fd, real, strlen(real));
	return true;
}

static bool is_dup(const char *name)
{
	return !strcmp(name, "dup") || !strcmp(name, "dup2") || !strcmp(name, "dup3");
}

/* -P: the path behind fd argument a, unescaped, into the arena */
static void fd_note(struct decoder *d, struct darg *a, const struct fdp_ent *e)
{
	struct sb b = dec_begin(d);

	sb_putn(&b, e->path, e->len);
	a->fdpath = b.p;
	a->fdpath_len = b.len;
	d->arena_len += b.len;
}

/* The fd arguments of a call: their paths as text (-y) and as notes (-P). Not for a call that
 * failed with EBADF: its fd was not open then, whatever /proc says now. */
static void fd_args(struct decoder *d, struct call *c, bool text)
{
	const struct fdp_ent *e;
	unsigned int i;

	if (c->kind == CALL_DONE && c->ret == -EBADF)
		return;
	for (i = 0; i < c->nargs && i < SYSENT_MAX_ARGS; i++) {
		int kind = c->ent->args[i].kind;
		int fd = (int32_t)c->arg[i].raw;

		if ((kind != AK_FD && kind != AK_DIRFD) || (fd < 0 && fd != FDP_CWD) ||
		    (fd == FDP_CWD && kind != AK_DIRFD))
			continue;
		e = get(c->tgid, fd);
		if (!e)
			continue;
		if (d->opts.fd_track && fd != FDP_CWD)
			fd_note(d, &c->arg[i], e);
		if (!text)
			continue;
		if (fd == FDP_CWD) {
			struct sb b = dec_begin(d);

			sb_puts(&b, "AT_FDCWD<");
			sb_escaped(&b, e->path, e->len, QUOTE_ANGLES);
			sb_putc(&b, '>');
			dec_end(d, &c->arg[i], &b);
		} else {
			fd_text(d, &c->arg[i], &c->arg[i].text, &c->arg[i].len, fd, e);
		}
	}
}

/* pipe, pipe2, socketpair: the two new fds are read while the process surely holds them */
static void pair_seen(const struct call *c, const uint8_t *data, const struct so_cap *cap)
{
	int32_t fds[2];

	if (!data || !cap || cap->len < sizeof(fds))
		return;
	memcpy(fds, data, sizeof(fds));
	drop(c->tgid, fds[0]);
	drop(c->tgid, fds[1]);
	get(c->tgid, fds[0]);
	get(c->tgid, fds[1]);
}

/* -yy: a call that binds or connects its socket (a send binds an unbound one): from now on its
 * endpoints are asked for */
static void sock_touched(const struct call *c)
{
	static const char *const names[] = {
		"bind", "connect", "listen", "sendto", "sendmsg", "sendmmsg", "shutdown",
	};
	struct fdp_ent *e = slot(c->tgid, (int32_t)c->arg[0].raw);
	unsigned int i;

	if (e->fd != (int32_t)c->arg[0].raw || e->tgid != c->tgid || !e->sock_fresh)
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(c->name, names[i]))
			e->sock_fresh = false;
}

void fdpath__apply(struct decoder *d, struct call *c, bool text)
{
	const struct fdp_ent *e;
	unsigned int i;

	if (d->opts.fd_track)
		for (i = 0; i < SO_MAX_ARGS; i++)
			c->arg[i].fdpath = NULL;
	if (!c->ent)
		return;
	sockets = d->opts.fd_sockets;
	fd_args(d, c, text);
	if (c->kind != CALL_DONE)
		return;
	if (sockets)
		sock_touched(c);
	if (c->ret == 0 && (!strcmp(c->name, "socketpair") || !strncmp(c->name, "pipe", 4))) {
		pair_seen(c, c->arg[c->name[0] == 's' ? 3 : 0].data, c->arg[c->name[0] == 's' ? 3 : 0].cap);
	} else if (!strcmp(c->name, "close") && c->ret == 0) {
		drop(c->tgid, (int32_t)c->arg[0].raw);
	} else if ((!strcmp(c->name, "execve") || !strcmp(c->name, "execveat")) && c->ret == 0) {
		drop_all(c->tgid);	/* close-on-exec fds are gone; the rest is read again */
		if (!launched || c->tgid == launched)
			fdpath__seed(c->tgid);
	} else if ((!strcmp(c->name, "chdir") || !strcmp(c->name, "fchdir")) && c->ret == 0) {
		drop(c->tgid, FDP_CWD);
	} else if (c->ret >= 0 && returns_fd(c->name)) {
		int fd = c->ret;
		const struct fdp_ent *old = NULL;

		if (is_dup(c->name) && (e = get(c->tgid, (int32_t)c->arg[0].raw))) {
			/* the same file under a new number */
			old = e;
			put_copy(c->tgid, fd, old);
		} else {
			drop(c->tgid, fd);	/* a new file behind this number */
			if (!strncmp(c->name, "open", 4) || !strcmp(c->name, "creat"))
				from_open_path(c, fd);
			else if (sockets && !strcmp(c->name, "socket") && from_proc(c->tgid, fd))
				slot(c->tgid, fd)->sock_fresh = true;
		}
		e = get(c->tgid, fd);
		if (e && text)
			fd_text(d, NULL, &c->rettext, &c->retlen, fd, e);
	}
}
