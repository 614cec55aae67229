/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The command line. */
#ifndef SYSOBS_OPTS_H
#define SYSOBS_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include <linux/types.h>
#include "sysobs.h"
#include "qualify.h"
#include "output/tips.h"

#define OPTS_MAX_ENV	64	/* -E options */

#define OPTS_MAX_PATHS	128	/* -P options */

#define OPTS_MAX_EXPECT_LINES	64	/* --expect-line options; more belong in an --expect file */

struct opts {
	const char *output;	/* -o FILE, NULL: stderr */
	const char *record;	/* --record FILE: the raw records too */
	const char *user;	/* -u USER: run the command as USER */
	bool json;		/* --json */
	int json_version;	/* --json=1: schema v1 (deprecated); 0: the newest */
	bool follow;		/* -f */
	bool detach_on_exec;	/* -b execve */
	bool separately;	/* -ff, --output-separately: with -o, a file per thread */
	bool summary;		/* -c / -C: print the summary table */
	bool summary_only;	/* -c: no per-call lines */
	bool summary_wall;	/* -w: -c's time is wall-clock time */
	bool durations;		/* -T */
	int tstamps;		/* -t 1, -tt 2, -ttt 3: wall clock time on each line */
	bool relative;		/* -r: time since the previous line */
	int ts_prec;		/* digits of -t's second (-1: -t 0, -tt/-ttt 6), =PRECISION */
	int rel_prec;		/* -r's (6) */
	int dur_prec;		/* -T's (6) */
	bool strict;		/* --strict: exit 125 when anything was lost */
	bool debug;		/* -d: sysobs's own and libbpf's messages */
	struct tips_opts tips;	/* --tips */
	bool show_nr;		/* -n: the syscall number before the name */
	bool show_ip;		/* -i: the instruction pointer before the call */
	bool stack_traces;	/* -k: the user stack after each call */
	int sort_by;		/* -S: enum summary_sort (output/summary.h) */
	uint8_t sum_columns[8];	/* -U: enum summary_column, COL_END-terminated */
	uint64_t overhead_ns;	/* -O: taken off each call's time in -c */
	int const_style;	/* -X: enum xlat_style (decode/names/xlat.h) */
	int hex_strings;	/* -x, -xx, --strings-in-hex=: enum quote_hex (lib/fmt.h) */
	bool append;		/* -A: -o FILE is appended to, not truncated */
	unsigned int columns;	/* -a N: the column of "= ret" (0: strace's 40) */
	int nenv;		/* -E VAR=VAL, -E VAR: the command's environment, in order */
	const char *env[OPTS_MAX_ENV];
	int quiet_level;	/* -q, -qq, -qqq (counted; sets quals.quiet) */
	int live;		/* --live / --no-live: show blocked calls; -1: when on a terminal */
	bool no_prepare_exec;	/* --no-prepare-exec */
	unsigned int strsize;	/* -s */
	uint64_t ring_size;	/* --ring-size */
	char **cmd;		/* the command and its arguments */
	int npids;		/* -p PID: processes to attach to (no command then) */
	int pids[SO_MAX_PIDS];
	bool system_wide;	/* --system-wide: every process but sysobs */
	const char *paths[OPTS_MAX_PATHS];	/* -P PATH: only calls that touch these */
	unsigned int npaths;
	struct qualifiers quals;	/* -e QUAL=SET, -z, -Z, -q */
	const char *expect_file;	/* --expect FILE */
	const char *expect_lines[OPTS_MAX_EXPECT_LINES];	/* --expect-line PATTERN, in order */
	unsigned int nexpect_lines;
	const char *seccomp_profile;	/* --seccomp-profile FILE */
};

/* Exit statuses of sysobs itself (the command's own status passes through otherwise). */
#define EXIT_SETUP	1	/* sysobs could not start tracing (permissions, BTF, load) */
#define EXIT_USAGE	2	/* bad command line */
#define EXIT_TRACE_LOST	3	/* --strict and the trace could not be written (whole) */
#define EXIT_EXPECT	123	/* --expect: a pattern was not met, or a negative one was */
#define EXIT_LOST	125	/* --strict and events were lost */
#define EXIT_NOEXEC	126	/* the command exists but cannot be executed */
#define EXIT_NOTFOUND	127	/* the command was not found */

/* Parse argv into o; exits with EXIT_USAGE on bad input (argp's --help/--version exit 0). */
void opts__parse(struct opts *o, int argc, char **argv);

#endif /* SYSOBS_OPTS_H */
