// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Terminals: struct termios and struct termio as strace's src/term.c shows them (abbreviated:
 * the four flag words, then "..."), struct winsize, modem flags. The layouts are the kernel's
 * (<asm/termbits.h>, <asm/termios.h>), not glibc's. */
#include <string.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include "decode/families/family.h"

_Static_assert(sizeof(struct termios) == TERMIOS_SIZE, "struct termios is not the kernel's");
_Static_assert(sizeof(struct termio) == TERMIO_SIZE, "struct termio is not the kernel's");
_Static_assert(sizeof(struct winsize) == WINSIZE_SIZE, "struct winsize is not the kernel's");

/* A value field of a flag word: its name, or the "???" strace prints for an unknown value */
static void sb_field(struct sb *b, const struct xlat_tab *t, uint32_t v, const char *unknown)
{
	const char *n = xlat__name(t, v);

	if (n) {
		sb_puts(b, n);
		return;
	}
	sb_hex(b, v);
	sb_puts(b, " /* ");
	sb_puts(b, unknown);
	sb_puts(b, " */");
}

/* NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR: the delays first, each a value, then the flags */
static void sb_oflag(struct sb *b, uint32_t v)
{
	static const struct {
		const struct xlat_tab *t;
		uint32_t mask;
		const char *unknown;
	} dly[] = {
		{ &xt_term_nldly, NLDLY, "NL?" },
		{ &xt_term_crdly, CRDLY, "CR?" },
		{ &xt_term_tabdly, TABDLY, "TAB?" },
		{ &xt_term_bsdly, BSDLY, "BS?" },
		{ &xt_term_vtdly, VTDLY, "VT?" },
		{ &xt_term_ffdly, FFDLY, "FF?" },
	};
	unsigned int i;

	for (i = 0; i < sizeof(dly) / sizeof(dly[0]); i++) {
		sb_field(b, dly[i].t, v & dly[i].mask, dly[i].unknown);
		sb_putc(b, '|');
		v &= ~dly[i].mask;
	}
	sb_flags(b, &xt_term_oflags, v, NULL);
}

/* B38400|CS8|CREAD: the speed, the input speed when set (B9600<<IBSHIFT), the size, flags */
static void sb_cflag(struct sb *b, uint32_t v)
{
	sb_field(b, &xt_term_bauds, v & CBAUD, "B???");
	sb_putc(b, '|');
	if (v & CIBAUD) {
		sb_putc(b, '(');
		sb_field(b, &xt_term_bauds, (v & CIBAUD) >> IBSHIFT, "B???");
		sb_puts(b, "<<IBSHIFT)|");
	}
	sb_field(b, &xt_term_csize, v & CSIZE, "CS?");
	sb_putc(b, '|');
	sb_flags(b, &xt_term_cflags, v & ~(CBAUD | CIBAUD | CSIZE), NULL);
}

static void sb_term_flags(struct sb *b, uint32_t i, uint32_t o, uint32_t c, uint32_t l)
{
	sb_puts(b, "{c_iflag=");
	sb_flags(b, &xt_term_iflags, i, NULL);
	sb_puts(b, ", c_oflag=");
	sb_oflag(b, o);
	sb_puts(b, ", c_cflag=");
	sb_cflag(b, c);
	sb_puts(b, ", c_lflag=");
	sb_flags(b, &xt_term_lflags, l, NULL);
	sb_puts(b, ", ...}");
}

void sb_termios(struct sb *b, const void *p)
{
	struct termios t;

	memcpy(&t, p, sizeof(t));
	sb_term_flags(b, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
}

void sb_termio(struct sb *b, const void *p)
{
	struct termio t;

	memcpy(&t, p, sizeof(t));
	sb_term_flags(b, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
}

void sb_winsize(struct sb *b, const void *p)
{
	struct winsize w;

	memcpy(&w, p, sizeof(w));
	sb_puts(b, "{ws_row=");
	sb_u64(b, w.ws_row);
	sb_puts(b, ", ws_col=");
	sb_u64(b, w.ws_col);
	sb_puts(b, ", ws_xpixel=");
	sb_u64(b, w.ws_xpixel);
	sb_puts(b, ", ws_ypixel=");
	sb_u64(b, w.ws_ypixel);
	sb_putc(b, '}');
}
