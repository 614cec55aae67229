// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The strace-style text sink: name(args) padded to column 40, then "= ret". */
#include <stdio.h>
#include <string.h>
#include "sink.h"

#define RET_COLUMN	40

/* Calls whose return value is an address (strace prints them in hex). */
static bool ret_is_address(long nr)
{
	switch (nr) {
	case 9:		/* mmap */
	case 12:	/* brk */
	case 25:	/* mremap */
	case 30:	/* shmat */
		return true;
	}
	return false;
}

static const char *restart_desc(int64_t ret)
{
	switch (ret) {
	case -512:
		return "ERESTARTSYS (To be restarted if SA_RESTART is set)";
	case -513:
		return "ERESTARTNOINTR (To be restarted)";
	case -514:
		return "ERESTARTNOHAND (To be restarted if no handler)";
	case -516:
		return "ERESTART_RESTARTBLOCK (Interrupted by signal)";
	}
	return NULL;
}

size_t format_ret(char *dst, const struct call *c)
{
	const char *name, *desc;
	size_t n;
	char buf[32];

	if (c->kind == CALL_NORETURN) {
		dst[0] = '?';
		return 1;
	}
	desc = restart_desc(c->ret);
	if (desc) {
		/* interrupted by a signal, the kernel restarts or fails it later */
		n = snprintf(dst, 128, "? %s", desc);
		return n;
	}
	if (ret_is_error(c->ret)) {
		name = ret_errname(c->ret, buf, sizeof(buf));
		desc = errno__desc(-c->ret);
		if (desc)
			n = snprintf(dst, 128, "-1 %s (%s)", name, desc);
		else
			n = snprintf(dst, 128, "-1 %s", name);
		return n;
	}
	if (c->rettext) {
		n = c->retlen < 127 ? c->retlen : 127;
		memcpy(dst, c->rettext, n);
		return n;
	}
	if (ret_is_address(c->nr))
		return fmt_hex(dst, c->ret);
	return fmt_i64(dst, c->ret);
}

static void text_prefix(struct sink *s, uint32_t tid)
{
	if (!s->pid_prefix)
		return;
	outbuf__puts(s->ob, "[pid ");
	/* strace pads the pid to 5 columns */
	if (tid < 10000) {
		char pad[5] = "    ";
		size_t digits = tid < 10 ? 1 : tid < 100 ? 2 : tid < 1000 ? 3 : 4;

		outbuf__write(s->ob, pad, 5 - digits);
	}
	outbuf__u64(s->ob, tid);
	outbuf__puts(s->ob, "] ");
}

static void text_call(struct sink *s, const struct call *c)
{
	struct outbuf *ob = s->ob;
	char ret[160];
	unsigned int i;

	text_prefix(s, c->tid);
	outbuf__puts(ob, c->name);
	outbuf__putc(ob, '(');
	for (i = 0; i < c->nargs; i++) {
		if (i)
			outbuf__write(ob, ", ", 2);
		outbuf__write(ob, c->arg[i].text, c->arg[i].len);
	}
	if (c->kind == CALL_UNFINISHED) {
		outbuf__puts(ob, " <unfinished ...>)");
		outbuf__pad_to(ob, RET_COLUMN);
		outbuf__puts(ob, " = ?");
		outbuf__newline(ob);
		return;
	}
	outbuf__putc(ob, ')');
	if (outbuf__col(ob) < RET_COLUMN)
		outbuf__pad_to(ob, RET_COLUMN);
	else
		outbuf__putc(ob, ' ');
	outbuf__write(ob, "= ", 2);
	outbuf__write(ob, ret, format_ret(ret, c));
	if (s->show_dur && c->has_dur) {
		char d[48];

		snprintf(d, sizeof(d), " <%llu.%06llu>", (unsigned long long)(c->dur_ns / 1000000000),
			 (unsigned long long)(c->dur_ns % 1000000000 / 1000));
		outbuf__puts(ob, d);
	}
	outbuf__newline(ob);
}

static void text_exec(struct sink *s, const struct call *c)
{
}

static void text_proc_exit(struct sink *s, const struct proc_exit *e)
{
	char sig[32];

	text_prefix(s, e->tid);
	if (e->signaled) {
		outbuf__puts(s->ob, "+++ killed by ");
		outbuf__puts(s->ob, signal_name(e->sig, sig, sizeof(sig)));
		if (e->core)
			outbuf__puts(s->ob, " (core dumped)");
		outbuf__puts(s->ob, " +++");
	} else {
		outbuf__puts(s->ob, "+++ exited with ");
		outbuf__i64(s->ob, e->code);
		outbuf__puts(s->ob, " +++");
	}
	outbuf__newline(s->ob);
}

static void text_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		      uint64_t count)
{
	text_prefix(s, tid);
	outbuf__puts(s->ob, "--- lost ");
	outbuf__u64(s->ob, count);
	outbuf__puts(s->ob, count == 1 ? " event" : " events");
	outbuf__puts(s->ob, " (tid ");
	outbuf__u64(s->ob, tid);
	outbuf__puts(s->ob, ", seq ");
	outbuf__u64(s->ob, from_seq);
	if (count > 1) {
		outbuf__putc(s->ob, '-');
		outbuf__u64(s->ob, from_seq + count - 1);
	}
	outbuf__puts(s->ob, ") ---");
	outbuf__newline(s->ob);
}

static void text_finish(struct sink *s, const struct run_totals *t)
{
}

const struct sink_ops text_sink_ops = {
	.call = text_call,
	.exec = text_exec,
	.proc_exit = text_proc_exit,
	.lost = text_lost,
	.finish = text_finish,
};
