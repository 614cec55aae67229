// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* One tracing run: the steps main() lists, each a function (run.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lib/warn.h"
#include "decode/registry.h"
#include "output/summary.h"
#include "consume/live.h"
#include "run.h"

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

int run__signals(void)
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

static int trace_file__open(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		warn("cannot open '%s': %s", path, strerror(errno));
	return fd;
}

static void tracer_opts__from(struct tracer_opts *t, const struct opts *o,
			      const struct so_spec *specs)
{
	*t = (struct tracer_opts){
		.follow_forks = o->follow,
		.want_ts = o->json || o->tstamps || o->relative,
		/* shown on each line, or -T reads the clock anyway: exact; else per batch
		 * (docs/json.md) */
		.ts_exact = o->tstamps || o->relative || o->durations || o->summary,
		.want_dur = o->durations || o->summary,
		.want_counts = o->summary,
		.want_records = !o->summary_only,
		.want_captures = !o->raw,
		.no_prepare_exec = o->no_prepare_exec,
		.filter = &o->filter,
		.specs = specs,
		.attach_mode = o->system_wide ? SO_ATTACH_ALL :
			       o->npids && o->follow ? SO_ATTACH_PIDS : SO_ATTACH_NONE,
		.strsize = o->strsize,
		.ring_size = o->ring_size,
		.verbose = o->verbose,
	};
}

/* As strace: -f into a file prefixes every line with the pid, --system-wide always. */
static void sink__setup(struct sink *s, const struct opts *o, struct outbuf *ob, bool ts_exact)
{
	*s = (struct sink){
		.ops = o->json ? &json_sink_ops : o->summary_only ? &null_sink_ops : &text_sink_ops,
		.ob = ob,
		.show_dur = o->durations,
		.tstamps = o->tstamps,
		.relative = o->relative,
		.ts_exact = ts_exact,
		.prefix = o->system_wide && !o->output ? PREFIX_BRACKET :
			  (o->follow || o->system_wide) && o->output ? PREFIX_PLAIN : PREFIX_NONE,
	};
	sink__clock_init(s);
}

static int record__open(struct run *r, const char *path)
{
	int fd = trace_file__open(path);

	if (fd < 0)
		return -1;
	if (outbuf__init(&r->raw, fd, OUTBUF_SIZE)) {
		warn("out of memory");
		close(fd);
		return -1;
	}
	consumer__record_to(&r->cons, &r->raw);
	return 0;
}

int run__open(struct run *r, const struct opts *o)
{
	struct decode_opts dopts = { .strsize = o->strsize, .raw = o->raw, .fd_paths = o->fd_paths };
	struct consumer_opts copts = {
		.follow = o->follow || o->system_wide,
		.fixed_prefix = o->system_wide,
		.status_only = o->status_only == 1 ? STATUS_SUCCESSFUL :
			       o->status_only == 2 ? STATUS_FAILED : STATUS_ALL,
	};

	r->o = o;
	r->l.pid = -1;
	r->raw.fd = -1;
	r->out_fd = o->output ? trace_file__open(o->output) : STDERR_FILENO;
	if (r->out_fd < 0)
		return -1;
	registry__specs(r->specs);
	tracer_opts__from(&r->topts, o, r->specs);
	if (tracer__start(&r->tr, &r->topts))
		return -1;
	if (decoder__init(&r->dec, &dopts) || outbuf__init(&r->ob, r->out_fd, OUTBUF_SIZE)) {
		warn("out of memory");
		return -1;
	}
	sink__setup(&r->sink, o, &r->ob, r->topts.ts_exact);
	copts.attach = r->topts.attach_mode != SO_ATTACH_NONE;
	if (consumer__init(&r->cons, &r->dec, &r->sink, &copts) ||
	    consumer__attach(&r->cons, tracer__ring_fd(&r->tr), o->ring_size)) {
		warn("cannot read the ring buffer: %s", strerror(errno));
		return -1;
	}
	return o->record ? record__open(r, o->record) : 0;
}

/* True when what is traced has ended: the command and every task followed from it, or every
 * attached process (-p). --system-wide never ends by itself. */
static bool trace__done(struct run *r)
{
	if (r->o->cmd)
		return launch__reap(&r->l, false) && tracer__no_tasks(&r->tr);
	return !r->o->system_wide && attach__all_gone(&r->a) && tracer__no_tasks(&r->tr);
}

/* Drain records until what is traced has ended, or until a signal stops tracing. */
static int trace__loop(struct run *r, bool live)
{
	static struct live lv;
	bool cmd = r->o->cmd != NULL;
	int n, idle = 0;

	for (;;) {
		n = consumer__poll(&r->cons, POLL_MS);
		if (n < 0 && n != -EINTR) {
			warn("reading the ring buffer: %s", strerror(-n));
			return n;
		}
		if (forward_sig && cmd) {
			kill(r->l.pid, forward_sig);
			forward_sig = 0;
		}
		/* a command gets the first signal (it is its own to handle), an attached process
		 * none: stop tracing, what is traced goes on */
		if (trace__done(r) || stop_signals > (cmd ? 1 : 0)) {
			/* everything the tasks did is in the ring by now */
			while (consumer__poll(&r->cons, 0) > 0)
				;
			return 0;
		}
		idle = n > 0 ? 0 : idle + 1;
		if (live && idle && idle % LIVE_IDLE_POLLS == 0)
			live__tick(&lv, &r->cons);
		if (n > 0 || outbuf__col(&r->ob) == 0)
			outbuf__flush(&r->ob);
	}
}

static bool live_default(const struct opts *o, int out_fd)
{
	if (o->live >= 0)
		return o->live;
	return !o->json && !o->summary_only && isatty(out_fd);
}

/* The command's end when the kernel's exit record was lost or came from an untraced thread. */
static void exit__from_wait(struct run *r)
{
	int s = r->l.status;
	struct proc_exit e = {
		.tgid = r->l.pid,
		.tid = r->l.pid,
		.signaled = WIFSIGNALED(s),
		.sig = WIFSIGNALED(s) ? WTERMSIG(s) : 0,
		.core = WIFSIGNALED(s) && WCOREDUMP(s),
		.code = WIFEXITED(s) ? WEXITSTATUS(s) : 0,
	};

	r->sink.ops->proc_exit(&r->sink, &e);
}

int run__command(struct run *r, const char *path, int *status)
{
	char *const *cmd = r->o->cmd;
	int err;

	*status = EXIT_SETUP;
	err = launch__fork(&r->l, path, cmd);
	if (err) {
		warn("cannot fork: %s", strerror(-err));
		return -1;
	}
	err = tracer__add_task(&r->tr, r->l.pid, r->l.pid, true);
	if (err) {
		warn("cannot add pid %d to the filter: %s", r->l.pid, strerror(-err));
		return -1;
	}
	consumer__add_task(&r->cons, r->l.pid, r->l.pid);
	err = launch__release(&r->l);
	if (err) {
		warn("cannot execute '%s': %s", cmd[0], strerror(err));
		*status = err == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC;
		return -1;
	}
	if (trace__loop(r, live_default(r->o, r->out_fd)))
		return -1;
	consumer__flush_exits(&r->cons);
	/* stopped by a second signal: the command goes on, untraced, and we do not wait for it */
	if (!r->l.reaped && stop_signals < 2)
		launch__reap(&r->l, true);
	*status = r->l.reaped ? launch__exit_status(r->l.status) : 128 + SIGINT;
	if (!r->cons.exit_seen && r->l.reaped)
		exit__from_wait(r);
	return 0;
}

int run__attached(struct run *r)
{
	const struct opts *o = r->o;

	/* what runs goes on when we stop; we exit 0 */
	if (!o->system_wide && attach__start(&r->a, &r->tr, &r->cons, o->pids, o->npids, o->follow))
		return -1;
	if (trace__loop(r, live_default(o, r->out_fd)))
		return -1;
	consumer__flush_exits(&r->cons);
	return 0;
}

static void summary__report(struct run *r)
{
	static struct so_count counts[SO_NR_SLOTS];
	FILE *f = fdopen(dup(r->out_fd), "w");

	if (!f)
		return;
	if (!tracer__counts(&r->tr, counts))
		summary__print(f, counts, SO_NR_SLOTS, r->o->json);
	fclose(f);
}

int run__report(struct run *r, int status)
{
	struct run_totals tot = {
		.records = r->cons.records,
		.calls = r->cons.calls,
		.lost = tracer__stat(&r->tr, SO_STAT_DROPPED),
		.untracked = tracer__stat(&r->tr, SO_STAT_TASKS_FULL),
		.have_status = true,
		.exit_status = status,
	};

	r->sink.ops->finish(&r->sink, &tot);
	outbuf__flush(&r->ob);
	if (r->o->summary)
		summary__report(r);
	if (r->ob.failed)
		warn("writing the trace: %s", strerror(r->ob.err));
	warn("%llu events lost%s", (unsigned long long)tot.lost,
	     tot.untracked ? " (and tasks not followed: the tasks map was full)" : "");
	if (r->o->strict && (tot.lost || r->cons.gap_lost || tot.untracked)) {
		warn("--strict: events were lost, exiting with %d", EXIT_LOST);
		return EXIT_LOST;
	}
	return status;
}

void run__close(struct run *r)
{
	if (r->l.pid > 0 && !r->l.reaped && r->l.gate_fd >= 0) {
		/* we are going away: never leave the command held at the gate */
		kill(r->l.pid, SIGKILL);
		launch__reap(&r->l, true);
	}
	attach__close(&r->a);
	consumer__free(&r->cons);
	if (r->raw.buf) {
		outbuf__flush(&r->raw);
		close(r->raw.fd);
		outbuf__free(&r->raw);
	}
	outbuf__free(&r->ob);
	decoder__free(&r->dec);
	tracer__stop(&r->tr);
	if (r->out_fd > STDERR_FILENO)
		close(r->out_fd);
}
