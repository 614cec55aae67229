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
	"    sysobs --system-wide -o all.txt   every process on the machine (Ctrl-C stops)\n"
	"\v"
	"Exit status: the command's (128+N when killed by signal N), 0 with -p and --system-wide; "
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
	OPT_EXPECT,
	OPT_EXPECT_LINE,
	OPT_SECCOMP_PROFILE,
};

static const struct argp_option options[] = {
	{ "output", 'o', "FILE", 0, "Write the trace to FILE instead of stderr", 0 },
	{ "user", 'u', "USER", 0,
	  "Run the command as USER (its uid, gid and groups, no capabilities; needs root)", 0 },
	{ "json", OPT_JSON, "VERSION", OPTION_ARG_OPTIONAL,
	  "JSON Lines instead of text, schema 2 (docs/json.md); --json=1 for schema 1 "
	  "(deprecated)", 0 },
	{ "follow-forks", 'f', NULL, 0, "Trace child processes and threads too", 0 },
	{ "attach", 'p', "PID", 0,
	  "Trace the running process PID instead of a command (repeatable, or PID,PID...; "
	  "with -f all its threads and children); Ctrl-C stops tracing, the process goes on", 0 },
	{ "system-wide", OPT_SYSTEM_WIDE, NULL, 0,
	  "Trace every process on the machine but sysobs itself (Ctrl-C stops)", 0 },
	{ NULL, 'e', "EXPR", 0,
	  "trace=SET: show only these syscalls (names, all, none, /REGEX, %file, %desc; !SET "
	  "leaves them out; counted alike by -c)", 0 },
	{ "trace", OPT_TRACE, "SET", 0, "The same as -e trace=SET", 0 },
	{ "successful-only", 'z', NULL, 0, "Show only calls that returned without an error", 0 },
	{ "failed-only", 'Z', NULL, 0, "Show only calls that returned an error", 0 },
	{ "summary-only", 'c', NULL, 0, "Count time, calls and errors per syscall; no trace", 0 },
	{ "summary", 'C', NULL, 0, "Like -c, and print the trace too", 0 },
	{ "syscall-times", 'T', NULL, 0, "Show the time spent in each syscall", 0 },
	{ "absolute-timestamps", 't', NULL, 0,
	  "Prefix each line with the time of day; -tt adds microseconds, -ttt gives seconds "
	  "since the epoch (the time the call returned)", 0 },
	{ "relative-timestamps", 'r', NULL, 0, "Prefix each line with the time since the previous "
	  "one", 0 },
	{ "string-limit", 's', "N", 0, "Show at most N bytes of strings and buffers (32)", 0 },
	{ NULL, 'X', "FORMAT", 0, "raw: print every argument as a raw number (hex)", 0 },
	{ "decode-fds", 'y', NULL, 0,
	  "Show the path behind file descriptors, 3</etc/hostname> (read from /proc/PID/fd "
	  "when the record is decoded, remembered until the fd is closed)", 0 },
	{ "ring-size", OPT_RING, "SIZE", 0,
	  "Ring buffer size (power of two, K/M suffix; default 32M)", 0 },
	{ "record", OPT_RECORD, "FILE", 0,
	  "Also save the raw records to FILE (for tests/bench's consumer benchmark)", 0 },
	{ "live", OPT_LIVE, NULL, 0,
	  "Show calls that block while they block (default when the trace goes to a terminal)",
	  0 },
	{ "no-live", OPT_NO_LIVE, NULL, 0, "Show calls only when they return", 0 },
	{ "strict", OPT_STRICT, NULL, 0,
	  "Exit 125 if any event was lost, 3 if the trace could not be written", 0 },
	{ "no-prepare-exec", OPT_NO_PREPARE_EXEC, NULL, 0,
	  "Show execve as kernels before 6.10 do (testing the fallback)", 0 },
	{ "expect", OPT_EXPECT, "FILE", 0,
	  "Assert the trace: FILE's patterns (strace's notation, ... for any arguments, * for "
	  "any value, !PATTERN never) must be met in order within one process, else exit 123 "
	  "with the closest lines seen (docs/assertions.md); the trace is written only with -o",
	  0 },
	{ "expect-line", OPT_EXPECT_LINE, "PATTERN", 0,
	  "One --expect pattern (repeatable: in order, one group)", 0 },
	{ "seccomp-profile", OPT_SECCOMP_PROFILE, "FILE", 0,
	  "Write an OCI seccomp profile allowing exactly the syscalls seen (with -f, of every "
	  "process) to FILE; none when events were lost (exit 125)", 0 },
	{ "verbose", 'v', NULL, 0, "Show libbpf's messages", 0 },
	{},
};

/* One line and exit 2; the argument is escaped as strace escapes strings. */
static void usage_error(struct argp_state *st, const char *fmt, const char *arg)
{
	char msg[512], q[256];

	snprintf(msg, sizeof(msg), fmt, quote_msg(q, sizeof(q), arg));
	argp_error(st, "%s", msg);
}

/* A decimal size with an optional K, M or G suffix; *ok false on anything else or overflow. */
static uint64_t parse_size(const char *s, bool *ok)
{
	char *end;
	unsigned long long v;
	unsigned int shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	*ok = !errno && end != s && *s >= '0' && *s <= '9';
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	else if (*end == 'G' || *end == 'g')
		shift = 30, end++;
	if (*end || v > UINT64_MAX >> shift)
		*ok = false;
	return v << shift;
}

#define PID_SEPARATORS	",\t\n "	/* strace's: -p 1,2 -p "$(pidof x)" -p "$(pgrep x)" */

/* One -p item: digits (after an optional "+", as strace's strtol), 1 to INT32_MAX. */
static long parse_pid(const char *s, size_t len)
{
	size_t i = s[0] == '+';
	long v = 0;

	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v > INT32_MAX)
			return -1;
	}
	return v ? v : -1;
}

/*
 * -p 12,34 or -p "12 34" as strace 6.1 takes them: items between separators, none of them
 * empty (" 1", ",1" and "1,,2" are refused) except after a last separator ("1," is 1).
 */
static void parse_pids(struct argp_state *st, struct opts *o, const char *arg)
{
	const char *p = arg;
	size_t len;
	long v;

	do {
		len = strcspn(p, PID_SEPARATORS);
		v = parse_pid(p, len);
		if (v < 0)
			usage_error(st, "invalid -p '%s': give process ids (numbers above 0)", arg);
		if (o->npids == SO_MAX_PIDS)
			usage_error(st, "too many -p: at most 64 processes, at '%s'", arg);
		o->pids[o->npids++] = v;
		p += len;
	} while (*p && *++p);
}

/* The options that only switch something on: a table, not a case each. */
static const struct {
	int key;
	size_t field;	/* offsetof the bool in struct opts */
} switches[] = {
	{ 'f', offsetof(struct opts, follow) },
	{ OPT_SYSTEM_WIDE, offsetof(struct opts, system_wide) },
	{ 'T', offsetof(struct opts, durations) },
	{ 'r', offsetof(struct opts, relative) },
	{ 'y', offsetof(struct opts, fd_paths) },
	{ OPT_STRICT, offsetof(struct opts, strict) },
	{ OPT_NO_PREPARE_EXEC, offsetof(struct opts, no_prepare_exec) },
	{ 'v', offsetof(struct opts, verbose) },
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
	uint64_t v = parse_size(arg, &ok);

	if (key == 's') {
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
	if ((o->expect_file || o->nexpect_lines || o->seccomp_profile) && o->summary_only)
		argp_error(st, "--expect and --seccomp-profile need the calls: not with -c");
	if (!o->cmd && !o->npids && !o->system_wide)
		argp_error(st, "missing command: sysobs [OPTION...] -- COMMAND [ARG...]");
}

static error_t parse_opt(int key, char *arg, struct argp_state *st)
{
	struct opts *o = st->input;
	char err[256];

	if (parse_switch(o, key))
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
		o->status_only = key == 'z' ? 1 : 2;
		break;
	case 'e':
	case OPT_TRACE:
		if (filter__apply(&o->filter, arg, err, sizeof(err)))
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
	case OPT_RING:
		parse_number(st, o, key, arg);
		break;
	case 'X':
		if (strcmp(arg, "raw") && strcmp(arg, "abbrev"))
			usage_error(st, "invalid -X '%s': use raw or abbrev", arg);
		o->raw = !strcmp(arg, "raw");
		break;
	case OPT_LIVE:
	case OPT_NO_LIVE:
		o->live = key == OPT_LIVE;
		break;
	case ARGP_KEY_ARG:
		/* the command starts here; everything after it is its own */
		o->cmd = st->argv + st->next - 1;
		st->next = st->argc;
		break;
	case ARGP_KEY_END:
		parse_end(st, o);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
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
	o->ring_size = 32 << 20;
	o->live = -1;
	filter__init(&o->filter);
	argp_err_exit_status = EXIT_USAGE;
	/* argp names the program after argv[0]: "sysobs: ..." whatever the binary is called */
	argv[0] = (char *)"sysobs";
	/* stop at the command: its own options are not ours */
	argp_parse(&argp, argc, argv, ARGP_IN_ORDER, NULL, o);
}
