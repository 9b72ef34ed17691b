/* situation.c -- the situation picture as of a date, derived from stored
 * event records (docs/situation.md).
 *
 * The rules, over the records dated up to the as-of date, in date order:
 *
 *   presence  an actor's forces somewhere: MOBILIZE records of mode
 *             presence or troops (asserted or reported) make it active; a
 *             withdrawal (RETREAT, mode withdraw) makes it ending.  Records of
 *             one actor within 50 km of each other are one presence; the
 *             latest record gives the status (a withdrawal wins a tie).
 *   control   an actor holds a place: MOBILIZE of mode guard or control,
 *             ASSAULT of mode occupy (capture, seize, take control).  The
 *             latest record at a place gives who holds it; records of the
 *             same day that disagree are all kept.
 *   truce     a ceasefire between parties (RETREAT or AGREE, mode
 *             ceasefire): since its first record, until the latest `until`
 *             (an extension "for fifteen more days" moves it); in_force on
 *             the as-of date, or expired after until.
 *   planned   an announced event (modality planned) dated on or after the
 *             as-of date: scheduled.
 *   asylum    a country shelters a person (AID, mode asylum).
 *
 * Each fact lists the ids of the records it rests on (evidence).
 */
#include "situation.h"

#include "../util/jget.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int placed(json_t *r, double *lat, double *lon)
{
    json_t *l = json_object_get(r, "location");
    json_t *a = json_is_object(l) ? json_object_get(l, "lat") : NULL;
    json_t *b = json_is_object(l) ? json_object_get(l, "lon") : NULL;
    if (!json_is_number(a) || !json_is_number(b))
        return 0;
    *lat = json_number_value(a);
    *lon = json_number_value(b);
    return 1;
}

static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, d = M_PI / 180.0;
    double dp = (lat2 - lat1) * d, dl = (lon2 - lon1) * d;
    double h = sin(dp / 2) * sin(dp / 2) + cos(lat1 * d) * cos(lat2 * d) * sin(dl / 2) * sin(dl / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

static int happened(json_t *r)
{
    const char *m = jget_str(r, "modality");
    return m && (!strcmp(m, "asserted") || !strcmp(m, "reported"));
}

static int is(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

static const char *date_of(json_t *r)
{
    const char *d = jget_path(r, "date", "start");
    return d ? d : "";
}

/* The place of a fact: a record's location (name, lat, lon, country). */
static json_t *place_of(json_t *r)
{
    json_t *l = json_object_get(r, "location");
    if (!json_is_object(l))
        return json_null();
    return json_pack("{s:O, s:O, s:O, s:O}", "name", json_object_get(l, "name"), "lat", json_object_get(l, "lat"),
                     "lon", json_object_get(l, "lon"), "country",
                     json_object_get(l, "country") ? json_object_get(l, "country") : json_null());
}

static int place_rank(json_t *r)
{
    static const char *const order[] = {"country", "region", "admin1", "district", "city", "site"};
    const char *p = jget_path(r, "location", "precision");
    for (int i = 0; p && i < 6; i++)
        if (!strcmp(p, order[i]))
            return i + 1;
    return 0;
}

static json_t *actor_of(json_t *r, const char *role)
{
    json_t *a = json_object_get(r, role);
    return json_is_object(a) ? json_deep_copy(a) : json_null();
}

/* ---- presence and control --------------------------------------------- */

typedef struct group {
    json_t *last;           /* the record that decides the status */
    json_t *best;           /* the record with the most precise place */
    json_t *evidence;       /* array of ids */
    const char *status;
    char actor_key[64];
    double lat, lon;
} group;

typedef struct groups {
    group *g;
    size_t n, cap;
} groups;

static group *find_group(groups *gs, const char *key, double lat, double lon, double radius)
{
    for (size_t i = 0; i < gs->n; i++)
        if (!strcmp(gs->g[i].actor_key, key) && km(gs->g[i].lat, gs->g[i].lon, lat, lon) <= radius)
            return &gs->g[i];
    if (gs->n == gs->cap) {
        size_t nc = gs->cap ? gs->cap * 2 : 16;
        group *ng = realloc(gs->g, nc * sizeof *ng);
        if (!ng)
            return NULL;
        gs->g = ng;
        gs->cap = nc;
    }
    group *g = &gs->g[gs->n++];
    memset(g, 0, sizeof *g);
    snprintf(g->actor_key, sizeof g->actor_key, "%s", key);
    g->lat = lat;
    g->lon = lon;
    g->evidence = json_array();
    return g;
}

static void note(group *g, json_t *r, const char *status)
{
    json_array_append_new(g->evidence, json_string(jget_str(r, "id")));
    /* later records decide; on the same day a withdrawal or a change of
     * hands beats a report of the state before it */
    if (!g->last || strcmp(date_of(r), date_of(g->last)) > 0 ||
        (!strcmp(date_of(r), date_of(g->last)) && (is(status, "ending") || !g->status))) {
        g->last = r;
        g->status = status;
    }
    if (!g->best || place_rank(r) > place_rank(g->best))
        g->best = r;
}

/* A withdrawal under way keeps a presence ending: "they still have a
 * presence" while evacuating does not undo it; only forces arriving after
 * the withdrawal began make it active again. */
static void note_presence(group *g, json_t *r, const char *what)
{
    json_array_append_new(g->evidence, json_string(jget_str(r, "id")));
    if (!g->best || place_rank(r) > place_rank(g->best))
        g->best = r;
    int later = !g->last || strcmp(date_of(r), date_of(g->last)) > 0;
    if (!strcmp(what, "ending")) {
        if (!g->last || strcmp(date_of(r), date_of(g->last)) >= 0 || !is(g->status, "ending")) {
            g->last = r;
            g->status = "ending";
        }
    } else if (!is(g->status, "ending") || (!strcmp(what, "arrived") && later)) {
        if (later || !g->last) {
            g->last = r;
            g->status = "active";
        }
    }
}

static void free_groups(groups *gs)
{
    for (size_t i = 0; i < gs->n; i++)
        json_decref(gs->g[i].evidence);
    free(gs->g);
}

/* ---- the picture -------------------------------------------------------- */

json_t *situation_derive(json_t *records, const char *as_of)
{
    json_t *facts = json_array();
    groups pres = {0}, ctrl = {0}, truce = {0};
    size_t i;
    json_t *r;
    json_array_foreach(records, i, r) {
        const char *type = jget_str(r, "type"), *mode = jget_str(r, "mode");
        /* planned events (reported by then) may lie ahead; the rest must
         * have happened by the as-of date */
        if (is(jget_str(r, "modality"), "planned")) {
            if (strcmp(date_of(r), as_of) >= 0) {
                json_t *f = json_pack("{s:s, s:O, s:o, s:o, s:s, s:s, s:[s]}", "kind", "planned", "type",
                                      json_object_get(r, "type"), "actor", actor_of(r, "source"), "place",
                                      place_of(r), "on", date_of(r), "status", "scheduled", "evidence",
                                      jget_str(r, "id"));
                if (f)
                    json_array_append_new(facts, f);
            }
            continue;
        }
        if (strcmp(date_of(r), as_of) > 0)
            continue;
        const char *src = jget_path(r, "source", "country");
        double lat, lon;
        /* presence */
        if (happened(r) && src && placed(r, &lat, &lon) &&
            ((is(type, "MOBILIZE") && (is(mode, "presence") || is(mode, "troops"))) ||
             (is(type, "RETREAT") && is(mode, "withdraw")))) {
            group *g = find_group(&pres, src, lat, lon, 50.0);
            if (g)
                note_presence(g, r, is(type, "RETREAT") ? "ending" : is(mode, "troops") ? "arrived" : "active");
        }
        /* control */
        if (happened(r) && jget_path(r, "source", "code") && placed(r, &lat, &lon) &&
            ((is(type, "MOBILIZE") && (is(mode, "guard") || is(mode, "control"))) ||
             (is(type, "ASSAULT") && is(mode, "occupy")))) {
            group *g = find_group(&ctrl, jget_path(r, "source", "code"), lat, lon, 30.0);
            if (g)
                note(g, r, "held");
        }
        /* truce: keyed by its parties, in either order */
        if (happened(r) && (is(type, "RETREAT") || is(type, "AGREE")) && is(mode, "ceasefire")) {
            const char *a = jget_path(r, "source", "code"), *b = jget_path(r, "target", "code");
            char key[64];
            if (a && b)
                snprintf(key, sizeof key, "%s|%s", strcmp(a, b) < 0 ? a : b, strcmp(a, b) < 0 ? b : a);
            else
                snprintf(key, sizeof key, "%s", a ? a : b ? b : "?");
            group *g = find_group(&truce, key, 0, 0, 1.0);
            if (g) {
                json_array_append_new(g->evidence, json_string(jget_str(r, "id")));
                if (!g->best)
                    g->best = r;    /* the first: since */
                const char *u = jget_str(r, "until");
                if (u && (!g->last || !jget_str(g->last, "until") || strcmp(date_of(r), date_of(g->last)) >= 0))
                    g->last = r;    /* the latest that says until when */
            }
        }
        /* asylum */
        if (happened(r) && is(type, "AID") && is(mode, "asylum") && json_is_object(json_object_get(r, "target"))) {
            const char *who = jget_path(r, "target", "name");
            if (!who)
                who = jget_path(r, "target", "text");
            json_t *f = json_pack("{s:s, s:o, s:s?, s:o, s:s, s:[s]}", "kind", "asylum", "actor",
                                  actor_of(r, "source"), "person", who, "place", place_of(r), "since", date_of(r),
                                  "evidence", jget_str(r, "id"));
            if (f)
                json_array_append_new(facts, f);
        }
    }
    json_t *plannedfacts = json_deep_copy(facts);
    json_array_clear(facts);
    for (size_t k = 0; k < pres.n; k++) {
        group *g = &pres.g[k];
        json_t *f = json_pack("{s:s, s:o, s:o, s:s, s:s, s:O}", "kind", "presence", "actor",
                              actor_of(g->last, "source"), "place", place_of(g->best), "status", g->status, "since",
                              date_of(g->last), "evidence", g->evidence);
        if (f)
            json_array_append_new(facts, f);
    }
    /* control: the latest holder of each place; same-day rivals are kept */
    for (size_t k = 0; k < ctrl.n; k++) {
        group *g = &ctrl.g[k];
        int superseded = 0;
        for (size_t j = 0; j < ctrl.n; j++) {
            group *h = &ctrl.g[j];
            if (j != k && km(g->lat, g->lon, h->lat, h->lon) <= 30.0 &&
                strcmp(date_of(h->last), date_of(g->last)) > 0)
                superseded = 1;
        }
        if (superseded)
            continue;
        json_t *f = json_pack("{s:s, s:o, s:o, s:s, s:O}", "kind", "control", "actor", actor_of(g->last, "source"),
                              "place", place_of(g->best), "since", date_of(g->last), "evidence", g->evidence);
        if (f)
            json_array_append_new(facts, f);
    }
    for (size_t k = 0; k < truce.n; k++) {
        group *g = &truce.g[k];
        json_t *first = g->best;
        const char *until = g->last ? jget_str(g->last, "until") : NULL;
        const char *status = until && strcmp(until, as_of) < 0 ? "expired" : "in_force";
        json_t *parties = json_array();
        if (json_is_object(json_object_get(first, "source")))
            json_array_append_new(parties, actor_of(first, "source"));
        if (json_is_object(json_object_get(first, "target")))
            json_array_append_new(parties, actor_of(first, "target"));
        json_t *f = json_pack("{s:s, s:o, s:s, s:s?, s:s, s:O}", "kind", "truce", "parties", parties, "since",
                              date_of(first), "until", until, "status", status, "evidence", g->evidence);
        if (f)
            json_array_append_new(facts, f);
    }
    json_array_extend(facts, plannedfacts);
    json_decref(plannedfacts);
    free_groups(&pres);
    free_groups(&ctrl);
    free_groups(&truce);
    return json_pack("{s:s, s:o}", "as_of", as_of, "facts", facts);
}
