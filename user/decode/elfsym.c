// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* -k: function names of an ELF file's addresses, as strace 6.1 prints them (elfsym.h). */
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include "decode/elfsym.h"

struct fsym {
	uint64_t addr;
	uint32_t order;		/* its place in the file: the first of equal addresses wins */
	const char *name;	/* in names */
};

struct elfsym {
	size_t n;
	struct fsym *sym;
	char *names;
};

static int fsym_cmp(const void *a, const void *b)
{
	const struct fsym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The defined function symbols of one symbol table section, appended to t (names: offsets
 * into t->names until the end, when they become pointers). */
static int add_section(struct elfsym *t, size_t *cap, size_t *names_len, Elf *elf,
		       Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t i, count = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	for (i = 0; data && i < count; i++) {
		GElf_Sym s;
		const char *name;
		size_t len;

		if (!gelf_getsym(data, i, &s) || GELF_ST_TYPE(s.st_info) != STT_FUNC ||
		    s.st_shndx == SHN_UNDEF)
			continue;
		name = elf_strptr(elf, sh->sh_link, s.st_name);
		if (!name || !*name)
			continue;
		len = strlen(name) + 1;
		if (t->n == *cap) {
			size_t nc = *cap ? 2 * *cap : 256;
			struct fsym *ns = realloc(t->sym, nc * sizeof(*ns));

			if (!ns)
				return -1;
			t->sym = ns;
			*cap = nc;
		}
		{
			char *nn = realloc(t->names, *names_len + len);

			if (!nn)
				return -1;
			t->names = nn;
		}
		memcpy(t->names + *names_len, name, len);
		t->sym[t->n] = (struct fsym){ .addr = s.st_value, .order = t->n,
					      .name = (const char *)(uintptr_t)*names_len };
		t->n++;
		*names_len += len;
	}
	return 0;
}

struct elfsym *elfsym__load(Elf *elf)
{
	struct elfsym *t = calloc(1, sizeof(*t));
	size_t cap = 0, names_len = 0, i, k;
	Elf_Scn *scn = NULL;

	if (!t || !elf)
		goto fail;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM))
			continue;
		if (add_section(t, &cap, &names_len, elf, scn, &sh))
			goto fail;
	}
	if (!t->n)
		goto fail;
	for (i = 0; i < t->n; i++)
		t->sym[i].name = t->names + (uintptr_t)t->sym[i].name;
	qsort(t->sym, t->n, sizeof(*t->sym), fsym_cmp);
	/* one symbol per address: the first the file has there */
	for (i = 1, k = 1; i < t->n; i++)
		if (t->sym[i].addr != t->sym[k - 1].addr)
			t->sym[k++] = t->sym[i];
	t->n = k;
	return t;
fail:
	elfsym__free(t);
	return NULL;
}

void elfsym__free(struct elfsym *t)
{
	if (!t)
		return;
	free(t->sym);
	free(t->names);
	free(t);
}

const char *elfsym__find(const struct elfsym *t, uint64_t addr, uint64_t *off)
{
	size_t lo = 0, hi;

	if (!t || !t->n || addr < t->sym[0].addr)
		return NULL;
	hi = t->n;
	while (hi - lo > 1) {	/* the last symbol at or below addr */
		size_t mid = lo + (hi - lo) / 2;

		if (t->sym[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*off = addr - t->sym[lo].addr;
	return t->sym[lo].name;
}
