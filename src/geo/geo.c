/* geo.c -- toponyms in running text and their resolution; see geo.h.
 *
 * Recognition is dictionary-driven, like the actors stage: at each
 * capitalised token the longest folded key that the gazetteer or the
 * country dictionary knows.  What is not a place is kept out by the other
 * stages' findings (a person's name, an agent noun: "Police", a title), by
 * the tagger (a sentence-initial common word), and by shape (a single name
 * glued to another capitalised word is part of a longer name).
 *
 * Resolution scores every candidate place:
 *   prior       size and kind, fixed in the gazetteer (a capital beats a
 *               village of the same name)
 *   qualifier   "Portland, Maine", "Kapkoi (Aldai, Nandi)": the candidate in
 *               the qualifier's country or division
 *   country     the share of the document's actors and places in the
 *               candidate's country
 *   proximity   distance to the places resolved without doubt (countries
 *               excepted): a town near the others beats a namesake abroad
 *   kind words  "Homs province" wants a division, "the city of X" a town.
 */
#include "geo.h"
#include "../util/vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEY_TOKENS 8
#define MAX_CAND 64
#define MAX_ANCHORS 256

void geo_doc_init(geo_doc *g)
{
    memset(g, 0, sizeof *g);
}

void geo_doc_free(geo_doc *g)
{
    free(g->m);
    free(g->cc);
    free(g->weight);
    memset(g, 0, sizeof *g);
}

static int is_hyphen(const token *t)
{
    return t->flen == 1 && t->fold[0] == '-';
}

static int add_weight(geo_doc *g, const char *cc3, float w)
{
    if (!cc3 || strlen(cc3) != 3)
        return 0;
    for (size_t i = 0; i < g->ncc; i++)
        if (!memcmp(g->cc[i], cc3, 3)) {
            g->weight[i] += w;
            return 0;
        }
    size_t oldcap = g->capcc;
    char(*c)[4] = VEC_PUSH(g->cc, g->ncc, g->capcc);
    if (!c)
        return -1;
    memcpy(*c, cc3, 3);
    (*c)[3] = '\0';
    if (g->capcc != oldcap || !g->weight) {
        float *nw = realloc(g->weight, g->capcc * sizeof *nw);
        if (!nw) {
            g->ncc--;
            return -1;
        }
        g->weight = nw;
    }
    g->weight[g->ncc - 1] = w;
    return 0;
}

static float weight_of(const geo_doc *g, const char *cc3, float *total)
{
    float w = 0, t = 0;
    for (size_t i = 0; i < g->ncc; i++) {
        t += g->weight[i];
        if (!memcmp(g->cc[i], cc3, 3))
            w = g->weight[i];
    }
    *total = t;
    return w;
}

/* ---- recognition ------------------------------------------------------ */

static int article(const token *t)
{
    static const char *const a[] = {"al", "el", "ar", "as", "ash", "at", "ad", "an", "az", NULL};
    for (const char *const *p = a; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

static int direction_word(const token *t)
{
    static const char *const w[] = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                    "southwest", "outskirts", "centre", "center", "suburbs", "edge", "direction",
                                    "vicinity", "area", "areas", "environs", "part", "parts", "coast", "entrance",
                                    "heart", "periphery", "northern", "southern", "eastern", "western", NULL};
    for (const char *const *p = w; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

/* Tokens that may sit inside a name: words, and ' . & / between words. */
static int name_token(const token *t)
{
    return (t->flags & TF_WORD) || tok_is(t, "'") || tok_is(t, ".") || tok_is(t, "&");
}

static int region_end(const token *t)
{
    static const char *const w[] = {"coast", "coastline", "region", "border", "borderlands", "countryside",
                                    "desert", "valley", "corridor", "highlands", "lowlands", "delta", "basin",
                                    "plain", "plains", "heartland", "belt", "triangle", "peninsula", NULL};
    for (const char *const *p = w; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

typedef struct match {
    int len;                /* tokens, from the start token */
    size_t cand0, ncand;    /* gazetteer */
    const dict_hit *hit;    /* country dictionary */
    int hlen;
} match;

/* The longest gazetteer and country-dictionary keys at token i. */
static void match_at(const gazetteer *gz, const actor_dict *d, const sentence *s, size_t i, match *m)
{
    memset(m, 0, sizeof *m);
    char key[512];
    size_t kl = 0;
    int ntok = 0, gz_open = 1, d_open = 1;
    for (size_t j = i; j < s->ntok && ntok < MAX_KEY_TOKENS && (gz_open || d_open); j++) {
        const token *t = &s->toks[j];
        if (is_hyphen(t) && j > i)
            continue;
        if (!name_token(t))
            break;
        if (kl + t->flen + 2 >= sizeof key)
            break;
        if (kl)
            key[kl++] = ' ';
        memcpy(key + kl, t->fold, t->flen);
        kl += t->flen;
        ntok++;
        int len = (int)(j - i + 1);
        /* a name ends on a capitalised word ("Bosnia and Herzegovina"), or
         * on a word regions end with ("the Syrian coast") */
        int ends_ok = (t->flags & (TF_CAP | TF_DIGIT)) != 0 || (j > i && region_end(t));
        if (gz_open) {
            size_t c0, nc = ends_ok ? gaz_lookup(gz, key, kl, &c0) : 0;
            if (nc) {
                m->len = len;
                m->cand0 = c0;
                m->ncand = nc;
            }
            gz_open = gaz_is_prefix(gz, key, kl);
        }
        if (d_open) {
            const dict_hit *h = ends_ok ? dict_lookup(d, 0, key, kl) : NULL;
            for (; h; h = h->next == UINT32_MAX ? NULL : &d->hits[h->next])
                if (h->kind == H_COUNTRY || h->kind == H_ADJ || h->kind == H_PEOPLE || h->kind == H_CAPITAL) {
                    m->hit = h;
                    m->hlen = len;
                    break;
                }
            d_open = dict_is_prefix(d, key, kl);
        }
    }
}

/* The actor mention covering token k, preferring the phrase's main one. */
static const act_mention *actor_at(const act_sentence *as, int32_t k)
{
    const act_mention *best = NULL;
    for (size_t i = 0; i < as->n; i++) {
        const act_mention *m = &as->m[i];
        if (k < m->first || k > m->last)
            continue;
        if (!best || m->role == AM_MAIN)
            best = m;
    }
    return best;
}

static int locative_word(const token *t)
{
    static const char *const w[] = {"in", "at", "near", "around", "outside", "inside", "across", "throughout",
                                    "into", "from", "to", "towards", "toward", "within", "between", "off",
                                    "via", "through", "outskirts", "nearby", "along", "over", "on", NULL};
    for (const char *const *p = w; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

static int admin_word(const token *t)
{
    static const char *const w[] = {"province", "governorate", "state", "region", "district", "county",
                                    "oblast", "prefecture", "department", "territory", "municipality",
                                    "provinces", "regions", "governorates", "countryside", NULL};
    for (const char *const *p = w; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

static int settlement_word(const token *t)
{
    static const char *const w[] = {"city", "town", "village", "township", "neighbourhood", "neighborhood",
                                    "suburb", "capital", NULL};
    for (const char *const *p = w; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

/* Words that name a kind of place but are no place on their own ("Royal
 * Street", "University of California"), and other capitalised words that
 * happen to be the names of villages somewhere. */
static int generic_word(const token *t)
{
    static const char *const w[] = {
        "street", "st.", "road", "avenue", "ave.", "boulevard", "lane", "drive", "square", "plaza", "rue",
        "place", "court", "park", "bridge", "station", "airport", "church", "cathedral", "mosque", "temple",
        "hall", "center", "centre", "hospital", "school", "college", "university", "academy", "institute",
        "library", "museum", "building", "tower", "market", "mall", "stadium", "arena", "hotel", "inn",
        "club", "house", "palace", "castle", "prison", "camp", "base", "port", "harbour", "harbor", "river",
        "lake", "mount", "mountain", "island", "islands", "beach", "bay", "valley", "canal", "dam", "road",
        "highway", "route", "county", "city", "town", "village", "state", "province", "district", "region",
        "north", "south", "east", "west", "central", "union", "federal", "national", "international",
        "republic", "kingdom", "empire", "capital", "metro", "downtown", "uptown", "midtown", "president",
        "minister", "king", "queen", "prince", "general", "police", "army", "navy", "court", "congress",
        "senate", "parliament", "government", "department", "ministry", "office", "agency", "council",
        "committee", "commission", "party", "news", "times", "post", "press", "media", "television", "radio",
        "today", "god", "christmas", "easter", "ramadan", "march", "may", "june", "july", "august", "april",
        "january", "february", "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
        "dr", "dr.", "sir", "lord", "saint", "st", "new", "old", "great", "little", "upper", "lower", "first",
        "second", "victory", "liberty", "freedom", "independence", "unity", "hope", "justice", "peace",
        "security", "defense", "defence", "health", "energy", "trade", "data", "internet", "online", "junction",
        "crossing", "checkpoint", "front", "frontline", "gate", "border", "office", "headquarters", "western",
        "eastern", "northern", "southern", "arab", NULL};
    for (const char *const *p = w; *p; p++)
        if (tok_is(t, *p))
            return 1;
    return 0;
}

/* Is the name (tokens a..b) what the other stages say is not a place? */
static int not_a_place(const sentence *s, const act_sentence *as, int32_t a, int32_t b, float best_prior,
                       int *embedded)
{
    const token *t = s->toks;
    *embedded = 0;
    for (int32_t k = a; k <= b; k++) {
        const act_mention *m = actor_at(as, k);
        if (!m)
            continue;
        /* a person's name is no place, unless the place's name is longer
         * ("Duque de Caxias") */
        if ((m->kind == AK_PERSON && m->first <= a && m->last >= b) || m->kind == AK_PRONOUN)
            return 1;
        if (m->kind == AK_AGENT && a == b && m->head == a &&
            (m->first >= a || (m->human && t[m->head].tag == TG_PROPN && !(t[m->head].cand & LEX_N))))
            return 1;   /* "Police", "Army": an agent noun; "President Lincoln": a titled name */
        if (m->kind == AK_ORG && (m->first < a || m->last > b))
            *embedded = 1;
    }
    /* a single word glued to another capitalised word is part of a longer
     * name ("Jordan Peterson", "Lincoln Memorial"), unless joined by "of" */
    if (a == b) {
        if (generic_word(&t[a]) && !(t[a].flags & TF_ALLCAP && best_prior >= 100.0f))
            return 1;
        /* "EU", "UN": short capitals name organisations, not villages
         * (countries and regions are let through by the caller) */
        if ((t[a].flags & TF_ALLCAP) && t[a].flen <= 4 && best_prior < 100.0f)
            return 1;
        /* glued to a name ("Jordan Peterson", "Abraham Lincoln"): part of
         * it; glued to a common noun ("Texas Rangers", "Atlanta Mayor",
         * "Baseball Toronto"): a place inside a longer name */
        if ((size_t)b + 1 < s->ntok && (t[b + 1].flags & TF_CAP) && t[b + 1].tag == TG_PROPN &&
            !(t[b + 1].flags & TF_FIRST)) {
            if (!(t[b + 1].cand & LEX_N) || best_prior < 5.5f)
                return 1;
            *embedded = 1;
        }
        if (a > 0 && (t[a - 1].flags & TF_CAP) && t[a - 1].tag == TG_PROPN && !(t[a - 1].flags & TF_DATELINE) &&
            !(t[a - 1].flags & TF_FIRST)) {
            if (!(t[a - 1].cand & LEX_N) || best_prior < 5.5f)
                return 1;
            *embedded = 1;
        }
        if (a > 0 && (t[a - 1].flags & TF_ABBR) && (t[a - 1].flags & TF_CAP))
            return 1;   /* "Mr. Paris", "Gen. Jackson" */
        if (a > 1 && (t[a - 1].flags & TF_DIGIT) && is_hyphen(&t[a - 2]))
            return 1;   /* "BM-21 Grad": a model name */
    }
    /* a common word opening the sentence: "Reading is ...", "Mobile phones";
     * a name the tagger took for a noun there passes when it is no English
     * adjective, verb or adverb and names a big place ("Toronto won") */
    if ((t[a].flags & TF_FIRST) && t[a].tag != TG_PROPN && a == b &&
        ((t[a].cand & (LEX_A | LEX_V | LEX_R)) || best_prior < 5.0f))
        return 1;
    return 0;
}

static int push_mention(geo_doc *g, const geo_mention *m)
{
    geo_mention *x = VEC_PUSH(g->m, g->n, g->cap);
    if (!x)
        return -1;
    *x = *m;
    return 0;
}

int geo_sentence(const gazetteer *gz, const actor_dict *d, geo_doc *g, const char *text, const sentence *s,
                 const act_sentence *as)
{
    (void)text;
    const token *t = s->toks;
    size_t first_new = g->n;
    /* the countries the sentence's actors belong to */
    for (size_t k = 0; k < as->n; k++) {
        const act_mention *m = &as->m[k];
        /* (a capital's country is the geoparser's to decide: "Tripoli") */
        if (!m->country[0] || m->inferred || m->from_place || m->kind == AK_PRONOUN || m->kind == AK_BOTH ||
            m->kind == AK_CAPITAL || m->kind == AK_PLACE)
            continue;
        if (add_weight(g, m->country, s->is_dateline ? 3.0f : 1.0f) != 0)
            return -1;
    }
    if (!gz)
        return 0;
    for (size_t i = 0; i < s->ntok;) {
        const token *ti = &t[i];
        int art = 0;
        int dir = 0;
        if (!(ti->flags & TF_CAP)) {
            /* "al-Qamishli", "ar-Raqqa": a lower-case article before a name;
             * "northeast Syria": a direction the gazetteer names as a region */
            if (article(ti) && i + 2 < s->ntok && is_hyphen(&t[i + 1]) && (t[i + 2].flags & TF_CAP))
                art = 1;
            else if (direction_word(ti) && i + 1 < s->ntok && (t[i + 1].flags & TF_CAP))
                dir = 1;
            else {
                i++;
                continue;
            }
        }
        match mm;
        match_at(gz, d, s, i, &mm);
        if (!mm.len && !mm.hlen && article(ti) && i + 1 < s->ntok) {
            /* "Al-Qamishli" when only "Qamishli" is known */
            size_t j = i + 1;
            while (j < s->ntok && is_hyphen(&t[j]))
                j++;
            if (j < s->ntok && (t[j].flags & TF_CAP)) {
                match_at(gz, d, s, j, &mm);
                if (mm.len)
                    mm.len += (int)(j - i);
                if (mm.hlen)
                    mm.hlen += (int)(j - i);
            }
        }
        (void)art;
        if (dir && (mm.len < 2 || mm.hlen >= mm.len)) {
            i++;    /* only a region's whole name starts with a direction */
            continue;
        }
        int len = mm.len > mm.hlen ? mm.len : mm.hlen;
        if (!len) {
            i++;
            continue;
        }
        int32_t a = (int32_t)i, b = (int32_t)(i + (size_t)len - 1);
        geo_mention gm;
        memset(&gm, 0, sizeof gm);
        gm.qual = -1;
        gm.head = -1;
        gm.chosen = -1;
        gm.sent = s->index;
        gm.para = s->para;
        gm.first = a;
        gm.last = b;
        gm.start = t[a].start;
        gm.end = t[b].end;
        gm.dateline = s->is_dateline || (t[a].flags & TF_DATELINE);
        /* "Wales", "Scotland": the country dictionary folds them into the
         * United Kingdom, the gazetteer knows them as divisions of it */
        if (mm.hit && mm.len == mm.hlen && mm.hit->kind == H_COUNTRY) {
            const char *iso = d->countries[mm.hit->ref].iso3;
            for (size_t c = 0; c < mm.ncand && c < MAX_CAND; c++) {
                const gaz_place *pl = gaz_place_at(gz, gaz_key_at(gz, mm.cand0 + c)->place);
                if (pl->fclass == 'A' && !memcmp(pl->cc3, iso, 3) && strncmp(pl->fcode, "PCL", 3) != 0 &&
                    strcmp(pl->fcode, "TERR") != 0) {
                    mm.hit = NULL;
                    break;
                }
            }
        }
        if (mm.hlen >= mm.len && mm.hit) {
            const dict_hit *h = mm.hit;
            memcpy(gm.cc3, d->countries[h->ref].iso3, 4);
            gm.kind = h->kind == H_COUNTRY ? GK_COUNTRY : h->kind == H_CAPITAL ? GK_CAPITAL : GK_DEMONYM;
            if (gm.kind == GK_COUNTRY || gm.kind == GK_DEMONYM) {
                /* candidates: the country's own entries */
                char key[256];
                const char *nm = d->countries[h->ref].name;
                size_t kl = text_key(nm, strlen(nm), key, sizeof key, NULL);
                size_t c0;
                size_t nc = gaz_lookup(gz, key, kl, &c0);
                gm.cand0 = (uint32_t)c0;
                gm.ncand = (uint32_t)nc;
            } else {
                gm.cand0 = (uint32_t)mm.cand0;
                gm.ncand = mm.len == mm.hlen ? (uint32_t)mm.ncand : 0;
                if (!gm.ncand) {
                    /* the capital's name as the dictionary writes it */
                    char key[512];
                    size_t kl = 0;
                    for (int32_t k = a; k <= b && kl + t[k].flen + 2 < sizeof key; k++) {
                        if (is_hyphen(&t[k]))
                            continue;
                        if (kl)
                            key[kl++] = ' ';
                        memcpy(key + kl, t[k].fold, t[k].flen);
                        kl += t[k].flen;
                    }
                    size_t c0;
                    gm.ncand = (uint32_t)gaz_lookup(gz, key, kl, &c0);
                    gm.cand0 = (uint32_t)c0;
                }
            }
        } else {
            gm.kind = GK_NAME;
            gm.cand0 = (uint32_t)mm.cand0;
            gm.ncand = (uint32_t)mm.ncand;
            int emb;
            float bp = mm.ncand ? gaz_place_at(gz, gaz_key_at(gz, (size_t)mm.cand0)->place)->prior : 0.0f;
            if (a == b && (t[a].flags & TF_ALLCAP) && t[a].flen <= 4) {
                /* "EU", "US": an acronym may name a region or a country,
                 * never a village */
                gm.acronym = 1;
                for (size_t c = 0; c < mm.ncand && c < MAX_CAND; c++) {
                    const gaz_place *pl = gaz_place_at(gz, gaz_key_at(gz, mm.cand0 + c)->place);
                    if (pl->fclass == 'L' || (pl->fclass == 'A' && (!strncmp(pl->fcode, "PCL", 3) ||
                                                                     !strcmp(pl->fcode, "ADM1"))))
                        bp = 100.0f;
                }
            }
            if (not_a_place(s, as, a, b, bp, &emb)) {
                i++;
                continue;
            }
            gm.embedded = (uint8_t)emb;
        }
        if (gm.kind != GK_NAME) {
            int emb;
            const act_mention *am = actor_at(as, a);
            emb = am && am->kind == AK_ORG && (am->first < a || am->last > b);
            gm.embedded = (uint8_t)emb;
        }
        /* what the words around say */
        int32_t p = a - 1;
        while (p >= 0 && (tok_is(&t[p], "the") || t[p].tag == TG_ADJ || (t[p].flags & TF_DIGIT) ||
                          tok_is(&t[p], "downtown") || tok_is(&t[p], "central") || tok_is(&t[p], "rural") ||
                          tok_is(&t[p], "greater") || tok_is(&t[p], "provincial") || tok_is(&t[p], "district")))
            p--;
        if (p >= 0 && locative_word(&t[p]))
            gm.locative = 1;
        /* "the provincial capital Nili", "the town Bama": a settlement word
         * in a locative phrase */
        if (p >= 0 && settlement_word(&t[p])) {
            gm.city_hint = 1;
            for (int32_t q = p - 1; q >= 0 && q >= p - 5; q--)
                if (locative_word(&t[q])) {
                    gm.locative = 1;
                    break;
                }
        }
        /* "Building (Tokyo - Chiyoda)": a place in brackets says where */
        if (a > 0 && tok_is(&t[a - 1], "("))
            gm.locative = 1;
        if (p >= 1 && tok_is(&t[p], "of") && (direction_word(&t[p - 1]) || settlement_word(&t[p - 1]) ||
                                                admin_word(&t[p - 1])))
            gm.locative = 1;
        if (p >= 1 && tok_is(&t[p], "of") && settlement_word(&t[p - 1]))
            gm.city_hint = 1;
        if (p >= 1 && tok_is(&t[p], "of") && admin_word(&t[p - 1]))
            gm.admin_hint = 1;
        if ((size_t)b + 1 < s->ntok) {
            const token *nx = &t[b + 1];
            if (nx->tag == TG_POS && (size_t)b + 2 < s->ntok)
                nx = &t[b + 2];
            if (admin_word(nx) && !(nx->flags & TF_CAP))
                gm.admin_hint = 1;
            if (tok_is(nx, "city") && !(nx->flags & TF_CAP))
                gm.city_hint = 1;
        }
        if (push_mention(g, &gm) != 0)
            return -1;
        i = (size_t)b + 1;
    }
    /* qualifiers: "Portland, Maine", "Kapkoi (Aldai, Nandi)" */
    for (size_t k = first_new; k + 1 < g->n; k++) {
        geo_mention *m = &g->m[k], *q = &g->m[k + 1];
        int32_t gap = q->first - m->last;
        const token *between = gap == 2 ? &t[m->last + 1] : NULL;
        int ok = between && (tok_is(between, ",") || tok_is(between, "("));
        /* "Kapkoi (Aldai, Nandi)": the second name inside the brackets */
        if (!ok && k + 2 < g->n && gap == 2 && tok_is(&t[m->last + 1], ","))
            ok = 1;
        if (!ok)
            continue;
        int admin = q->kind == GK_COUNTRY || q->kind == GK_DEMONYM;
        for (uint32_t c = 0; c < q->ncand && c < MAX_CAND && !admin; c++) {
            const gaz_place *pl = gaz_place_at(gz, gaz_key_at(gz, q->cand0 + c)->place);
            if (pl->fclass == 'A')
                admin = 1;
        }
        /* in brackets right after a name, any place qualifies it */
        if (tok_is(&t[m->last + 1], "("))
            admin = 1;
        if (admin && q->kind != GK_DEMONYM) {
            m->qual = (int32_t)(k + 1);
            q->head = (int32_t)k;
            /* "in Pervomaisk, Luhansk": the qualifier is where it happened too */
            q->locative |= m->locative;
        }
    }
    return 0;
}

/* ---- resolution ------------------------------------------------------- */

static int is_country_place(const gaz_place *p)
{
    return p->fclass == 'A' && (!strncmp(p->fcode, "PCL", 3) || !strcmp(p->fcode, "TERR"));
}

/* Does the qualifier chain of m (up to two links) name a place that fits
 * candidate p?  Returns a bonus. */
static float qualifier_fit(const gazetteer *gz, const geo_doc *g, const geo_mention *m, const gaz_place *p)
{
    float best = 0;
    int32_t qi = m->qual;
    for (int depth = 0; depth < 2 && qi >= 0; depth++) {
        const geo_mention *q = &g->m[qi];
        float fit = -4.0f;  /* a qualifier that does not fit speaks against */
        if ((q->kind == GK_COUNTRY || q->kind == GK_DEMONYM) && q->cc3[0]) {
            fit = !memcmp(q->cc3, p->cc3, 3) ? 4.0f : -6.0f;
        } else {
            /* a qualifier that can be a division or a country is read as one
             * ("Kingston, Ontario": the province, not Ontario, California) */
            int admin_reading = 0;
            for (uint32_t c = 0; c < q->ncand && c < MAX_CAND; c++) {
                const gaz_place *qp = gaz_place_at(gz, gaz_key_at(gz, q->cand0 + c)->place);
                if (is_country_place(qp) || (qp->fclass == 'A' && !strcmp(qp->fcode, "ADM1")))
                    admin_reading = 1;
            }
            for (uint32_t c = 0; c < q->ncand && c < MAX_CAND; c++) {
                const gaz_place *qp = gaz_place_at(gz, gaz_key_at(gz, q->cand0 + c)->place);
                if (qp == p)
                    continue;
                if (admin_reading && !is_country_place(qp) && !(qp->fclass == 'A' && !strcmp(qp->fcode, "ADM1")))
                    continue;
                float f;
                int same = !memcmp(qp->cc3, p->cc3, 3);
                if (is_country_place(qp))
                    f = same ? 4.0f : -6.0f;
                else if (qp->fclass == 'A' && !strcmp(qp->fcode, "ADM1") && qp->admin1[0])
                    f = !same ? -6.0f : !strcmp(qp->admin1, p->admin1) ? 6.0f : -3.0f;
                else
                    f = same && gaz_km(qp->lat, qp->lon, p->lat, p->lon) < 150 ? 4.5f : -2.0f;
                if (f > fit)
                    fit = f;
            }
        }
        if (fit > best || depth == 0)
            best = depth == 0 ? fit : (fit > best ? fit : best);
        qi = q->qual;
    }
    return best;
}

typedef struct anchor {
    float lat, lon;
} anchor;

static float score(const gazetteer *gz, const geo_doc *g, const geo_mention *m, const gaz_place *p,
                   const anchor *an, size_t nan, float total_w)
{
    float s = p->prior;
    if (m->kind == GK_COUNTRY || m->kind == GK_DEMONYM)
        return (is_country_place(p) && !memcmp(p->cc3, m->cc3, 3)) ? s + 20.0f : s - 20.0f;
    if (m->acronym && p->fclass != 'L' && p->fclass != 'A')
        s -= 20.0f;
    if (m->kind == GK_CAPITAL)     /* the capital, unless the report is elsewhere */
        s += !memcmp(p->cc3, m->cc3, 3) ? (p->fclass == 'P' ? 2.5f : 0.5f) : 0.0f;
    float tw;
    float w = p->cc3[0] ? weight_of(g, p->cc3, &tw) : 0;
    (void)tw;
    if (total_w > 0 && w > 0)
        s += 1.0f + 3.0f * (w / total_w);
    else if (total_w >= 3 && p->cc3[0])
        s -= 1.0f;  /* the document is about other countries */
    if (m->qual >= 0)
        s += qualifier_fit(gz, g, m, p);
    if (m->admin_hint)
        s += (p->fclass == 'A' && !is_country_place(p)) ? 3.0f : -1.0f;
    if (m->city_hint)
        s += p->fclass == 'P' ? 2.0f : -1.0f;
    /* near the places the document names without doubt */
    double best = 1e9;
    for (size_t k = 0; k < nan; k++) {
        double km = gaz_km(an[k].lat, an[k].lon, p->lat, p->lon);
        if (km < best)
            best = km;
    }
    if (nan) {
        if (best < 1.0)
            s += 0.5f;  /* (itself, most likely) */
        else if (best < 60)
            s += 2.5f;
        else if (best < 250)
            s += 1.5f;
        else if (best < 1000)
            s += 0.5f;
    }
    return s;
}

/* "Aleppo" is the city more often than the province named after it. */
static int division_of_namesake(const gazetteer *gz, const geo_mention *m, const gaz_place *p)
{
    if (p->fclass != 'A' || strcmp(p->fcode, "ADM1") != 0 || m->admin_hint)
        return 0;
    for (uint32_t c = 0; c < m->ncand && c < MAX_CAND; c++) {
        const gaz_place *q = gaz_place_at(gz, gaz_key_at(gz, m->cand0 + c)->place);
        if (q->fclass == 'P' && !memcmp(q->cc3, p->cc3, 3) &&
            (!strcmp(q->admin1, p->admin1) || gaz_km(q->lat, q->lon, p->lat, p->lon) < 150))
            return 1;
    }
    return 0;
}

static void choose(const gazetteer *gz, geo_doc *g, geo_mention *m, const anchor *an, size_t nan, float total_w)
{
    float bs = -1e9f;
    int32_t bi = -1;
    if (m->ncand == 1 && m->kind == GK_NAME) {
        /* no choice to make (the score only says how sure) */
        uint32_t pi = gaz_key_at(gz, m->cand0)->place;
        m->chosen = (int32_t)pi;
        m->score = score(gz, g, m, gaz_place_at(gz, pi), NULL, 0, total_w);
        return;
    }
    for (uint32_t c = 0; c < m->ncand && c < MAX_CAND; c++) {
        uint32_t pi = gaz_key_at(gz, m->cand0 + c)->place;
        const gaz_place *p = gaz_place_at(gz, pi);
        float sc = score(gz, g, m, p, an, nan, total_w) - (division_of_namesake(gz, m, p) ? 2.5f : 0.0f);
        if (sc > bs) {
            bs = sc;
            bi = (int32_t)pi;
        }
    }
    /* a qualified name none of whose places fits the qualifier: the name is
     * not known here ("Sulyhivka, Kharkiv": the qualifier says more) */
    if (bi >= 0 && m->qual >= 0 && m->kind == GK_NAME &&
        qualifier_fit(gz, g, m, gaz_place_at(gz, (uint32_t)bi)) < 0)
        bi = -1;
    /* a country's name with no entry for the country: no place */
    if (bi >= 0 && (m->kind == GK_COUNTRY || m->kind == GK_DEMONYM) && !is_country_place(gaz_place_at(gz, (uint32_t)bi)))
        bi = -1;
    m->chosen = bi;
    m->score = bs;
}

void geo_provisional(const gazetteer *gz, geo_doc *g, size_t from)
{
    if (!gz)
        return;
    float total = 0;
    for (size_t i = 0; i < g->ncc; i++)
        total += g->weight[i];
    for (size_t k = from; k < g->n; k++)
        choose(gz, g, &g->m[k], NULL, 0, total);
}

void geo_resolve(const gazetteer *gz, geo_doc *g)
{
    if (!gz || !g->n)
        return;
    /* the places each name stands for without context: countries by name,
     * names with one candidate, qualified names, the dateline */
    for (size_t k = 0; k < g->n; k++) {
        const geo_mention *m = &g->m[k];
        if (m->kind == GK_NAME && m->ncand == 1 && !m->embedded) {
            const gaz_place *p = gaz_place_at(gz, gaz_key_at(gz, m->cand0)->place);
            add_weight(g, p->cc3, m->dateline ? 3.0f : 1.0f);
        }
        if (m->kind == GK_COUNTRY && m->locative)
            add_weight(g, m->cc3, 1.0f);
    }
    float total = 0;
    for (size_t i = 0; i < g->ncc; i++)
        total += g->weight[i];
    anchor *an = malloc((g->n + 1) * sizeof *an);
    size_t nan = 0;
    /* first pass: no proximity */
    for (size_t k = 0; k < g->n; k++)
        choose(gz, g, &g->m[k], NULL, 0, total);
    if (!an)
        return;
    /* anchors: clear winners that are not whole countries */
    for (size_t k = 0; k < g->n; k++) {
        const geo_mention *m = &g->m[k];
        if (m->chosen < 0)
            continue;
        const gaz_place *p = gaz_place_at(gz, (uint32_t)m->chosen);
        if (is_country_place(p) || (p->fclass == 'L' && !(p->flags & GZ_PROJECT)))
            continue;
        int clear = m->ncand == 1 || m->qual >= 0 || m->kind == GK_CAPITAL || m->dateline;
        if (!clear) {
            /* a lead of 3 over every namesake elsewhere */
            float second = -1e9f;
            for (uint32_t c = 0; c < m->ncand && c < MAX_CAND; c++) {
                uint32_t pi = gaz_key_at(gz, m->cand0 + c)->place;
                if ((int32_t)pi == m->chosen)
                    continue;
                const gaz_place *q = gaz_place_at(gz, pi);
                if (gaz_km(q->lat, q->lon, p->lat, p->lon) < 100)
                    continue;
                float sc = score(gz, g, m, q, NULL, 0, total);
                if (sc > second)
                    second = sc;
            }
            clear = m->score - second >= 3.0f;
        }
        if (clear) {
            /* one anchor per place, and few of them: a huge document
             * names the same places over and over */
            size_t q;
            for (q = 0; q < nan; q++)
                if (an[q].lat == p->lat && an[q].lon == p->lon)
                    break;
            if (q == nan && nan < MAX_ANCHORS) {
                an[nan].lat = p->lat;
                an[nan].lon = p->lon;
                nan++;
            }
        }
    }
    /* second pass: with proximity to the anchors (a mention's own anchor
     * counts for it only as a tie-break) */
    if (nan)
        for (size_t k = 0; k < g->n; k++)
            choose(gz, g, &g->m[k], an, nan, total);
    /* SITREP_DEBUG_GEO=1: every candidate's score, for people tuning data */
    if (getenv("SITREP_DEBUG_GEO"))
        for (size_t k = 0; k < g->n; k++) {
            const geo_mention *m = &g->m[k];
            fprintf(stderr, "sitrep-debug: geo %zu: sentence %u tokens %d-%d kind %d qual %d%s%s chosen %d\n", k,
                    m->sent, m->first, m->last, m->kind, m->qual, m->locative ? " locative" : "",
                    m->embedded ? " embedded" : "", m->chosen);
            for (uint32_t c = 0; c < m->ncand && c < 12; c++) {
                uint32_t pi = gaz_key_at(gz, m->cand0 + c)->place;
                const gaz_place *p = gaz_place_at(gz, pi);
                fprintf(stderr, "sitrep-debug:   %-24s %.3s %c.%-5.6s prior %5.2f score %6.2f qual %5.1f\n",
                        gaz_str(gz, p->name_off), p->cc3, p->fclass ? p->fclass : '-', p->fcode, p->prior,
                        score(gz, g, m, p, an, nan, total), m->qual >= 0 ? qualifier_fit(gz, g, m, p) : 0.0);
            }
        }
    free(an);
}

const gaz_place *geo_place(const gazetteer *gz, const geo_doc *g, size_t i)
{
    if (!gz || i >= g->n || g->m[i].chosen < 0)
        return NULL;
    return gaz_place_at(gz, (uint32_t)g->m[i].chosen);
}

/* A mention fit to be where something happened: a qualifier ("Belem
 * (Para)") only when the name it qualifies has no place. */
static int place_like(const geo_doc *g, const geo_mention *m)
{
    if (m->chosen < 0 || m->embedded || m->kind == GK_DEMONYM)
        return 0;
    return m->head < 0 || g->m[m->head].chosen < 0;
}

/* The first mention of sentence sent (mentions are kept in text order). */
static size_t first_of_sentence(const geo_doc *g, uint32_t sent)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->m[mid].sent < sent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int32_t geo_event_place(const geo_doc *g, uint32_t sent, uint32_t para, int32_t clause_first, int32_t clause_last,
                        int32_t obj_first, int32_t obj_last, int32_t tgt_first, int32_t tgt_last)
{
    size_t k0 = first_of_sentence(g, sent), k1 = k0;
    while (k1 < g->n && g->m[k1].sent == sent)
        k1++;
    /* 1. "in X", "near X" in the event's own clause */
    for (size_t k = k0; k < k1; k++) {
        const geo_mention *m = &g->m[k];
        if (place_like(g, m) && m->locative && m->first >= clause_first && m->last <= clause_last)
            return (int32_t)k;
    }
    /* 2. the place the verb acts on ("shelled Balakliia") */
    if (obj_first >= 0)
        for (size_t k = k0; k < k1; k++) {
            const geo_mention *m = &g->m[k];
            if (place_like(g, m) && m->kind != GK_COUNTRY && m->first >= obj_first && m->last <= obj_last)
                return (int32_t)k;
        }
    /* 3. the place the event is directed at ("to visit Moscow") */
    if (tgt_first >= 0)
        for (size_t k = k0; k < k1; k++) {
            const geo_mention *m = &g->m[k];
            if (place_like(g, m) && m->first >= tgt_first && m->last <= tgt_last)
                return (int32_t)k;
        }
    /* 4. a place the sentence is set in */
    for (size_t k = k0; k < k1; k++) {
        const geo_mention *m = &g->m[k];
        if (place_like(g, m) && m->locative)
            return (int32_t)k;
    }
    /* 5. where the paragraph's earlier sentences were set ("On 24 April,
     * in Cucuta, ... In the Palmeras neighbourhood, gunmen shot ...") */
    if (k0 > 0 && k0 <= g->n) {
        for (size_t k = k0; k-- > 0;) {
            const geo_mention *m = &g->m[k];
            if (m->sent + 6 < sent)
                break;
            if (m->para == para && place_like(g, m) && (m->locative || m->dateline))
                return (int32_t)k;
        }
    }
    /* 6. the dateline (in the first sentences) */
    for (size_t k = 0; k < g->n && g->m[k].sent < 3; k++) {
        const geo_mention *m = &g->m[k];
        if (m->dateline && place_like(g, m))
            return (int32_t)k;
    }
    return -1;
}
