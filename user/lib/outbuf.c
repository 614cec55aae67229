// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/outbuf.h"

int outbuf__init(struct outbuf *ob, int fd, size_t cap)
{
	memset(ob, 0, sizeof(*ob));
	ob->fd = fd;
	ob->cap = cap;
	ob->buf = malloc(cap);
	return ob->buf ? 0 : -ENOMEM;
}

void outbuf__free(struct outbuf *ob)
{
	free(ob->buf);
	ob->buf = NULL;
}

int outbuf__flush(struct outbuf *ob)
{
	size_t off = 0;
	ssize_t n;

	while (off < ob->len && !ob->failed) {
		n = write(ob->fd, ob->buf + off, ob->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ob->failed = true;
			ob->err = errno;
			break;
		}
		off += n;
	}
	/* a line cut by the flush keeps counting its columns from before it */
	ob->line_start -= (long)ob->len;
	ob->len = 0;
	return ob->failed ? -ob->err : 0;
}

void outbuf__copy(char *d, const char *s, size_t n)
{
	memcpy(d, s, n);
}

char *outbuf__make_room(struct outbuf *ob, size_t n)
{
	outbuf__flush(ob);
	if (n > ob->cap) {
		char *nb = realloc(ob->buf, n);

		if (!nb)
			return NULL;
		ob->buf = nb;
		ob->cap = n;
	}
	return ob->buf + ob->len;
}

void outbuf__puts(struct outbuf *ob, const char *s)
{
	outbuf__write(ob, s, strlen(s));
}


void outbuf__u64(struct outbuf *ob, uint64_t v)
{
	char *d = outbuf__reserve(ob, 24);

	if (d)
		ob->len += fmt_u64(d, v);
}

void outbuf__i64(struct outbuf *ob, int64_t v)
{
	char *d = outbuf__reserve(ob, 24);

	if (d)
		ob->len += fmt_i64(d, v);
}

void outbuf__hex(struct outbuf *ob, uint64_t v)
{
	char *d = outbuf__reserve(ob, 24);

	if (d)
		ob->len += fmt_hex(d, v);
}


size_t outbuf__col(const struct outbuf *ob)
{
	return (size_t)((long)ob->len - ob->line_start);
}

void outbuf__pad_to(struct outbuf *ob, size_t col)
{
	size_t cur = outbuf__col(ob);
	char *d;

	if (cur >= col)
		return;
	d = outbuf__reserve(ob, col - cur);
	if (!d)
		return;
	memset(d, ' ', col - cur);
	ob->len += col - cur;
}

void outbuf__newline(struct outbuf *ob)
{
	outbuf__putc(ob, '\n');
	ob->line_start = (long)ob->len;
}
