/* actors.c -- recognising actors in a sentence and resolving references.
 *
 * Three steps per sentence:
 *  1. atoms: longest dictionary matches (names on the folded surface,
 *     agents on lemmas) and runs of proper nouns the dictionary lacks;
 *  2. composition inside each noun phrase: a country (adjective, name,
 *     capital, possessor or a named actor's own) plus the roles of agents,
 *     split at possessives and at "A and B" coordination;
 *  3. reference: pronouns, definite descriptions ("the operation") and
 *     names met before ("Ali" after "Ahmed Ali, an SDF fighter") take the
 *     attributes of their antecedent from the document's memory.
 * Why not compose across phrases: "US envoy to Syria" is a US actor whose
 * target is Syria; the events stage decides how phrases relate. */
#include "actors.h"
#include "../util/date.h"
#include "../util/vec.h"

#include <stdlib.h>
#include <string.h>

#define RING 64

typedef struct memo {
    act_mention m;
    uint32_t sent, para;
    char headlemma[32];
} memo;

typedef struct namemem {
    char key[64];           /* folded name or surname */
    act_mention m;
} namemem;

struct act_state {
    memo ring[RING];
    size_t nring;           /* total pushed */
    namemem *names;
    size_t nnames, capnames;
    memo *heads;            /* NP heads with an actor modifier (definites) */
    size_t nheads, capheads;
    uint32_t country_count[64];
    uint32_t place_count[64];   /* named as a place: "in Syria" */
    char country_code[64][4];
    size_t ncountries;
};

act_state *actors_state_new(void)
{
    return calloc(1, sizeof(act_state));
}

void actors_state_free(act_state *st)
{
    if (!st)
        return;
    free(st->names);
    free(st->heads);
    free(st);
}

/* ---- atoms ------------------------------------------------------------ */

typedef struct atom {
    int32_t first, last;
    uint8_t kind;           /* H_ kind, or 0 for an unknown proper name */
    uint32_t ref;
    uint8_t skip;           /* "Kurdish-led": a modifier of something else */
} atom;

static int upper_bytes(const char *text, const token *t)
{
    for (uint32_t i = t->start; i < t->end; i++)
        if (text[i] >= 'a' && text[i] <= 'z')
            return 0;
    return 1;
}

static int is_hyphen(const token *t)
{
    return t->flen == 1 && t->fold[0] == '-';
}

/* Longest match at i in one index; returns the match length in tokens. */
static int match_at(const actor_dict *d, const char *text, const sentence *s, size_t i,
                    int lemma_index, const dict_hit **hit)
{
    char key[512];
    size_t kl = 0;
    int best = 0;
    *hit = NULL;
    const token *t = s->toks;
    if (is_hyphen(&t[i]))
        return 0;
    int ntoks = 0;
    for (size_t j = i; j < s->ntok && ntoks < d->max_key_tokens; j++) {
        if (is_hyphen(&t[j]) && j > i)
            continue;
        if (!(t[j].flags & TF_WORD) && !tok_is(&t[j], "'") && !tok_is(&t[j], ".") && !tok_is(&t[j], "/") &&
            !tok_is(&t[j], "&"))
            break;
        const char *w = t[j].fold;
        size_t wl = t[j].flen;
        size_t base = kl;
        if (kl + wl + 2 >= sizeof key)
            break;
        if (kl)
            key[kl++] = ' ';
        memcpy(key + kl, w, wl);
        kl += wl;
        ntoks++;
        const dict_hit *h = dict_lookup(d, lemma_index, key, kl);
        if (!h && lemma_index && t[j].lemma && (t[j].llen != wl || strcmp(t[j].lemma, w) != 0)) {
            /* agents: the last word may be inflected ("forces") */
            char k2[512];
            memcpy(k2, key, base + (base ? 1 : 0));
            size_t p = base + (base ? 1 : 0);
            if (p + t[j].llen < sizeof k2) {
                memcpy(k2 + p, t[j].lemma, t[j].llen);
                h = dict_lookup(d, lemma_index, k2, p + t[j].llen);
            }
        }
        if (h) {
            /* acronyms must be written in capitals; names must begin with one */
            int ok = 1;
            if (h->acronym && !upper_bytes(text, &t[i]))
                ok = 0;
            if (!lemma_index) {
                /* a name has a capital somewhere ("al-Sharaa", "de Mistura") */
                int cap = 0;
                for (size_t k = i; k <= j; k++)
                    if (t[k].flags & (TF_CAP | TF_DIGIT))
                        cap = 1;
                if (!cap || !(t[j].flags & (TF_CAP | TF_DIGIT)))
                    ok = 0;
            }
            if (ok) {
                best = (int)(j - i + 1);
                *hit = h;
            }
        }
        if (!dict_is_prefix(d, key, kl))
            break;
    }
    return best;
}

static int name_particle(const token *t)
{
    static const char *const p[] = {"al", "el", "ar", "as", "ad", "ash", "at", "az", "bin", "ibn",
                                    "abu", "abd", "de", "van", "von", "der", "la", "le", "da",
                                    "dos", "du", "bint", "ould", NULL};
    for (const char *const *q = p; *q; q++)
        if (tok_is(t, *q))
            return 1;
    return 0;
}

static int led_word(const token *t)
{
    static const char *const w[] = {"led", "backed", "based", "allied", "run", "controlled",
                                    "dominated", "sponsored", "supported", "aligned", "funded",
                                    "held", "brokered", "linked", "affiliated", "owned", "made",
                                    "born", "trained", "armed", NULL};
    for (const char *const *q = w; *q; q++)
        if (tok_is(t, *q))
            return 1;
    return 0;
}

static const namemem *known_name(const act_state *st, const char *text, uint32_t start, uint32_t end);

/* Weekdays and months are capitalised but are not names of actors. */
static int time_word(const token *t)
{
    static const char *const w[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                    "sunday", "january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november", "december",
                                    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
                                    "sept.", "oct.", "nov.", "dec.", NULL};
    for (const char *const *q = w; *q; q++)
        if (tok_is(t, *q))
            return 1;
    return 0;
}

static size_t find_atoms(const actor_dict *d, const act_state *st, const char *text, const sentence *s, atom *out)
{
    size_t n = 0;
    const token *t = s->toks;
    for (size_t i = 0; i < s->ntok;) {
        const dict_hit *hn, *ha;
        int ln = match_at(d, text, s, i, 0, &hn);
        int la = match_at(d, text, s, i, 1, &ha);
        if (ln || la) {
            /* "Bosnian Serbs", "Kosovo Albanians": after a country, a word
             * that is both a nation and a people is the people */
            int people = ln == la && n > 0 && out[n - 1].last == (int32_t)i - 1 &&
                         (out[n - 1].kind == H_ADJ || out[n - 1].kind == H_COUNTRY) && ha->kind == H_AGENT;
            const dict_hit *h = ln >= la && !people ? hn : ha;
            int l = ln >= la ? ln : la;
            /* A sentence-initial capitalised common word is not a name
             * unless it is a known actor ("China"), but "Turkey" vs
             * "turkey" cannot be told here: accept. */
            atom *a = &out[n++];
            a->first = (int32_t)i;
            a->last = (int32_t)(i + (size_t)l - 1);
            a->kind = h->kind;
            a->ref = h->ref;
            a->skip = 0;
            size_t e = i + (size_t)l;
            if (e + 1 < s->ntok && is_hyphen(&t[e]) && led_word(&t[e + 1]))
                a->skip = 1;
            i = e;
            continue;
        }
        if ((t[i].flags & TF_CAP) && t[i].tag != TG_PROPN && (t[i].flags & TF_FIRST) &&
            known_name(st, text, t[i].start, t[i].end)) {
            /* "Ali said": a name learnt earlier, opening a sentence */
            atom *a = &out[n++];
            a->first = a->last = (int32_t)i;
            a->kind = 0;
            a->ref = 0;
            a->skip = 0;
            i++;
            continue;
        }
        if (t[i].tag == TG_PROPN && (t[i].flags & TF_CAP) && t[i].flen > 1 && !time_word(&t[i])) {
            size_t j = i + 1;
            while (j < s->ntok) {
                const dict_hit *h2;
                if (match_at(d, text, s, j, 0, &h2) || match_at(d, text, s, j, 1, &h2))
                    break;  /* "Senior Hungarian": the run stops at a known word */
                if (t[j].tag == TG_PROPN && (t[j].flags & TF_CAP)) {
                    j++;
                    continue;
                }
                if ((is_hyphen(&t[j]) || name_particle(&t[j])) && j + 1 < s->ntok &&
                    t[j + 1].tag == TG_PROPN) {
                    j++;
                    continue;
                }
                break;
            }
            atom *a = &out[n++];
            a->first = (int32_t)i;
            a->last = (int32_t)(j - 1);
            a->kind = 0;
            a->ref = 0;
            a->skip = j < s->ntok && is_hyphen(&t[j]) && j + 1 < s->ntok && led_word(&t[j + 1]);
            i = j;
            continue;
        }
        i++;
    }
    return n;
}

/* ---- composition ------------------------------------------------------ */

static void add_roles(char *roles, const char *add)
{
    for (size_t i = 0; add[i] && add[i + 1] && add[i + 2]; i += 3) {
        int have = 0;
        for (size_t k = 0; roles[k]; k += 3)
            if (!strncmp(roles + k, add + i, 3))
                have = 1;
        size_t l = strlen(roles);
        if (!have && l + 3 < 16) {
            memcpy(roles + l, add + i, 3);
            roles[l + 3] = '\0';
        }
    }
}

static int plural_token(const token *t)
{
    return (t->tag == TG_NOUN || t->tag == TG_PROPN) && t->flen > 2 && t->fold[t->flen - 1] == 's' &&
           t->lemma && strcmp(t->lemma, t->fold) != 0;
}

static void init_mention(act_mention *m, const sentence *s, int32_t first, int32_t last, int32_t chunk)
{
    memset(m, 0, sizeof *m);
    m->first = first;
    m->last = last;
    m->head = last;
    m->chunk = chunk;
    m->start = s->toks[first].start;
    m->end = s->toks[last].end;
    m->actor = -1;
    m->coord = -1;
    m->appos = -1;
}

/* Fold atoms[a0..a1) into m.  Returns 1 if anything actor-like was added. */
static int compose_atoms(const actor_dict *d, act_mention *m, const atom *at, size_t a0, size_t a1,
                         const sentence *s, int with_skipped);

/* "Kurdish-led SDF" is the SDF; "Vietnamese-led forces" are Vietnam's:
 * an X-led modifier counts only when nothing else names the actor. */
static int compose(const actor_dict *d, act_mention *m, const atom *at, size_t a0, size_t a1, const sentence *s)
{
    int any = compose_atoms(d, m, at, a0, a1, s, 0);
    if (!m->country[0] && m->actor < 0)
        any |= compose_atoms(d, m, at, a0, a1, s, 1);
    return any;
}

static int compose_atoms(const actor_dict *d, act_mention *m, const atom *at, size_t a0, size_t a1,
                         const sentence *s, int with_skipped)
{
    int any = 0;
    for (size_t k = a0; k < a1; k++) {
        const atom *a = &at[k];
        if (a->skip != with_skipped)
            continue;
        any = 1;
        switch (a->kind) {
        case H_COUNTRY:
        case H_ADJ:
        case H_PEOPLE:
        case H_CAPITAL:
            if (!m->country[0] && m->actor < 0)
                memcpy(m->country, d->countries[a->ref].iso3, 4);
            /* "Western Cambodia", "South Lebanon": the country at the head
             * makes the phrase a country even after an unknown name */
            if (!m->kind || m->kind == AK_COUNTRY || m->kind == AK_CAPITAL || m->kind == AK_PEOPLE ||
                (m->kind == AK_NAME && a->last == m->head && m->actor < 0))
                m->kind = a->kind == H_CAPITAL ? AK_CAPITAL : a->kind == H_PEOPLE ? AK_PEOPLE : AK_COUNTRY;
            if (a->kind == H_CAPITAL && a->last == m->head)
                m->capital_head = 1;
            if (a->kind == H_PEOPLE) {
                /* "Palestinians", "Iraqi Kurds": the people, civilians */
                m->plural = 1;
                m->human = 1;
                if (a->last == m->head)
                    add_roles(m->roles, "CVL");
            }
            if (!m->name && (a->kind == H_COUNTRY || a->kind == H_CAPITAL) && a->last == m->head)
                m->name = d->countries[a->ref].name;
            break;
        case H_ACTOR:
            /* "UN Secretary-General Kofi Annan": the person, not the office */
            if (m->actor < 0 || (m->kind == AK_ORG && d->actors[a->ref].kind == AE_PERSON)) {
                m->actor = (int32_t)a->ref;
                m->name = d->actors[a->ref].name;
                m->kind = d->actors[a->ref].kind == AE_PERSON ? AK_PERSON : AK_ORG;
                if (m->kind == AK_PERSON)
                    m->human = 1;
            }
            break;
        case H_AGENT:
            /* "Shona rebels": an unknown name before an agent is a modifier */
            if (m->kind != AK_PERSON && m->kind != AK_ORG)
                m->kind = m->kind && !(m->kind == AK_NAME && a->last == m->head) ? m->kind : AK_AGENT;
            if (m->kind == AK_COUNTRY || m->kind == AK_CAPITAL)
                m->kind = AK_AGENT;
            add_roles(m->roles, d->agents[a->ref].roles);
            if (d->agents[a->ref].human && a->last == m->head)
                m->human = 1;
            if (a->last == m->head && plural_token(&s->toks[a->last]))
                m->plural = 1;
            break;
        default:    /* unknown proper name */
            if (!m->kind || m->kind == AK_AGENT)
                m->kind = m->kind == AK_AGENT ? AK_AGENT : AK_NAME;
            if (!m->name) {
                m->name = NULL; /* filled from the text by the caller */
            }
            m->human = 1;
            break;
        }
    }
    return any;
}

/* ---- document memory -------------------------------------------------- */

/* Is the mention the object of a locative preposition ("in Syria")? */
static int locative(const act_mention *m, const sentence *s)
{
    if (m->chunk < 0 || s->chunks[m->chunk].prep < 0)
        return 0;
    const token *p = &s->toks[s->chunks[m->chunk].prep];
    return tok_is(p, "in") || tok_is(p, "across") || tok_is(p, "from") || tok_is(p, "throughout") ||
           tok_is(p, "inside") || tok_is(p, "into") || tok_is(p, "within") || tok_is(p, "near") ||
           tok_is(p, "around") || tok_is(p, "at");
}

/* Count a country for the document's focus; weight 4 is a place. */
static void count_country(act_state *st, const char *cc, uint32_t weight)
{
    size_t i;
    for (i = 0; i < st->ncountries; i++)
        if (!strcmp(st->country_code[i], cc))
            break;
    if (i == st->ncountries && i < 64) {
        memcpy(st->country_code[i], cc, 4);
        st->ncountries++;
    }
    if (i < 64) {
        st->country_count[i] += weight;
        if (weight == 4)
            st->place_count[i]++;
    }
}

static void remember(act_state *st, const act_mention *m, const sentence *s, const char *headlemma)
{
    /* The focus country is where the report happens: a country named as a
     * place ("in northeast Syria") counts most, a name more than an
     * adjective or an actor of that country. */
    uint32_t weight = (m->kind == AK_COUNTRY || m->kind == AK_CAPITAL) && m->name ?
                      (locative(m, s) ? 4 : 2) : 1;
    memo *r = &st->ring[st->nring % RING];
    r->m = *m;
    r->sent = s->index;
    r->para = s->para;
    snprintf(r->headlemma, sizeof r->headlemma, "%s", headlemma ? headlemma : "");
    st->nring++;
    if (m->country[0] && !m->inferred)
        count_country(st, m->country, weight);
}

void actors_note_place(act_state *st, const char *cc3)
{
    if (cc3 && strlen(cc3) == 3)
        count_country(st, cc3, 4);
}

/* The document's most mentioned country so far (ties: the first seen). */
static const char *place_focus(const act_state *st)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < st->ncountries; i++)
        if (st->place_count[i] && (best == SIZE_MAX || st->place_count[i] > st->place_count[best]))
            best = i;
    return best == SIZE_MAX ? NULL : st->country_code[best];
}

/* The country the report happens in: the one most named as a place ("in
 * northeast Syria", "in Damascus"), else the most mentioned. */
static const char *focus_country(const act_state *st)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < st->ncountries; i++)
        if (st->place_count[i] && (best == SIZE_MAX || st->place_count[i] > st->place_count[best]))
            best = i;
    for (size_t i = 0; best == SIZE_MAX && i < st->ncountries; i++)
        if (best == SIZE_MAX || st->country_count[i] > st->country_count[best])
            best = i;
    if (best == SIZE_MAX) {
        for (size_t i = 0; i < st->ncountries; i++)
            if (best == SIZE_MAX || st->country_count[i] > st->country_count[best])
                best = i;
    }
    return best == SIZE_MAX ? NULL : st->country_code[best];
}

static int has_code(const act_mention *m)
{
    return m->actor >= 0 || m->country[0];
}

typedef enum { WANT_PERSON, WANT_PLURAL, WANT_THING } want;

static int fits(const act_mention *m, want w)
{
    if (!has_code(m) && m->kind != AK_NAME)
        return 0;
    if (m->role == AM_APPOS)
        return 0;
    switch (w) {
    case WANT_PERSON:
        /* "U.N. Secretary-General Kofi Annan": an office with a name is a person */
        return m->human && !m->plural && (m->kind == AK_PERSON || m->kind == AK_NAME || m->kind == AK_AGENT ||
                                          m->kind == AK_ORG);
    case WANT_PLURAL:
        return (m->plural && m->human) || m->kind == AK_ORG || m->kind == AK_PEOPLE;
    case WANT_THING:
        return !m->human && !m->plural && (m->kind == AK_ORG || m->kind == AK_COUNTRY ||
                                           m->kind == AK_CAPITAL || m->kind == AK_AGENT);
    }
    return 0;
}

/* Resolve a pronoun: look left in the sentence, then back through the
 * paragraph (and one paragraph more for plural and thing pronouns). */
static int clause_break(const sentence *s, int32_t a, int32_t b)
{
    for (int32_t i = a + 1; i < b; i++) {
        const token *t = &s->toks[i];
        if (t->tag == TG_SCONJ || t->tag == TG_WH || t->tag == TG_CONJ ||
            (t->tag == TG_PUNCT && (tok_is(t, ",") || tok_is(t, ";") || tok_is(t, ":") || (t->flags & TF_QUOTE))))
            return 1;
    }
    return 0;
}

static int resolve(const act_state *st, const act_mention *cur, size_t ncur, const sentence *s,
                   int32_t before_tok, want w, int possessive, act_mention *out)
{
    /* a possessive first refers to the subject of its own clause ("their
     * forces had completed their withdrawal") */
    if (possessive) {
        int32_t v = before_tok - 1;
        while (v >= 0 && s->toks[v].chunk != CH_VG && !tok_is(&s->toks[v], ",") && !tok_is(&s->toks[v], ";"))
            v--;
        while (v > 0 && s->toks[v - 1].chunk == CH_VG)
            v--;
        for (size_t k = ncur; v > 0 && s->toks[v].chunk == CH_VG && k-- > 0;) {
            const act_mention *m = &cur[k];
            if (m->last >= v)
                continue;
            int32_t nx = m->last + 1;
            while (nx < v && (s->toks[nx].chunk == CH_PP || s->toks[nx].tag == TG_ADV ||
                              (s->toks[nx].chunk == CH_NP && s->chunks[s->toks[nx].chunk_id].prep >= 0)))
                nx++;
            if (nx == v && m->role == AM_MAIN && m->kind != AK_PRONOUN && m->chunk >= 0 &&
                s->chunks[m->chunk].prep < 0 && fits(m, w)) {
                *out = *m;
                return 1;
            }
            break;
        }
    }
    /* then the subject of the sentence ("Militants loyal to X said they"),
     * then the nearest mention */
    for (size_t k = 0; k < ncur; k++) {
        const act_mention *m = &cur[k];
        if (m->last >= before_tok || m->kind == AK_PRONOUN || m->role != AM_MAIN)
            continue;
        int32_t nx = m->last + 1;
        while ((size_t)nx < s->ntok && (s->toks[nx].chunk == CH_PP || s->toks[nx].tag == TG_ADV ||
                                       (s->toks[nx].chunk == CH_NP && s->chunks[s->toks[nx].chunk_id].prep >= 0) ||
                                       s->toks[nx].tag == TG_ADJ))
            nx++;
        int subject = m->chunk >= 0 && s->chunks[m->chunk].prep < 0 && (size_t)nx < s->ntok &&
                      s->toks[nx].chunk == CH_VG && nx < before_tok;
        if (subject && fits(m, w) && possessive) {
            *out = *m;
            return 1;
        }
        break;  /* only the first mention can be the sentence's subject */
    }
    for (size_t k = ncur; k-- > 0;) {
        const act_mention *m = &cur[k];
        if (m->last >= before_tok || m->kind == AK_PRONOUN)
            continue;
        /* "Moscow denied it": an object pronoun does not refer to the
         * subject of its own clause (possessives and reflexives may) */
        if (!possessive && !clause_break(s, m->last, before_tok))
            continue;
        if ((m->role == AM_MAIN || m->role == AM_POSS) && fits(m, w)) {
            *out = *m;
            return 1;
        }
    }
    size_t lim = st->nring < RING ? st->nring : RING;
    for (size_t k = 0; k < lim; k++) {
        const memo *r = &st->ring[(st->nring - 1 - k) % RING];
        uint32_t maxback = w == WANT_PERSON ? 0 : 1;
        if (r->para + maxback < s->para)
            break;
        if (r->m.kind == AK_PRONOUN && !r->m.resolved)
            continue;
        if ((r->m.role == AM_MAIN || r->m.role == AM_POSS) && fits(&r->m, w)) {
            *out = r->m;
            return 1;
        }
    }
    return 0;
}

static void learn_name(act_state *st, const char *text, const act_mention *m, const token *t)
{
    /* Remember the full name and, for people, the last word of the name. */
    char key[64];
    size_t n = m->end - m->start < 63 ? m->end - m->start : 63;
    char buf[256];
    size_t fl = text_key(text + m->start, n, buf, sizeof buf, NULL);
    snprintf(key, sizeof key, "%.*s", (int)fl, buf);
    for (int pass = 0; pass < 2; pass++) {
        namemem *nm = VEC_PUSH(st->names, st->nnames, st->capnames);
        if (!nm)
            return;
        snprintf(nm->key, sizeof nm->key, "%s", key);
        nm->m = *m;
        if (pass == 0) {
            const token *last = &t[m->last];
            if (m->last == m->first || last->flen < 3)
                break;
            snprintf(key, sizeof key, "%s", last->fold);
        }
    }
}

static const namemem *known_name(const act_state *st, const char *text, uint32_t start, uint32_t end)
{
    char buf[256];
    size_t n = end - start < 200 ? end - start : 200;
    size_t fl = text_key(text + start, n, buf, sizeof buf, NULL);
    for (size_t i = st->nnames; i-- > 0;)
        if (strlen(st->names[i].key) == fl && !memcmp(st->names[i].key, buf, fl))
            return &st->names[i];
    return NULL;
}

static const memo *known_head(const act_state *st, const char *lemma)
{
    for (size_t i = st->nheads; i-- > 0;)
        if (!strcmp(st->heads[i].headlemma, lemma))
            return &st->heads[i];
    return NULL;
}

/* Definite descriptions of groups: "the group", "the militants". */
static int group_word(const token *t)
{
    return lemma_is(t, "group") || lemma_is(t, "organization") || lemma_is(t, "organisation") ||
           lemma_is(t, "movement") || lemma_is(t, "faction") || lemma_is(t, "militia") ||
           lemma_is(t, "alliance") || lemma_is(t, "coalition");
}

static int both_phrase(const token *t, int32_t first, int32_t last)
{
    /* both sides, the two sides, both parties, the two countries ... */
    int both = 0, side = 0;
    for (int32_t i = first; i <= last; i++) {
        if (tok_is(&t[i], "both") || tok_is(&t[i], "two"))
            both = 1;
        if (lemma_is(&t[i], "side") || lemma_is(&t[i], "party") || lemma_is(&t[i], "country") ||
            lemma_is(&t[i], "nation") || lemma_is(&t[i], "camp") || lemma_is(&t[i], "leader") ||
            lemma_is(&t[i], "government") || lemma_is(&t[i], "neighbor") || lemma_is(&t[i], "neighbour"))
            side = 1;
    }
    return both && side && last - first <= 3;
}

/* Roles of people who belong to the country they are in (rebels, police,
 * students), unlike troops, which are often abroad: only those take their
 * country from the place or the report's focus. */
static int domestic_roles(const char *roles)
{
    static const char *const abroad[] = {"MIL", "IGO", "NGO", "MNC", NULL};
    if (!roles[0])
        return 0;
    for (size_t i = 0; roles[i] && roles[i + 1] && roles[i + 2]; i += 3)
        for (const char *const *d = abroad; *d; d++)
            if (!strncmp(roles + i, *d, 3))
                return 0;
    return 1;
}

/* ---- the sentence ----------------------------------------------------- */

int actors_sentence(const actor_dict *d, act_state *st, const char *text,
                    const sentence *s, arena *a, act_sentence *out)
{
    out->m = NULL;
    out->n = 0;
    if (!s->ntok)
        return 0;
    atom *at = arena_alloc(a, (s->ntok + 1) * sizeof(atom));
    act_mention *ms = arena_alloc(a, (s->ntok * 2 + 2) * sizeof(act_mention));
    if (!at || !ms)
        return -1;
    size_t na = s->is_dateline ? 0 : find_atoms(d, st, text, s, at);
    size_t nm = 0;
    const token *t = s->toks;
    size_t ai = 0;

    for (size_t c = 0; c < s->nchunks; c++) {
        const chunk *ch = &s->chunks[c];
        if (ch->kind != CH_NP)
            continue;
        while (ai < na && at[ai].last < ch->first)
            ai++;
        size_t a0 = ai, a1 = ai;
        while (a1 < na && at[a1].first <= ch->last)
            a1++;
        /* Pronouns. */
        if (ch->first == ch->last && t[ch->first].tag == TG_PRON) {
            const token *p = &t[ch->first];
            want w;
            if (tok_is(p, "he") || tok_is(p, "him") || tok_is(p, "she") || tok_is(p, "her") ||
                tok_is(p, "himself") || tok_is(p, "herself"))
                w = WANT_PERSON;
            else if (tok_is(p, "they") || tok_is(p, "them") || tok_is(p, "themselves"))
                w = WANT_PLURAL;
            else if (tok_is(p, "it") || tok_is(p, "itself"))
                w = WANT_THING;
            else
                continue;
            act_mention *m = &ms[nm];
            init_mention(m, s, ch->first, ch->last, (int32_t)c);
            m->role = AM_MAIN;
            m->kind = AK_PRONOUN;
            m->via = "pronoun";
            /* subject pronouns ("Hungary said it will"), reflexives and
             * possessives may refer within their sentence; objects not to
             * their own clause's subject */
            int subjpos = (size_t)ch->last + 1 < s->ntok &&
                          (t[ch->last + 1].chunk == CH_VG || t[ch->last + 1].tag == TG_MODAL ||
                           t[ch->last + 1].tag == TG_AUX || t[ch->last + 1].tag == TG_ADV);
            int bindable = subjpos || tok_is(p, "himself") || tok_is(p, "herself") || tok_is(p, "itself") ||
                           tok_is(p, "themselves");
            /* resolved after the sentence's other mentions have their
             * countries ("The Umma party said it will ...") */
            m->want = (uint8_t)(w + 1);
            m->bindable = (uint8_t)bindable;
            nm++;
            continue;
        }
        /* Split the chunk at possessive markers. */
        int32_t segstart = ch->first;
        int32_t possend = -1;      /* last token of the possessor part */
        for (int32_t k = ch->first; k <= ch->last; k++)
            if (t[k].tag == TG_POS || t[k].tag == TG_PRPS)
                possend = k;
        act_mention poss;
        int have_poss = 0;
        if (possend >= 0) {
            /* possessor: tokens before the last 's (or the pronoun itself) */
            int32_t pl = t[possend].tag == TG_POS ? possend - 1 : possend;
            init_mention(&poss, s, segstart, pl >= segstart ? pl : segstart, (int32_t)c);
            poss.role = AM_POSS;
            if (t[possend].tag == TG_PRPS) {
                const token *p = &t[possend];
                want w = (tok_is(p, "his") || tok_is(p, "her")) ? WANT_PERSON :
                         tok_is(p, "its") ? WANT_THING : tok_is(p, "their") ? WANT_PLURAL : WANT_THING;
                act_mention ante;
                poss.first = poss.last = poss.head = possend;
                poss.start = p->start;
                poss.end = p->end;
                poss.kind = AK_PRONOUN;
                poss.via = "possessive pronoun";
                if (!(tok_is(p, "my") || tok_is(p, "our") || tok_is(p, "your")) &&
                    resolve(st, ms, nm, s, possend, w, 1, &ante)) {
                    poss.actor = ante.actor;
                    memcpy(poss.country, ante.country, 4);
                    memcpy(poss.roles, ante.roles, 16);
                    poss.name = ante.name;
                    poss.plural = ante.plural;
                    poss.human = ante.human;
                    poss.resolved = 1;
                    have_poss = 1;
                }
            } else {
                size_t p1 = a0;
                while (p1 < a1 && at[p1].last <= pl)
                    p1++;
                poss.head = pl;
                if (compose(d, &poss, at, a0, p1, s) && (poss.kind != AK_NAME || poss.name)) {
                    poss.via = "possessive";
                    have_poss = poss.actor >= 0 || poss.country[0] || poss.roles[0];
                }
                a0 = p1;
            }
            segstart = possend + 1;
        }
        /* The possessed part (or the whole phrase). */
        int32_t head = ch->head;
        int head_covered = 0;
        for (size_t k = a0; k < a1; k++)
            if (!at[k].skip && at[k].first <= head && head <= at[k].last)
                head_covered = 1;
        /* coordination of adjectives: split on and/or */
        size_t cuts[8];
        size_t ncuts = 0;
        for (size_t k = a0; k + 1 < a1 && ncuts < 8; k++)
            for (int32_t x = at[k].last + 1; x < at[k + 1].first; x++)
                if (t[x].tag == TG_CONJ && (at[k].kind == H_ADJ || at[k].kind == H_COUNTRY) &&
                    (at[k + 1].kind == H_ADJ || at[k + 1].kind == H_COUNTRY))
                    cuts[ncuts++] = k + 1;
        if (head_covered) {
            size_t starts[9], ends[9], nseg = 0;
            /* conjuncts share the trailing agent atoms: [adj] and [adj] [agent...] */
            size_t shared = a1;
            if (ncuts) {
                shared = cuts[ncuts - 1];
                while (shared < a1 && (at[shared].kind == H_ADJ || at[shared].kind == H_COUNTRY))
                    shared++;
            }
            size_t prev = a0;
            for (size_t k = 0; k < ncuts; k++) {
                starts[nseg] = prev;
                ends[nseg++] = cuts[k];
                prev = cuts[k];
            }
            starts[nseg] = prev;
            ends[nseg++] = shared;
            int32_t first_idx = -1, prev_idx = -1;
            for (size_t g = 0; g < nseg; g++) {
                act_mention *m = &ms[nm];
                init_mention(m, s, segstart, ch->last, (int32_t)c);
                m->head = head;
                m->role = AM_MAIN;
                m->via = "dictionary";
                compose(d, m, at, starts[g], ends[g], s);
                compose(d, m, at, shared, a1, s);
                if (starts[g] < a1 && at[starts[g]].first < m->first) {
                    /* "Associated Press journalists" when the tagger cut the phrase */
                    m->first = at[starts[g]].first;
                    m->start = t[m->first].start;
                }
                if (nseg > 1) {
                    /* "Senior Hungarian" and "Romanian officials" */
                    m->first = g == 0 ? segstart : at[starts[g]].first;
                    m->start = t[m->first].start;
                    if (g + 1 < nseg) {
                        m->last = at[ends[g] - 1].last;
                        m->end = t[m->last].end;
                    }
                    m->plural = 1;
                }
                if (!m->country[0] && m->actor < 0 && have_poss && (poss.country[0] || poss.actor >= 0)) {
                    /* "Syria's defense ministry": country from the possessor */
                    memcpy(m->country, poss.country, 4);
                    if (poss.actor >= 0 && !m->country[0]) {
                        char code[32];
                        dict_actor_code(d, (uint32_t)poss.actor, DATE_NONE, code, sizeof code);
                        snprintf(m->country, 4, "%.3s", code);
                    }
                    /* "Bosnian Serbs ... their forces": the people stays */
                    for (size_t r = 0; poss.roles[r] && poss.roles[r + 1] && poss.roles[r + 2]; r += 3)
                        if (dict_role_kinds(d, poss.roles + r) & RK_PEOPLE) {
                            char one[4];
                            memcpy(one, poss.roles + r, 3);
                            one[3] = '\0';
                            add_roles(m->roles, one);
                        }
                    m->first = segstart > ch->first ? ch->first : m->first;
                    m->start = t[ch->first].start;
                    m->via = "possessor + agent";
                    have_poss = 0;  /* merged */
                }
                if (prev_idx >= 0)
                    ms[prev_idx].coord = (int32_t)nm;
                if (first_idx < 0)
                    first_idx = (int32_t)nm;
                prev_idx = (int32_t)nm;
                nm++;
            }
            if (have_poss) {
                ms[nm++] = poss;
                have_poss = 0;
            }
        } else {
            if (have_poss)
                ms[nm++] = poss;
            /* modifiers of a non-actor head: "a U.S. military operation" */
            act_mention m;
            init_mention(&m, s, segstart, ch->last, (int32_t)c);
            m.head = head;
            m.role = AM_MOD;
            m.via = "modifier";
            if (a1 > a0 && compose(d, &m, at, a0, a1, s) && (has_code(&m) || m.roles[0])) {
                ms[nm++] = m;
                /* remember the head for "the operation" later */
                memo *hm = VEC_PUSH(st->heads, st->nheads, st->capheads);
                if (hm) {
                    hm->m = m;
                    hm->m.role = AM_MAIN;
                    hm->sent = s->index;
                    hm->para = s->para;
                    snprintf(hm->headlemma, sizeof hm->headlemma, "%s", t[head].lemma);
                }
            } else if ((tok_is(&t[ch->first], "the") || tok_is(&t[ch->first], "this") ||
                                               tok_is(&t[ch->first], "these")) &&
                       (t[head].tag == TG_NOUN)) {
                /* definite description: "the operation", "the group" */
                const memo *hm = known_head(st, t[head].lemma);
                act_mention ante;
                int ok = 0;
                if (hm) {
                    ante = hm->m;
                    ok = 1;
                } else if (group_word(&t[head])) {
                    size_t lim = st->nring < RING ? st->nring : RING;
                    for (size_t k = 0; k < lim && !ok; k++) {
                        const memo *r = &st->ring[(st->nring - 1 - k) % RING];
                        if (r->m.kind == AK_ORG && r->m.role == AM_MAIN) {
                            ante = r->m;
                            ok = 1;
                        }
                    }
                }
                if (ok) {
                    act_mention *dm = &ms[nm++];
                    init_mention(dm, s, ch->first, ch->last, (int32_t)c);
                    dm->head = head;
                    dm->role = AM_MAIN;
                    dm->kind = AK_DEFINITE;
                    dm->actor = ante.actor;
                    memcpy(dm->country, ante.country, 4);
                    memcpy(dm->roles, ante.roles, 16);
                    dm->name = ante.name;
                    dm->human = ante.human;
                    dm->plural = ante.plural;
                    dm->resolved = 1;
                    dm->via = "definite description";
                } else if (both_phrase(t, ch->first, ch->last)) {
                    act_mention *dm = &ms[nm++];
                    init_mention(dm, s, ch->first, ch->last, (int32_t)c);
                    dm->role = AM_MAIN;
                    dm->kind = AK_BOTH;
                    dm->plural = 1;
                    dm->human = 1;
                    dm->via = "both sides";
                }
            } else if (both_phrase(t, ch->first, ch->last)) {
                act_mention *dm = &ms[nm++];
                init_mention(dm, s, ch->first, ch->last, (int32_t)c);
                dm->role = AM_MAIN;
                dm->kind = AK_BOTH;
                dm->plural = 1;
                dm->human = 1;
                dm->via = "both sides";
            }
        }
        ai = a1;
    }

    /* A capital stands for the government when it acts ("Moscow said",
     * "Moscow's intervention", "relations with Washington"), not when it is
     * a place ("in Algiers", "blockade Paris"). */
    for (size_t k = 0; k < nm; k++) {
        act_mention *m = &ms[k];
        if (!m->capital_head)
            continue;
        int32_t prep = m->chunk >= 0 ? s->chunks[m->chunk].prep : -1;
        int place = prep >= 0 && locative(m, s);
        int32_t nx = m->last + 1;
        /* (a place in a phrase, "in Algiers", is only the country; as an
         * object of force the events stage makes it the city's civilians) */
        int agent = m->role == AM_POSS || prep < 0 || !place;
        (void)nx;
        if (agent)
            add_roles(m->roles, "GOV");
    }
    /* Names: known from earlier appositions and titles. */
    for (size_t k = 0; k < nm; k++) {
        act_mention *m = &ms[k];
        if (m->kind != AK_NAME || m->actor >= 0 || m->country[0])
            continue;
        const namemem *nmm = known_name(st, text, t[m->first].start, t[m->last].end);
        if (nmm) {
            m->actor = nmm->m.actor;
            memcpy(m->country, nmm->m.country, 4);
            memcpy(m->roles, nmm->m.roles, 16);
            m->human = nmm->m.human;
            m->resolved = 1;
            m->via = "name seen earlier";
        }
    }
    /* Appositions: "Ahmed Ali, an SDF fighter," gives the name a code. */
    for (size_t k = 0; k + 1 < nm; k++) {
        act_mention *m = &ms[k], *n2 = &ms[k + 1];
        if (m->role != AM_MAIN || n2->role != AM_MAIN || n2->first != m->last + 2)
            continue;
        if (tok_is(&t[m->last + 1], "(") && (size_t)n2->last + 1 < s->ntok && tok_is(&t[n2->last + 1], ")")) {
            /* "The International Labor Office (ILO)": the acronym names it */
            if (!has_code(m) && m->actor < 0 && (m->kind == AK_NAME || m->kind == AK_ORG) && has_code(n2)) {
                memcpy(m->country, n2->country, 4);
                memcpy(m->roles, n2->roles, 16);
                m->actor = n2->actor;
                m->name = n2->name;
                m->kind = n2->kind;
                m->via = "acronym in parentheses";
                n2->role = AM_APPOS;
                n2->appos = (int32_t)k;
            }
            continue;
        }
        if (!tok_is(&t[m->last + 1], ","))
            continue;
        /* an apposition closes: "Ali, an SDF fighter, said"; not "With the
         * MOU on Cessation of Hostilities, the Sudanese government and ..." */
        int32_t after = n2->last + 1;
        while ((size_t)after < s->ntok && (t[after].chunk == CH_PP || (t[after].chunk == CH_NP &&
                                            s->chunks[t[after].chunk_id].prep >= 0)))
            after++;
        if ((size_t)after < s->ntok && !tok_is(&t[after], ",") && !tok_is(&t[after], ".") &&
            !tok_is(&t[after], ")") && !tok_is(&t[after], ";") && !tok_is(&t[after], "-") &&
            !(t[after].flags & TF_QUOTE))
            continue;
        /* "In Serbia, ethnic Albanians protested": a place, then the subject */
        if (m->chunk >= 0 && s->chunks[m->chunk].prep >= 0 && locative(m, s))
            continue;
        if (!(tok_is(&t[n2->first], "a") || tok_is(&t[n2->first], "an") || tok_is(&t[n2->first], "the") ||
              n2->kind == AK_AGENT))
            continue;
        if (m->kind == AK_NAME && !has_code(m) && has_code(n2)) {
            memcpy(m->country, n2->country, 4);
            memcpy(m->roles, n2->roles, 16);
            m->actor = n2->actor;
            m->via = "apposition";
            n2->role = AM_APPOS;
            n2->appos = (int32_t)k;
            learn_name(st, text, m, t);
        } else if (has_code(m) && (n2->kind == AK_AGENT || n2->kind == AK_NAME)) {
            n2->role = AM_APPOS;
            n2->appos = (int32_t)k;
        }
    }
    /* "Sierra Leonean and Liberian refugees": a bare adjective shares the
     * agent of the coordinated phrase that follows. */
    for (size_t k = 0; k + 1 < nm; k++) {
        act_mention *m = &ms[k], *n2 = &ms[k + 1];
        if (m->role != AM_MAIN || m->kind != AK_COUNTRY || m->roles[0] || m->actor >= 0 ||
            n2->role != AM_MAIN || n2->kind != AK_AGENT || !n2->roles[0] || n2->first != m->last + 2 ||
            !tok_is(&t[m->last + 1], "and"))
            continue;
        /* a country's name shares only with another country's adjective:
         * "U.S. and Russian negotiators" */
        if (m->name && !(n2->country[0] && strcmp(n2->country, m->country) && (t[n2->first].flags & TF_CAP) &&
                         (m->chunk < 0 || s->chunks[m->chunk].prep < 0)))
            continue;
        memcpy(m->roles, n2->roles, 16);
        m->kind = AK_AGENT;
        m->plural = n2->plural;
        m->human = n2->human;
        m->coord = (int32_t)(k + 1);
        m->via = "adjective sharing the agent of its conjunct";
    }
    /* Titles with unknown names: "Gambian President Dawda Jawara". */
    for (size_t k = 0; k < nm; k++) {
        act_mention *m = &ms[k];
        if (m->kind == AK_AGENT && m->human && !m->plural && has_code(m) &&
            t[m->head].tag == TG_PROPN) {
            /* the head is a proper name after a title: learn it */
            int32_t nf = m->head;
            while (nf > m->first && t[nf - 1].tag == TG_PROPN && (t[nf - 1].flags & TF_CAP))
                nf--;
            act_mention nmn = *m;
            nmn.first = nf;
            nmn.start = t[nf].start;
            learn_name(st, text, &nmn, t);
        }
    }
    /* Agents with no country: from a following "in/of/from <country>"
     * phrase, else the document's focus country. */
    for (size_t k = 0; k < nm; k++) {
        act_mention *m = &ms[k];
        if ((m->role != AM_MAIN && m->role != AM_MOD) || m->actor >= 0 || m->country[0] || m->kind != AK_AGENT)
            continue;
        int domestic = domestic_roles(m->roles);
        /* "these fighters", "the rebels": an earlier mention with the same head */
        const token *det = &t[m->first];
        if (m->role == AM_MAIN && (tok_is(det, "the") || tok_is(det, "these") || tok_is(det, "this") ||
                                   tok_is(det, "those"))) {
            size_t lim = st->nring < RING ? st->nring : RING;
            const memo *hit = NULL;
            for (size_t q = 0; q < lim && !hit; q++) {
                const memo *r = &st->ring[(st->nring - 1 - q) % RING];
                if (r->para + 2 < s->para)
                    break;
                if (!strcmp(r->headlemma, t[m->head].lemma) && (r->m.actor >= 0 || r->m.country[0]))
                    hit = r;
            }
            if (hit) {
                m->actor = hit->m.actor;
                memcpy(m->country, hit->m.country, 4);
                add_roles(m->roles, hit->m.roles);
                m->name = hit->m.name;
                m->kind = AK_DEFINITE;
                m->resolved = 1;
                m->via = "definite description";
                continue;
            }
        }
        for (size_t j = k + 1; j < nm && j < k + 3; j++) {
            const act_mention *n2 = &ms[j];
            if (n2->chunk < 0 || s->chunks[n2->chunk].prep < 0)
                continue;
            const token *p = &t[s->chunks[n2->chunk].prep];
            if (s->chunks[n2->chunk].prep != m->last + 1)
                continue;
            if (domestic && (tok_is(p, "in") || tok_is(p, "of") || tok_is(p, "from")) && n2->country[0] &&
                (n2->kind == AK_COUNTRY || n2->kind == AK_CAPITAL)) {
                memcpy(m->country, n2->country, 4);
                m->via = "agent + country of the phrase that follows";
                m->from_place = 1;
            }
        }
        /* "President Bush" when the dictionary lacks him: a name, whose
         * country the report's focus does not tell */
        int titled_name = t[m->head].tag == TG_PROPN && !(t[m->head].cand & LEX_N);
        if (!m->country[0] && t[m->head].tag == TG_PROPN && (t[m->head].flags & TF_CAP) && m->head > m->first) {
            /* "President Bush" before or after the dictionary's dates: the
             * country of the one known person of that surname */
            const dict_actor *p = dict_surname(d, t[m->head].fold, t[m->head].flen);
            if (p && dict_is_country(d, d->periods[p->period0].code)) {
                memcpy(m->country, d->periods[p->period0].code, 3);
                m->country[3] = '\0';
                m->via = "title + surname of a known person";
            }
        }
        if (!m->country[0] && domestic && titled_name) {
            /* only a place named in the report tells where a titled
             * stranger is from ("President X ... in Algiers") */
            const char *pc = NULL;
            for (size_t j = 0; j < nm && !pc; j++)
                if ((ms[j].kind == AK_COUNTRY || ms[j].kind == AK_CAPITAL) && ms[j].country[0] && locative(&ms[j], s))
                    pc = ms[j].country;
            if (!pc)
                pc = place_focus(st);
            if (pc) {
                memcpy(m->country, pc, 4);
                m->inferred = 1;
                m->via = "title + country where the report happens";
            }
        }
        if (!m->country[0] && domestic && !titled_name) {
            const char *fc = focus_country(st);
            if (!fc) {
                for (size_t j = 0; j < nm; j++)
                    if (ms[j].country[0] && !ms[j].inferred &&
                        (ms[j].kind == AK_COUNTRY || ms[j].kind == AK_CAPITAL || ms[j].role == AM_MOD ||
                         ms[j].role == AM_MAIN || ms[j].role == AM_POSS)) {
                        fc = ms[j].country;
                        break;
                    }
            }
            if (fc) {
                memcpy(m->country, fc, 4);
                m->inferred = 1;
                m->via = "agent + country of the document";
            }
        }
    }
    /* Pronouns, now that every mention of the sentence has its country. */
    for (size_t k = 0; k < nm; k++) {
        act_mention *m = &ms[k];
        act_mention ante;
        if (m->kind != AK_PRONOUN || !m->want || m->resolved)
            continue;
        if (resolve(st, ms, nm, s, m->first, (want)(m->want - 1), m->bindable, &ante)) {
            m->actor = ante.actor;
            memcpy(m->country, ante.country, 4);
            memcpy(m->roles, ante.roles, 16);
            m->name = ante.name;
            m->plural = ante.plural;
            m->human = ante.human;
            m->resolved = 1;
            m->inferred = ante.inferred;
        }
    }
    /* Remember this sentence's mentions. */
    for (size_t k = 0; k < nm; k++)
        if (ms[k].role == AM_MAIN || ms[k].role == AM_POSS)
            remember(st, &ms[k], s, t[ms[k].head].lemma);
    out->m = ms;
    out->n = nm;
    return 0;
}

int actors_at(const act_sentence *as, int32_t tok)
{
    int best = -1;
    for (size_t k = 0; k < as->n; k++) {
        const act_mention *m = &as->m[k];
        if (tok < m->first || tok > m->last)
            continue;
        if (m->role == AM_MAIN)
            return (int)k;
        if (best < 0)
            best = (int)k;
    }
    return best;
}

/* Put the parts after the head in canonical order: organisation groups,
 * then sectors, then peoples ("IRQ" + KUR + CVL -> IRQCVLKUR, as CAMEO
 * writes Iraqi Kurdish civilians).  A people with no sector is a community
 * of civilians: "Iraqi Kurds" are IRQCVLKUR.  Returns where the sector part
 * (sectors and peoples) starts. */
static size_t canonical_roles(const actor_dict *d, const act_mention *m, char *code, size_t codesz)
{
    size_t n = strlen(code);
    char parts[3][32] = {"", "", ""};
    for (size_t i = 3; i + 3 <= n; i += 3) {
        int k = dict_role_kinds(d, code + i);
        int slot = (k & RK_SECTOR) ? 1 : (k & RK_PEOPLE) ? 2 : 0;
        size_t l = strlen(parts[slot]);
        if (l + 3 < sizeof parts[slot]) {
            memcpy(parts[slot] + l, code + i, 3);
            parts[slot][l + 3] = '\0';
        }
    }
    if (!parts[1][0] && parts[2][0] && m->human)
        memcpy(parts[1], "CVL", 4);
    /* "civilian refugees": refugees are civilians; the specific sector is enough */
    if (strlen(parts[1]) > 3 && strstr(parts[1], "REF")) {
        char *cv = NULL;
        for (size_t i = 0; parts[1][i]; i += 3)
            if (!strncmp(parts[1] + i, "CVL", 3))
                cv = parts[1] + i;
        if (cv)
            memmove(cv, cv + 3, strlen(cv + 3) + 1);
    }
    snprintf(code + 3, codesz - 3, "%s%s%s", parts[0], parts[1], parts[2]);
    return 3 + strlen(parts[0]);
}

size_t actors_code(const actor_dict *d, const act_mention *m, int32_t day,
                   char *out, size_t outsz, char country[4], char sector[16])
{
    char code[32] = "";
    country[0] = sector[0] = '\0';
    if (m->actor >= 0) {
        int covered = dict_actor_code(d, (uint32_t)m->actor, day, code, sizeof code);
        /* An organisation takes the agent's roles ("UN peacekeepers" ->
         * IGOUNOMIL); a person's own dated code is specific enough. */
        if (d->actors[m->actor].kind == AE_ORG || !covered) {
            char r[16] = "";
            add_roles(r, code + (strlen(code) >= 3 ? 3 : strlen(code)));
            add_roles(r, m->roles);
            snprintf(code + 3, sizeof code - 3, "%s", r);
        }
    } else if (m->country[0]) {
        snprintf(code, sizeof code, "%s%s", m->country, m->roles);
    } else {
        out[0] = '\0';
        return 0;
    }
    size_t sec = canonical_roles(d, m, code, sizeof code);
    snprintf(out, outsz, "%s", code);
    size_t n = strlen(out);
    if (n >= 3)
        snprintf(country, 4, "%.3s", out);
    /* the sector: what follows the head and its organisation groups,
     * "MIL" of IGOUNOMIL, "CVLKUR" of IRQCVLKUR */
    if (sec < n)
        snprintf(sector, 16, "%s", out + sec);
    return n;
}
