// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Sockets: socket domains, types and protocols, socket addresses (unix, inet, inet6) given
 * and returned. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "decode/families/family.h"

#define SOCK_TYPE_BITS	0xf
#define SOCKADDR_MAX	128	/* sizeof(struct sockaddr_storage) */
#define AF_UNIX_V	1
#define AF_INET_V	2
#define AF_INET6_V	10

static void dec_socket(struct decoder *d, struct call *c)
{
	uint32_t type = c->arg[1].raw;
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_socket_families, (uint32_t)c->arg[0].raw, "AF_???");
	dec_end(d, &c->arg[0], &b);
	b = dec_begin(d);
	sb_enum(&b, &xt_socket_types, type & SOCK_TYPE_BITS, "SOCK_???");
	if (type & ~SOCK_TYPE_BITS) {
		sb_putc(&b, '|');
		sb_flags(&b, &xt_socket_type_flags, type & ~SOCK_TYPE_BITS, NULL);
	}
	dec_end(d, &c->arg[1], &b);
	/* the protocol by name for inet sockets (strace: IPPROTO_IP for 0), else the number */
	if (c->arg[0].raw == AF_INET_V || c->arg[0].raw == AF_INET6_V) {
		b = dec_begin(d);
		sb_enum(&b, &xt_inet_protocols, (uint32_t)c->arg[2].raw, "IPPROTO_???");
		dec_end(d, &c->arg[2], &b);
	}
}


/*
 * A field of a socket address in network byte order, as strace's -X shows it: abbrev, its meaning
 * (htons(9), inet_addr("127.0.0.1"): fmt with the number u or the text str); raw, its bytes in
 * hex ("\x00\x09"); verbose, both (the meaning as a comment).
 */
static void sb_net_field(struct sb *b, const char *field, const uint8_t *p, size_t n,
			 const char *fmt, unsigned int u, const char *str)
{
	enum xlat_style st = xlat__style();
	char text[96];

	if (str)
		snprintf(text, sizeof(text), fmt, str);
	else
		snprintf(text, sizeof(text), fmt, u);
	sb_puts(b, field);
	if (st == XLAT_ABBREV) {
		sb_puts(b, text);
		return;
	}
	sb_quoted(b, p, n, false, false, true);
	if (st == XLAT_VERBOSE) {
		sb_puts(b, " /* ");
		sb_puts(b, text);
		sb_puts(b, " */");
	}
}
/* {sa_family=AF_UNIX, sun_path="/run/x"} and the inet forms strace prints, of len bytes at sa
 * (at least 2). */
void sb_sockaddr(struct sb *b, const uint8_t *sa, size_t len)
{
	char ip[INET6_ADDRSTRLEN];
	uint16_t family, port;
	uint32_t u32;

	memcpy(&family, sa, 2);
	sb_puts(b, "{sa_family=");
	sb_enum_d(b, &xt_socket_families, family, "AF_???");
	if (family == AF_UNIX_V && len > 2) {
		const uint8_t *path = sa + 2, *z;
		size_t n = len - 2;

		z = memchr(path, 0, n);
		if (path[0] == 0 && n > 1) {
			/* abstract socket: @name */
			sb_puts(b, ", sun_path=@");
			sb_quoted(b, path + 1, n - 1, false, true, false);
		} else {
			sb_puts(b, ", sun_path=");
			sb_quoted(b, path, z ? (size_t)(z - path) : n, false, false, false);
		}
	} else if (family == AF_INET_V && len >= 8) {
		memcpy(&port, sa + 2, 2);
		memcpy(&u32, sa + 4, 4);
		sb_net_field(b, ", sin_port=", sa + 2, 2, "htons(%u)", ntohs(port), NULL);
		inet_ntop(AF_INET, &u32, ip, sizeof(ip));
		sb_net_field(b, ", sin_addr=", sa + 4, 4, "inet_addr(\"%s\")", 0, ip);
	} else if (family == AF_INET6_V && len >= 24) {
		memcpy(&port, sa + 2, 2);
		sb_net_field(b, ", sin6_port=", sa + 2, 2, "htons(%u)", ntohs(port), NULL);
		memcpy(&u32, sa + 4, 4);
		sb_net_field(b, ", sin6_flowinfo=", sa + 4, 4, "htonl(%u)", ntohl(u32), NULL);
		inet_ntop(AF_INET6, sa + 8, ip, sizeof(ip));
		if (xlat__style() == XLAT_ABBREV) {
			sb_puts(b, ", inet_pton(AF_INET6, \"");
			sb_puts(b, ip);
			sb_puts(b, "\", &sin6_addr)");
		} else {
			sb_net_field(b, ", sin6_addr=", sa + 8, 16, "inet_pton(AF_INET6, \"%s\")",
				     0, ip);
		}
		if (len >= 28) {
			memcpy(&u32, sa + 24, 4);
			sb_puts(b, ", sin6_scope_id=");
			sb_u64(b, u32);
		}
	} else if (len > 2) {
		sb_puts(b, ", sa_data=");
		sb_quoted(b, sa + 2, len - 2, false, false, false);
	}
	sb_putc(b, '}');
}

static void set_sockaddr(struct decoder *d, struct darg *a, uint64_t len)
{
	const uint8_t *sa = dec_struct(a, 2);
	struct sb b;

	if (!sa)
		return;
	if (len > a->cap->len)
		len = a->cap->len;
	b = dec_begin(d);
	sb_sockaddr(&b, sa, len);
	dec_end(d, a, &b);
}

static void dec_connect(struct decoder *d, struct call *c)
{
	set_sockaddr(d, &c->arg[1], (uint32_t)c->arg[2].raw);
}

/* MSG_NOSIGNAL|MSG_DONTWAIT, or 0 */
static void set_msg_flags(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_flags(&b, &xt_msg_flags, (uint32_t)a->raw, NULL);
	dec_end(d, a, &b);
}

static void dec_sendto(struct decoder *d, struct call *c)
{
	set_msg_flags(d, &c->arg[3]);
	set_sockaddr(d, &c->arg[4], (uint32_t)c->arg[5].raw);
}

/*
 * An address the call returns, its length behind a pointer (accept, getsockname, recvfrom):
 * the address as long as the length says, the length as [16]. Both are read at exit, so the
 * length is the one the kernel wrote back: where strace shows "[128 => 16]" (the caller's
 * buffer size, then the address's), sysobs shows [16].
 */
static void set_sockaddr_out(struct decoder *d, struct call *c, unsigned int addr,
			     unsigned int lenp)
{
	const int32_t *len = dec_struct(&c->arg[lenp], 4);

	if (!len)
		return;
	if (c->ret >= 0 && *len > 0)
		set_sockaddr(d, &c->arg[addr], *len);
	dec_int_in_brackets(d, &c->arg[lenp], *len);
}

static void dec_accept(struct decoder *d, struct call *c)
{
	struct sb b;

	set_sockaddr_out(d, c, 1, 2);
	if (c->nargs < 4)
		return;
	b = dec_begin(d);
	sb_flags(&b, &xt_socket_type_flags, (uint32_t)c->arg[3].raw, NULL);
	dec_end(d, &c->arg[3], &b);
}

/* socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) */
static void dec_socketpair(struct decoder *d, struct call *c)
{
	dec_socket(d, c);
	dec_fd_pair(d, c, &c->arg[3]);
}

static void dec_recvfrom(struct decoder *d, struct call *c)
{
	set_msg_flags(d, &c->arg[3]);
	set_sockaddr_out(d, c, 4, 5);
}

/* setsockopt/getsockopt: SOL_SOCKET, SO_REUSEADDR; options by level, unknown ones in hex */
static void set_sockopt_level(struct decoder *d, struct call *c)
{
	uint32_t level = c->arg[1].raw, opt = c->arg[2].raw;
	const struct xlat_tab *t = NULL;
	const char *unknown = NULL;
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_socket_levels, level, "SOL_??");
	dec_end(d, &c->arg[1], &b);
	switch (level) {
	case SOL_SOCKET:
		t = &xt_so_options;
		unknown = "SO_???";
		break;
	case SOL_IP:
		t = &xt_ip_options;
		unknown = "IP_???";
		break;
	case SOL_TCP:
		t = &xt_tcp_options;
		unknown = "TCP_???";
		break;
	case SOL_IPV6:
		t = &xt_ipv6_options;
		unknown = "IPV6_???";
		break;
	}
	b = dec_begin(d);
	if (t)
		sb_enum(&b, t, opt, unknown);
	else
		sb_u64(&b, opt);
	dec_end(d, &c->arg[2], &b);
}

static void sb_inet_addr(struct sb *b, const struct in_addr *in)
{
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, in, ip, sizeof(ip));
	sb_puts(b, "inet_addr(\"");
	sb_puts(b, ip);
	sb_puts(b, "\")");
}

/* The options whose value is a struct (strace 6.1's sockopt decoders): shown when the length
 * covers it, else the address */
static bool sb_sockopt_struct(struct sb *b, uint32_t level, uint32_t opt, const uint8_t *v,
			      uint64_t len, bool *is_struct)
{
	struct linger l;
	struct ip_mreq m;

	*is_struct = true;
	if (level == SOL_SOCKET && opt == SO_LINGER) {
		if (len < sizeof(l))
			return false;
		memcpy(&l, v, sizeof(l));
		sb_puts(b, "{l_onoff=");
		sb_i64(b, l.l_onoff);
		sb_puts(b, ", l_linger=");
		sb_i64(b, l.l_linger);
		sb_putc(b, '}');
		return true;
	}
	if (level == SOL_IP && (opt == IP_ADD_MEMBERSHIP || opt == IP_DROP_MEMBERSHIP) &&
	    len == sizeof(m)) {
		memcpy(&m, v, sizeof(m));
		sb_puts(b, "{imr_multiaddr=");
		sb_inet_addr(b, &m.imr_multiaddr);
		sb_puts(b, ", imr_interface=");
		sb_inet_addr(b, &m.imr_interface);
		sb_putc(b, '}');
		return true;
	}
	*is_struct = level == SOL_IP && (opt == IP_ADD_MEMBERSHIP || opt == IP_DROP_MEMBERSHIP) &&
		     len < sizeof(m);
	return false;
}

/* An option's value: a struct the option takes, [1] when it is an int, else its bytes */
static void set_sockopt_val(struct decoder *d, const struct call *c, struct darg *a,
			    uint64_t len)
{
	const uint8_t *v = dec_struct(a, len < 4 ? len : 4);
	bool is_struct;
	int32_t i;
	struct sb b;

	if (!v || !len)
		return;
	b = dec_begin(d);
	if (sb_sockopt_struct(&b, c->arg[1].raw, c->arg[2].raw, v,
			      len < a->cap->len ? len : a->cap->len, &is_struct)) {
		dec_end(d, a, &b);
		return;
	}
	if (is_struct) {	/* too short for it: the address */
		b = dec_begin(d);
		sb_ptr(&b, a->raw);
		dec_end(d, a, &b);
		return;
	}
	if (len == 4) {
		memcpy(&i, v, 4);
		dec_int_in_brackets(d, a, i);
		return;
	}
	sb_quoted(&b, v, len < a->cap->len ? len : a->cap->len, len > a->cap->len, false, false);
	dec_end(d, a, &b);
}

static void dec_setsockopt(struct decoder *d, struct call *c)
{
	set_sockopt_level(d, c);
	set_sockopt_val(d, c, &c->arg[3], (uint32_t)c->arg[4].raw);
}

static void dec_getsockopt(struct decoder *d, struct call *c)
{
	const int32_t *len = dec_struct(&c->arg[4], 4);

	set_sockopt_level(d, c);
	if (!len)
		return;
	if (c->ret >= 0 && *len >= 0)
		set_sockopt_val(d, c, &c->arg[3], *len);
	dec_int_in_brackets(d, &c->arg[4], *len);
}

/* The captures of an address returned with its length: both read at exit. */
#define SOCKADDR_OUT(addr, lenp) \
	{ addr, SO_CK_STRUCT_OUT_PLEN, lenp, SOCKADDR_MAX }, { lenp, SO_CK_STRUCT_IN, 0, 4 }

const struct dec_entry dec_net_table[] = {
	{ "accept", dec_accept, { SOCKADDR_OUT(1, 2) } },
	{ "accept4", dec_accept, { SOCKADDR_OUT(1, 2) } },
	{ "getsockname", dec_accept, { SOCKADDR_OUT(1, 2) } },
	{ "getpeername", dec_accept, { SOCKADDR_OUT(1, 2) } },
	{ "recvfrom", dec_recvfrom, { SOCKADDR_OUT(4, 5) } },
	{ "socket", dec_socket },
	{ "socketpair", dec_socketpair, { { 3, SO_CK_STRUCT_OUT, 0, 8 } } },
	{ "connect", dec_connect, { { 1, SO_CK_STRUCT_IN_LEN, 2, SOCKADDR_MAX } } },
	{ "bind", dec_connect, { { 1, SO_CK_STRUCT_IN_LEN, 2, SOCKADDR_MAX } } },
	{ "sendto", dec_sendto, { { 4, SO_CK_STRUCT_IN_LEN, 5, SOCKADDR_MAX } } },
	{ "setsockopt", dec_setsockopt, { { 3, SO_CK_BUF_IN, 4, 0 } } },
	{ "getsockopt", dec_getsockopt, { SOCKADDR_OUT(3, 4) } },	/* value, then length */
	{ NULL },
};
