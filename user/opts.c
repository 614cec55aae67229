// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <argp.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fmt.h"
#include "opts.h"
#include "consume/consumer.h"
#include "output/summary.h"
#include "optvals.h"
#include "version.h"
#include <linux/types.h>
#include "sysobs.h"

static void print_version(FILE *f, struct argp_state *st)
{
	(void)st;
	version__print(f);
}

void (*argp_program_version_hook)(FILE *, struct argp_state *) = print_version;
const char *argp_program_bug_address = NULL;

static const char doc[] =
	"sysobs -- trace the system calls of a command, with eBPF.\n"
	"\n"
	"Prints every syscall the command makes (name, arguments, return value) from its execve "
	"to its exit, like strace, on stderr or to -o FILE. The command's own output and exit "
	"status pass through unchanged.\n"
	"\n"
	"EXAMPLES:\n"
	"    sysobs -- ./target            trace ./target\n"
	"    sysobs -f -- make             follow forks and threads\n"
	"    sysobs -o trace.txt -- ls /   write the trace to a file\n"
	"    sysobs --json -o t.jsonl -- ls   JSON Lines (schema: docs/json.md)\n"
	"    sysobs --expect-line 'openat(... \"/etc/hostname\" ...) = 3' -- cat /etc/hostname\n"
	"                                  assert a call (docs/assertions.md)\n"
	"    sysobs -c -- ls               count calls, errors and time per syscall\n"
	"    sysobs -T -s 256 -- cat /etc/hostname   durations, longer strings\n"
	"    sysobs -f -p 1234             attach to a running process and its threads\n"
	"    sysobs -e inject=openat:error=ENOENT:when=2 -- ./prog\n"
	"                                  its second openat fails (docs/inject.md)\n"
	"    sysobs --system-wide -o all.txt   every process on the machine (Ctrl-C stops)\n"
	"\v"
	"Exit status: the command's (killed by signal N: sysobs ends by N too), 0 with -p and "
	"--system-wide; "
	"1 when tracing cannot start (not root, no BTF, no such process); 2 for a bad command "
	"line; 3 with --strict when the trace could not be written; 123 when an --expect pattern "
	"was not met (or a '!' one was); 125 with --strict when events were lost, and with "
	"--seccomp-profile when no profile was written because events were lost; 126 when the "
	"command cannot be executed; 127 when it is not found.";

static const char args_doc[] = "-- COMMAND [ARG...]\n-p PID [-p PID...]\n--system-wide";

enum {
	OPT_JSON = 0x100,
	OPT_RING,
	OPT_STRICT,
	OPT_NO_PREPARE_EXEC,
	OPT_RECORD,
	OPT_LIVE,
	OPT_NO_LIVE,
	OPT_SYSTEM_WIDE,
	OPT_TRACE,
	OPT_SECCOMP,
	OPT_HEX,
	OPT_ABS_TS,
	OPT_REL_TS,
	OPT_DUR_TS,
	OPT_EXPECT,
	OPT_EXPECT_LINE,
	OPT_SECCOMP_PROFILE,
	OPT_SEPARATELY,
	OPT_TIPS,
	OPT_QUAL,	/* OPT_QUAL + i: --QUAL=SET, qual_longs[i] */
};

/* The long forms of -e QUAL=SET, and what each means without a SET (NULL: a SET is needed) */
enum qual_long {
	QL_SIGNAL, QL_STATUS, QL_QUIET, QL_SILENT, QL_SILENCE, QL_ABBREV, QL_VERBOSE, QL_RAW,
	QL_DECODE_FDS, QL_DECODE_PIDS, QL_READ, QL_WRITE, QL_INJECT, QL_FAULT, QL_KVM, QL_COUNT
};

static const struct {
	const char *name;
	const char *bare;
} qual_longs[QL_COUNT] = {
	[QL_SIGNAL] = { "signal", NULL }, [QL_STATUS] = { "status", NULL },
	[QL_QUIET] = { "quiet", "attach,personality" },
	[QL_SILENT] = { "silent", "attach,personality" },
	[QL_SILENCE] = { "silence", "attach,personality" },
	[QL_ABBREV] = { "abbrev", NULL }, [QL_VERBOSE] = { "verbose", NULL },
	[QL_RAW] = { "raw", NULL }, [QL_DECODE_FDS] = { "decode-fds", "path" },
	[QL_DECODE_PIDS] = { "decode-pids", NULL }, [QL_READ] = { "read", NULL },
	[QL_WRITE] = { "write", NULL }, [QL_INJECT] = { "inject", NULL },
	[QL_FAULT] = { "fault", NULL }, [QL_KVM] = { "kvm", NULL },
};

/* Grouped as strace's --help: general, startup, tracing, filtering, output format, statistics,
 * miscellaneous; then what sysobs adds. */
enum { G_GENERAL = 1, G_STARTUP, G_TRACING, G_FILTER, G_FORMAT, G_STATS, G_MISC, G_SYSOBS };

/* --QUALIFIER=SET, the same as -e QUALIFIER=SET */
#define QUAL(id, name, arg, flags, doc, group) { name, OPT_QUAL + id, arg, flags, doc, group }

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "General:", G_GENERAL },
	{ NULL, 'e', "EXPR", 0,
	  "QUALIFIER=[!]SET, a QUALIFIER of trace, signal, status, quiet, abbrev, verbose, "
	  "raw, read, write, decode-fds, decode-pids, inject, fault (each also as "
	  "--QUALIFIER=SET); a bare SET is trace=SET",
	  G_GENERAL },
	{ NULL, 0, NULL, 0, "Startup:", G_STARTUP },
	{ "attach", 'p', "PID", 0,
	  "Trace the running process PID instead of a command (repeatable, or PID,PID...; "
	  "with -f all its threads and children); Ctrl-C stops tracing, the process goes on",
	  G_STARTUP },
	{ "user", 'u', "USER", 0,
	  "Run the command as USER (its uid, gid and groups, no capabilities; needs root)",
	  G_STARTUP },
	{ "env", 'E', "VAR=VAL", 0, "Put VAR=VAL in the command's environment; -E VAR takes VAR "
	  "out (repeatable)", G_STARTUP },
	{ NULL, 0, NULL, 0, "Tracing:", G_TRACING },
	{ "follow-forks", 'f', NULL, 0, "Trace child processes and threads too; -ff with -o "
	  "PREFIX: each thread's lines in PREFIX.TID, without the pid", G_TRACING },
	{ "output-separately", OPT_SEPARATELY, NULL, 0, "With -o PREFIX, each thread's lines in "
	  "PREFIX.TID (-ff is -f with it)", G_TRACING },
	{ "detach-on", 'b', "SYSCALL", 0, "execve (the only one): stop tracing a process when "
	  "it calls execve, its line ending in <detached ...> (not the command's own first "
	  "exec)", G_TRACING },
	{ "daemonize", 'D', NULL, OPTION_ARG_OPTIONAL,
	  "Accepted, no meaning: an eBPF tracer is no parent of the command", G_TRACING },
	{ "interruptible", 'I', "N", 0,
	  "Accepted, no meaning: the command is never stopped, so never blocked", G_TRACING },
	{ NULL, 0, NULL, 0, "Filtering:", G_FILTER },
	{ "trace", OPT_TRACE, "SET", 0,
	  "Show only these syscalls: names, numbers, all, none, /REGEX, ?NAME, NAME@64, "
	  "strace's classes (%file %desc %process %network %signal %ipc %memory %creds %clock "
	  "%stat %lstat %fstat %%stat %statfs %fstatfs %%statfs %pure); !SET leaves them out; "
	  "counted alike by -c", G_FILTER },
	QUAL(QL_SIGNAL, "signal", "SET", 0, "Show only the signals in SET", G_FILTER),
	QUAL(QL_STATUS, "status", "SET", 0, "Show only calls that returned so: successful, failed, "
	     "unfinished, unavailable, detached", G_FILTER),
	{ "trace-path", 'P', "PATH", 0, "Show only the calls that touch PATH: by name, or by an "
	  "fd open on it (repeatable)", G_FILTER },
	{ "successful-only", 'z', NULL, 0, "Show only calls that returned without an error",
	  G_FILTER },
	{ "failed-only", 'Z', NULL, 0, "Show only calls that returned an error", G_FILTER },
	{ NULL, 0, NULL, 0, "Output format:", G_FORMAT },
	QUAL(QL_ABBREV, "abbrev", "SET", 0, "Abbreviate these calls' structures (all: the default; "
	     "none, as -v: struct stat in full)", G_FORMAT),
	QUAL(QL_VERBOSE, "verbose", "SET", 0, "Dereference these calls' structures (all: the default; "
	     "the others show their addresses)", G_FORMAT),
	QUAL(QL_RAW, "raw", "SET", 0, "Print these calls undecoded: every argument and the return "
	     "value in hex", G_FORMAT),
	QUAL(QL_QUIET, "quiet", "SET", OPTION_ARG_OPTIONAL, "Suppress messages: attach, exit, "
	     "path-resolution, personality, thread-execve; bare: attach,personality", G_FORMAT),
	QUAL(QL_SILENT, "silent", "SET", OPTION_ARG_OPTIONAL | OPTION_ALIAS, NULL, G_FORMAT),
	QUAL(QL_SILENCE, "silence", "SET", OPTION_ARG_OPTIONAL | OPTION_ALIAS, NULL, G_FORMAT),
	QUAL(QL_DECODE_FDS, "decode-fds", "SET", OPTION_ARG_OPTIONAL,
	     "path: the path behind fds (also -y); socket: and sockets' protocols and endpoints "
	     "(-yy); dev, pidfd: accepted, shown as path",
	     G_FORMAT),
	QUAL(QL_DECODE_PIDS, "decode-pids", "SET", 0, "comm: pids with their command name, "
	     "1234<cat> (also -Y); pidns: accepted, no effect", G_FORMAT),
	QUAL(QL_READ, "read", "SET", 0, "Dump in hex and ASCII the data read from these fds "
	     "(at most 4096 bytes a call)", G_FORMAT),
	QUAL(QL_WRITE, "write", "SET", 0, "The same for the data written to these fds", G_FORMAT),
	QUAL(QL_KVM, "kvm", "vcpu", 0, "Not supported (docs/strace-parity.md)", G_FORMAT),
	QUAL(QL_INJECT, "inject", "SET:...", 0, "Tamper with these calls of the command (not with "
	     "-p): SET[:error=ERRNO|:retval=N][:signal=SIG][:delay_enter=T][:delay_exit=T]"
	     "[:syscall=PURE][:when=N|N+|N+STEP|N..M]; counted per thread and syscall; "
	     "docs/inject.md", G_FILTER),
	QUAL(QL_FAULT, "fault", "SET:...", 0, "inject= with error=ENOSYS unless error= is given: "
	     "SET[:error=ERRNO][:when=EXPR]", G_FILTER),
	{ "output", 'o', "FILE", 0, "Write the trace to FILE instead of stderr; |CMD or !CMD: "
	  "into the standard input of the shell command CMD", G_FORMAT },
	{ "output-append-mode", 'A', NULL, 0, "Append to -o FILE, not truncate it", G_FORMAT },
	{ "columns", 'a', "N", 0, "Put \"= ret\" at column N (40)", G_FORMAT },
	{ "instruction-pointer", 'i', NULL, 0, "Show where each call returns to in the program: "
	  "[00007f0123456789] write(...)", G_FORMAT },
	{ "stack-traces", 'k', NULL, 0, "Show the program's stack after each call, as strace: \" > "
	  "libc.so.6(__write+0x10) [0xf8350]\" (docs/stack-traces.md)", G_FORMAT },
	{ "syscall-number", 'n', NULL, 0, "Show the syscall number: [  39] getpid()", G_FORMAT },
	{ NULL, 'q', NULL, 0, "Suppress the attach and personality messages (as "
	  "--quiet=attach,personality); twice: and the exit ones; thrice: all", G_FORMAT },
	{ NULL, 'r', NULL, 0, "Prefix each line with the time since the previous one",
	  G_FORMAT },
	{ "relative-timestamps", OPT_REL_TS, "PRECISION", OPTION_ARG_OPTIONAL,
	  "-r, in s, ms, us (the default) or ns", G_FORMAT },
	{ "string-limit", 's', "N", 0, "Show at most N bytes of strings and buffers (32)",
	  G_FORMAT },
	{ NULL, 't', NULL, 0,
	  "Prefix each line with the time of day; -tt adds microseconds, -ttt gives seconds "
	  "since the epoch (the time the call returned)", G_FORMAT },
	{ "absolute-timestamps", OPT_ABS_TS, "[format:]FMT,[precision:]PREC",
	  OPTION_ARG_OPTIONAL, "FMT: none, time (the default) or unix; PREC: s (the default), "
	  "ms, us or ns", G_FORMAT },
	{ "timestamps", OPT_ABS_TS, NULL, OPTION_ALIAS, NULL, G_FORMAT },
	{ NULL, 'T', NULL, 0, "Show the time spent in each syscall", G_FORMAT },
	{ "syscall-times", OPT_DUR_TS, "PRECISION", OPTION_ARG_OPTIONAL,
	  "-T, in s, ms, us (the default) or ns", G_FORMAT },
	{ NULL, 'x', NULL, 0, "Strings with a non-ASCII byte in hex; -xx: every string",
	  G_FORMAT },
	{ "strings-in-hex", OPT_HEX, "WHICH", OPTION_ARG_OPTIONAL, "all (-xx, the default), "
	  "non-ascii (-x), non-ascii-chars (those bytes as \\xHH, not octal), none", G_FORMAT },
	{ "no-abbrev", 'v', NULL, 0, "The same as --abbrev=none: structures in full",
	  G_FORMAT },
	{ "const-print-style", 'X', "FORMAT", 0, "Constants and flags: abbrev (names, the "
	  "default), raw (numbers: 0x80000), verbose (0x80000 /* O_CLOEXEC */)", G_FORMAT },
	{ NULL, 'Y', NULL, 0, "Show pids with their command name: [pid 1234<cat>], getpid() = "
	  "1234<cat>, kill(1234<cat>, ...) (as --decode-pids=comm)", G_FORMAT },
	{ NULL, 'y', NULL, 0,
	  "Show the path behind file descriptors, 3</etc/hostname> (read from /proc/PID/fd "
	  "when the record is decoded, remembered until the fd is closed); -yy: sockets with "
	  "protocol and endpoints, 3<UDP:[127.0.0.1:5300->127.0.0.1:9]>",
	  G_FORMAT },
	{ NULL, 0, NULL, 0, "Statistics:", G_STATS },
	{ "summary-only", 'c', NULL, 0, "Count time, calls and errors per syscall; no trace",
	  G_STATS },
	{ "summary", 'C', NULL, 0, "Like -c, and print the trace too", G_STATS },
	{ "summary-syscall-overhead", 'O', "OVERHEAD[UNIT]", 0, "Take OVERHEAD (s, ms, us: the "
	  "default, ns) off each call's time in -c", G_STATS },
	{ "summary-sort-by", 'S', "SORTBY", 0, "Sort -c's rows by time (the default), avg-time, "
	  "calls, errors, name or nothing (the syscall number)", G_STATS },
	{ "summary-columns", 'U', "COLUMNS", 0, "-c's columns, in order: time-percent, "
	  "total-time, avg-time, calls, errors, name", G_STATS },
	{ "summary-wall-clock", 'w', NULL, 0, "-c's time is wall-clock time in the call (the "
	  "default: the time it ran on a CPU, strace's system time)", G_STATS },
	{ NULL, 0, NULL, 0, "Miscellaneous:", G_MISC },
	{ "debug", 'd', NULL, 0, "Show sysobs's and libbpf's own messages", G_MISC },
	{ NULL, 'h', NULL, 0, "The same as --help", G_MISC },
	{ "tips", OPT_TIPS, "[[id:]ID][,format:FORMAT]", OPTION_ARG_OPTIONAL, "Show a tip on "
	  "using sysobs at the end (ID: a number or random; FORMAT: none, compact, full)", G_MISC },
	{ "seccomp-bpf", OPT_SECCOMP, NULL, 0,
	  "Accepted, no meaning: the eBPF programs already see only the traced tasks' calls",
	  G_MISC },
	{ NULL, 0, NULL, 0, "sysobs's own:", G_SYSOBS },
	{ "json", OPT_JSON, "VERSION", OPTION_ARG_OPTIONAL,
	  "JSON Lines instead of text, schema 2 (docs/json.md); --json=1 for schema 1 "
	  "(deprecated)", G_SYSOBS },
	{ "system-wide", OPT_SYSTEM_WIDE, NULL, 0,
	  "Trace every process on the machine but sysobs itself (Ctrl-C stops)", G_SYSOBS },
	{ "ring-size", OPT_RING, "SIZE", 0,
	  "Ring buffer size (power of two, K/M suffix; default 16M)", G_SYSOBS },
	{ "record", OPT_RECORD, "FILE", 0,
	  "Also save the raw records to FILE (for tests/bench's consumer benchmark)", G_SYSOBS },
	{ "live", OPT_LIVE, NULL, 0,
	  "Show calls that block while they block (default when the trace goes to a terminal)",
	  G_SYSOBS },
	{ "no-live", OPT_NO_LIVE, NULL, 0, "Show calls only when they return", G_SYSOBS },
	{ "strict", OPT_STRICT, NULL, 0,
	  "Exit 125 if any event was lost, 3 if the trace could not be written", G_SYSOBS },
	{ "no-prepare-exec", OPT_NO_PREPARE_EXEC, NULL, 0,
	  "Show execve as kernels before 6.10 do (testing the fallback)", G_SYSOBS },
	{ "expect", OPT_EXPECT, "FILE", 0,
	  "Assert the trace: FILE's patterns (strace's notation, ... for any arguments, * for "
	  "any value, !PATTERN never) must be met in order within one process, else exit 123 "
	  "with the closest lines seen (docs/assertions.md); the trace is written only with -o",
	  G_SYSOBS },
	{ "expect-line", OPT_EXPECT_LINE, "PATTERN", 0,
	  "One --expect pattern (repeatable: in order, one group)", G_SYSOBS },
	{ "seccomp-profile", OPT_SECCOMP_PROFILE, "FILE", 0,
	  "Write an OCI seccomp profile allowing exactly the syscalls seen (with -f, of every "
	  "process) to FILE; none when events were lost (exit 125)", G_SYSOBS },
	{},
};

/* One line and exit 2; the argument is escaped as strace escapes strings. */
static void usage_error(struct argp_state *st, const char *fmt, const char *arg)
{
	char msg[512], q[256];

	snprintf(msg, sizeof(msg), fmt, quote_msg(q, sizeof(q), arg));
	argp_error(st, "%s", msg);
}

/* -p 12,34 or -p "12 34" (optval__pids) */
static void parse_pids(struct argp_state *st, struct opts *o, const char *arg)
{
	int err = optval__pids(arg, o->pids, &o->npids, SO_MAX_PIDS);

	if (err == -EINVAL)
		usage_error(st, "invalid -p '%s': give process ids (numbers above 0)", arg);
	if (err)
		usage_error(st, "too many -p: at most 64 processes, at '%s'", arg);
}

/* The options that only switch something on: a table, not a case each. */
static const struct {
	int key;
	size_t field;	/* offsetof the bool in struct opts */
} switches[] = {
	{ OPT_SYSTEM_WIDE, offsetof(struct opts, system_wide) },
	{ 'T', offsetof(struct opts, durations) },
	{ 'r', offsetof(struct opts, relative) },
	{ OPT_STRICT, offsetof(struct opts, strict) },
	{ OPT_NO_PREPARE_EXEC, offsetof(struct opts, no_prepare_exec) },
	{ 'd', offsetof(struct opts, debug) },
	{ 'n', offsetof(struct opts, show_nr) },
	{ 'i', offsetof(struct opts, show_ip) },
	{ 'k', offsetof(struct opts, stack_traces) },
	{ 'A', offsetof(struct opts, append) },
	{ 'w', offsetof(struct opts, summary_wall) },
};

static bool parse_switch(struct opts *o, int key)
{
	unsigned int i;

	for (i = 0; i < sizeof(switches) / sizeof(switches[0]); i++) {
		if (switches[i].key == key) {
			*(bool *)((char *)o + switches[i].field) = true;
			return true;
		}
	}
	return false;
}

/* The options that take a number. */
static void parse_number(struct argp_state *st, struct opts *o, int key, const char *arg)
{
	bool ok;
	uint64_t v = optval__size(arg, &ok);

	if (key == 'a') {
		if (!ok || v > 4096)
			usage_error(st, "invalid -a '%s': give a column from 0 to 4096", arg);
		o->columns = v;
	} else if (key == 's') {
		if (!ok || v > SO_STRSIZE_MAX)
			usage_error(st, "invalid -s '%s': give a number from 0 to 4096", arg);
		o->strsize = v;
	} else {
		if (!ok || v < 4096 || (v & (v - 1)) || v > (1ull << 30))
			usage_error(st, "invalid --ring-size '%s': a power of two from 4K to 1G",
				    arg);
		o->ring_size = v;
	}
}

static void add_expect_line(struct argp_state *st, struct opts *o, char *arg)
{
	if (o->nexpect_lines == OPTS_MAX_EXPECT_LINES)
		usage_error(st, "too many --expect-line, at '%s': at most 64 (more in an --expect "
			    "file)", arg);
	o->expect_lines[o->nexpect_lines++] = arg;
}

static void parse_end(struct argp_state *st, const struct opts *o)
{
	if (o->cmd && (o->npids || o->system_wide))
		argp_error(st, "a command cannot be combined with -p or --system-wide");
	if (o->npids && o->system_wide)
		argp_error(st, "-p and --system-wide cannot be combined");
	if (o->quals.inject && !o->cmd)
		argp_error(st, "-e inject= and -e fault= need a command that sysobs starts: "
			   "not with -p or --system-wide (docs/inject.md)");
	if ((o->expect_file || o->nexpect_lines || o->seccomp_profile) && o->summary_only)
		argp_error(st, "--expect and --seccomp-profile need the calls: not with -c");
	if (o->separately && o->output && (o->summary || o->json))
		argp_error(st, "-ff -o PREFIX cannot be combined with -c, -C or --json");
	if (o->separately && o->output && (*o->output == '|' || *o->output == '!'))
		argp_error(st, "-ff cannot be combined with -o |CMD (one file per thread)");
	if (o->detach_on_exec && o->system_wide)
		argp_error(st, "-b execve cannot be combined with --system-wide (every process is "
			   "taken in)");
	if (!o->cmd && !o->npids && !o->system_wide)
		argp_error(st, "missing command: sysobs [OPTION...] -- COMMAND [ARG...]");
}

/* -e EXPR and --QUALIFIER[=SET] */
static void qualify(struct argp_state *st, struct opts *o, const char *expr)
{
	char err[256];

	if (qualify__apply(&o->quals, expr, err, sizeof(err)))
		usage_error(st, "%s", err);
}

/* --absolute-timestamps[=...], --relative-timestamps[=PREC], --syscall-times[=PREC] */
static void times(struct argp_state *st, struct opts *o, int key, char *arg)
{
	int err;

	if (key == OPT_ABS_TS) {
		err = optval__times(TIME_ABS, arg, &o->tstamps, &o->ts_prec);
	} else if (key == OPT_REL_TS) {
		o->relative = true;
		err = optval__times(TIME_REL, arg, NULL, &o->rel_prec);
	} else {
		o->durations = true;
		err = optval__times(TIME_DUR, arg, NULL, &o->dur_prec);
	}
	if (err)
		usage_error(st, "invalid time format or precision '%s'", arg);
}

/* -f (-ff), --output-separately, -b, -P: what is traced, and where it goes */
static bool parse_tracing(struct argp_state *st, struct opts *o, int key, const char *arg)
{
	switch (key) {
	case 'f':
		o->separately |= o->follow;	/* -ff, as strace counts it */
		o->follow = true;
		break;
	case OPT_SEPARATELY:
		o->separately = true;	/* as strace's: without -f, the command's own file */
		break;
	case 'b':
		if (strcmp(arg, "execve"))
			usage_error(st, "invalid -b '%s': only execve (as strace)", arg);
		o->detach_on_exec = true;
		break;
	case 'P':
		if (o->npaths == OPTS_MAX_PATHS)
			usage_error(st, "too many -P, at '%s': at most 128", arg);
		o->paths[o->npaths++] = arg;
		break;
	default:
		return false;
	}
	return true;
}

/* The options of strace's that sysobs takes with no effect, and the rest of parse_opt. */
static error_t parse_more(struct argp_state *st, struct opts *o, int key, char *arg)
{
	char expr[4096];

	if (key >= OPT_QUAL && key < OPT_QUAL + QL_COUNT) {
		const char *name = qual_longs[key - OPT_QUAL].name, *bare = qual_longs[key - OPT_QUAL].bare;

		if (!arg && !bare)
			usage_error(st, "--%s needs a SET", name);
		snprintf(expr, sizeof(expr), "%s=%s", name, arg ? arg : bare);
		qualify(st, o, expr);
		return 0;
	}
	switch (key) {
	case 'q':
		qualify__quiet_more(&o->quals, &o->quiet_level);
		break;
	case OPT_TIPS:
		if (tips__parse(arg, &o->tips))
			usage_error(st, "invalid --tips '%s': [[id:]ID][,format:FORMAT]", arg);
		break;
	case OPT_ABS_TS:
	case OPT_REL_TS:
	case OPT_DUR_TS:
		times(st, o, key, arg);
		break;
	case 'S':
		if (optval__sort_by(arg, &o->sort_by))
			usage_error(st, "invalid -S '%s': time, avg-time, calls, errors, name or "
				    "nothing", arg);
		break;
	case 'O':
		if (optval__overhead(arg, &o->overhead_ns))
			usage_error(st, "invalid -O '%s': a time, in s, ms, us (the default) or ns",
				    arg);
		break;
	case 'U':
		if (optval__columns(arg, o->sum_columns, sizeof(o->sum_columns)))
			usage_error(st, "invalid -U '%s': time-percent, total-time, avg-time, calls, "
				    "errors, name", arg);
		break;
	case 'x':
		o->hex_strings = o->hex_strings ? QUOTE_HEX_ALL : QUOTE_HEX_NON_ASCII;
		break;
	case OPT_HEX:
		if (optval__strings_in_hex(arg, &o->hex_strings))
			usage_error(st, "invalid --strings-in-hex '%s': all, non-ascii, "
				    "non-ascii-chars, none", arg);
		break;
	case 'E':
		if (o->nenv == OPTS_MAX_ENV || !*arg || *arg == '=')
			usage_error(st, "invalid -E '%s': VAR=VAL or VAR, at most 64", arg);
		o->env[o->nenv++] = arg;
		break;
	case 'y':
		o->quals.decode_fds |= o->quals.decode_fds & DECODE_FDS_PATH ? DECODE_FDS_SOCKET :
					DECODE_FDS_PATH;
		break;
	case 'v':
		qualify(st, o, "abbrev=none");
		break;
	case 'Y':
		o->quals.decode_pids |= DECODE_PIDS_COMM;
		break;
	case 'h':
		argp_state_help(st, stdout, ARGP_HELP_STD_HELP);
		break;
	case 'D':
	case 'I':
	case OPT_SECCOMP:
		break;	/* no meaning for an eBPF tracer (--help says why) */
	case ARGP_KEY_END:
		parse_end(st, o);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static error_t parse_opt(int key, char *arg, struct argp_state *st)
{
	struct opts *o = st->input;
	char err[256];

	if (parse_switch(o, key) || parse_tracing(st, o, key, arg))
		return 0;
	switch (key) {
	case 'o':
		o->output = arg;
		break;
	case OPT_RECORD:
		o->record = arg;
		break;
	case 'u':
		o->user = arg;
		break;
	case OPT_JSON:
		o->json = true;
		if (arg && strcmp(arg, "1") && strcmp(arg, "2"))
			usage_error(st, "invalid --json '%s': the schema version is 1 or 2", arg);
		o->json_version = arg ? atoi(arg) : 0;
		break;
	case OPT_SECCOMP_PROFILE:
		o->seccomp_profile = arg;
		break;
	case OPT_EXPECT:
		o->expect_file = arg;
		break;
	case OPT_EXPECT_LINE:
		add_expect_line(st, o, arg);
		break;
	case 'p':
		parse_pids(st, o, arg);
		break;
	case 'z':
	case 'Z':
		o->quals.status = key == 'z' ? STATUS_SUCCESSFUL : STATUS_FAILED;
		break;
	case 'e':
		qualify(st, o, arg);
		break;
	case OPT_TRACE:
		if (filter__apply(&o->quals.trace, arg, err, sizeof(err)))
			usage_error(st, "%s", err);
		break;
	case 'c':
	case 'C':
		o->summary = true;
		o->summary_only = key == 'c';
		break;
	case 't':
		if (o->tstamps < 3)
			o->tstamps++;
		break;
	case 's':
	case 'a':
	case OPT_RING:
		parse_number(st, o, key, arg);
		break;
	case 'X':
		if (optval__const_style(arg, &o->const_style))
			usage_error(st, "invalid -X '%s': abbrev, raw or verbose", arg);
		break;
	default:
		return parse_more(st, o, key, arg);
	case OPT_LIVE:
	case OPT_NO_LIVE:
		o->live = key == OPT_LIVE;
		break;
	case ARGP_KEY_ARG:
		/* the command starts here; everything after it is its own */
		o->cmd = st->argv + st->next - 1;
		st->next = st->argc;
		break;
	}
	return 0;
}

void opts__parse(struct opts *o, int argc, char **argv)
{
	static const struct argp argp = {
		.options = options,
		.parser = parse_opt,
		.args_doc = args_doc,
		.doc = doc,
	};

	memset(o, 0, sizeof(*o));
	o->strsize = 32;
	o->ring_size = 16 << 20;	/* 0 lost of the bench's 1M calls; half the RSS and ring set-up of 32M */
	o->live = -1;
	o->ts_prec = -1;
	o->rel_prec = 6;
	o->dur_prec = 6;
	qualify__init(&o->quals);
	argp_err_exit_status = EXIT_USAGE;
	/* argp names the program after argv[0]: "sysobs: ..." whatever the binary is called */
	argv[0] = (char *)"sysobs";
	/* stop at the command: its own options are not ours */
	argp_parse(&argp, argc, argv, ARGP_IN_ORDER, NULL, o);
}
