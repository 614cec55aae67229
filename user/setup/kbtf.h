/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The kernel's BTF, loaded fast: kbtf.c replaces libbpf's btf__load_vmlinux_btf at link time
 * (-Wl,--wrap=btf__load_vmlinux_btf); nothing to call.
 */
#ifndef SYSOBS_KBTF_H
#define SYSOBS_KBTF_H
#endif
