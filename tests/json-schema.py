#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Validate sysobs JSON Lines against docs/sysobs.schema.json (python3-jsonschema).

Usage: tests/json-schema.py FILE...  Every line of each FILE that starts with '{"v":' is one
object to validate (other lines, such as a command's own output, are not sysobs's). A file's
last such line must be its summary. Exit 0 when all are valid, 1 with one line per error, 77
when jsonschema is missing.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema not installed", file=sys.stderr)
    sys.exit(77)

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs",
                      "sysobs.schema.json")


def why(cls, schema, obj):
    """The first error against the definition of the object's own type, in one short line."""
    name = str(obj.get("type"))
    if name == "syscall":
        name += "2" if obj.get("v") == 2 else "1"
    if name not in schema["$defs"]:
        return f"no such type {name!r}"
    one = cls({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
    for err in one.iter_errors(obj):
        return f"{name}: {err.message[:200]} at {list(err.absolute_path)}"
    return "valid for its type but not for the whole schema"


def main(files):
    with open(SCHEMA) as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    val = cls(schema)
    bad = 0
    for path in files:
        last = None
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            for n, line in enumerate(f, 1):
                if not line.startswith('{"v":'):
                    continue
                obj = json.loads(line)
                last = obj
                if val.is_valid(obj):
                    continue
                bad += 1
                print(f"{path}:{n}: {why(cls, schema, obj)}")
        if last is not None and last.get("type") != "summary":
            print(f"{path}: the last object is a {last.get('type')!r}, not the summary")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
