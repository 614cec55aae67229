#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Generate user/decode/names/tables/flags.h: value -> name tables for the argument decoders.

usage: gen-flags.py > user/decode/names/tables/flags.h   (needs a C compiler and linux-libc-dev)

Every table names the header its constants come from.  Names are picked from the
macros that header defines (cc -E -dM, so constants from the headers it includes
count too) by a regular expression; values are whatever the compiler evaluates
them to (a small C program prints them), so nothing here is typed by hand but the
names' shape and, where strace does not list a set by value, strace's order
(src/xlat/*.in in strace 6.1): a flags table is printed in table order, each
entry taking its bits off the value.  Among names with the same value the first
in the order wins; ALIASES lists the names dropped for another.
"""

import os
import re
import subprocess
import sys
import tempfile

CC = os.environ.get("CC", "cc")

# (table, header(s), name regex, kind, options)
#  kind "flags": OR of bits, printed in order; "enum": one value.
#  order: names that come first, in this order (strace's xlat order); the rest by value.
#  exclude: names matching the regex that are not members (masks, aliases, limits).
#  enums: the header declares them in an enum, not as macros: look there too.
#  enum_name: only the enumerators of that enum (no macros).
TABLES = [
    ("open_access", ["linux/fcntl.h"], r"O_(RDONLY|WRONLY|RDWR)", "enum", {}),
    ("open_flags", ["linux/fcntl.h"], r"O_[A-Z]+", "flags", {
        # strace 6.1 src/xlat/open_mode_flags.in
        "order": ["O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK",
                  "O_SYNC", "O_DSYNC", "O_DIRECT", "O_LARGEFILE", "O_NOFOLLOW",
                  "O_NOATIME", "O_CLOEXEC", "O_PATH", "O_TMPFILE", "O_DIRECTORY",
                  "O_ASYNC"],
        "exclude": ["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE", "O_NDELAY", "O_RSYNC",
                    "O_NONE"],
        # O_SYNC and O_TMPFILE include other bits: strace lists them first
    }),
    ("at_flags", ["linux/fcntl.h"], r"AT_(SYMLINK_NOFOLLOW|REMOVEDIR|SYMLINK_FOLLOW|"
     r"NO_AUTOMOUNT|EMPTY_PATH|RECURSIVE|EACCESS)", "flags", {
        "exclude": ["AT_EACCESS"],  # same bit as AT_REMOVEDIR, faccessat2 only
    }),
    ("statx_sync", ["linux/fcntl.h"], r"AT_STATX_(SYNC_AS_STAT|FORCE_SYNC|DONT_SYNC)",
     "enum", {}),
    ("statx_mask", ["linux/stat.h"], r"STATX_[A-Z_]+", "flags", {
        "order": ["STATX_ALL", "STATX_BASIC_STATS"],
        "exclude": ["STATX__RESERVED"],
        "exclude_re": r"STATX_ATTR_.*",
    }),
    ("statx_attrs", ["linux/stat.h"], r"STATX_ATTR_[A-Z_]+", "flags", {}),
    ("file_types", ["linux/stat.h"], r"S_IF(SOCK|LNK|REG|BLK|DIR|CHR|IFO)", "enum", {}),
    ("access_modes", ["unistd.h"], r"[RWX]_OK", "flags", {
        "order": ["R_OK", "W_OK", "X_OK"],  # strace's access_modes.in
    }),
    ("mode_special", ["linux/stat.h"], r"S_IS(UID|GID|VTX)", "flags", {
        "order": ["S_ISUID", "S_ISGID", "S_ISVTX"],
    }),
    ("flock_ops", ["sys/file.h"], r"LOCK_(SH|EX|NB|UN)", "flags", {}),
    ("mmap_prot", ["linux/mman.h"], r"PROT_[A-Z_]+", "flags", {
        "exclude": ["PROT_NONE"],  # printed for 0 by the decoder
        "order": ["PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_SEM"],
    }),
    ("mmap_type", ["linux/mman.h"], r"MAP_(SHARED|PRIVATE|SHARED_VALIDATE)", "enum", {}),
    ("mmap_flags", ["linux/mman.h"], r"MAP_[A-Z0-9_]+", "flags", {
        "exclude": ["MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE", "MAP_TYPE",
                    "MAP_FILE", "MAP_HUGE_SHIFT", "MAP_HUGE_MASK", "MAP_UNINITIALIZED"],
        "exclude_re": r"MAP_HUGE_[0-9]+[KMG]B",
    }),
    ("madvise_advice", ["linux/mman.h"], r"MADV_[A-Z_]+", "enum", {}),
    ("mremap_flags", ["linux/mman.h"], r"MREMAP_[A-Z_]+", "flags", {}),
    ("signals", ["asm/signal.h"], r"SIG[A-Z0-9]+", "enum", {
        "exclude": ["SIGIOT", "SIGPOLL", "SIGUNUSED", "SIGRTMIN", "SIGRTMAX", "SIGSTKSZ",
                    "SIGCLD"],
        "max": 31,
    }),
    ("sa_flags", ["asm/signal.h"], r"SA_[A-Z_]+", "flags", {
        "exclude": ["SA_NOMASK", "SA_ONESHOT"],  # aliases of SA_NODEFER, SA_RESETHAND
    }),
    ("sigprocmask_how", ["asm/signal.h"], r"SIG_(BLOCK|UNBLOCK|SETMASK)", "enum", {}),
    # si_code: SI_* for any signal, then the codes each kernel-sent signal has of its own
    ("si_codes", ["asm/siginfo.h"], r"SI_[A-Z]+", "enum", {
        "exclude": ["SI_FROMUSER", "SI_FROMKERNEL"],
    }),
    ("cld_codes", ["asm/siginfo.h"], r"CLD_[A-Z]+", "enum", {}),
    ("segv_codes", ["asm/siginfo.h"], r"SEGV_[A-Z]+", "enum", {}),
    ("bus_codes", ["asm/siginfo.h"], r"BUS_[A-Z_]+", "enum", {}),
    ("ill_codes", ["asm/siginfo.h"], r"ILL_[A-Z]+", "enum", {}),
    ("fpe_codes", ["asm/siginfo.h"], r"FPE_[A-Z]+", "enum", {}),
    ("trap_codes", ["asm/siginfo.h"], r"TRAP_[A-Z]+", "enum", {}),
    ("poll_codes", ["asm/siginfo.h"], r"POLL_[A-Z]+", "enum", {}),
    ("sys_codes", ["asm/siginfo.h"], r"SYS_(SECCOMP|USER_DISPATCH)", "enum", {}),
    ("clone_flags", ["linux/sched.h"], r"CLONE_[A-Z_]+", "flags", {
        "exclude": ["CLONE_ARGS_SIZE_VER0", "CLONE_ARGS_SIZE_VER1", "CLONE_ARGS_SIZE_VER2"],
    }),
    ("fcntl_cmds", ["linux/fcntl.h"], r"F_[A-Z_0-9]+", "enum", {
        "exclude": ["F_OK", "F_LINUX_SPECIFIC_BASE", "F_SEAL_SEAL", "F_SEAL_SHRINK",
                    "F_SEAL_GROW", "F_SEAL_WRITE", "F_SEAL_FUTURE_WRITE", "F_RDLCK",
                    "F_WRLCK", "F_UNLCK", "F_EXLCK", "F_SHLCK", "F_OWNER_TID",
                    "F_OWNER_PID", "F_OWNER_PGRP", "F_GETLK64", "F_SETLK64", "F_SETLKW64"],
        "exclude_re": r"F_(OK|SEAL_.*|OWNER_.*|.*_LCK)",
    }),
    ("fd_flags", ["linux/fcntl.h"], r"FD_CLOEXEC", "flags", {}),
    ("lseek_whence", ["linux/fs.h"], r"SEEK_(SET|CUR|END|DATA|HOLE)", "enum", {}),
    ("rlimit_resources", ["linux/resource.h"], r"RLIMIT_[A-Z]+", "enum", {
        "exclude": ["RLIMIT_NLIMITS"],
    }),
    ("socket_families", ["sys/socket.h"], r"AF_[A-Z0-9]+", "enum", {
        "exclude": ["AF_MAX", "AF_FILE", "AF_LOCAL", "AF_ROUTE"],
    }),
    ("socket_types", ["sys/socket.h"], r"SOCK_(STREAM|DGRAM|RAW|RDM|SEQPACKET|DCCP|PACKET)",
     "enum", {}),
    ("socket_type_flags", ["sys/socket.h"], r"SOCK_(CLOEXEC|NONBLOCK)", "flags", {
        "order": ["SOCK_CLOEXEC", "SOCK_NONBLOCK"],  # strace's sock_type_flags.in
    }),
    ("rusage_who", ["linux/resource.h"], r"RUSAGE_[A-Z]+", "enum", {}),
    # statfs's f_type and f_flags
    ("fs_magics", ["linux/magic.h"], r"[A-Z0-9_]+_MAGIC[0-9V_]*", "enum", {
        "exclude": ["STACK_END_MAGIC", "CRAMFS_MAGIC_WEND", "REISERFS_SUPER_MAGIC_STRING",
                    "REISER2FS_SUPER_MAGIC_STRING", "REISER2FS_JR_SUPER_MAGIC_STRING"],
    }),
    ("statfs_flags", ["sys/statvfs.h"], r"ST_[A-Z]+", "flags", {
        "gnu": True,
        # the kernel sets ST_VALID in every f_flags it fills; it is in no uapi header
        "kernel": {"ST_VALID": (0x20, "include/linux/statfs.h")},
        "order": ["ST_VALID"],  # strace's statfs_flags.in
    }),
    # setsockopt/getsockopt: levels, and the options of the common ones
    ("socket_levels", ["sys/socket.h", "netinet/in.h", "netinet/tcp.h", "netinet/udp.h"],
     r"SOL_[A-Z0-9_]+", "enum", {}),
    ("so_options", ["sys/socket.h"], r"SO_[A-Z0-9_]+", "enum", {
        "exclude_re": r"SO_(EE|TXTIME)_.*",
        # the names strace 6.1 shows for the values x86-64 has twice
        "order": ["SO_RCVTIMEO_OLD", "SO_SNDTIMEO_OLD", "SO_TIMESTAMP_OLD",
                  "SO_TIMESTAMPNS_OLD", "SO_TIMESTAMPING_OLD"],
    }),
    ("ip_options", ["netinet/in.h"], r"IP_[A-Z0-9_]+", "enum", {
        "exclude_re": r"IP_(PMTUDISC_.*|DEFAULT_.*|MAX_.*|RECVRETOPTS|MSFILTER_SIZE|"
                      r"UNICAST_IF|.*_ANY|LOCAL_PORT_RANGE)",
    }),
    ("ipv6_options", ["netinet/in.h"], r"IPV6_[A-Z0-9_]+", "enum", {
        "exclude_re": r"IPV6_(PMTUDISC_.*|PREFER_.*|RTHDR_.*|.*_SIZE|ADD_MEMBERSHIP|"
                      r"DROP_MEMBERSHIP|RXHOPOPTS|RXDSTOPTS)",
    }),
    ("tcp_options", ["netinet/tcp.h"], r"TCP_[A-Z0-9_]+", "enum", {
        "exclude_re": r"TCP_(MSS|MAXWIN|MD5SIG_FLAG_.*|MD5SIG_MAXKEYLEN|MSS_.*|MAX_.*|.*_LEN|REPAIR_(ON|OFF|OFF_NO_WP)|"
                      r"NO_QUEUE|RECV_QUEUE|SEND_QUEUE|QUEUES_NR|CA_.*|COOKIE_.*|"
                      r"S_DATA_.*|ESTABLISHED|SYN_.*|FIN_.*|TIME_WAIT|CLOSE.*|LAST_ACK|"
                      r"LISTEN|CLOSING)",
    }),
    ("msg_flags", ["sys/socket.h"], r"MSG_[A-Z_]+", "flags", {
        "exclude": ["MSG_TRYHARD"],  # MSG_DONTROUTE's other name
    }),
    # sendmsg/recvmsg control messages of SOL_SOCKET (SOL_IP's are named by ip_options)
    ("scm_types", ["sys/socket.h"], r"SCM_(RIGHTS|CREDENTIALS)", "enum", {"gnu": True}),
    ("resolve_flags", ["linux/openat2.h"], r"RESOLVE_[A-Z_]+", "flags", {}),
    ("personality_flags", ["linux/personality.h"],
     r"(UNAME26|ADDR_NO_RANDOMIZE|FDPIC_FUNCPTRS|MMAP_PAGE_ZERO|ADDR_COMPAT_LAYOUT|"
     r"READ_IMPLIES_EXEC|ADDR_LIMIT_32BIT|SHORT_INODE|WHOLE_SECONDS|STICKY_TIMEOUTS|"
     r"ADDR_LIMIT_3GB)", "flags", {"enums": True}),
    ("shutdown_hows", ["sys/socket.h"], r"SHUT_(RD|WR|RDWR)", "enum", {}),
    ("prio_which", ["sys/resource.h"], r"PRIO_(PROCESS|PGRP|USER)", "enum", {}),
    ("rename_flags", ["linux/fs.h"], r"RENAME_(NOREPLACE|EXCHANGE|WHITEOUT)", "flags", {}),
    ("epoll_ctl_ops", ["linux/eventpoll.h"], r"EPOLL_CTL_(ADD|DEL|MOD)", "enum", {}),
    ("epoll_create_flags", ["linux/eventpoll.h"], r"EPOLL_CLOEXEC", "flags", {}),
    ("tfd_timer_flags", ["linux/timerfd.h"], r"TFD_TIMER_(ABSTIME|CANCEL_ON_SET)", "flags", {}),
    # strace 6.1's order (timerfd_create_flags.in, efd_flags.in)
    ("tfd_flags", ["linux/timerfd.h"], r"TFD_(CLOEXEC|NONBLOCK)", "flags", {
        "order": ["TFD_CLOEXEC", "TFD_NONBLOCK"],
    }),
    ("efd_flags", ["sys/eventfd.h"], r"EFD_(SEMAPHORE|CLOEXEC|NONBLOCK)", "flags", {
        "order": ["EFD_SEMAPHORE", "EFD_CLOEXEC", "EFD_NONBLOCK"],
    }),
    ("futex_cmds", ["linux/futex.h"], r"FUTEX_[A-Z_0-9]+", "enum", {
        "exclude": ["FUTEX_PRIVATE_FLAG", "FUTEX_CLOCK_REALTIME", "FUTEX_CMD_MASK",
                    "FUTEX_WAITERS", "FUTEX_OWNER_DIED", "FUTEX_TID_MASK"],
        "exclude_re": r"FUTEX_(.*_PRIVATE|OP_.*|WAITV_MAX|32|8|16|64|SIZE_MASK|NUMA|"
                      r"MPOL|BITSET_MATCH_ANY)",
    }),
    ("futex_wake_ops", ["linux/futex.h"], r"FUTEX_OP_(SET|ADD|OR|ANDN|XOR)", "enum", {}),
    ("futex_wake_cmps", ["linux/futex.h"], r"FUTEX_OP_CMP_(EQ|NE|LT|LE|GT|GE)", "enum", {}),
    ("getrandom_flags", ["linux/random.h"], r"GRND_[A-Z]+", "flags", {}),
    ("mlockall_flags", ["sys/mman.h"], r"MCL_(CURRENT|FUTURE|ONFAULT)", "flags", {}),
    # prctl's options: the PR_ names that are options, not the values some options take
    ("prctl_options", ["linux/prctl.h"], r"PR_(GET|SET)_[A-Z0-9_]+|PR_CAPBSET_(READ|DROP)|"
     r"PR_TASK_PERF_EVENTS_(DISABLE|ENABLE)|PR_MCE_KILL(_GET)?|PR_MPX_[A-Z_]+_MANAGEMENT|"
     r"PR_CAP_AMBIENT|PR_(SVE|SME)_(SET|GET)_VL|PR_PAC_[A-Z_]+KEYS|PR_SCHED_CORE", "enum", {
        "exclude_re": r"PR_SET_MM_.*|PR_SET_VMA_.*|PR_SET_PTRACER_ANY|PR_(SVE|SME)_SET_VL_.*|"
                      r"PR_GET_.*_MASK|PR_SET_.*_MASK",
    }),
    ("capabilities", ["linux/capability.h"], r"CAP_[A-Z_]+", "enum", {
        "exclude": ["CAP_LAST_CAP"],
        "exclude_re": r"CAP_.*_(MASK|SHIFT|VERSION).*|CAP_TO_.*|CAP_VALID",
        "max": 63,
    }),
    ("arch_prctl_codes", ["asm/prctl.h"], r"ARCH_[A-Z_0-9]+", "enum", {}),
    ("fadvise_advice", ["linux/fadvise.h"], r"POSIX_FADV_[A-Z]+", "enum", {}),
    ("clockids", ["linux/time.h"], r"CLOCK_[A-Z_]+", "enum", {
        "exclude": ["CLOCK_SGI_CYCLE"],
    }),
    ("poll_events", ["asm/poll.h"], r"POLL[A-Z]+", "flags", {
        "exclude": ["POLLFREE", "POLL_BUSY_LOOP"],
    }),
    ("inet_protocols", ["linux/in.h"], r"IPPROTO_[A-Z0-9]+", "enum", {
        "exclude": ["IPPROTO_MAX"],
    }),
    ("wait_options", ["linux/wait.h"], r"(WNOHANG|WUNTRACED|WCONTINUED|WNOWAIT|__WNOTHREAD|"
     r"__WALL|__WCLONE)", "flags", {}),
    # terminal ioctls' struct termios (strace 6.1 src/term.c): the flag words, and the fields
    # of c_oflag and c_cflag that hold a value, each printed apart
    ("term_iflags", ["asm/termbits.h"], r"(IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|"
     r"IGNCR|ICRNL|IUCLC|IXON|IXANY|IXOFF|IMAXBEL|IUTF8)", "flags", {}),
    ("term_oflags", ["asm/termbits.h"], r"(OPOST|OLCUC|ONLCR|OCRNL|ONOCR|ONLRET|OFILL|OFDEL)",
     "flags", {}),
    ("term_nldly", ["asm/termbits.h"], r"NL[01]", "enum", {}),
    ("term_crdly", ["asm/termbits.h"], r"CR[0-3]", "enum", {}),
    ("term_tabdly", ["asm/termbits.h"], r"TAB[0-3]", "enum", {}),
    ("term_bsdly", ["asm/termbits.h"], r"BS[01]", "enum", {}),
    ("term_vtdly", ["asm/termbits.h"], r"VT[01]", "enum", {}),
    ("term_ffdly", ["asm/termbits.h"], r"FF[01]", "enum", {}),
    ("term_bauds", ["asm/termbits.h"], r"B[0-9]+|BOTHER", "enum", {}),
    ("term_csize", ["asm/termbits.h"], r"CS[5-8]", "enum", {}),
    ("term_cflags", ["asm/termbits.h"], r"(CSTOPB|CREAD|PARENB|PARODD|HUPCL|CLOCAL|CMSPAR|"
     r"CRTSCTS)", "flags", {}),
    ("term_lflags", ["asm/termbits.h"], r"(ISIG|ICANON|XCASE|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|"
     r"TOSTOP|ECHOCTL|ECHOPRT|ECHOKE|FLUSHO|PENDIN|IEXTEN|EXTPROC)", "flags", {
        # strace 6.1 src/xlat/term_lflags.in
        "order": ["ISIG", "ICANON", "XCASE", "ECHO", "ECHOE", "ECHOK", "ECHONL", "NOFLSH",
                  "IEXTEN", "ECHOCTL", "ECHOPRT", "ECHOKE", "FLUSHO", "PENDIN", "TOSTOP",
                  "EXTPROC"],
    }),
    ("tcxonc_options", ["asm/termbits.h"], r"TC(OOFF|OON|IOFF|ION)", "enum", {}),
    ("tcflsh_options", ["asm/termbits.h"], r"TC(IFLUSH|OFLUSH|IOFLUSH)", "enum", {}),
    ("modem_flags", ["asm/termios.h"], r"TIOCM_[A-Z0-9]+", "flags", {
        "exclude": ["TIOCM_MODEM_BITS"],
    }),
    # faccessat2's own flag (AT_REMOVEDIR's bit)
    ("faccessat_flags", ["linux/fcntl.h"], r"AT_(SYMLINK_NOFOLLOW|EACCESS|EMPTY_PATH)", "flags",
     {}),
    # scheduling policies, named as glibc names them (SCHED_OTHER, strace's name for 0)
    ("sched_policies", ["sched.h"], r"SCHED_(OTHER|FIFO|RR|BATCH|ISO|IDLE|DEADLINE)", "enum",
     {"gnu": True}),
    ("waitid_idtypes", ["linux/wait.h"], r"P_(ALL|PID|PGID|PIDFD)", "enum", {}),
    ("waitid_options", ["linux/wait.h"], r"(WNOHANG|WEXITED|WSTOPPED|WCONTINUED|WNOWAIT|"
     r"__WNOTHREAD|__WALL|__WCLONE)", "flags", {
        # strace 6.1's order (waitid(..., WEXITED|WSTOPPED, ...)), WSTOPPED for WUNTRACED's bit
        "order": ["WNOHANG", "WEXITED", "WSTOPPED", "WCONTINUED", "WNOWAIT", "__WNOTHREAD",
                  "__WALL", "__WCLONE"],
    }),
    ("memfd_flags", ["linux/memfd.h"], r"MFD_(CLOEXEC|ALLOW_SEALING|HUGETLB|NOEXEC_SEAL|EXEC)",
     "flags", {}),
    ("rwf_flags", ["linux/fs.h"], r"RWF_[A-Z]+", "flags", {"exclude": ["RWF_SUPPORTED"]}),
    ("mpol_mode_flags", ["linux/mempolicy.h"], r"MPOL_F_(STATIC_NODES|RELATIVE_NODES|"
     r"NUMA_BALANCING)", "flags", {}),
    ("mpol_get_flags", ["linux/mempolicy.h"], r"MPOL_F_(NODE|ADDR|MEMS_ALLOWED)", "flags", {}),
    ("mbind_flags", ["linux/mempolicy.h"], r"MPOL_MF_(STRICT|MOVE|MOVE_ALL)", "flags", {}),
    ("inotify_init_flags", ["linux/inotify.h"], r"IN_(CLOEXEC|NONBLOCK)", "flags", {
        "order": ["IN_CLOEXEC", "IN_NONBLOCK"],
    }),
    ("inotify_masks", ["linux/inotify.h"], r"IN_[A-Z_]+", "flags", {
        "exclude": ["IN_CLOSE", "IN_MOVE", "IN_ALL_EVENTS", "IN_CLOEXEC", "IN_NONBLOCK"],
    }),
    ("keyctl_cmds", ["linux/keyctl.h"], r"KEYCTL_[A-Z_0-9]+", "enum", {
        "exclude_re": r"KEYCTL_(SUPPORTS_.*|MOVE_EXCL|CAPS.*|PKEY_.*)",
    }),
    ("key_specs", ["linux/keyctl.h"], r"KEY_SPEC_[A-Z_]+", "enum", {}),
    # ptrace's requests (generic and x86's) and options
    ("ptrace_cmds", ["linux/ptrace.h"], r"PTRACE_[A-Z_0-9]+", "enum", {
        "exclude_re": r"PTRACE_(O_.*|EVENT_.*|SYSCALL_INFO_.*|PEEKSIGINFO_SHARED|EVENTMSG_.*|"
                      r"GETFDPIC_.*|FLAGS_.*|.*_SIZE|LISTEN_.*|SYSEMU_.*_FLAG.*)",
        "max": 0x5000,
    }),
    ("ptrace_opts", ["linux/ptrace.h"], r"PTRACE_O_[A-Z_]+", "flags", {
        "exclude": ["PTRACE_O_MASK"],
    }),
    # constants <linux/*.h> declares as enumerators
    ("bpf_cmds", ["linux/bpf.h"], r"BPF_[A-Z_0-9]+", "enum", {
        "enum_name": "bpf_cmd",
        "exclude": ["BPF_PROG_RUN", "__MAX_BPF_CMD"],  # BPF_PROG_TEST_RUN's other name
    }),
    ("loop_flags", ["linux/loop.h"], r"LO_FLAGS_[A-Z_]+", "flags", {"enums": True}),
    ("mpol_modes", ["linux/mempolicy.h"], r"MPOL_(DEFAULT|PREFERRED|BIND|INTERLEAVE|LOCAL|"
     r"PREFERRED_MANY|WEIGHTED_INTERLEAVE)", "enum", {"enums": True}),
    # SIOCGIFFLAGS' ifr_flags
    ("iff_flags", ["linux/if.h"], r"IFF_[A-Z0-9_]+", "flags", {
        "exclude": ["IFF_VOLATILE"],
    }),
]

# ioctl request codes: terminals, files, sockets, block devices, loop devices; the sound ones
# that share terminal codes (strace prints both: "SNDCTL_TMR_START or TCSETS").
IOCTL_HEADERS = ["asm/termbits.h", "asm/ioctls.h", "linux/serial.h", "linux/fs.h", "linux/fiemap.h",
                 "linux/btrfs.h", "linux/sockios.h", "linux/loop.h", "linux/blktrace_api.h", "linux/blkzoned.h",
                 "linux/soundcard.h"]
IOCTL_RE = r"(TC[A-Z]+[A-Z0-9]*|TIOC[A-Z0-9_]+|FIO[A-Z]+|FICLONE[A-Z]*|FIDEDUPERANGE|" \
           r"FS_IOC_[A-Z0-9_]+|BTRFS_IOC_CLONE[A-Z_]*|SIOC[A-Z0-9_]+|BLK[A-Z0-9_]+|" \
           r"LOOP_[A-Z0-9_]+|SNDCTL_TMR_[A-Z_]+|FIGETBSZ|FIBMAP|FIFREEZE|FITHAW|FITRIM)"
IOCTL_EXCLUDE_RE = r"(TCIOFF|TCIOFLUSH|TCION|TCOOFF|TCOON|TCOFLUSH|TCIFLUSH|TCSANOW|" \
                   r"TCSADRAIN|TCSAFLUSH|TIOCPKT_.*|TIOCSER_TEMT|TIOCM_.*|FS_IOC_.*_FL|" \
                   r"SIOCDEVPRIVATE|SIOCPROTOPRIVATE|BLK_.*|BLKTRACE_H|TIOCSER_.*|SNDCTL_TMR_(METRONOME|" \
                   r"SELECT|SOURCE|TEMPO|TIMEBASE)|TC(GETS|SETS|SETSW|SETSF)2)"

IOCTL_SMALL = ["FIBMAP", "FIGETBSZ"]


def prelude(opts):
    """#defines before the headers: _GNU_SOURCE where glibc hides names without it."""
    return "#define _GNU_SOURCE\n" if opts.get("gnu") else ""


def macros(headers, opts=None, aliases=False):
    """The object-like macros the headers define; with aliases=False, not those defined as
    another macro's name (TIOCINQ is FIONREAD: strace names the code once)."""
    src = prelude(opts or {}) + "".join(f"#include <{h}>\n" for h in headers)
    out = subprocess.run([CC, "-dM", "-E", "-"], input=src, capture_output=True, text=True,
                         check=True).stdout
    names = []
    for line in out.splitlines():
        m = re.match(r"#define ([A-Za-z_][A-Za-z0-9_]*)(\(| |$)(.*)", line)
        if not m or m.group(2) == "(":
            continue
        body = m.group(3).strip()
        if not aliases and re.fullmatch(r"[A-Z][A-Z0-9_]*", body) and body != m.group(1):
            continue
        names.append(m.group(1))
    return names


def values(headers, names, opts=None):
    """The compiler's value for each name (None where it is not an integer constant)."""
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        c = os.path.join(tmp, "v.c")
        with open(c, "w") as f:
            f.write(prelude(opts or {}))
            # no <stdio.h>: glibc's headers would hide some uapi constants
            f.write("#include <linux/types.h>\n#include <stddef.h>\n")
            for h in headers:
                f.write(f"#include <{h}>\n")
            f.write("int printf(const char *fmt, ...);\n")
            f.write("int main(void)\n{\n")
            for n in names:
                f.write(f'\tprintf("%s %llx\\n", "{n}", (unsigned long long)({n}));\n')
            f.write("\treturn 0;\n}\n")
        exe = os.path.join(tmp, "v")
        r = subprocess.run([CC, "-w", c, "-o", exe], capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"gen-flags.py: cannot evaluate in {headers}:\n{r.stderr}")
        out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            n, v = line.split()
            res[n] = int(v, 16)
    return res


def enumerators(headers, opts=None):
    """The enumerators the headers declare (some uapi constants are enums, not macros); with
    opts["enum_name"], only those of that enum."""
    src = prelude(opts or {}) + "#include <linux/types.h>\n" + \
        "".join(f"#include <{h}>\n" for h in headers)
    out = subprocess.run([CC, "-E", "-P", "-"], input=src, capture_output=True, text=True,
                         check=True).stdout
    names = []
    tag = re.escape(opts["enum_name"]) + r"\s*" if opts and opts.get("enum_name") else \
        r"[^{;]*"
    for body in re.findall(r"\benum\s+" + tag + r"\{([^}]*)\}", out):
        for item in body.split(","):
            m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)", item)
            if m:
                names.append(m.group(1))
    return names


def select(headers, regex, opts):
    if opts.get("enum_name"):
        allnames = enumerators(headers, opts)
    else:
        allnames = macros(headers, opts, aliases=opts.get("aliases", True))
    if opts.get("enums"):
        allnames += enumerators(headers, opts)
    ex = set(opts.get("exclude", []))
    exre = opts.get("exclude_re")
    names = [n for n in allnames if re.fullmatch(regex, n) and n not in ex
             and not (exre and re.fullmatch(exre, n))]
    return sorted(set(names))


def order_entries(vals, opts):
    first = [n for n in opts.get("order", []) if n in vals]
    rest = sorted((n for n in vals if n not in first), key=lambda n: (vals[n], n))
    seen = set()
    out = []
    for n in first + rest:
        v = vals[n]
        if "max" in opts and v > opts["max"]:
            continue
        if v in seen:
            continue
        seen.add(v)
        out.append((v, n))
    return out


def emit_table(name, headers, entries, kind, kernel=None):
    p = print
    also = "".join(f", {n} from Linux's {src}" for n, (_, src) in (kernel or {}).items())
    p(f"/* {kind}, from <{'>, <'.join(headers)}>{also} */")
    p(f"static const struct xlat xl_{name}[] = {{")
    for v, n in entries:
        p(f'\t{{ {v:#x}ULL, "{n}" }},')
    p("};")
    p(f"const struct xlat_tab xt_{name} = {{ xl_{name}, {len(entries)} }};")
    p("")


def main():
    p = print
    p("/* SPDX-License-Identifier: GPL-2.0 */")
    p("/*")
    p(" * generated by user/decode/names/tables/gen-flags.py, do not edit")
    p(" *")
    p(" * Constant names for the argument decoders, values as the C compiler evaluates")
    p(" * the uapi headers of linux-libc-dev (and glibc's for AF_/SOCK_/access modes).")
    p(" * Each table says its header.  Included once, by user/decode/names/xlat.c.")
    p(" */")
    p("")
    decls = []
    for name, headers, regex, kind, opts in TABLES:
        if not regex:
            continue
        names = select(headers, regex, opts)
        vals = values(headers, names, opts)
        vals.update({n: v for n, (v, _) in opts.get("kernel", {}).items()})
        entries = order_entries(vals, opts)
        if not entries:
            raise SystemExit(f"gen-flags.py: table {name} is empty")
        emit_table(name, headers, entries, kind, opts.get("kernel"))
        decls.append(name)

    names = select(IOCTL_HEADERS, IOCTL_RE, {"exclude_re": IOCTL_EXCLUDE_RE, "aliases": False})
    vals = values(IOCTL_HEADERS, names)
    # several names may share a code (BTRFS_IOC_CLONE and FICLONE): keep them all, sorted
    # by code then name, as strace's ioctlent does; the decoder joins them with " or ".
    # (codes below 0x100 are other constants the pattern caught, but for FIBMAP and FIGETBSZ)
    entries = sorted(((v, n) for n, v in vals.items() if v > 0xff or n in IOCTL_SMALL),
                     key=lambda e: (e[0], e[1]))
    emit_table("ioctls", IOCTL_HEADERS, entries, "ioctl codes, sorted by code")
    decls.append("ioctls")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "flags-list.h"),
              "w") as f:
        f.write("/* SPDX-License-Identifier: GPL-2.0 */\n")
        f.write("/* generated by user/decode/names/tables/gen-flags.py, do not edit */\n")
        for d in decls:
            f.write(f"XLAT_TABLE({d})\n")


if __name__ == "__main__":
    main()
