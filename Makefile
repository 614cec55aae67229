# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# sysobs: out-of-tree build into $(BUILD): bpf/*.bpf.c -> .bpf.o -> .skel.h -> user objects ->
# build/sysobs, with build/target beside it. Quiet unless V=1.

BUILD		?= build
OUT		:= $(abspath $(BUILD))
CC		?= cc
CLANG		?= clang
BPFTOOL		?= bpftool
LLVM_STRIP	?= llvm-strip
PREFIX		?= /usr/local
DESTDIR		?=
BINDIR		?= $(PREFIX)/bin
MANDIR		?= $(PREFIX)/share/man
DOCDIR		?= $(PREFIX)/share/doc/sysobs
BASHCOMPDIR	?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR	?= $(PREFIX)/share/zsh/vendor-completions
INSTALL_STRIP	?= -s	# empty for packagers who strip themselves (debian/rules)
HELP2MAN	?= help2man
VERSION		:= 0.1.0

# The BPF side reads syscall arguments from pt_regs: only x86-64 is supported yet.
HOST_ARCH	:= $(shell uname -m)
ifeq ($(HOST_ARCH),x86_64)
ARCH		:= x86
else
$(error sysobs supports x86_64 only for now (this machine: $(HOST_ARCH)))
endif
CFLAGS		?= -O2 -g
USER_CFLAGS	:= $(CPPFLAGS) $(CFLAGS) -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
		   -Wno-missing-field-initializers -I$(OUT) -Ibpf -Iuser -DSYSOBS_VERSION='"$(VERSION)"'
BPF_CFLAGS	:= -g -O2 -target bpf -D__TARGET_ARCH_$(ARCH) -Wall -Werror -I. -Ibpf
# libbpf linked statically so the one binary carries loader and BPF object; libelf and zlib
# dynamically unless 'make static'.
# libbpf's reading of the kernel's BTF is replaced by a faster one (user/setup/kbtf.c: it lends
# libbpf the mapped file through malloc and free); two of its program loads, and the ring's
# creation, overlap the rest (pload.c).
WRAP		:= -Wl,--wrap=btf__load_vmlinux_btf -Wl,--wrap=malloc -Wl,--wrap=free \
		   -Wl,--wrap=bpf_prog_load -Wl,--wrap=bpf_map_create
# -k unwinds with elfutils' libdw (libdwfl), static in 'make static' too (with its own needs).
# Programs without those objects link BPF_LIBS alone.
BPF_LIBS	:= -Wl,-Bstatic -lbpf -Wl,-Bdynamic -ldw -lelf -lz
LIBS		:= $(WRAP) $(BPF_LIBS)
STATIC_LIBS	:= $(WRAP) -static -lbpf -ldw -lelf -lz -lzstd -llzma -lbz2

# make SANITIZE=1: ASan and UBSan in every user-space object and program (make test's sanitizer
# stage builds this way into $(BUILD)/asan).
SAN_FLAGS	:= -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ifeq ($(SANITIZE),1)
USER_CFLAGS	+= $(SAN_FLAGS)
LIBS		:= $(SAN_FLAGS) $(LIBS)
endif

ifeq ($(V),1)
	Q =
	msg =
else
	Q = @
	msg = @printf '  %-8s %s\n' "$(1)" "$(patsubst $(OUT)/%,build/%,$(2))";
	MAKEFLAGS += --no-print-directory
endif

USER_SRCS	:= $(sort $(shell find user -name '*.c'))
USER_OBJS	:= $(patsubst user/%.c,$(OUT)/obj/%.o,$(USER_SRCS))
LIB_OBJS	:= $(filter-out $(OUT)/obj/main.o,$(USER_OBJS))
TEST_PROGS	:= $(patsubst tests/progs/%.c,$(OUT)/tests/%,$(wildcard tests/progs/*.c))
UNIT_TESTS	:= $(patsubst tests/unit/%.c,$(OUT)/tests/unit-%,$(wildcard tests/unit/*.c))

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.PHONY: FORCE bin doc uninstall fuzz all run test test-unit test-integration test-kernels bench deps static install clean vmlinux

all: $(OUT)/sysobs $(OUT)/target $(TEST_PROGS) $(UNIT_TESTS) $(OUT)/bench/replay \
	$(OUT)/golden/replay

# --- BPF object and skeleton ----------------------------------------------------------------
$(OUT)/sysobs.bpf.o: bpf/sysobs.bpf.c $(wildcard bpf/*.h) vmlinux.h | $(OUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -c $< -o $@.tmp
	$(Q)$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp

$(OUT)/sysobs.skel.h: $(OUT)/sysobs.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name sysobs_bpf > $@

# --- user space -----------------------------------------------------------------------------
# Headers are tracked by the compiler (-MMD -MP): touching one rebuilds only its includers.
# Only the loader includes the skeleton, so only it waits for the BPF object.
$(OUT)/obj/%.o: user/%.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/obj/setup/tracer.o: $(OUT)/sysobs.skel.h

# --version says which commit it was built from: rewritten only when that changes
$(OUT)/sysobs-version.h: FORCE | $(OUT)
	$(Q)printf '#define SYSOBS_GIT "%s"\n' \
		"$$(git describe --always --dirty --tags 2>/dev/null || echo 'not built from git')" \
		>$@.tmp && (cmp -s $@.tmp $@ || mv $@.tmp $@); rm -f $@.tmp

$(OUT)/obj/version.o: $(OUT)/sysobs-version.h
FORCE:

-include $(USER_OBJS:.o=.d)

$(OUT)/sysobs: $(USER_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

bin: $(OUT)/sysobs

$(OUT)/sysobs-static: $(USER_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(STATIC_LIBS) -o $@

static: $(OUT)/sysobs-static

# --- the freestanding target: no libc, no startup files, no stack protector -----------------
TARGET_CFLAGS := -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-stack-protector -fno-pie \
		 -fcf-protection=none -nostdlib -static -no-pie
$(OUT)/target: target/target.c | $(OUT)
	$(call msg,CC,$@)
	$(Q)$(CC) $(TARGET_CFLAGS) $< -o $@

# --- tests ----------------------------------------------------------------------------------
$(OUT)/tests/%: tests/progs/%.c | $(OUT)/tests
	$(call msg,CC,$@)
	$(Q)$(CC) -O1 -g -Wall -Wextra -Werror -Wno-unused-result -static $< -o $@ -lpthread

# -i and -k against strace (tests/integration/stacks.sh): a dynamic, position-independent
# program, as most are, its frames in the program, libc and ld.so
$(OUT)/tests/stacks: tests/progs/stacks.c | $(OUT)/tests
	$(call msg,CC,$@)
	$(Q)$(CC) -O1 -g -Wall -Wextra -Werror $< -o $@

# applies a seccomp profile with libseccomp (tests/integration/seccomp-profile.sh)
$(OUT)/tests/seccomp-run: tests/progs/seccomp-run.c | $(OUT)/tests
	$(call msg,CC,$@)
	$(Q)$(CC) -O1 -g -Wall -Wextra -Werror -static $< -o $@ -lseccomp

$(OUT)/tests/unit-%: tests/unit/%.c $(LIB_OBJS) | $(OUT)/tests
	$(call msg,CC,$@)
	$(Q)$(CC) $(USER_CFLAGS) $< $(LIB_OBJS) $(LIBS) -o $@

test-unit: all
	$(Q)tests/run.sh --unit $(OUT)

test-integration: all
	$(Q)tests/run.sh --integration $(OUT)

# Everything: unit, integration on this kernel, then the same suite inside VMs on other kernels.
# Like run, it installs what is missing first (as root), so it works on a fresh Debian 12.
test: deps
	$(Q)$(MAKE) all static fuzz
	$(Q)$(MAKE) BUILD=$(OUT)/asan SANITIZE=1 all
	$(Q)tests/run.sh --all $(OUT)

test-kernels: deps
	$(Q)$(MAKE) all static
	$(Q)tests/vm/run-kernels.sh $(OUT)

# --- the fuzzer: any bytes as a --record file through consumer, decoder, text and JSON ----------
FUZZ_SRCS	:= $(filter user/lib/% user/decode/% user/output/% user/consume/%,$(USER_SRCS))
FUZZ_OBJS	:= $(patsubst user/%.c,$(OUT)/fuzz/obj/%.o,$(FUZZ_SRCS))
FUZZ_CFLAGS	:= $(filter-out $(SAN_FLAGS),$(USER_CFLAGS)) -fsanitize=fuzzer-no-link,address,undefined

$(OUT)/fuzz/obj/%.o: user/%.c
	$(call msg,CC-FUZZ,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

-include $(FUZZ_OBJS:.o=.d)

$(OUT)/fuzz/replay_fuzz: tests/fuzz/replay_fuzz.c $(FUZZ_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -ldw -lelf -o $@

fuzz: $(OUT)/fuzz/replay_fuzz

# --- the benchmark's helpers (tests/bench/README.md) ---------------------------------------
$(OUT)/bench/replay: tests/bench/replay.c $(LIB_OBJS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(OUT)/bench
	$(Q)$(CC) $(USER_CFLAGS) $< $(LIB_OBJS) $(LIBS) -o $@

$(OUT)/bench/workload: tests/bench/workload.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(OUT)/bench
	$(Q)$(CC) -O2 -g -Wall -Wextra -Werror -pthread $< -o $@

$(OUT)/bench/floor.bpf.o: tests/bench/floor.bpf.c vmlinux.h
	$(call msg,BPF,$@)
	$(Q)mkdir -p $(OUT)/bench
	$(Q)$(CLANG) $(BPF_CFLAGS) -c $< -o $@

$(OUT)/bench/floor.skel.h: $(OUT)/bench/floor.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name floor_bpf > $@

$(OUT)/bench/floor: tests/bench/floor.c $(OUT)/bench/floor.skel.h
	$(call msg,CC,$@)
	$(Q)$(CC) -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter -I$(OUT)/bench $< $(BPF_LIBS) -o $@

# The golden tests' replayer (tests/golden/check.sh): recorded records in, text or JSON out.
$(OUT)/golden/replay: tests/golden/replay.c $(LIB_OBJS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(OUT)/golden
	$(Q)$(CC) $(USER_CFLAGS) $< $(LIB_OBJS) $(LIBS) -o $@

BENCH_HELPERS := $(OUT)/bench/replay $(OUT)/bench/workload $(OUT)/bench/floor

bench: all $(BENCH_HELPERS)
	$(Q)tests/bench/run.sh $(OUT)

run: deps
	$(Q)$(MAKE) all
	$(Q)cd $(OUT) && ./sysobs -- ./target

# --- set-up ---------------------------------------------------------------------------------
# Installs what the build and the tests need on Debian 12 when run as root.
DEPS := clang llvm libbpf-dev bpftool libelf-dev libdw-dev zlib1g-dev libzstd-dev make gcc jq strace python3 \
	python3-jsonschema libseccomp-dev \
	busybox-static qemu-system-x86 file binutils libclang-rt-14-dev help2man groff-base \
	bash-completion zsh debhelper lintian dpkg-dev
deps:
	$(Q)tests/deps.sh $(DEPS)

vmlinux:
	$(call msg,GEN,vmlinux.h)
	$(Q){ printf '/* SPDX-License-Identifier: GPL-2.0 */\n'; \
	  printf '/* BTF of Linux %s (%s), generated by: bpftool btf dump file /sys/kernel/btf/vmlinux format c\n' "$$(uname -r)" "$$(uname -m)"; \
	  printf " * Regenerate with 'make vmlinux'. Do not edit. */\n"; \
	  $(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c; } > vmlinux.h.tmp && mv vmlinux.h.tmp vmlinux.h

# --- the man page and completion, made from the binary's own --help (docs/man, docs/completion)
$(OUT)/sysobs.1: $(OUT)/sysobs docs/man/sysobs.h2m
	$(call msg,MAN,$@)
	$(Q)$(HELP2MAN) --no-info --no-discard-stderr --include=docs/man/sysobs.h2m \
		--version-string=$(VERSION) --output=$@.tmp $(OUT)/sysobs
	$(Q)awk 'prev == ".TP" && /^\\fB\\-/ && !done { print ".SH OPTIONS"; print ".TP"; done = 1; \
		prev = ""; print; next } { if (prev != "") print prev; prev = $$0 } \
		END { if (prev != "") print prev }' $@.tmp >$@ && rm -f $@.tmp

$(OUT)/sysobs.bash: $(OUT)/sysobs docs/completion/sysobs.bash.in docs/completion/gen.sh
	$(call msg,GEN,$@)
	$(Q)sh docs/completion/gen.sh $(OUT)/sysobs docs/completion/sysobs.bash.in >$@

$(OUT)/_sysobs: $(OUT)/sysobs docs/completion/_sysobs.in docs/completion/gen.sh
	$(call msg,GEN,$@)
	$(Q)sh docs/completion/gen.sh $(OUT)/sysobs docs/completion/_sysobs.in >$@

doc: $(OUT)/sysobs.1 $(OUT)/sysobs.bash $(OUT)/_sysobs

# What 'make install' puts where; 'make uninstall' removes exactly these.
DOCS		:= README.md LICENSE $(wildcard docs/*.md docs/*.json)
INSTALLED	:= $(BINDIR)/sysobs $(MANDIR)/man1/sysobs.1 $(BASHCOMPDIR)/sysobs $(ZSHCOMPDIR)/_sysobs \
		   $(addprefix $(DOCDIR)/,$(notdir $(DOCS)))

install: $(OUT)/sysobs doc
	$(call msg,INSTALL,$(DESTDIR)$(PREFIX))
	$(Q)install -D -m 0755 $(INSTALL_STRIP) $(OUT)/sysobs $(DESTDIR)$(BINDIR)/sysobs
	$(Q)install -D -m 0644 $(OUT)/sysobs.1 $(DESTDIR)$(MANDIR)/man1/sysobs.1
	$(Q)install -D -m 0644 $(OUT)/sysobs.bash $(DESTDIR)$(BASHCOMPDIR)/sysobs
	$(Q)install -D -m 0644 $(OUT)/_sysobs $(DESTDIR)$(ZSHCOMPDIR)/_sysobs
	$(Q)install -d $(DESTDIR)$(DOCDIR)
	$(Q)install -m 0644 $(DOCS) $(DESTDIR)$(DOCDIR)/

uninstall:
	$(call msg,UNINSTALL,$(DESTDIR)$(PREFIX))
	$(Q)rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	$(Q)rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null || true

$(OUT) $(OUT)/tests:
	$(Q)mkdir -p $@

clean:
	$(call msg,CLEAN,$(OUT))
	$(Q)rm -rf $(OUT)
