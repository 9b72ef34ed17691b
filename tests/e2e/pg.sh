#!/bin/sh
# The store on PostgreSQL with PostGIS (issue 4): a real server started on
# loopback from Debian's packages (initdb in a temporary directory, pg_ctl
# start, stopped at the end), the same checks as the SQLite store, spatial
# and full-text queries through PostGIS and tsvector, two loads at once.
# As root (CI), the server runs as the `postgres` user Debian creates.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/store_common.sh"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "SKIP: no PostgreSQL server (scripts/setup.sh installs Debian's postgresql and postgis)"
    exit 77
fi
PGDIR=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
chmod 755 "$PGDIR"
AS=""
if [ "$(id -u)" = 0 ]; then
    chown postgres "$PGDIR"
    AS="runuser -u postgres --"
fi
PORT=$((20000 + $$ % 20000))
stop_pg() {
    $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PGDIR" "$T"
}
trap stop_pg EXIT
$AS "$PGBIN/initdb" -D "$PGDIR/data" -U sitrep --auth=trust -E UTF8 >"$T/initdb.log" 2>&1 ||
    { cat "$T/initdb.log"; fail "initdb"; finish; }
$AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
    { cat "$PGDIR/log"; fail "pg_ctl start"; finish; }
newdb() {
    $AS "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U sitrep "$1" || fail "createdb $1"
    echo "postgresql://sitrep@127.0.0.1:$PORT/$1"
}
psql_q() {
    $AS "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U sitrep -d "$1" -At -c "$2"
}

DB=$(newdb t)
check_load "$DB"
check_queries "$DB"
psql_q t "SELECT PostGIS_Version()" >/dev/null && ok "PostGIS is there" || fail "PostGIS"
n=$(psql_q t "SELECT count(*) FROM events WHERE geom IS NOT NULL")
[ "$n" -gt 0 ] && ok "$n events with a PostGIS point" || fail "no geometry stored"
check_seed "$(newdb seed)"

if [ -d "$SHARED" ]; then
    python3 - "$SHARED/corpora/fa-kes.docs.jsonl" "$T/big.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])][:400]
with open(sys.argv[2], "w") as f:
    for k in range(2):
        for d in docs:
            f.write(json.dumps(dict(d, id="%s-%d" % (d["id"], k))) + "\n")
PY
    REF=$(newdb ref)
    "$SITREP" code --db "$REF" -q "$T/big.jsonl" || fail "uninterrupted load"
    # a load killed with SIGKILL, then run again
    CR=$(newdb crash)
    "$SITREP" code --db "$CR" -q "$T/big.jsonl" & pid=$!
    sleep 1.5
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    echo "killed with $(psql_q crash 'SELECT count(*) FROM documents') documents stored"
    "$SITREP" code --db "$CR" -q "$T/big.jsonl" || fail "the load after a kill"
    # two loads at once
    TWO=$(newdb two)
    head -n 400 "$T/big.jsonl" >"$T/a.jsonl"; tail -n +401 "$T/big.jsonl" >"$T/b.jsonl"
    "$SITREP" code --db "$TWO" -q "$T/a.jsonl" & p1=$!
    "$SITREP" code --db "$TWO" -q "$T/b.jsonl" & p2=$!
    wait "$p1"; s1=$?; wait "$p2"; s2=$?
    [ "$s1" = 0 ] && [ "$s2" = 0 ] && ok "two loads at once both succeed" || fail "concurrent loads: exit $s1 $s2"
    for d in crash two; do
        a=$(psql_q ref "SELECT count(*), md5(string_agg(record, '|' ORDER BY id)) FROM events")
        b=$(psql_q "$d" "SELECT count(*), md5(string_agg(record, '|' ORDER BY id)) FROM events")
        docs=$(psql_q "$d" "SELECT count(*) = count(DISTINCT id) AND count(*) = 800 FROM documents")
        [ "$a" = "$b" ] && [ "$docs" = t ] && ok "$d: every document once, the same events ($a)" ||
            fail "$d: $b documents-ok=$docs, want $a"
    done
fi
finish
