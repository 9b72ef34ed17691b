/* reader.c -- reading documents: plain-text files and JSON Lines.
 *
 * Every input document ends as a document or as an error naming the file,
 * the line and the problem; a bad line never stops the rest.  A JSON Lines
 * line longer than the document limit is skipped to its end and reported,
 * so one 2 GB line cannot exhaust memory. */
#include "../engine.h"
#include "../text/text.h"
#include "../util/date.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct sr_reader {
    FILE *f;
    int own;                /* close f at the end */
    char path[1024];
    int format;
    size_t max;
    char *date;             /* --date */
    long line;
    int done;
    /* the current document's storage */
    char *buf;
    size_t cap;
    char *id, *docdate, *title, *text;
    size_t textlen;
    json_t *json;
};

static void clear_doc(sr_reader *r)
{
    free(r->id);
    free(r->docdate);
    free(r->title);
    r->id = r->docdate = r->title = NULL;
    if (r->text && r->text != r->buf)
        free(r->text);
    r->text = NULL;
    if (r->json) {
        json_decref(r->json);
        r->json = NULL;
    }
}

static int has_ext(const char *p, const char *ext)
{
    size_t n = strlen(p), e = strlen(ext);
    return n > e && strcmp(p + n - e, ext) == 0;
}

int sr_reader_open(const char *path, const sr_read_options *o, sr_reader **out, sr_error *err)
{
    *out = NULL;
    sr_reader *r = calloc(1, sizeof *r);
    if (!r) {
        sr_seterr(err, SR_ENOMEM, NULL, path, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    snprintf(r->path, sizeof r->path, "%s", path);
    r->max = o && o->max_doc_bytes ? o->max_doc_bytes : (size_t)256 << 20;
    r->format = o ? o->format : SR_FORMAT_AUTO;
    if (o && o->date)
        r->date = strdup(o->date);
    if (!strcmp(path, "-")) {
        r->f = stdin;
        snprintf(r->path, sizeof r->path, "%s", "<stdin>");
    } else {
        r->f = fopen(path, "rb");
        r->own = 1;
        if (!r->f) {
            sr_seterr(err, SR_EIO, NULL, path, 0, -1, "cannot open: %s", strerror(errno));
            free(r->date);
            free(r);
            return SR_EIO;
        }
    }
    if (r->format == SR_FORMAT_AUTO) {
        if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson") || has_ext(path, ".json")) {
            r->format = SR_FORMAT_JSONL;
        } else {
            /* sniff: a document that starts with '{' is JSON Lines */
            int c;
            do {
                c = fgetc(r->f);
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
            if (c != EOF)
                ungetc(c, r->f);
            r->format = c == '{' ? SR_FORMAT_JSONL : SR_FORMAT_TEXT;
        }
    }
    *out = r;
    return SR_OK;
}

void sr_reader_close(sr_reader *r)
{
    if (!r)
        return;
    clear_doc(r);
    if (r->own && r->f)
        fclose(r->f);
    free(r->buf);
    free(r->date);
    free(r);
}

/* ---- plain text ------------------------------------------------------- */

static char *base_id(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    return strndup(b, n);
}

static int looks_binary(const char *s, size_t n)
{
    size_t lim = n < 8192 ? n : 8192, ctl = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0)
            return 1;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ctl++;
    }
    return lim && ctl * 10 > lim;
}

static int read_text(sr_reader *r, sr_doc *doc, sr_error *err)
{
    r->done = 1;
    size_t n = 0;
    for (;;) {
        if (n + 65536 + 1 > r->cap) {
            size_t nc = r->cap ? r->cap * 2 : 1 << 17;
            if (nc > r->max + 65536 + 1)
                nc = r->max + 65536 + 1;
            if (nc <= r->cap) {
                sr_seterr(err, SR_ETOOBIG_DOC, NULL, r->path, 0, -1,
                          "document larger than the limit of %zu bytes (--max-doc-bytes)", r->max);
                return SR_ETOOBIG_DOC;
            }
            char *nb = realloc(r->buf, nc);
            if (!nb) {
                sr_seterr(err, SR_ENOMEM, NULL, r->path, 0, -1, "out of memory");
                return SR_ENOMEM;
            }
            r->buf = nb;
            r->cap = nc;
        }
        size_t k = fread(r->buf + n, 1, r->cap - n - 1, r->f);
        n += k;
        if (n > r->max) {
            sr_seterr(err, SR_ETOOBIG_DOC, NULL, r->path, 0, -1,
                      "document larger than the limit of %zu bytes (--max-doc-bytes)", r->max);
            return SR_ETOOBIG_DOC;
        }
        if (k == 0)
            break;
    }
    if (ferror(r->f)) {
        sr_seterr(err, SR_EIO, NULL, r->path, 0, -1, "read error: %s", strerror(errno));
        return SR_EIO;
    }
    r->buf[n] = '\0';
    char *id = base_id(r->path);
    if (looks_binary(r->buf, n)) {
        sr_seterr(err, SR_EINPUT_BINARY, id, r->path, 0, -1, "binary file, not text: not coded");
        free(id);
        return SR_EINPUT_BINARY;
    }
    r->id = id;
    /* header lines: "Date: ...", "Title: ...", then a blank line */
    char *p = r->buf;
    char *end = r->buf + n;
    char *text = p;
    int headers = 0;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (ll >= 5 && !strncasecmp(p, "Date:", 5)) {
            char *v = p + 5;
            while (*v == ' ')
                v++;
            size_t vl = ll - (size_t)(v - p);
            while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r'))
                vl--;
            free(r->docdate);
            r->docdate = strndup(v, vl);
            headers = 1;
        } else if (ll >= 6 && !strncasecmp(p, "Title:", 6)) {
            char *v = p + 6;
            while (*v == ' ')
                v++;
            size_t vl = ll - (size_t)(v - p);
            while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r'))
                vl--;
            free(r->title);
            r->title = strndup(v, vl);
            headers = 1;
        } else if (headers && (ll == 0 || (ll == 1 && p[0] == '\r'))) {
            text = nl ? nl + 1 : end;
            break;
        } else {
            if (headers)
                text = p;   /* headers without a blank line */
            break;
        }
        p = nl ? nl + 1 : end;
        text = p;
    }
    memset(doc, 0, sizeof *doc);
    doc->id = r->id;
    doc->date = r->date ? r->date : r->docdate;
    doc->title = r->title;
    doc->text = text;
    doc->len = (size_t)(end - text);
    doc->file = r->path;
    doc->line = 0;
    return SR_OK;
}

/* ---- JSON Lines ------------------------------------------------------- */

/* Read one line into r->buf; returns its length, -1 at EOF, -2 when the
 * line is over the limit (it has been skipped). */
static long read_line(sr_reader *r)
{
    size_t n = 0;
    int c = 0, over = 0;
    for (;;) {
        if (!over && n + 2 > r->cap) {
            size_t nc = r->cap ? r->cap * 2 : 1 << 16;
            char *nb = realloc(r->buf, nc);
            if (!nb)
                return -3;
            r->buf = nb;
            r->cap = nc;
        }
        c = getc(r->f);
        if (c == EOF || c == '\n')
            break;
        if (over)
            continue;
        r->buf[n++] = (char)c;
        if (n > r->max + 4096)
            over = 1;
    }
    if (c == EOF && n == 0 && !over)
        return -1;
    r->line++;
    if (over)
        return -2;
    r->buf[n] = '\0';
    return (long)n;
}

static char *json_to_str(json_t *v)
{
    if (json_is_string(v))
        return strndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        char b[32];
        snprintf(b, sizeof b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return strdup(b);
    }
    return NULL;
}

static int read_jsonl(sr_reader *r, sr_doc *doc, sr_error *err)
{
    for (;;) {
        long n = read_line(r);
        if (n == -1) {
            r->done = 1;
            if (ferror(r->f)) {
                sr_seterr(err, SR_EIO, NULL, r->path, r->line, -1, "read error: %s", strerror(errno));
                return SR_EIO;
            }
            return SR_DONE;
        }
        if (n == -3) {
            sr_seterr(err, SR_ENOMEM, NULL, r->path, r->line, -1, "out of memory");
            return SR_ENOMEM;
        }
        if (n == -2) {
            sr_seterr(err, SR_ETOOBIG_DOC, NULL, r->path, r->line, -1,
                      "line longer than the document limit of %zu bytes: skipped (--max-doc-bytes)", r->max);
            return SR_ETOOBIG_DOC;
        }
        /* blank lines are not documents */
        long i = 0;
        while (i < n && (r->buf[i] == ' ' || r->buf[i] == '\t' || r->buf[i] == '\r'))
            i++;
        if (i == n)
            continue;
        /* Invalid UTF-8 would make the JSON parser refuse the line: repair
         * it first (the document is then coded with U+FFFD, and the coder
         * reports the invalid bytes). */
        char *clean;
        size_t cl;
        long first_bad;
        long bad = text_sanitize(r->buf, (size_t)n, &clean, &cl, &first_bad);
        if (bad < 0) {
            sr_seterr(err, SR_ENOMEM, NULL, r->path, r->line, -1, "out of memory");
            return SR_ENOMEM;
        }
        json_error_t je;
        json_t *j = json_loadb(clean, cl, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
        free(clean);
        if (!j) {
            sr_seterr(err, SR_EINPUT_JSON, NULL, r->path, r->line, -1, "not valid JSON (column %d): %s",
                      je.column, je.text);
            return SR_EINPUT_JSON;
        }
        if (!json_is_object(j)) {
            json_decref(j);
            sr_seterr(err, SR_EINPUT_JSON, NULL, r->path, r->line, -1, "a document must be a JSON object");
            return SR_EINPUT_JSON;
        }
        r->json = j;
        json_t *jid = json_object_get(j, "id"), *jtext = json_object_get(j, "text");
        json_t *jdate = json_object_get(j, "date"), *jtitle = json_object_get(j, "title");
        r->id = jid ? json_to_str(jid) : NULL;
        if (!r->id) {
            sr_seterr(err, SR_EINPUT_JSON, NULL, r->path, r->line, -1,
                      jid ? "\"id\" must be a string or an integer" : "missing \"id\"");
            return SR_EINPUT_JSON;
        }
        if (!jtext || !json_is_string(jtext)) {
            sr_seterr(err, SR_EINPUT_JSON, r->id, r->path, r->line, -1,
                      jtext ? "\"text\" must be a string" : "missing \"text\"");
            return SR_EINPUT_JSON;
        }
        if (jdate && !json_is_null(jdate) && !json_is_string(jdate)) {
            sr_seterr(err, SR_EINPUT_JSON, r->id, r->path, r->line, -1, "\"date\" must be a string or null");
            return SR_EINPUT_JSON;
        }
        if (jdate && json_is_string(jdate))
            r->docdate = strdup(json_string_value(jdate));
        if (jtitle && json_is_string(jtitle))
            r->title = strdup(json_string_value(jtitle));
        memset(doc, 0, sizeof *doc);
        doc->id = r->id;
        doc->date = r->date ? r->date : r->docdate;
        doc->title = r->title;
        doc->text = json_string_value(jtext);
        doc->len = json_string_length(jtext);
        doc->file = r->path;
        doc->line = r->line;
        if (bad > 0) {
            /* the coder will see valid text; tell the caller about the bytes */
            sr_seterr(err, SR_EINPUT_UTF8, r->id, r->path, r->line, first_bad,
                      "invalid UTF-8 at byte %ld of the line (%ld sequence%s replaced by U+FFFD)", first_bad,
                      bad, bad == 1 ? "" : "s");
        } else if (err) {
            err->code = SR_OK;
        }
        return SR_OK;
    }
}

int sr_reader_next(sr_reader *r, sr_doc *doc, sr_error *err)
{
    clear_doc(r);
    if (err)
        err->code = SR_OK;
    if (r->done)
        return SR_DONE;
    if (r->format == SR_FORMAT_TEXT)
        return read_text(r, doc, err);
    return read_jsonl(r, doc, err);
}
