/* store_sqlite.c -- the SQLite store (the embedded default).
 *
 * WAL mode, so that readers never wait for a writer; a busy timeout and
 * retries, so that two processes loading the same file both get through;
 * one transaction per batch of documents (the caller's), so that a crash
 * loses at most the batch in progress and a re-run finishes it.  Every
 * statement is prepared once and every value bound.
 */
#include "store.h"
#include "../engine.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The schema, one migration per version: a database at version n gets
 * migrations n+1.. in one transaction. */
static const char *const migrations[] = {
    /* 1 */
    "CREATE TABLE documents("
    "  id TEXT PRIMARY KEY, date TEXT, title TEXT, source TEXT, text TEXT NOT NULL,"
    "  hash TEXT NOT NULL, coded_at TEXT NOT NULL, sitrep_version TEXT NOT NULL);"
    "CREATE TABLE events("
    "  id TEXT PRIMARY KEY,"
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT,"
    "  source_code TEXT, target_code TEXT,"
    "  location_name TEXT, location_country TEXT, lat REAL, lon REAL,"
    "  date_start TEXT, date_end TEXT, until TEXT, modality TEXT NOT NULL, confidence REAL,"
    "  record TEXT NOT NULL);"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE INDEX events_type ON events(type, date_start);"
    "CREATE INDEX events_source ON events(source_code);"
    "CREATE INDEX events_target ON events(target_code);"
    "CREATE INDEX events_date ON events(date_start);"
    "CREATE INDEX events_country ON events(location_country);"
    "CREATE TABLE mentions("
    "  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  sent INTEGER, start INTEGER, end_ INTEGER, quote TEXT, PRIMARY KEY(event, n));"
    "CREATE TABLE actors("
    "  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, role TEXT NOT NULL,"
    "  text TEXT, code TEXT, name TEXT, country TEXT, sector TEXT, PRIMARY KEY(event, role));"
    "CREATE INDEX actors_code ON actors(code);"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');"
    "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN"
    "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;"
    "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN"
    "  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"
    "  END;"
    "CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN"
    "  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"
    "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

enum { Q_HAS, Q_DELETE, Q_DOC, Q_EVENT, Q_MENTION, Q_ACTOR, NQ };

static const char *const sql_text[NQ] = {
    "SELECT hash FROM documents WHERE id = ?1",
    "DELETE FROM documents WHERE id = ?1",
    "INSERT INTO documents(id, date, title, source, text, hash, coded_at, sitrep_version)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "INSERT INTO events(id, doc, seq, type, mode, cameo, source_code, target_code, location_name,"
    " location_country, lat, lon, date_start, date_end, until, modality, confidence, record)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    "INSERT INTO mentions(event, n, sent, start, end_, quote) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO actors(event, role, text, code, name, country, sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};

typedef struct sqlite_store {
    store base;
    sqlite3 *db;
    sqlite3_stmt *st[NQ];
} sqlite_store;

static int fail(sqlite_store *s, sr_error *err, int code, const char *what)
{
    sr_seterr(err, code, NULL, s->base.url, 0, -1, "%s: %s", what, sqlite3_errmsg(s->db));
    return code;
}

/* Run statement text with no results, retrying while another process holds
 * the lock (the busy handler waits first). */
static int exec_retry(sqlite_store *s, const char *sql, sr_error *err)
{
    for (int attempt = 0;; attempt++) {
        char *msg = NULL;
        int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            return SR_OK;
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 50) {
            sqlite3_free(msg);
            usleep(100000);
            continue;
        }
        sr_seterr(err, SR_EIO, NULL, s->base.url, 0, -1, "%s: %s", sql, msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return SR_EIO;
    }
}

static int sq_begin(store *st, sr_error *err)
{
    return exec_retry((sqlite_store *)st, "BEGIN IMMEDIATE", err);
}

static int sq_commit(store *st, sr_error *err)
{
    return exec_retry((sqlite_store *)st, "COMMIT", err);
}

static void sq_rollback(store *st)
{
    sqlite3_exec(((sqlite_store *)st)->db, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_has(store *st, const char *id, const char *hash, sr_error *err)
{
    sqlite_store *s = (sqlite_store *)st;
    sqlite3_stmt *q = s->st[Q_HAS];
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q);
    int same = 0;
    if (rc == SQLITE_ROW) {
        const unsigned char *h = sqlite3_column_text(q, 0);
        same = h && !strcmp((const char *)h, hash);
    } else if (rc != SQLITE_DONE) {
        sqlite3_reset(q);
        return -fail(s, err, SR_EIO, "looking up a document");
    }
    sqlite3_reset(q);
    return same;
}

static void bind_str(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

static int step_done(sqlite_store *s, sqlite3_stmt *q, sr_error *err, const char *what)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    if (rc != SQLITE_DONE)
        return fail(s, err, SR_EIO, what);
    return SR_OK;
}

static int put_actor(sqlite_store *s, const char *eid, const char *role, const sr_actor *a, sr_error *err)
{
    sqlite3_stmt *q = s->st[Q_ACTOR];
    bind_str(q, 1, eid);
    bind_str(q, 2, role);
    bind_str(q, 3, a->text);
    bind_str(q, 4, a->code);
    bind_str(q, 5, a->name);
    bind_str(q, 6, a->country);
    bind_str(q, 7, a->sector);
    return step_done(s, q, err, "storing an actor");
}

static int sq_put(store *st, const sr_doc *doc, const char *hash, const sr_events *ev, sr_error *err)
{
    sqlite_store *s = (sqlite_store *)st;
    sqlite3_stmt *q = s->st[Q_DELETE];
    bind_str(q, 1, doc->id);
    int rc = step_done(s, q, err, "replacing a document");
    if (rc)
        return rc;
    char now[32];
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    size_t tlen;
    const char *text = sr_events_text(ev, &tlen);
    q = s->st[Q_DOC];
    bind_str(q, 1, doc->id);
    bind_str(q, 2, doc->date && *doc->date ? doc->date : NULL);
    bind_str(q, 3, doc->title);
    bind_str(q, 4, doc->file);
    sqlite3_bind_text(q, 5, text, (int)tlen, SQLITE_TRANSIENT);
    bind_str(q, 6, hash);
    bind_str(q, 7, now);
    bind_str(q, 8, SITREP_VERSION);
    if ((rc = step_done(s, q, err, "storing a document")) != SR_OK)
        return rc;
    jbuf b;
    jb_init(&b);
    for (size_t i = 0; i < sr_events_count(ev) && rc == SR_OK; i++) {
        const sr_event *e = sr_events_get(ev, i);
        char eid[256];
        snprintf(eid, sizeof eid, "%s:%s", doc->id, e->id);
        b.n = 0;
        sr_record_json(ev, i, 0, &b);
        if (b.oom) {
            rc = SR_ENOMEM;
            break;
        }
        q = s->st[Q_EVENT];
        bind_str(q, 1, eid);
        bind_str(q, 2, doc->id);
        sqlite3_bind_int64(q, 3, (sqlite3_int64)i + 1);
        bind_str(q, 4, e->type);
        bind_str(q, 5, e->mode);
        bind_str(q, 6, e->cameo);
        bind_str(q, 7, e->has_source ? e->source.code : NULL);
        bind_str(q, 8, e->has_target ? e->target.code : NULL);
        if (e->has_location) {
            bind_str(q, 9, e->location.name);
            bind_str(q, 10, e->location.country);
            sqlite3_bind_double(q, 11, e->location.lat);
            sqlite3_bind_double(q, 12, e->location.lon);
        }
        if (e->has_date) {
            bind_str(q, 13, e->date.start);
            bind_str(q, 14, e->date.end);
        }
        bind_str(q, 15, e->until[0] ? e->until : NULL);
        bind_str(q, 16, e->modality);
        sqlite3_bind_double(q, 17, e->confidence);
        sqlite3_bind_text(q, 18, b.p, (int)b.n, SQLITE_TRANSIENT);
        if ((rc = step_done(s, q, err, "storing an event")) != SR_OK)
            break;
        for (size_t k = 0; k < e->nmentions && rc == SR_OK; k++) {
            const sr_mention *m = &e->mentions[k];
            q = s->st[Q_MENTION];
            bind_str(q, 1, eid);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)k + 1);
            sqlite3_bind_int64(q, 3, m->sent);
            sqlite3_bind_int64(q, 4, (sqlite3_int64)m->start);
            sqlite3_bind_int64(q, 5, (sqlite3_int64)m->end);
            sqlite3_bind_text(q, 6, text + m->start, (int)(m->end - m->start), SQLITE_TRANSIENT);
            rc = step_done(s, q, err, "storing a mention");
        }
        if (rc == SR_OK && e->has_source)
            rc = put_actor(s, eid, "source", &e->source, err);
        if (rc == SR_OK && e->has_target)
            rc = put_actor(s, eid, "target", &e->target, err);
        if (rc == SR_OK && e->attribution.text)
            rc = put_actor(s, eid, "attribution", &e->attribution, err);
    }
    jb_free(&b);
    return rc;
}

/* ---- queries ---------------------------------------------------------- */

static int run_rows(sqlite_store *s, store_sql *b, store_row_fn fn, void *ctx, sr_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, b->sql, -1, &q, NULL) != SQLITE_OK)
        return fail(s, err, SR_EIO, "preparing a query");
    for (int i = 0; i < b->nb; i++) {
        if (b->kind[i] == 1)
            sqlite3_bind_text(q, i + 1, b->txt[i], -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_double(q, i + 1, b->num[i]);
    }
    int rc, out = SR_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        store_row r = {(const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
                       (const char *)sqlite3_column_text(q, 2), (const char *)sqlite3_column_text(q, 3)};
        if ((out = fn(ctx, &r)) != SR_OK)
            break;
    }
    if (out == SR_OK && rc != SQLITE_DONE)
        out = fail(s, err, SR_EIO, "running a query");
    if (out != SR_OK && out != SR_EIO)
        sr_seterr(err, out, NULL, s->base.url, 0, -1, "writing the results: %s", sr_strerror(out));
    sqlite3_finalize(q);
    return out;
}

static const store_dialect sqlite_dialect = {
    " AND e.lon >= ? AND e.lat >= ? AND e.lon <= ? AND e.lat <= ?",
    " AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
    1,
};

static int sq_query(store *st, const sr_query *qf, store_row_fn fn, void *ctx, sr_error *err)
{
    sqlite_store *s = (sqlite_store *)st;
    store_sql b;
    memset(&b, 0, sizeof b);
    store_sql_add(&b, "SELECT e.record, d.date, d.title, d.source FROM events e JOIN documents d ON d.id = e.doc"
                      " WHERE 1");
    store_sql_filters(&b, qf, &sqlite_dialect);
    return run_rows(s, &b, fn, ctx, err);
}

static int sq_docs(store *st, const char *text, long limit, store_row_fn fn, void *ctx, sr_error *err)
{
    sqlite_store *s = (sqlite_store *)st;
    store_sql b;
    memset(&b, 0, sizeof b);
    store_sql_add(&b, "SELECT d.id, d.date, d.title, d.source FROM documents d");
    if (text && *text) {
        store_fts_phrase(text, b.phrase, sizeof b.phrase);
        store_sql_text(&b, " WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                       b.phrase);
    }
    store_sql_add(&b, " ORDER BY d.date, d.id");
    if (limit > 0)
        store_sql_num(&b, " LIMIT ?", (double)limit);
    return run_rows(s, &b, fn, ctx, err);
}

static void sq_close(store *st)
{
    sqlite_store *s = (sqlite_store *)st;
    for (int i = 0; i < NQ; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s);
}

static const struct store_ops sqlite_ops = {sq_begin, sq_commit, sq_rollback, sq_has, sq_put, sq_query, sq_docs,
                                            sq_close};

static int migrate(sqlite_store *s, sr_error *err)
{
    int rc = exec_retry(s, "BEGIN IMMEDIATE", err);
    if (rc)
        return rc;
    rc = exec_retry(s, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)", err);
    int version = 0;
    sqlite3_stmt *q;
    if (rc == SR_OK &&
        sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW)
            version = atoi((const char *)sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
    }
    if (rc == SR_OK && version > NMIGRATIONS) {
        sr_seterr(err, SR_EIO, NULL, s->base.url, 0, -1,
                  "the database has schema version %d; this sitrep knows up to %d: upgrade sitrep", version,
                  NMIGRATIONS);
        rc = SR_EIO;
    }
    for (int v = version; rc == SR_OK && v < NMIGRATIONS; v++) {
        rc = exec_retry(s, migrations[v], err);
        char set[128];
        snprintf(set, sizeof set, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '%d')", v + 1);
        if (rc == SR_OK)
            rc = exec_retry(s, set, err);
    }
    if (rc == SR_OK)
        return exec_retry(s, "COMMIT", err);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int store_sqlite_open(const char *path, store **out, sr_error *err)
{
    *out = NULL;
    sqlite_store *s = calloc(1, sizeof *s);
    if (!s) {
        sr_seterr(err, SR_ENOMEM, NULL, path, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    s->base.ops = &sqlite_ops;
    snprintf(s->base.url, sizeof s->base.url, "%s", path);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) !=
        SQLITE_OK) {
        int rc = fail(s, err, SR_EIO, "cannot open the database");
        sqlite3_close(s->db);
        free(s);
        return rc;
    }
    sqlite3_busy_timeout(s->db, 60000);
    sr_error e2;
    int rc = exec_retry(s, "PRAGMA journal_mode=WAL", &e2);
    if (rc == SR_OK)
        rc = exec_retry(s, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON", &e2);
    if (rc == SR_OK)
        rc = migrate(s, &e2);
    for (int i = 0; rc == SR_OK && i < NQ; i++)
        if (sqlite3_prepare_v2(s->db, sql_text[i], -1, &s->st[i], NULL) != SQLITE_OK)
            rc = fail(s, &e2, SR_EIO, "preparing the statements (is it a sitrep database?)");
    if (rc != SR_OK) {
        if (err)
            *err = e2;
        sq_close(&s->base);
        return rc;
    }
    *out = &s->base;
    return SR_OK;
}
