// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * JSON v2's arguments and return value (json.h): each argument an object with its name and C
 * type from the signature, its value typed (docs/json.md, "Values"), and strace's text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode/names/errno.h"
#include "decode/names/sysent.h"
#include "output/json.h"
#include "output/jsonval.h"
#include "output/sink.h"

/* Narrow (32-bit) integer types of syscall signatures: the kernel uses the low half only. */
static const char *const narrow_types[] = {
	"pid_t", "uid_t", "gid_t", "umode_t", "mode_t", "clockid_t", "key_serial_t", "qid_t",
	"rwf_t", "mqd_t", "timer_t", "key_t", "old_uid_t", "old_gid_t",
};

static bool type_narrow(const char *type)
{
	unsigned int i;

	if (strchr(type, '*') || strstr(type, "long") || strstr(type, "64"))
		return false;
	if (strstr(type, "int"))
		return true;
	for (i = 0; i < sizeof(narrow_types) / sizeof(narrow_types[0]); i++)
		if (!strcmp(type, narrow_types[i]))
			return true;
	return false;
}

static bool kind_signed(int kind)
{
	return kind == AK_INT || kind == AK_FD || kind == AK_DIRFD || kind == AK_SIGNAL;
}

/* The number as the C type holds it; beyond 2^53 also as a decimal string. */
static void json_number(struct outbuf *ob, uint64_t raw, const struct sysent_arg *sa,
			bool narrow)
{
	bool sgn = sa && kind_signed(sa->kind);
	char dec[24];

	if (narrow)
		raw = sgn ? (uint64_t)(int64_t)(int32_t)raw : (uint32_t)raw;
	if (sgn)
		outbuf__i64(ob, (int64_t)raw);
	else
		outbuf__u64(ob, raw);
	if (json_exact((int64_t)raw, sgn))
		return;
	outbuf__lit(ob, ",\"value_str\":\"");
	outbuf__write(ob, dec, sgn ? fmt_i64(dec, (int64_t)raw) : fmt_u64(dec, raw));
	outbuf__putc(ob, '"');
}

/* Strings and buffers the kernel read: the bytes; "hex" too when they are not UTF-8. */
static bool json_captured(struct outbuf *ob, const struct darg *a, int kind)
{
	const char *p = (const char *)a->data;

	if (kind != AK_PATH && kind != AK_STR && kind != AK_BUF_IN && kind != AK_BUF_OUT)
		return false;
	if (!a->cap || a->cap->arg != a->idx || (a->cap->flags & (SO_CAP_FAULT | SO_CAP_ARGV)))
		return false;
	if (!json_str_utf8(ob, p, a->cap->len)) {
		outbuf__lit(ob, ",\"hex\":");
		json_hex(ob, a->data, a->cap->len);
	}
	if (a->cap->flags & SO_CAP_TRUNC)
		outbuf__lit(ob, ",\"truncated\":true");
	return true;
}

/* O_RDONLY|O_CLOEXEC: "flags":["O_RDONLY","O_CLOEXEC"]; only for a plain list of names. */
static void json_flags(struct outbuf *ob, const char *t, size_t n)
{
	size_t i, w;

	if (!n || strcspn(t, "({[ \"") < n || !memchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ_", t[0], 27))
		return;
	outbuf__lit(ob, ",\"flags\":[");
	for (i = 0; i < n; i += w + 1) {
		for (w = 0; i + w < n && t[i + w] != '|'; w++)
			;
		if (i)
			outbuf__putc(ob, ',');
		json_str_utf8(ob, t + i, w);
	}
	outbuf__putc(ob, ']');
}

/*
 * An argument's object starts with the same bytes every time: {"name":"fd","type":"int",
 * "value": . They are made once per syscall and argument (the consumer must keep up with the
 * kernel: tests/bench measures it), with whether the type is narrow.
 */
struct arg_head {
	char *text;
	uint8_t len;
	bool narrow;
};

static struct arg_head heads[SO_NR_SLOTS][SYSENT_MAX_ARGS];

static const struct arg_head *arg_head(const struct call *c, const struct sysent_arg *sa,
				       unsigned int idx)
{
	static char unknown_text[] = "{\"name\":null,\"type\":null,\"value\":";
	static const struct arg_head unknown = { unknown_text, sizeof(unknown_text) - 1, false };
	struct arg_head *h;
	size_t n;

	if (!sa || c->nr < 0 || c->nr >= SO_NR_SLOTS)
		return &unknown;
	h = &heads[c->nr][idx];
	if (h->text)
		return h;
	n = strlen(sa->name) + strlen(sa->type) + 40;
	h->text = malloc(n);
	if (!h->text)
		return &unknown;
	h->len = snprintf(h->text, n, "{\"name\":\"%s\",\"type\":\"%s\",\"value\":", sa->name,
			  sa->type);
	h->narrow = type_narrow(sa->type);
	return h;
}

static void json_arg(struct outbuf *ob, const struct call *c, const struct darg *a)
{
	const struct sysent_arg *sa = c->ent && c->ent->known && a->idx < c->ent->nargs ?
					      &c->ent->args[a->idx] : NULL;
	const struct arg_head *h = arg_head(c, sa, a->idx);
	int kind = sa ? sa->kind : AK_HEX;

	outbuf__write(ob, h->text, h->len);
	if (a->len && (a->text[0] == '{' || a->text[0] == '[') &&
	    json_notation(ob, a->text, a->len)) {
		outbuf__lit(ob, ",\"addr\":");
		outbuf__u64(ob, a->raw);
	} else if (json_captured(ob, a, kind)) {
		/* the bytes are the value */
	} else {
		json_number(ob, a->raw, sa, h->narrow);
		if (kind == AK_FLAGS || kind == AK_HEX)
			json_flags(ob, a->text, a->len);
	}
	outbuf__lit(ob, ",\"text\":");
	json_str_utf8(ob, a->text, a->len);
	outbuf__putc(ob, '}');
}

void json_call_v2(struct outbuf *ob, const struct call *c)
{
	char buf[160];
	unsigned int i;

	for (i = 0; i < c->nargs; i++) {
		if (i)
			outbuf__putc(ob, ',');
		json_arg(ob, c, &c->arg[i]);
	}
	outbuf__putc(ob, ']');
	if (c->kind != CALL_DONE)
		return;
	outbuf__lit(ob, ",\"ret\":");
	if (sysent__has(c->nr, SE_RET_ADDR) && !ret_is_error(c->ret)) {
		outbuf__u64(ob, c->ret);
		if (!json_exact(c->ret, false)) {
			outbuf__lit(ob, ",\"ret_str\":\"");
			outbuf__u64(ob, c->ret);
			outbuf__putc(ob, '"');
		}
	} else {
		outbuf__i64(ob, c->ret);
	}
	if (ret_is_error(c->ret)) {
		outbuf__lit(ob, ",\"errno\":\"");
		outbuf__puts(ob, ret_errname(c->ret, buf, sizeof(buf)));
		outbuf__putc(ob, '"');
	}
	outbuf__lit(ob, ",\"ret_text\":");
	if (c->rettext && !ret_is_error(c->ret))
		json_str_utf8(ob, c->rettext, c->retlen);
	else
		json_str_utf8(ob, buf, format_ret(buf, c));
}
