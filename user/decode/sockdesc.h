/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -yy: what strace 6.1 shows of a socket fd, "UDP:[127.0.0.1:55100->127.0.0.1:9]",
 * "TCP:[127.0.0.1:8080]" (bound, not connected), "UNIX-STREAM:[1234->1235]", else
 * "PROTO:[INODE]". Read when a call is decoded, so the state it shows is the socket's then, not
 * at the call: decode/fdpath.c decides when to ask (not for a socket that no bind, connect or
 * send has touched yet). The protocol is the fd's system.sockprotoname; the endpoints of TCP and
 * UDP (v4 and v6) come from /proc/PID/net/{tcp,udp}[6] (the process's network namespace), a
 * UNIX socket's peer from NETLINK_SOCK_DIAG (sysobs's namespace).
 */
#ifndef SYSOBS_SOCKDESC_H
#define SYSOBS_SOCKDESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "PROTO:[INODE]" for fd of process tgid, a socket with inode ino (NULL proto: none known) */
size_t sockdesc__bare(char *buf, size_t cap, uint32_t tgid, int fd, uint64_t ino);
/* Its endpoints now, as strace shows them; 0 when they cannot be known (buf untouched). */
size_t sockdesc__now(char *buf, size_t cap, uint32_t tgid, int fd, uint64_t ino);

#endif /* SYSOBS_SOCKDESC_H */
