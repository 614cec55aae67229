#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Compare two -f traces (strace's and sysobs's) of one multi-process run, process by process.

usage: follow-compare.py REFERENCE TRACE [NOISE...]

Each process (or thread: one per pid prefix) becomes its sequence of syscall names, and the
set of its "--- SIG ---" and "+++ ... +++" lines. Processes are matched as a sorted list, so
pids (which differ between runs) do not matter. Left out of the sequences, because they
depend on when signals come, not on the tracer: rt_sigreturn, restart_syscall, wait4 (a
shell polls its children as many times as the timing wants), and the NOISE names given (for
threads: futex, and the allocator's mmap/munmap/mprotect/brk/madvise that depend on how the
threads met). Signals count as a set: two signals of a kind sent close together are merged
by the kernel unless a ptrace stop kept them apart (README, Signals).
Exit status: 0 when they agree, 1 when not (a diff of the first differing process on stderr).
"""
import difflib
import re
import sys

LINE = re.compile(r'^(?:\[pid\s+(\d+)\] |(\d+)\s+)?(.*)$')
CALL = re.compile(r'^(\w+)\(')


def processes(path, ignored):
    seqs, ends = {}, {}
    with open(path, errors='replace') as f:
        for line in f:
            m = LINE.match(line.rstrip('\n'))
            pid = m.group(1) or m.group(2) or 'first'
            rest = m.group(3)
            seqs.setdefault(pid, [])
            ends.setdefault(pid, set())
            if rest.startswith('+++') or rest.startswith('---'):
                ends[pid].add(re.sub(r' \{.*\}', '', rest))
                continue
            if rest.startswith('<...'):
                continue	# the end of a call whose start was counted
            c = CALL.match(rest)
            if c and c.group(1) not in ignored:
                seqs[pid].append(c.group(1))
    return sorted((seqs[p], sorted(ends[p])) for p in seqs)


def main():
    if len(sys.argv) < 3:
        print(__doc__.split('\n')[2], file=sys.stderr)
        return 2
    ignored = {'rt_sigreturn', 'restart_syscall', 'wait4'} | set(sys.argv[3:])
    ref = processes(sys.argv[1], ignored)
    got = processes(sys.argv[2], ignored)
    if ref == got:
        return 0
    print(f'{len(ref)} processes in the reference, {len(got)} in the trace', file=sys.stderr)
    for a, b in zip(ref, got):
        if a != b:
            diff = difflib.unified_diff(a[0] + a[1], b[0] + b[1], 'reference', 'trace',
                                        lineterm='', n=2)
            print('\n'.join(list(diff)[:40]), file=sys.stderr)
            break
    return 1


if __name__ == '__main__':
    sys.exit(main())
