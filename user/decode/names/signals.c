// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Signal names and sets, numbered as the kernel numbers them (real-time signals from 32, as strace). */
#include "decode/names/signals.h"
#include "decode/names/xlat.h"


/* The name of sig without "SIG" (INT, RTMIN, RT_3); false when it has none. */
static bool sig_short_name(struct sb *b, int sig)
{
	const char *n = sig > 0 ? xlat__name(&xt_signals, sig) : NULL;

	if (n) {
		sb_puts(b, n + 3);
	} else if (sig == SIGRTMIN_KERNEL) {
		sb_puts(b, "RTMIN");
	} else if (sig > SIGRTMIN_KERNEL && sig <= SIGRTMAX_KERNEL) {
		sb_puts(b, "RT_");
		sb_u64(b, sig - SIGRTMIN_KERNEL);
	} else {
		return false;
	}
	return true;
}

/* SIGTERM, or the number when it has no name */
static void signal_name(struct sb *b, int sig)
{
	size_t start = b->len;

	sb_puts(b, "SIG");
	if (!sig_short_name(b, sig)) {
		b->len = start;
		sb_i64(b, sig);
	}
}

/* -X raw: 15; verbose: 15 /+ SIGTERM +/ (the names with short, as in a set: 15 /+ TERM +/) */
static bool signal_styled(struct sb *b, int sig, bool short_name)
{
	size_t start;

	if (xlat__style() == XLAT_ABBREV)
		return false;
	sb_i64(b, sig);
	if (xlat__style() == XLAT_VERBOSE) {
		sb_puts(b, " /* ");
		start = b->len;
		if (!short_name)
			sb_puts(b, "SIG");
		if (!sig_short_name(b, sig))
			b->len = start - 4;	/* no name: the number alone */
		else
			sb_puts(b, " */");
	}
	return true;
}

void sb_signal(struct sb *b, int sig)
{
	if (!signal_styled(b, sig, false))
		signal_name(b, sig);
}

void sb_sigset(struct sb *b, const uint8_t *set, size_t n)
{
	unsigned int i, nbits = n * 8, set_bits = 0;
	bool inv, first = true;

	for (i = 0; i < nbits; i++)
		set_bits += (set[i / 8] >> (i % 8)) & 1;
	/* strace shows the complement when 2/3 or more of the bits are set */
	inv = set_bits >= nbits * 2 / 3;
	if (inv)
		sb_putc(b, '~');
	sb_putc(b, '[');
	for (i = 0; i < nbits; i++) {
		unsigned int sig = i + 1;

		if ((((set[i / 8] >> (i % 8)) & 1) != 0) == inv)
			continue;
		if (!first)
			sb_putc(b, ' ');
		first = false;
		if (!signal_styled(b, sig, true) && !sig_short_name(b, sig))
			sb_u64(b, sig);
	}
	sb_putc(b, ']');
}

void signal_text(char *dst, size_t cap, int sig)
{
	struct sb b = { .p = dst, .cap = cap - 1 };

	signal_name(&b, sig);	/* "--- SIGCHLD", "+++ killed by SIGTERM": names whatever -X says */
	dst[b.len] = 0;
}
