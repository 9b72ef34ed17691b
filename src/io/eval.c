/* eval.c -- scoring event records against a gold file (gold-events/1).
 *
 * The rules are those of the project's reference scorer (shared/eval/score,
 * documented in its docstring): a prediction matches a gold event when its
 * type is one of the gold types and its source and target satisfy the gold
 * actor specs (either way round when symmetric); required gold events take
 * their best-agreeing prediction first; a prediction matching only gold
 * events already taken is a duplicate; a negated prediction only matches a
 * negated gold event; must_modality makes a wrong modality a wrong
 * prediction.  Location (within radius_km), date (overlap) and modality are
 * scored on the matched pairs. */
#include "../engine.h"
#include "../util/vec.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct pactor {
    int known;
    char country[8];
    char roles[16][4];
    char sector[32];
    int nroles;
} pactor;

typedef struct pred {
    char type[16];
    pactor src, tgt;
    int has_loc;
    double lat, lon;
    int has_date;
    char ds[11], de[11];
    char modality[16];
    char desc[200];
} pred;

typedef struct pdoc {
    char *id;
    pred *p;
    size_t n, cap;
} pdoc;

struct sr_eval {
    json_t *gold;
    int dup_ok;
    pdoc *docs;
    size_t ndocs, capdocs;
};

int sr_eval_open(const char *gold_path, int dup_ok, sr_eval **out, sr_error *err)
{
    *out = NULL;
    json_error_t je;
    json_t *g = json_load_file(gold_path, 0, &je);
    if (!g) {
        sr_seterr(err, SR_EINPUT, NULL, gold_path, je.line, -1, "cannot read gold: %s", je.text);
        return SR_EINPUT;
    }
    if (!json_is_array(json_object_get(g, "docs"))) {
        json_decref(g);
        sr_seterr(err, SR_EINPUT, NULL, gold_path, 0, -1, "not a gold-events/1 file (no \"docs\" array)");
        return SR_EINPUT;
    }
    sr_eval *ev = calloc(1, sizeof *ev);
    if (!ev) {
        json_decref(g);
        return SR_ENOMEM;
    }
    ev->gold = g;
    ev->dup_ok = dup_ok;
    *out = ev;
    return SR_OK;
}

void sr_eval_free(sr_eval *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->ndocs; i++) {
        free(ev->docs[i].id);
        free(ev->docs[i].p);
    }
    free(ev->docs);
    json_decref(ev->gold);
    free(ev);
}

static void to_pactor(const sr_actor *a, int has, pactor *p)
{
    memset(p, 0, sizeof *p);
    if (!has || !a->code || strlen(a->code) < 3)
        return;
    p->known = 1;
    snprintf(p->country, sizeof p->country, "%.3s", a->country ? a->country : a->code);
    const char *r = a->code + 3;
    for (size_t i = 0; i + 3 <= strlen(r) && p->nroles < 15; i += 3)
        snprintf(p->roles[p->nroles++], 4, "%.3s", r + i);
    /* the whole sector is one more role, as the shared scorer reads it */
    if (a->sector)
        snprintf(p->sector, sizeof p->sector, "%s", a->sector);
}

int sr_eval_add(sr_eval *ev, const sr_events *events)
{
    pdoc *d = VEC_PUSH(ev->docs, ev->ndocs, ev->capdocs);
    if (!d)
        return SR_ENOMEM;
    memset(d, 0, sizeof *d);
    d->id = strdup(sr_events_doc_id(events));
    if (!d->id)
        return SR_ENOMEM;
    for (size_t i = 0; i < sr_events_count(events); i++) {
        const sr_event *e = sr_events_get(events, i);
        pred *p = VEC_PUSH(d->p, d->n, d->cap);
        if (!p)
            return SR_ENOMEM;
        memset(p, 0, sizeof *p);
        snprintf(p->type, sizeof p->type, "%s", e->type);
        to_pactor(&e->source, e->has_source, &p->src);
        to_pactor(&e->target, e->has_target, &p->tgt);
        p->has_loc = e->has_location;
        p->lat = e->location.lat;
        p->lon = e->location.lon;
        p->has_date = e->has_date;
        memcpy(p->ds, e->date.start, 11);
        memcpy(p->de, e->date.end, 11);
        snprintf(p->modality, sizeof p->modality, "%s", e->modality);
        snprintf(p->desc, sizeof p->desc, "{\"type\": \"%s\", \"source\": %s, \"target\": %s, \"modality\": \"%s\"}",
                 e->type, e->has_source && e->source.code ? e->source.code : "null",
                 e->has_target && e->target.code ? e->target.code : "null", e->modality);
    }
    return SR_OK;
}

/* ---- the rules -------------------------------------------------------- */

static int in_list(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        if (json_is_string(v) && !strcasecmp(json_string_value(v), s))
            return 1;
    }
    return 0;
}

static int actor_ok(json_t *spec, const pactor *p)
{
    if (!spec || json_is_null(spec))
        return 1;
    if (!p->known)
        return 0;
    if (!in_list(json_object_get(spec, "country"), p->country))
        return 0;
    json_t *sec = json_object_get(spec, "sector");
    if (!sec || in_list(sec, "*"))
        return 1;
    for (int i = 0; i < p->nroles; i++)
        if (in_list(sec, p->roles[i]))
            return 1;
    return p->sector[0] && in_list(sec, p->sector);
}

static int type_ok(json_t *g, const pred *p)
{
    json_t *t = json_object_get(g, "type");
    return !t || in_list(t, "*") || in_list(t, p->type);
}

static int core_match(json_t *g, const pred *p)
{
    if (!type_ok(g, p))
        return 0;
    json_t *s = json_object_get(g, "source"), *t = json_object_get(g, "target");
    if (actor_ok(s, &p->src) && actor_ok(t, &p->tgt))
        return 1;
    if (json_is_true(json_object_get(g, "symmetric")) && actor_ok(s, &p->tgt) && actor_ok(t, &p->src))
        return 1;
    return 0;
}

static int modality_ok(json_t *g, const pred *p)
{
    json_t *m = json_object_get(g, "modality");
    return !m || json_is_null(m) || in_list(m, p->modality);
}

static int polarity_ok(json_t *g, const pred *p)
{
    return strcmp(p->modality, "negated") != 0 || in_list(json_object_get(g, "modality"), "negated");
}

static double km(double la1, double lo1, double la2, double lo2)
{
    double r = 6371.0, p1 = la1 * M_PI / 180, p2 = la2 * M_PI / 180;
    double dp = p2 - p1, dl = (lo2 - lo1) * M_PI / 180;
    double h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    double s = sqrt(h);
    return 2 * r * asin(s < 1 ? s : 1);
}

static int location_ok(json_t *gl, const pred *p)
{
    if (!p->has_loc)
        return 0;
    json_t *rad = json_object_get(gl, "radius_km");
    double radius = rad ? json_number_value(rad) : 50;
    return km(json_number_value(json_object_get(gl, "lat")), json_number_value(json_object_get(gl, "lon")), p->lat,
              p->lon) <= radius;
}

static int date_ok(json_t *gd, const pred *p)
{
    if (!p->has_date)
        return 0;
    const char *s = json_string_value(json_object_get(gd, "start"));
    const char *e = json_string_value(json_object_get(gd, "end"));
    if (!s || !e)
        return 0;
    return strcmp(p->ds, e) <= 0 && strcmp(s, p->de) <= 0;
}

static int attr_score(json_t *g, const pred *p)
{
    int n = 0;
    json_t *l = json_object_get(g, "location"), *d = json_object_get(g, "date");
    if (l && json_is_object(l) && location_ok(l, p))
        n++;
    if (d && json_is_object(d) && date_ok(d, p))
        n++;
    if (modality_ok(g, p))
        n++;
    return n;
}

static int required(json_t *g)
{
    return json_is_true(json_object_get(g, "required"));
}

static const pdoc *find_doc(const sr_eval *ev, const char *id)
{
    for (size_t i = 0; i < ev->ndocs; i++)
        if (!strcmp(ev->docs[i].id, id))
            return &ev->docs[i];
    return NULL;
}

static double pct(int a, int b)
{
    return b ? (double)a / b : -1;
}

static void put_pct(FILE *out, int a, int b)
{
    if (b)
        fprintf(out, "%.2f", pct(a, b));
    else
        fputs("n/a", out);
}

int sr_eval_report(sr_eval *ev, FILE *out, int verbose, sr_scores *total)
{
    sr_scores T;
    memset(&T, 0, sizeof T);
    size_t di;
    json_t *gdoc;
    json_array_foreach(json_object_get(ev->gold, "docs"), di, gdoc) {
        const char *id = json_string_value(json_object_get(gdoc, "doc"));
        if (!id)
            continue;
        const pdoc *pd = find_doc(ev, id);
        size_t np = pd ? pd->n : 0;
        json_t *golds = json_object_get(gdoc, "events");
        size_t ng = json_array_size(golds);
        char *taken = calloc(ng + 1, 1);
        size_t *taken_by = calloc(ng + 1, sizeof(size_t));
        char *used = calloc(np + 1, 1);
        if (!taken || !taken_by || !used) {
            free(taken);
            free(taken_by);
            free(used);
            return SR_ENOMEM;
        }
        int correct = 0, dup = 0, found = 0, req = 0;
        /* required first, in file order (a stable sort on "not required") */
        for (int pass = 0; pass < 2; pass++) {
            for (size_t gi = 0; gi < ng; gi++) {
                json_t *g = json_array_get(golds, gi);
                if (required(g) != (pass == 0))
                    continue;
                long best = -1;
                int bests = -1;
                for (size_t i = 0; i < np; i++) {
                    if (used[i])
                        continue;
                    const pred *p = &pd->p[i];
                    if (!core_match(g, p) || !polarity_ok(g, p))
                        continue;
                    if (json_is_true(json_object_get(g, "must_modality")) && !modality_ok(g, p))
                        continue;
                    int s = attr_score(g, p);
                    if (s > bests) {
                        best = (long)i;
                        bests = s;
                    }
                }
                if (best >= 0) {
                    taken[gi] = 1;
                    taken_by[gi] = (size_t)best;
                    used[best] = 1;
                    correct++;
                }
            }
        }
        for (size_t i = 0; i < np; i++) {
            if (used[i])
                continue;
            const pred *p = &pd->p[i];
            int hits = 0, all_must_bad = 1;
            const char *why_mod = NULL;
            for (size_t gi = 0; gi < ng; gi++) {
                json_t *g = json_array_get(golds, gi);
                if (!core_match(g, p) || !polarity_ok(g, p))
                    continue;
                hits++;
                if (!(json_is_true(json_object_get(g, "must_modality")) && !modality_ok(g, p)))
                    all_must_bad = 0;
                else if (!why_mod)
                    why_mod = "modality should differ";
            }
            if (!hits) {
                if (verbose)
                    fprintf(out, "  wrong (matches no gold event): %s\n", p->desc);
                continue;
            }
            if (all_must_bad) {
                if (verbose)
                    fprintf(out, "  wrong (%s): %s\n", why_mod, p->desc);
                continue;
            }
            dup++;
            if (ev->dup_ok)
                correct++;
            else if (verbose)
                fprintf(out, "  wrong (duplicate of a gold event already matched): %s\n", p->desc);
        }
        int loc[2] = {0, 0}, dt[2] = {0, 0}, md[2] = {0, 0};
        for (size_t gi = 0; gi < ng; gi++) {
            json_t *g = json_array_get(golds, gi);
            if (required(g)) {
                req++;
                if (taken[gi])
                    found++;
                else if (verbose)
                    fprintf(out, "  missed %s: %s\n", json_string_value(json_object_get(g, "id")),
                            json_string_value(json_object_get(g, "what")) ? json_string_value(json_object_get(g, "what")) : "");
            }
            if (!taken[gi])
                continue;
            const pred *p = &pd->p[taken_by[gi]];
            json_t *l = json_object_get(g, "location"), *d = json_object_get(g, "date"), *m = json_object_get(g, "modality");
            if (l && json_is_object(l)) {
                loc[1]++;
                loc[0] += location_ok(l, p);
            }
            if (d && json_is_object(d)) {
                dt[1]++;
                dt[0] += date_ok(d, p);
            }
            if (m && !json_is_null(m)) {
                md[1]++;
                md[0] += modality_ok(g, p);
            }
        }
        fprintf(out, "%s: recall %d/%d, precision %d/%zu, duplicates %d, location %d/%d, date %d/%d, modality %d/%d\n",
                id, found, req, correct, np, dup, loc[0], loc[1], dt[0], dt[1], md[0], md[1]);
        T.required += req;
        T.found += found;
        T.preds += (int)np;
        T.correct += correct;
        T.dup += dup;
        for (int k = 0; k < 2; k++) {
            T.loc[k] += loc[k];
            T.date[k] += dt[k];
            T.mod[k] += md[k];
        }
        free(taken);
        free(taken_by);
        free(used);
    }
    T.recall = T.required ? (double)T.found / T.required : 0;
    T.precision = T.preds ? (double)T.correct / T.preds : 0;
    T.f1 = T.recall + T.precision > 0 ? 2 * T.recall * T.precision / (T.recall + T.precision) : 0;
    fprintf(out, "TOTAL recall %.2f precision %.2f F1 %.2f duplicates %d location ", T.recall, T.precision, T.f1, T.dup);
    put_pct(out, T.loc[0], T.loc[1]);
    fputs(" date ", out);
    put_pct(out, T.date[0], T.date[1]);
    fputs(" modality ", out);
    put_pct(out, T.mod[0], T.mod[1]);
    fputc('\n', out);
    if (total)
        *total = T;
    return ferror(out) ? SR_EIO : SR_OK;
}
