/* merge.c -- merging event mentions into records; see doc.h.
 *
 * Why merge at all: a news report tells its main event several times ("a
 * significant withdrawal", "began moving their equipment out", "have been
 * evacuating bit by bit"); an analyst counts one withdrawal, with every
 * sentence as evidence. */
#include "doc.h"
#include "../util/date.h"
#include "../util/vec.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

void doc_actor_at(const actor_dict *d, const act_mention *m, int32_t day, doc_actor *out)
{
    memset(out, 0, sizeof *out);
    if (actors_code(d, m, day, out->code, sizeof out->code, out->country, out->sector) > 0)
        out->known = 1;
}

/* Same actor, or one of them unknown.  Roles: one set within the other. */
static int actor_compat(const doc_actor *a, const doc_actor *b)
{
    if (!a->known || !b->known)
        return 1;
    if (strcmp(a->country, b->country) != 0)
        return 0;
    const char *ra = a->code + 3, *rb = b->code + 3;
    if (!*ra || !*rb)
        return 1;
    /* compatible when they share a role */
    for (const char *p = ra; p[0] && p[1] && p[2]; p += 3)
        for (const char *q = rb; q[0] && q[1] && q[2]; q += 3)
            if (!strncmp(p, q, 3))
                return 1;
    return 0;
}

static int same_actor(const doc_actor *a, const doc_actor *b)
{
    return a->known && b->known && actor_compat(a, b);
}

static int date_compat(int32_t as, int32_t ae, uint8_t ap, int32_t bs, int32_t be, uint8_t bp)
{
    if (as == DATE_NONE || bs == DATE_NONE)
        return 1;
    if (ap == 7 /* document */ || bp == 7)
        return 1;
    return as <= be && bs <= ae;
}

static int polarity(int m)
{
    return m == MOD_NEGATED ? 2 : m == MOD_PLANNED ? 1 : 0;
}

static int type_compat(int a, int b)
{
    if (a == b)
        return 1;
    return (a == EV_ASSAULT || a == EV_COERCE) && (b == EV_ASSAULT || b == EV_COERCE);
}

static int code_len(const doc_actor *a)
{
    return a->known ? (int)strlen(a->code) : 0;
}

/* Great-circle distance (km), for telling events apart by place. */
static double km_apart(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, d = M_PI / 180.0;
    double dp = (lat2 - lat1) * d, dl = (lon2 - lon1) * d;
    double h = sin(dp / 2) * sin(dp / 2) + cos(lat1 * d) * cos(lat2 * d) * sin(dl / 2) * sin(dl / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

int doc_merge(const actor_dict *d, const ev_mention *evs, size_t n, int32_t docdate,
              doc_record **out, size_t *nout)
{
    doc_record *r = NULL;
    size_t nr = 0, capr = 0;
    for (size_t i = 0; i < n; i++) {
        const ev_mention *e = &evs[i];
        doc_actor s, t;
        int32_t day = e->d_start != DATE_NONE ? e->d_start : docdate;
        memset(&s, 0, sizeof s);
        memset(&t, 0, sizeof t);
        if (e->has_src)
            doc_actor_at(d, &e->src, day, &s);
        if (e->has_tgt)
            doc_actor_at(d, &e->tgt, day, &t);
        size_t hit = SIZE_MAX;
        int swapped_in = 0;
        for (size_t k = 0; k < nr && hit == SIZE_MAX; k++) {
            doc_record *x = &r[k];
            const ev_mention *rep = &evs[x->rep];
            if (!type_compat(x->type, e->type))
                continue;
            if (polarity(x->modality) != polarity(e->modality))
                continue;
            int pe = e->phase == PH_END ? PH_NONE : e->phase;
            int px = rep->phase == PH_END ? PH_NONE : rep->phase;
            if (pe != px)
                continue;
            /* a withdrawal and a ceasefire are both RETREAT, not one event */
            if (rep->mode && e->mode && strcmp(rep->mode, e->mode) != 0)
                continue;
            /* cross-type merges need the same source */
            if (x->type != e->type && !same_actor(&x->src, &s))
                continue;
            /* at least one actor must be known to be the same */
            int direct = actor_compat(&x->src, &s) && actor_compat(&x->tgt, &t);
            int swapped = (e->symmetric || rep->symmetric) && actor_compat(&x->src, &t) &&
                          actor_compat(&x->tgt, &s);
            int anchor = same_actor(&x->src, &s) || same_actor(&x->tgt, &t) ||
                         ((e->symmetric || rep->symmetric) && (same_actor(&x->src, &t) || same_actor(&x->tgt, &s)));
            if (!(direct || swapped) || !anchor)
                continue;
            if (!date_compat(x->d_start, x->d_end, x->d_prec, e->d_start, e->d_end, e->d_prec))
                continue;
            /* the same kind of event in two places far apart is two events
             * ("a presence in Qamishli", "a presence on the coast") */
            if (x->placed && e->placed && km_apart(x->plat, x->plon, e->plat, e->plon) > 150.0)
                continue;
            hit = k;
            if (!direct) {
                /* merged the other way round: align the mention's actors */
                doc_actor tmp = s;
                s = t;
                t = tmp;
                swapped_in = 1;
            }
        }
        if (hit == SIZE_MAX) {
            doc_record *x = VEC_PUSH(r, nr, capr);
            if (!x)
                goto oom;
            memset(x, 0, sizeof *x);
            x->rep = i;
            x->type = e->type;
            x->modality = e->modality;
            x->d_start = e->d_start;
            x->d_end = e->d_end;
            x->d_prec = e->d_prec;
            x->date_from = i;
            x->until = e->until;
            x->src = s;
            x->tgt = t;
            x->src_m = e->has_src ? i : SIZE_MAX;
            x->tgt_m = e->has_tgt ? i : SIZE_MAX;
            x->attr_m = e->has_attr ? i : SIZE_MAX;
            x->placed = e->placed;
            x->plat = e->plat;
            x->plon = e->plon;
            hit = nr - 1;
        } else {
            doc_record *x = &r[hit];
            /* the most specific actors, the most precise date */
            /* (x->src_m/tgt_m name the mention; when swapped, the record's
             * source is that mention's target and vice versa) */
            if (code_len(&s) > code_len(&x->src) && actor_compat(&x->src, &s)) {
                x->src = s;
                x->src_m = i;
                x->src_from_tgt = (uint8_t)swapped_in;
            }
            if (code_len(&t) > code_len(&x->tgt) && actor_compat(&x->tgt, &t)) {
                x->tgt = t;
                x->tgt_m = i;
                x->tgt_from_src = (uint8_t)swapped_in;
            }
            if (e->d_start != DATE_NONE && (x->d_start == DATE_NONE || x->d_prec == 7 ||
                                            (e->d_prec != 7 && e->d_end - e->d_start < x->d_end - x->d_start))) {
                x->d_start = e->d_start;
                x->d_end = e->d_end;
                x->d_prec = e->d_prec;
                x->date_from = i;
            }
            if (e->until != DATE_NONE && (x->until == DATE_NONE || e->until > x->until))
                x->until = e->until;
            if (x->attr_m == SIZE_MAX && e->has_attr)
                x->attr_m = i;
            /* a verb shows the event better than a noun naming it again */
            if (e->phase == PH_NONE && evs[x->rep].phase == PH_END)
                x->rep = i;
        }
        size_t *slot = VEC_PUSH(r[hit].mi, r[hit].nm, r[hit].capm);
        if (!slot)
            goto oom;
        *slot = i;
    }
    for (size_t k = 0; k < nr; k++) {
        doc_record *x = &r[k];
        double c = 0.45;
        if (x->src.known)
            c += 0.2;
        if (x->tgt.known)
            c += 0.1;
        c += 0.05 * (double)(x->nm > 4 ? 3 : x->nm - 1);
        if (evs[x->rep].src.inferred)
            c -= 0.1;
        x->confidence = c > 0.95 ? 0.95 : c;
    }
    *out = r;
    *nout = nr;
    return 0;
oom:
    doc_records_free(r, nr);
    return -1;
}

void doc_records_free(doc_record *r, size_t n)
{
    if (!r)
        return;
    for (size_t i = 0; i < n; i++)
        free(r[i].mi);
    free(r);
}
