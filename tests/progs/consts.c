// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Constants strace 6.1 names that a tracer easily prints as numbers: scheduling policies,
 * waitid's id types and options, memfd_create, inotify, RWF_*, faccessat2's AT_EACCESS, NUMA
 * policies, keyrings (KEY_SPEC_*), PR_SET_DUMPABLE's values; with unknown values (the
 * "FOO_???" comment) and failures; ptrace's requests with the arguments each uses; openat2's
 * struct open_how; personality. Prints the lines sysobs must show
 * (tests/integration/decode-exercisers.sh). Key serials and fds are what the kernel gave.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/inotify.h>
#include <linux/bpf.h>
#include <linux/keyctl.h>
#include <linux/mempolicy.h>
#include <linux/openat2.h>
#include "test.h"

#define ECHILD_S "-1 ECHILD (No child processes)"
#define EINVAL_S "-1 EINVAL (Invalid argument)"
#define EBADF_S "-1 EBADF (Bad file descriptor)"

static char line[512], ret[64], outbuf[16384];

#define call(r, ...) do { snprintf(line, sizeof(line), __VA_ARGS__); expect(line, r); } while (0)

static const char *num(long v)
{
	snprintf(ret, sizeof(ret), "%ld", v);
	return ret;
}

static void sched(void)
{
	struct sched_param sp = { .sched_priority = 0 };
	long r;

	r = syscall(SYS_sched_getscheduler, 0);
	call(r == 0 ? "0 (SCHED_OTHER)" : num(r), "sched_getscheduler(0)");
	syscall(SYS_sched_setscheduler, -1, SCHED_FIFO, &sp);
	call(EINVAL_S, "sched_setscheduler(-1, SCHED_FIFO, [0])");
	syscall(SYS_sched_setscheduler, 0, 0x77, &sp);
	call(EINVAL_S, "sched_setscheduler(0, 0x77 /* SCHED_??? */, [0])");
	r = syscall(SYS_sched_get_priority_max, SCHED_RR);
	call(num(r), "sched_get_priority_max(SCHED_RR)");
	r = syscall(SYS_sched_get_priority_min, SCHED_IDLE);
	call(num(r), "sched_get_priority_min(SCHED_IDLE)");
	syscall(SYS_sched_getparam, 0, &sp);
	call("0", "sched_getparam(0, [%d])", sp.sched_priority);
}

static void waits(void)
{
	syscall(SYS_waitid, P_PID, 99999, NULL, WEXITED | WNOHANG, NULL);
	call(ECHILD_S, "waitid(P_PID, 99999, NULL, WNOHANG|WEXITED, NULL)");
	syscall(SYS_waitid, P_ALL, 0, NULL, WEXITED | WSTOPPED, NULL);
	call(ECHILD_S, "waitid(P_ALL, 0, NULL, WEXITED|WSTOPPED, NULL)");
	syscall(SYS_waitid, 7, 0, NULL, 0, NULL);
	call(EINVAL_S, "waitid(0x7 /* P_??? */, 0, NULL, 0, NULL)");
}

static void files(void)
{
	char b[4] = "abc";
	struct iovec v = { b, 4 };
	long fd;

	fd = syscall(SYS_memfd_create, "sysobs", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	call(num(fd), "memfd_create(\"sysobs\", MFD_CLOEXEC|MFD_ALLOW_SEALING)");
	close(fd);
	call("0", "close(%ld)", fd);
	syscall(SYS_pwritev2, -1, &v, 1, 0, 0, RWF_DSYNC | RWF_NOWAIT);
	call(EBADF_S, "pwritev2(-1, [{iov_base=\"abc\\0\", iov_len=4}], 1, 0, "
	     "RWF_DSYNC|RWF_NOWAIT)");
	syscall(SYS_preadv2, -1, &v, 1, 0, 0, 0x4000);
	call(EBADF_S, "preadv2(-1, [{iov_base=%p, iov_len=4}], 1, 0, 0x4000 /* RWF_??? */)", (void *)b);
	syscall(SYS_faccessat2, -1, "/nonexistent", R_OK, AT_EACCESS);
	call("-1 ENOENT (No such file or directory)",
	     "faccessat2(-1, \"/nonexistent\", R_OK, AT_EACCESS)");
	fd = syscall(SYS_inotify_init1, IN_CLOEXEC);
	call(num(fd), "inotify_init1(IN_CLOEXEC)");
	syscall(SYS_inotify_add_watch, -1, "/", IN_MODIFY | IN_CREATE | IN_ONLYDIR);
	call(EBADF_S, "inotify_add_watch(-1, \"/\", IN_MODIFY|IN_CREATE|IN_ONLYDIR)");
	close(fd);
	call("0", "close(%ld)", fd);
}

static void numa(void)
{
	syscall(SYS_set_mempolicy, MPOL_BIND, NULL, 0);
	call(EINVAL_S, "set_mempolicy(MPOL_BIND, NULL, 0)");
	syscall(SYS_set_mempolicy, MPOL_PREFERRED | MPOL_F_STATIC_NODES, NULL, 0);
	call(EINVAL_S, "set_mempolicy(MPOL_PREFERRED|MPOL_F_STATIC_NODES, NULL, 0)");
	syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, MPOL_F_NODE | MPOL_F_ADDR);
	call("-1 EFAULT (Bad address)", "get_mempolicy(NULL, NULL, 0, NULL, MPOL_F_NODE|MPOL_F_ADDR)");
	syscall(SYS_mbind, 0, 4096, MPOL_DEFAULT, NULL, 0, MPOL_MF_STRICT);
	call("-1 EFAULT (Bad address)", "mbind(NULL, 4096, MPOL_DEFAULT, NULL, 0, MPOL_MF_STRICT)");
}

static void keys(void)
{
	long k;

	k = syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0);
	call(k < 0 ? "-1 ENOKEY (Required key not available)" : num(k),
	     "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0)");
	syscall(SYS_keyctl, KEYCTL_REVOKE, 12345);
	call("-1 ENOKEY (Required key not available)", "keyctl(KEYCTL_REVOKE, 12345)");
	syscall(SYS_request_key, "user", "sysobs:none", NULL, KEY_SPEC_THREAD_KEYRING);
	call("-1 ENOKEY (Required key not available)",
	     "request_key(\"user\", \"sysobs:none\", NULL, KEY_SPEC_THREAD_KEYRING)");
}

static void ptraces(void)
{
	const char *esrch = "-1 ESRCH (No such process)";

	syscall(SYS_ptrace, PTRACE_PEEKDATA, 99999, 0x1000, 0);
	call(esrch, "ptrace(PTRACE_PEEKDATA, 99999, 0x1000, NULL)");
	syscall(SYS_ptrace, PTRACE_ATTACH, 99999, 0x11, 0x22);
	call(esrch, "ptrace(PTRACE_ATTACH, 99999)");
	syscall(SYS_ptrace, PTRACE_SETOPTIONS, 99999, 0,
		PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
	call(esrch, "ptrace(PTRACE_SETOPTIONS, 99999, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL)");
	syscall(SYS_ptrace, PTRACE_CONT, 99999, 0, SIGCONT);
	call(esrch, "ptrace(PTRACE_CONT, 99999, NULL, SIGCONT)");
	syscall(SYS_ptrace, PTRACE_DETACH, 99999, 0, 0);
	call(esrch, "ptrace(PTRACE_DETACH, 99999, NULL, 0)");
	syscall(SYS_ptrace, 0x7777, 99999, 0, 0);
	call(esrch, "ptrace(0x7777 /* PTRACE_??? */, 99999, NULL, NULL)");
}

static void bpfs(void)
{
	syscall(SYS_bpf, BPF_MAP_CREATE, NULL, 0);
	call(EINVAL_S, "bpf(BPF_MAP_CREATE, NULL, 0)");
	syscall(SYS_bpf, 0x777, NULL, 0);
	call(EINVAL_S, "bpf(0x777 /* BPF_??? */, NULL, 0)");
}

static void dumpable(void)
{
	syscall(SYS_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0);
	call("0", "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)");
	syscall(SYS_prctl, PR_SET_DUMPABLE, 7, 0, 0, 0);
	call(EINVAL_S, "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */)");
}

/* openat2's struct open_how: the mode only when it can create, unknown resolve bits, a short
 * size (the address), a larger struct (its tail shown when not zero) */
static void openat2s(void)
{
	struct open_how h = { .flags = O_RDONLY | O_CLOEXEC | O_DIRECTORY,
			      .resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH };
	struct open_how c = { .flags = O_WRONLY | O_CREAT, .mode = 0644, .resolve = 0x100 };
	unsigned char big[40] = { 0 };

	syscall(SYS_openat2, -1, "/", &h, sizeof(h));
	call("-1 EXDEV (Invalid cross-device link)", "openat2(-1, \"/\", {flags=O_RDONLY|O_CLOEXEC|"
	     "O_DIRECTORY, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24)");
	syscall(SYS_openat2, -1, "x", &c, sizeof(c));
	call("-1 EINVAL (Invalid argument)", "openat2(-1, \"x\", {flags=O_WRONLY|O_CREAT, "
	     "mode=0644, resolve=0x100 /* RESOLVE_??? */}, 24)");
	syscall(SYS_openat2, -1, "x", &c, 8);
	call("-1 EINVAL (Invalid argument)", "openat2(-1, \"x\", %p, 8)", (void *)&c);
	syscall(SYS_openat2, -1, "x", NULL, 24);
	call("-1 EFAULT (Bad address)", "openat2(-1, \"x\", NULL, 24)");
	memcpy(big, &h, sizeof(h));
	big[30] = 1;
	syscall(SYS_openat2, -1, "x", big, sizeof(big));
	call("-1 E2BIG (Argument list too long)", "openat2(-1, \"x\", {flags=O_RDONLY|O_CLOEXEC|"
	     "O_DIRECTORY, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH, /* bytes 24..39 */ "
	     "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00"
	     "\\x00\\x00\\x00\"}, 40)");
}

/* personality: the query, a persona with flags, an unknown one, the old one back; the old
 * persona is the environment's (setarch -R's ADDR_NO_RANDOMIZE, or none) */
static void personas(unsigned long old)
{
	const char *arg = old ? "PER_LINUX|ADDR_NO_RANDOMIZE" : "PER_LINUX";
	char was[64];

	if (old != 0 && old != ADDR_NO_RANDOMIZE)
		return;
	snprintf(was, sizeof(was), "%s (%s)", old ? "0x40000" : "0", arg);
	syscall(SYS_personality, 0xffffffff);
	call(was, "personality(0xffffffff)");
	syscall(SYS_personality, PER_LINUX32 | READ_IMPLIES_EXEC);
	call(was, "personality(PER_LINUX32|READ_IMPLIES_EXEC)");
	syscall(SYS_personality, 0x4d);
	call("0x400008 (PER_LINUX32|READ_IMPLIES_EXEC)", "personality(0x4d /* PER_??? */)");
	syscall(SYS_personality, old);
	call("0x4d (0x4d /* PER_??? */)", "personality(%s)", arg);
}

int main(void)
{
	unsigned long old = personality(0xffffffff);

	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));	/* no fstat at the first line */
	MARK_BEGIN();
	sched();
	waits();
	files();
	numa();
	keys();
	ptraces();
	bpfs();
	dumpable();
	openat2s();
	personas(old);
	MARK_END();
	return 0;
}
