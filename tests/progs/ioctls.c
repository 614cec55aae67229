// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * ioctl, as strace 6.1 shows it: terminal requests on a pty (struct termios, struct winsize,
 * ints behind pointers, values, no argument), socket requests on interfaces (struct ifreq),
 * block and loop requests (failing on -1: what they take still shows), codes with no name
 * (_IOC(...)), NULL, failures (the address of what the kernel would have written) and -s
 * truncation. Prints the lines sysobs must show (tests/integration/decode-ioctl.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <asm/termbits.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include "test.h"

#define EBADF_S	"-1 EBADF (Bad file descriptor)"
#define ENOTTY_S "-1 ENOTTY (Inappropriate ioctl for device)"
#define TERMIOS_S "{c_iflag=IGNBRK|ICRNL|IUTF8, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, " \
		  "c_cflag=B38400|CS8|CREAD|HUPCL, c_lflag=ISIG|ICANON|ECHO|IEXTEN|ECHOCTL, ...}"

static char line[512], outbuf[16384];

#define call(ret, ...) do { snprintf(line, sizeof(line), __VA_ARGS__); expect(line, ret); } \
	while (0)

static long sys_ioctl(long fd, unsigned long req, unsigned long arg)
{
	return syscall(SYS_ioctl, fd, req, arg);
}

static void terminal(int m)
{
	struct termios t = { .c_iflag = IGNBRK | ICRNL | IUTF8, .c_oflag = OPOST | ONLCR,
			     .c_cflag = B38400 | CS8 | CREAD | HUPCL,
			     .c_lflag = ISIG | ICANON | ECHO | IEXTEN | ECHOCTL };
	struct winsize ws = { 33, 111, 7, 9 };
	int n = 0, pg = -7, bits = TIOCM_DTR | TIOCM_RTS;
	char ch = 'x';

	sys_ioctl(m, TCSETS, (uintptr_t)&t);
	call("0", "ioctl(%d, SNDCTL_TMR_START or TCSETS, " TERMIOS_S ")", m);
	sys_ioctl(m, TCGETS, (uintptr_t)&t);
	call("0", "ioctl(%d, TCGETS, " TERMIOS_S ")", m);
	sys_ioctl(-1, TCGETS, (uintptr_t)&t);
	call(EBADF_S, "ioctl(-1, TCGETS, %p)", (void *)&t);
	sys_ioctl(-1, TCGETS, 0);
	call(EBADF_S, "ioctl(-1, TCGETS, NULL)");
	sys_ioctl(-1, TCSETSW, (uintptr_t)&t);
	call(EBADF_S, "ioctl(-1, SNDCTL_TMR_STOP or TCSETSW, " TERMIOS_S ")");
	sys_ioctl(m, TIOCSWINSZ, (uintptr_t)&ws);
	call("0", "ioctl(%d, TIOCSWINSZ, {ws_row=33, ws_col=111, ws_xpixel=7, ws_ypixel=9})", m);
	ws.ws_row = 0;
	sys_ioctl(m, TIOCGWINSZ, (uintptr_t)&ws);
	call("0", "ioctl(%d, TIOCGWINSZ, {ws_row=33, ws_col=111, ws_xpixel=7, ws_ypixel=9})", m);
	sys_ioctl(-1, TIOCGWINSZ, (uintptr_t)&ws);
	call(EBADF_S, "ioctl(-1, TIOCGWINSZ, %p)", (void *)&ws);
	sys_ioctl(m, TIOCGPTN, (uintptr_t)&n);
	call("0", "ioctl(%d, TIOCGPTN, [%d])", m, n);
	sys_ioctl(-1, TIOCSPGRP, (uintptr_t)&pg);
	call(EBADF_S, "ioctl(-1, TIOCSPGRP, [-7])");
	sys_ioctl(-1, TIOCGPGRP, (uintptr_t)&pg);
	call(EBADF_S, "ioctl(-1, TIOCGPGRP, %p)", (void *)&pg);
	sys_ioctl(-1, TIOCMSET, (uintptr_t)&bits);
	call(EBADF_S, "ioctl(-1, TIOCMSET, [TIOCM_DTR|TIOCM_RTS])");
	sys_ioctl(-1, TCXONC, TCOON);
	call(EBADF_S, "ioctl(-1, TCXONC, TCOON)");
	sys_ioctl(-1, TCFLSH, TCIOFLUSH);
	call(EBADF_S, "ioctl(-1, TCFLSH, TCIOFLUSH)");
	sys_ioctl(-1, TCSBRK, 1);
	call(EBADF_S, "ioctl(-1, TCSBRK, 1)");
	sys_ioctl(-1, TIOCNOTTY, 0xdead);
	call(EBADF_S, "ioctl(-1, TIOCNOTTY)");
	sys_ioctl(-1, TIOCSTI, (uintptr_t)&ch);
	call(EBADF_S, "ioctl(-1, TIOCSTI, \"x\")");
}

static void files(void)
{
	int p[2], n = 1;

	if (pipe(p))
		exit(99);
	call("0", "pipe2([%d, %d], 0)", p[0], p[1]);
	call("5", "write(%d, \"hello\", 5)", p[1]);
	if (write(p[1], "hello", 5) != 5)
		exit(99);
	n = 0;
	sys_ioctl(p[0], FIONREAD, (uintptr_t)&n);
	call("0", "ioctl(%d, FIONREAD, [%d])", p[0], n);
	sys_ioctl(-1, FIONREAD, 0);
	call(EBADF_S, "ioctl(-1, FIONREAD, NULL)");
	n = 1;
	sys_ioctl(p[0], FIONBIO, (uintptr_t)&n);
	call("0", "ioctl(%d, FIONBIO, [1])", p[0]);
	sys_ioctl(p[0], FIOCLEX, 0x77);
	call("0", "ioctl(%d, FIOCLEX)", p[0]);
	sys_ioctl(p[0], FIONCLEX, 0);
	call("0", "ioctl(%d, FIONCLEX)", p[0]);
	sys_ioctl(p[0], TCGETS, (uintptr_t)line);
	call(ENOTTY_S, "ioctl(%d, TCGETS, %p)", p[0], (void *)line);
	sys_ioctl(-1, FIGETBSZ, (uintptr_t)&n);
	call(EBADF_S, "ioctl(-1, FIGETBSZ, %p)", (void *)&n);
	sys_ioctl(-1, FICLONE, 3);
	call(EBADF_S, "ioctl(-1, BTRFS_IOC_CLONE or FICLONE, 3)");
}

static void interfaces(void)
{
	struct ifreq r = { .ifr_name = "lo" };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	call("3", "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
	if (s != 3)
		exit(99);
	sys_ioctl(s, SIOCGIFINDEX, (uintptr_t)&r);
	call("0", "ioctl(3, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=%d})", r.ifr_ifindex);
	sys_ioctl(s, SIOCGIFMTU, (uintptr_t)&r);
	call("0", "ioctl(3, SIOCGIFMTU, {ifr_name=\"lo\", ifr_mtu=%d})", r.ifr_mtu);
	r.ifr_ifindex = 1;
	sys_ioctl(s, SIOCGIFNAME, (uintptr_t)&r);
	call("0", "ioctl(3, SIOCGIFNAME, {ifr_ifindex=1, ifr_name=\"%s\"})", r.ifr_name);
	strcpy(r.ifr_name, "sysobs\t0");
	sys_ioctl(s, SIOCGIFFLAGS, (uintptr_t)&r);
	call("-1 ENODEV (No such device)", "ioctl(3, SIOCGIFFLAGS, {ifr_name=\"sysobs\\t0\"})");
	r.ifr_ifindex = 12345;
	sys_ioctl(s, SIOCGIFNAME, (uintptr_t)&r);
	call("-1 ENODEV (No such device)", "ioctl(3, SIOCGIFNAME, {ifr_ifindex=12345})");
	close(s);
	call("0", "close(3)");
}

static void blocks(void)
{
	struct loop_info64 li = { .lo_offset = 0x1000, .lo_number = 7,
				  .lo_flags = LO_FLAGS_AUTOCLEAR | LO_FLAGS_PARTSCAN };
	uint64_t range[2] = { 4096, 8192 };
	uint64_t sz;
	int one = 1;

	sys_ioctl(-1, BLKGETSIZE64, (uintptr_t)&sz);
	call(EBADF_S, "ioctl(-1, BLKGETSIZE64, %p)", (void *)&sz);
	sys_ioctl(-1, BLKFLSBUF, 0x55);
	call(EBADF_S, "ioctl(-1, BLKFLSBUF)");
	sys_ioctl(-1, BLKRASET, 256);
	call(EBADF_S, "ioctl(-1, BLKRASET, 256)");
	sys_ioctl(-1, BLKROSET, (uintptr_t)&one);
	call(EBADF_S, "ioctl(-1, BLKROSET, [1])");
	sys_ioctl(-1, BLKDISCARD, (uintptr_t)range);
	call(EBADF_S, "ioctl(-1, BLKDISCARD, [4096, 8192])");
	sys_ioctl(-1, LOOP_SET_FD, 3);
	call(EBADF_S, "ioctl(-1, LOOP_SET_FD, 3)");
	sys_ioctl(-1, LOOP_CLR_FD, 0);
	call(EBADF_S, "ioctl(-1, LOOP_CLR_FD)");
	sys_ioctl(-1, LOOP_CTL_GET_FREE, 0);
	call(EBADF_S, "ioctl(-1, LOOP_CTL_GET_FREE)");
	sys_ioctl(-1, LOOP_CTL_ADD, 7);
	call(EBADF_S, "ioctl(-1, LOOP_CTL_ADD, 7)");
	sys_ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096);
	call(EBADF_S, "ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096)");
	strcpy((char *)li.lo_file_name, "/sysobs/loop");
	sys_ioctl(-1, LOOP_SET_STATUS64, (uintptr_t)&li);
	call(EBADF_S, "ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=7, "
	     "lo_flags=LO_FLAGS_AUTOCLEAR|LO_FLAGS_PARTSCAN, lo_file_name=\"/sysobs/loop\", ...})");
	/* longer than -s (32): the whole field still shows; with no NUL, 63 bytes and "..." */
	strcpy((char *)li.lo_file_name, "/a/file/name/longer/than/thirty-two/bytes");
	li.lo_flags = 0;
	sys_ioctl(-1, LOOP_SET_STATUS64, (uintptr_t)&li);
	call(EBADF_S, "ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=7, lo_flags=0, "
	     "lo_file_name=\"/a/file/name/longer/than/thirty-two/bytes\", ...})");
	memset(li.lo_file_name, 'a', sizeof(li.lo_file_name));
	sys_ioctl(-1, LOOP_SET_STATUS64, (uintptr_t)&li);
	call(EBADF_S, "ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=7, lo_flags=0, "
	     "lo_file_name=\"%.63s\"..., ...})", (char *)li.lo_file_name);
	sys_ioctl(-1, LOOP_GET_STATUS64, (uintptr_t)&li);
	call(EBADF_S, "ioctl(-1, LOOP_GET_STATUS64, %p)", (void *)&li);
}

int main(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m < 0)
		return 77;
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));	/* no fstat at the first line */
	MARK_BEGIN();
	terminal(m);
	files();
	close(m);
	call("0", "close(%d)", m);
	interfaces();
	blocks();
	/* codes with no name: their fields, the argument in hex */
	sys_ioctl(-1, 0xdeadbeef, 0x1234);
	call(EBADF_S, "ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0xbe, 0xef, 0x1ead), 0x1234)");
	sys_ioctl(-1, _IOR('Z', 1, int), 0);
	call(EBADF_S, "ioctl(-1, _IOC(_IOC_READ, 0x5a, 0x1, 0x4), 0)");
	sys_ioctl(-1, _IO('Z', 0x99), 0x10);
	call(EBADF_S, "ioctl(-1, _IOC(_IOC_NONE, 0x5a, 0x99, 0), 0x10)");
	sys_ioctl(-1, _IOW('M', 0x71, int), 0x20);
	call(EBADF_S, "ioctl(-1, MIXER_WRITE(113), 0x20)");
	MARK_END();
	return 0;
}
