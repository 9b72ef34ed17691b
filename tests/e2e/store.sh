#!/bin/sh
# The store (issue 4): idempotent loading, replacing a re-coded document,
# queries and their formats, filters that are data and never SQL, a load
# killed with SIGKILL and run again, two loads at once.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/store_common.sh"
DB="$T/t.db"

# ---- loading, idempotency, replacement ----
check_load "$DB"

# ---- queries ----
check_queries "$DB"

# ---- the situation picture (seed) ----
check_seed "$T/seed.db"

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
