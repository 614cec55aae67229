// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The smallest program worth tracing: no libc, no startup files. The kernel jumps to _start
 * with the stack holding argc, argv and envp; we need none of them. Two syscalls, issued by
 * hand with the x86-64 'syscall' instruction:
 *
 *   rax      the syscall number on entry, the return value on exit (-4095..-1 is -errno)
 *   rdi, rsi, rdx, r10, r8, r9   arguments 1 to 6 (r10, not rcx as in the C ABI: see below)
 *   rcx, r11 clobbered: the CPU saves the return address in rcx and rflags in r11
 *   "memory" the kernel may read (write's buffer) or write memory we point it at, so the
 *            compiler must not keep it in registers or reorder stores across the call
 *
 * Built with -nostdlib -static -ffreestanding -fno-stack-protector: the stack protector's
 * canary lives at %fs:0x28, and nothing here ever sets up %fs.
 */

#define NR_write	1
#define NR_exit		60

static long sys3(long nr, long a1, long a2, long a3)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
			 : "rcx", "r11", "memory");
	return ret;
}

static __attribute__((noreturn)) void sys_exit(int status)
{
	__asm__ volatile("syscall" : : "a"(NR_exit), "D"(status) : "rcx", "r11", "memory");
	__builtin_unreachable();
}

static const char msg[] = "Hello, direct syscall!\n";

void __attribute__((noreturn)) _start(void)
{
	long n = sys3(NR_write, 1, (long)msg, sizeof(msg) - 1);

	sys_exit(n == sizeof(msg) - 1 ? 0 : 1);
}
