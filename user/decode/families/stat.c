// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The stat family: struct stat (stat, lstat, fstat, newfstatat) and struct statx, abbreviated as
 * strace abbreviates them, every field with -v. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "decode/families/family.h"

#define AT_STATX_SYNC_BITS	0x6000
#define STAT_SIZE	144	/* struct stat on x86-64 */
#define STATX_SIZE	256

/* makedev(0x1, 0x3) from a dev_t as the kernel encodes it */
static void sb_makedev(struct sb *b, uint64_t rdev, const void *unused)
{
	(void)unused;
	sb_puts(b, "makedev(");
	sb_hex(b, ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffull));
	sb_puts(b, ", ");
	sb_hex(b, (rdev & 0xff) | ((rdev >> 12) & ~0xffull));
	sb_putc(b, ')');
}

/* A time as strace -v shows it: seconds, then the local date and time, nanoseconds if any */
static void sb_stat_time(struct sb *b, const char *name, const uint8_t *p)
{
	int64_t sec;
	uint64_t nsec;
	char when[96];
	struct tm tm;
	time_t t;
	size_t n;

	memcpy(&sec, p, 8);
	memcpy(&nsec, p + 8, 8);
	t = sec;
	sb_puts(b, ", ");
	sb_puts(b, name);
	sb_putc(b, '=');
	sb_i64(b, sec);
	if (localtime_r(&t, &tm) && (n = strftime(when, sizeof(when), "%FT%T", &tm))) {
		if (nsec)
			n += snprintf(when + n, sizeof(when) - n, ".%09llu",
				      (unsigned long long)nsec % 1000000000);
		strftime(when + n, sizeof(when) - n, "%z", &tm);
		sb_puts(b, " /* ");
		sb_puts(b, when);
		sb_puts(b, " */");
	}
	sb_puts(b, ", ");
	sb_puts(b, name);
	sb_puts(b, "_nsec=");
	sb_u64(b, nsec);
}

/* A struct stat field of 8 bytes at off, in decimal */
static void sb_stat_u64(struct sb *b, const char *name, const uint8_t *st, size_t off)
{
	uint64_t v;

	memcpy(&v, st + off, 8);
	sb_puts(b, name);
	sb_u64(b, v);
}

/* {st_mode=S_IFREG|0644, st_size=53291, ...}, as strace abbreviates struct stat; with -v, every
 * field (the kernel's struct stat on x86-64). */
static void sb_stat(struct sb *b, const uint8_t *st, bool verbose)
{
	uint32_t mode, uid, gid;
	uint64_t rdev, size, dev;
	bool dev_file;

	memcpy(&mode, st + 24, 4);
	memcpy(&rdev, st + 40, 8);
	memcpy(&size, st + 48, 8);
	dev_file = (mode & 0170000) == 0020000 || (mode & 0170000) == 0060000;
	sb_putc(b, '{');
	if (verbose) {
		memcpy(&dev, st, 8);
		memcpy(&uid, st + 28, 4);
		memcpy(&gid, st + 32, 4);
		sb_puts(b, "st_dev=");
		if (!sb_styled(b, dev, sb_makedev, NULL))
			sb_makedev(b, dev, NULL);
		sb_stat_u64(b, ", st_ino=", st, 8);
		sb_puts(b, ", ");
	}
	sb_puts(b, "st_mode=");
	sb_mode(b, mode);
	if (verbose) {
		sb_stat_u64(b, ", st_nlink=", st, 16);
		sb_puts(b, ", st_uid=");
		sb_u64(b, uid);
		sb_puts(b, ", st_gid=");
		sb_u64(b, gid);
		sb_stat_u64(b, ", st_blksize=", st, 56);
		sb_stat_u64(b, ", st_blocks=", st, 64);
	}
	if (dev_file) {
		sb_puts(b, ", st_rdev=");
		if (!sb_styled(b, rdev, sb_makedev, NULL))
			sb_makedev(b, rdev, NULL);
	} else {
		sb_puts(b, ", st_size=");
		sb_i64(b, (int64_t)size);
	}
	if (!verbose) {
		sb_puts(b, ", ...}");
		return;
	}
	sb_stat_time(b, "st_atime", st + 72);
	sb_stat_time(b, "st_mtime", st + 88);
	sb_stat_time(b, "st_ctime", st + 104);
	sb_putc(b, '}');
}

static void set_stat(struct decoder *d, const struct call *c, struct darg *a)
{
	const uint8_t *st = dec_struct(a, STAT_SIZE);
	struct sb b;

	if (!st)
		return;	/* not read (the call failed): the address stays */
	b = dec_begin(d);
	sb_stat(&b, st, call__unabbreviated(d, c));
	dec_end(d, a, &b);
}

static void dec_stat(struct decoder *d, struct call *c)
{
	set_stat(d, c, &c->arg[1]);
}

static void dec_newfstatat(struct decoder *d, struct call *c)
{
	set_stat(d, c, &c->arg[2]);
	set_flags(d, &c->arg[3], &xt_at_flags, NULL);
}

/* statx's mask bits that say which fields the kernel filled (linux/stat.h) */
enum {
	STX_TYPE = 0x1, STX_MODE = 0x2, STX_NLINK = 0x4, STX_UID = 0x8, STX_GID = 0x10,
	STX_ATIME = 0x20, STX_MTIME = 0x40, STX_CTIME = 0x80, STX_INO = 0x100, STX_SIZE = 0x200,
	STX_BLOCKS = 0x400, STX_BTIME = 0x800, STX_MNT_ID = 0x1000, STX_DIOALIGN = 0x2000,
};

/* A field of struct statx: where it is, how wide, which mask bit it needs (0: always) */
struct statx_field {
	const char *name;
	uint16_t off;
	uint8_t size;
	uint8_t kind;	/* STXF_* */
	uint32_t need;
	bool full;	/* shown only with -v */
};

enum { STXF_U, STXF_X, STXF_ATTRS, STXF_MODE, STXF_TIME };

/* strace 6.1's order (src/statx.c) */
static const struct statx_field statx_fields[] = {
	{ "stx_blksize", 4, 4, STXF_U, 0, true },
	{ "stx_attributes", 8, 8, STXF_ATTRS, 0, false },
	{ "stx_nlink", 16, 4, STXF_U, STX_NLINK, true },
	{ "stx_uid", 20, 4, STXF_U, STX_UID, true },
	{ "stx_gid", 24, 4, STXF_U, STX_GID, true },
	{ "stx_mode", 28, 2, STXF_MODE, STX_TYPE | STX_MODE, false },
	{ "stx_ino", 32, 8, STXF_U, STX_INO, true },
	{ "stx_size", 40, 8, STXF_U, STX_SIZE, false },
	{ "stx_blocks", 48, 8, STXF_U, STX_BLOCKS, true },
	{ "stx_attributes_mask", 56, 8, STXF_ATTRS, 0, true },
	{ "stx_atime", 64, 16, STXF_TIME, STX_ATIME, true },
	{ "stx_btime", 80, 16, STXF_TIME, STX_BTIME, true },
	{ "stx_ctime", 96, 16, STXF_TIME, STX_CTIME, true },
	{ "stx_mtime", 112, 16, STXF_TIME, STX_MTIME, true },
	{ "stx_rdev_major", 128, 4, STXF_U, 0, true },
	{ "stx_rdev_minor", 132, 4, STXF_U, 0, true },
	{ "stx_dev_major", 136, 4, STXF_U, 0, true },
	{ "stx_dev_minor", 140, 4, STXF_U, 0, true },
	{ "stx_mnt_id", 144, 8, STXF_X, STX_MNT_ID, true },
	{ "stx_dio_mem_align", 152, 4, STXF_U, STX_DIOALIGN, true },
	{ "stx_dio_offset_align", 156, 4, STXF_U, STX_DIOALIGN, true },
};

/* {tv_sec=1700000000, tv_nsec=5}, then the date as a comment (none for a zero time) */
static void sb_statx_time(struct sb *b, const uint8_t *p)
{
	int64_t sec;
	uint32_t nsec;
	char when[96];
	struct tm tm;
	time_t t;
	size_t n;

	memcpy(&sec, p, 8);
	memcpy(&nsec, p + 8, 4);
	sb_puts(b, "{tv_sec=");
	sb_i64(b, sec);
	sb_puts(b, ", tv_nsec=");
	sb_u64(b, nsec);
	sb_putc(b, '}');
	t = sec;
	if ((!sec && !nsec) || nsec >= 1000000000u || !localtime_r(&t, &tm) ||
	    !(n = strftime(when, sizeof(when), "%FT%T", &tm)))
		return;
	if (nsec)
		n += snprintf(when + n, sizeof(when) - n, ".%09u", nsec);
	if (!strftime(when + n, sizeof(when) - n, "%z", &tm))
		return;
	sb_puts(b, " /* ");
	sb_puts(b, when);
	sb_puts(b, " */");
}

static void sb_statx_field(struct sb *b, const struct statx_field *f, const uint8_t *st)
{
	uint64_t v = 0;

	memcpy(&v, st + f->off, f->size < 8 ? f->size : 8);
	sb_puts(b, ", ");
	sb_puts(b, f->name);
	sb_putc(b, '=');
	switch (f->kind) {
	case STXF_X:
		sb_hex(b, v);
		break;
	case STXF_ATTRS:
		sb_flags(b, &xt_statx_attrs, v, NULL);
		break;
	case STXF_MODE:
		sb_mode(b, (uint16_t)v);
		break;
	case STXF_TIME:
		sb_statx_time(b, st + f->off);
		break;
	default:
		sb_u64(b, v);
		break;
	}
}

static void dec_statx(struct decoder *d, struct call *c)
{
	const uint8_t *st = dec_struct(&c->arg[4], STATX_SIZE);
	bool full = call__unabbreviated(d, c);
	uint32_t flags = c->arg[2].raw, mask;
	struct sb b = dec_begin(d);
	unsigned int i;

	sb_enum(&b, &xt_statx_sync, flags & AT_STATX_SYNC_BITS, NULL);
	if (flags & ~AT_STATX_SYNC_BITS) {
		sb_putc(&b, '|');
		sb_flags(&b, &xt_at_flags, flags & ~AT_STATX_SYNC_BITS, NULL);
	}
	dec_end(d, &c->arg[2], &b);
	set_flags(d, &c->arg[3], &xt_statx_mask, NULL);
	if (!st)
		return;
	memcpy(&mask, st, 4);
	b = dec_begin(d);
	sb_puts(&b, "{stx_mask=");
	sb_flags(&b, &xt_statx_mask, mask, NULL);
	for (i = 0; i < sizeof(statx_fields) / sizeof(statx_fields[0]); i++) {
		const struct statx_field *f = &statx_fields[i];

		if ((f->full && !full) || (f->need && !(mask & f->need)))
			continue;
		sb_statx_field(&b, f, st);
	}
	sb_puts(&b, full ? "}" : ", ...}");
	dec_end(d, &c->arg[4], &b);
}

const struct dec_entry dec_stat_table[] = {
	{ "stat", dec_stat, { { 1, SO_CK_STRUCT_OUT, 0, STAT_SIZE } } },
	{ "lstat", dec_stat, { { 1, SO_CK_STRUCT_OUT, 0, STAT_SIZE } } },
	{ "fstat", dec_stat, { { 1, SO_CK_STRUCT_OUT, 0, STAT_SIZE } } },
	{ "newfstatat", dec_newfstatat, { { 2, SO_CK_STRUCT_OUT, 0, STAT_SIZE } } },
	{ "statx", dec_statx, { { 4, SO_CK_STRUCT_OUT, 0, STATX_SIZE } } },
	{ NULL },
};
