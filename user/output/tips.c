// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* --tips: the tips (sysobs's own text) and how they are shown, as strace's option does. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "output/tips.h"

#define TIP_WIDTH	44	/* the text's columns inside the box */

/* Each tip: lines of at most TIP_WIDTH columns, NULL-terminated. */
static const char *const *const tips[] = {
	(const char *const[]){ "-c counts the time a call ran on a CPU, as",
			       "strace's default does; -w counts the wall",
			       "time from its entry to its return instead.", NULL },
	(const char *const[]){ "--expect-line 'open(... \"/etc/passwd\" ...)'",
			       "makes the run fail (exit 123) unless the",
			       "command made such a call: a test in one",
			       "line. A pattern starting with ! must not be",
			       "met.", NULL },
	(const char *const[]){ "--json -o t.jsonl writes one JSON object per",
			       "line; jq -n 'any(inputs; .name == \"openat\")'",
			       "asks a question of the whole trace",
			       "(docs/assertions.md has more).", NULL },
	(const char *const[]){ "--seccomp-profile FILE writes an OCI seccomp",
			       "profile allowing exactly the calls the run",
			       "made; with -f, every process's.", NULL },
	(const char *const[]){ "Nothing is lost silently: when the ring is",
			       "full, a \"--- lost N events\" line says where,",
			       "and --strict makes the exit status say so.",
			       "--ring-size gives the ring more room.", NULL },
	(const char *const[]){ "-e inject=openat:error=ENOENT:when=2 makes",
			       "the second openat fail without running it,",
			       "to test a program's error paths",
			       "(docs/inject.md).", NULL },
	(const char *const[]){ "-k shows the stack of each call, unwound",
			       "from a copy of the user stack the kernel",
			       "takes; it costs only when asked for.", NULL },
	(const char *const[]){ "-yy shows what a socket is connected to:",
			       "3<TCP:[127.0.0.1:5000->127.0.0.1:41234]>.", NULL },
};

#define NTIPS	(sizeof(tips) / sizeof(tips[0]))

/* A drawing for format:full: a magnifying glass */
static const char *const glass[] = {
	"   .-\"\"\"-.",
	"  /       \\",
	" |  o   o  |",
	"  \\       /",
	"   '-...-'\\",
	"           \\\\",
	"            \\\\",
	NULL,
};

int tips__parse(const char *arg, struct tips_opts *t)
{
	char buf[64], *item, *save = NULL;

	t->format = TIPS_FULL;
	t->id = -1;
	if (!arg)
		return 0;
	if (strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	for (item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		const char *v = item;
		char *end;
		long id;

		if (!strncmp(item, "format:", 7)) {
			v = item + 7;
			if (!strcmp(v, "none"))
				t->format = TIPS_NONE;
			else if (!strcmp(v, "compact"))
				t->format = TIPS_COMPACT;
			else if (!strcmp(v, "full"))
				t->format = TIPS_FULL;
			else
				return -1;
			continue;
		}
		if (!strncmp(item, "id:", 3))
			v = item + 3;
		if (!strcmp(v, "random")) {
			t->id = -1;
			continue;
		}
		errno = 0;
		id = strtol(v, &end, 10);

		if (!*v || *end || errno || id < 0 || id > INT32_MAX)
			return -1;
		t->id = (int)id;
	}
	return 0;
}

void tips__print(FILE *f, const struct tips_opts *t)
{
	const char *const *lines;
	unsigned int i, n;
	char dash[TIP_WIDTH + 3];

	if (t->format == TIPS_NONE)
		return;
	n = t->id >= 0 ? (unsigned int)t->id % NTIPS :
			 (unsigned int)(time(NULL) ^ getpid()) % NTIPS;
	lines = tips[n];
	memset(dash, '_', TIP_WIDTH + 2);
	dash[TIP_WIDTH + 2] = '\0';
	fprintf(f, "  %s\n /%*s\\\n", dash, TIP_WIDTH + 2, "");
	for (i = 0; lines[i]; i++)
		fprintf(f, " | %-*s |\n", TIP_WIDTH, lines[i]);
	fprintf(f, " \\%s/\n", dash);
	for (i = 0; t->format == TIPS_FULL && glass[i]; i++)
		fprintf(f, "%*s%s\n", TIP_WIDTH - 4, "", glass[i]);
}
