// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Pure formatting code: strace's string quoting, number formatting, the output buffer. */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/types.h>
#include "check.h"
#include "lib/fmt.h"
#include "decode/names/errno.h"
#include "decode/pipeline.h"
#include "lib/outbuf.h"

static void quote(const char *in, size_t n, bool nul, const char *want)
{
	char out[1024];
	size_t len = quote_bytes(out, (const uint8_t *)in, n, nul ? QUOTE_STOP_AT_NUL : 0);

	out[len] = 0;
	CHECK_STR(out, want);
}

static void test_quote(void)
{
	/* the forms strace prints */
	quote("Hello, direct syscall!\n", 23, false, "Hello, direct syscall!\\n");
	quote("a\tb\rc\fd\ve", 9, false, "a\\tb\\rc\\fd\\ve");
	quote("\"q\" \\", 5, false, "\\\"q\\\" \\\\");
	/* ESC then '[': short octal; ESC then a digit: three digits, or \33 + '1' would read \331 */
	quote("\033[0m", 4, false, "\\33[0m");
	quote("\0331", 2, false, "\\0331");
	quote("\0008", 2, false, "\\08");
	quote("\0007", 2, false, "\\0007");
	quote("\177\200\377", 3, false, "\\177\\200\\377");
	/* NUL-terminated strings stop at the NUL, buffers do not */
	quote("ab\0cd", 5, true, "ab");
	quote("ab\0cd", 5, false, "ab\\0cd");
}

static void test_numbers(void)
{
	char b[32];

	b[fmt_u64(b, 0)] = 0;
	CHECK_STR(b, "0");
	b[fmt_u64(b, UINT64_MAX)] = 0;
	CHECK_STR(b, "18446744073709551615");
	b[fmt_i64(b, INT64_MIN)] = 0;
	CHECK_STR(b, "-9223372036854775808");
	b[fmt_i64(b, -100)] = 0;
	CHECK_STR(b, "-100");
	b[fmt_hex(b, 0x7ffd1234abcd)] = 0;
	CHECK_STR(b, "0x7ffd1234abcd");
	b[fmt_hex(b, 0)] = 0;
	CHECK_STR(b, "0x0");
	/* modes as strace prints them, printf's %#03o */
	b[fmt_oct(b, 0)] = 0;
	CHECK_STR(b, "000");
	b[fmt_oct(b, 7)] = 0;
	CHECK_STR(b, "007");
	b[fmt_oct(b, 0644)] = 0;
	CHECK_STR(b, "0644");
	b[fmt_oct(b, 0100644)] = 0;
	CHECK_STR(b, "0100644");
}

/* An unlinked temporary file to write through an outbuf, -1 when there is none. */
static int temp_fd(void)
{
	char path[] = "/tmp/sysobs-unit-XXXXXX";
	int fd = mkstemp(path);

	CHECK(fd >= 0, "mkstemp");
	if (fd >= 0)
		unlink(path);
	return fd;
}

/* The output buffer pads to a column even when a flush cuts the line. */
static void test_outbuf(void)
{
	char got[256];
	struct outbuf ob;
	ssize_t n;
	int fd = temp_fd();

	if (fd < 0)
		return;
	CHECK(outbuf__init(&ob, fd, 16) == 0, "init");
	outbuf__puts(&ob, "close(3)");
	outbuf__pad_to(&ob, 40);
	outbuf__puts(&ob, "= 0");
	outbuf__newline(&ob);
	outbuf__puts(&ob, "a-very-long-call-name(1234567890)");	/* longer than the buffer */
	outbuf__pad_to(&ob, 40);
	outbuf__puts(&ob, "= -1");
	outbuf__newline(&ob);
	outbuf__flush(&ob);
	n = pread(fd, got, sizeof(got) - 1, 0);
	got[n > 0 ? n : 0] = 0;
	CHECK_STR(got, "close(3)                                = 0\n"
		       "a-very-long-call-name(1234567890)       = -1\n");
	outbuf__free(&ob);
	close(fd);
}

/* outbuf__write copies short pieces by hand (1-3, 4-7, 8-16 bytes): every length, across
 * flushes of a small buffer, comes out byte for byte. */
static void test_outbuf_lengths(void)
{
	char want[4096], got[4096];
	struct outbuf ob;
	size_t len, i, total = 0;
	ssize_t n;
	int fd = temp_fd();

	if (fd < 0)
		return;
	CHECK(outbuf__init(&ob, fd, 37) == 0, "init");
	for (len = 0; len <= 40; len++) {
		char piece[64];

		for (i = 0; i < len; i++)
			piece[i] = 'A' + (len + i) % 26;
		outbuf__write(&ob, piece, len);
		memcpy(want + total, piece, len);
		total += len;
		outbuf__putc(&ob, '|');
		want[total++] = '|';
	}
	outbuf__flush(&ob);
	n = pread(fd, got, sizeof(got), 0);
	CHECK(n == (ssize_t)total, "all bytes written");
	CHECK(n == (ssize_t)total && !memcmp(got, want, total), "bytes as written");
	outbuf__free(&ob);
	close(fd);
}

/* A SIGCHLD's siginfo as strace prints it: clock_t ticks with their seconds when not 0 */
static void test_siginfo(void)
{
	struct decode_opts opts = { .strsize = 32 };
	struct so_signal r = { .h = { .type = SO_REC_SIGNAL, .size = sizeof(r) } };
	uint64_t utime = 18, stime = 150;
	int32_t pid = 42, uid = 0, status = 3;
	struct decoder d;
	struct sig_event e;

	r.signo = SIGCHLD;
	r.code = CLD_EXITED;
	memcpy(r.fields, &pid, 4);
	memcpy(r.fields + 4, &uid, 4);
	memcpy(r.fields + 8, &status, 4);
	memcpy(r.fields + 16, &utime, 8);
	memcpy(r.fields + 24, &stime, 8);
	CHECK(decoder__init(&d, &opts) == 0, "decoder__init");
	decoder__signal(&d, &r, &e);
	CHECK_STR(e.info, "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=3, "
		  "si_utime=18 /* 0.18 s */, si_stime=150 /* 1.50 s */}");
	utime = 0;
	memcpy(r.fields + 16, &utime, 8);
	decoder__signal(&d, &r, &e);
	CHECK(strstr(e.info, "si_utime=0, si_stime=150 /* 1.50 s */}") != NULL, "%s", e.info);
	decoder__free(&d);
}

int main(void)
{
	test_siginfo();
	test_quote();
	test_numbers();
	test_outbuf();
	test_outbuf_lengths();
	return CHECK_DONE();
}
