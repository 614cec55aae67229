// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * For the strace-diff corpus: the calls a small network program makes, through libc as a
 * program would make them. A loopback TCP listener, a connection to it and its accept4;
 * writev on one side, poll and readv on the other; a socketpair the same way.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>

static int pass(int wfd, int rfd)
{
	char head[4], body[64];
	struct iovec out[2] = { { "hello", 5 }, { " world\n", 7 } };
	struct iovec in[2] = { { head, sizeof(head) }, { body, sizeof(body) } };
	struct pollfd pf = { .fd = rfd, .events = POLLIN };

	if (writev(wfd, out, 2) != 12)
		return -1;
	if (poll(&pf, 1, 1000) != 1)
		return -1;
	if (readv(rfd, in, 2) != 12)
		return -1;
	pf.fd = rfd;
	return poll(&pf, 1, 0) == 0 ? 0 : -1;
}

int main(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET }, peer;
	socklen_t len = sizeof(sin), plen = sizeof(peer);
	int l, c, a, sv[2];

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	if (l < 0 || bind(l, (struct sockaddr *)&sin, sizeof(sin)) ||
	    getsockname(l, (struct sockaddr *)&sin, &len) || listen(l, 1))
		return 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&sin, sizeof(sin)))
		return 1;
	a = accept4(l, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
	if (a < 0 || pass(c, a) || pass(a, c))
		return 1;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) || pass(sv[0], sv[1]))
		return 1;
	close(a);
	close(c);
	close(l);
	return 0;
}
