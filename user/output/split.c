// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -ff -o PREFIX: one file per thread (split.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/fmt.h"
#include "lib/warn.h"
#include "output/split.h"
#include "output/tracefile.h"

#define SPLIT_BUF	(64 << 10)	/* each file's buffer; written out at every line's end */

struct split_file {
	uint32_t tid;
	struct outbuf ob;
	struct sink s;
};

static void fail(struct split *sp, int err)
{
	if (!sp->main->failed) {
		sp->main->failed = true;
		sp->main->err = err;
	}
}

/* PREFIX.TID, created, truncated unless -A, as strace does */
static int file_open(struct split *sp, uint32_t tid)
{
	char path[4096];
	struct stat st;
	int fd;

	if ((size_t)snprintf(path, sizeof(path), "%s.%u", sp->prefix, tid) >= sizeof(path)) {
		fail(sp, ENAMETOOLONG);
		return -1;
	}
	/* as -o FILE: not through another user's link or into their file in /tmp */
	fd = tracefile__open(path, &st, sp->append);
	if (fd < 0) {
		fail(sp, -fd);
		return -1;
	}
	if (!sp->append && S_ISREG(st.st_mode) && ftruncate(fd, 0)) {
		fail(sp, errno);
		close(fd);
		return -1;
	}
	return fd;
}

/* The file of thread tid, opened at its first line; NULL when it cannot be. */
static struct split_file *file_of(struct split *sp, uint32_t tid)
{
	struct split_file *f;
	unsigned int i;
	int fd;

	for (i = 0; i < sp->n; i++)
		if (sp->files[i].tid == tid)
			return &sp->files[i];
	if (sp->n == sp->cap) {
		unsigned int ncap = sp->cap ? sp->cap * 2 : 16;
		void *p = realloc(sp->files, ncap * sizeof(*sp->files));

		if (!p)
			return NULL;
		sp->files = p;
		sp->cap = ncap;
	}
	fd = file_open(sp, tid);
	if (fd < 0)
		return NULL;
	f = &sp->files[sp->n];
	if (outbuf__init(&f->ob, fd, SPLIT_BUF)) {
		close(fd);
		return NULL;
	}
	f->tid = tid;
	f->s = sp->tmpl;
	f->s.ob = &f->ob;
	f->s.prefix = PREFIX_NONE;
	sp->n++;
	return f;
}

/* A line was written: out to the file when it is whole (a blocked call's stays open). */
static void file_done(struct split *sp, struct split_file *f)
{
	if (outbuf__col(&f->ob) == 0 && outbuf__flush(&f->ob))
		fail(sp, f->ob.err);
}

static void file_close(struct split *sp, struct split_file *f)
{
	outbuf__flush(&f->ob);
	if (f->ob.failed)
		fail(sp, f->ob.err);
	close(f->ob.fd);
	outbuf__free(&f->ob);
	*f = sp->files[--sp->n];
}

#define SPLIT_TO(sink, tid, op, ...)                                                          \
	do {                                                                                  \
		struct split *sp_ = (struct split *)(sink);                                   \
		struct split_file *f_ = file_of(sp_, (tid));                                  \
                                                                                              \
		if (f_) {                                                                     \
			f_->s.ops->op(&f_->s, __VA_ARGS__);                                   \
			file_done(sp_, f_);                                                   \
		}                                                                             \
	} while (0)

static void split_call(struct sink *s, const struct call *c)
{
	SPLIT_TO(s, c->tid, call, c);
}

static void split_exec(struct sink *s, const struct call *c)
{
	SPLIT_TO(s, c->tid, exec, c);
}

/* The thread's last line: its file is closed (a thread that took over its leader's pid by an
 * execve goes on in the leader's file) */
static void split_proc_exit(struct sink *s, const struct proc_exit *e)
{
	struct split *sp = (struct split *)s;
	struct split_file *f = file_of(sp, e->tid);

	if (!f)
		return;
	f->s.ops->proc_exit(&f->s, e);
	if (e->exec_tid)
		file_done(sp, f);
	else
		file_close(sp, f);
}

static void split_signal(struct sink *s, const struct sig_event *e)
{
	SPLIT_TO(s, e->tid, signal, e);
}

static void split_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		       uint64_t count)
{
	SPLIT_TO(s, tid, lost, tgid, tid, from_seq, count);
}

static void split_finish(struct sink *s, const struct run_totals *t)
{
	struct split *sp = (struct split *)s;
	unsigned int i;

	for (i = 0; i < sp->n; i++)
		sp->files[i].s.ops->finish(&sp->files[i].s, t);
}

static const struct sink_ops split_sink_ops = {
	.call = split_call,
	.exec = split_exec,
	.proc_exit = split_proc_exit,
	.signal = split_signal,
	.lost = split_lost,
	.finish = split_finish,
};

void split__start(struct split *sp, const struct sink *tmpl, const char *prefix, bool append,
		  struct outbuf *main)
{
	memset(sp, 0, sizeof(*sp));
	sp->tmpl = *tmpl;
	sp->sink = *tmpl;
	sp->sink.ops = &split_sink_ops;
	sp->prefix = prefix;
	sp->append = append;
	sp->main = main;
}

void split__free(struct split *sp)
{
	while (sp->n)
		file_close(sp, &sp->files[sp->n - 1]);
	free(sp->files);
	sp->files = NULL;
}
