// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Files and directories: open flags, access modes, fcntl, lseek (struct stat: stat.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "decode/families/family.h"

#define AT_FDCWD_VAL	(-100)
#define O_ACCMODE_BITS	3
#define O_CREAT_BIT	0100
#define O_TMPFILE_BITS	020200000

/* open/openat flags: the access mode, then the flags in strace's order. */
static void open_flags_names(struct sb *b, uint64_t v, const void *unused)
{
	uint32_t f = v;

	(void)unused;
	sb_enum(b, &xt_open_access, f & O_ACCMODE_BITS, NULL);
	f &= ~O_ACCMODE_BITS;
	if (f) {
		sb_putc(b, '|');
		sb_flags(b, &xt_open_flags, f, NULL);
	}
}

/* the same, one number with -X raw and verbose */
static void sb_open_flags(struct sb *b, uint64_t v)
{
	if (!sb_styled(b, (uint32_t)v, open_flags_names, NULL))
		open_flags_names(b, v, NULL);
}

static void set_mode(struct decoder *d, struct darg *a)
{
	struct sb b = dec_begin(d);

	sb_oct(&b, a->raw & 07777);
	dec_end(d, a, &b);
}

/* openat(dirfd, path, flags[, mode]): the mode only when the call can create. */
static void open_common(struct decoder *d, struct call *c, unsigned int fl)
{
	struct sb b = dec_begin(d);
	uint32_t flags = c->arg[fl].raw;

	sb_open_flags(&b, flags);
	dec_end(d, &c->arg[fl], &b);
	if ((flags & O_CREAT_BIT) || (flags & O_TMPFILE_BITS) == O_TMPFILE_BITS)
		set_mode(d, &c->arg[fl + 1]);
	else
		c->nargs = fl + 1;
}

static void dec_open(struct decoder *d, struct call *c)
{
	open_common(d, c, 1);
}

static void dec_openat(struct decoder *d, struct call *c)
{
	open_common(d, c, 2);
}

#define OPEN_HOW_SIZE	24	/* struct open_how: flags, mode, resolve (u64 each) */
#define OPEN_HOW_MAX	64	/* bytes read: a longer struct's tail shows as far as this */

/* The bytes of a larger struct past what sysobs knows, when not all zero (the kernel then
 * fails with E2BIG): ", /+ bytes 24..39 +/ "\x00..."" as strace shows them. */
static void sb_struct_tail(struct sb *b, const uint8_t *p, size_t from, size_t to)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = from; i < to && !p[i]; i++)
		;
	if (i == to)
		return;
	sb_puts(b, ", /* bytes ");
	sb_u64(b, from);
	sb_puts(b, "..");
	sb_u64(b, to - 1);
	sb_puts(b, " */ \"");
	for (i = from; i < to; i++) {
		sb_puts(b, "\\x");
		sb_putc(b, hex[p[i] >> 4]);
		sb_putc(b, hex[p[i] & 15]);
	}
	sb_putc(b, '"');
}

/* openat2(AT_FDCWD, "/tmp", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_BENEATH}, 24): the
 * mode only when the flags can create or it is set */
static void dec_openat2(struct decoder *d, struct call *c)
{
	uint64_t size = c->arg[3].raw, how[3];
	const uint8_t *p = dec_struct(&c->arg[2], OPEN_HOW_SIZE);
	struct sb b;

	if (!p || size < OPEN_HOW_SIZE)
		return;
	memcpy(how, p, sizeof(how));
	b = dec_begin(d);
	sb_puts(&b, "{flags=");
	sb_open_flags(&b, how[0]);
	if ((how[0] & O_CREAT_BIT) || (how[0] & O_TMPFILE_BITS) == O_TMPFILE_BITS || how[1]) {
		sb_puts(&b, ", mode=");
		sb_oct(&b, how[1]);
	}
	sb_puts(&b, ", resolve=");
	sb_flags_u(&b, &xt_resolve_flags, how[2], "RESOLVE_???");
	sb_struct_tail(&b, p, OPEN_HOW_SIZE, size < c->arg[2].cap->len ? size : c->arg[2].cap->len);
	sb_putc(&b, '}');
	dec_end(d, &c->arg[2], &b);
}

static void dec_creat(struct decoder *d, struct call *c)
{
	set_mode(d, &c->arg[1]);
}

static void dec_access(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[1], &xt_access_modes, "F_OK");
}

static void dec_faccessat(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[2], &xt_access_modes, "F_OK");
}

static void dec_memfd_create(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[1], &xt_memfd_flags, NULL);
}

static void dec_inotify_init1(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[0], &xt_inotify_init_flags, NULL);
}

static void dec_inotify_add_watch(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[2], &xt_inotify_masks, NULL);
}

/* faccessat2's flags: AT_EACCESS, which has AT_REMOVEDIR's bit */
static void dec_faccessat2(struct decoder *d, struct call *c)
{
	set_flags(d, &c->arg[2], &xt_access_modes, "F_OK");
	set_flags(d, &c->arg[3], &xt_faccessat_flags, NULL);
}

static void dec_at_flags(struct decoder *d, struct call *c, unsigned int i)
{
	set_flags(d, &c->arg[i], &xt_at_flags, NULL);
}

static void dec_unlinkat(struct decoder *d, struct call *c)
{
	dec_at_flags(d, c, 2);
}

static void dec_fchmodat(struct decoder *d, struct call *c)
{
	set_mode(d, &c->arg[2]);
}

static void dec_fchownat(struct decoder *d, struct call *c)
{
	dec_at_flags(d, c, 4);
}

static void dec_lseek(struct decoder *d, struct call *c)
{
	set_enum(d, &c->arg[2], &xt_lseek_whence, (uint32_t)c->arg[2].raw, "SEEK_???");
}

#define F_DUPFD_V		0
#define F_GETFD_V		1
#define F_SETFD_V		2
#define F_GETFL_V		3
#define F_SETFL_V		4
#define F_DUPFD_CLOEXEC_V	1030

/* fcntl: the command's name; the argument as the command reads it, or none. */
static void dec_fcntl(struct decoder *d, struct call *c)
{
	uint32_t cmd = c->arg[1].raw;
	struct sb b;

	set_enum(d, &c->arg[1], &xt_fcntl_cmds, cmd, "F_???");
	switch (cmd) {
	case F_GETFD_V:
	case F_GETFL_V:
		c->nargs = 2;
		if (c->ret <= 0)
			break;
		/* the flags come back in the return value */
		b = dec_begin(d);
		sb_hex(&b, c->ret);
		sb_puts(&b, " (flags ");
		if (cmd == F_GETFD_V)
			sb_flags(&b, &xt_fd_flags, c->ret, NULL);
		else
			sb_open_flags(&b, c->ret);
		sb_putc(&b, ')');
		dec_end_ret(d, c, &b);
		break;
	case F_SETFD_V:
		c->arg[2].raw = (uint32_t)c->arg[2].raw;	/* the kernel reads an int */
		set_flags(d, &c->arg[2], &xt_fd_flags, NULL);
		break;
	case F_SETFL_V:
		c->arg[2].raw = (uint32_t)c->arg[2].raw;
		b = dec_begin(d);
		sb_open_flags(&b, c->arg[2].raw);
		dec_end(d, &c->arg[2], &b);
		break;
	case F_DUPFD_V:
	case F_DUPFD_CLOEXEC_V:
	default:
		b = dec_begin(d);
		sb_i64(&b, (int32_t)c->arg[2].raw);
		dec_end(d, &c->arg[2], &b);
		break;
	}
}

/* getdents64(fd, 0x... / * 12 entries * /, count) */
static void dec_getdents(struct decoder *d, struct call *c)
{
	struct darg *a = &c->arg[1];
	struct sb b;

	if (c->ret < 0 || (c->ret > 0 && (!a->cap || (a->cap->flags & SO_CAP_FAULT))))
		return;
	b = dec_begin(d);
	sb_ptr(&b, a->raw);
	sb_puts(&b, " /* ");
	sb_u64(&b, c->ret ? a->cap->total : 0);
	sb_puts(&b, c->ret && a->cap->total == 1 ? " entry */" : " entries */");
	dec_end(d, a, &b);
}

static void dec_fadvise64(struct decoder *d, struct call *c)
{
	set_enum(d, &c->arg[3], &xt_fadvise_advice, (uint32_t)c->arg[3].raw, "POSIX_FADV_???");
}

static void dec_copy_file_range(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_u64(&b, (uint32_t)c->arg[5].raw);
	dec_end(d, &c->arg[5], &b);
}

/* getcwd's buffer holds a path (its length, the return value, counts the NUL) */
static void dec_getcwd(struct decoder *d, struct call *c)
{
	struct sb b;

	if (c->ret >= 0 && dec_struct(&c->arg[0], 0))
		return;	/* the generic text: the captured path */
	b = dec_begin(d);
	sb_ptr(&b, c->arg[0].raw);
	dec_end(d, &c->arg[0], &b);
}

#define STATFS_SIZE	120	/* struct statfs on x86-64 */

/* {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_flags=ST_VALID|ST_RELATIME} */
static void set_statfs(struct decoder *d, struct darg *a, int64_t ret)
{
	static const char *const counts[] = { "f_bsize", "f_blocks", "f_bfree", "f_bavail",
					      "f_files", "f_ffree" };
	const uint64_t *f = dec_struct(a, STATFS_SIZE);
	const uint32_t *fsid;
	const char *magic;
	unsigned int i;
	struct sb b;

	if (!f || ret < 0)
		return;
	fsid = (const uint32_t *)&f[7];
	b = dec_begin(d);
	sb_puts(&b, "{f_type=");
	magic = xlat__name(&xt_fs_magics, f[0]);
	if (magic)
		sb_puts(&b, magic);
	else
		sb_hex(&b, f[0]);
	for (i = 0; i < 6; i++) {
		sb_puts(&b, ", ");
		sb_puts(&b, counts[i]);
		sb_putc(&b, '=');
		sb_u64(&b, f[1 + i]);
	}
	sb_puts(&b, ", f_fsid={val=[");
	sb_hex(&b, fsid[0]);
	sb_puts(&b, ", ");
	sb_hex(&b, fsid[1]);
	sb_puts(&b, "]}, f_namelen=");
	sb_u64(&b, f[8]);
	sb_puts(&b, ", f_frsize=");
	sb_u64(&b, f[9]);
	sb_puts(&b, ", f_flags=");
	sb_flags(&b, &xt_statfs_flags, f[10], NULL);
	sb_putc(&b, '}');
	dec_end(d, a, &b);
}

static void dec_statfs(struct decoder *d, struct call *c)
{
	set_statfs(d, &c->arg[1], c->ret);
}

/* umask returns the old mask: in octal, as strace shows it (022) */
static void dec_umask(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_oct(&b, (uint64_t)c->ret);
	dec_end_ret(d, c, &b);
}

/* flock(3, LOCK_EX|LOCK_NB) */
static void dec_flock(struct decoder *d, struct call *c)
{
	struct sb b = dec_begin(d);

	sb_flags(&b, &xt_flock_ops, (uint32_t)c->arg[1].raw, NULL);
	dec_end(d, &c->arg[1], &b);
}

const struct dec_entry dec_file_table[] = {
	{ "umask", dec_umask },
	{ "flock", dec_flock },
	{ "statfs", dec_statfs, { { 1, SO_CK_STRUCT_OUT, 0, STATFS_SIZE } } },
	{ "fstatfs", dec_statfs, { { 1, SO_CK_STRUCT_OUT, 0, STATFS_SIZE } } },
	{ "open", dec_open },
	{ "openat", dec_openat },
	{ "openat2", dec_openat2, { { 2, SO_CK_STRUCT_IN_LEN, 3, OPEN_HOW_MAX } } },
	{ "creat", dec_creat },
	{ "access", dec_access },
	{ "faccessat", dec_faccessat },
	{ "faccessat2", dec_faccessat2 },
	{ "memfd_create", dec_memfd_create },
	{ "inotify_init1", dec_inotify_init1 },
	{ "inotify_add_watch", dec_inotify_add_watch },
	{ "unlinkat", dec_unlinkat },
	{ "fchmodat", dec_fchmodat },
	{ "fchownat", dec_fchownat },
	{ "lseek", dec_lseek },
	{ "fcntl", dec_fcntl },
	{ "getdents64", dec_getdents, { { 1, SO_CK_DIRENTS } } },
	{ "getdents", dec_getdents, { { 1, SO_CK_DIRENTS } } },
	{ "fadvise64", dec_fadvise64 },
	{ "copy_file_range", dec_copy_file_range },
	{ "getcwd", dec_getcwd, { { 0, SO_CK_PATH } } },
	{ NULL },
};
