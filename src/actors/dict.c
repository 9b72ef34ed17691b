/* dict.c -- loading the actor dictionaries into the phrase index.
 *
 * Loading is strict: a malformed line is an error naming file and line,
 * because a silently skipped entry codes every later event wrongly.  Soft
 * problems (a form claimed by two entries, overlapping periods of one name)
 * are reported as warnings; `sitrep dict check` shows both. */
#include "dict.h"
#include "../text/text.h"
#include "../util/date.h"
#include "../util/tsv.h"
#include "../util/vec.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct loadctx {
    actor_dict *d;
    const lexicon *lx;
    dict_report_fn report;
    void *ctx;
    char *errbuf;
    size_t errsz;
    int errors;
} loadctx;

static void problem(loadctx *c, const char *file, long line, int is_error, const char *fmt, ...)
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

/* ---- roles and codes -------------------------------------------------- */

static int upper3_chars(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

static int role_kinds(const actor_dict *d, const char *code3);

int dict_role_kinds(const actor_dict *d, const char *code3)
{
    return role_kinds(d, code3);
}

int dict_is_country(const actor_dict *d, const char *iso3)
{
    return strmap_get(&d->country_by_iso3, iso3, 3) != NULL;
}

int dict_code_valid(const actor_dict *d, const char *code)
{
    size_t n = strlen(code);
    if (n < 3 || n % 3 != 0 || n > 24)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return 0;
    int head_ok = dict_is_country(d, code) || (role_kinds(d, code) & RK_HEAD);
    if (!head_ok)
        return 0;
    for (size_t i = 3; i < n; i += 3)
        if (!(role_kinds(d, code + i) & (RK_SECTOR | RK_GROUP | RK_PEOPLE)))
            return 0;
    return 1;
}

/* ---- the phrase index ------------------------------------------------- */

static int is_acronym(const char *s)
{
    size_t letters = 0, len = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            return 0;
        if ((unsigned char)*p >= 0x80)
            return 0;
        if (*p >= 'A' && *p <= 'Z')
            letters++;
        if (*p != ' ')
            len++;
    }
    return letters > 0 && len <= 6;
}

static int add_key(loadctx *c, strmap *map, const char *key, size_t kl, int ntok, uint8_t kind,
                   uint32_t ref, int acronym)
{
    actor_dict *d = c->d;
    if (!kl)
        return 0;
    uint32_t *first = strmap_get(map, key, kl);
    if (first) {
        for (uint32_t h = *first; h != UINT32_MAX; h = d->hits[h].next)
            if (d->hits[h].kind == kind && d->hits[h].ref == ref)
                return 0;
    }
    dict_hit *h = VEC_PUSH(d->hits, d->nhits, d->caphits);
    if (!h)
        return -1;
    h->kind = kind;
    h->acronym = (uint8_t)acronym;
    h->ref = ref;
    h->next = UINT32_MAX;
    uint32_t idx = (uint32_t)(d->nhits - 1);
    if (first) {
        /* append at the end of the chain so that load order is priority */
        uint32_t t = *first;
        while (d->hits[t].next != UINT32_MAX)
            t = d->hits[t].next;
        d->hits[t].next = idx;
    } else {
        char *k = arena_strndup(&d->mem, key, kl);
        if (!k || strmap_put(map, k, kl, idx) != 0)
            return -1;
        /* every proper prefix, so that matching knows when to go on */
        for (size_t i = 0; i < kl; i++) {
            if (k[i] != ' ')
                continue;
            if (!strmap_get(&d->prefixes, k, i) && strmap_put(&d->prefixes, k, i, 1) != 0)
                return -1;
        }
    }
    if (ntok > d->max_key_tokens)
        d->max_key_tokens = (uint8_t)(ntok > 255 ? 255 : ntok);
    return 0;
}

static int add_form(loadctx *c, const char *form, uint8_t kind, uint32_t ref)
{
    char key[512];
    int ntok = 0;
    size_t kl = text_key(form, strlen(form), key, sizeof key, &ntok);
    return add_key(c, &c->d->names, key, kl, ntok, kind, ref, is_acronym(form));
}

/* Agents are matched on lemmas: index the form with its last word
 * lemmatised as a noun ("armed forces" -> "armed force"). */
static int add_agent_form(loadctx *c, const char *form, uint32_t ref)
{
    char key[512];
    int ntok = 0;
    size_t kl = text_key(form, strlen(form), key, sizeof key, &ntok);
    if (add_key(c, &c->d->lemmas, key, kl, ntok, H_AGENT, ref, 0) != 0)
        return -1;
    char *sp = strrchr(key, ' ');
    const char *last = sp ? sp + 1 : key;
    size_t ll = kl - (size_t)(last - key);
    const char *cand[4];
    size_t cl[4];
    char scratch[256];
    int k = lex_lemmas(c->lx, last, ll, LEX_N, cand, cl, 4, scratch, sizeof scratch);
    if (k > 0 && (cl[0] != ll || memcmp(cand[0], last, ll) != 0)) {
        char key2[512];
        size_t pre = (size_t)(last - key);
        if (pre + cl[0] < sizeof key2) {
            memcpy(key2, key, pre);
            memcpy(key2 + pre, cand[0], cl[0]);
            return add_key(c, &c->d->lemmas, key2, pre + cl[0], ntok, H_AGENT, ref, 0);
        }
    }
    return 0;
}

/* The surname of a person ("bush" of George W. Bush): value is the person,
 * or UINT32_MAX when people of different countries share it. */
static int add_surname(loadctx *c, const char *name, uint32_t ref)
{
    actor_dict *d = c->d;
    char key[512];
    int ntok = 0;
    size_t kl = text_key(name, strlen(name), key, sizeof key, &ntok);
    if (ntok < 2)
        return 0;
    const char *sp = strrchr(key, ' ');
    const char *last = sp + 1;
    size_t ll = kl - (size_t)(last - key);
    if (ll < 3)
        return 0;
    uint32_t *v = strmap_get(&d->surnames, last, ll);
    if (v) {
        if (*v != UINT32_MAX && strncmp(d->periods[d->actors[*v].period0].code,
                                        d->periods[d->actors[ref].period0].code, 3) != 0)
            *v = UINT32_MAX;
        return 0;
    }
    char *k = arena_strndup(&d->mem, last, ll);
    return k && strmap_put(&d->surnames, k, ll, ref) == 0 ? 0 : -1;
}

const dict_actor *dict_surname(const actor_dict *d, const char *key, size_t n)
{
    const uint32_t *v = strmap_get(&d->surnames, key, n);
    return v && *v != UINT32_MAX ? &d->actors[*v] : NULL;
}

static int add_alts(loadctx *c, char *field, uint8_t kind, uint32_t ref)
{
    char *parts[64];
    int np = tsv_split_alts(field, parts, 64);
    for (int i = 0; i < np; i++)
        if (add_form(c, parts[i], kind, ref) != 0)
            return -1;
    return 0;
}

/* ---- files ------------------------------------------------------------ */

static char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static int open_tsv(loadctx *c, tsv *t, const char *path)
{
    if (tsv_open(t, path) != 0) {
        problem(c, path, 0, 1, "cannot read: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static int role_kinds(const actor_dict *d, const char *code3)
{
    const uint32_t *v = strmap_get(&d->role_by_code, code3, 3);
    return v ? (int)*v : 0;
}

static int load_roles(loadctx *c, const char *path)
{
    tsv t;
    if (open_tsv(c, &t, path) != 0)
        return -1;
    char *f[4];
    int nf;
    actor_dict *d = c->d;
    while (tsv_next(&t, f, 4, &nf)) {
        int bit = !strcmp(f[0], "head") ? RK_HEAD : !strcmp(f[0], "sector") ? RK_SECTOR :
                  !strcmp(f[0], "group") ? RK_GROUP : !strcmp(f[0], "people") ? RK_PEOPLE : 0;
        if (nf < 3 || strlen(f[1]) != 3 || !bit || !upper3_chars(f[1])) {
            problem(c, path, t.line, 1, "expected: head|sector|group|people <TAB> CODE <TAB> meaning");
            continue;
        }
        uint32_t *v = strmap_get(&d->role_by_code, f[1], 3);
        if (v) {
            if (*v & (uint32_t)bit)
                problem(c, path, t.line, 1, "duplicate role code %s %s", f[0], f[1]);
            *v |= (uint32_t)bit;
            continue;
        }
        dict_role *r = VEC_PUSH(d->roles, d->nroles, d->caproles);
        if (!r)
            goto oom;
        memcpy(r->code, f[1], 4);
        r->kind = (uint8_t)f[0][0];
        /* keys live in the arena: the roles array moves as it grows */
        char *k = arena_strndup(&d->mem, f[1], 3);
        if (!k || strmap_put(&d->role_by_code, k, 3, (uint32_t)bit) != 0)
            goto oom;
    }
    tsv_close(&t);
    return 0;
oom:
    tsv_close(&t);
    problem(c, path, t.line, 1, "out of memory");
    return -1;
}

static int load_countries(loadctx *c, const char *path)
{
    tsv t;
    if (open_tsv(c, &t, path) != 0)
        return -1;
    actor_dict *d = c->d;
    char *f[8];
    int nf;
    /* Two passes: codes first (so that roles can refer to countries). */
    while (tsv_next(&t, f, 8, &nf)) {
        if (nf != 7) {
            problem(c, path, t.line, 1, "expected 7 fields (iso3 iso2 name aliases adjectives people capitals), found %d", nf);
            continue;
        }
        if (!upper3_chars(f[0])) {
            problem(c, path, t.line, 1, "bad ISO alpha-3 code '%s'", f[0]);
            continue;
        }
        if (strmap_get(&d->country_by_iso3, f[0], 3)) {
            problem(c, path, t.line, 1, "duplicate country %s", f[0]);
            continue;
        }
        if (!f[2][0]) {
            problem(c, path, t.line, 1, "country %s has no name", f[0]);
            continue;
        }
        dict_country *co = VEC_PUSH(d->countries, d->ncountries, d->capcountries);
        if (!co)
            goto oom;
        memset(co, 0, sizeof *co);
        memcpy(co->iso3, f[0], 4);
        snprintf(co->iso2, sizeof co->iso2, "%s", f[1]);
        co->name = arena_strndup(&d->mem, f[2], strlen(f[2]));
        const char *isokey = arena_strndup(&d->mem, f[0], 3);
        if (!co->name || !isokey ||
            strmap_put(&d->country_by_iso3, isokey, 3, (uint32_t)(d->ncountries - 1)) != 0)
            goto oom;
        uint32_t ref = (uint32_t)(d->ncountries - 1);
        if (add_form(c, f[2], H_COUNTRY, ref) != 0 || add_alts(c, f[3], H_COUNTRY, ref) != 0 ||
            add_alts(c, f[4], H_ADJ, ref) != 0 || add_alts(c, f[5], H_PEOPLE, ref) != 0 ||
            add_alts(c, f[6], H_CAPITAL, ref) != 0)
            goto oom;
    }
    tsv_close(&t);
    return 0;
oom:
    tsv_close(&t);
    problem(c, path, t.line, 1, "out of memory");
    return -1;
}

static int parse_roles(const actor_dict *d, const char *s, char *out, size_t outsz)
{
    /* "MIL", "GOV|MIL" or "GOVMIL": a sequence of known sector/group parts */
    size_t k = 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *p = buf; *p;) {
        if (*p == '|' || *p == ' ') {
            p++;
            continue;
        }
        if (strlen(p) < 3)
            return -1;
        if (!(role_kinds(d, p) & (RK_SECTOR | RK_GROUP | RK_PEOPLE)) || k + 3 >= outsz)
            return -1;
        memcpy(out + k, p, 3);
        k += 3;
        p += 3;
    }
    out[k] = '\0';
    return k ? 0 : -1;
}

static int thing_agent(const char *form)
{
    static const char *const things[] = {
        "government", "ministry", "administration", "regime", "cabinet", "court", "parliament",
        "army", "military", "navy", "air force", "police", "embassy", "agency", "committee",
        "council", "party", "newspaper", "union", "company", "firm", "church", "mosque",
        "university", "hospital", "authority", "coalition", "tank", "jet", "drone", "warship",
        "warplane", "helicopter", "aircraft", "artillery", "gunship", "congress", "senate",
        "tribunal", "watchdog", "group", "organization", "organisation", "movement", "office",
        "department", "commission", "media", "television", "broadcaster", "leadership", NULL};
    for (const char *const *t = things; *t; t++) {
        size_t l = strlen(*t), fl = strlen(form);
        if (fl >= l && strcmp(form + fl - l, *t) == 0)
            return 1;
    }
    return 0;
}

static int load_agents(loadctx *c, const char *path)
{
    tsv t;
    if (open_tsv(c, &t, path) != 0)
        return -1;
    actor_dict *d = c->d;
    char *f[4];
    int nf;
    while (tsv_next(&t, f, 4, &nf)) {
        if (nf < 2) {
            problem(c, path, t.line, 1, "expected: form <TAB> roles <TAB> note");
            continue;
        }
        char roles[16];
        if (parse_roles(d, f[1], roles, sizeof roles) != 0) {
            problem(c, path, t.line, 1, "bad roles '%s' (parts must be sectors or groups of data/roles.tsv)", f[1]);
            continue;
        }
        char *forms[16];
        int nfm = tsv_split_alts(f[0], forms, 16);
        for (int i = 0; i < nfm; i++) {
            dict_agent *a = VEC_PUSH(d->agents, d->nagents, d->capagents);
            if (!a)
                goto oom;
            memcpy(a->roles, roles, sizeof roles);
            a->form = arena_strndup(&d->mem, forms[i], strlen(forms[i]));
            if (!a->form)
                goto oom;
            /* agents denote people (he/she/they) unless they name a body or a thing */
            a->human = (uint8_t)!thing_agent(a->form);
            if (add_agent_form(c, forms[i], (uint32_t)(d->nagents - 1)) != 0)
                goto oom;
        }
    }
    tsv_close(&t);
    return 0;
oom:
    tsv_close(&t);
    problem(c, path, t.line, 1, "out of memory");
    return -1;
}

/* Actor lines are gathered first, then grouped by name so that the periods
 * of one actor are contiguous whatever file they come from. */
typedef struct aline {
    uint8_t kind;
    char *name, *aliases;
    char code[28];
    int32_t from, to;
    const char *file;
    long line;
} aline;

static int aline_cmp(const void *a, const void *b)
{
    const aline *x = a, *y = b;
    int r = strcmp(x->name, y->name);
    if (r)
        return r;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->file != y->file)
        return strcmp(x->file, y->file);
    return x->line < y->line ? -1 : x->line > y->line;
}

static int load_actor_file(loadctx *c, const char *path, aline **lines, size_t *n, size_t *cap)
{
    tsv t;
    if (open_tsv(c, &t, path) != 0)
        return -1;
    actor_dict *d = c->d;
    const char *fname = arena_strndup(&d->mem, path, strlen(path));
    char *f[8];
    int nf;
    while (tsv_next(&t, f, 8, &nf)) {
        if (nf < 6) {
            problem(c, path, t.line, 1, "expected 7 fields (kind name aliases code from to note), found %d", nf);
            continue;
        }
        uint8_t kind = !strcmp(f[0], "org") ? AE_ORG : !strcmp(f[0], "person") ? AE_PERSON : 0;
        if (!kind) {
            problem(c, path, t.line, 1, "kind must be 'org' or 'person', not '%s'", f[0]);
            continue;
        }
        if (!f[1][0]) {
            problem(c, path, t.line, 1, "empty name");
            continue;
        }
        if (!dict_code_valid(d, f[3])) {
            problem(c, path, t.line, 1, "bad actor code '%s'", f[3]);
            continue;
        }
        int32_t from = INT32_MIN, to = INT32_MAX;
        if (f[4][0] && (from = date_parse_iso(f[4], strlen(f[4]), 1)) == DATE_NONE) {
            problem(c, path, t.line, 1, "bad from date '%s'", f[4]);
            continue;
        }
        if (f[5][0] && (to = date_parse_iso(f[5], strlen(f[5]), 1)) == DATE_NONE) {
            problem(c, path, t.line, 1, "bad to date '%s'", f[5]);
            continue;
        }
        if (from != INT32_MIN && to != INT32_MAX && from >= to) {
            problem(c, path, t.line, 1, "period ends (%s) before it starts (%s)", f[5], f[4]);
            continue;
        }
        aline *l = VEC_PUSH(*lines, *n, *cap);
        if (!l)
            goto oom;
        l->kind = kind;
        l->name = arena_strndup(&d->mem, f[1], strlen(f[1]));
        l->aliases = arena_strndup(&d->mem, f[2], strlen(f[2]));
        if (!l->name || !l->aliases || !fname)
            goto oom;
        snprintf(l->code, sizeof l->code, "%s", f[3]);
        l->from = from;
        l->to = to;
        l->file = fname;
        l->line = t.line;
    }
    tsv_close(&t);
    return 0;
oom:
    tsv_close(&t);
    problem(c, path, t.line, 1, "out of memory");
    return -1;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_actors(loadctx *c, const char *dir)
{
    actor_dict *d = c->d;
    DIR *dh = opendir(dir);
    if (!dh) {
        problem(c, dir, 0, 1, "cannot open directory: %s", strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t nn = 0, capn = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".tsv") == 0 && de->d_name[0] != '.') {
            char **p = VEC_PUSH(names, nn, capn);
            if (!p || !(*p = path_join(dir, de->d_name))) {
                closedir(dh);
                return -1;
            }
        }
    }
    closedir(dh);
    qsort(names, nn, sizeof *names, name_cmp);
    aline *lines = NULL;
    size_t nl = 0, capl = 0;
    int rc = 0;
    for (size_t i = 0; i < nn; i++)
        if (load_actor_file(c, names[i], &lines, &nl, &capl) != 0)
            rc = -1;
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    qsort(lines, nl, sizeof *lines, aline_cmp);
    for (size_t i = 0; i < nl;) {
        size_t j = i;
        while (j < nl && strcmp(lines[j].name, lines[i].name) == 0)
            j++;
        dict_actor *a = VEC_PUSH(d->actors, d->nactors, d->capactors);
        if (!a) {
            rc = -1;
            break;
        }
        uint32_t ref = (uint32_t)(d->nactors - 1);
        a->kind = lines[i].kind;
        a->name = lines[i].name;
        a->file = lines[i].file;
        a->line = lines[i].line;
        a->period0 = (uint32_t)d->nperiods;
        a->nperiods = 0;
        if (strmap_put(&d->actor_by_name, a->name, strlen(a->name), ref) != 0) {
            rc = -1;
            break;
        }
        for (size_t k = i; k < j; k++) {
            const aline *l = &lines[k];
            if (l->kind != a->kind)
                problem(c, l->file, l->line, 1, "'%s' is both an org and a person", l->name);
            /* exact duplicate or overlap with a different code */
            for (size_t m = i; m < k; m++) {
                const aline *o = &lines[m];
                if (o->from == l->from && o->to == l->to && !strcmp(o->code, l->code))
                    problem(c, l->file, l->line, 1, "duplicate of %s:%ld", o->file, o->line);
                else if (l->from < o->to && o->from < l->to && strcmp(o->code, l->code) != 0)
                    problem(c, l->file, l->line, 1, "period of '%s' (%s) overlaps %s:%ld (%s)",
                            l->name, l->code, o->file, o->line, o->code);
            }
            dict_period *p = VEC_PUSH(d->periods, d->nperiods, d->capperiods);
            if (!p) {
                rc = -1;
                break;
            }
            memcpy(p->code, l->code, sizeof p->code);
            p->from = l->from;
            p->to = l->to;
            a->nperiods++;
            if (add_form(c, l->name, H_ACTOR, ref) != 0 || add_alts(c, lines[k].aliases, H_ACTOR, ref) != 0 ||
                (a->kind == AE_PERSON && k + 1 == j && add_surname(c, l->name, ref) != 0)) {
                rc = -1;
                break;
            }
        }
        i = j;
    }
    free(lines);
    return rc;
}

/* A form claimed by entries of different countries is ambiguous: warn. */
static void check_ambiguous(loadctx *c)
{
    actor_dict *d = c->d;
    for (size_t i = 0; i < d->names.cap; i++) {
        const strmap_slot *s = &d->names.slots[i];
        if (!s->key)
            continue;
        const dict_hit *h0 = &d->hits[s->value];
        if (h0->next == UINT32_MAX)
            continue;
        for (uint32_t h = h0->next; h != UINT32_MAX; h = d->hits[h].next) {
            const dict_hit *x = &d->hits[h];
            if (x->kind == H_ACTOR && h0->kind == H_ACTOR) {
                const dict_actor *a = &d->actors[h0->ref], *b = &d->actors[x->ref];
                const char *ca = d->periods[a->period0].code, *cb = d->periods[b->period0].code;
                if (strncmp(ca, cb, 3) != 0)
                    problem(c, b->file, b->line, 0, "form '%.*s' also names '%s' (%s:%ld)",
                            (int)s->len, s->key, a->name, a->file, a->line);
            }
        }
    }
}

int dict_load(actor_dict *d, const char *data_dir, const lexicon *lx,
              dict_report_fn report, void *ctx, char *errbuf, size_t errsz)
{
    memset(d, 0, sizeof *d);
    arena_init(&d->mem, 256 * 1024, 0);
    strmap_init(&d->names);
    strmap_init(&d->lemmas);
    strmap_init(&d->prefixes);
    strmap_init(&d->actor_by_name);
    strmap_init(&d->country_by_iso3);
    strmap_init(&d->role_by_code);
    strmap_init(&d->surnames);
    loadctx c = {d, lx, report, ctx, errbuf, errsz, 0};
    if (errbuf && errsz)
        errbuf[0] = '\0';
    static const char *const files[] = {"roles.tsv", "countries.tsv", "agents.tsv"};
    for (int i = 0; i < 3; i++) {
        char *p = path_join(data_dir, files[i]);
        if (!p)
            return -1;
        int rc = i == 0 ? load_roles(&c, p) : i == 1 ? load_countries(&c, p) : load_agents(&c, p);
        free(p);
        if (rc != 0 && !c.errors)
            problem(&c, files[i], 0, 1, "failed to load");
    }
    char *ad = path_join(data_dir, "actors");
    if (!ad)
        return -1;
    load_actors(&c, ad);
    free(ad);
    check_ambiguous(&c);
    return c.errors ? -1 : 0;
}

void dict_free(actor_dict *d)
{
    if (!d)
        return;
    free(d->countries);
    free(d->actors);
    free(d->periods);
    free(d->agents);
    free(d->hits);
    free(d->roles);
    strmap_free(&d->names);
    strmap_free(&d->lemmas);
    strmap_free(&d->prefixes);
    strmap_free(&d->actor_by_name);
    strmap_free(&d->country_by_iso3);
    strmap_free(&d->role_by_code);
    strmap_free(&d->surnames);
    arena_free(&d->mem);
    memset(d, 0, sizeof *d);
}

const dict_hit *dict_lookup(const actor_dict *d, int lemma_index, const char *key, size_t n)
{
    const uint32_t *v = strmap_get(lemma_index ? &d->lemmas : &d->names, key, n);
    return v ? &d->hits[*v] : NULL;
}

int dict_is_prefix(const actor_dict *d, const char *key, size_t n)
{
    return strmap_get(&d->prefixes, key, n) != NULL;
}

int dict_actor_code(const actor_dict *d, uint32_t actor, int32_t day, char *out, size_t outsz)
{
    const dict_actor *a = &d->actors[actor];
    const dict_period *best = NULL;
    int64_t bestdist = INT64_MAX;
    for (uint32_t i = 0; i < a->nperiods; i++) {
        const dict_period *p = &d->periods[a->period0 + i];
        if (day == DATE_NONE) {
            /* latest period */
            if (!best || p->from >= best->from)
                best = p;
            continue;
        }
        if (day >= p->from && day < p->to) {
            snprintf(out, outsz, "%s", p->code);
            return 1;
        }
        int64_t dist = day < p->from ? (int64_t)p->from - day : (int64_t)day - p->to;
        if (dist < bestdist) {
            bestdist = dist;
            best = p;
        }
    }
    if (!best) {
        snprintf(out, outsz, "%s", "");
        return 0;
    }
    if (day == DATE_NONE) {
        snprintf(out, outsz, "%s", best->code);
        return 1;
    }
    snprintf(out, outsz, "%.3s", best->code);
    return 0;
}
