#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
# docs/sysobs.schema.json is a valid JSON Schema, the golden replays' JSON (v2) follows it, and
# the validator (tests/json-schema.py, also run on every test's JSON by tests/lib.sh) refuses
# objects that break it.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed" >&2; exit 77; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "SKIP: python3-jsonschema not installed" >&2; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

python3 "$here/json-schema.py" "$here"/golden/*.jsonl || { echo "FAIL: the goldens break the schema" >&2; exit 1; }

# refuse WHAT SED-EXPR: the changed golden must fail
refuse() {
	sed "$2" "$here/golden/errors.jsonl" >"$T/bad.jsonl"
	if python3 "$here/json-schema.py" "$T/bad.jsonl" >"$T/out" 2>&1; then
		echo "FAIL: the schema accepts $1" >&2
		exit 1
	fi
}
refuse "a negative pid" 's/"pid":/"pid":-/'
refuse "an argument without its text" 's/,"text":"[^"]*"}/}/'
refuse "an unknown field" 's/"ret_text"/"ret_txt"/'
refuse "v2 without comm" 's/"comm":"errors",//'
refuse "a summary that is not last" '$d'
refuse "a value of no JSON type it may have" 's/"value":\([0-9]\)/"value":true,"x":\1/'
echo "json-schema: the goldens are valid, and six breakages are refused"
