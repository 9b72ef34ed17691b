#!/bin/sh
# The command line: help, usage errors and their exit codes, stdin,
# formats, --explain.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$SITREP" --help
grep -q "exit status" "$T/out" || fail "--help does not document the exit status"
expect_status 0 "$SITREP" --version
expect_status 2 "$SITREP"
expect_status 2 "$SITREP" frobnicate
expect_status 2 "$SITREP" code --bogus x.txt
expect_status 2 "$SITREP" code --date 2026-13-45 x.txt
expect_status 2 "$SITREP" code --format xml x.txt
expect_status 2 "$SITREP" eval docs.jsonl
grep -q "^sitrep: " "$T/err" || fail "diagnostics are not prefixed with 'sitrep: '"

# stdin, with --date; records are JSON, one per line, with the schema's fields
printf 'Russian forces withdrew from the town on Monday.\n' >"$T/in.txt"
"$SITREP" code --date 2026-01-27 - <"$T/in.txt" >"$T/out.jsonl" || fail "code from stdin"
python3 - "$T/out.jsonl" <<'PY' || fail "record fields"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert len(recs) == 1, recs
r = recs[0]
for k in ("doc", "id", "type", "modality", "mentions"):
    assert k in r, k
assert r["doc"] == "stdin" or r["doc"] == "-" or r["doc"], r["doc"]
assert r["type"] == "RETREAT" and r["source"]["code"] == "RUSMIL", r
assert r["date"]["start"] == "2026-01-26", r["date"]
m = r["mentions"][0]
text = open(sys.argv[1].replace("out.jsonl", "in.txt"), "rb").read()
assert text[m["span"][0]:m["span"][1]].decode() == m["quote"], m
PY
ok "stdin record"

# a plain file: id from the name, Date header
printf 'Date: 2026-01-27\n\nIsrael did not attack Lebanon.\n' >"$T/my-report.txt"
"$SITREP" code "$T/my-report.txt" >"$T/o" || fail "code file"
grep -q '"doc":"my-report"' "$T/o" || fail "document id is not the base name"
grep -q '"modality":"negated"' "$T/o" || fail "negation not coded"

# table and explain
"$SITREP" code --format table --explain "$T/my-report.txt" >"$T/o" || fail "table"
grep -q "^E1 " "$T/o" || fail "table has no E1 row"
grep -q "why:" "$T/o" || fail "table --explain has no reasons"
"$SITREP" code --explain "$T/my-report.txt" | grep -q '"explain":{"trigger":' || fail "--explain field"

# output that cannot be written
if [ -w /dev/full ]; then
    expect_status 3 sh -c "\"$SITREP\" code \"$T/my-report.txt\" >/dev/full"
fi
finish
