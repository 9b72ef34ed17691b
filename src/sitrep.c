/* sitrep.c -- the library's top level: opening an engine and coding a
 * document through the stages.
 *
 *     text -> actors -> events -> geo -> time -> doc (merge) -> records
 *
 * The document is consumed one sentence at a time: each sentence's tokens
 * live in a sentence arena that is reset after it, so memory is bounded by
 * the longest sentence and the number of event mentions, not by the size of
 * the document. */
#include "engine.h"
#include "actors/actors.h"
#include "doc/doc.h"
#include "events/events.h"
#include "geo/geo.h"
#include "text/text.h"
#include "time/time.h"
#include "util/date.h"
#include "util/vec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#ifndef SITREP_DATADIR
#define SITREP_DATADIR "data"
#endif
#ifndef SITREP_LEXICON
#define SITREP_LEXICON "lexicon.bin"
#endif
#ifndef SITREP_GAZETTEER
#define SITREP_GAZETTEER "gazetteer.bin"
#endif

const char *sr_gazetteer_path(const char *given)
{
    if (given && *given)
        return given;
    const char *env = getenv("SITREP_GAZETTEER");
    if (env && *env)
        return env;
    return SITREP_GAZETTEER;
}

const char *sr_default_gazetteer(void)
{
    return SITREP_GAZETTEER;
}

const char *sr_strerror(int code)
{
    switch (code & 0xff) {
    case SR_OK: return "success";
    case SR_EINPUT:
        switch (code) {
        case SR_EINPUT_UTF8: return "invalid UTF-8";
        case SR_EINPUT_JSON: return "malformed JSON document";
        case SR_EINPUT_BINARY: return "binary input";
        case SR_EINPUT_DATE: return "invalid date";
        default: return "bad input";
        }
    case SR_EUSAGE: return "usage error";
    case SR_EIO: return "input/output error";
    case SR_ENOMEM: return "out of memory";
    case SR_ETOOBIG:
        switch (code) {
        case SR_ETOOBIG_DOC: return "document too large";
        case SR_ETOOBIG_SENT: return "sentence too long";
        case SR_ETOOBIG_EVENTS: return "too many events";
        default: return "limit exceeded";
        }
    case SR_EDICT: return "dictionary error";
    case SR_EINTERNAL: return "internal error";
    default: return code == SR_DONE ? "no more documents" : "unknown error";
    }
}

void sr_seterr(sr_error *err, int code, const char *doc, const char *file, long line, long offset,
               const char *fmt, ...)
{
    if (!err)
        return;
    err->code = code;
    snprintf(err->doc, sizeof err->doc, "%s", doc ? doc : "");
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

void sr_options_init(sr_options *o)
{
    memset(o, 0, sizeof *o);
    o->max_doc_bytes = (size_t)256 << 20;
    o->max_sentence_tokens = 2000;
    o->max_events = 100000;
}

const char *sr_default_data_dir(const char *given)
{
    if (given && *given)
        return given;
    const char *env = getenv("SITREP_DATA");
    if (env && *env)
        return env;
    return SITREP_DATADIR;
}

int sr_engine_open(const sr_options *o, sr_engine **out, sr_error *err)
{
    *out = NULL;
    sr_options def;
    if (!o) {
        sr_options_init(&def);
        o = &def;
    }
    sr_engine *e = calloc(1, sizeof *e);
    if (!e) {
        sr_seterr(err, SR_ENOMEM, NULL, NULL, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    e->opt = *o;
    if (!e->opt.max_doc_bytes)
        e->opt.max_doc_bytes = (size_t)256 << 20;
    if (!e->opt.max_sentence_tokens)
        e->opt.max_sentence_tokens = 2000;
    if (!e->opt.max_events)
        e->opt.max_events = 100000;
    snprintf(e->data_dir, sizeof e->data_dir, "%s", sr_default_data_dir(o->data_dir));
    const char *lexp = o->lexicon_path;
    if (!lexp || !*lexp)
        lexp = getenv("SITREP_LEXICON");
    if (!lexp || !*lexp)
        lexp = SITREP_LEXICON;
    char msg[512];
    e->lx = lex_open(lexp, msg, sizeof msg);
    if (!e->lx) {
        sr_seterr(err, SR_EDICT, NULL, lexp, 0, -1, "%s", msg);
        free(e);
        return SR_EDICT;
    }
    if (dict_load(&e->actors, e->data_dir, e->lx, NULL, NULL, msg, sizeof msg) != 0) {
        sr_seterr(err, SR_EDICT, NULL, NULL, 0, -1, "%s", msg);
        sr_engine_close(e);
        return SR_EDICT;
    }
    if (ev_dict_load(&e->events, e->data_dir, NULL, NULL, msg, sizeof msg) != 0) {
        sr_seterr(err, SR_EDICT, NULL, NULL, 0, -1, "%s", msg);
        sr_engine_close(e);
        return SR_EDICT;
    }
    const char *gzp = sr_gazetteer_path(o->gazetteer_path);
    e->gz = gaz_open(gzp, msg, sizeof msg);
    if (!e->gz) {
        sr_seterr(err, SR_EDICT, NULL, gzp, 0, -1, "%s", msg);
        sr_engine_close(e);
        return SR_EDICT;
    }
    *out = e;
    return SR_OK;
}

void sr_engine_close(sr_engine *e)
{
    if (!e)
        return;
    lex_close(e->lx);
    gaz_close(e->gz);
    dict_free(&e->actors);
    ev_dict_free(&e->events);
    free(e);
}

void sr_engine_stats(const sr_engine *e, sr_dict_stats *st)
{
    memset(st, 0, sizeof *st);
    st->countries = e->actors.ncountries;
    st->actors = e->actors.nactors;
    for (size_t i = 0; i < e->actors.nactors; i++) {
        if (e->actors.actors[i].kind == AE_PERSON)
            st->people++;
        else
            st->orgs++;
    }
    st->agents = e->actors.nagents;
    st->triggers = e->events.n;
    st->lexicon_words = lex_count(e->lx);
    st->places = gaz_nplaces(e->gz);
    st->place_names = gaz_nkeys(e->gz);
    st->gazetteer_source = gaz_source(e->gz);
}

/* ---- coding ----------------------------------------------------------- */

static int add_warning(sr_events *r, int code, long offset, const char *fmt, ...)
{
    sr_error *w = VEC_PUSH(r->warn, r->nwarn, r->capwarn);
    if (!w)
        return -1;
    memset(w, 0, sizeof *w);
    w->code = code;
    snprintf(w->doc, sizeof w->doc, "%s", r->doc_id);
    w->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->message, sizeof w->message, fmt, ap);
    va_end(ap);
    return 0;
}

static const char *adup(arena *a, const char *s, size_t n)
{
    return s ? arena_strndup(a, s, n) : NULL;
}

static const char *adups(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static void fill_actor(arena *a, const sr_engine *e, const char *text, const act_mention *m,
                       const doc_actor *code, sr_actor *out)
{
    memset(out, 0, sizeof *out);
    out->text = adup(a, text + m->start, m->end - m->start);
    if (code && code->known) {
        out->code = adups(a, code->code);
        out->country = code->country[0] ? adups(a, code->country) : NULL;
        out->sector = code->sector[0] ? adups(a, code->sector) : NULL;
    }
    out->name = m->name ? adups(a, m->name) : NULL;
    (void)e;
}

static const char *explain_str(arena *a, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return adups(a, buf);
}

/* ---- places and dates ------------------------------------------------- */

/* How fine a place is: a site beats a city beats a division ... */
static int place_rank(const char *precision)
{
    static const char *const order[] = {"country", "region", "admin1", "district", "city", "site"};
    for (int i = 0; i < 6; i++)
        if (!strcmp(precision, order[i]))
            return i + 1;
    return 1;
}

static void fill_place(arena *a, const sr_engine *e, const gaz_place *p, sr_place *out)
{
    memset(out, 0, sizeof *out);
    out->name = adups(a, gaz_str(e->gz, p->name_off));
    out->lat = p->lat;
    out->lon = p->lon;
    out->country = p->cc3[0] ? adup(a, p->cc3, 3) : NULL;
    out->precision = gaz_precision(p);
    /* project places carry ids of their own, not GeoNames' */
    out->geonameid = p->geonameid < 900000000u ? (long)p->geonameid : 0;
    out->feature = p->fcode[0] ? adup(a, p->fcode, strnlen(p->fcode, sizeof p->fcode)) : NULL;
}

/* Where each event happened: a toponym of its clause, its target place,
 * its sentence, or the dateline (geo_event_place). */
static void locate_events(const gazetteer *gz, const geo_doc *gd, ev_mention *evs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ev_mention *ev = &evs[i];
        int32_t tf = -1, tl = -1;
        if (ev->has_tgt && (ev->tgt.kind == AK_CAPITAL || ev->tgt.kind == AK_COUNTRY) &&
            (ev->type == EV_CONSULT || ev->type == EV_MOBILIZE || ev->type == EV_AID)) {
            tf = ev->tgt.first;
            tl = ev->tgt.last;
        }
        ev->place = geo_event_place(gd, ev->sent, ev->para, ev->clause_first, ev->clause_last, ev->obj_first, ev->obj_last,
                                    tf, tl);
        const gaz_place *p = ev->place >= 0 ? geo_place(gz, gd, (size_t)ev->place) : NULL;
        ev->placed = p != NULL;
        if (p) {
            ev->plat = p->lat;
            ev->plon = p->lon;
        }
    }
}

static const char *const gk_names[] = {"", "name", "country", "demonym", "capital"};

/* The sentence's towns and regions, as the events see them: a name the
 * actors stage could not place becomes a place of its country ("shelled
 * Balakliia": the civilians of a Ukrainian town), and the places where
 * things happen tell the actors which country the report is about. */
static void places_as_actors(const sr_engine *e, geo_doc *gd, size_t from, act_sentence *as, act_state *ast)
{
    geo_provisional(e->gz, gd, from);
    for (size_t k = from; k < gd->n; k++) {
        const geo_mention *gm = &gd->m[k];
        const gaz_place *p = geo_place(e->gz, gd, k);
        if (!p || !p->cc3[0] || gm->embedded || gm->kind == GK_DEMONYM)
            continue;
        char cc[4];
        memcpy(cc, p->cc3, 3);
        cc[3] = '\0';
        if (gm->kind == GK_NAME)
            for (size_t i = 0; i < as->n; i++) {
                act_mention *am = &as->m[i];
                if (am->kind != AK_NAME || am->actor >= 0 || am->country[0] || am->first > gm->first ||
                    am->last < gm->last || am->role == AM_APPOS)
                    continue;
                am->kind = AK_PLACE;
                memcpy(am->country, cc, 4);
                am->human = 0;
                am->via = "a place in the gazetteer";
            }
        if (gm->locative || gm->dateline || gm->kind == GK_NAME)
            actors_note_place(ast, cc);
    }
}

static int keep_toponyms(const sr_engine *e, sr_events *r, const geo_doc *gd)
{
    if (!gd->n)
        return 0;
    r->top = arena_calloc(&r->mem, gd->n * sizeof *r->top);
    if (!r->top)
        return -1;
    for (size_t i = 0; i < gd->n; i++) {
        const geo_mention *m = &gd->m[i];
        sr_toponym *t = &r->top[r->ntop++];
        t->start = m->start;
        t->end = m->end;
        t->sent = (int)m->sent;
        t->how = gk_names[m->kind <= GK_CAPITAL ? m->kind : 0];
        const gaz_place *p = geo_place(e->gz, gd, i);
        if (p) {
            t->resolved = 1;
            fill_place(&r->mem, e, p, &t->place);
        }
    }
    return 0;
}

static int keep_timexes(sr_events *r, const sentence *s, const timex *tx, int ntx, int32_t docdate)
{
    for (int k = 0; k < ntx; k++) {
        timex x = tx[k];
        time_direct_in_sentence(&x, s, docdate);
        sr_timex *t = VEC_PUSH(r->tx, r->ntx, r->captx);
        if (!t)
            return -1;
        memset(t, 0, sizeof *t);
        t->start = x.start;
        t->end = x.end;
        t->sent = (int)s->index;
        t->type = time_type_name(x.type);
        /* the interval the words denote, modifiers included: "late 2023"
         * is September to December, "since 2011" runs to the document date */
        if (x.sday != DATE_NONE && x.eday != DATE_NONE) {
            date_format(x.sday, t->first);
            date_format(x.eday, t->last);
        }
        t->precision = x.sday != DATE_NONE ? time_precision_name(x.prec) : NULL;
    }
    return 0;
}

static int build_records(const sr_engine *e, sr_events *r, const ev_mention *evs, size_t n, int32_t docdate,
                         const geo_doc *gd)
{
    doc_record *rec = NULL;
    size_t nrec = 0;
    if (doc_merge(&e->actors, evs, n, docdate, &rec, &nrec) != 0)
        return -1;
    if (nrec > e->opt.max_events) {
        add_warning(r, SR_ETOOBIG_EVENTS, -1, "%zu events, more than the limit of %zu: the rest are not written",
                    nrec, e->opt.max_events);
        nrec = e->opt.max_events;
    }
    arena *a = &r->mem;
    r->ev = arena_calloc(a, (nrec ? nrec : 1) * sizeof(sr_event));
    if (!r->ev) {
        doc_records_free(rec, nrec);
        return -1;
    }
    r->n = nrec;
    for (size_t k = 0; k < nrec; k++) {
        const doc_record *x = &rec[k];
        const ev_mention *rep = &evs[x->rep];
        sr_event *ev = &r->ev[k];
        snprintf(ev->id, sizeof ev->id, "E%zu", k + 1);
        ev->type = ev_type_name(x->type);
        ev->mode = rep->mode;
        ev->cameo = rep->cameo;
        if (x->src_m != SIZE_MAX) {
            const ev_mention *sm = &evs[x->src_m];
            fill_actor(a, e, r->text, x->src_from_tgt ? &sm->tgt : &sm->src, &x->src, &ev->source);
            ev->has_source = 1;
        }
        if (x->tgt_m != SIZE_MAX) {
            const ev_mention *tm = &evs[x->tgt_m];
            fill_actor(a, e, r->text, x->tgt_from_src ? &tm->src : &tm->tgt, &x->tgt, &ev->target);
            ev->has_target = 1;
        }
        if (x->d_start != DATE_NONE) {
            ev->has_date = 1;
            date_format(x->d_start, ev->date.start);
            date_format(x->d_end, ev->date.end);
            const ev_mention *dm = &evs[x->date_from];
            ev->date.text = dm->d_text_end > dm->d_text_start ?
                            adup(a, r->text + dm->d_text_start, dm->d_text_end - dm->d_text_start) : NULL;
            /* (the record schema knows no quarters or seasons: a span of
             * months) */
            ev->date.precision = x->d_prec == PR_QUARTER || x->d_prec == PR_SEASON ? "month" :
                                 time_precision_name(x->d_prec);
        }
        if (x->until != DATE_NONE)
            date_format(x->until, ev->until);
        /* the most precise place its mentions give ("in northeast Syria",
         * then "a presence in Qamishli": Qamishli), the first on a tie */
        const gaz_place *best = NULL;
        int bestrank = 0;
        for (size_t i = 0; i < x->nm; i++) {
            const gaz_place *p = evs[x->mi[i]].place >= 0 ? geo_place(e->gz, gd, (size_t)evs[x->mi[i]].place) : NULL;
            int rank = p ? place_rank(gaz_precision(p)) : 0;
            if (rank > bestrank) {
                best = p;
                bestrank = rank;
            }
        }
        if (best) {
            fill_place(a, e, best, &ev->location);
            ev->has_location = 1;
        }
        ev->modality = ev_modality_name(x->modality);
        if (x->attr_m != SIZE_MAX) {
            const act_mention *am = &evs[x->attr_m].attr;
            doc_actor ac;
            doc_actor_at(&e->actors, am, docdate, &ac);
            fill_actor(a, e, r->text, am, &ac, &ev->attribution);
        }
        sr_mention *ms = arena_alloc(a, x->nm * sizeof(sr_mention));
        if (!ms) {
            doc_records_free(rec, nrec);
            return -1;
        }
        for (size_t i = 0; i < x->nm; i++) {
            const ev_mention *m = &evs[x->mi[i]];
            ms[i].sent = (int)m->sent;
            ms[i].start = m->span_start;
            ms[i].end = m->span_end;
        }
        ev->mentions = ms;
        ev->nmentions = x->nm;
        ev->confidence = x->confidence;
        const trig_entry *te = rep->entry;
        const char *fn = strrchr(te->file, '/');
        ev->explain.trigger = explain_str(a, "%s (%s %s%s%s) %s:%ld%s%s", te->pattern, ev_type_name(te->type),
                                          te->mode ? te->mode : "-", te->cameo ? " " : "", te->cameo ? te->cameo : "",
                                          fn ? fn + 1 : te->file, te->line,
                                          rep->type_rule ? "; " : "", rep->type_rule ? rep->type_rule : "");
        ev->explain.source_rule = x->src_m != SIZE_MAX ?
            explain_str(a, "%s%s%s", evs[x->src_m].src_rule ? evs[x->src_m].src_rule : "?",
                        evs[x->src_m].src.via ? "; actor by " : "", evs[x->src_m].src.via ? evs[x->src_m].src.via : "") : NULL;
        ev->explain.target_rule = x->tgt_m != SIZE_MAX ?
            explain_str(a, "%s%s%s", evs[x->tgt_m].tgt_rule ? evs[x->tgt_m].tgt_rule : "?",
                        evs[x->tgt_m].tgt.via ? "; actor by " : "", evs[x->tgt_m].tgt.via ? evs[x->tgt_m].tgt.via : "") : NULL;
        ev->explain.modality_cue = rep->mod_cue ? adups(a, rep->mod_cue) : rep->mod_buf[0] ? adups(a, rep->mod_buf) : NULL;
    }
    doc_records_free(rec, nrec);
    return 0;
}

int sr_code(sr_engine *e, const sr_doc *doc, sr_events **out, sr_error *err)
{
    *out = NULL;
    const char *id = doc->id ? doc->id : "";
    if (doc->len > e->opt.max_doc_bytes) {
        sr_seterr(err, SR_ETOOBIG_DOC, id, doc->file, doc->line, -1,
                  "document of %zu bytes is larger than the limit of %zu (--max-doc-bytes)",
                  doc->len, e->opt.max_doc_bytes);
        return SR_ETOOBIG_DOC;
    }
    sr_events *r = calloc(1, sizeof *r);
    if (!r)
        goto oom;
    arena_init(&r->mem, 64 * 1024, 0);
    r->doc_id = arena_strndup(&r->mem, id, strlen(id));
    long first_bad;
    long bad = text_sanitize(doc->text ? doc->text : "", doc->text ? doc->len : 0, &r->text, &r->len, &first_bad);
    if (bad < 0 || !r->doc_id)
        goto oom;
    if (bad > 0)
        add_warning(r, SR_EINPUT_UTF8, first_bad, "invalid UTF-8 at byte %ld (%ld sequence%s replaced by U+FFFD)",
                    first_bad, bad, bad == 1 ? "" : "s");
    int32_t docdate = DATE_NONE;
    if (doc->date && *doc->date) {
        docdate = date_parse_iso(doc->date, strlen(doc->date), 0);
        if (docdate == DATE_NONE)
            add_warning(r, SR_EINPUT_DATE, -1, "date '%s' is not a valid YYYY-MM-DD date; dates resolve from the text",
                        doc->date);
    }
    if (docdate == DATE_NONE)
        docdate = time_leading_date(r->text, r->len);

    text_splitter *sp = text_splitter_new(r->text, r->len, e->opt.max_sentence_tokens);
    act_state *ast = actors_state_new();
    geo_doc gd;
    geo_doc_init(&gd);
    ev_state est;
    memset(&est, 0, sizeof est);
    arena sa;
    arena_init(&sa, 256 * 1024, 0);
    ev_mention *evs = NULL;
    size_t nev = 0, capev = 0;
    int rc = 0, warned_split = 0;
    timex anchor;
    memset(&anchor, 0, sizeof anchor);
    int have_anchor = 0;
    uint32_t anchor_para = 0;
    if (!sp || !ast)
        rc = -1;
    sentence s;
    while (rc == 0) {
        arena_reset(&sa);
        int k = text_next_sentence(sp, e->lx, &sa, &s);
        if (k <= 0) {
            rc = k;
            break;
        }
        if (s.split_at_limit && !warned_split) {
            add_warning(r, SR_ETOOBIG_SENT, (long)s.start,
                        "sentence at byte %u is longer than %zu tokens: coded in pieces (--max-sentence-tokens)",
                        s.start, e->opt.max_sentence_tokens);
            warned_split = 1;
        }
        act_sentence as;
        if (actors_sentence(&e->actors, ast, r->text, &s, &sa, &as) != 0) {
            rc = -1;
            break;
        }
        size_t g0 = gd.n;
        if (geo_sentence(e->gz, &e->actors, &gd, r->text, &s, &as) != 0) {
            rc = -1;
            break;
        }
        places_as_actors(e, &gd, g0, &as, ast);
        size_t before = nev;
        if (events_sentence(&e->events, &est, r->text, &s, &as, &evs, &nev, &capev) != 0) {
            rc = -1;
            break;
        }
        {
            timex tx[32];
            int ntx = time_sentence(&s, docdate, tx, 32);
            if (nev > before) {
                time_events(evs + before, nev - before, &s, tx, ntx, docdate);
                /* an event with no date of its own happened when the
                 * paragraph's last dated event did ("On 17 March, ... They
                 * gathered ...") */
                if (have_anchor && anchor_para == s.para)
                    for (size_t k = before; k < nev; k++)
                        if (evs[k].d_prec == PR_DOCUMENT) {
                            evs[k].d_start = anchor.sday;
                            evs[k].d_end = anchor.eday;
                            evs[k].d_prec = anchor.prec;
                            evs[k].d_text_start = anchor.start;
                            evs[k].d_text_end = anchor.end;
                        }
            }
            for (int k = 0; k < ntx; k++)
                if (tx[k].type == TX_DATE && tx[k].prec == PR_DAY && !tx[k].weekday && tx[k].sday != DATE_NONE &&
                    tx[k].sday == tx[k].eday) {
                    anchor = tx[k];
                    anchor_para = s.para;
                    have_anchor = 1;
                    break;
                }
            if ((e->opt.collect & SR_COLLECT_DATES) && keep_timexes(r, &s, tx, ntx, docdate) != 0) {
                rc = -1;
                break;
            }
        }
        if (nev > e->opt.max_events * 4 + 1000)
            break;  /* reported by build_records */
    }
    if (rc == 0) {
        geo_resolve(e->gz, &gd);
        locate_events(e->gz, &gd, evs, nev);
        if ((e->opt.collect & SR_COLLECT_PLACES) && keep_toponyms(e, r, &gd) != 0)
            rc = -1;
    }
    if (rc == 0 && build_records(e, r, evs, nev, docdate, &gd) != 0)
        rc = -1;
    geo_doc_free(&gd);
    free(evs);
    arena_free(&sa);
    actors_state_free(ast);
    text_splitter_free(sp);
    if (rc != 0)
        goto oom;
    *out = r;
    return SR_OK;
oom:
    sr_events_free(r);
    sr_seterr(err, SR_ENOMEM, id, doc->file, doc->line, -1, "out of memory");
    return SR_ENOMEM;
}

size_t sr_events_count(const sr_events *ev)
{
    return ev ? ev->n : 0;
}

const sr_event *sr_events_get(const sr_events *ev, size_t i)
{
    return ev && i < ev->n ? &ev->ev[i] : NULL;
}

const char *sr_events_doc_id(const sr_events *ev)
{
    return ev ? ev->doc_id : NULL;
}

const char *sr_events_text(const sr_events *ev, size_t *len)
{
    if (len)
        *len = ev ? ev->len : 0;
    return ev ? ev->text : NULL;
}

size_t sr_events_nwarnings(const sr_events *ev)
{
    return ev ? ev->nwarn : 0;
}

const sr_error *sr_events_warning(const sr_events *ev, size_t i)
{
    return ev && i < ev->nwarn ? &ev->warn[i] : NULL;
}

void sr_events_free(sr_events *ev)
{
    if (!ev)
        return;
    free(ev->text);
    free(ev->warn);
    free(ev->tx);
    arena_free(&ev->mem);
    free(ev);
}

/* ---- writers ---------------------------------------------------------- */

static void jb_actor(jbuf *b, const char *key, const sr_actor *a, int has)
{
    jb_key(b, key);
    if (!has || !a->code) {
        if (has && a->text) {
            jb_lit(b, "{");
            jb_kstr(b, "text", a->text);
            jb_key(b, "code");
            jb_lit(b, "null");
            jb_lit(b, "}");
        } else {
            jb_lit(b, "null");
        }
        return;
    }
    jb_lit(b, "{");
    jb_kstr(b, "text", a->text);
    jb_kstr(b, "code", a->code);
    jb_kstr(b, "name", a->name);
    jb_kstr(b, "country", a->country);
    jb_kstr(b, "sector", a->sector);
    jb_lit(b, "}");
}

/* One record as a JSON object (no newline) appended to b. */
void sr_record_json(const sr_events *r, size_t i, unsigned flags, jbuf *b)
{
    const sr_event *ev = &r->ev[i];
    jb_lit(b, "{");
    jb_kstr(b, "doc", r->doc_id);
    char id[200];
    snprintf(id, sizeof id, "%s:%s", r->doc_id, ev->id);
    jb_kstr(b, "id", id);
    jb_kstr(b, "type", ev->type);
    jb_kstr(b, "mode", ev->mode);
    jb_kstr(b, "cameo", ev->cameo);
    jb_actor(b, "source", &ev->source, ev->has_source);
    jb_actor(b, "target", &ev->target, ev->has_target);
    jb_key(b, "location");
    if (ev->has_location) {
        jb_lit(b, "{");
        jb_kstr(b, "name", ev->location.name);
        jb_key(b, "lat");
        jb_coord(b, ev->location.lat);
        jb_key(b, "lon");
        jb_coord(b, ev->location.lon);
        jb_kstr(b, "country", ev->location.country);
        jb_key(b, "geonameid");
        if (ev->location.geonameid)
            jb_int(b, ev->location.geonameid);
        else
            jb_lit(b, "null");
        jb_kstr(b, "feature", ev->location.feature);
        jb_kstr(b, "precision", ev->location.precision);
        jb_lit(b, "}");
    } else {
        jb_lit(b, "null");
    }
    jb_key(b, "date");
    if (ev->has_date) {
        jb_lit(b, "{");
        jb_kstr(b, "start", ev->date.start);
        jb_kstr(b, "end", ev->date.end);
        jb_kstr(b, "text", ev->date.text);
        jb_kstr(b, "precision", ev->date.precision);
        jb_lit(b, "}");
    } else {
        jb_lit(b, "null");
    }
    jb_kstr(b, "until", ev->until[0] ? ev->until : NULL);
    jb_kstr(b, "modality", ev->modality);
    jb_key(b, "attribution");
    if (ev->attribution.text) {
        jb_lit(b, "{");
        jb_kstr(b, "text", ev->attribution.text);
        jb_kstr(b, "code", ev->attribution.code);
        jb_lit(b, "}");
    } else {
        jb_lit(b, "null");
    }
    jb_key(b, "mentions");
    jb_lit(b, "[");
    for (size_t k = 0; k < ev->nmentions; k++) {
        const sr_mention *m = &ev->mentions[k];
        if (k)
            jb_lit(b, ",");
        jb_lit(b, "{");
        jb_key(b, "sent");
        jb_int(b, m->sent);
        jb_key(b, "span");
        jb_lit(b, "[");
        jb_int(b, (long)m->start);
        jb_lit(b, ",");
        jb_int(b, (long)m->end);
        jb_lit(b, "]");
        jb_key(b, "quote");
        jb_str(b, r->text + m->start, m->end - m->start);
        jb_lit(b, "}");
    }
    jb_lit(b, "]");
    jb_key(b, "confidence");
    jb_num(b, ev->confidence);
    if (flags & SR_OUT_EXPLAIN) {
        jb_key(b, "explain");
        jb_lit(b, "{");
        jb_kstr(b, "trigger", ev->explain.trigger);
        jb_kstr(b, "source", ev->explain.source_rule);
        jb_kstr(b, "target", ev->explain.target_rule);
        jb_kstr(b, "modality", ev->explain.modality_cue);
        jb_lit(b, "}");
    }
    jb_lit(b, "}");
}

int sr_events_write_jsonl(const sr_events *r, FILE *out, unsigned flags)
{
    jbuf b;
    jb_init(&b);
    for (size_t i = 0; i < r->n; i++) {
        b.n = 0;
        sr_record_json(r, i, flags, &b);
        jb_lit(&b, "\n");
        if (b.oom) {
            jb_free(&b);
            return SR_ENOMEM;
        }
        if (fwrite(b.p, 1, b.n, out) != b.n) {
            jb_free(&b);
            return SR_EIO;
        }
    }
    jb_free(&b);
    return SR_OK;
}

static void put_col(FILE *f, const char *s, size_t n, int w, int pad)
{
    int cols = 0;
    size_t i = 0;
    while (i < n && cols < w) {
        unsigned char c = (unsigned char)s[i];
        size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + l > n)
            break;
        if (c == '\n' || c == '\t' || c == '\r')
            fputc(' ', f);
        else
            fwrite(s + i, 1, l, f);
        i += l;
        cols++;
    }
    if (i < n && cols == w && w > 1) {
        /* mark the cut */
    }
    for (; pad && cols < w; cols++)
        fputc(' ', f);
}

int sr_events_write_table(const sr_events *r, FILE *out, unsigned flags)
{
    fprintf(out, "== %s: %zu event%s\n", r->doc_id, r->n, r->n == 1 ? "" : "s");
    if (!r->n)
        return ferror(out) ? SR_EIO : SR_OK;
    fprintf(out, "%-4s %-10s %-11s %-12s %-12s %-23s %-9s %s\n", "ID", "TYPE", "MODE", "SOURCE", "TARGET",
            "DATE", "MODALITY", "EVIDENCE");
    for (size_t i = 0; i < r->n; i++) {
        const sr_event *ev = &r->ev[i];
        char date[32] = "-";
        if (ev->has_date) {
            if (strcmp(ev->date.start, ev->date.end))
                snprintf(date, sizeof date, "%s..%.5s", ev->date.start, ev->date.end + 5);
            else
                snprintf(date, sizeof date, "%s", ev->date.start);
        }
        fprintf(out, "%-4s %-10s ", ev->id, ev->type);
        const char *mode = ev->mode ? ev->mode : "-";
        put_col(out, mode, strlen(mode), 11, 1);
        fputc(' ', out);
        const char *sc = ev->has_source && ev->source.code ? ev->source.code : "-";
        const char *tc = ev->has_target && ev->target.code ? ev->target.code : "-";
        put_col(out, sc, strlen(sc), 12, 1);
        fputc(' ', out);
        put_col(out, tc, strlen(tc), 12, 1);
        fprintf(out, " %-23s %-9s ", date, ev->modality);
        const sr_mention *m = &ev->mentions[0];
        put_col(out, r->text + m->start, m->end - m->start, 60, 0);
        if (m->end - m->start > 60)
            fputs("...", out);
        if (ev->nmentions > 1)
            fprintf(out, " (+%zu)", ev->nmentions - 1);
        fputc('\n', out);
        if (ev->until[0])
            fprintf(out, "%-4s until %s\n", "", ev->until);
        if ((flags & SR_OUT_EXPLAIN) && ev->explain.trigger)
            fprintf(out, "%-4s why: %s | source: %s | target: %s | modality: %s\n", "", ev->explain.trigger,
                    ev->explain.source_rule ? ev->explain.source_rule : "-",
                    ev->explain.target_rule ? ev->explain.target_rule : "-",
                    ev->explain.modality_cue ? ev->explain.modality_cue : "-");
    }
    return ferror(out) ? SR_EIO : SR_OK;
}

/* ---- analysis --------------------------------------------------------- */

int sr_analyze(sr_engine *e, const sr_doc *doc, FILE *out)
{
    char *text;
    size_t len;
    long first_bad;
    if (text_sanitize(doc->text, doc->len, &text, &len, &first_bad) < 0)
        return SR_ENOMEM;
    int32_t docdate = doc->date ? date_parse_iso(doc->date, strlen(doc->date), 0) : DATE_NONE;
    text_splitter *sp = text_splitter_new(text, len, e->opt.max_sentence_tokens);
    act_state *ast = actors_state_new();
    arena sa;
    arena_init(&sa, 256 * 1024, 0);
    sentence s;
    int rc = SR_OK;
    while (sp && ast) {
        arena_reset(&sa);
        int k = text_next_sentence(sp, e->lx, &sa, &s);
        if (k <= 0) {
            rc = k < 0 ? SR_ENOMEM : SR_OK;
            break;
        }
        fprintf(out, "#%u p%u%s%s%s\n", s.index, s.para, s.is_heading ? " heading" : "",
                s.is_dateline ? " dateline" : "", s.split_at_limit ? " split" : "");
        for (size_t i = 0; i < s.ntok; i++) {
            const token *t = &s.toks[i];
            int ch = t->chunk_id;
            if (ch >= 0 && s.chunks[ch].first == (int32_t)i)
                fputs(s.chunks[ch].kind == CH_NP ? "[" : "<", out);
            fprintf(out, "%.*s/%s", (int)(t->end - t->start), text + t->start, text_tag_name(t->tag));
            if (t->lemma && strcmp(t->lemma, t->fold))
                fprintf(out, "/%s", t->lemma);
            if (ch >= 0 && s.chunks[ch].last == (int32_t)i)
                fputs(s.chunks[ch].kind == CH_NP ? "]" : ">", out);
            fputc(' ', out);
        }
        fputc('\n', out);
        act_sentence as;
        if (actors_sentence(&e->actors, ast, text, &s, &sa, &as) != 0) {
            rc = SR_ENOMEM;
            break;
        }
        static const char *const roles[] = {"?", "main", "poss", "mod", "appos"};
        for (size_t k2 = 0; k2 < as.n; k2++) {
            const act_mention *m = &as.m[k2];
            doc_actor da;
            doc_actor_at(&e->actors, m, docdate, &da);
            fprintf(out, "  actor %-5s %-12s %.*s%s%s%s (%s)\n", roles[m->role], da.known ? da.code : "-",
                    (int)(m->end - m->start), text + m->start, m->name ? " = " : "", m->name ? m->name : "",
                    m->plural ? " [pl]" : "", m->via ? m->via : "");
        }
    }
    arena_free(&sa);
    actors_state_free(ast);
    text_splitter_free(sp);
    free(text);
    return rc;
}
