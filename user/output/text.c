// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The strace-style text sink: name(args) padded to column 40, then "= ret". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lib/fmt.h"
#include "lib/sb.h"
#include "decode/names/errno.h"
#include "decode/names/signals.h"
#include "output/comm.h"
#include "output/sink.h"

#define RET_COLUMN	40

size_t format_ret(char *dst, const struct call *c)
{
	const char *name, *desc;
	size_t n;
	char buf[32];

	if (c->kind == CALL_NORETURN) {
		dst[0] = '?';
		return 1;
	}
	if (ret_is_error(c->ret) && errno__is_restart(-c->ret)) {
		/* interrupted by a signal, the kernel restarts or fails it later */
		return snprintf(dst, 128, "? %s (%s)", errno__name(-c->ret), errno__desc(-c->ret));
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
	if (sysent__has(c->nr, SE_RET_ADDR))
		return fmt_hex(dst, c->ret);
	return fmt_i64(dst, c->ret);
}

/* -Y: "<comm>" after a pid (of process tgid; nothing when its command is not known) */
static void text_comm(struct outbuf *ob, uint32_t tgid, uint32_t pid)
{
	const char *comm = comm__get(tgid, pid);
	char buf[4 * COMM_LEN + 2];
	struct sb b = { .p = buf, .cap = sizeof(buf) };

	if (!comm)
		return;
	/* the program names itself (a file name, prctl): escaped as -y's paths are */
	sb_putc(&b, '<');
	sb_escaped(&b, comm, strlen(comm), QUOTE_ANGLES);
	sb_putc(&b, '>');
	outbuf__write(ob, b.p, b.len);
}

static void text_prefix(struct sink *s, uint32_t tgid, uint32_t tid)
{
	static const char pad[] = "    ";
	size_t digits = tid < 10 ? 1 : tid < 100 ? 2 : tid < 1000 ? 3 : tid < 10000 ? 4 : 5;

	switch (s->prefix) {
	case PREFIX_NONE:
		return;
	case PREFIX_BRACKET:
		/* strace pads the pid to 5 columns: "[pid   42] " */
		outbuf__lit(s->ob, "[pid ");
		outbuf__write(s->ob, pad, 5 - digits);
		outbuf__u64(s->ob, tid);
		if (s->pid_comm)
			text_comm(s->ob, tgid, tid);
		outbuf__lit(s->ob, "] ");
		return;
	case PREFIX_PLAIN:
		/* "42    ", with -Y "42<cat> " (strace pads only the bare number) */
		outbuf__u64(s->ob, tid);
		if (s->pid_comm)
			text_comm(s->ob, tgid, tid);
		else
			outbuf__write(s->ob, pad, 5 - digits);
		outbuf__putc(s->ob, ' ');
		return;
	}
}

static uint64_t mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

void sink__clock_init(struct sink *s)
{
	struct timespec r, m;

	clock_gettime(CLOCK_REALTIME, &r);
	clock_gettime(CLOCK_MONOTONIC, &m);
	s->real_off_ns = (int64_t)(r.tv_sec - m.tv_sec) * 1000000000 + (r.tv_nsec - m.tv_nsec);
	s->tod_sec = -1;
}

/* ".123" for ns at prec digits (0: nothing), as strace's precisions s, ms, us, ns */
static int frac_text(char *buf, size_t cap, uint64_t ns, int prec)
{
	static const uint64_t div[] = { 1000000000, 100000000, 10000000, 1000000, 100000, 10000,
					1000, 100, 10, 1 };

	if (prec <= 0)
		return 0;
	return snprintf(buf, cap, ".%0*llu", prec, (unsigned long long)(ns / div[prec]));
}

/* -t/-tt/-ttt, --absolute-timestamps=: "12:00:01", "12:00:01.000123", "1700000000.000123" */
static int tod_text(struct sink *s, char *buf, size_t cap, uint64_t ts)
{
	int64_t real = (int64_t)(ts + (uint64_t)s->real_off_ns);	/* wraps, never UB */
	int64_t sec = real / 1000000000;
	int n;

	if (s->tstamps == 3) {
		n = snprintf(buf, cap, "%lld", (long long)sec);
	} else {
		if (sec != s->tod_sec) {
			time_t t = sec;
			struct tm tm;

			localtime_r(&t, &tm);
			strftime(s->tod_text, sizeof(s->tod_text), "%H:%M:%S", &tm);
			s->tod_sec = sec;
		}
		n = snprintf(buf, cap, "%s", s->tod_text);
	}
	return n + frac_text(buf + n, cap - n, real % 1000000000, s->ts_prec);
}

/* strace's -t/-tt/-ttt and -r, before the call: "12:00:01.000123 ", "     0.000042 " */
static void text_timestamp(struct sink *s, bool has_ts, uint64_t ts)
{
	struct outbuf *ob = s->ob;
	char buf[96];
	int n = 0;

	if (!s->tstamps && !s->relative)
		return;
	if (!has_ts)
		ts = mono_now();	/* lines the kernel did not stamp: when they are printed */
	if (s->tstamps)
		n = tod_text(s, buf, 40, ts);
	if (s->relative) {
		bool both = n > 0;
		/* lines of different threads can come out of order (batches): then negative */
		int64_t d = s->last_ts ? (int64_t)(ts - s->last_ts) : 0;
		uint64_t a = d < 0 ? -(uint64_t)d : (uint64_t)d;

		n += snprintf(buf + n, sizeof(buf) - n, "%s%s%6llu", both ? " (+" : "", d < 0 ? "-" : "",
			      (unsigned long long)(a / 1000000000));
		n += frac_text(buf + n, sizeof(buf) - n, a % 1000000000, s->rel_prec);
		n += snprintf(buf + n, sizeof(buf) - n, "%s", both ? ")" : "");
		s->last_ts = ts;
	}
	buf[n++] = ' ';
	outbuf__write(ob, buf, n);
}

/* -i: where the call returns to; strace's question marks where there is none (+++ lines) */
static void text_ip(struct sink *s, const uint64_t *ip)
{
	char buf[32];

	if (!s->show_ip)
		return;
	if (ip)
		outbuf__write(s->ob, buf, snprintf(buf, sizeof(buf), "[%016llx] ",
						   (unsigned long long)*ip));
	else
		outbuf__lit(s->ob, "[????????????????] ");
}

/* What starts every line but a call's: the pid prefix (-f), the time (-t, -r), then the
 * instruction pointer (-i), as strace orders them (a call's has -n's number before the ip). */
static void text_leader(struct sink *s, uint32_t tgid, uint32_t tid, bool has_ts,
			uint64_t ts, const uint64_t *ip)
{
	text_prefix(s, tgid, tid);
	text_timestamp(s, has_ts, ts);
	text_ip(s, ip);
}

/* -k: frames, a line each */
static void text_stack(struct outbuf *ob, const char *p, size_t len)
{
	const char *end = p + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);

		if (!nl)
			nl = end;
		outbuf__write(ob, p, nl - p);
		outbuf__newline(ob);
		p = nl + 1;
	}
}

/* -Y: is argument i a pid strace shows with its command? */
static bool arg_is_pid(const struct call *c, unsigned int i)
{
	return (int32_t)c->arg[i].raw > 0 &&
	       ((i == 0 && sysent__has(c->nr, SE_ARG0_PID)) ||
		(i == 1 && sysent__has(c->nr, SE_ARG1_PID)));
}

/* args from..to-1, each after ", " but the first (unless lead); with pid_comm (-Y), a pid's
 * command after it */
static void text_args(struct outbuf *ob, const struct call *c, unsigned int from, unsigned int to,
		      bool pid_comm)
{
	unsigned int i;

	for (i = from; i < to; i++) {
		if (i > from)
			outbuf__write(ob, ", ", 2);
		outbuf__write(ob, c->arg[i].text, c->arg[i].len);
		if (pid_comm && arg_is_pid(c, i))
			text_comm(ob, (uint32_t)c->arg[i].raw, (uint32_t)c->arg[i].raw);
	}
}

/*
 * A blocked call's line is left open, as strace leaves it: "read(3, ". Its return completes it
 * when no other line came between; any other line first closes it with " <unfinished ...>",
 * and the return is then "<... read resumed>...".
 */
static void text_close_open(struct sink *s)
{
	if (!s->open_tid)
		return;
	outbuf__lit(s->ob, " <unfinished ...>");
	outbuf__newline(s->ob);
	s->open_tid = 0;
}

/*
 * Up to the closing parenthesis, as strace shows it: "name(args" for a whole call; "name(inputs, "
 * for a blocked one (left open); "<... name resumed>outputs" for the return of one shown
 * unfinished before; only the outputs when cont, the return completing the open line. A call
 * cut short ends in " <unfinished ...>". Returns whether the line stays open (a blocked call).
 */
static bool text_call_args(struct outbuf *ob, const struct call *c, bool cont, bool pid_comm)
{
	bool outputs, cut = c->kind == CALL_UNFINISHED;
	bool blocked = c->kind == CALL_BLOCKED || c->kind == CALL_DETACHED;
	unsigned int n = call__entry_nargs(c, &outputs);

	if (c->resumed && !cont) {
		outbuf__lit(ob, "<... ");
		outbuf__puts(ob, c->name);
		outbuf__lit(ob, " resumed>");
	} else if (!cont) {
		outbuf__puts(ob, c->name);
		outbuf__putc(ob, '(');
		text_args(ob, c, 0, blocked || cut ? n : c->nargs, pid_comm);
		if ((blocked || cut) && outputs && n)
			outbuf__write(ob, ", ", 2);
	}
	if (blocked)
		return true;
	if ((c->resumed || cont) && !cut && outputs)
		text_args(ob, c, n, c->nargs, pid_comm);
	if (cut)
		outbuf__lit(ob, " <unfinished ...>");
	outbuf__putc(ob, ')');
	return false;
}

/* One line of strace's hex dump: " | 00010  68 65 ... 6c 6c  hello world, thi |" */
static void dump_line(struct outbuf *ob, const uint8_t *p, size_t n, size_t off)
{
	static const char hex[] = "0123456789abcdef";
	char line[96];
	size_t i, k = 0;

	k += snprintf(line, sizeof(line), " | %05zx  ", off);
	for (i = 0; i < 16; i++) {
		line[k++] = i < n ? hex[p[i] >> 4] : ' ';
		line[k++] = i < n ? hex[p[i] & 15] : ' ';
		line[k++] = ' ';
		if (i == 7)
			line[k++] = ' ';
	}
	line[k++] = ' ';
	for (i = 0; i < 16; i++)	/* the program's bytes: printable ASCII, else '.' */
		line[k++] = i < n ? (p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.') : ' ';
	outbuf__write(ob, line, k);
	outbuf__lit(ob, " |");
	outbuf__newline(ob);
}

/* " * 5 bytes in buffer 0", then its lines: an element of readv's (writev's) iovec */
static void dump_iov(struct outbuf *ob, const struct darg *a, int64_t ret)
{
	const struct so_cap *cap = a->cap;
	uint32_t n = cap->total < SO_IOV_MAX ? cap->total : SO_IOV_MAX, i;
	const uint8_t *p = a->data + (size_t)n * sizeof(struct so_iov), *end = a->data + cap->len;
	uint64_t left = (uint64_t)ret;
	char head[64];
	size_t off;

	if (cap->len < (size_t)n * sizeof(struct so_iov))
		return;
	for (i = 0; i < n && left; i++) {
		struct so_iov e;
		size_t k;

		memcpy(&e, a->data + (size_t)i * sizeof(e), sizeof(e));
		if (e.shown > (size_t)(end - p))
			return;
		k = e.len < left ? e.len : left;
		left -= k;
		if (k > e.shown)
			k = e.shown;	/* the capture's limit (docs/strace-parity.md) */
		outbuf__write(ob, head, snprintf(head, sizeof(head), " * %zu bytes in buffer %u",
						 k, i));
		outbuf__newline(ob);
		for (off = 0; off < k; off += 16)
			dump_line(ob, p + off, k - off < 16 ? k - off : 16, off);
		p += e.shown;
	}
}

/* -e read=, write=: the data a read from (a write to) a chosen fd moved, as strace dumps it: the
 * bytes the kernel side captured (at most SO_PATH_MAX of a buffer, SO_IOV_BYTES of an iovec) */
static void text_dump(struct sink *s, const struct call *c)
{
	const uint64_t *set = NULL;
	int fd = (int32_t)c->arg[0].raw;
	const struct darg *a = NULL;
	bool iov = false;
	unsigned int i;
	size_t n, off;

	if (c->kind != CALL_DONE || c->ret <= 0 || !c->ent || fd < 0 || fd >= 1024)
		return;
	for (i = 1; i < c->nargs && i < SYSENT_MAX_ARGS && !a; i++) {
		const struct sysent_arg *sa = &c->ent->args[i];

		if (c->ent->args[0].kind != AK_FD)
			break;
		iov = strstr(sa->type, "struct iovec") != NULL;
		if (iov)	/* readv, preadv, preadv2: read; the others wrote */
			set = !strcmp(c->name, "readv") || !strncmp(c->name, "preadv", 6) ?
			      s->dump_read : s->dump_write;
		else if (sa->kind == AK_BUF_OUT)
			set = s->dump_read;
		else if (sa->kind == AK_BUF_IN)
			set = s->dump_write;
		if (set)
			a = &c->arg[i];
	}
	if (!a || !a->cap || !a->data || !(set[fd / 64] >> (fd % 64) & 1))
		return;
	if (iov) {
		dump_iov(s->ob, a, c->ret);
		return;
	}
	n = a->cap->len < (uint64_t)c->ret ? a->cap->len : (size_t)c->ret;
	for (off = 0; off < n; off += 16)
		dump_line(s->ob, a->data + off, n - off < 16 ? n - off : 16, off);
}

/* The frames printed after the held ones' "+++" line (and at the end, whatever is left) */
static void text_held(struct sink *s)
{
	if (!s->held_stack)
		return;
	text_stack(s->ob, s->held_stack, s->held_len);
	free(s->held_stack);
	s->held_stack = NULL;
}

/* -k: a call's frames; those of exit/exit_group come after the process's "+++ exited" line,
 * as strace prints them */
static void text_frames(struct sink *s, const struct call *c)
{
	if (c->kind != CALL_NORETURN || s->quiet_exit) {
		text_stack(s->ob, c->stack, c->stack_len);
		return;
	}
	text_held(s);
	s->held_stack = malloc(c->stack_len);
	if (!s->held_stack) {
		text_stack(s->ob, c->stack, c->stack_len);
		return;
	}
	memcpy(s->held_stack, c->stack, c->stack_len);
	s->held_len = c->stack_len;
	s->held_tgid = c->tgid;
}

static void text_call(struct sink *s, const struct call *c)
{
	struct outbuf *ob = s->ob;
	bool cont = c->resumed && s->open_tid == c->tid && s->open_nr == c->nr;
	unsigned int col = s->ret_column ? s->ret_column : RET_COLUMN;
	char ret[160];

	if (!cont) {
		text_close_open(s);
		text_prefix(s, c->tgid, c->tid);
		text_timestamp(s, c->has_ts, c->ts_ns);
		if (s->show_nr) {	/* strace: the number, then the ip */
			char nr[32];

			outbuf__write(ob, nr, snprintf(nr, sizeof(nr), "[%4ld] ", c->nr));
		}
		text_ip(s, c->has_ip ? &c->ip : NULL);
	}
	s->open_tid = 0;
	if (text_call_args(ob, c, cont, s->pid_comm) && c->kind == CALL_DETACHED) {
		outbuf__lit(ob, " <detached ...>");	/* -b execve: strace's, no return */
		outbuf__newline(ob);
		return;
	}
	if (c->kind == CALL_BLOCKED) {
		s->open_tid = c->tid ? c->tid : ~0u;
		s->open_nr = c->nr;
		return;
	}
	if (outbuf__col(ob) < col)
		outbuf__pad_to(ob, col);
	else
		outbuf__putc(ob, ' ');
	outbuf__write(ob, "= ", 2);
	if (c->kind == CALL_UNFINISHED)
		outbuf__putc(ob, '?');
	else if (c->rettext && c->kind == CALL_DONE && !ret_is_error(c->ret))
		outbuf__write(ob, c->rettext, c->retlen);	/* a decoder's text, any length */
	else
		outbuf__write(ob, ret, format_ret(ret, c));
	if (s->pid_comm && c->kind == CALL_DONE && c->ret > 0 && sysent__has(c->nr, SE_RET_PID))
		text_comm(ob, (uint32_t)c->ret == c->tid ? c->tgid : (uint32_t)c->ret, (uint32_t)c->ret);
	if (c->tampered & TAMPER_INJECTED)
		outbuf__lit(ob, " (INJECTED)");
	if (c->tampered & TAMPER_DELAYED)
		outbuf__lit(ob, " (DELAYED)");
	if (s->show_dur && c->has_dur) {
		char d[48];

		int n = snprintf(d, sizeof(d), " <%llu", (unsigned long long)(c->dur_ns / 1000000000));

		n += frac_text(d + n, sizeof(d) - n, c->dur_ns % 1000000000, s->dur_prec);
		d[n++] = '>';
		outbuf__write(ob, d, n);
	}
	outbuf__newline(ob);
	if (s->dump_read || s->dump_write)
		text_dump(s, c);
	if (c->stack_len)
		text_frames(s, c);
}

static void text_exec(struct sink *s, const struct call *c)
{
	if (s->pid_comm)
		comm__exec_call(c);	/* -Y: the process has the file's name from now on */
}

/* -e signal=SET left signal sig out */
static bool sig_hidden(const struct sink *s, int sig)
{
	return sig >= 1 && sig <= 64 && (s->sig_hidden >> (sig - 1) & 1);
}

static void text_proc_exit(struct sink *s, const struct proc_exit *e)
{
	char sig[32];

	if (e->signaled ? sig_hidden(s, e->sig) : s->quiet_exit)
		return;
	text_close_open(s);
	text_leader(s, e->tgid, e->tid, e->has_ts, e->ts_ns, NULL);
	if (e->exec_tid) {
		outbuf__lit(s->ob, "+++ superseded by execve in pid ");
		outbuf__u64(s->ob, e->exec_tid);
		outbuf__lit(s->ob, " +++");
	} else if (e->signaled) {
		outbuf__lit(s->ob, "+++ killed by ");
		signal_text(sig, sizeof(sig), e->sig);
		outbuf__puts(s->ob, sig);
		if (e->core)
			outbuf__lit(s->ob, " (core dumped)");
		outbuf__lit(s->ob, " +++");
	} else {
		outbuf__lit(s->ob, "+++ exited with ");
		outbuf__i64(s->ob, e->code);
		outbuf__lit(s->ob, " +++");
	}
	outbuf__newline(s->ob);
	if (s->held_stack && s->held_tgid == e->tgid)
		text_held(s);
}

/* --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} --- */
static void text_signal(struct sink *s, const struct sig_event *e)
{
	if (sig_hidden(s, e->signo))
		return;
	text_close_open(s);
	text_leader(s, e->tgid, e->tid, e->has_ts, e->ts_ns, e->has_ip ? &e->ip : NULL);
	outbuf__lit(s->ob, "--- ");
	outbuf__puts(s->ob, e->name);
	outbuf__putc(s->ob, ' ');
	outbuf__puts(s->ob, e->info);
	outbuf__lit(s->ob, " ---");
	outbuf__newline(s->ob);
	if (e->stack_len)
		text_stack(s->ob, e->stack, e->stack_len);
}

static void text_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		      uint64_t count)
{
	text_close_open(s);
	text_leader(s, tgid, tid, false, 0, NULL);
	outbuf__lit(s->ob, "--- lost ");
	outbuf__u64(s->ob, count);
	outbuf__puts(s->ob, count == 1 ? " event" : " events");
	outbuf__lit(s->ob, " (tid ");
	outbuf__u64(s->ob, tid);
	outbuf__lit(s->ob, ", seq ");
	outbuf__u64(s->ob, from_seq);
	if (count > 1) {
		outbuf__putc(s->ob, '-');
		outbuf__u64(s->ob, from_seq + count - 1);
	}
	outbuf__lit(s->ob, ") ---");
	outbuf__newline(s->ob);
}

static void text_finish(struct sink *s, const struct run_totals *t)
{
	text_close_open(s);
	text_held(s);
}

const struct sink_ops text_sink_ops = {
	.call = text_call,
	.exec = text_exec,
	.proc_exit = text_proc_exit,
	.signal = text_signal,
	.lost = text_lost,
	.finish = text_finish,
};

static void null_call(struct sink *s, const struct call *c)
{
}

static void null_proc_exit(struct sink *s, const struct proc_exit *e)
{
}

static void null_signal(struct sink *s, const struct sig_event *e)
{
}

static void null_lost(struct sink *s, uint32_t tgid, uint32_t tid, uint64_t from_seq,
		      uint64_t count)
{
}

const struct sink_ops null_sink_ops = {
	.call = null_call,
	.exec = null_call,
	.proc_exit = null_proc_exit,
	.signal = null_signal,
	.lost = null_lost,
	.finish = text_finish,
};
