#!/bin/sh
# The dictionaries validate and are as large as the issue asks.
. "$(dirname "$0")/lib.sh"
expect_status 0 "$SITREP" dict check
cat "$T/out" | tail -3
expect_status 0 "$SITREP" dict stats
cat "$T/out"
python3 - "$T/out" <<'PY' || fail "dictionary sizes"
import sys
st = dict(l.split(" ", 1) for l in open(sys.argv[1]) if l.strip())
countries = int(st["countries"])
actors = st["actors"]
orgs = int(actors.split("organisations ")[1].split(",")[0])
people = int(actors.split("people ")[1].rstrip(")\n"))
triggers = int(st["triggers"])
print(countries, orgs, people, triggers)
assert countries >= 195, countries
assert orgs >= 1000, orgs
assert people >= 1500, people
assert triggers >= 1500, triggers
PY
# a broken dictionary is reported with file and line
mkdir -p "$T/data/actors" "$T/data/triggers"
cp "$SRCDIR/data/roles.tsv" "$SRCDIR/data/countries.tsv" "$SRCDIR/data/agents.tsv" "$SRCDIR/data/grammar.tsv" "$T/data/"
printf 'person\tA Person\t-\tXXXGOV\t2020-01-01\t-\tbad code\nperson\tB Person\t-\tSYRGOV\t2020-01-01\t2019-01-01\tends before it starts\n' >"$T/data/actors/bad.tsv"
printf 'person\tC Person\t-\tSYRGOV\t2020-01-01\t2022-01-01\t-\nperson\tC Person\t-\tSYRREB\t2021-01-01\t-\toverlap\n' >>"$T/data/actors/bad.tsv"
printf 'attack\tASSAULT\t-\t190\t-\tno head mark\nattack/v\tATTACK\t-\t190\t-\tbad type\n' >"$T/data/triggers/bad.tsv"
expect_status 6 "$SITREP" dict check --data "$T/data"
for want in "bad.tsv:1: error: bad actor code" "bad.tsv:2: error: period ends" "overlaps" "needs exactly one head" "unknown PLOVER type"; do
    grep -q "$want" "$T/out" || fail "dict check does not report: $want"
done
expect_status 6 "$SITREP" code --data "$T/data" "$SRCDIR/examples/black-sea.txt"
finish
