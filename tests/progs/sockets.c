// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * For -yy (tests/integration/strace-sockets.sh): sockets whose fds strace 6.1 shows with their
 * protocol and endpoints. A UDP socket connected to 127.0.0.1:9 that sends; a loopback TCP
 * listener, a connection to it and its accept4, a write across; a UNIX socketpair. Then it
 * reads its standard input to its end, with every socket open (the test lets it go on once
 * sysobs has shown the calls before), and closes them all.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(9) };
	socklen_t len = sizeof(a);
	int u, l, c, s, sp[2];
	char buf[16];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	u = socket(AF_INET, SOCK_DGRAM, 0);
	if (u < 0 || connect(u, (struct sockaddr *)&a, sizeof(a)) || send(u, "hello", 5, 0) != 5)
		return 1;
	l = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_port = 0;
	if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&a, &len))
		return 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&a, sizeof(a)))
		return 1;
	s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	if (s < 0 || write(c, "ping", 4) != 4 || read(s, buf, sizeof(buf)) != 4)
		return 1;
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) || write(sp[0], "x", 1) != 1)
		return 1;
	while (read(0, buf, sizeof(buf)) > 0)
		;
	close(sp[1]);
	close(sp[0]);
	close(s);
	close(c);
	close(l);
	close(u);
	return 0;
}
