/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * For test programs in strace's manner: the program issues syscalls with distinctive values
 * and prints, on stdout, exactly the trace lines sysobs must show for them. Markers bracket
 * the part of the trace the test compares (tests/lib.sh: between_marks).
 */
#ifndef SYSOBS_TEST_H
#define SYSOBS_TEST_H

#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

/*
 * Every page the program has mapped, made present before the compared part. BPF reads user
 * memory without faulting pages in: an input the kernel never read itself (a call that fails
 * on an earlier argument) shows as its address when its page was never touched, where strace
 * (process_vm_readv) faults it in (docs/decoding.md, Pipeline). Whether a string's page is
 * present depends on the page cache, so a test would otherwise differ from run to run.
 */
static inline void prefault_image(void)
{
	if (!mlockall(MCL_CURRENT))
		munlockall();
}

/* close(-1001) and close(-1002) fail with EBADF and appear in no other way. */
#define MARK_BEGIN() (prefault_image(), syscall(SYS_close, -1001))
#define MARK_END() syscall(SYS_close, -1002)

/* One expected line: the call, padded to column 40 as strace pads, then "= ret". */
static inline void expect(const char *call, const char *ret)
{
	size_t n = strlen(call);

	printf("%s", call);
	if (n < 40)
		printf("%*s", (int)(40 - n), "");
	else
		printf(" ");
	printf("= %s\n", ret);
}

#endif /* SYSOBS_TEST_H */
