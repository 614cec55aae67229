// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -e QUALIFIER=SET, as strace 6.1 takes it (strace(1), "-e expr"): a table of qualifiers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "decode/names/signals.h"
#include "consume/consumer.h"
#include "qualify.h"

/* Element names of the sets that are bits; index i is bit 1 << i. */
static const char *const status_names[] = {
	"successful", "failed", "unfinished", "unavailable", "detached", NULL,
};
static const char *const quiet_names[] = {
	"attach", "exit", "path-resolution", "personality", "thread-execve", NULL,
};
static const char *const decode_fds_names[] = { "path", "socket", "dev", "pidfd", NULL };
static const char *const decode_pids_names[] = { "pidns", "comm", NULL };

/* A bit set: "all", "none", names from names[] (aliases below), "!SET" the complement. */
static int parse_bits(const char *const *names, const char *set, unsigned int *out,
		      const char *what, char *err, size_t errlen)
{
	unsigned int bits = 0, all = 0, i;
	bool negate = *set == '!';
	char *copy = strdup(set + negate), *el, *save = NULL;

	if (!copy)
		return snprintf(err, errlen, "out of memory"), -1;
	for (i = 0; names[i]; i++)
		all |= 1u << i;
	for (el = strtok_r(copy, ",", &save); el; el = strtok_r(NULL, ",", &save)) {
		if (!strcmp(el, "superseded"))	/* strace's other name for thread-execve */
			el = (char *)"thread-execve";
		if (!strcmp(el, "all")) {
			bits = all;
			continue;
		}
		if (!strcmp(el, "none"))
			continue;
		for (i = 0; names[i] && strcmp(names[i], el); i++)
			;
		if (!names[i]) {
			snprintf(err, errlen, "invalid %s '%s'", what, el);
			free(copy);
			return -1;
		}
		bits |= 1u << i;
	}
	free(copy);
	*out = negate ? all & ~bits : bits;
	return 0;
}

/* SIGTERM, TERM, term or 15, as strace's sigstr_to_uint; -1 when it is none of them. */
int qualify__signal(const char *s)
{
	char name[32];
	char *end;
	long v;
	int sig;

	if (*s >= '0' && *s <= '9') {
		v = strtol(s, &end, 10);
		return *end || v < 1 || v > SIGRTMAX_KERNEL ? -1 : (int)v;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (sig = 1; sig <= SIGRTMAX_KERNEL; sig++) {
		signal_text(name, sizeof(name), sig);
		if (!strcasecmp(name + 3, s))
			return sig;
	}
	return -1;
}

/* -e signal=SET: the signals shown; *hidden gets the others (bit N-1 for signal N). */
static int parse_signals(const char *set, uint64_t *hidden, char *err, size_t errlen)
{
	bool negate = *set == '!';
	char *copy = strdup(set + negate), *el, *save = NULL;
	uint64_t shown = 0;
	int sig;

	if (!copy)
		return snprintf(err, errlen, "out of memory"), -1;
	for (el = strtok_r(copy, ",", &save); el; el = strtok_r(NULL, ",", &save)) {
		if (!strcmp(el, "all")) {
			shown = ~0ull;
			continue;
		}
		if (!strcmp(el, "none"))
			continue;
		sig = qualify__signal(el);
		if (sig < 0) {
			snprintf(err, errlen, "invalid signal '%s'", el);
			free(copy);
			return -1;
		}
		shown |= 1ull << (sig - 1);
	}
	free(copy);
	*hidden = negate ? shown : ~shown;
	return 0;
}

/* -e read=SET, write=SET: fd numbers, all, none, !SET (fds 0 to 1023) */
static int parse_fds(const char *set, uint64_t *bits, bool *any, char *err, size_t errlen)
{
	bool negate = *set == '!';
	char *copy = strdup(set + negate), *el, *save = NULL, *end;
	uint64_t sel[QUAL_FD_WORDS] = {};
	unsigned int i;
	long fd;

	if (!copy)
		return snprintf(err, errlen, "out of memory"), -1;
	for (el = strtok_r(copy, ",", &save); el; el = strtok_r(NULL, ",", &save)) {
		if (!strcmp(el, "all") || !strcmp(el, "none")) {
			memset(sel, *el == 'a' ? 0xff : 0, sizeof(sel));
			continue;
		}
		fd = strtol(el, &end, 10);
		if (*end || end == el || fd < 0 || fd >= QUAL_FD_WORDS * 64) {
			snprintf(err, errlen, "invalid descriptor '%s' (0 to 1023)", el);
			free(copy);
			return -1;
		}
		sel[fd / 64] |= 1ull << (fd % 64);
	}
	free(copy);
	for (i = 0; i < QUAL_FD_WORDS; i++) {
		bits[i] = negate ? ~sel[i] : sel[i];
		*any |= bits[i] != 0;
	}
	return 0;
}

/* A syscall set other than trace= (raw=, abbrev=, verbose=): empty until given; "!SET" is all
 * the others. */
static int parse_calls(struct filter *f, const char *set, char *err, size_t errlen)
{
	if (!f->given && *set != '!' && filter__apply(f, "none", err, errlen))
		return -1;
	return filter__apply(f, set, err, errlen);
}

enum qual {
	Q_TRACE, Q_SIGNAL, Q_STATUS, Q_QUIET, Q_ABBREV, Q_VERBOSE, Q_RAW, Q_DECODE_FDS,
	Q_DECODE_PIDS, Q_READ, Q_WRITE, Q_INJECT, Q_FAULT, Q_KVM,
};

/* strace's names for each qualifier (its qual_options[]) */
static const struct {
	const char *name;
	enum qual q;
} quals[] = {
	{ "trace", Q_TRACE }, { "t", Q_TRACE },
	{ "signal", Q_SIGNAL }, { "signals", Q_SIGNAL }, { "s", Q_SIGNAL },
	{ "status", Q_STATUS },
	{ "quiet", Q_QUIET }, { "silent", Q_QUIET }, { "silence", Q_QUIET }, { "q", Q_QUIET },
	{ "abbrev", Q_ABBREV }, { "a", Q_ABBREV },
	{ "verbose", Q_VERBOSE }, { "v", Q_VERBOSE },
	{ "raw", Q_RAW }, { "x", Q_RAW },
	{ "decode-fds", Q_DECODE_FDS }, { "decode-fd", Q_DECODE_FDS },
	{ "decode-pids", Q_DECODE_PIDS }, { "decode-pid", Q_DECODE_PIDS },
	{ "read", Q_READ }, { "reads", Q_READ }, { "r", Q_READ },
	{ "write", Q_WRITE }, { "writes", Q_WRITE }, { "w", Q_WRITE },
	{ "inject", Q_INJECT }, { "fault", Q_FAULT }, { "kvm", Q_KVM },
};

static int apply(struct qualifiers *qs, enum qual q, const char *name, const char *set,
		 char *err, size_t errlen)
{
	switch (q) {
	case Q_TRACE:
		return filter__apply(&qs->trace, set, err, errlen);
	case Q_SIGNAL:
		return parse_signals(set, &qs->sig_hidden, err, errlen);
	case Q_STATUS:
		return parse_bits(status_names, set, &qs->status, "status", err, errlen);
	case Q_QUIET:
		return parse_bits(quiet_names, set, &qs->quiet, "quiet", err, errlen);
	case Q_ABBREV:
		return parse_calls(&qs->abbrev, set, err, errlen);
	case Q_VERBOSE:
		return parse_calls(&qs->verbose, set, err, errlen);
	case Q_RAW:
		return parse_calls(&qs->raw, set, err, errlen);
	case Q_DECODE_FDS:
		return parse_bits(decode_fds_names, set, &qs->decode_fds, "decode-fds", err, errlen);
	case Q_DECODE_PIDS:
		return parse_bits(decode_pids_names, set, &qs->decode_pids, "decode-pids", err,
				  errlen);
	case Q_INJECT:
	case Q_FAULT:
		return tamper__apply(&qs->inject, set, q == Q_FAULT, err, errlen);
	case Q_READ:
		return parse_fds(set, qs->dump_read, &qs->dump, err, errlen);
	case Q_WRITE:
		return parse_fds(set, qs->dump_write, &qs->dump, err, errlen);
	default:
		snprintf(err, errlen, "-e %s= is not supported by sysobs yet "
			 "(docs/strace-parity.md)", name);
		return -1;
	}
}

void qualify__init(struct qualifiers *qs)
{
	memset(qs, 0, sizeof(*qs));
	filter__init(&qs->trace);
	filter__init(&qs->abbrev);
	filter__init(&qs->verbose);
	filter__init(&qs->raw);
	qs->status = STATUS_ALL;
}

int qualify__apply(struct qualifiers *qs, const char *expr, char *err, size_t errlen)
{
	const char *eq = strchr(expr, '=');
	unsigned int i;
	size_t n;

	if (!eq)	/* a bare SET is trace=SET */
		return filter__apply(&qs->trace, expr, err, errlen);
	n = eq - expr;
	for (i = 0; i < sizeof(quals) / sizeof(quals[0]); i++) {
		if (strlen(quals[i].name) == n && !strncmp(quals[i].name, expr, n))
			break;
	}
	if (i == sizeof(quals) / sizeof(quals[0])) {
		snprintf(err, errlen, "invalid qualifier '%.*s'", (int)n, expr);
		return -1;
	}
	if (!eq[1] && quals[i].q != Q_TRACE) {
		snprintf(err, errlen, "empty set in -e %.*s=", (int)n, expr);
		return -1;
	}
	return apply(qs, quals[i].q, quals[i].name, eq + 1, err, errlen);
}

void qualify__quiet_more(struct qualifiers *qs, int *level)
{
	static const unsigned int levels[] = {
		QUIET_ATTACH | QUIET_PERSONALITY,
		QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT,
		QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT | QUIET_PATH_RESOLUTION |
			QUIET_THREAD_EXECVE,
	};

	if (*level < 3)
		qs->quiet |= levels[(*level)++];
}
