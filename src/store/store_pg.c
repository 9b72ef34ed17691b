/* store_pg.c -- the PostgreSQL store (postgresql:// URLs), for teams.
 *
 * The same tables as the SQLite store, with PostGIS for places (a
 * geography point per located event, a GiST index, box queries with
 * ST_Intersects) and a generated tsvector for full-text search.  Every
 * statement is prepared once (PQprepare) or sent with bound parameters
 * (PQexecParams); users' filters are never spliced into SQL.  Migrations
 * run under an advisory lock, so that two loaders starting at once do not
 * both create the schema.
 */
#include "store.h"
#include "../engine.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const pg_migrations[] = {
    /* 1 */
    "CREATE EXTENSION IF NOT EXISTS postgis;"
    "CREATE TABLE documents("
    "  id TEXT PRIMARY KEY, date TEXT, title TEXT, source TEXT, text TEXT NOT NULL,"
    "  hash TEXT NOT NULL, coded_at TEXT NOT NULL, sitrep_version TEXT NOT NULL,"
    "  fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED);"
    "CREATE INDEX documents_fts ON documents USING GIN(fts);"
    "CREATE TABLE events("
    "  id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT, source_code TEXT, target_code TEXT,"
    "  location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,"
    "  geom geography(Point, 4326), date_start TEXT, date_end TEXT, until TEXT, modality TEXT NOT NULL,"
    "  confidence DOUBLE PRECISION, record TEXT NOT NULL);"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE INDEX events_type ON events(type, date_start);"
    "CREATE INDEX events_source ON events(source_code text_pattern_ops);"
    "CREATE INDEX events_target ON events(target_code text_pattern_ops);"
    "CREATE INDEX events_date ON events(date_start);"
    "CREATE INDEX events_country ON events(location_country);"
    "CREATE INDEX events_geom ON events USING GIST(geom);"
    "CREATE TABLE mentions("
    "  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, n INTEGER NOT NULL, sent INTEGER,"
    "  start INTEGER, end_ INTEGER, quote TEXT, PRIMARY KEY(event, n));"
    "CREATE TABLE actors("
    "  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, role TEXT NOT NULL, text TEXT,"
    "  code TEXT, name TEXT, country TEXT, sector TEXT, PRIMARY KEY(event, role));"
    "CREATE INDEX actors_code ON actors(code);",
};
#define PG_NMIGRATIONS ((int)(sizeof pg_migrations / sizeof pg_migrations[0]))

enum { P_HAS, P_DELETE, P_DOC, P_EVENT, P_MENTION, P_ACTOR, NP };

static const char *const pg_sql[NP] = {
    "SELECT hash FROM documents WHERE id = $1",
    "DELETE FROM documents WHERE id = $1",
    "INSERT INTO documents(id, date, title, source, text, hash, coded_at, sitrep_version)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    "INSERT INTO events(id, doc, seq, type, mode, cameo, source_code, target_code, location_name,"
    " location_country, lat, lon, geom, date_start, date_end, until, modality, confidence, record)"
    " VALUES ($1, $2, $3::integer, $4, $5, $6, $7, $8, $9, $10, $11::float8, $12::float8,"
    " CASE WHEN $11 IS NULL THEN NULL ELSE"
    "  ST_SetSRID(ST_MakePoint($12::float8, $11::float8), 4326)::geography END,"
    " $13, $14, $15, $16, $17::float8, $18)",
    "INSERT INTO mentions(event, n, sent, start, end_, quote) VALUES ($1, $2::integer, $3::integer,"
    " $4::integer, $5::integer, $6)",
    "INSERT INTO actors(event, role, text, code, name, country, sector) VALUES ($1, $2, $3, $4, $5, $6, $7)",
};
static const int pg_nparams[NP] = {1, 1, 8, 18, 6, 7};

typedef struct pg_store {
    store base;
    PGconn *c;
} pg_store;

static int pg_fail(pg_store *s, sr_error *err, const char *what, PGresult *r)
{
    const char *m = r ? PQresultErrorMessage(r) : PQerrorMessage(s->c);
    char msg[200];
    snprintf(msg, sizeof msg, "%s", m && *m ? m : "error");
    size_t l = strlen(msg);
    while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' '))
        msg[--l] = '\0';
    /* (the URL may hold a password: name the server by its host only) */
    sr_seterr(err, SR_EIO, NULL, "postgresql", 0, -1, "%s: %s", what, msg);
    if (r)
        PQclear(r);
    return SR_EIO;
}

static int exec_ok(pg_store *s, const char *sql, sr_error *err)
{
    PGresult *r = PQexec(s->c, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return pg_fail(s, err, sql, r);
    PQclear(r);
    return SR_OK;
}

static int pg_begin(store *st, sr_error *err)
{
    return exec_ok((pg_store *)st, "BEGIN", err);
}

static int pg_commit(store *st, sr_error *err)
{
    return exec_ok((pg_store *)st, "COMMIT", err);
}

static void pg_rollback(store *st)
{
    PQclear(PQexec(((pg_store *)st)->c, "ROLLBACK"));
}

static int run_prepared(pg_store *s, int q, const char *const *v, sr_error *err, const char *what)
{
    char name[8];
    snprintf(name, sizeof name, "q%d", q);
    PGresult *r = PQexecPrepared(s->c, name, pg_nparams[q], v, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
        return pg_fail(s, err, what, r);
    PQclear(r);
    return SR_OK;
}

static int pg_has(store *st, const char *id, const char *hash, sr_error *err)
{
    pg_store *s = (pg_store *)st;
    const char *v[1] = {id};
    PGresult *r = PQexecPrepared(s->c, "q0", 1, v, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        return -pg_fail(s, err, "looking up a document", r);
    int same = PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), hash);
    PQclear(r);
    return same;
}

static int put_actor(pg_store *s, const char *eid, const char *role, const sr_actor *a, sr_error *err)
{
    const char *v[7] = {eid, role, a->text, a->code, a->name, a->country, a->sector};
    return run_prepared(s, P_ACTOR, v, err, "storing an actor");
}

static int pg_put(store *st, const sr_doc *doc, const char *hash, const sr_events *ev, sr_error *err)
{
    pg_store *s = (pg_store *)st;
    const char *del[1] = {doc->id};
    int rc = run_prepared(s, P_DELETE, del, err, "replacing a document");
    if (rc)
        return rc;
    char now[32];
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    size_t tlen;
    const char *text = sr_events_text(ev, &tlen);
    char *textz = malloc(tlen + 1);
    if (!textz) {
        sr_seterr(err, SR_ENOMEM, NULL, NULL, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    memcpy(textz, text, tlen);
    textz[tlen] = '\0';
    const char *dv[8] = {doc->id, doc->date && *doc->date ? doc->date : NULL, doc->title, doc->file, textz, hash,
                         now, SITREP_VERSION};
    rc = run_prepared(s, P_DOC, dv, err, "storing a document");
    jbuf b;
    jb_init(&b);
    for (size_t i = 0; rc == SR_OK && i < sr_events_count(ev); i++) {
        const sr_event *e = sr_events_get(ev, i);
        char eid[256], seq[24], lat[32], lon[32], conf[32];
        snprintf(eid, sizeof eid, "%s:%s", doc->id, e->id);
        snprintf(seq, sizeof seq, "%zu", i + 1);
        snprintf(lat, sizeof lat, "%.6f", e->location.lat);
        snprintf(lon, sizeof lon, "%.6f", e->location.lon);
        snprintf(conf, sizeof conf, "%.4f", e->confidence);
        b.n = 0;
        sr_record_json(ev, i, 0, &b);
        jb_raw(&b, "", 1);     /* NUL-terminated for libpq */
        if (b.oom) {
            rc = SR_ENOMEM;
            break;
        }
        const char *v[18] = {eid, doc->id, seq, e->type, e->mode, e->cameo,
                             e->has_source ? e->source.code : NULL, e->has_target ? e->target.code : NULL,
                             e->has_location ? e->location.name : NULL, e->has_location ? e->location.country : NULL,
                             e->has_location ? lat : NULL, e->has_location ? lon : NULL,
                             e->has_date ? e->date.start : NULL, e->has_date ? e->date.end : NULL,
                             e->until[0] ? e->until : NULL, e->modality, conf, b.p};
        if ((rc = run_prepared(s, P_EVENT, v, err, "storing an event")) != SR_OK)
            break;
        for (size_t k = 0; rc == SR_OK && k < e->nmentions; k++) {
            const sr_mention *m = &e->mentions[k];
            char n[24], sent[24], a[24], z[24];
            snprintf(n, sizeof n, "%zu", k + 1);
            snprintf(sent, sizeof sent, "%d", m->sent);
            snprintf(a, sizeof a, "%zu", m->start);
            snprintf(z, sizeof z, "%zu", m->end);
            char *quote = malloc(m->end - m->start + 1);
            if (!quote) {
                rc = SR_ENOMEM;
                break;
            }
            memcpy(quote, text + m->start, m->end - m->start);
            quote[m->end - m->start] = '\0';
            const char *mv[6] = {eid, n, sent, a, z, quote};
            rc = run_prepared(s, P_MENTION, mv, err, "storing a mention");
            free(quote);
        }
        if (rc == SR_OK && e->has_source)
            rc = put_actor(s, eid, "source", &e->source, err);
        if (rc == SR_OK && e->has_target)
            rc = put_actor(s, eid, "target", &e->target, err);
        if (rc == SR_OK && e->attribution.text)
            rc = put_actor(s, eid, "attribution", &e->attribution, err);
    }
    jb_free(&b);
    free(textz);
    return rc;
}

/* ---- queries ---------------------------------------------------------- */

static int run_rows(pg_store *s, store_sql *q, store_row_fn fn, void *ctx, sr_error *err)
{
    PGresult *r = PQexecParams(s->c, q->sql, q->nb, NULL, q->txt, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        return pg_fail(s, err, "running a query", r);
    int rc = SR_OK;
    for (int i = 0; i < PQntuples(r) && rc == SR_OK; i++) {
        store_row row = {PQgetisnull(r, i, 0) ? NULL : PQgetvalue(r, i, 0),
                         PQgetisnull(r, i, 1) ? NULL : PQgetvalue(r, i, 1),
                         PQgetisnull(r, i, 2) ? NULL : PQgetvalue(r, i, 2),
                         PQgetisnull(r, i, 3) ? NULL : PQgetvalue(r, i, 3)};
        rc = fn(ctx, &row);
    }
    PQclear(r);
    if (rc != SR_OK)
        sr_seterr(err, rc, NULL, NULL, 0, -1, "writing the results: %s", sr_strerror(rc));
    return rc;
}

static const store_dialect pg_dialect = {
    " AND ST_Intersects(e.geom, ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326)::geography)",
    " AND d.fts @@ phraseto_tsquery('simple', ?)",
    0,
};

static int pg_query(store *st, const sr_query *f, store_row_fn fn, void *ctx, sr_error *err)
{
    pg_store *s = (pg_store *)st;
    store_sql q;
    memset(&q, 0, sizeof q);
    q.dollar = 1;
    store_sql_add(&q, "SELECT e.record, d.date, d.title, d.source FROM events e JOIN documents d ON d.id = e.doc"
                      " WHERE true");
    store_sql_filters(&q, f, &pg_dialect);
    return run_rows(s, &q, fn, ctx, err);
}

static int pg_docs(store *st, const char *text, long limit, store_row_fn fn, void *ctx, sr_error *err)
{
    pg_store *s = (pg_store *)st;
    store_sql q;
    memset(&q, 0, sizeof q);
    q.dollar = 1;
    store_sql_add(&q, "SELECT d.id, d.date, d.title, d.source FROM documents d");
    if (text && *text)
        store_sql_text(&q, " WHERE d.fts @@ phraseto_tsquery('simple', ?)", text);
    store_sql_add(&q, " ORDER BY d.date, d.id");
    if (limit > 0)
        store_sql_num(&q, " LIMIT ?", (double)limit);
    return run_rows(s, &q, fn, ctx, err);
}

static void pg_close(store *st)
{
    pg_store *s = (pg_store *)st;
    PQfinish(s->c);
    free(s);
}

static const struct store_ops pg_ops = {pg_begin, pg_commit, pg_rollback, pg_has, pg_put, pg_query, pg_docs,
                                        pg_close};

static int pg_migrate(pg_store *s, sr_error *err)
{
    int rc = exec_ok(s, "BEGIN", err);
    /* one migrator at a time (a fixed advisory lock key: 'sitrep' as a number) */
    if (rc == SR_OK)
        rc = exec_ok(s, "SELECT pg_advisory_xact_lock(7310291516)", err);
    if (rc == SR_OK)
        rc = exec_ok(s, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)", err);
    int version = 0;
    if (rc == SR_OK) {
        PGresult *r = PQexec(s->c, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
            version = atoi(PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    if (rc == SR_OK && version > PG_NMIGRATIONS) {
        sr_seterr(err, SR_EIO, NULL, "postgresql", 0, -1,
                  "the database has schema version %d; this sitrep knows up to %d: upgrade sitrep", version,
                  PG_NMIGRATIONS);
        rc = SR_EIO;
    }
    for (int v = version; rc == SR_OK && v < PG_NMIGRATIONS; v++) {
        rc = exec_ok(s, pg_migrations[v], err);
        char set[160];
        snprintf(set, sizeof set,
                 "INSERT INTO meta(key, value) VALUES ('schema_version', '%d')"
                 " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", v + 1);
        if (rc == SR_OK)
            rc = exec_ok(s, set, err);
    }
    if (rc == SR_OK)
        return exec_ok(s, "COMMIT", err);
    PQclear(PQexec(s->c, "ROLLBACK"));
    return rc;
}

int store_pg_open(const char *url, store **out, sr_error *err)
{
    *out = NULL;
    pg_store *s = calloc(1, sizeof *s);
    if (!s) {
        sr_seterr(err, SR_ENOMEM, NULL, NULL, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    s->base.ops = &pg_ops;
    snprintf(s->base.url, sizeof s->base.url, "postgresql");
    s->c = PQconnectdb(url);
    if (PQstatus(s->c) != CONNECTION_OK) {
        int rc = pg_fail(s, err, "cannot connect", NULL);
        pg_close(&s->base);
        return rc;
    }
    PQclear(PQexec(s->c, "SET client_min_messages = warning"));
    int rc = pg_migrate(s, err);
    for (int i = 0; rc == SR_OK && i < NP; i++) {
        char name[8];
        snprintf(name, sizeof name, "q%d", i);
        PGresult *r = PQprepare(s->c, name, pg_sql[i], pg_nparams[i], NULL);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            rc = pg_fail(s, err, "preparing the statements", r);
        else
            PQclear(r);
    }
    if (rc != SR_OK) {
        pg_close(&s->base);
        return rc;
    }
    *out = &s->base;
    return SR_OK;
}
