// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * ioctl: the request's name(s) and its argument, as strace's src/ioctl.c, term.c, block.c,
 * loop.c and sock.c show them. Which request takes what is a table (ioctl_args): the kernel
 * captures the bytes behind the argument at the call's exit, and the argument's shape says how
 * they print; a request the kernel writes through (IA_OUT) shows them only when it succeeded,
 * as strace does, else the address.
 */
#include <string.h>
#include <linux/ioctl.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/sockios.h>
#include <linux/if.h>
#include <linux/blkzoned.h>
#include "decode/families/family.h"

enum ioctl_shape {
	IA_HEX = 0,	/* not known: the argument in hex */
	IA_NONE,	/* takes no argument: none shown */
	IA_INT,		/* the argument is an int */
	IA_ULONG,	/* the argument is an unsigned long */
	IA_PINT,	/* [int] */
	IA_PUINT,	/* [unsigned int] */
	IA_PU16,	/* [unsigned short] */
	IA_PLONG,	/* [long] */
	IA_PULONG,	/* [unsigned long] */
	IA_PPAIR64,	/* [start, length] */
	IA_CHAR,	/* one char: "x" */
	IA_TERMIOS,
	IA_TERMIO,
	IA_WINSIZE,
	IA_MODEM,	/* [TIOCM_DTR|TIOCM_RTS] */
	IA_TCXONC,	/* the argument, TCOON ... */
	IA_TCFLSH,	/* the argument, TCIFLUSH ... */
	IA_LOOP64,	/* struct loop_info64 */
	IA_IFR_INDEX,	/* struct ifreq: {ifr_name="lo", ifr_ifindex=1} */
	IA_IFR_FLAGS,
	IA_IFR_INT,	/* ifr_mtu, ifr_metric, ifr_qlen: named by the table's field */
	IA_IFR_NAME,	/* SIOCGIFNAME: {ifr_ifindex=1, ifr_name="lo"} */
};

/* the kernel writes the argument: shown after a success only (of an ifreq: the member) */
#define IA_OUT	0x80

struct ioctl_arg {
	uint32_t req;
	uint8_t shape;		/* enum ioctl_shape, | IA_OUT */
	const char *field;	/* IA_IFR_INT: the union member's name */
};

/* strace 6.1: term_ioctl, block_ioctl, loop_ioctl, sock_ioctl, fs_0x94_ioctl */
static const struct ioctl_arg ioctl_args[] = {
	{ TCGETS, IA_TERMIOS | IA_OUT }, { TIOCGLCKTRMIOS, IA_TERMIOS | IA_OUT },
	{ TCSETS, IA_TERMIOS }, { TCSETSW, IA_TERMIOS }, { TCSETSF, IA_TERMIOS },
	{ TIOCSLCKTRMIOS, IA_TERMIOS },
	{ TCGETA, IA_TERMIO | IA_OUT },
	{ TCSETA, IA_TERMIO }, { TCSETAW, IA_TERMIO }, { TCSETAF, IA_TERMIO },
	{ TIOCGWINSZ, IA_WINSIZE | IA_OUT }, { TIOCSWINSZ, IA_WINSIZE },
	{ TCXONC, IA_TCXONC }, { TCFLSH, IA_TCFLSH },
	{ TCSBRK, IA_INT }, { TCSBRKP, IA_INT }, { TIOCSCTTY, IA_INT },
	{ TIOCMGET, IA_MODEM | IA_OUT },
	{ TIOCMBIS, IA_MODEM }, { TIOCMBIC, IA_MODEM }, { TIOCMSET, IA_MODEM },
	{ TIOCGPGRP, IA_PINT | IA_OUT }, { TIOCGSID, IA_PINT | IA_OUT },
	{ TIOCGETD, IA_PINT | IA_OUT }, { TIOCGSOFTCAR, IA_PINT | IA_OUT },
	{ TIOCGPTN, IA_PINT | IA_OUT }, { FIONREAD, IA_PINT | IA_OUT },
	{ TIOCOUTQ, IA_PINT | IA_OUT }, { TIOCGEXCL, IA_PINT | IA_OUT },
	{ TIOCGDEV, IA_PINT | IA_OUT },
	{ TIOCSPGRP, IA_PINT }, { TIOCSETD, IA_PINT }, { FIONBIO, IA_PINT },
	{ FIOASYNC, IA_PINT }, { TIOCPKT, IA_PINT }, { TIOCSSOFTCAR, IA_PINT },
	{ TIOCSPTLCK, IA_PINT },
	{ TIOCSTI, IA_CHAR },
	{ TIOCSBRK, IA_NONE }, { TIOCCBRK, IA_NONE }, { TIOCCONS, IA_NONE },
	{ TIOCNOTTY, IA_NONE }, { TIOCEXCL, IA_NONE }, { TIOCNXCL, IA_NONE },
	{ FIOCLEX, IA_NONE }, { FIONCLEX, IA_NONE }, { TIOCVHANGUP, IA_NONE },
	{ TIOCSSERIAL, IA_NONE },
	/* block devices */
	{ BLKRASET, IA_ULONG }, { BLKFRASET, IA_ULONG },
	{ BLKSECTGET, IA_PU16 | IA_OUT }, { BLKROTATIONAL, IA_PU16 | IA_OUT },
	{ BLKROGET, IA_PINT | IA_OUT }, { BLKBSZGET, IA_PINT | IA_OUT },
	{ BLKSSZGET, IA_PINT | IA_OUT }, { BLKALIGNOFF, IA_PINT | IA_OUT },
	{ BLKROSET, IA_PINT }, { BLKBSZSET, IA_PINT },
	{ BLKPBSZGET, IA_PUINT | IA_OUT }, { BLKIOMIN, IA_PUINT | IA_OUT },
	{ BLKIOOPT, IA_PUINT | IA_OUT }, { BLKDISCARDZEROES, IA_PUINT | IA_OUT },
	{ BLKGETZONESZ, IA_PUINT | IA_OUT }, { BLKGETNRZONES, IA_PUINT | IA_OUT },
	{ BLKRAGET, IA_PLONG | IA_OUT }, { BLKFRAGET, IA_PLONG | IA_OUT },
	{ BLKGETSIZE, IA_PULONG | IA_OUT }, { BLKGETSIZE64, IA_PULONG | IA_OUT },
	{ BLKDISCARD, IA_PPAIR64 }, { BLKSECDISCARD, IA_PPAIR64 }, { BLKZEROOUT, IA_PPAIR64 },
	{ BLKRRPART, IA_NONE }, { BLKFLSBUF, IA_NONE }, { BLKTRACESTART, IA_NONE },
	{ BLKTRACESTOP, IA_NONE }, { BLKTRACETEARDOWN, IA_NONE },
	/* loop devices */
	{ LOOP_GET_STATUS64, IA_LOOP64 | IA_OUT }, { LOOP_SET_STATUS64, IA_LOOP64 },
	{ LOOP_CLR_FD, IA_NONE }, { LOOP_SET_CAPACITY, IA_NONE }, { LOOP_CTL_GET_FREE, IA_NONE },
	{ LOOP_SET_FD, IA_INT }, { LOOP_CHANGE_FD, IA_INT },
	{ LOOP_CTL_ADD, IA_INT }, { LOOP_CTL_REMOVE, IA_INT },
	{ LOOP_SET_DIRECT_IO, IA_ULONG }, { LOOP_SET_BLOCK_SIZE, IA_ULONG },
	/* network interfaces */
	{ SIOCGIFINDEX, IA_IFR_INDEX | IA_OUT }, { SIOCGIFFLAGS, IA_IFR_FLAGS | IA_OUT },
	{ SIOCSIFFLAGS, IA_IFR_FLAGS },
	{ SIOCGIFMTU, IA_IFR_INT | IA_OUT, "ifr_mtu" }, { SIOCSIFMTU, IA_IFR_INT, "ifr_mtu" },
	{ SIOCGIFMETRIC, IA_IFR_INT | IA_OUT, "ifr_metric" },
	{ SIOCSIFMETRIC, IA_IFR_INT, "ifr_metric" },
	{ SIOCGIFTXQLEN, IA_IFR_INT | IA_OUT, "ifr_qlen" },
	{ SIOCSIFTXQLEN, IA_IFR_INT, "ifr_qlen" },
	{ SIOCGIFNAME, IA_IFR_NAME | IA_OUT },
	/* files */
	{ FICLONE, IA_INT },
};

static const struct ioctl_arg *ioctl_arg_of(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < sizeof(ioctl_args) / sizeof(ioctl_args[0]); i++)
		if (ioctl_args[i].req == req)
			return &ioctl_args[i];
	return NULL;
}

static const struct xlat xl_ioc_dirs[] = {
	{ _IOC_READ, "_IOC_READ" },
	{ _IOC_WRITE, "_IOC_WRITE" },
};
static const struct xlat_tab xt_ioc_dirs = { xl_ioc_dirs, 2 };

/* _IOC(_IOC_READ|_IOC_WRITE, 0xbe, 0xef, 0x1ead): a code with no name, in its fields */
static void sb_ioc(struct sb *b, uint32_t req)
{
	if ((_IOC_TYPE(req) == 'M') && (_IOC_DIR(req) == _IOC_READ ||
					 _IOC_DIR(req) == _IOC_WRITE)) {
		sb_puts(b, _IOC_DIR(req) == _IOC_READ ? "MIXER_READ(" : "MIXER_WRITE(");
		sb_u64(b, _IOC_NR(req));
		sb_putc(b, ')');
		return;
	}
	sb_puts(b, "_IOC(");
	sb_flags(b, &xt_ioc_dirs, _IOC_DIR(req), "_IOC_NONE");
	sb_puts(b, ", ");
	sb_hex(b, _IOC_TYPE(req));
	sb_puts(b, ", ");
	sb_hex(b, _IOC_NR(req));
	sb_puts(b, ", ");
	sb_hex(b, _IOC_SIZE(req));
	sb_putc(b, ')');
}

/* The request's name(s): several share some codes, strace joins them with " or " */
static void ioctl_req_names(struct sb *b, uint64_t v, const void *unused)
{
	uint32_t req = v;
	bool found = false;
	unsigned int i;

	(void)unused;
	for (i = 0; i < xt_ioctls.n; i++) {
		if (xt_ioctls.e[i].val != req)
			continue;
		if (found)
			sb_puts(b, " or ");
		sb_puts(b, xt_ioctls.e[i].name);
		found = true;
	}
	if (!found)
		sb_ioc(b, req);
}

/* -X raw: the number; -X verbose: the number and the names as a comment */
static void sb_ioctl_req(struct sb *b, uint32_t req)
{
	if (!sb_styled(b, req, ioctl_req_names, NULL))
		ioctl_req_names(b, req, NULL);
}

/* [n]: a number the argument points at, of size bytes, signed or not */
static void sb_pnum(struct sb *b, const uint8_t *p, unsigned int size, bool is_signed)
{
	uint64_t u = 0;
	int32_t i32;
	uint16_t u16;

	sb_putc(b, '[');
	if (size == 2) {
		memcpy(&u16, p, 2);
		sb_u64(b, u16);
	} else if (size == 4 && is_signed) {
		memcpy(&i32, p, 4);
		sb_i64(b, i32);
	} else {
		memcpy(&u, p, size);
		if (is_signed)
			sb_i64(b, (int64_t)u);
		else
			sb_u64(b, u);
	}
	sb_putc(b, ']');
}

static void sb_ifr_name(struct sb *b, const struct ifreq *r)
{
	sb_puts(b, "{ifr_name=");
	sb_quoted(b, (const uint8_t *)r->ifr_name, IFNAMSIZ, false, true, false);
}

/*
 * struct ifreq: the name the caller gave, then (done: the call succeeded, or the request
 * sets) the member the request reads or writes.
 */
static void sb_ifreq(struct sb *b, const void *p, const struct ioctl_arg *ia, bool done)
{
	struct ifreq r;

	memcpy(&r, p, sizeof(r));
	if ((ia->shape & ~IA_OUT) == IA_IFR_NAME) {
		sb_puts(b, "{ifr_ifindex=");
		sb_i64(b, r.ifr_ifindex);
		if (done) {
			sb_puts(b, ", ifr_name=");
			sb_quoted(b, (const uint8_t *)r.ifr_name, IFNAMSIZ, false, true, false);
		}
		sb_putc(b, '}');
		return;
	}
	sb_ifr_name(b, &r);
	if (done) {
		switch (ia->shape & ~IA_OUT) {
		case IA_IFR_INDEX:
			sb_puts(b, ", ifr_ifindex=");
			sb_i64(b, r.ifr_ifindex);
			break;
		case IA_IFR_FLAGS:
			sb_puts(b, ", ifr_flags=");
			sb_flags(b, &xt_iff_flags, (uint16_t)r.ifr_flags, NULL);
			break;
		default:
			sb_puts(b, ", ");
			sb_puts(b, ia->field);
			sb_putc(b, '=');
			sb_i64(b, r.ifr_mtu);
			break;
		}
	}
	sb_putc(b, '}');
}

/* {lo_offset=0, lo_number=0, lo_flags=LO_FLAGS_AUTOCLEAR, lo_file_name="/x", ...}; false
 * for the encrypted forms strace shows with more fields (not decoded here) */
static bool sb_loop64(struct sb *b, const void *p)
{
	struct loop_info64 li;
	size_t n;

	memcpy(&li, p, sizeof(li));
	if (li.lo_encrypt_type != LO_CRYPT_NONE)
		return false;
	sb_puts(b, "{lo_offset=");
	sb_hex(b, li.lo_offset);
	sb_puts(b, ", lo_number=");
	sb_u64(b, li.lo_number);
	sb_puts(b, ", lo_flags=");
	sb_flags(b, &xt_loop_flags, li.lo_flags, NULL);
	sb_puts(b, ", lo_file_name=");
	/* the whole field whatever -s, as strace's PRINT_FIELD_CSTRING; with no NUL in it, all
	 * but its last byte and "..." */
	n = strnlen((const char *)li.lo_file_name, LO_NAME_SIZE);
	sb_quoted(b, li.lo_file_name, n < LO_NAME_SIZE ? n : LO_NAME_SIZE - 1, n == LO_NAME_SIZE,
		  false, false);
	sb_puts(b, ", ...}");
	return true;
}

/* The argument's text from the bytes behind it; false when they do not say (address) */
static bool sb_ioctl_struct(struct decoder *d, struct sb *b, const struct ioctl_arg *ia,
			    const struct darg *a, bool done)
{
	static const uint16_t size[] = {
		[IA_PINT] = 4, [IA_PUINT] = 4, [IA_PU16] = 2, [IA_PLONG] = 8, [IA_PULONG] = 8,
		[IA_PPAIR64] = 16, [IA_CHAR] = 1, [IA_TERMIOS] = TERMIOS_SIZE,
		[IA_TERMIO] = TERMIO_SIZE, [IA_WINSIZE] = WINSIZE_SIZE, [IA_MODEM] = 4,
		[IA_LOOP64] = sizeof(struct loop_info64), [IA_IFR_INDEX] = sizeof(struct ifreq),
		[IA_IFR_FLAGS] = sizeof(struct ifreq), [IA_IFR_INT] = sizeof(struct ifreq),
		[IA_IFR_NAME] = sizeof(struct ifreq),
	};
	unsigned int shape = ia->shape & ~IA_OUT;
	const uint8_t *p = dec_struct(a, size[shape]);
	uint64_t pair[2];

	if (!p)
		return false;
	switch (shape) {
	case IA_PINT:
	case IA_PLONG:
		sb_pnum(b, p, size[shape], true);
		break;
	case IA_PUINT:
	case IA_PU16:
	case IA_PULONG:
		sb_pnum(b, p, size[shape], false);
		break;
	case IA_PPAIR64:
		memcpy(pair, p, sizeof(pair));
		sb_putc(b, '[');
		sb_u64(b, pair[0]);
		sb_puts(b, ", ");
		sb_u64(b, pair[1]);
		sb_putc(b, ']');
		break;
	case IA_CHAR:
		sb_quoted(b, p, 1, false, false, false);
		break;
	case IA_TERMIOS:
		sb_termios(b, p);
		break;
	case IA_TERMIO:
		sb_termio(b, p);
		break;
	case IA_WINSIZE:
		sb_winsize(b, p);
		break;
	case IA_MODEM: {
		uint32_t v;

		memcpy(&v, p, 4);
		sb_putc(b, '[');
		sb_flags(b, &xt_modem_flags, v, NULL);
		sb_putc(b, ']');
		break;
	}
	case IA_LOOP64:
		return sb_loop64(b, p);
	default:
		sb_ifreq(b, p, ia, done);
		break;
	}
	return true;
}

static void dec_ioctl(struct decoder *d, struct call *c)
{
	uint32_t req = c->arg[1].raw;
	const struct ioctl_arg *ia = ioctl_arg_of(req);
	struct darg *a = &c->arg[2];
	bool done = c->kind == CALL_DONE && c->ret >= 0;
	struct sb b = dec_begin(d);
	unsigned int shape;

	sb_ioctl_req(&b, req);
	dec_end(d, &c->arg[1], &b);
	if (!ia)
		return;
	shape = ia->shape & ~IA_OUT;
	b = dec_begin(d);
	switch (shape) {
	case IA_NONE:
		c->nargs = 2;
		return;
	case IA_INT:
		sb_i64(&b, (int32_t)a->raw);
		break;
	case IA_ULONG:
		sb_u64(&b, a->raw);
		break;
	case IA_TCXONC:
		sb_enum(&b, &xt_tcxonc_options, a->raw, "TC???");
		break;
	case IA_TCFLSH:
		sb_enum(&b, &xt_tcflsh_options, a->raw, "TC???");
		break;
	default:
		/* an ifreq names its interface whatever the result: only its member waits */
		if (shape < IA_IFR_INDEX && (ia->shape & IA_OUT) && !done)
			sb_ptr(&b, a->raw);
		else if (!sb_ioctl_struct(d, &b, ia, a, done || !(ia->shape & IA_OUT)))
			sb_ptr(&b, a->raw);
		break;
	}
	dec_end(d, a, &b);
}

const struct dec_entry dec_ioctl_table[] = {
	/* the most any request's argument holds: struct loop_info64 */
	{ "ioctl", dec_ioctl, { { 2, SO_CK_STRUCT_IN, 0, IOCTL_ARG_MAX } } },
	{ NULL },
};
