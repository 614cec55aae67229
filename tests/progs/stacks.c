// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * -i and -k (tests/integration/stacks.sh): calls made at known depths, through libc's
 * wrappers (write, syscall) and through a syscall instruction of the program's own, so that
 * the frames strace and sysobs print can be compared, and the ip -i shows checked against the
 * address right after that instruction, which the program prints:
 *
 *    inline getpid returns to 0x401234
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

extern const char after_inline_syscall[];

/* getpid with a syscall instruction here, its return address the label after it */
static long __attribute__((noinline)) inline_getpid(void)
{
	long ret;

	__asm__ volatile("syscall\n"
			 ".globl after_inline_syscall\n"
			 "after_inline_syscall:"
			 : "=a"(ret) : "a"((long)SYS_getpid) : "rcx", "r11", "memory");
	return ret;
}

static void __attribute__((noinline)) third(int n)
{
	write(1, "stacks\n", 7);		/* libc's write wrapper */
	syscall(SYS_getppid);			/* libc's syscall() */
	inline_getpid();
	__asm__ volatile("" ::: "memory");	/* not a tail call: third stays on the stack */
	(void)n;
}

static void __attribute__((noinline)) second(int n)
{
	third(n + 1);
	__asm__ volatile("" ::: "memory");
}

static void __attribute__((noinline)) first(int n)
{
	second(n + 1);
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	printf("inline getpid returns to %p\n", (void *)after_inline_syscall);
	fflush(stdout);
	first(1);
	return 0;
}
