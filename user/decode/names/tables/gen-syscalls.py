#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Generate user/decode/names/tables/syscalls.h: the x86_64 syscall table of sysobs.

Usage: python3 user/decode/names/tables/gen-syscalls.py > user/decode/names/tables/syscalls.h

Sources (both committed under user/decode/names/tables/src/):
  syscall_64.tbl       numbers, names and entry points: the kernel's
                       arch/x86/entry/syscalls/syscall_64.tbl (Linux v6.18);
                       the "common" and "64" rows are used, "x32" rows are not.
  syscall-formats.txt  argument names and C types: the running kernel's
                       tracefs events/syscalls/sys_enter_*/format, captured
                       by snapshot-formats.sh.
Syscalls that exist but have no tracefs event on the capture kernel take
their prototype from the kernel's include/linux/syscalls.h (NO_EVENT below).
Numbers with no entry point are not implemented on x86_64 (-ENOSYS); they
keep their name but get "unknown signature" (nargs 6, known 0).

Every argument gets a kind (enum arg_kind in user/sysent.h), decided by
classify() below: first OVERRIDES ("syscall.arg"), then a few ordered rules
on the C type and the argument name.  The output is deterministic.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TBL = os.path.join(HERE, "src", "syscall_64.tbl")
FORMATS = os.path.join(HERE, "src", "syscall-formats.txt")

NO_LEN = 0xFF
USED_OVERRIDES = set()

# Table names whose tracefs event is named after a different entry point.
# gen() derives the event from the entry point column and fails if the set
# of mismatches is not exactly this one, so a new rename is never silent.
EXPECTED_RENAMES = {
    "stat": "newstat",
    "fstat": "newfstat",
    "lstat": "newlstat",
    "uname": "newuname",
    "sendfile": "sendfile64",
    "umount2": "umount",
}

# Implemented syscalls without a tracefs event on the capture kernel (their
# config is off there: modules, kexec, user shadow stacks).  Prototypes copied
# from the kernel's include/linux/syscalls.h, "__user" dropped.
NO_EVENT = {
    "init_module": "void * umod;unsigned long len;const char * uargs",
    "delete_module": "const char * name_user;unsigned int flags",
    "finit_module": "int fd;const char * uargs;int flags",
    "kexec_load": "unsigned long entry;unsigned long nr_segments;"
                  "struct kexec_segment * segments;unsigned long flags",
    "kexec_file_load": "int kernel_fd;int initrd_fd;unsigned long cmdline_len;"
                       "const char * cmdline_ptr;unsigned long flags",
    "map_shadow_stack": "unsigned long addr;unsigned long size;unsigned int flags",
}

# Per-argument decisions the rules below get wrong.  Each says why.
OVERRIDES = {
    # Paths under names the PATH rule does not know.
    "acct.name": "AK_PATH",                 # the accounting file
    "umount2.name": "AK_PATH",              # the mount point
    "name_to_handle_at.name": "AK_PATH",    # pathname relative to dfd
    "mount.dir_name": "AK_PATH",            # the mount point
    "mount.dev_name": "AK_STR",             # source: a device path or "proc", "none"...
    "mount.type": "AK_STR",                 # filesystem type name
    "mount.data": "AK_PTR",                 # fs-specific, often a string, not always
    # Strings with an explicit length, not NUL-terminated: print as buffers.
    "sethostname.name": "AK_BUF_IN",
    "setdomainname.name": "AK_BUF_IN",
    # Inputs declared without const in SYSCALL_DEFINE.
    "sendto.buff": "AK_BUF_IN",
    "setsockopt.optval": "AK_BUF_IN",
    # Buffer whose meaning depends on cmd: leave it to a decoder.
    "fsconfig._value": "AK_PTR",
    "io_uring_enter.argp": "AK_PTR",
    # Numbers that are not what their type says.
    "mmap.off": "AK_HEX",                   # strace prints the offset in hex
    "umask.mask": "AK_MODE",                # a mode, declared int
    "close_range.max_fd": "AK_UINT",        # usually ~0U, not a real fd
    "personality.personality": "AK_HEX",
    "ptrace.data": "AK_HEX",                # a word or an address, per request
    "rseq.sig": "AK_HEX",                   # a signature word, not a signal
    "kexec_load.entry": "AK_HEX",           # a physical address
    # Non-const struct pointers that the call reads (some also write back).
    "connect.uservaddr": "AK_STRUCT_IN",
    "bind.umyaddr": "AK_STRUCT_IN",
    "sendto.addr": "AK_STRUCT_IN",
    "sendmsg.msg": "AK_STRUCT_IN",
    "sendmmsg.mmsg": "AK_STRUCT_IN",
    "epoll_ctl.event": "AK_STRUCT_IN",
    "sched_setattr.uattr": "AK_STRUCT_IN",
    "sched_setparam.param": "AK_STRUCT_IN",
    "sched_setscheduler.param": "AK_STRUCT_IN",
    "clone3.uargs": "AK_STRUCT_IN",
    "openat2.how": "AK_STRUCT_IN",
    "perf_event_open.attr_uptr": "AK_STRUCT_IN",
    "mount_setattr.uattr": "AK_STRUCT_IN",
    "open_tree_attr.uattr": "AK_STRUCT_IN",
    "msgsnd.msgp": "AK_STRUCT_IN",
    "semop.tsops": "AK_STRUCT_IN",
    "semtimedop.tsops": "AK_STRUCT_IN",
    "io_cancel.iocb": "AK_STRUCT_IN",
    "settimeofday.tv": "AK_STRUCT_IN",
    "settimeofday.tz": "AK_STRUCT_IN",
    "setitimer.value": "AK_STRUCT_IN",
    "setrlimit.rlim": "AK_STRUCT_IN",
    "utime.times": "AK_STRUCT_IN",
    "utimes.utimes": "AK_STRUCT_IN",
    "futimesat.utimes": "AK_STRUCT_IN",
    "utimensat.utimes": "AK_STRUCT_IN",
    "adjtimex.txc_p": "AK_STRUCT_IN",       # in-out
    "clock_adjtime.utx": "AK_STRUCT_IN",    # in-out
    "futex_waitv.waiters": "AK_STRUCT_IN",
    "poll.ufds": "AK_STRUCT_IN",            # in-out (revents)
    "ppoll.ufds": "AK_STRUCT_IN",           # in-out (revents)
    "select.inp": "AK_STRUCT_IN",           # fd_sets are in-out
    "select.outp": "AK_STRUCT_IN",
    "select.exp": "AK_STRUCT_IN",
    "pselect6.inp": "AK_STRUCT_IN",
    "pselect6.outp": "AK_STRUCT_IN",
    "pselect6.exp": "AK_STRUCT_IN",
    "pselect6.sig": "AK_PTR",               # {sigset_t *, size_t} pair, not a sigset
    "timer_create.timer_event_spec": "AK_STRUCT_IN",
    "mq_open.u_attr": "AK_STRUCT_IN",
    "mq_notify.u_notification": "AK_STRUCT_IN",
    "lsm_set_self_attr.ctx": "AK_STRUCT_IN",
    "file_setattr.ufattr": "AK_STRUCT_IN",
    "getxattrat.uargs": "AK_STRUCT_IN",     # holds the output buffer pointer
    "cachestat.cstat_range": "AK_STRUCT_IN",
    "rseq.rseq": "AK_STRUCT_IN",            # the area being registered
    "set_robust_list.head": "AK_STRUCT_IN",
    "open_by_handle_at.handle": "AK_STRUCT_IN",
    "bpf.uattr": "AK_STRUCT_IN",            # in-out
    "io_uring_setup.params": "AK_STRUCT_IN",  # in-out
    "kexec_load.segments": "AK_STRUCT_IN",
    "capset.header": "AK_STRUCT_IN",
    "capset.data": "AK_STRUCT_IN",
    "capget.header": "AK_STRUCT_IN",        # in-out: version is read
    "rt_sigprocmask.nset": "AK_STRUCT_IN",
    "rt_sigsuspend.unewset": "AK_STRUCT_IN",
    "rt_sigqueueinfo.uinfo": "AK_STRUCT_IN",
    "rt_tgsigqueueinfo.uinfo": "AK_STRUCT_IN",
    "pidfd_send_signal.info": "AK_STRUCT_IN",
    "signalfd.user_mask": "AK_STRUCT_IN",
    "signalfd4.user_mask": "AK_STRUCT_IN",
    "sched_setaffinity.user_mask_ptr": "AK_STRUCT_IN",  # cpu mask array
    "sched_getaffinity.user_mask_ptr": "AK_STRUCT_OUT",
    "futex_requeue.waiters": "AK_STRUCT_IN",
}

PATH_NAMES = {
    "filename", "pathname", "path", "oldname", "newname", "from_pathname",
    "to_pathname", "new_root", "put_old", "specialfile", "special", "library",
}
# Byte buffers; the length is the first later integer argument in LEN_NAMES.
BUF_NAMES = {
    "buf", "buff", "ubuf", "value", "_value", "_payload", "list", "u_msg_ptr",
    "optval",
}
LEN_NAMES = {"count", "len", "size", "bufsiz", "msg_len", "optlen", "plen"}
FD_NAMES = {"fd", "ufd", "epfd", "pidfd", "oldfd", "newfd", "fdin", "fdout",
            "fd_in", "fd_out", "in_fd", "out_fd", "fildes", "mqdes"}
DIRFD_NAMES = {"dfd", "olddfd", "newdfd", "from_dfd", "to_dfd", "mountdirfd"}
# Unsigned longs that hold user addresses: hex or NULL, like pointers.
ADDR_NAMES = {"addr", "start", "brk", "new_addr", "old_addr", "newsp", "tls"}
FLAG_NAMES = {"flags", "flag", "mode", "prot", "how", "cmd", "op", "option",
              "options", "opcode", "advice", "behavior", "mask", "type",
              "whence"}
SIGNAL_NAMES = {"sig"}
# Typedefs of structs (or of pointers to structs) that tracefs shows bare.
STRUCT_TYPEDEFS = {"sigset_t", "siginfo_t", "stack_t", "fd_set"}
STRUCT_PTR_TYPEDEFS = {"cap_user_header_t", "cap_user_data_t"}
SIGNED_TYPES = {"int", "long", "pid_t", "loff_t", "off_t", "clockid_t",
                "timer_t", "key_serial_t", "key_t", "__s32", "mqd_t"}
UNSIGNED_TYPES = {"unsigned", "unsigned int", "unsigned long", "size_t",
                  "u32", "u64", "__u32", "__u64", "uid_t", "gid_t", "qid_t"}


def base_type(ctype):
    """'const struct foo *const' -> ('struct foo', is_const, nptr)."""
    t = ctype.replace("*const", "* const")
    nptr = t.count("*")
    words = [w for w in t.replace("*", " ").split() if w != "const"]
    is_const = t.startswith("const ")
    return " ".join(words), is_const, nptr


def find_len(args, i):
    for j in range(i + 1, len(args)):
        t, n = args[j]
        if n in LEN_NAMES and "*" not in t:
            return j
    return NO_LEN


def classify(sc, args, i):
    """Kind of argument i of syscall sc; args is [(type, name)]."""
    ctype, name = args[i]
    kind = OVERRIDES.get(f"{sc}.{name}")
    if kind is not None:
        USED_OVERRIDES.add(f"{sc}.{name}")
    if kind is None:
        kind = classify_rules(ctype, name)
    if kind in ("AK_BUF_IN", "AK_BUF_OUT"):
        return kind, find_len(args, i)
    return kind, NO_LEN


def classify_rules(ctype, name):
    base, is_const, nptr = base_type(ctype)
    is_struct = base.startswith(("struct ", "union ")) or base in STRUCT_TYPEDEFS

    # 1. Pointers.
    if nptr > 1:
        return "AK_PTR"                 # argv, iocbpp, pages: not read
    if nptr == 1:
        if base == "char" and name in PATH_NAMES:
            return "AK_PATH"
        if base in ("char", "void") and name in BUF_NAMES:
            return "AK_BUF_IN" if is_const else "AK_BUF_OUT"
        if base == "char" and is_const:
            return "AK_STR"             # xattr names, key types, mq names...
        if is_struct:
            if is_const or name in ("timeout", "tsp", "tvp", "utime", "rqtp"):
                return "AK_STRUCT_IN"   # timeouts are inputs, const or not
            return "AK_STRUCT_OUT"
        return "AK_PTR"                 # scalars, void *, non-const char *
    if base in STRUCT_PTR_TYPEDEFS:
        return "AK_STRUCT_IN" if is_const else "AK_STRUCT_OUT"

    # 2. Integers, by name first.
    if name in DIRFD_NAMES:
        return "AK_DIRFD"
    if name in FD_NAMES or name.endswith("_fd"):
        return "AK_FD"
    if name in SIGNAL_NAMES:
        return "AK_SIGNAL"
    if base == "umode_t":
        return "AK_MODE"
    if name in FLAG_NAMES or name.endswith(("flags", "flag", "flg")) or base == "rwf_t":
        return "AK_FLAGS"
    if name in ADDR_NAMES and base == "unsigned long":
        return "AK_PTR"
    if re.fullmatch(r"arg\d*", name):
        return "AK_HEX"                 # ioctl/fcntl/prctl multiplexed args
    # 3. Integers, by type.
    if base in SIGNED_TYPES:
        return "AK_INT"
    if base in UNSIGNED_TYPES:
        return "AK_UINT"
    return "AK_HEX"


def read_tbl():
    rows = []
    with open(TBL) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            nr, abi, name = int(line[0]), line[1], line[2]
            entry = line[3] if len(line) > 3 else None
            if abi in ("common", "64"):
                rows.append((nr, name, entry))
    return rows


def read_formats():
    kernel = "?"
    events = {}
    with open(FORMATS) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# kernel: "):
                kernel = line[len("# kernel: "):]
            if not line or line.startswith("#"):
                continue
            ev, _, args = line.partition("\t")
            events[ev[len("sys_enter_"):]] = args
    return kernel, events


def parse_args(s):
    args = []
    for field in filter(None, s.split(";")):
        ctype, name = field.rsplit(" ", 1)
        args.append((ctype.strip(), name))
    return args


# Properties of a syscall that the decoders and the -y path tracker ask about (enum sysent_flag
# in sysent.h): a field of the table entry, not a list of numbers in the output code.
PROPERTIES = {
    "SE_RET_ADDR": ["mmap", "brk", "mremap", "shmat"],   # strace prints the result in hex
    "SE_RET_FD": ["open", "openat", "openat2", "creat", "dup", "dup2", "dup3", "socket",
                  "accept", "accept4", "memfd_create", "eventfd2", "epoll_create1",
                  "timerfd_create", "signalfd4", "pidfd_open", "inotify_init1",
                  "fanotify_init", "open_tree", "fsopen", "fsmount", "open_by_handle_at",
                  "userfaultfd"],
    "SE_DUP": ["dup", "dup2", "dup3"],                   # the new fd is the old one's file
    "SE_OPENS_PATH": ["open", "openat", "openat2", "creat"],  # the new fd is its path argument
    "SE_CLOSES_FD": ["close"],
    "SE_EXEC": ["execve", "execveat"],
    "SE_CHDIR": ["chdir", "fchdir"],
    # -Y: a pid strace 6.1 shows with its command name ("1234<cat>"), in the return value or
    # in the first or second argument (its printpid/RVAL_TGID/RVAL_TID users)
    "SE_RET_PID": ["getpid", "getppid", "gettid", "fork", "vfork", "clone", "clone3"],
    "SE_ARG0_PID": ["kill", "tkill", "tgkill", "getsid", "getpgid", "setpgid", "wait4",
                    "pidfd_open", "sched_getaffinity", "sched_setaffinity", "sched_getparam",
                    "sched_setparam", "sched_getscheduler", "sched_setscheduler",
                    "sched_rr_get_interval", "sched_getattr", "sched_setattr", "prlimit64",
                    "process_vm_readv", "process_vm_writev", "get_robust_list", "kcmp",
                    "migrate_pages", "move_pages", "rt_sigqueueinfo", "rt_tgsigqueueinfo"],
    "SE_ARG1_PID": ["tgkill", "kcmp", "ptrace", "rt_tgsigqueueinfo"],
    # -k reads the process's mappings again after these (strace's mmap_notify list)
    "SE_MAPS": ["mmap", "munmap", "mprotect", "mremap", "pkey_mprotect", "remap_file_pages",
                "shmat", "shmdt", "execve", "execveat"],
}


def flags_of(name):
    f = [k for k, names in PROPERTIES.items() if name in names]
    return "|".join(f) if f else "0"


def c_str(s):
    return '"' + s + '"'


def gen():
    rows = read_tbl()
    kernel, events = read_formats()

    renames = {}
    out_rows = []
    every = {name for _, name, _ in rows}
    for k, names in PROPERTIES.items():
        missing = set(names) - every
        if missing:
            sys.exit(f"gen-syscalls.py: {k} names unknown syscalls: {sorted(missing)}")
    unknown = []
    for nr, name, entry in rows:
        ev = entry[len("sys_"):] if entry and entry.startswith("sys_") else None
        if ev == "ni_syscall":
            ev = None
        if ev and ev != name:
            renames[name] = ev
        if ev in events:
            args, known, note = parse_args(events[ev]), 1, None
        elif ev in NO_EVENT:
            args, known, note = parse_args(NO_EVENT[ev]), 1, "from include/linux/syscalls.h"
        elif ev is None:
            args, known, note = None, 0, "not implemented on x86_64"
        else:
            args, known, note = None, 0, "no tracefs event, prototype unknown"
        if args is None:
            unknown.append((nr, name, note))
        out_rows.append((nr, name, args, known, note))

    if renames != EXPECTED_RENAMES:
        sys.exit(f"gen-syscalls.py: renames changed: {renames}")
    used = {ev for ev in events}
    wanted = {r[2][4:] for r in rows if r[2] and r[2].startswith("sys_")}
    stray = sorted(used - wanted)

    nmax = max(r[0] for r in out_rows) + 1
    nknown = sum(1 for r in out_rows if r[3])
    p = print
    p("/* SPDX-License-Identifier: GPL-2.0 */")
    p("/*")
    p(" * generated by user/decode/names/tables/gen-syscalls.py, do not edit")
    p(" *")
    p(" * x86_64 syscalls: numbers and names from user/decode/names/tables/src/syscall_64.tbl")
    p(" * (Linux v6.18 arch/x86/entry/syscalls/syscall_64.tbl, \"common\" and \"64\" rows),")
    p(" * argument names and types from user/decode/names/tables/src/syscall-formats.txt")
    p(f" * (tracefs sys_enter_* formats of {kernel}).")
    p(f" * {len(out_rows)} syscalls, {nknown} with a known signature.")
    p(" *")
    p(" * Signatures taken from include/linux/syscalls.h (no tracefs event there):")
    p(" *  " + " ".join(sorted(NO_EVENT)))
    p(" * Unknown signature (nargs 6, known 0):")
    for nr, name, note in unknown:
        p(f" *  {nr:3} {name}: {note}")
    if stray:
        p(" * tracefs events not in the table: " + " ".join(stray))
    p(" */")
    p("#ifndef SYSOBS_TABLES_SYSCALLS_H")
    p("#define SYSOBS_TABLES_SYSCALLS_H")
    p("")
    p("/* Needs struct sysent, enum arg_kind and enum sysent_flag from sysent.h. */")
    p(f"#define SYSENT_NR_MAX {nmax}")
    p("")
    p("static const struct sysent sysent_table[SYSENT_NR_MAX] = {")
    for nr, name, args, known, note in out_rows:
        if args is None:
            p(f"\t[{nr}] = {{ {c_str(name)}, 6, 0, {flags_of(name)}, {{ {{ 0 }} }} }},\t/* {note} */")
            continue
        if not args:
            p(f"\t[{nr}] = {{ {c_str(name)}, 0, 1, {flags_of(name)}, {{ {{ 0 }} }} }},")
            continue
        p(f"\t[{nr}] = {{ {c_str(name)}, {len(args)}, {known}, {flags_of(name)}, {{")
        for i, (ctype, aname) in enumerate(args):
            kind, len_arg = classify(name, args, i)
            p(f"\t\t{{ {c_str(aname)}, {c_str(ctype)}, {kind}, 0x{len_arg:02x} }},")
        p("\t} },")
    p("};")
    p("")
    p("#endif /* SYSOBS_TABLES_SYSCALLS_H */")
    stale = sorted(set(OVERRIDES) - USED_OVERRIDES)
    if stale:
        sys.exit(f"gen-syscalls.py: overrides matching no argument: {stale}")


if __name__ == "__main__":
    gen()
