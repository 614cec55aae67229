#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""The include graph of user/: dependencies point one way, bottom to top (docs/architecture.md).

usage: check.py [USER_DIR]    (default: user/ of this checkout)

Fails (exit 1, one line per finding) on
  - an include that goes up a layer (a file of layer N including a header of layer M > N),
  - an include cycle between files (foo.c and foo.h count as one module),
  - an include of a project header by a bare name (they are named from user/: "decode/call.h"),
  - the loader (setup/) including the decoders or the registry: it gets captures as data.
System headers (<...>), the BPF/user ABI "sysobs.h" and the generated skeleton are free.
"""
import os
import re
import sys

# Bottom to top. The first pattern a path (relative to user/) starts with gives its layer.
LAYERS = [
    ("lib/", "text builder and buffers"),
    ("decode/names/", "names and tables"),
    ("decode/call.", "the decoded forms"),
    ("decode/families/", "family decoders"),
    ("decode/registry.", "decoder registry"),
    ("decode/", "decode pipeline"),
    ("output/", "sinks"),
    ("consume/", "consumer"),
    ("setup/", "setup"),
    ("", "main and the command line"),
]
FORBIDDEN = [
    # (who, what it must not include, why)
    ("setup/", "decode/families/", "the loader receives captures as data (registry__specs)"),
    ("setup/", "decode/registry.", "the loader receives captures as data (registry__specs)"),
]
FREE = {"sysobs.h", "sysobs.skel.h", "sysobs-version.h"}	# the ABI, and what make generates
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(rel):
    for i, (prefix, _) in enumerate(LAYERS):
        if rel.startswith(prefix):
            return i
    raise AssertionError(rel)


def module(rel):
    return re.sub(r"\.[ch]$", "", rel)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "user")
    root = os.path.abspath(root)
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), root))
    if not files:
        print(f"layers: no sources under {root}")
        return 1
    errors = []
    graph = {}
    for rel in sorted(files):
        text = open(os.path.join(root, rel), encoding="utf-8").read()
        for inc in INCLUDE.findall(text):
            if inc in FREE:
                continue
            if not os.path.exists(os.path.join(root, inc)):
                here = os.path.join(os.path.dirname(rel), inc)
                if os.path.exists(os.path.join(root, here)) and "tables/" in inc:
                    inc = os.path.normpath(here)	# generated tables beside their reader
                else:
                    errors.append(f"{rel}: includes \"{inc}\": name project headers from user/")
                    continue
            a, b = layer_of(rel), layer_of(inc)
            if b > a:
                errors.append(f"{rel} ({LAYERS[a][1]}) includes {inc} ({LAYERS[b][1]}): "
                              "an include up a layer")
            for who, what, why in FORBIDDEN:
                if rel.startswith(who) and inc.startswith(what):
                    errors.append(f"{rel} includes {inc}: {why}")
            if module(inc) != module(rel):
                graph.setdefault(module(rel), set()).add(module(inc))
    # cycles: depth-first search, grey nodes on the current path
    state, path = {}, []

    def visit(m):
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                cyc = path[path.index(n):] + [n]
                errors.append("include cycle: " + " -> ".join(cyc))
            elif not state.get(n):
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if not state.get(m):
            visit(m)
    for e in errors:
        print("layers: " + e)
    print(f"layers: {len(files)} files, {sum(len(v) for v in graph.values())} includes, "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
