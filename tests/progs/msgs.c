// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * sendmsg, recvmsg, sendmmsg and recvmmsg as strace 6.1 shows them: the msghdr with its address,
 * iovec and bytes (what was received only), control messages (SCM_RIGHTS, SCM_CREDENTIALS,
 * SOL_IP's, unknown ones, a length too short for one), flags, failures (a failed recvmsg shows
 * only msg_namelen), NULL and unreadable pointers. Prints the lines sysobs must show
 * (tests/integration/decode-exercisers.sh).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "test.h"

#define EBADF_S	"-1 EBADF (Bad file descriptor)"
#define NONAME	"{msg_name=NULL, msg_namelen=0, "
#define NOCTL	"msg_controllen=0, msg_flags=0}"
#define LONG	"0123456789abcdef0123456789abcdefXYZ"	/* 35 bytes: cut at -s 32 */

static char line[2048], outbuf[16384];

#define call(r, ...) do { snprintf(line, sizeof(line), __VA_ARGS__); expect(line, r); } while (0)

union cbuf {
	char buf[CMSG_SPACE(3 * sizeof(int))];
	struct cmsghdr align;
};

/* A control buffer with one message of len data bytes copied from data. */
static void control(struct msghdr *m, union cbuf *u, int level, int type, const void *data,
		    size_t len)
{
	struct cmsghdr *c = (void *)u->buf;

	memset(u, 0, sizeof(*u));
	c->cmsg_len = CMSG_LEN(len);
	c->cmsg_level = level;
	c->cmsg_type = type;
	memcpy(CMSG_DATA(c), data, len);
	m->msg_control = u->buf;
	m->msg_controllen = CMSG_SPACE(len);
}

static void mmsgs(char *a, char *b)
{
	struct iovec iov[2] = { { a, 5 }, { b, 6 } };
	char r1[8], r2[8], r3[8];
	struct iovec riov[3] = { { r1, 3 }, { r2, 8 }, { r3, 8 } };
	struct mmsghdr mm[2] = { { .msg_hdr = { .msg_iov = &iov[0], .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = &iov[1], .msg_iovlen = 1 } } };
	struct mmsghdr rm[3] = { { .msg_hdr = { .msg_iov = riov, .msg_iovlen = 2 } },
				 { .msg_hdr = { .msg_iov = &riov[2], .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = &riov[2], .msg_iovlen = 1 } } };

	sendmmsg(3, mm, 2, 0);
	call("2", "sendmmsg(3, [{msg_hdr=" NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, " NOCTL ", msg_len=5}, {msg_hdr=" NONAME "msg_iov=[{iov_base=\" world\", "
	     "iov_len=6}], msg_iovlen=1, " NOCTL ", msg_len=6}], 2, 0)");
	recvmmsg(4, rm, 3, MSG_DONTWAIT, NULL);
	call("2", "recvmmsg(4, [{msg_hdr=" NONAME "msg_iov=[{iov_base=\"hel\", iov_len=3}, "
	     "{iov_base=\"lo\", iov_len=8}], msg_iovlen=2, " NOCTL ", msg_len=5}, {msg_hdr=" NONAME
	     "msg_iov=[{iov_base=\" world\", iov_len=8}], msg_iovlen=1, " NOCTL ", msg_len=6}], 3, "
	     "MSG_DONTWAIT, NULL)");
	sendmmsg(-1, mm, 1, MSG_NOSIGNAL);
	call(EBADF_S, "sendmmsg(-1, [{msg_hdr=" NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, " NOCTL "}], 1, MSG_NOSIGNAL)");
	recvmmsg(-1, rm, 3, 0, NULL);
	call(EBADF_S, "recvmmsg(-1, %p, 3, 0, NULL)", (void *)rm);
}

/* Control messages the kernel does not take, on fd -1: how each shows. */
static void controls(struct msghdr *m, union cbuf *u)
{
	int ttl = 64, v3[3] = { 7, 8, 9 };
	unsigned char tos = 0x10;

	control(m, u, SOL_IP, IP_TTL, &ttl, sizeof(ttl));
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, "
	     "cmsg_data=[64]}], msg_controllen=24, msg_flags=0}, 0)");
	control(m, u, SOL_IP, IP_TOS, &tos, 1);
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, msg_control=[{cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=IP_TOS, "
	     "cmsg_data=[0x10]}], msg_controllen=24, msg_flags=0}, 0)");
	control(m, u, SOL_SOCKET, 99, v3, 3);
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, msg_control=[{cmsg_len=19, cmsg_level=SOL_SOCKET, "
	     "cmsg_type=0x63 /* SCM_??? */}], msg_controllen=24, msg_flags=0}, 0)");
	control(m, u, 77, 99, v3, 12);
	((struct cmsghdr *)u->buf)->cmsg_len = 100;
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, msg_control=[{cmsg_len=100, cmsg_level=0x4d /* SOL_??? */, "
	     "cmsg_type=0x63}], msg_controllen=32, msg_flags=0}, 0)");
	m->msg_controllen = 4;
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, msg_control=%p, msg_controllen=4, msg_flags=0}, 0)", m->msg_control);
	control(m, u, SOL_SOCKET, SCM_RIGHTS, v3, sizeof(v3));
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], "
	     "msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
	     "cmsg_data=[7, 8, 9]}], msg_controllen=32, msg_flags=0}, 0)");
	m->msg_control = NULL;
	m->msg_controllen = 0;
}

/* Addresses, flags, iovecs that are NULL, long or many, and failures. */
static void others(struct msghdr *m, char *a)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(1234),
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct iovec iov[3] = { { a, 5 }, { LONG, 35 }, { NULL, 0 } };
	struct msghdr r = { .msg_name = &sin, .msg_namelen = sizeof(sin) };

	m->msg_name = &sin;
	m->msg_namelen = sizeof(sin);
	m->msg_flags = MSG_EOR;
	m->msg_iov = iov;
	m->msg_iovlen = 3;
	sendmsg(-1, m, MSG_NOSIGNAL | MSG_DONTWAIT);
	call(EBADF_S, "sendmsg(-1, {msg_name={sa_family=AF_INET, sin_port=htons(1234), "
	     "sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16, msg_iov=[{iov_base=\"hello\", "
	     "iov_len=5}, {iov_base=\"%.32s\"..., iov_len=35}, {iov_base=NULL, iov_len=0}], "
	     "msg_iovlen=3, msg_controllen=0, msg_flags=MSG_EOR}, MSG_DONTWAIT|MSG_NOSIGNAL)", LONG);
	m->msg_namelen = 3;
	m->msg_iov = NULL;
	m->msg_iovlen = 0;
	sendmsg(-1, m, 0);
	call(EBADF_S, "sendmsg(-1, {msg_name={sa_family=AF_INET, sa_data=\"\\4\"}, msg_namelen=3, "
	     "msg_iov=NULL, msg_iovlen=0, msg_controllen=0, msg_flags=MSG_EOR}, 0)");
	recvmsg(-1, &r, 0);
	call(EBADF_S, "recvmsg(-1, {msg_namelen=16}, 0)");
	recvmsg(4, &r, MSG_DONTWAIT);
	call("-1 EAGAIN (Resource temporarily unavailable)",
	     "recvmsg(4, {msg_namelen=16}, MSG_DONTWAIT)");
	sendmsg(-1, NULL, 0);
	call(EBADF_S, "sendmsg(-1, NULL, 0)");
	sendmsg(-1, (void *)8, 0);
	call(EBADF_S, "sendmsg(-1, 0x8, 0)");
}

int main(void)
{
	char a[] = "hello", b[] = " world", r1[8], r2[64];
	struct iovec iov[2] = { { a, 5 }, { b, 6 } }, riov[2] = { { r1, 4 }, { r2, 60 } };
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2 };
	struct msghdr r = { .msg_iov = riov, .msg_iovlen = 2 };
	int sv[2], fds[2] = { 0, 1 }, one = 1, pid = getpid(), uid = getuid(), gid = getgid();
	struct ucred cred = { pid, uid, gid };
	union cbuf u, ru;

	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));	/* no fstat at the first line */
	MARK_BEGIN();
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	call("0", "socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4])");
	if (sv[0] != 3)
		return 99;
	sendmsg(3, &m, 0);
	call("11", "sendmsg(3, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\" world\", "
	     "iov_len=6}], msg_iovlen=2, " NOCTL ", 0)");
	recvmsg(4, &r, 0);
	call("11", "recvmsg(4, " NONAME "msg_iov=[{iov_base=\"hell\", iov_len=4}, {iov_base=\"o world\", "
	     "iov_len=60}], msg_iovlen=2, " NOCTL ", 0)");
	mmsgs(a, b);
	m.msg_iovlen = 1;
	control(&m, &u, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	sendmsg(3, &m, MSG_DONTWAIT);
	call("5", "sendmsg(3, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, "
	     "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
	     "cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, MSG_DONTWAIT)");
	r.msg_control = ru.buf;
	r.msg_controllen = sizeof(ru.buf);
	recvmsg(4, &r, MSG_CMSG_CLOEXEC);
	call("5", "recvmsg(4, " NONAME "msg_iov=[{iov_base=\"hell\", iov_len=4}, {iov_base=\"o\", "
	     "iov_len=60}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, "
	     "cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}], msg_controllen=24, "
	     "msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC)");
	setsockopt(4, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	call("0", "setsockopt(4, SOL_SOCKET, SO_PASSCRED, [1], 4)");
	control(&m, &u, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof(cred));
	sendmsg(3, &m, 0);
	call("5", "sendmsg(3, " NONAME "msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, "
	     "msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
	     "cmsg_data={pid=%d, uid=%d, gid=%d}}], msg_controllen=32, msg_flags=0}, 0)",
	     pid, uid, gid);
	r.msg_controllen = sizeof(ru.buf);
	recvmsg(4, &r, 0);
	call("5", "recvmsg(4, " NONAME "msg_iov=[{iov_base=\"hell\", iov_len=4}, {iov_base=\"o\", "
	     "iov_len=60}], msg_iovlen=2, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, "
	     "cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=%d, uid=%d, gid=%d}}], msg_controllen=32, "
	     "msg_flags=0}, 0)", pid, uid, gid);
	controls(&m, &u);
	others(&m, a);
	MARK_END();
	return 0;
}
