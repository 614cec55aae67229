// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * JSON Lines: one object per line, each with "v" (schema version) and "type". The schema is
 * documented in docs/json.md; change it only with a new "v".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fmt.h"
#include "decode/names/errno.h"
#include "decode/names/signals.h"
#include "output/comm.h"
#include "output/json.h"
#include "output/jsonval.h"
#include "output/sink.h"

static bool v1(const struct sink *s)
{
	return s->json_version == 1;
}

/* A string from the traced program's bytes: v1 reads them as Latin-1, v2 keeps UTF-8. */
static void json_str(const struct sink *s, const char *p, size_t n)
{
	if (v1(s))
		json_str_latin1(s->ob, p, n);
	else
		json_str_utf8(s->ob, p, n);
}

static void json_open(const struct sink *s, const char *type)
{
	outbuf__puts(s->ob, v1(s) ? "{\"v\":1,\"type\":\"" : "{\"v\":2,\"type\":\"");
	outbuf__puts(s->ob, type);
	outbuf__putc(s->ob, '"');
}

/* v2: the thread's command name */
static void json_comm(struct outbuf *ob, uint32_t tgid, uint32_t tid)
{
	const char *comm = comm__get(tgid, tid);

	outbuf__lit(ob, ",\"comm\":");
	if (comm)
		json_str_utf8(ob, comm, strlen(comm));
	else
		outbuf__lit(ob, "null");
}

static void json_head(const struct sink *s, const char *type, uint32_t tgid, uint32_t tid)
{
	json_open(s, type);
	outbuf__lit(s->ob, ",\"pid\":");
	outbuf__u64(s->ob, tgid);
	outbuf__lit(s->ob, ",\"tid\":");
	outbuf__u64(s->ob, tid);
	if (!v1(s))
		json_comm(s->ob, tgid, tid);
}

/* The start of a syscall object for the same thread as last time is the same bytes: keep
 * them instead of formatting two numbers per record. */
static void json_head_syscall(const struct sink *s, uint32_t tgid, uint32_t tid)
{
	static struct outbuf cache = { .fd = -1 };
	static uint32_t cache_tgid, cache_tid, cache_gen;
	static uint8_t cache_v;

	if (!cache.len || cache_tgid != tgid || cache_tid != tid || cache_v != s->json_version ||
	    cache_gen != comm_generation) {
		struct sink c = *s;

		if (!cache.buf && outbuf__init(&cache, -1, 512)) {
			json_head(s, "syscall", tgid, tid);
			return;
		}
		cache.len = 0;
		c.ob = &cache;
		json_head(&c, "syscall", tgid, tid);
		cache_tgid = tgid;
		cache_tid = tid;
		cache_v = s->json_version;
		cache_gen = comm_generation;
	}
	outbuf__write(s->ob, cache.buf, cache.len);
}

/*
 * Parts of a syscall object repeat from one record to the next: the calls of one batch share
 * their ts_ns, a syscall's number and name never change. Those are kept as text here instead
 * of being formatted again (the consumer must keep up with the kernel: tests/bench measures
 * it).
 */
static struct {
	uint64_t ts;
	uint8_t ts_len;
	char ts_text[24];
	char *nr_text[SO_NR_SLOTS];	/* ,"nr":N,"name":"NAME","args":[ */
	uint8_t nr_len[SO_NR_SLOTS];
} jc;

static void json_name(struct outbuf *ob, const struct call *c)
{
	unsigned long nr = c->nr;
	size_t n;
	char *t;

	if (c->ent && nr < SO_NR_SLOTS && !jc.nr_text[nr]) {
		n = strlen(c->name) + 48;
		t = malloc(n);
		if (t) {
			jc.nr_len[nr] = snprintf(t, n, ",\"nr\":%lu,\"name\":\"%s\",\"args\":[",
						 nr, c->name);
			jc.nr_text[nr] = t;
		}
	}
	if (c->ent && nr < SO_NR_SLOTS && jc.nr_text[nr]) {
		outbuf__write(ob, jc.nr_text[nr], jc.nr_len[nr]);
		return;
	}
	/* numbers the table does not know (or no memory): formatted each time */
	outbuf__lit(ob, ",\"nr\":");
	outbuf__i64(ob, c->nr);
	outbuf__lit(ob, ",\"name\":\"");
	outbuf__puts(ob, c->name);
	outbuf__lit(ob, "\",\"args\":[");
}

static void json_ts(struct outbuf *ob, bool has, uint64_t ts)
{
	if (!has)
		return;
	if (ts != jc.ts || !jc.ts_len) {
		jc.ts_len = fmt_u64(jc.ts_text, ts);
		jc.ts = ts;
	}
	outbuf__lit(ob, ",\"ts_ns\":");
	outbuf__write(ob, jc.ts_text, jc.ts_len);
}

/* The bytes behind string and buffer arguments, as captured: "bytes":[{"arg":1,"data":"..",
 * "truncated":false}]. data is the raw bytes as a JSON string (see json_str). */
static void json_bytes(const struct sink *s, const struct call *c)
{
	struct outbuf *ob = s->ob;
	bool first = true;
	unsigned int i;

	if (!c->ent)
		return;
	for (i = 0; i < c->nargs && i < SYSENT_MAX_ARGS; i++) {
		const struct darg *a = &c->arg[i];
		int kind = c->ent->args[i].kind;

		if (!a->cap || a->cap->arg != i || (a->cap->flags & (SO_CAP_FAULT | SO_CAP_ARGV)))
			continue;
		if (kind != AK_PATH && kind != AK_STR && kind != AK_BUF_IN && kind != AK_BUF_OUT)
			continue;
		outbuf__puts(ob, first ? ",\"bytes\":[{\"arg\":" : ",{\"arg\":");
		first = false;
		outbuf__u64(ob, i);
		outbuf__puts(ob, ",\"data\":");
		json_str(s, (const char *)a->data, a->cap->len);
		outbuf__puts(ob, (a->cap->flags & SO_CAP_TRUNC) ? ",\"truncated\":true}" :
								  ",\"truncated\":false}");
	}
	if (!first)
		outbuf__putc(ob, ']');
}

static const struct darg *exec_path(const struct call *c)
{
	const struct darg *path = &c->arg[c->nr == SO_NR_EXECVEAT ? 1 : 0];

	return path->cap && !(path->cap->flags & SO_CAP_FAULT) ? path : NULL;
}

/* v1: "args" the raw numbers, "argstr" the texts, "bytes" the captures; ret and errno */
static void json_call_v1(struct sink *s, const struct call *c)
{
	struct outbuf *ob = s->ob;
	unsigned int i;

	for (i = 0; i < c->nargs; i++) {
		if (i)
			outbuf__putc(ob, ',');
		outbuf__u64(ob, c->arg[i].raw);
	}
	outbuf__lit(ob, "],\"argstr\":[");
	for (i = 0; i < c->nargs; i++) {
		if (i)
			outbuf__putc(ob, ',');
		json_str(s, c->arg[i].text, c->arg[i].len);
	}
	outbuf__putc(ob, ']');
	json_bytes(s, c);
	if (c->kind == CALL_DONE) {
		char buf[32];

		outbuf__lit(ob, ",\"ret\":");
		outbuf__i64(ob, c->ret);
		if (ret_is_error(c->ret)) {
			outbuf__lit(ob, ",\"errno\":\"");
			outbuf__puts(ob, ret_errname(c->ret, buf, sizeof(buf)));
			outbuf__putc(ob, '"');
		}
	}
}

static void json_call(struct sink *s, const struct call *c)
{
	struct outbuf *ob = s->ob;

	if (!v1(s) && c->kind == CALL_DONE && c->ret == 0 && sysent__has(c->nr, SE_EXEC))
		comm__exec_call(c);	/* v2: an exec names the thread after the file */
	json_head_syscall(s, c->tgid, c->tid);
	outbuf__lit(ob, ",\"seq\":");
	outbuf__u64(ob, c->seq);
	json_ts(ob, c->has_ts, c->ts_ns);
	json_name(ob, c);
	if (v1(s))
		json_call_v1(s, c);
	else
		json_call_v2(ob, c);
	if (c->kind != CALL_DONE) {
		outbuf__lit(ob, ",\"ret\":null");
		outbuf__puts(ob, c->kind == CALL_NORETURN ? ",\"noreturn\":true" :
			     c->kind == CALL_BLOCKED ? ",\"blocked\":true" :
			     c->kind == CALL_DETACHED ? ",\"detached\":true" : ",\"unfinished\":true");
	}
	if (c->resumed)
		outbuf__lit(ob, ",\"resumed\":true");
	if (c->tampered & TAMPER_INJECTED)
		outbuf__lit(ob, ",\"injected\":true");
	if (c->tampered & TAMPER_DELAYED)
		outbuf__lit(ob, ",\"delayed\":true");
	if (c->has_dur) {
		outbuf__lit(ob, ",\"dur_ns\":");
		outbuf__u64(ob, c->dur_ns);
	}
	outbuf__putc(ob, '}');
	outbuf__newline(ob);
}

static void json_exec(struct sink *s, const struct call *c)
{
	const struct darg *path = exec_path(c);

	json_head(s, "exec", c->tgid, c->tid);
	json_ts(s->ob, c->has_ts, c->ts_ns);
	if (path) {
		outbuf__lit(s->ob, ",\"filename\":");
		json_str(s, (const char *)path->data, path->cap->len);
	}
	outbuf__putc(s->ob, '}');
	outbuf__newline(s->ob);
}

static void json_proc_exit(struct sink *s, const struct proc_exit *e)
{
	char sig[32];

	json_head(s, "exit", e->tgid, e->tid);
	json_ts(s->ob, e->has_ts, e->ts_ns);
	if (e->exec_tid) {
		outbuf__lit(s->ob, ",\"superseded_by\":");
		outbuf__u64(s->ob, e->exec_tid);
	} else if (e->signaled) {
		outbuf__lit(s->ob, ",\"signal\":\"");
		signal_text(sig, sizeof(sig), e->sig);
		outbuf__puts(s->ob, sig);
		outbuf__puts(s->ob, e->core ? "\",\"core\":true" : "\",\"core\":false");
	} else {
		outbuf__lit(s->ob, ",\"code\":");
		outbuf__i64(s->ob, e->code);
	}
	outbuf__putc(s->ob, '}');
	outbuf__newline(s->ob);
}

static void json_signal(struct sink *s, const struct sig_event *e)
{
	json_head(s, "signal", e->tgid, e->tid);
	outbuf__lit(s->ob, ",\"seq\":");
	outbuf__u64(s->ob, e->seq);
	json_ts(s->ob, e->has_ts, e->ts_ns);
	outbuf__lit(s->ob, ",\"signo\":");
	outbuf__i64(s->ob, e->signo);
	outbuf__lit(s->ob, ",\"signal\":\"");
	outbuf__puts(s->ob, e->name);
	outbuf__lit(s->ob, "\",\"si_code\":");
	outbuf__i64(s->ob, e->code);
	if (e->code_name) {
		outbuf__lit(s->ob, ",\"code\":\"");
		outbuf__puts(s->ob, e->code_name);
		outbuf__putc(s->ob, '"');
	}
	outbuf__lit(s->ob, ",\"info\":");
	json_str(s, e->info, strlen(e->info));
	outbuf__putc(s->ob, '}');
	outbuf__newline(s->ob);
}

static void json_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		      uint64_t count)
{
	json_head(s, "lost", tgid, tid);
	outbuf__lit(s->ob, ",\"from_seq\":");
	outbuf__u64(s->ob, from_seq);
	outbuf__lit(s->ob, ",\"count\":");
	outbuf__u64(s->ob, count);
	outbuf__putc(s->ob, '}');
	outbuf__newline(s->ob);
}

static void json_finish(struct sink *s, const struct run_totals *t)
{
	json_open(s, "summary");
	outbuf__lit(s->ob, ",\"records\":");
	outbuf__u64(s->ob, t->records);
	outbuf__lit(s->ob, ",\"syscalls\":");
	outbuf__u64(s->ob, t->calls);
	outbuf__lit(s->ob, ",\"lost\":");
	outbuf__u64(s->ob, t->lost);
	outbuf__lit(s->ob, ",\"untracked_tasks\":");
	outbuf__u64(s->ob, t->untracked);
	outbuf__puts(s->ob, s->ts_exact ? ",\"ts_exact\":true" : ",\"ts_exact\":false");
	if (t->have_status) {
		outbuf__lit(s->ob, ",\"exit_status\":");
		outbuf__i64(s->ob, t->exit_status);
	}
	if (!v1(s)) {
		/* ts_ns + wall_offset_ns = nanoseconds since the epoch (CLOCK_REALTIME) */
		outbuf__lit(s->ob, ",\"clock\":\"CLOCK_MONOTONIC\",\"wall_offset_ns\":");
		outbuf__i64(s->ob, s->real_off_ns);
	}
	outbuf__putc(s->ob, '}');
	outbuf__newline(s->ob);
}

const struct sink_ops json_sink_ops = {
	.call = json_call,
	.exec = json_exec,
	.proc_exit = json_proc_exit,
	.signal = json_signal,
	.lost = json_lost,
	.finish = json_finish,
};
