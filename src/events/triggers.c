/* triggers.c -- loading the trigger dictionary and the grammar cues.
 *
 * A trigger line is compiled into a word pattern with one anchored head
 * (verb or noun, by part of speech) and an argument frame; entries are
 * indexed by their head's lemma so that a sentence is matched by looking
 * up each verb and noun once.  Why lemma heads: one entry covers every
 * inflection ("withdraw" covers withdrew, withdrawn, withdrawing). */
#include "events.h"
#include "../text/text.h"
#include "../util/tsv.h"
#include "../util/vec.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[EV__COUNT] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

const char *ev_type_name(int t)
{
    return t >= 0 && t < EV__COUNT ? type_names[t] : "?";
}

int ev_type_from_name(const char *s)
{
    for (int i = 0; i < EV__COUNT; i++)
        if (!strcmp(s, type_names[i]))
            return i;
    return -1;
}

int ev_type_conflictual(int t)
{
    return t >= EV_ACCUSE;
}

const char *ev_modality_name(int m)
{
    static const char *const n[] = {"asserted", "reported", "planned", "negated", "uncertain"};
    return m >= 0 && m <= 4 ? n[m] : "asserted";
}

typedef struct lctx {
    ev_dict *d;
    ev_report_fn report;
    void *ctx;
    char *errbuf;
    size_t errsz;
    int errors;
} lctx;

static void problem(lctx *c, const char *file, long line, int is_error, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (is_error) {
        if (!c->errors && c->errbuf)
            snprintf(c->errbuf, c->errsz, "%s:%ld: %s", file, line, msg);
        c->errors++;
    }
    if (c->report)
        c->report(c->ctx, file, line, is_error, msg);
}

static const char *store(lctx *c, const char *s, size_t n)
{
    return arena_strndup(&c->d->mem, s, n);
}

static const char *store_key(lctx *c, const char *s)
{
    /* fold the word as the text stage folds tokens */
    char buf[128];
    size_t n = text_fold(s, strlen(s), buf, sizeof buf);
    return store(c, buf, n);
}

static int is_prep_word(const char *w)
{
    uint8_t aux;
    int t = text_closed_tag(w, strlen(w), &aux);
    return t == TG_PREP || t == TG_TO || !strcmp(w, "as") || !strcmp(w, "between");
}

static int parse_frame(lctx *c, trig_entry *e, char *frame, const char *file, long line)
{
    e->frame = 0;
    e->ntprep = e->nsprep = 0;
    int any = 0;
    for (char *tok = strtok(frame, " "); tok; tok = strtok(NULL, " ")) {
        any = 1;
        if (!strcmp(tok, "obj"))
            e->frame |= FR_OBJ;
        else if (!strcmp(tok, "obj2"))
            e->frame |= FR_OBJ2 | FR_OBJ;
        else if (!strcmp(tok, "poss"))
            e->frame |= FR_POSS;
        else if (!strcmp(tok, "poss:tgt"))
            e->frame |= FR_POSS_TGT;
        else if (!strcmp(tok, "adj"))
            e->frame |= FR_ADJ;
        else if (!strcmp(tok, "adj:tgt"))
            e->frame |= FR_ADJ_TGT;
        else if (!strcmp(tok, "recip"))
            e->frame |= FR_RECIP;
        else if (!strcmp(tok, "notgt"))
            e->frame |= FR_NOTGT;
        else if (!strcmp(tok, "needtgt"))
            e->frame |= FR_NEEDTGT;
        else if (!strncmp(tok, "src:", 4) && is_prep_word(tok + 4)) {
            if (e->nsprep < 4)
                e->sprep[e->nsprep++] = store(c, tok + 4, strlen(tok + 4));
        } else if (!strncmp(tok, "obj:", 4) && is_prep_word(tok + 4)) {
            /* "lift sanctions on X": the target is in a phrase after the object */
            if (e->ntprep < TRIG_MAX_PREPS)
                e->tprep[e->ntprep++] = store(c, tok + 4, strlen(tok + 4));
        } else if (is_prep_word(tok)) {
            if (e->ntprep < TRIG_MAX_PREPS)
                e->tprep[e->ntprep++] = store(c, tok, strlen(tok));
        } else {
            problem(c, file, line, 1, "unknown frame item '%s'", tok);
            return -1;
        }
    }
    if (!any) {
        /* defaults: verbs take the object; nouns possessives, adjectives, by */
        if (e->w[e->headi].pos == 'v') {
            e->frame = FR_OBJ;
        } else {
            e->frame = FR_POSS | FR_ADJ;
            e->sprep[e->nsprep++] = "by";
            e->tprep[e->ntprep++] = "against";
            e->tprep[e->ntprep++] = "on";
        }
    }
    return 0;
}

static int parse_pattern(lctx *c, trig_entry *e, const char *pat, const char *file, long line)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", pat);
    e->nw = 0;
    int heads = 0, gap = 0;
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        if (!strcmp(tok, "*")) {
            gap = 1;
            continue;
        }
        if (e->nw >= TRIG_MAX_WORDS) {
            problem(c, file, line, 1, "pattern has more than %d words", TRIG_MAX_WORDS);
            return -1;
        }
        trig_word *w = &e->w[e->nw];
        memset(w, 0, sizeof *w);
        w->gap = (uint8_t)gap;
        gap = 0;
        char *slash = strrchr(tok, '/');
        if (slash && (slash[1] == 'v' || slash[1] == 'n') && slash[2] == '\0') {
            w->head = 1;
            w->pos = (uint8_t)slash[1];
            *slash = '\0';
            e->headi = e->nw;
            heads++;
        }
        for (char *alt = tok; alt && *alt;) {
            char *bar = strchr(alt, '|');
            if (bar)
                *bar = '\0';
            if (*alt && w->nalt < TRIG_MAX_ALTS) {
                /* a hyphenated word is several tokens: "cease-fire" -> cease fire */
                if (strchr(alt, '-') && strlen(alt) > 1) {
                    problem(c, file, line, 1, "write '%s' as separate words (hyphens are spaces)", alt);
                    return -1;
                }
                w->alt[w->nalt++] = store_key(c, alt);
            }
            alt = bar ? bar + 1 : NULL;
        }
        if (!w->nalt) {
            problem(c, file, line, 1, "empty word in pattern");
            return -1;
        }
        e->nw++;
    }
    if (heads != 1) {
        problem(c, file, line, 1, "pattern '%s' needs exactly one head word marked /v or /n (has %d)", pat, heads);
        return -1;
    }
    if (gap) {
        problem(c, file, line, 1, "pattern ends with a gap");
        return -1;
    }
    return 0;
}

static int valid_cameo(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int insert_head(lctx *c, const char *key, size_t kl, uint32_t ei)
{
    ev_dict *d = c->d;
    uint32_t *first = strmap_get(&d->heads, key, kl);
    if (!first) {
        const char *k = store(c, key, kl);
        d->e[ei].next = UINT32_MAX;
        return k && strmap_put(&d->heads, k, kl, ei) == 0 ? 0 : -1;
    }
    /* keep each chain ordered by pattern length, longest first, so that the
     * first pattern that matches is the most specific */
    uint32_t *pp = first;
    while (*pp != UINT32_MAX && d->e[*pp].nw >= d->e[ei].nw)
        pp = &d->e[*pp].next;
    d->e[ei].next = *pp;
    *pp = ei;
    return 0;
}

/* Index an entry under each alternative of its head word; alternatives
 * after the first get a copy of the entry, since a chain link is per entry. */
static int index_entry(lctx *c, uint32_t idx)
{
    ev_dict *d = c->d;
    int nalt = d->e[idx].w[d->e[idx].headi].nalt;
    for (int a = 0; a < nalt; a++) {
        uint32_t ei = idx;
        if (a > 0) {
            trig_entry *cp = VEC_PUSH(d->e, d->n, d->cap);
            if (!cp)
                return -1;
            *cp = d->e[idx];
            ei = (uint32_t)(d->n - 1);
        }
        const trig_word *h = &d->e[ei].w[d->e[ei].headi];
        char key[160];
        int kl = snprintf(key, sizeof key, "%s/%c", h->alt[a], h->pos);
        if (kl <= 0 || (size_t)kl >= sizeof key)
            continue;
        if (insert_head(c, key, (size_t)kl, ei) != 0)
            return -1;
    }
    return 0;
}

static int load_trigger_file(lctx *c, const char *path)
{
    tsv t;
    if (tsv_open(&t, path) != 0) {
        problem(c, path, 0, 1, "cannot read: %s", strerror(errno));
        return -1;
    }
    ev_dict *d = c->d;
    const char *fname = store(c, path, strlen(path));
    char *f[8];
    int nf;
    while (tsv_next(&t, f, 8, &nf)) {
        if (nf < 5) {
            problem(c, path, t.line, 1, "expected 6 fields (pattern type mode cameo frame note), found %d", nf);
            continue;
        }
        trig_entry e;
        memset(&e, 0, sizeof e);
        if (parse_pattern(c, &e, f[0], path, t.line) != 0)
            continue;
        int ty = ev_type_from_name(f[1]);
        if (ty < 0) {
            problem(c, path, t.line, 1, "unknown PLOVER type '%s'", f[1]);
            continue;
        }
        if (f[3][0] && !valid_cameo(f[3])) {
            problem(c, path, t.line, 1, "bad CAMEO code '%s'", f[3]);
            continue;
        }
        char frame[256];
        snprintf(frame, sizeof frame, "%s", f[4]);
        if (parse_frame(c, &e, frame, path, t.line) != 0)
            continue;
        e.type = (uint8_t)ty;
        e.mode = f[2][0] ? store(c, f[2], strlen(f[2])) : NULL;
        e.cameo = f[3][0] ? store(c, f[3], strlen(f[3])) : NULL;
        e.pattern = store(c, f[0], strlen(f[0]));
        e.file = fname;
        e.line = t.line;
        e.next = UINT32_MAX;
        trig_entry *slot = VEC_PUSH(d->e, d->n, d->cap);
        if (!slot) {
            tsv_close(&t);
            return -1;
        }
        *slot = e;
        if (index_entry(c, (uint32_t)(d->n - 1)) != 0) {
            tsv_close(&t);
            return -1;
        }
    }
    tsv_close(&t);
    return 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_grammar(lctx *c, const char *path)
{
    static const struct { const char *name; unsigned bit; } classes[] = {
        {"report", GC_REPORT}, {"light", GC_LIGHT}, {"extend", GC_EXTEND}, {"end", GC_END},
        {"plan", GC_PLAN}, {"intent", GC_INTENT}, {"uncertain", GC_UNCERTAIN},
        {"negate", GC_NEGATE}, {"oblige", GC_OBLIGE}, {"chain", GC_CHAIN}};
    tsv t;
    if (tsv_open(&t, path) != 0) {
        problem(c, path, 0, 1, "cannot read: %s", strerror(errno));
        return -1;
    }
    char *f[4];
    int nf;
    while (tsv_next(&t, f, 4, &nf)) {
        if (nf < 2) {
            problem(c, path, t.line, 1, "expected: class <TAB> form <TAB> note");
            continue;
        }
        unsigned bit = 0;
        for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
            if (!strcmp(f[0], classes[i].name))
                bit = classes[i].bit;
        if (!bit) {
            problem(c, path, t.line, 1, "unknown cue class '%s'", f[0]);
            continue;
        }
        char key[128];
        size_t kl = text_fold(f[1], strlen(f[1]), key, sizeof key);
        uint32_t *v = strmap_get(&c->d->cues, key, kl);
        if (v) {
            if (*v & bit)
                problem(c, path, t.line, 1, "duplicate cue %s %s", f[0], f[1]);
            *v |= bit;
        } else {
            const char *k = store(c, key, kl);
            if (!k || strmap_put(&c->d->cues, k, kl, bit) != 0) {
                tsv_close(&t);
                return -1;
            }
        }
    }
    tsv_close(&t);
    return 0;
}

int ev_dict_load(ev_dict *d, const char *data_dir, ev_report_fn report, void *ctx,
                 char *errbuf, size_t errsz)
{
    memset(d, 0, sizeof *d);
    arena_init(&d->mem, 128 * 1024, 0);
    strmap_init(&d->heads);
    strmap_init(&d->cues);
    lctx c = {d, report, ctx, errbuf, errsz, 0};
    if (errbuf && errsz)
        errbuf[0] = '\0';
    char path[4096];
    snprintf(path, sizeof path, "%s/grammar.tsv", data_dir);
    load_grammar(&c, path);
    snprintf(path, sizeof path, "%s/triggers", data_dir);
    DIR *dh = opendir(path);
    if (!dh) {
        problem(&c, path, 0, 1, "cannot open directory: %s", strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t nn = 0, capn = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".tsv") && de->d_name[0] != '.') {
            char **p = VEC_PUSH(names, nn, capn);
            size_t pl = strlen(path) + l + 2;
            if (!p || !(*p = malloc(pl))) {
                closedir(dh);
                return -1;
            }
            snprintf(*p, pl, "%s/%s", path, de->d_name);
        }
    }
    closedir(dh);
    qsort(names, nn, sizeof *names, name_cmp);
    for (size_t i = 0; i < nn; i++) {
        load_trigger_file(&c, names[i]);
        free(names[i]);
    }
    free(names);
    return c.errors ? -1 : 0;
}

void ev_dict_free(ev_dict *d)
{
    if (!d)
        return;
    free(d->e);
    strmap_free(&d->heads);
    strmap_free(&d->cues);
    arena_free(&d->mem);
    memset(d, 0, sizeof *d);
}

unsigned ev_cue(const ev_dict *d, const char *lemma)
{
    const uint32_t *v = strmap_get(&d->cues, lemma, strlen(lemma));
    return v ? *v : 0;
}
