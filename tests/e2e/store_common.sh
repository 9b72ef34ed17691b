# Checks of a store, shared by the SQLite and PostgreSQL tests (sourced).
# Each takes the database (a file path or a postgresql:// URL) as $1.

# loading, idempotency, replacement
check_load() {
    DB=$1
    EX="$SRCDIR/examples"
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
}

# queries, formats, hostile filters
check_queries() {
    DB=$1
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
}

# the seed's situation picture; $1 a fresh database
check_seed() {
    SDB=$1
    if [ -d "$SHARED" ]; then
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
}
