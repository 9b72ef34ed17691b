/* store.c -- the store's public face: choosing a backend, content hashes,
 * escaping users' words for LIKE and full-text search, and the output
 * formats of `sitrep query` (JSON Lines, CSV, GeoJSON, the GDELT 2.0 event
 * table). */
#include "store.h"
#include "../engine.h"
#include "../util/sha256.h"

#include "../util/jget.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int sr_store_open(const char *url, sr_store **out, sr_error *err)
{
    *out = NULL;
    if (!url || !*url) {
        sr_seterr(err, SR_EUSAGE, NULL, NULL, 0, -1, "no database given");
        return SR_EUSAGE;
    }
    if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
        return store_pg_open(url, out, err);
    return store_sqlite_open(url, out, err);
}

void sr_store_close(sr_store *s)
{
    if (s)
        s->ops->close(s);
}

int sr_store_begin(sr_store *s, sr_error *err)
{
    return s->ops->begin(s, err);
}

int sr_store_commit(sr_store *s, sr_error *err)
{
    return s->ops->commit(s, err);
}

void sr_store_rollback(sr_store *s)
{
    s->ops->rollback(s);
}

void store_doc_hash(const sr_doc *doc, char out[65])
{
    sha256 h;
    sha256_init(&h);
    const char *parts[3] = {doc->date ? doc->date : "", doc->title ? doc->title : "", NULL};
    for (int i = 0; i < 2; i++) {
        sha256_update(&h, parts[i], strlen(parts[i]));
        sha256_update(&h, "\n", 1);
    }
    if (doc->text)
        sha256_update(&h, doc->text, doc->len);
    sha256_hex(&h, out);
}

int sr_store_has(sr_store *s, const sr_doc *doc, sr_error *err)
{
    char hash[65];
    store_doc_hash(doc, hash);
    return s->ops->has(s, doc->id, hash, err);
}

int sr_store_put(sr_store *s, const sr_doc *doc, const sr_events *ev, sr_error *err)
{
    char hash[65];
    store_doc_hash(doc, hash);
    sr_doc d = *doc;
    if (!d.id || !*d.id) {
        sr_seterr(err, SR_EINPUT, NULL, doc->file, doc->line, -1, "a document without an id cannot be stored");
        return SR_EINPUT;
    }
    return s->ops->put(s, &d, hash, ev, err);
}

void store_like_prefix(const char *prefix, char *out, size_t outsz)
{
    size_t k = 0;
    for (const char *p = prefix; *p && k + 3 < outsz; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            out[k++] = '\\';
        out[k++] = *p;
    }
    out[k++] = '%';
    out[k] = '\0';
}

void store_fts_phrase(const char *text, char *out, size_t outsz)
{
    size_t k = 0;
    out[k++] = '"';
    for (const char *p = text; *p && k + 4 < outsz; p++) {
        if (*p == '"')
            out[k++] = '"';
        out[k++] = *p;
    }
    out[k++] = '"';
    out[k] = '\0';
}

/* ---- building queries ------------------------------------------------- */

void store_sql_add(store_sql *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l + 1 < sizeof b->sql) {
        memcpy(b->sql + b->n, s, l + 1);
        b->n += l;
    }
}

/* Append clause, writing its placeholder as the dialect wants. */
static void add_clause(store_sql *b, const char *clause)
{
    const char *q = strchr(clause, '?');
    if (!q || !b->dollar) {
        store_sql_add(b, clause);
        return;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s$%d%s", (int)(q - clause), clause, b->nb + 1, q + 1);
    store_sql_add(b, buf);
}

void store_sql_text(store_sql *b, const char *clause, const char *v)
{
    if (b->nb >= 16)
        return;
    add_clause(b, clause);
    b->txt[b->nb] = v;
    b->kind[b->nb++] = 1;
}

void store_sql_num(store_sql *b, const char *clause, double v)
{
    if (b->nb >= 16)
        return;
    add_clause(b, clause);
    b->num[b->nb] = v;
    snprintf(b->numtxt[b->nb], sizeof b->numtxt[b->nb], "%.10g", v);
    b->txt[b->nb] = b->numtxt[b->nb];
    b->kind[b->nb++] = 2;
}

void store_sql_filters(store_sql *b, const sr_query *q, const store_dialect *d)
{
    if (q->actor && *q->actor) {
        store_like_prefix(q->actor, b->like, sizeof b->like);
        store_sql_text(b, " AND (e.source_code LIKE ? ESCAPE '\\'", b->like);
        store_sql_text(b, " OR e.target_code LIKE ? ESCAPE '\\')", b->like);
    }
    if (q->type && *q->type)
        store_sql_text(b, " AND e.type = ?", q->type);
    if (q->country && *q->country)
        store_sql_text(b, " AND e.location_country = ?", q->country);
    if (q->modality && *q->modality)
        store_sql_text(b, " AND e.modality = ?", q->modality);
    if (q->from && *q->from)
        store_sql_text(b, " AND e.date_end >= ?", q->from);
    if (q->to && *q->to)
        store_sql_text(b, " AND e.date_start <= ?", q->to);
    if (q->published_to && *q->published_to)
        store_sql_text(b, " AND (d.date IS NULL OR d.date <= ?)", q->published_to);
    if (q->has_bbox) {
        /* the dialect's clause has four placeholders: bind them in turn */
        char part[4][256];
        const char *c = d->bbox;
        for (int i = 0; i < 4; i++) {
            const char *qm = strchr(c, '?');
            const char *next = qm ? strchr(qm + 1, '?') : NULL;
            size_t len = i < 3 && next ? (size_t)(next - c) : strlen(c);
            snprintf(part[i], sizeof part[i], "%.*s", (int)len, c);
            c += len;
            store_sql_num(b, part[i], q->bbox[i]);
        }
    }
    if (q->text && *q->text) {
        const char *words = q->text;
        if (d->text_phrase) {
            store_fts_phrase(q->text, b->phrase, sizeof b->phrase);
            words = b->phrase;
        }
        store_sql_text(b, d->text, words);
    }
    store_sql_add(b, " ORDER BY e.date_start, e.doc, e.seq");
    if (q->limit > 0)
        store_sql_num(b, " LIMIT ?", (double)q->limit);
}

/* ---- output formats --------------------------------------------------- */

typedef struct qctx {
    FILE *out;
    int format;
    size_t n;
    int started;
} qctx;

/* RFC 4180: quoted when it holds a comma, quote or line break. */
static void csv_field(FILE *f, const char *s, int last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                fputc('"', f);
            fputc(*p, f);
        }
        fputc('"', f);
    } else if (s) {
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
}

/* GDELT fields are tab-separated: tabs and line breaks become spaces. */
static void tsv_field(FILE *f, const char *s, int last)
{
    for (const char *p = s ? s : ""; *p; p++)
        fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
    fputc(last ? '\n' : '\t', f);
}

static const char *csv_header =
    "id,doc,date_start,date_end,type,mode,cameo,source_code,source_text,target_code,target_text,"
    "location,lat,lon,country,precision,until,modality,confidence,quote\n";

static void write_csv(FILE *f, json_t *r)
{
    char lat[32] = "", lon[32] = "", conf[32] = "";
    double v;
    if (jget_num(r, "location", "lat", &v))
        snprintf(lat, sizeof lat, "%.4f", v);
    if (jget_num(r, "location", "lon", &v))
        snprintf(lon, sizeof lon, "%.4f", v);
    json_t *c = json_object_get(r, "confidence");
    if (json_is_number(c))
        snprintf(conf, sizeof conf, "%.2f", json_number_value(c));
    json_t *ms = json_object_get(r, "mentions");
    json_t *m0 = json_is_array(ms) ? json_array_get(ms, 0) : NULL;
    csv_field(f, jget_str(r, "id"), 0);
    csv_field(f, jget_str(r, "doc"), 0);
    csv_field(f, jget_path(r, "date", "start"), 0);
    csv_field(f, jget_path(r, "date", "end"), 0);
    csv_field(f, jget_str(r, "type"), 0);
    csv_field(f, jget_str(r, "mode"), 0);
    csv_field(f, jget_str(r, "cameo"), 0);
    csv_field(f, jget_path(r, "source", "code"), 0);
    csv_field(f, jget_path(r, "source", "text"), 0);
    csv_field(f, jget_path(r, "target", "code"), 0);
    csv_field(f, jget_path(r, "target", "text"), 0);
    csv_field(f, jget_path(r, "location", "name"), 0);
    csv_field(f, lat, 0);
    csv_field(f, lon, 0);
    csv_field(f, jget_path(r, "location", "country"), 0);
    csv_field(f, jget_path(r, "location", "precision"), 0);
    csv_field(f, jget_str(r, "until"), 0);
    csv_field(f, jget_str(r, "modality"), 0);
    csv_field(f, conf, 0);
    csv_field(f, m0 ? jget_str(m0, "quote") : NULL, 1);
}

static void write_geojson(FILE *f, json_t *r, int first)
{
    double lat, lon;
    if (!jget_num(r, "location", "lat", &lat) || !jget_num(r, "location", "lon", &lon))
        return;
    json_t *props = json_deep_copy(r);
    json_t *feat = json_pack("{s:s, s:{s:s, s:[f,f]}, s:o}", "type", "Feature", "geometry", "type", "Point",
                             "coordinates", lon, lat, "properties", props);
    char *s = feat ? json_dumps(feat, JSON_COMPACT) : NULL;
    if (s) {
        fputs(first ? "\n" : ",\n", f);
        fputs(s, f);
        free(s);
    }
    json_decref(feat);
}

/* CAMEO root codes: QuadClass and the Goldstein scale value of the root
 * (documented in docs/store.md: root-level values, not per code). */
static const double goldstein_root[21] = {0,   0.0, 3.0, 4.0, 1.0, 3.5, 6.0,  7.0,  5.0,  -2.0, -5.0,
                                          -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};

static int quad_class(int root)
{
    return root <= 0 ? 0 : root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/* The 61 columns of the GDELT 2.0 event table. */
static void write_gdelt(FILE *f, json_t *r, size_t serial)
{
    char buf[64];
    const char *ds = jget_path(r, "date", "start");
    char day[16] = "", my[16] = "", yr[8] = "", frac[16] = "";
    if (ds && strlen(ds) >= 10) {
        snprintf(day, sizeof day, "%.4s%.2s%.2s", ds, ds + 5, ds + 8);
        snprintf(my, sizeof my, "%.4s%.2s", ds, ds + 5);
        snprintf(yr, sizeof yr, "%.4s", ds);
        int y = atoi(ds), m = atoi(ds + 5), d = atoi(ds + 8);
        snprintf(frac, sizeof frac, "%.4f", y + ((m - 1) * 30.4 + d) / 365.0);
    }
    snprintf(buf, sizeof buf, "%zu", serial);
    tsv_field(f, buf, 0);
    tsv_field(f, day, 0);
    tsv_field(f, my, 0);
    tsv_field(f, yr, 0);
    tsv_field(f, frac, 0);
    for (int a = 0; a < 2; a++) {
        json_t *act = json_object_get(r, a ? "target" : "source");
        const char *code = json_is_object(act) ? jget_str(act, "code") : NULL;
        const char *text = json_is_object(act) ? jget_str(act, "text") : NULL;
        char country[4] = "", t[3][4] = {"", "", ""};
        if (code && strlen(code) >= 3) {
            if (strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) && strncmp(code, "IMG", 3) &&
                strncmp(code, "MNC", 3) && strncmp(code, "UNK", 3))
                snprintf(country, sizeof country, "%.3s", code);
            for (int k = 0; k < 3 && strlen(code) >= (size_t)(6 + 3 * k); k++)
                snprintf(t[k], sizeof t[k], "%.3s", code + 3 + 3 * k);
        }
        char name[256] = "";
        for (size_t k = 0; text && text[k] && k < sizeof name - 1; k++)
            name[k] = (char)((text[k] >= 'a' && text[k] <= 'z') ? text[k] - 32 : text[k]);
        tsv_field(f, code, 0);
        tsv_field(f, name, 0);
        tsv_field(f, country, 0);
        tsv_field(f, "", 0);    /* KnownGroupCode */
        tsv_field(f, "", 0);    /* EthnicCode */
        tsv_field(f, "", 0);    /* Religion1Code */
        tsv_field(f, "", 0);    /* Religion2Code */
        tsv_field(f, t[0], 0);
        tsv_field(f, t[1], 0);
        tsv_field(f, t[2], 0);
    }
    const char *cameo = jget_str(r, "cameo");
    char base[8] = "", root[8] = "";
    int rootn = 0;
    if (cameo && strlen(cameo) >= 2) {
        snprintf(base, sizeof base, "%.3s", cameo);
        snprintf(root, sizeof root, "%.2s", cameo);
        rootn = atoi(root);
    }
    tsv_field(f, "1", 0);   /* IsRootEvent */
    tsv_field(f, cameo, 0);
    tsv_field(f, base, 0);
    tsv_field(f, root, 0);
    snprintf(buf, sizeof buf, "%d", quad_class(rootn));
    tsv_field(f, rootn ? buf : "", 0);
    snprintf(buf, sizeof buf, "%.1f", rootn >= 1 && rootn <= 20 ? goldstein_root[rootn] : 0.0);
    tsv_field(f, rootn ? buf : "", 0);
    json_t *ms = json_object_get(r, "mentions");
    snprintf(buf, sizeof buf, "%zu", json_is_array(ms) ? json_array_size(ms) : 0);
    tsv_field(f, buf, 0);   /* NumMentions */
    tsv_field(f, "1", 0);   /* NumSources */
    tsv_field(f, "1", 0);   /* NumArticles */
    tsv_field(f, "", 0);    /* AvgTone */
    /* Actor1Geo, Actor2Geo: not known apart from the action's place */
    for (int g = 0; g < 2; g++)
        for (int k = 0; k < 8; k++)
            tsv_field(f, k == 0 ? "0" : "", 0);
    double lat, lon;
    if (jget_num(r, "location", "lat", &lat) && jget_num(r, "location", "lon", &lon)) {
        const char *prec = jget_path(r, "location", "precision");
        const char *cc = jget_path(r, "location", "country");
        int us = cc && !strcmp(cc, "USA");
        int type = !prec ? 4 : !strcmp(prec, "country") ? 1 : !strcmp(prec, "admin1") ? (us ? 2 : 5) : (us ? 3 : 4);
        snprintf(buf, sizeof buf, "%d", type);
        tsv_field(f, buf, 0);
        tsv_field(f, jget_path(r, "location", "name"), 0);
        tsv_field(f, cc, 0);
        tsv_field(f, "", 0);
        tsv_field(f, "", 0);
        snprintf(buf, sizeof buf, "%.4f", lat);
        tsv_field(f, buf, 0);
        snprintf(buf, sizeof buf, "%.4f", lon);
        tsv_field(f, buf, 0);
        json_t *gid = json_object_get(json_object_get(r, "location"), "geonameid");
        if (json_is_integer(gid))
            snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(gid));
        else
            buf[0] = '\0';
        tsv_field(f, buf, 0);
    } else {
        for (int k = 0; k < 8; k++)
            tsv_field(f, k == 0 ? "0" : "", 0);
    }
    tsv_field(f, day[0] ? strcat(strcpy(buf, day), "000000") : "", 0);     /* DATEADDED */
    tsv_field(f, jget_str(r, "doc"), 1);    /* SOURCEURL: the document */
}

static int write_row(void *ctx, const store_row *row)
{
    qctx *c = ctx;
    c->n++;
    if (c->format == SR_QF_JSONL) {
        if (fputs(row->record, c->out) == EOF || fputc('\n', c->out) == EOF)
            return SR_EIO;
        return SR_OK;
    }
    json_error_t je;
    json_t *r = json_loads(row->record, 0, &je);
    if (!r)
        return SR_OK;   /* (a record the store holds is always JSON) */
    switch (c->format) {
    case SR_QF_CSV:
        write_csv(c->out, r);
        break;
    case SR_QF_GEOJSON:
        write_geojson(c->out, r, !c->started);
        if (json_is_object(json_object_get(r, "location")))
            c->started = 1;
        break;
    case SR_QF_GDELT:
        write_gdelt(c->out, r, c->n);
        break;
    }
    json_decref(r);
    return ferror(c->out) ? SR_EIO : SR_OK;
}

int sr_store_query(sr_store *s, const sr_query *q, int format, FILE *out, size_t *n, sr_error *err)
{
    qctx c = {out, format, 0, 0};
    if (format == SR_QF_CSV)
        fputs(csv_header, out);
    if (format == SR_QF_GEOJSON)
        fputs("{\"type\":\"FeatureCollection\",\"features\":[", out);
    int rc = s->ops->query(s, q, write_row, &c, err);
    if (format == SR_QF_GEOJSON)
        fputs("\n]}\n", out);
    if (n)
        *n = c.n;
    if (rc == SR_OK && (ferror(out) || fflush(out) != 0)) {
        sr_seterr(err, SR_EIO, NULL, NULL, 0, -1, "cannot write the output");
        rc = SR_EIO;
    }
    return rc;
}

static int write_doc_row(void *ctx, const store_row *row)
{
    qctx *c = ctx;
    c->n++;
    json_t *o = json_pack("{s:s?, s:s?, s:s?, s:s?}", "id", row->record, "date", row->doc_date, "title",
                          row->doc_title, "source", row->doc_source);
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    int rc = s && fputs(s, c->out) != EOF && fputc('\n', c->out) != EOF ? SR_OK : SR_EIO;
    free(s);
    json_decref(o);
    return rc;
}

int sr_store_documents(sr_store *s, const char *text, long limit, FILE *out, size_t *n, sr_error *err)
{
    qctx c = {out, 0, 0, 0};
    int rc = s->ops->docs(s, text, limit, write_doc_row, &c, err);
    if (n)
        *n = c.n;
    return rc;
}
