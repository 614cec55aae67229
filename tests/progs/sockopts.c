// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * setsockopt and getsockopt values as strace 6.1 shows them: ints ([1]), structs (linger,
 * ip_mreq), a length too short for the struct (the address), NULL, bytes where strace shows
 * bytes (timeouts), failures. Prints the lines sysobs must show
 * (tests/integration/decode-exercisers.sh).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include "test.h"

#define EBADF_S	"-1 EBADF (Bad file descriptor)"

static char line[512], outbuf[16384];

#define call(r, ...) do { snprintf(line, sizeof(line), __VA_ARGS__); expect(line, r); } while (0)

int main(void)
{
	struct linger l = { 1, 5 };
	struct timeval tv = { 3, 500 };
	struct ip_mreq m = { .imr_multiaddr.s_addr = htonl(0xe00000fb),
			     .imr_interface.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len;
	int s, one = 1;

	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));	/* no fstat at the first line */
	MARK_BEGIN();
	s = socket(AF_INET, SOCK_DGRAM, 0);
	call("3", "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
	if (s != 3)
		return 99;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	call("0", "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4)");
	setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
	call("0", "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8)");
	setsockopt(-1, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
	call(EBADF_S, "setsockopt(-1, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8)");
	setsockopt(s, SOL_SOCKET, SO_LINGER, &l, 4);
	call("-1 EINVAL (Invalid argument)", "setsockopt(3, SOL_SOCKET, SO_LINGER, %p, 4)",
	     (void *)&l);
	len = sizeof(l);
	getsockopt(s, SOL_SOCKET, SO_LINGER, &l, &len);
	call("0", "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8])");
	setsockopt(-1, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	call(EBADF_S, "setsockopt(-1, SOL_SOCKET, SO_SNDTIMEO_OLD, "
	     "\"\\3\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0\", 16)");
	setsockopt(s, SOL_IP, IP_ADD_MEMBERSHIP, &m, sizeof(m));
	call("0", "setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.251\"), "
	     "imr_interface=inet_addr(\"127.0.0.1\")}, 8)");
	setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, &m, sizeof(m));
	call(EBADF_S, "setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.251\"), "
	     "imr_interface=inet_addr(\"127.0.0.1\")}, 8)");
	setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, &m, 4);
	call(EBADF_S, "setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, %p, 4)", (void *)&m);
	setsockopt(-1, SOL_SOCKET, SO_LINGER, NULL, 8);
	call(EBADF_S, "setsockopt(-1, SOL_SOCKET, SO_LINGER, NULL, 8)");
	MARK_END();
	return 0;
}
