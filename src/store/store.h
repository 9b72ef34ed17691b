/* store.h -- the event store: documents, event records, mentions and actors
 * in a database (docs/store.md).
 *
 * SQLite is the embedded default (a file path); PostgreSQL with PostGIS is
 * for teams (a postgresql:// URL).  Both hold the same tables and answer
 * the same queries.  Every statement is prepared and every value bound:
 * filters given by users are data, never SQL.
 *
 * A document is stored with its content hash.  Storing a document again
 * replaces its events in one transaction; a document whose id and content
 * are already stored is skipped by the caller (store_has).
 */
#ifndef SR_STORE_H
#define SR_STORE_H

#include <stddef.h>
#include <stdio.h>

#include "sitrep.h"

typedef struct sr_store store;

/* One stored event as the queries return it. */
typedef struct store_row {
    const char *record;     /* the event record, JSON */
    const char *doc_date;   /* the document's date, or NULL */
    const char *doc_title;
    const char *doc_source;
} store_row;

typedef int (*store_row_fn)(void *ctx, const store_row *row);

struct store_ops {
    int (*begin)(store *s, sr_error *err);
    int (*commit)(store *s, sr_error *err);
    void (*rollback)(store *s);
    int (*has)(store *s, const char *id, const char *hash, sr_error *err);
    int (*put)(store *s, const sr_doc *doc, const char *hash, const sr_events *ev, sr_error *err);
    int (*query)(store *s, const sr_query *q, store_row_fn fn, void *ctx, sr_error *err);
    int (*docs)(store *s, const char *text, long limit, store_row_fn fn, void *ctx, sr_error *err);
    void (*close)(store *s);
};

struct sr_store {
    const struct store_ops *ops;
    char url[512];
};

/* Open (and create or migrate) the SQLite store at path. */
int store_sqlite_open(const char *path, store **out, sr_error *err);

/* Open the PostgreSQL store at a postgresql:// URL (store_pg.c). */
int store_pg_open(const char *url, store **out, sr_error *err);

/* A query being built: SQL text with placeholders and the values bound to
 * them.  '?' in a clause is the next placeholder: kept for SQLite, written
 * $1, $2 ... for PostgreSQL (dollar). */
typedef struct store_sql {
    char sql[2048];
    size_t n;
    int dollar;
    int nb;
    int kind[16];           /* 1 text, 2 number */
    const char *txt[16];
    double num[16];
    char numtxt[16][32];    /* numbers as text (PostgreSQL) */
    char like[300], phrase[1200];
} store_sql;

void store_sql_add(store_sql *b, const char *s);
void store_sql_text(store_sql *b, const char *clause, const char *v);
void store_sql_num(store_sql *b, const char *clause, double v);

/* What differs between the databases in the filters. */
typedef struct store_dialect {
    const char *bbox;       /* four placeholders: west, south, east, north */
    const char *text;       /* one placeholder: the words of --text */
    int text_phrase;        /* the words must be quoted as a phrase (FTS5) */
} store_dialect;

/* Append " AND ..." for every filter of q, then the order and the limit. */
void store_sql_filters(store_sql *b, const sr_query *q, const store_dialect *d);

/* The content hash of a document: SHA-256 of its date, title and text. */
void store_doc_hash(const sr_doc *doc, char out[65]);

/* The value of a LIKE pattern matching codes that begin with prefix, with
 * % and _ escaped by backslash. */
void store_like_prefix(const char *prefix, char *out, size_t outsz);

/* The FTS phrase for a user's words: the words in double quotes, inner
 * quotes doubled, so that the text is searched for, never parsed. */
void store_fts_phrase(const char *text, char *out, size_t outsz);

#endif
