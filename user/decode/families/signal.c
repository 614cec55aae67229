// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Signals: names, sigaction, signal masks. */
#include <signal.h>
#include <string.h>
#include "decode/families/family.h"

#define KSIGACTION_SIZE	32	/* handler, flags, restorer, 8-byte mask */
#define SA_RESTORER_V	0x04000000u

static void set_signal(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_signal(&b, (int)a->raw);
	dec_end(d, a, &b);
}

/* A handler's name: SIG_DFL, SIG_IGN, else its address */
static void handler_names(struct sb *b, uint64_t handler, const void *unused)
{
	(void)unused;
	if (handler == 0)
		sb_puts(b, "SIG_DFL");
	else if (handler == 1)
		sb_puts(b, "SIG_IGN");
	else
		sb_hex(b, handler);
}

/* {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x...} */
static void set_sigaction(struct decoder *d, struct darg *a)
{
	const uint8_t *sa = dec_struct(a, KSIGACTION_SIZE);
	uint64_t handler, flags, restorer;
	struct sb b;

	if (!sa)
		return;
	memcpy(&handler, sa, 8);
	memcpy(&flags, sa + 8, 8);
	memcpy(&restorer, sa + 16, 8);
	b = dec_begin(d);
	sb_puts(&b, "{sa_handler=");
	if (handler > 1 || !sb_styled(&b, handler, handler_names, NULL))
		handler_names(&b, handler, NULL);
	sb_puts(&b, ", sa_mask=");
	sb_sigset(&b, sa + 24, 8);
	sb_puts(&b, ", sa_flags=");
	sb_flags(&b, &xt_sa_flags, flags, NULL);
	if (flags & SA_RESTORER_V) {
		sb_puts(&b, ", sa_restorer=");
		sb_hex(&b, restorer);
	}
	sb_putc(&b, '}');
	dec_end(d, a, &b);
}

static void dec_rt_sigaction(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[0]);
	set_sigaction(d, &c->arg[1]);
	set_sigaction(d, &c->arg[2]);
}

static void set_sigset(struct decoder *d, struct darg *a, uint64_t size)
{
	const uint8_t *set = dec_struct(a, 8);
	struct sb b;

	if (!set || size != 8)
		return;
	b = dec_begin(d);
	sb_sigset(&b, set, 8);
	dec_end(d, a, &b);
}

static void dec_rt_sigprocmask(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_enum(&b, &xt_sigprocmask_how, (uint32_t)c->arg[0].raw, "SIG_???");
	dec_end(d, &c->arg[0], &b);
	set_sigset(d, &c->arg[1], c->arg[3].raw);
	set_sigset(d, &c->arg[2], c->arg[3].raw);
}

static void dec_kill(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[1]);
}

static void dec_tgkill(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[2]);
}

/* The kernel puts the mask rt_sigreturn restored where its first argument would be. */
static void dec_rt_sigreturn(struct decoder *d, struct call *c)
{
	uint8_t set[8];
	struct sb b;

	memcpy(set, &c->arg[0].raw, 8);
	c->nargs = 1;
	b = dec_begin(d);
	sb_puts(&b, "{mask=");
	sb_sigset(&b, set, 8);
	sb_putc(&b, '}');
	dec_end(d, &c->arg[0], &b);
}

/* si_code's name: SI_* for codes from user space and SI_KERNEL, else the signal's own. */
static const char *si_code_name(int signo, int code)
{
	const struct xlat_tab *t = NULL;
	const char *n;

	n = xlat__name(&xt_si_codes, (uint64_t)(int64_t)code);
	if (n || code <= 0)
		return n;
	switch (signo) {
	case SIGCHLD:
		t = &xt_cld_codes;
		break;
	case SIGSEGV:
		t = &xt_segv_codes;
		break;
	case SIGBUS:
		t = &xt_bus_codes;
		break;
	case SIGILL:
		t = &xt_ill_codes;
		break;
	case SIGFPE:
		t = &xt_fpe_codes;
		break;
	case SIGTRAP:
		t = &xt_trap_codes;
		break;
	case SIGPOLL:
		t = &xt_poll_codes;
		break;
	case SIGSYS:
		t = &xt_sys_codes;
		break;
	}
	return t ? xlat__name(t, code) : NULL;
}

static int32_t fld_i32(const struct so_signal *r, size_t off)
{
	int32_t v;

	memcpy(&v, r->fields + off, 4);
	return v;
}

static uint64_t fld_u64(const struct so_signal *r, size_t off)
{
	uint64_t v;

	memcpy(&v, r->fields + off, 8);
	return v;
}

/* ", si_pid=N, si_uid=N": _kill, _rt and _sigchld start with them */
static void sb_sigsource(struct sb *b, const struct so_signal *r)
{
	sb_puts(b, ", si_pid=");
	sb_u64(b, (uint32_t)fld_i32(r, 0));
	sb_puts(b, ", si_uid=");
	sb_u64(b, (uint32_t)fld_i32(r, 4));
}

/* ", si_int=N, si_ptr=0x..": the sigval at offset 8 of _rt and _timer */
static void sb_sigval(struct sb *b, const struct so_signal *r)
{
	sb_puts(b, ", si_int=");
	sb_i64(b, fld_i32(r, 8));
	sb_puts(b, ", si_ptr=");
	sb_ptr(b, fld_u64(r, 8));
}

/* The fields of a signal sent from user space (si_code <= 0): _kill, _rt, _timer. */
static void siginfo_user(struct sb *b, const struct so_signal *r)
{
	switch (r->code) {
	case SI_TIMER:	/* _timer */
		sb_puts(b, ", si_timerid=");
		sb_hex(b, (uint32_t)fld_i32(r, 0));
		sb_puts(b, ", si_overrun=");
		sb_i64(b, fld_i32(r, 4));
		sb_sigval(b, r);
		break;
	case SI_USER:
	case SI_TKILL:
		sb_sigsource(b, r);
		break;
	default:
		sb_sigsource(b, r);
		if (fld_u64(r, 8))
			sb_sigval(b, r);
		break;
	}
}

#define USER_HZ		100	/* include/asm-generic/param.h: the unit of siginfo's clock_t */

/* A clock_t in ticks and, when not 0, strace's comment in seconds: "1 /+ 0.01 s +/" */
static void sb_ticks(struct sb *b, uint64_t t)
{
	sb_u64(b, t);
	if (!t)
		return;
	sb_puts(b, " /* ");
	sb_u64(b, t / USER_HZ);
	sb_putc(b, '.');
	sb_putc(b, '0' + t % USER_HZ / 10);
	sb_putc(b, '0' + t % 10);
	sb_puts(b, " s */");
}

/* The fields of a signal the kernel sent: by signal (_sigchld, _sigfault, _sigpoll, _sigsys). */
static void siginfo_kernel(struct sb *b, const struct so_signal *r)
{
	switch (r->signo) {
	case SIGCHLD:	/* _sigchld */
		sb_sigsource(b, r);
		sb_puts(b, ", si_status=");
		if (r->code == CLD_EXITED)	/* an exit code, else a signal */
			sb_i64(b, fld_i32(r, 8));
		else
			sb_signal(b, fld_i32(r, 8));
		sb_puts(b, ", si_utime=");
		sb_ticks(b, fld_u64(r, 16));
		sb_puts(b, ", si_stime=");
		sb_ticks(b, fld_u64(r, 24));
		break;
	case SIGILL:	/* _sigfault */
	case SIGFPE:
	case SIGSEGV:
	case SIGBUS:
		sb_puts(b, ", si_addr=");
		sb_ptr(b, fld_u64(r, 0));
		break;
	case SIGPOLL:	/* _sigpoll, for POLL_IN, POLL_OUT, POLL_MSG */
		if (r->code >= POLL_IN && r->code <= POLL_MSG) {
			sb_puts(b, ", si_band=");
			sb_i64(b, (int64_t)fld_u64(r, 0));
			sb_puts(b, ", si_fd=");
			sb_i64(b, fld_i32(r, 8));
		}
		break;
	case SIGSYS:	/* _sigsys */
		sb_puts(b, ", si_call_addr=");
		sb_ptr(b, fld_u64(r, 0));
		sb_puts(b, ", si_syscall=");
		sb_i64(b, fld_i32(r, 8));
		sb_puts(b, ", si_arch=");
		sb_hex(b, (uint32_t)fld_i32(r, 12));
		break;
	default:
		if (fld_i32(r, 0) || fld_i32(r, 4))
			sb_sigsource(b, r);
		if (fld_u64(r, 8))
			sb_sigval(b, r);
		break;
	}
}

/* The fields strace's printsiginfo shows for this signal and code (x86-64 siginfo layout). */
void siginfo_text(char *dst, size_t cap, const struct so_signal *r, const char **code_name)
{
	struct sb b = { .p = dst, .cap = cap - 1 };
	const char *cn = si_code_name(r->signo, r->code);
	char ebuf[32];

	sb_puts(&b, "{si_signo=");
	sb_signal(&b, r->signo);
	sb_puts(&b, ", si_code=");
	if (cn)
		sb_puts(&b, cn);
	else
		sb_i64(&b, r->code);
	if (r->err) {
		sb_puts(&b, ", si_errno=");
		sb_puts(&b, ret_errname(-(int64_t)r->err, ebuf, sizeof(ebuf)) ?: "?");
	}
	if (r->code <= 0)
		siginfo_user(&b, r);
	else
		siginfo_kernel(&b, r);
	sb_putc(&b, '}');
	dst[b.len < cap ? b.len : cap - 1] = 0;
	if (code_name)
		*code_name = cn;
}

/* A siginfo the caller passed: the same text as a delivered signal's. */
static void set_siginfo(struct decoder *d, struct darg *a)
{
	const uint8_t *si = dec_struct(a, 16 + 32);
	struct so_signal r = {};
	struct sb b;

	if (!si)
		return;
	memcpy(&r.signo, si, 4);
	memcpy(&r.err, si + 4, 4);
	memcpy(&r.code, si + 8, 4);
	memcpy(r.fields, si + 16, sizeof(r.fields));
	b = dec_begin(d);
	if (b.cap < 2)
		return;
	siginfo_text(b.p, b.cap, &r, NULL);
	b.len = strlen(b.p);
	dec_end(d, a, &b);
}

static void dec_rt_sigqueueinfo(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[1]);
	set_siginfo(d, &c->arg[2]);
}

static void dec_rt_tgsigqueueinfo(struct decoder *d, struct call *c)
{
	set_signal(d, &c->arg[2]);
	set_siginfo(d, &c->arg[3]);
}

const struct dec_entry dec_signal_table[] = {
	{ "rt_sigqueueinfo", dec_rt_sigqueueinfo, { { 2, SO_CK_STRUCT_IN, 0, 48 } } },
	{ "rt_tgsigqueueinfo", dec_rt_tgsigqueueinfo, { { 3, SO_CK_STRUCT_IN, 0, 48 } } },
	{ "rt_sigreturn", dec_rt_sigreturn },
	{ "rt_sigaction", dec_rt_sigaction, {
		{ 1, SO_CK_STRUCT_IN, 0, KSIGACTION_SIZE },
		{ 2, SO_CK_STRUCT_OUT, 0, KSIGACTION_SIZE } } },
	{ "rt_sigprocmask", dec_rt_sigprocmask, {
		{ 1, SO_CK_STRUCT_IN, 0, 8 },
		{ 2, SO_CK_STRUCT_OUT, 0, 8 } } },
	{ "kill", dec_kill },
	{ "tkill", dec_kill },
	{ "tgkill", dec_tgkill },
	{ NULL },
};
