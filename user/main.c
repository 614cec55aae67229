// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * sysobs: trace the syscalls of a command (or running processes, or the machine) with eBPF.
 * main() is the list of steps; each step lives in the file named after it (opts, launch,
 * attach, tracer, consume, decode, out_*, summary).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "attach.h"
#include "consume.h"
#include "launch.h"
#include "live.h"
#include "opts.h"
#include "summary.h"
#include "tracer.h"
#include "warn.h"

#define POLL_MS		10		/* records come without wakeups: how often to look */
#define LIVE_IDLE_POLLS	20		/* quiet polls before looking for blocked calls */
#define OUTBUF_SIZE	(1 << 20)

static volatile sig_atomic_t stop_signals;
static volatile sig_atomic_t forward_sig;

static void on_signal(int sig)
{
	stop_signals++;
	if (sig != SIGINT)
		forward_sig = sig;	/* the terminal sends SIGINT to the command itself */
}

static int signals__setup(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa = { .sa_handler = on_signal };
	unsigned int i;

	/* handlers, not SIG_IGN: exec resets handlers, an ignored signal would stay ignored */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL))
			return -errno;
	return 0;
}

static int output__open(const struct opts *o)
{
	int fd;

	if (!o->output)
		return STDERR_FILENO;
	fd = open(o->output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		warn("cannot open '%s': %s", o->output, strerror(errno));
	return fd;
}

static void tracer_opts__from(struct tracer_opts *t, const struct opts *o)
{
	memset(t, 0, sizeof(*t));
	t->follow_forks = o->follow;
	t->want_ts = o->json || o->tstamps || o->relative;
	/* shown on each line, or -T reads the clock anyway: exact; else per batch (docs/json.md) */
	t->ts_exact = o->tstamps || o->relative || o->durations || o->summary;
	t->want_dur = o->durations || o->summary;
	t->want_counts = o->summary;
	t->want_records = !o->summary_only;
	t->want_captures = !o->raw;
	t->no_prepare_exec = o->no_prepare_exec;
	t->filter = &o->filter;
	t->attach_mode = o->system_wide ? SO_ATTACH_ALL :
			 o->npids && o->follow ? SO_ATTACH_PIDS : SO_ATTACH_NONE;
	t->strsize = o->strsize;
	t->ring_size = o->ring_size;
	t->verbose = o->verbose;
}

/*
 * Drain records until the command and every task followed from it are gone (l), until every
 * attached process is gone (a, -p), or, with neither (--system-wide), until a signal.
 */
static int trace__loop(struct consumer *c, struct tracer *tr, struct launch *l,
		       struct attach *a, struct outbuf *ob, bool live)
{
	static struct live lv;
	int n, idle = 0;
	bool done;

	for (;;) {
		n = consumer__poll(c, POLL_MS);
		if (n < 0 && n != -EINTR) {
			warn("reading the ring buffer: %s", strerror(-n));
			return n;
		}
		if (forward_sig && l) {
			kill(l->pid, forward_sig);
			forward_sig = 0;
		}
		if (l)
			done = launch__reap(l, false) && tracer__no_tasks(tr);
		else
			done = a && attach__all_gone(a) && tracer__no_tasks(tr);
		if (done) {
			/* everything the tasks did is in the ring by now */
			while (consumer__poll(c, 0) > 0)
				;
			break;
		}
		if (stop_signals > (l ? 1 : 0)) {
			/* a command gets the first (it is its own to handle), an attached process none:
			 * stop tracing, what is traced goes on */
			while (consumer__poll(c, 0) > 0)
				;
			break;
		}
		idle = n > 0 ? 0 : idle + 1;
		if (live && idle && idle % LIVE_IDLE_POLLS == 0)
			live__tick(&lv, c);
		if (n > 0 || outbuf__col(ob) == 0)
			outbuf__flush(ob);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct decoder dec = {};
	struct consumer cons = {};
	struct tracer tr = {};
	struct tracer_opts topts;
	struct outbuf ob = {}, raw = { .fd = -1 };
	struct launch l = { .pid = -1 };
	struct attach a = {};
	struct run_totals tot = {};
	struct sink sink = {};
	struct opts o;
	char path[4096];
	int status = EXIT_SETUP, out_fd = -1, err;

	opts__parse(&o, argc, argv);

	err = o.cmd ? launch__resolve(o.cmd[0], path, sizeof(path)) : 0;
	if (err) {
		warn("cannot execute '%s': %s", o.cmd[0], strerror(err));
		return err == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC;
	}
	out_fd = output__open(&o);
	if (out_fd < 0)
		return EXIT_SETUP;
	if (signals__setup()) {
		warn("cannot install signal handlers: %s", strerror(errno));
		goto cleanup;
	}

	tracer_opts__from(&topts, &o);
	if (tracer__start(&tr, &topts))
		goto cleanup;

	{
		struct decode_opts dopts = {
			.strsize = o.strsize,
			.raw = o.raw,
			.fd_paths = o.fd_paths,
		};

		if (decoder__init(&dec, &dopts) || outbuf__init(&ob, out_fd, OUTBUF_SIZE)) {
			warn("out of memory");
			goto cleanup;
		}
	}
	sink.ops = o.json ? &json_sink_ops : o.summary_only ? &null_sink_ops : &text_sink_ops;
	sink.ob = &ob;
	sink.show_dur = o.durations;
	sink.tstamps = o.tstamps;
	sink.relative = o.relative;
	sink.ts_exact = topts.ts_exact;
	sink__clock_init(&sink);
	/* as strace: -f into a file prefixes every line with the pid */
	sink.prefix = (o.follow || o.system_wide) && o.output ? PREFIX_PLAIN : PREFIX_NONE;
	if (o.system_wide && !o.output)
		sink.prefix = PREFIX_BRACKET;	/* every line, whatever runs */
	if (consumer__init(&cons, &dec, &sink, o.follow || o.system_wide) ||
	    consumer__attach(&cons, tracer__ring_fd(&tr), o.ring_size)) {
		warn("cannot read the ring buffer: %s", strerror(errno));
		goto cleanup;
	}

	if (o.record) {
		int fd = open(o.record, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

		if (fd < 0 || outbuf__init(&raw, fd, OUTBUF_SIZE)) {
			warn("cannot open '%s': %s", o.record, strerror(errno));
			if (fd >= 0)
				close(fd);
			goto cleanup;
		}
		consumer__record_to(&cons, &raw);
	}

	cons.attach = topts.attach_mode != SO_ATTACH_NONE;
	cons.status_only = o.status_only == 1 ? STATUS_SUCCESSFUL :
			   o.status_only == 2 ? STATUS_FAILED : STATUS_ALL;
	cons.fixed_prefix = o.system_wide;
	if (o.live < 0)
		o.live = !o.json && !o.summary_only && isatty(out_fd);
	if (!o.cmd) {
		/* -p, --system-wide: what runs goes on when we stop; we exit 0 */
		if (attach__start(&a, &tr, &cons, &o))
			goto cleanup;
		if (trace__loop(&cons, &tr, NULL, o.system_wide ? NULL : &a, &ob, o.live))
			goto cleanup;
		consumer__flush_exits(&cons);
		status = 0;
		goto totals;
	}

	err = launch__fork(&l, path, o.cmd);
	if (err) {
		warn("cannot fork: %s", strerror(-err));
		goto cleanup;
	}
	err = tracer__add_task(&tr, l.pid, l.pid, true);
	if (err) {
		warn("cannot add pid %d to the filter: %s", l.pid, strerror(-err));
		kill(l.pid, SIGKILL);
		goto cleanup;
	}
	consumer__add_task(&cons, l.pid, l.pid);
	err = launch__release(&l);
	if (err) {
		warn("cannot execute '%s': %s", o.cmd[0], strerror(err));
		status = err == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC;
		goto cleanup;
	}

	if (trace__loop(&cons, &tr, &l, NULL, &ob, o.live))
		goto cleanup;
	consumer__flush_exits(&cons);

	/* stopped by a second signal: the command goes on, untraced, and we do not wait for it */
	if (!l.reaped && stop_signals < 2)
		launch__reap(&l, true);
	status = l.reaped ? launch__exit_status(l.status) : 128 + SIGINT;
	if (!cons.exit_seen && l.reaped) {
		/* the kernel's exit record was lost or came from an untraced thread */
		struct proc_exit e = {
			.tgid = l.pid,
			.tid = l.pid,
			.signaled = WIFSIGNALED(l.status),
			.sig = WIFSIGNALED(l.status) ? WTERMSIG(l.status) : 0,
			.core = WIFSIGNALED(l.status) && WCOREDUMP(l.status),
			.code = WIFEXITED(l.status) ? WEXITSTATUS(l.status) : 0,
		};

		sink.ops->proc_exit(&sink, &e);
	}
totals:
	tot.records = cons.records;
	tot.calls = cons.calls;
	tot.lost = tracer__stat(&tr, SO_STAT_DROPPED);
	tot.untracked = tracer__stat(&tr, SO_STAT_TASKS_FULL);
	tot.have_status = true;
	tot.exit_status = status;
	sink.ops->finish(&sink, &tot);
	outbuf__flush(&ob);
	if (o.summary) {
		static struct so_count counts[SO_NR_SLOTS];
		FILE *f = fdopen(dup(out_fd), "w");

		if (f && !tracer__counts(&tr, counts)) {
			summary__print(f, counts, SO_NR_SLOTS, o.json);
			fclose(f);
		}
	}
	if (ob.failed)
		warn("writing the trace: %s", strerror(ob.err));
	warn("%llu events lost%s", (unsigned long long)tot.lost,
	     tot.untracked ? " (and tasks not followed: the tasks map was full)" : "");
	if (o.strict && (tot.lost || cons.gap_lost || tot.untracked)) {
		warn("--strict: events were lost, exiting with %d", EXIT_LOST);
		status = EXIT_LOST;
	}

cleanup:
	if (l.pid > 0 && !l.reaped && l.gate_fd >= 0) {
		/* we are going away: never leave the command held at the gate */
		kill(l.pid, SIGKILL);
		launch__reap(&l, true);
	}
	attach__close(&a);
	consumer__free(&cons);
	if (raw.buf) {
		outbuf__flush(&raw);
		close(raw.fd);
		outbuf__free(&raw);
	}
	outbuf__free(&ob);
	decoder__free(&dec);
	tracer__stop(&tr);
	if (out_fd > STDERR_FILENO)
		close(out_fd);
	return status;
}
