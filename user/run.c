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
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "lib/fmt.h"
#include "lib/warn.h"
#include "decode/fdpath.h"
#include "decode/names/xlat.h"
#include "decode/registry.h"
#include "decode/stack.h"
#include "output/comm.h"
#include "output/summary.h"
#include "output/tracefile.h"
#include "consume/live.h"
#include "run.h"

_Static_assert(INJECT_MARK_ANSWERED == TAMPER_INJECTED && INJECT_MARK_DELAYED == TAMPER_DELAYED,
	       "the supervisor's marks are the call's tamper bits");

#define POLL_MS		10		/* records come without wakeups: how often to look */
#define OUTBUF_SIZE	(1 << 20)

static volatile sig_atomic_t stop_signals;
static volatile sig_atomic_t forward_sig;

static void on_signal(int sig)
{
	stop_signals++;
	if (sig != SIGINT)
		forward_sig = sig;	/* the terminal sends SIGINT to the command itself */
}

static void on_sigpipe(int sig)
{
	(void)sig;	/* the write that caused it fails with EPIPE: the trace is lost, not us */
}

int run__signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa = { .sa_handler = on_signal }, pipe_sa = { .sa_handler = on_sigpipe };
	struct sigaction old;
	unsigned int i;

	/* handlers, not SIG_IGN: exec resets handlers, an ignored signal would stay ignored */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL))
			return -errno;
	/* a reader of the trace that goes away must not kill us (and so lose the command's
	 * status); the command keeps the SIGPIPE it would have had: an ignored one stays ignored,
	 * a handler becomes the default at its exec */
	sigemptyset(&pipe_sa.sa_mask);
	if (sigaction(SIGPIPE, NULL, &old))
		return -errno;
	if (old.sa_handler != SIG_IGN && sigaction(SIGPIPE, &pipe_sa, NULL))
		return -errno;
	return 0;
}

/* -e raw=all: nothing is decoded, so nothing needs capturing */
static bool raw_all(const struct opts *o)
{
	return o->quals.raw.given && o->quals.raw.all;
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
		.count_wall = o->summary_wall,
		.want_records = !o->summary_only,
		.want_captures = !raw_all(o),
		.want_env = o->quals.abbrev.given && !o->quals.abbrev.all &&
			    !filter__has(&o->quals.abbrev, SO_NR_EXECVE),
		.want_ip = o->show_ip,
		.want_stack = o->stack_traces,
		.no_prepare_exec = o->no_prepare_exec,
		.detach_on_exec = o->detach_on_exec,
		.dump_size = o->quals.dump ? SO_PATH_MAX : 0,	/* the limit of one capture */
		.filter = &o->quals.trace,
		.specs = specs,
		.attach_mode = o->system_wide ? SO_ATTACH_ALL :
			       o->npids && o->follow ? SO_ATTACH_PIDS : SO_ATTACH_NONE,
		.strsize = o->strsize,
		.ring_size = o->ring_size,
		.verbose = o->debug,
	};
}

/* As strace: -f into a file prefixes every line with the pid, --system-wide always. */
static bool expecting(const struct opts *o)
{
	return o->expect_file || o->nexpect_lines;
}

/* --expect without -o: only the verdict, no trace */
static void sink__setup(struct sink *s, const struct opts *o, struct outbuf *ob, bool ts_exact)
{
	*s = (struct sink){
		.ops = o->summary_only || (expecting(o) && !o->output) ? &null_sink_ops :
		       o->json ? &json_sink_ops : &text_sink_ops,
		.ob = ob,
		.show_dur = o->durations,
		.tstamps = o->tstamps,
		.relative = o->relative,
		.ts_exact = ts_exact,
		.quiet_exit = o->quals.quiet & QUIET_EXIT,
		.show_nr = o->show_nr,
		.pid_comm = o->quals.decode_pids & DECODE_PIDS_COMM,
		.dump_read = o->quals.dump ? o->quals.dump_read : NULL,
		.dump_write = o->quals.dump ? o->quals.dump_write : NULL,
		.show_ip = o->show_ip,
		.ts_prec = o->ts_prec >= 0 ? o->ts_prec : o->tstamps == 1 ? 0 : 6,
		.rel_prec = o->rel_prec,
		.dur_prec = o->dur_prec,
		.ret_column = o->columns,
		.sig_hidden = o->quals.sig_hidden,
		.json_version = o->json_version,
		.prefix = o->system_wide && !o->output ? PREFIX_BRACKET :
			  (o->follow || o->system_wide) && o->output ? PREFIX_PLAIN : PREFIX_NONE,
	};
	sink__clock_init(s);
}

/* -o '|CMD' (or '!CMD'), as strace: the trace into a shell command's standard input */
static int trace_pipe__open(struct run *r, const char *cmd)
{
	char q[256];

	if (r->o->record) {
		warn("-o |CMD cannot be combined with --record");
		return EXIT_USAGE;
	}
	r->out_pipe = popen(cmd, "we");
	if (!r->out_pipe) {
		warn("cannot run '%s': %s", quote_msg(q, sizeof(q), cmd), strerror(errno));
		return EXIT_SETUP;
	}
	r->out_fd = fileno(r->out_pipe);
	return 0;
}

/* -o FILE and --record FILE, refused when they are one file; truncated once both are open. */
static int files__open(struct run *r, const struct opts *o)
{
	struct stat out = {}, rec;
	int fd;

	r->out_fd = STDERR_FILENO;
	if (o->output && (o->output[0] == '|' || o->output[0] == '!'))
		return trace_pipe__open(r, o->output + 1);
	/* -ff -o PREFIX: the files are the threads' (output/split.h) */
	if (o->output && !o->separately &&
	    (r->out_fd = tracefile__open(o->output, &out, o->append)) < 0)
		return EXIT_SETUP;
	if (o->record) {
		fd = tracefile__open(o->record, &rec, false);
		if (fd < 0)
			return EXIT_SETUP;
		if (o->output && rec.st_dev == out.st_dev && rec.st_ino == out.st_ino) {
			warn("-o and --record name the same file: give two");
			close(fd);
			return EXIT_USAGE;
		}
		if (S_ISREG(rec.st_mode) && ftruncate(fd, 0))
			warn("cannot truncate the --record file: %s", strerror(errno));
		if (outbuf__init(&r->raw, fd, OUTBUF_SIZE)) {
			warn("out of memory");
			close(fd);
			return EXIT_SETUP;
		}
	}
	if (o->output && !o->append && S_ISREG(out.st_mode) && ftruncate(r->out_fd, 0))
		warn("cannot truncate the trace file: %s", strerror(errno));
	return 0;
}

static int expect__load(struct expect *x, const struct opts *o)
{
	unsigned int i;

	if (o->expect_file && expect__add_file(x, o->expect_file))
		return EXIT_USAGE;
	for (i = 0; i < o->nexpect_lines; i++)
		if (expect__add_line(x, o->expect_lines[i]))
			return EXIT_USAGE;
	return 0;
}

/* -E VAR=VAL, -E VAR: the command's environment (sysobs's own, which it inherits) */
static void env__apply(const struct opts *o)
{
	char name[256];
	int i;

	for (i = 0; i < o->nenv; i++) {
		const char *eq = strchr(o->env[i], '=');

		if (eq && (size_t)(eq - o->env[i]) < sizeof(name)) {
			memcpy(name, o->env[i], eq - o->env[i]);
			name[eq - o->env[i]] = 0;
			setenv(name, eq + 1, 1);
		} else if (!eq) {
			unsetenv(o->env[i]);
		}
	}
}

/*
 * The command is forked before the BPF side is loaded: the child is held at the gate until its
 * pid is in the kernel's filter (run__command), so nothing of it is missed, and meanwhile it is
 * a copy of a small process (a cheaper fork, and its exec has little to tear down) instead of
 * one with libbpf's heap and the ring mapped.
 */
static int launch__early(struct run *r, const char *path)
{
	/* -c alone has no call lines to mark */
	struct launch_inject inj = { r->o->quals.inject,
				     r->o->summary_only ? NULL : &r->o->quals.trace,
				     r->o->follow, &r->sv };
	int err;

	env__apply(r->o);
	err = launch__fork(&r->l, path, r->o->cmd, &r->cred, &inj);
	if (err)
		warn("cannot fork: %s", strerror(-err));
	return err;
}

/* The decoder's options from the user's (-s, -X, -e raw=/abbrev=/verbose=, -y, -P, -k) */
static void decode_opts__from(struct decode_opts *d, const struct opts *o)
{
	*d = (struct decode_opts){
		.strsize = o->strsize,
		.raw = raw_all(o),
		.raw_set = o->quals.raw.given ? o->quals.raw.mask : NULL,
		.abbrev_set = o->quals.abbrev.given && !o->quals.abbrev.all ?
			      o->quals.abbrev.mask : NULL,
		.verbose_set = o->quals.verbose.given && !o->quals.verbose.all ?
			       o->quals.verbose.mask : NULL,
		.fd_paths = o->quals.decode_fds & (DECODE_FDS_PATH | DECODE_FDS_SOCKET),
		.fd_sockets = o->quals.decode_fds & DECODE_FDS_SOCKET,
		.fd_track = o->npaths > 0,
		.stack_traces = o->stack_traces,
	};
}

int run__open(struct run *r, const struct opts *o, const char *path)
{
	struct decode_opts dopts;
	struct consumer_opts copts = {
		.follow = o->follow || o->system_wide,
		.fixed_prefix = o->system_wide,
		.status_hidden = STATUS_ALL & ~o->quals.status,
		.tampered = o->quals.inject ? supervisor__marked : NULL,
		.tampered_ctx = &r->sv,
		/* -k with -e trace=: the kernel sends the calls that map files too (tracer.c) */
		.shown = o->stack_traces && o->quals.trace.given && !o->quals.trace.all ?
			 o->quals.trace.mask : NULL,
		.decode_all = o->stack_traces,
	};
	char q[256];
	int err;

	decode_opts__from(&dopts, o);
	r->o = o;
	r->l.pid = -1;
	r->l.pidfd = -1;
	quote__set_hex(o->hex_strings);
	xlat__set_style(o->const_style);
	r->raw.fd = -1;
	r->out_fd = -1;
	if (o->user && (err = launch__user(&r->cred, o->user))) {
		warn("cannot run as user '%s': %s", quote_msg(q, sizeof(q), o->user),
		     err == ENOENT ? "no such user" : strerror(err));
		return EXIT_USAGE;
	}
	err = expect__load(&r->ex, o);
	if (!err)
		err = files__open(r, o);
	if (err)
		return err;
	if (o->cmd && launch__early(r, path))
		return EXIT_SETUP;
	registry__specs(r->specs);
	tracer_opts__from(&r->topts, o, r->specs);
	if (tracer__start(&r->tr, &r->topts))
		return EXIT_SETUP;
	if (decoder__init(&r->dec, &dopts) || outbuf__init(&r->ob, r->out_fd, OUTBUF_SIZE)) {
		warn("out of memory");
		return EXIT_SETUP;
	}
	sink__setup(&r->sink, o, &r->ob, r->topts.ts_exact);
	r->out = &r->sink;
	if (o->separately && o->output) {
		split__start(&r->split, &r->sink, o->output, o->append, &r->ob);
		r->out = &r->split.sink;
	}
	if (o->npaths) {
		pathtrace__start(&r->pt, r->out, o->paths, o->npaths);
		r->out = &r->pt.sink;
	}
	if (expecting(o) || o->seccomp_profile) {
		tee__start(&r->tee, r->out);
		r->out = &r->tee.sink;
	}
	if (expecting(o)) {
		if (expect__start(&r->ex))
			return EXIT_SETUP;
		tee__add(&r->tee, &r->ex.obs);
	}
	if (o->seccomp_profile) {
		profile__start(&r->prof);
		tee__add(&r->tee, &r->prof.obs);
	}
	copts.attach = r->topts.attach_mode != SO_ATTACH_NONE;
	if (consumer__init(&r->cons, &r->dec, r->out, &copts) ||
	    consumer__attach(&r->cons, tracer__ring_fd(&r->tr), o->ring_size)) {
		warn("cannot read the ring buffer: %s", strerror(errno));
		return EXIT_SETUP;
	}
	consumer__ends_from(&r->cons, tracer__ends(&r->tr));
	if (r->raw.buf)
		consumer__record_to(&r->cons, &r->raw);
	return 0;
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
	int n, polls = 0;
	bool ticked;

	lv.specs = r->specs;
	lv.strsize = r->o->strsize;
	lv.shown = r->o->quals.trace.given && !r->o->quals.trace.all ? r->o->quals.trace.mask : NULL;

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
		ticked = live && ++polls % (LIVE_TICK_MS / POLL_MS) == 0;
		if (ticked)
			live__tick(&lv, &r->cons);
		/* a blocked call's open line ("read(3, ") is shown at once, as strace's */
		if (n > 0 || ticked || outbuf__col(&r->ob) == 0)
			outbuf__flush(&r->ob);
	}
}

static bool live_default(const struct opts *o, int out_fd)
{
	if (o->live >= 0)
		return o->live;
	return !o->summary_only && !(expecting(o) && !o->output);
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

	r->out->ops->proc_exit(r->out, &e);
}

int run__command(struct run *r, int *status)
{
	char *const *cmd = r->o->cmd;
	char q[256];
	int err;

	*status = EXIT_SETUP;
	err = tracer__add_task(&r->tr, r->l.pid, r->l.pid, true);
	if (err) {
		warn("cannot add pid %d to the filter: %s", r->l.pid, strerror(-err));
		return -1;
	}
	consumer__add_task(&r->cons, r->l.pid, r->l.pid);
	consumer__wake_on(&r->cons, r->l.pid > 0 ? r->l.pidfd : -1);
	/* -Y: its name until its exec (which renames it only when traced: else /proc tells) */
	if ((r->o->quals.decode_pids & DECODE_PIDS_COMM) &&
	    filter__has(&r->o->quals.trace, SO_NR_EXECVE))
		comm__exec(r->l.pid, r->l.pid, "sysobs", 6);
	if ((r->o->quals.decode_fds & DECODE_FDS_PATH) || r->o->npaths)
		fdpath__seed(r->l.pid);	/* -e trace= may leave its execve out */
	err = launch__release(&r->l);
	if (err && r->l.fail_stage == LAUNCH_CRED) {
		warn("cannot take the credentials of user '%s': %s",
		     quote_msg(q, sizeof(q), r->o->user), strerror(err));
		return -1;
	}
	if (err && r->l.fail_stage == LAUNCH_INJECT) {
		warn("cannot set up -e inject=: %s", strerror(err));
		return -1;
	}
	if (err) {
		warn("cannot execute '%s': %s", quote_msg(q, sizeof(q), cmd[0]), strerror(err));
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
	if (r->l.reaped && WIFSIGNALED(r->l.status))
		r->killed_by = WTERMSIG(r->l.status);
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
	struct summary_opts so = { .sort = r->o->sort_by, .overhead_ns = r->o->overhead_ns,
				   .shown = r->cons.shown };
	FILE *f = fdopen(dup(r->out_fd), "w");

	if (!f)
		return;
	memcpy(so.columns, r->o->sum_columns, sizeof(so.columns));
	if (!tracer__counts(&r->tr, counts))
		summary__print(f, counts, SO_NR_SLOTS,
			       r->o->json ? (r->o->json_version ? r->o->json_version : 2) : 0, &so);
	if ((ferror(f) | fclose(f)) && !r->ob.failed) {
		r->ob.failed = true;	/* the table is part of the trace */
		r->ob.err = errno;
	}
}

int run__report(struct run *r, int status)
{
	struct run_totals tot = {
		.records = r->cons.records,
		.calls = r->o->summary_only ? 0 : r->cons.calls,	/* -c: no call is written */
		.lost = tracer__stat(&r->tr, SO_STAT_DROPPED),
		.untracked = tracer__stat(&r->tr, SO_STAT_TASKS_FULL),
		.have_status = true,
		.exit_status = status,
	};
	uint64_t lost;

	/* JSON: the counts, then the summary, always the last line (-c has no trace to end) */
	if (r->o->summary && r->o->json) {
		outbuf__flush(&r->ob);
		summary__report(r);
		json_sink_ops.finish(r->out, &tot);
	} else {
		r->out->ops->finish(r->out, &tot);
	}
	split__free(&r->split);
	outbuf__flush(&r->ob);
	if (r->o->summary && !r->o->json)
		summary__report(r);
	if (r->ob.failed)
		warn("the trace could not be written (%s): it is incomplete", strerror(r->ob.err));
	/* as strace: nothing to say when nothing was lost */
	if (tot.lost || tot.untracked)
		warn("%llu events lost%s", (unsigned long long)tot.lost,
		     tot.untracked ? " (and tasks not followed: the tasks map was full)" : "");
	if ((lost = tracer__stat(&r->tr, SO_STAT_SIGS_FULL)))
		warn("%llu ignored signals not shown (more than %d between two syscalls of a thread)",
		     (unsigned long long)lost, SO_SIGSLOTS);
	if (r->o->strict && r->ob.failed) {
		warn("--strict: the trace is incomplete, exiting with %d", EXIT_TRACE_LOST);
		return EXIT_TRACE_LOST;
	}
	if (r->o->strict && (tot.lost || r->cons.gap_lost || tot.untracked)) {
		warn("--strict: events were lost, exiting with %d", EXIT_LOST);
		return EXIT_LOST;
	}
	lost = tot.lost + r->cons.gap_lost + tot.untracked;
	if (r->o->seccomp_profile && profile__write(&r->prof, r->o->seccomp_profile, lost))
		return lost ? EXIT_LOST : EXIT_SETUP;
	if (expecting(r->o) && !expect__verdict(&r->ex, lost))
		return EXIT_EXPECT;
	return status;
}

/* As strace: end by the signal that ended the command, so that shells see it (a loop stops at
 * Ctrl-C). No core of ours: it would clobber the command's. */
void run__die_like(int sig)
{
	struct rlimit no_core = { 0, 0 };
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t set;

	setrlimit(RLIMIT_CORE, &no_core);
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	/* not fatal after all (the caller exits 128 + sig) */
}

void run__close(struct run *r)
{
	if (r->l.pid > 0 && !r->l.reaped && r->l.gate_fd >= 0) {
		/* we are going away: never leave the command held at the gate */
		kill(r->l.pid, SIGKILL);
		launch__reap(&r->l, true);
	}
	attach__close(&r->a);
	launch__close(&r->l);
	if (r->o->quals.inject)
		supervisor__stop(&r->sv);
	/* left to the helper too: its exit unmaps the ring (a 16 MiB munmap, ~1 ms) */
	if (!r->leave_bpf)
		consumer__free(&r->cons);
	split__free(&r->split);
	pathtrace__free(&r->pt);
	if (r->raw.buf) {
		outbuf__flush(&r->raw);
		close(r->raw.fd);
		outbuf__free(&r->raw);
	}
	outbuf__free(&r->ob);
	expect__free(&r->ex);
	decoder__free(&r->dec);
	stack__free();
	if (!r->leave_bpf)
		tracer__stop(&r->tr);
	free((char *)r->cred.user);
	if (r->out_pipe)
		pclose(r->out_pipe);	/* waits for the command reading the trace */
	else if (r->out_fd > STDERR_FILENO)
		close(r->out_fd);
}
