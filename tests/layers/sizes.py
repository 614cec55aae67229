#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Sizes the tree keeps (docs/architecture.md): no C function over about 80 lines, no source file
over about 600, and bpf/sysobs.bpf.c holding only SEC programs. Generated tables are exempt.

usage: sizes.py [REPO_DIR]    prints one line per finding, exits 1 when there is one
"""
import os
import re
import sys

FUNC_MAX = 85		# "about 80": a little slack, no more
FILE_MAX = 620		# "about 600"
GENERATED = ("/tables/",)
FUNC_START = re.compile(r"^[A-Za-z_][\w \t\*]*\b(\w+)\s*\([^;]*$")


def functions(lines):
    """(name, first line, body lines) of each top-level function (kernel style: the brace of a
    function body alone at the start of a line, its end '}' too)."""
    i = 0
    while i < len(lines):
        m = FUNC_START.match(lines[i])
        if m and not lines[i].startswith(("typedef", "struct", "enum", "#")):
            j = i
            while j < len(lines) and not lines[j].startswith("{") and ";" not in lines[j]:
                j += 1
            if j < len(lines) and lines[j].startswith("{"):
                k = j + 1
                while k < len(lines) and not lines[k].startswith("}"):
                    k += 1
                yield m.group(1), i + 1, k - j - 1
                i = k
        i += 1


def main():
    repo = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    bad = []
    nfiles = 0
    for top in ("user", "bpf", "target"):
        for d, _, names in os.walk(os.path.join(repo, top)):
            for n in sorted(names):
                p = os.path.join(d, n)
                rel = os.path.relpath(p, repo)
                if not n.endswith((".c", ".h")) or any(g in "/" + rel for g in GENERATED):
                    continue
                nfiles += 1
                lines = open(p, encoding="utf-8").read().split("\n")
                if len(lines) > FILE_MAX:
                    bad.append(f"{rel}: {len(lines)} lines (at most about 600)")
                for name, line, body in functions(lines):
                    if body > FUNC_MAX:
                        bad.append(f"{rel}:{line}: {name}() has {body} lines (at most about 80)")
    main_bpf = os.path.join(repo, "bpf", "sysobs.bpf.c")
    text = open(main_bpf, encoding="utf-8").read().split("\n")
    for name, line, _ in functions(text):
        prev = text[line - 2] if line >= 2 else ""
        if not prev.startswith("SEC("):
            bad.append(f"bpf/sysobs.bpf.c:{line}: {name}() is not a SEC program (move it to a "
                       "bpf/*.bpf.h)")
    for b in bad:
        print("sizes: " + b)
    print(f"sizes: {nfiles} files, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
