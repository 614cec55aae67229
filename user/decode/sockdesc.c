// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -yy: a socket fd's protocol and endpoints (sockdesc.h). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/xattr.h>
#include "lib/fmt.h"
#include "lib/sb.h"
#include "decode/sockdesc.h"

#define PROTO_LEN	32

/* The fd's protocol as the kernel names it ("TCP", "UDPv6", "UNIX"); false when unknown. */
static bool proto_of(uint32_t tgid, int fd, char *proto)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%u/fd/%d", tgid, fd);
	n = getxattr(link, "system.sockprotoname", proto, PROTO_LEN - 1);
	if (n <= 0)
		return false;
	proto[n] = 0;
	return true;
}

size_t sockdesc__bare(char *buf, size_t cap, uint32_t tgid, int fd, uint64_t ino)
{
	char proto[PROTO_LEN];
	int n;

	if (!proto_of(tgid, fd, proto))
		return 0;
	n = snprintf(buf, cap, "%s:[%llu]", proto, (unsigned long long)ino);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* "127.0.0.1:80" or "[::1]:80" from /proc/net's hex: the address words in host order */
static int inet_text(char *buf, size_t cap, const char *hex, unsigned int port)
{
	char a[INET6_ADDRSTRLEN];
	uint32_t w[4];
	bool v6 = strlen(hex) == 32;

	if (v6 ? sscanf(hex, "%8x%8x%8x%8x", &w[0], &w[1], &w[2], &w[3]) != 4 :
		 sscanf(hex, "%8x", &w[0]) != 1)
		return -1;
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, w, a, sizeof(a)))
		return -1;
	return snprintf(buf, cap, v6 ? "[%s]:%u" : "%s:%u", a, port);
}

/* TCP and UDP, v4 and v6: the line of /proc/PID/net/FILE with inode ino */
static size_t inet_now(char *buf, size_t cap, uint32_t tgid, const char *proto, const char *file,
		       uint64_t ino)
{
	char path[64], line[512], la[40], ra[40], l[64], r[64];
	unsigned int lp, rp, st;
	unsigned long long i;
	size_t n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%u/net/%s", tgid, file);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (!n && fgets(line, sizeof(line), f)) {
		if (sscanf(line, " %*u: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %x %*s %*s %*s %*u %*u %llu",
			   la, &lp, ra, &rp, &st, &i) != 6 || i != ino)
			continue;
		if (inet_text(l, sizeof(l), la, lp) < 0 || inet_text(r, sizeof(r), ra, rp) < 0)
			break;
		/* strace: "[local]" until it is connected, then "[local->remote]" */
		n = snprintf(buf, cap, rp ? "%s:[%s->%s]" : "%s:[%s]", proto, l, r);
		if (n >= cap)
			n = 0;
	}
	fclose(f);
	return n;
}

static const char *unix_type(unsigned int type)
{
	switch (type) {
	case SOCK_STREAM:
		return "UNIX-STREAM";
	case SOCK_DGRAM:
		return "UNIX-DGRAM";
	case SOCK_SEQPACKET:
		return "UNIX-SEQPACKET";
	}
	return "UNIX";
}

/* A UNIX socket's peer and name, from NETLINK_SOCK_DIAG: "UNIX-STREAM:[ino->peer]" */
static size_t unix_now(char *buf, size_t cap, uint64_t ino)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req r;
	} req = {
		.nlh = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST },
		.r = { .sdiag_family = AF_UNIX, .udiag_ino = (uint32_t)ino, .udiag_states = ~0u,
		       .udiag_show = UDIAG_SHOW_PEER | UDIAG_SHOW_NAME,
		       .udiag_cookie = { ~0u, ~0u } },
	};
	union {
		struct nlmsghdr h;
		char b[4096];
	} rsp;
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	const struct unix_diag_msg *m;
	const struct rtattr *a;
	uint32_t peer = 0;
	ssize_t len;
	int fd, n, alen;
	char name[256] = "";

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return 0;
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&nl, sizeof(nl)) < 0 ||
	    (len = recv(fd, &rsp, sizeof(rsp), 0)) < (ssize_t)(NLMSG_LENGTH(sizeof(*m))) ||
	    rsp.h.nlmsg_type != SOCK_DIAG_BY_FAMILY || rsp.h.nlmsg_len > (size_t)len) {
		close(fd);
		return 0;
	}
	close(fd);
	m = NLMSG_DATA(&rsp.h);
	alen = rsp.h.nlmsg_len - NLMSG_LENGTH(sizeof(*m));
	for (a = (const struct rtattr *)(m + 1); RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= (int)sizeof(peer))
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
		else if (a->rta_type == UNIX_DIAG_NAME && RTA_PAYLOAD(a) < (int)sizeof(name))
			memcpy(name, RTA_DATA(a), RTA_PAYLOAD(a));	/* "" when abstract */
	}
	n = snprintf(buf, cap, "%s:[%llu", unix_type(m->udiag_type), (unsigned long long)ino);
	if (peer)
		n += snprintf(buf + n, cap - n, "->%u", peer);
	if (name[0] && n + 3 < (int)cap) {
		struct sb b = { .p = buf + n, .cap = cap - n - 2 };

		/* the program's bytes: escaped as strace escapes a string */
		sb_putn(&b, ",\"", 2);
		sb_escaped(&b, name, strnlen(name, sizeof(name)), QUOTE_ANGLES);
		sb_putc(&b, '"');
		n += b.len;
	}
	n += snprintf(buf + n, cap - n, "]");
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

size_t sockdesc__now(char *buf, size_t cap, uint32_t tgid, int fd, uint64_t ino)
{
	static const struct {
		const char *proto, *file;
	} inet[] = { { "TCP", "tcp" }, { "UDP", "udp" }, { "TCPv6", "tcp6" }, { "UDPv6", "udp6" } };
	char proto[PROTO_LEN];
	unsigned int i;

	if (!proto_of(tgid, fd, proto))
		return 0;
	if (!strncmp(proto, "UNIX", 4))	/* "UNIX-STREAM" ... */
		return unix_now(buf, cap, ino);
	for (i = 0; i < sizeof(inet) / sizeof(inet[0]); i++)
		if (!strcmp(proto, inet[i].proto))
			return inet_now(buf, cap, tgid, proto, inet[i].file, ino);
	return 0;
}
