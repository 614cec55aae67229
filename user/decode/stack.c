// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -k: unwinding the stacks the kernel copied, and naming their frames (stack.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fmt.h"
#include "decode/elfsym.h"
#include "decode/image.h"
#include "decode/stack.h"

#include <elfutils/libdwfl.h>

#define PROCS_MAX	64	/* processes whose modules are kept (the oldest goes first) */
#define FILES_MAX	128	/* files whose symbols are kept */
#define FRAMES_MAX	256	/* strace's limit too */
#define MAPS_MAX	(4 << 20)	/* the most of /proc/PID/maps read */

/* The x86-64 psABI's DWARF register numbers 0-15, each the so_ureg it is read from */
static const unsigned char dwarf_regs[16] = {
	SO_UREG_AX, SO_UREG_DX, SO_UREG_CX, SO_UREG_BX, SO_UREG_SI, SO_UREG_DI, SO_UREG_BP,
	SO_UREG_SP, SO_UREG_R8, SO_UREG_R9, SO_UREG_R10, SO_UREG_R11, SO_UREG_R12, SO_UREG_R13,
	SO_UREG_R14, SO_UREG_R15,
};

#define FDS_MAX		8	/* files open for mapping remembered per process */
#define MODS_MAX	32	/* files mapped by the process while /proc could not be read */

/* A file the process opened (fd) or mapped at base (its mapping at offset 0). */
struct pfile {
	int fd;
	uint64_t base;
	char *path;		/* as the kernel names it (symlinks resolved) */
};

struct proc {
	uint32_t tgid;		/* 0: free */
	uint64_t used;		/* when it was last used: the least recent goes first */
	Dwfl *dwfl;
	bool attached;		/* dwfl_attach_state done */
	bool stale;		/* its mappings changed since they were read */
	char *maps;		/* the /proc/PID/maps text last reported, for its forks */
	size_t maps_len;
	unsigned int nfds, nmods, nmods_done;
	struct pfile fds[FDS_MAX];	/* a ring: the most recent opens */
	struct pfile mods[MODS_MAX];	/* from its mmap calls, for when it has gone */
};

struct file_syms {
	char *path;
	struct elfsym *syms;	/* NULL: the file has none */
};

/* The stack being unwound: what the libdwfl callbacks read. */
struct walk {
	const struct so_uctx *u;
	const uint8_t *stack;
	struct sb *b;
	bool entry_style;
	unsigned int depth;
	bool stop;
};

static struct proc procs[PROCS_MAX];
static struct file_syms files[FILES_MAX];
static unsigned int nfiles;
static uint64_t clock_uses;
static struct walk cur;

static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
};

static pid_t cb_next_thread(Dwfl *dwfl, void *arg, void **thread_arg)
{
	return 0;	/* no list of threads: each stack is asked for by its tid */
}

static bool cb_get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_arg)
{
	*thread_arg = arg;
	return true;
}

/* Memory of the process: only the stack the kernel copied. */
static bool cb_memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	uint64_t sp = cur.u->regs[SO_UREG_SP];

	if (addr < sp || addr - sp + sizeof(*result) > cur.u->stack_len)
		return false;
	memcpy(result, cur.stack + (addr - sp), sizeof(*result));
	return true;
}

static bool cb_set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	Dwarf_Word regs[16];
	unsigned int i;

	for (i = 0; i < 16; i++)
		regs[i] = cur.u->regs[dwarf_regs[i]];
	dwfl_thread_state_register_pc(thread, cur.u->regs[SO_UREG_IP]);
	return dwfl_thread_state_registers(thread, 0, 16, regs);
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
	.next_thread = cb_next_thread,
	.get_thread = cb_get_thread,
	.memory_read = cb_memory_read,
	.set_initial_registers = cb_set_initial_registers,
};

/* Read tgid's mappings into its Dwfl; false when they could not be read (it has ended). */
/* Report the mappings in buf (n bytes of /proc/PID/maps text) as p's modules, kept as its
 * last known mappings. Takes buf. */
static bool proc_report_text(struct proc *p, char *buf, size_t n)
{
	FILE *m = n ? fmemopen(buf, n, "r") : NULL;
	bool ok = false;

	if (m) {
		/* only now: a report that begins takes the modules reported before away */
		dwfl_report_begin(p->dwfl);
		ok = dwfl_linux_proc_maps_report(p->dwfl, m) == 0;
		dwfl_report_end(p->dwfl, NULL, NULL);
		fclose(m);
	}
	if (!ok) {
		free(buf);
		return false;
	}
	free(p->maps);
	p->maps = buf;
	p->maps_len = n;
	if (!p->attached)
		p->attached = dwfl_attach_state(p->dwfl, NULL, p->tgid, &thread_callbacks, &cur);
	return true;
}

/* Read tgid's mappings into its Dwfl; false when they could not be read (it has ended). */
static bool proc_report(struct proc *p)
{
	char path[64], *buf = malloc(MAPS_MAX);
	size_t n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%u/maps", p->tgid);
	f = buf ? fopen(path, "re") : NULL;
	if (f) {
		n = fread(buf, 1, MAPS_MAX, f);
		fclose(f);
	}
	return proc_report_text(p, buf, n);
}

static void pfile_free(struct pfile *f)
{
	free(f->path);
	f->path = NULL;
}

static void proc_free(struct proc *p)
{
	unsigned int i;

	if (p->dwfl)
		dwfl_end(p->dwfl);
	free(p->maps);
	for (i = 0; i < FDS_MAX; i++)
		pfile_free(&p->fds[i]);
	for (i = 0; i < MODS_MAX; i++)
		pfile_free(&p->mods[i]);
	memset(p, 0, sizeof(*p));
}

/*
 * A process that has gone before its mappings could be read again: the files its own mmap
 * calls mapped at offset 0 stand for them (a shared object's load address is that mapping's).
 */
static void proc_report_mods(struct proc *p)
{
	unsigned int i;

	if (p->nmods_done == p->nmods)
		return;
	dwfl_report_begin_add(p->dwfl);
	for (i = p->nmods_done; i < p->nmods; i++)
		dwfl_report_elf(p->dwfl, p->mods[i].path, p->mods[i].path, -1, p->mods[i].base,
				false);
	dwfl_report_end(p->dwfl, NULL, NULL);
	p->nmods_done = p->nmods;
	if (!p->attached)
		p->attached = dwfl_attach_state(p->dwfl, NULL, p->tgid, &thread_callbacks, &cur);
}

/* tgid's entry, a new one (in place of the least recently used) when it has none */
static struct proc *proc_slot(uint32_t tgid)
{
	struct proc *p, *old = &procs[0];
	unsigned int i;

	for (i = 0; i < PROCS_MAX; i++) {
		p = &procs[i];
		if (p->tgid == tgid)
			goto found;
		if (p->used < old->used)
			old = p;
	}
	p = old;
	proc_free(p);
	*p = (struct proc){ .tgid = tgid, .dwfl = dwfl_begin(&proc_callbacks), .stale = true };
	if (!p->dwfl) {
		p->tgid = 0;
		return NULL;
	}
found:
	p->used = ++clock_uses;
	return p;
}

/* tgid's entry with its modules up to date, as far as they can be known */
static struct proc *proc_get(uint32_t tgid)
{
	struct proc *p = proc_slot(tgid);

	if (!p || !p->stale)
		return p;
	if (proc_report(p)) {
		p->stale = false;
		p->nmods_done = p->nmods;	/* /proc has them all */
	} else {
		proc_report_mods(p);
	}
	return p;
}

void stack__exec(uint32_t tgid, const char *exe, size_t len, const struct so_uctx *u,
		 const uint8_t *stack)
{
	struct image_file f[IMAGE_FILES];
	struct proc *p;
	int i, n;

	for (i = 0; i < PROCS_MAX; i++)
		if (procs[i].tgid == tgid)
			proc_free(&procs[i]);
	p = proc_slot(tgid);
	n = image__files(exe, len, u, stack, f);
	for (i = 0; i < n; i++) {
		if (p && p->nmods < MODS_MAX)
			p->mods[p->nmods++] = (struct pfile){ .fd = -1, .base = f[i].bias,
							      .path = f[i].path };
		else
			free(f[i].path);
	}
}

bool stack__known(uint32_t tgid)
{
	for (unsigned int i = 0; i < PROCS_MAX; i++)
		if (procs[i].tgid == tgid && (procs[i].maps || procs[i].nmods))
			return true;
	return false;
}

void stack__fork(uint32_t parent, uint32_t child)
{
	struct proc *p = NULL, *c;
	unsigned int i;
	char *buf;

	for (i = 0; i < PROCS_MAX && !p; i++)
		if (procs[i].tgid == parent && procs[i].maps)
			p = &procs[i];
	if (!p || parent == child)
		return;
	for (i = 0; i < PROCS_MAX; i++)
		if (procs[i].tgid == child)
			proc_free(&procs[i]);
	p->used = ++clock_uses;	/* not the one proc_slot takes for the child */
	c = proc_slot(child);
	buf = c ? malloc(p->maps_len) : NULL;
	if (!buf)
		return;
	memcpy(buf, p->maps, p->maps_len);
	/* the parent's mappings: the child's own, until it maps or execs */
	proc_report_text(c, buf, p->maps_len);
	for (i = 0; i < p->nmods && c->nmods < MODS_MAX; i++) {
		c->mods[c->nmods] = (struct pfile){ .fd = -1, .base = p->mods[i].base,
						    .path = strdup(p->mods[i].path) };
		if (c->mods[c->nmods].path)
			c->nmods++;
	}
	proc_report_mods(c);
}

void stack__opened(uint32_t tgid, int fd, const char *path, size_t len)
{
	struct proc *p = proc_get(tgid);
	char *name, *real;
	struct pfile *f;

	if (!p || !len || path[0] != '/' || !(name = strndup(path, len)))
		return;
	real = realpath(name, NULL);	/* /proc/PID/maps names files so */
	free(name);
	if (!real)
		return;
	for (f = p->fds; f < p->fds + FDS_MAX && !(f->path && f->fd == fd); f++)
		;
	if (f == p->fds + FDS_MAX)	/* a new fd: in place of the oldest */
		f = &p->fds[p->nfds++ % FDS_MAX];
	pfile_free(f);
	f->fd = fd;
	f->path = real;
}

void stack__mapped(uint32_t tgid, int fd, uint64_t off, uint64_t addr)
{
	struct proc *p = proc_get(tgid);
	unsigned int i;

	if (!p || off || p->nmods == MODS_MAX)
		return;
	for (i = 0; i < FDS_MAX; i++) {
		struct pfile *f = &p->fds[i];

		if (f->path && f->fd == fd) {
			p->mods[p->nmods] = (struct pfile){ .fd = fd, .base = addr,
							    .path = strdup(f->path) };
			if (p->mods[p->nmods].path)
				p->nmods++;
			return;
		}
	}
}

void stack__maps_changed(uint32_t tgid)
{
	for (unsigned int i = 0; i < PROCS_MAX; i++)
		if (procs[i].tgid == tgid)
			procs[i].stale = true;
}

/* The function symbols of the module's file, read once. */
static const struct elfsym *mod_syms(Dwfl_Module *mod, const char *path, Dwarf_Addr *bias)
{
	Elf *elf = dwfl_module_getelf(mod, bias);
	struct file_syms *f;
	unsigned int i;

	for (i = 0; i < nfiles && i < FILES_MAX; i++)
		if (files[i].path && !strcmp(files[i].path, path))
			return files[i].syms;
	if (!elf)
		return NULL;
	f = &files[nfiles++ % FILES_MAX];	/* a full table: in place of the oldest */
	free(f->path);
	elfsym__free(f->syms);
	f->syms = NULL;
	f->path = strdup(path);
	if (f->path)
		f->syms = elfsym__load(elf);
	return f->syms;
}

static void put_hex(struct sb *b, uint64_t v)
{
	char s[24];

	sb_putn(b, s, snprintf(s, sizeof(s), "0x%llx", (unsigned long long)v));
}

/* One frame as strace prints it; false when the walk stops there. */
static bool frame_line(struct sb *b, Dwfl *dwfl, Dwarf_Addr pc, bool entry_style)
{
	Dwfl_Module *mod = dwfl ? dwfl_addrmodule(dwfl, pc) : NULL;
	const char *path, *name = NULL;
	const struct elfsym *syms;
	Dwarf_Addr start = 0, bias = 0;
	uint64_t off = 0;

	path = mod ? dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL, NULL, NULL) : NULL;
	if (!path) {
		/* strace: an address in no mapped file ends the walk */
		sb_puts(b, " > unexpected_backtracing_error [");
		put_hex(b, pc);
		sb_puts(b, "]\n");
		return false;
	}
	sb_puts(b, " > ");
	sb_escaped(b, path, strlen(path), 0);
	sb_putc(b, '(');
	syms = mod_syms(mod, path, &bias);
	name = elfsym__find(syms, pc - bias, &off);
	if (name || entry_style) {
		sb_escaped(b, name ? name : "", name ? strlen(name) : 0, 0);
		sb_putc(b, '+');
		put_hex(b, name ? off : 0);
	}
	sb_puts(b, ") [");
	put_hex(b, pc - start);
	sb_puts(b, "]\n");
	return true;
}

static int frame_cb(Dwfl_Frame *frame, void *arg)
{
	Dwarf_Addr pc;
	bool activation;

	if (!dwfl_frame_pc(frame, &pc, &activation))
		return DWARF_CB_ABORT;
	/* the return address itself, as strace 6.1 (libunwind) prints it */
	cur.depth++;
	if (!frame_line(cur.b, dwfl_thread_dwfl(dwfl_frame_thread(frame)), pc, cur.entry_style) ||
	    cur.depth >= FRAMES_MAX)
		return DWARF_CB_ABORT;
	return DWARF_CB_OK;
}

void stack__frames(struct sb *b, uint32_t tgid, uint32_t tid, const struct so_uctx *u,
		   const uint8_t *stack, bool entry_style)
{
	struct proc *p = proc_get(tgid);

	cur = (struct walk){ .u = u, .stack = stack, .b = b, .entry_style = entry_style };
	if (!p || !p->attached) {
		frame_line(b, p ? p->dwfl : NULL, u->regs[SO_UREG_IP], entry_style);
		return;
	}
	dwfl_getthread_frames(p->dwfl, tid, frame_cb, NULL);
	if (!cur.depth)
		frame_line(b, p->dwfl, u->regs[SO_UREG_IP], entry_style);
}

void stack__free(void)
{
	unsigned int i;

	for (i = 0; i < PROCS_MAX; i++)
		proc_free(&procs[i]);
	for (i = 0; i < FILES_MAX; i++) {
		free(files[i].path);
		elfsym__free(files[i].syms);
	}
	memset(files, 0, sizeof(files));
	nfiles = 0;
}
