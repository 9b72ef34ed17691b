#!/bin/sh
# The store (issue 4): idempotent loading, replacing a re-coded document,
# queries and their formats, filters that are data and never SQL, a load
# killed with SIGKILL and run again, two loads at once.
. "$(dirname "$0")/lib.sh"
DB="$T/t.db"
EX="$SRCDIR/examples"

# ---- loading, idempotency, replacement ----
"$SITREP" code --db "$DB" "$EX"/*.txt 2>"$T/load1" || fail "loading the examples"
grep -q "3 documents stored" "$T/load1" && ok "3 documents stored" || { fail "first load"; cat "$T/load1"; }
"$SITREP" code --db "$DB" "$EX"/*.txt 2>"$T/load2" || fail "loading again"
grep -q "0 documents stored (0 events), 3 already there" "$T/load2" && ok "a second load skips them" ||
    { fail "idempotent re-run"; cat "$T/load2"; }
n1=$("$SITREP" query --db "$DB" | wc -l)
[ "$n1" -gt 5 ] && ok "$n1 records stored" || fail "too few records: $n1"
# the same id with other content replaces its records
printf 'Date: 2026-02-18\n\nRussian forces shelled Kherson on Tuesday, officials said.\n' >"$T/black-sea.txt"
"$SITREP" code --db "$DB" "$T/black-sea.txt" 2>/dev/null || fail "re-coding a document"
nb=$("$SITREP" query --db "$DB" | python3 -c 'import json,sys; print(sum(json.loads(l)["doc"]=="black-sea" for l in sys.stdin))')
[ "$nb" = 1 ] && ok "re-coded document replaced (1 record)" || fail "black-sea holds $nb records after re-coding"

# ---- queries ----
python3 - "$SITREP" "$DB" <<'PY' || fail "queries"
import csv, io, json, subprocess, sys
sitrep, db = sys.argv[1], sys.argv[2]
def q(*args):
    p = subprocess.run([sitrep, "query", "--db", db, *args], capture_output=True, text=True)
    assert p.returncode == 0, (args, p.stderr)
    return p.stdout
allr = [json.loads(l) for l in q().splitlines()]
def codes(r):
    return [(r.get(k) or {}).get("code") or "" for k in ("source", "target")]
rus = [json.loads(l) for l in q("--actor", "RUS").splitlines()]
assert rus and all(any(c.startswith("RUS") for c in codes(r)) for r in rus), "actor prefix"
assert len(rus) == sum(any(c.startswith("RUS") for c in codes(r)) for r in allr), "actor count"
for t in ("ASSAULT", "PROTEST"):
    got = [json.loads(l) for l in q("--type", t).splitlines()]
    assert got and all(r["type"] == t for r in got), t
    assert len(got) == sum(r["type"] == t for r in allr), t
loc = [r for r in allr if r.get("location")]
cc = loc[0]["location"]["country"]
got = [json.loads(l) for l in q("--country", cc).splitlines()]
assert got and all(r["location"]["country"] == cc for r in got), "country"
lat, lon = loc[0]["location"]["lat"], loc[0]["location"]["lon"]
got = [json.loads(l) for l in q("--bbox", "%f,%f,%f,%f" % (lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5)).splitlines()]
assert got and all(abs(r["location"]["lat"] - lat) <= 0.5 and abs(r["location"]["lon"] - lon) <= 0.5 for r in got), "bbox"
d = allr[0]["date"]["start"]
got = [json.loads(l) for l in q("--from", d, "--to", d).splitlines()]
assert got and all(r["date"]["start"] <= d <= r["date"]["end"] for r in got), "dates"
got = [json.loads(l) for l in q("--modality", "planned").splitlines()]
assert all(r["modality"] == "planned" for r in got), "modality"
# full text: documents and their records
docs = [json.loads(l) for l in q("--text", "Odesa", "--docs").splitlines()]
assert [x["id"] for x in docs] == ["black-sea"] or docs == [], docs
got = [json.loads(l) for l in q("--text", "El Fasher").splitlines()]
assert got and all(r["doc"] == "sudan-talks" for r in got), "text"
# formats
rows = list(csv.DictReader(io.StringIO(q("--format", "csv"))))
assert len(rows) == len(allr) and rows[0]["id"] and "quote" in rows[0], "csv"
gj = json.loads(q("--format", "geojson"))
assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(loc), "geojson"
assert all(f["geometry"]["type"] == "Point" for f in gj["features"]), "geojson points"
gd = [l.split("\t") for l in q("--format", "gdelt").splitlines()]
assert len(gd) == len(allr) and all(len(r) == 61 for r in gd), "gdelt: 61 columns"
assert all(r[26] == (x["cameo"] or "") for r, x in zip(gd, allr)), "gdelt EventCode"
# filters are data, never SQL
for evil in ["RUS'; DROP TABLE events; --", "' OR '1'='1", "%", "_", '"; DELETE FROM documents; --']:
    for opt in ("--actor", "--type", "--country", "--modality", "--from"):
        out = q(opt, evil)
        assert out == "" or opt == "--from", (opt, evil, out[:100])
    q("--text", evil)
    q("--text", evil, "--docs")
assert len(q().splitlines()) == len(allr), "the events survived"
print("queries, formats and hostile filters: ok")
PY

# ---- the situation picture (seed) ----
if [ -d "$SHARED" ]; then
    SDB="$T/seed.db"
    "$SITREP" code --db "$SDB" --date 2026-01-27 "$SHARED/seed/000_1fcff5cda893491c.txt" 2>/dev/null || fail "seed"
    "$SITREP" situation --db "$SDB" --as-of 2026-01-27 --format json >"$T/sit.json" || fail "situation"
    "$SITREP" query --db "$SDB" >"$T/seed.jsonl"
    python3 "$SHARED/eval/score" --gold "$SHARED/gold/seed.gold.json" --pred "$T/seed.jsonl" --situation "$T/sit.json" |
        tee "$T/sitscore" | grep situation
    grep -q "situation: 6/6 facts" "$T/sitscore" && ok "all 6 facts" || fail "seed situation"
    "$SITREP" situation --db "$SDB" --as-of 2026-02-10 --format json | python3 -c '
import json, sys
s = json.load(sys.stdin)
t = [f for f in s["facts"] if f["kind"] == "truce"]
assert t and all(f["status"] == "expired" for f in t), t
print("as of 2026-02-10 the truce has expired: ok")' || fail "truce expiry"
    "$SITREP" situation --db "$SDB" --as-of 2026-01-27 --format table >"$T/sit.txt" && grep -q "truce" "$T/sit.txt" ||
        fail "situation table"
fi

# ---- a load killed with SIGKILL, then run again ----
if [ -d "$SHARED" ]; then
    python3 - "$SHARED/corpora/fa-kes.docs.jsonl" "$T/big.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as f:
    for k in range(5):
        for d in docs:
            f.write(json.dumps(dict(d, id="%s-%d" % (d["id"], k))) + "\n")
PY
    ndocs=$(wc -l <"$T/big.jsonl")
    "$SITREP" code --db "$T/ref.db" -q "$T/big.jsonl" || fail "uninterrupted load"
    "$SITREP" code --db "$T/crash.db" -q "$T/big.jsonl" & pid=$!
    sleep 0.8
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    python3 -c 'import sqlite3, sys
n = sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0]
print("killed with %d of %s documents stored" % (n, sys.argv[2]))
sys.exit(0 if n < int(sys.argv[2]) else 1)' "$T/crash.db" "$ndocs" || fail "the load finished before the kill: no crash tested"
    "$SITREP" code --db "$T/crash.db" -q "$T/big.jsonl" || fail "the load after a kill"
    python3 - "$T/ref.db" "$T/crash.db" "$ndocs" <<'PY' || fail "the database after a kill"
import hashlib, sqlite3, sys
def summary(path):
    c = sqlite3.connect(path)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", path
    n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    d = c.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0]
    recs = sorted(r[0] for r in c.execute("SELECT record FROM events"))
    m = c.execute("SELECT count(*) FROM mentions").fetchone()[0]
    fts = c.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
    return n, d, hashlib.sha256("\n".join(recs).encode()).hexdigest(), len(recs), m, fts
ref, got = summary(sys.argv[1]), summary(sys.argv[2])
assert got[0] == got[1] == int(sys.argv[3]), ("documents", got[:2])
assert ref == got, (ref, got)
print("after SIGKILL and a re-run: %d documents once each, %d events as an uninterrupted load" % (got[0], got[3]))
PY

    # ---- two loads at once into one database ----
    head -n 2000 "$T/big.jsonl" >"$T/a.jsonl"; tail -n +2001 "$T/big.jsonl" >"$T/b.jsonl"
    "$SITREP" code --db "$T/two.db" -q "$T/a.jsonl" & p1=$!
    "$SITREP" code --db "$T/two.db" -q "$T/b.jsonl" & p2=$!
    wait "$p1"; s1=$?; wait "$p2"; s2=$?
    [ "$s1" = 0 ] && [ "$s2" = 0 ] && ok "two loads at once both succeed" || fail "concurrent loads: exit $s1 $s2"
    python3 - "$T/ref.db" "$T/two.db" <<'PY' || fail "concurrent loads lost or doubled events"
import sqlite3, sys
def recs(p):
    c = sqlite3.connect(p)
    return sorted(r[0] for r in c.execute("SELECT record FROM events")), c.execute("SELECT count(*) FROM documents").fetchone()[0]
a, b = recs(sys.argv[1]), recs(sys.argv[2])
assert a == b, (len(a[0]), len(b[0]), a[1], b[1])
print("two concurrent loads: %d documents, %d events, none lost or doubled" % (b[1], len(b[0])))
PY
fi
finish
