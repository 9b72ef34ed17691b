/* events.c -- event mentions from a chunked, actor-tagged sentence.
 *
 * For each sentence:
 *  1. match triggers at verbs and nouns (longest pattern first);
 *  2. give each trigger its predicate context: the verb group of a verb;
 *     for a noun, the verb that governs it (a light verb such as "launch"
 *     or "establish" passes on its subject, tense and modality);
 *  3. find source and target by the entry's frame and the clause: subject,
 *     object, passive "by", prepositional phrases, possessives, "between A
 *     and B", and a nearby actor when the frame found none;
 *  4. read modality from the verb chain (not, will, scheduled to, may) and
 *     attribution from reporting verbs ("X said", "according to X");
 *  5. let one predicate keep one event: a trigger in the complement of
 *     another ("refused to withdraw", "threatened to launch an offensive")
 *     is folded into it, and expressed intentions become AGREE or THREATEN
 *     as CAMEO codes them (03 express intent to cooperate; 13 threaten).
 */
#include "events.h"
#include "../util/date.h"
#include "../util/vec.h"

#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---------------------------------------------------- */

typedef struct ctx {
    const ev_dict *d;
    ev_state *st;
    const char *text;
    const sentence *s;
    const act_sentence *as;
    const token *t;
    size_t n;
} ctx;

static int chunk_of(const ctx *c, int32_t tok)
{
    if (tok < 0 || (size_t)tok >= c->n)
        return -1;
    return c->t[tok].chunk_id;
}

static const chunk *CH(const ctx *c, int i)
{
    return &c->s->chunks[i];
}

static int is_punct(const token *t, const char *p)
{
    return t->tag == TG_PUNCT && tok_is(t, p);
}

/* Tokens that end a clause for argument search. */
static int hard_boundary(const token *t)
{
    if (t->tag == TG_SCONJ || t->tag == TG_WH)
        return 1;
    if (t->tag == TG_PUNCT)
        return tok_is(t, ";") || tok_is(t, ":") || tok_is(t, "(") || tok_is(t, ")") ||
               (t->flags & TF_QUOTE) || tok_is(t, "--");
    return 0;
}

static unsigned cue(const ctx *c, int32_t tok)
{
    return ev_cue(c->d, c->t[tok].lemma);
}

static int has_code(const act_mention *m)
{
    return m->actor >= 0 || m->country[0] || m->kind == AK_BOTH;
}

static int mention_role(const ctx *c, int ch, int role)
{
    for (size_t k = 0; k < c->as->n; k++)
        if (c->as->m[k].chunk == ch && c->as->m[k].role == role)
            return (int)k;
    return -1;
}

/* The mention that stands for NP chunk ch: its main actor, else (when
 * allow_poss) its possessor or modifier. */
static int mention_for_np(const ctx *c, int ch, int allow_poss)
{
    int poss = -1, mod = -1, codeless = -1;
    for (size_t k = 0; k < c->as->n; k++) {
        const act_mention *m = &c->as->m[k];
        if (m->chunk != ch)
            continue;
        if (m->role == AM_MAIN && !has_code(m) && codeless < 0) {
            codeless = (int)k;  /* "Shona rebels" unresolved: a modifier may do better */
            continue;
        }
        if (m->role == AM_MAIN)
            return (int)k;
        if (m->role == AM_POSS && poss < 0)
            poss = (int)k;
        if (m->role == AM_MOD && mod < 0 && !m->inferred)
            mod = (int)k;
    }
    if (!allow_poss)
        return codeless;
    /* "his Russian counterpart": the modifier names the actor better than
     * a possessive pronoun */
    if (poss >= 0 && mod >= 0 && c->as->m[poss].kind == AK_PRONOUN)
        return mod;
    if (poss >= 0 || mod >= 0)
        return poss >= 0 ? poss : mod;
    return codeless;
}

/* "Thousands of people", "a group of Moroccan diplomats": the actor is in
 * the of-phrase after a quantity. */
static int mention_for_subject_via(const ctx *c, int ch, int via_for);

static int mention_for_subject(const ctx *c, int ch)
{
    return mention_for_subject_via(c, ch, 0);
}

/* via_for: "a camp for Congolese refugees was attacked": the people the
 * place is for are the target */
static int mention_for_subject_via(const ctx *c, int ch, int via_for)
{
    for (int hop = 0; hop < 3 && ch >= 0; hop++) {
        int m = mention_for_np(c, ch, 0);
        if (m >= 0)
            return m;
        /* "The Turkish and Greek sides": an actor modifier of the subject */
        m = mention_role(c, ch, AM_MOD);
        if (m >= 0 && !c->as->m[m].inferred)
            return m;
        const chunk *x = CH(c, ch);
        int32_t nx = x->last + 1;
        if ((size_t)nx < c->n && (tok_is(&c->t[nx], "of") || (via_for && tok_is(&c->t[nx], "for"))) &&
            c->t[nx].chunk == CH_PP)
            ch = c->t[nx].chunk_id;
        else
            break;
    }
    return -1;
}



/* Does NP chunk ch carry an actor with a code (main, or modifier)? */
static int np_has_code(const ctx *c, int ch)
{
    for (size_t k = 0; k < c->as->n; k++) {
        const act_mention *m = &c->as->m[k];
        if (m->chunk == ch && (m->role == AM_MAIN || m->role == AM_MOD) && has_code(m) && !m->inferred)
            return 1;
        if (m->chunk == ch && m->role == AM_MAIN && has_code(m))
            return 1;
    }
    return 0;
}

/* The second conjunct of an NP ("the SDF and Syrian government forces"):
 * the next NP chunk after "and", or a coordinated mention. */
static int coord_partner(const ctx *c, int ch)
{
    const chunk *x = CH(c, ch);
    int32_t nx = x->last + 1;
    if ((size_t)nx + 1 < c->n && c->t[nx].tag == TG_CONJ && (tok_is(&c->t[nx], "and") || tok_is(&c->t[nx], "or"))) {
        int ch2 = chunk_of(c, nx + 1);
        if (ch2 >= 0 && CH(c, ch2)->kind == CH_NP && CH(c, ch2)->prep < 0)
            return ch2;
    }
    return -1;
}

/* ---- subjects and objects --------------------------------------------- */

static int prev_vg(const ctx *c, int vgc)
{
    for (int k = vgc - 1; k >= 0; k--) {
        const chunk *x = CH(c, k);
        if (x->kind == CH_VG)
            return k;
        /* do not cross a hard boundary */
        for (int32_t tk = x->last + 1; tk < CH(c, k + 1)->first; tk++)
            if (c->t[tk].tag == TG_SCONJ && !tok_is(&c->t[tk], "that"))
                return -1;
    }
    return -1;
}

static int subject_np(const ctx *c, int vgc, const char **rule, int depth);
static int clause_status(const ctx *c, int32_t head);
static int np_has_code(const ctx *c, int ch);

/* Is the segment (a, b) a parenthetical: an apposition, a relative clause
 * or a participial phrase between commas? */
static int parenthetical(const ctx *c, int32_t a, int32_t b)
{
    for (int32_t i = a + 1; i < b; i++) {
        if (c->t[i].tag == TG_WH)
            return 1;
    }
    if (b - a <= 1)
        return 0;
    const token *f = &c->t[a + 1];
    if (f->tag == TG_DET || f->tag == TG_PRPS || (f->tag == TG_VERB && (f->vform == VF_PART || f->vform == VF_GER)) ||
        f->tag == TG_ADV || f->tag == TG_PREP || f->tag == TG_ADJ)
        return 1;
    /* a bare NP: "Ahmed Ali, an SDF fighter, said" handled above; "X, 45," */
    int ch = chunk_of(c, a + 1);
    if (ch >= 0 && CH(c, ch)->kind == CH_NP && CH(c, ch)->last == b - 1)
        return 1;
    return 0;
}

static int subject_np(const ctx *c, int vgc, const char **rule, int depth)
{
    if (depth > 6)
        return -1;
    const chunk *vg = CH(c, vgc);
    /* Infinitive or catenative -ing: the controller. */
    if (vg->infinitive || (vg->participle && c->t[vg->head].vform == VF_GER && vg->first > 0 &&
                           chunk_of(c, vg->first - 1) >= 0 && CH(c, chunk_of(c, vg->first - 1))->kind == CH_VG)) {
        int gov = prev_vg(c, vgc);
        if (gov >= 0) {
            /* object control: "urged the EC to support" */
            int between = -1;
            for (int k = gov + 1; k < vgc; k++)
                if (CH(c, k)->kind == CH_NP && CH(c, k)->prep < 0)
                    between = k;
            /* (an object with no actor, "sent 21 personnel to investigate",
             * leaves the governing subject as the doer) */
            if (between >= 0 && vg->infinitive && !(cue(c, CH(c, gov)->head) & (GC_PLAN | GC_CHAIN)) &&
                np_has_code(c, between)) {
                *rule = "object of the governing verb";
                return between;
            }
            *rule = "subject of the governing verb";
            return subject_np(c, gov, rule, depth + 1);
        }
    }
    /* A bare participle right after a noun: reduced relative. */
    if (vg->participle && vg->first > 0) {
        int32_t p = vg->first - 1;
        if (is_punct(&c->t[p], ",") && p > 0)
            p--;
        int ch = chunk_of(c, p);
        if (ch >= 0 && CH(c, ch)->kind == CH_NP && CH(c, ch)->last == p) {
            /* "issued a declaration demanding that": the declaration is the
             * object of a verb whose subject is the doer */
            if (!np_has_code(c, ch) && CH(c, ch)->prep < 0 && CH(c, ch)->first > 0 &&
                c->t[CH(c, ch)->first - 1].chunk == CH_VG) {
                *rule = "subject of the verb whose object the participle modifies";
                return subject_np(c, c->t[CH(c, ch)->first - 1].chunk_id, rule, depth + 1);
            }
            *rule = "noun the participle modifies";
            return ch;
        }
        /* "Following X, ..." and other participles opening the sentence: none */
    }
    int32_t p = vg->first - 1;
    while (p >= 0) {
        const token *t = &c->t[p];
        int ch = t->chunk_id;
        if (ch >= 0 && CH(c, ch)->kind == CH_NP && t->chunk == CH_NP) {
            if (CH(c, ch)->prep >= 0) {
                /* a PP modifying the subject: skip it */
                p = CH(c, ch)->prep - 1;
                continue;
            }
            /* "the SDF and X forces": prefer the first conjunct */
            int32_t f = CH(c, ch)->first;
            if (f >= 2 && c->t[f - 1].tag == TG_CONJ) {
                int ch0 = chunk_of(c, f - 2);
                if (ch0 >= 0 && CH(c, ch0)->kind == CH_NP && CH(c, ch0)->prep < 0) {
                    *rule = "subject (first conjunct)";
                    return ch0;
                }
            }
            *rule = "subject";
            return ch;
        }
        if (t->tag == TG_WH) {
            /* relative clause: the antecedent is the NP before the pronoun */
            int32_t q = p - 1;
            if (q >= 0 && is_punct(&c->t[q], ","))
                q--;
            int ch2 = chunk_of(c, q);
            if (ch2 >= 0 && CH(c, ch2)->kind == CH_NP) {
                /* the antecedent of "who/which" may itself be a PP object
                 * ("a base adjacent to X, which ..."): accept it */
                *rule = "antecedent of the relative pronoun";
                return ch2;
            }
            return -1;
        }
        if (is_punct(t, ",")) {
            /* jump over a parenthetical between commas */
            int32_t q = p - 1;
            while (q >= 0 && !is_punct(&c->t[q], ",") && !hard_boundary(&c->t[q]) && p - q < 20)
                q--;
            if (q >= 0 && is_punct(&c->t[q], ",") && parenthetical(c, q, p)) {
                p = q - 1;
                continue;
            }
            /* "After X, Y did": the subject is not before the comma */
            return -1;
        }
        if (t->tag == TG_CONJ) {
            /* coordinated verbs share the subject: "did not attempt ... and
             * instead granted asylum", "opened its borders ... but was still
             * refusing": the previous finite verb at the same clause level */
            int pv = prev_vg(c, vgc);
            if (pv < 0 || !CH(c, pv)->finite) {
                int level = clause_status(c, vg->head);
                for (int k = vgc - 1; k >= 0; k--)
                    if (CH(c, k)->kind == CH_VG && CH(c, k)->finite && clause_status(c, CH(c, k)->head) == level) {
                        pv = k;
                        break;
                    }
            }
            int32_t q = p - 1;
            while (q >= 0 && c->t[q].tag == TG_ADV)
                q--;
            int chq = chunk_of(c, q);
            if (pv >= 0 && (chq < 0 || CH(c, chq)->kind != CH_NP || CH(c, chq)->prep >= 0 ||
                            (vg->finite && !(chq >= 0 && CH(c, chq)->kind == CH_NP && c->t[q].tag == TG_PRON)))) {
                *rule = "subject of the coordinated verb";
                return subject_np(c, pv, rule, depth + 1);
            }
            p--;
            continue;
        }
        if (is_punct(t, ")")) {
            /* "The International Labor Office (ILO) reiterated": skip the brackets */
            int32_t q = p - 1;
            while (q >= 0 && !is_punct(&c->t[q], "(") && p - q < 20)
                q--;
            if (q >= 0 && is_punct(&c->t[q], "(")) {
                p = q - 1;
                continue;
            }
            return -1;
        }
        if (t->tag == TG_ADV || t->tag == TG_NEG || t->tag == TG_AUX || t->tag == TG_MODAL ||
            t->tag == TG_PREP || (t->tag == TG_PUNCT && !hard_boundary(t) && !is_punct(t, ",")))
        {
            p--;
            continue;
        }
        if (t->tag == TG_SCONJ && tok_is(t, "that") && depth == 0) {
            return -1;
        }
        /* "workers affiliated with the union stopped work": a reduced
         * relative between the subject and its verb */
        if (t->chunk == CH_VG && ch >= 0 && CH(c, ch)->first > 0 && c->t[CH(c, ch)->first - 1].chunk == CH_NP &&
            ((CH(c, ch)->participle && !CH(c, ch)->finite) ||
             (CH(c, ch)->first == CH(c, ch)->last && (t->vform == VF_PAST || t->vform == VF_PART) &&
              (size_t)p + 1 < c->n && c->t[p + 1].tag == TG_PREP))) {
            p = CH(c, ch)->first - 1;
            continue;
        }
        return -1;
    }
    return -1;
}

/* Does a mention of this sentence contain a word beginning with prefix? */
static int mention_has_word(const ctx *c, const act_mention *m, const char *prefix)
{
    size_t pl = strlen(prefix);
    for (int32_t k = m->first; k <= m->last && k >= 0 && (size_t)k < c->n; k++)
        if (c->t[k].flen >= pl && !strncmp(c->t[k].fold, prefix, pl))
            return 1;
    return 0;
}

/* Nouns that measure another: "ten days of", "a new round of", "a wave of". */
static int measure_noun(const token *t)
{
    static const char *const w[] = {"day", "week", "month", "hour", "year", "round", "series", "wave",
                                    "spate", "string", "set", "number", "couple", "flurry", "burst",
                                    "cycle", "phase", "session", "volley", "barrage", NULL};
    for (const char *const *q = w; *q; q++)
        if (t->lemma && !strcmp(t->lemma, *q))
            return 1;
    return 0;
}

static int time_noun(const token *t)
{
    static const char *const w[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                    "sunday", "today", "yesterday", "tomorrow", "tonight", NULL};
    for (const char *const *q = w; *q; q++)
        if (tok_is(t, *q))
            return 1;
    return 0;
}

/* The direct object NP after a verb group, or -1; *second gets a second
 * bare NP right after it (ditransitives). */
static int object_np(const ctx *c, int vgc, int *second)
{
    const chunk *vg = CH(c, vgc);
    *second = -1;
    int32_t p = vg->last + 1;
    while ((size_t)p < c->n && (c->t[p].tag == TG_ADV || (c->t[p].tag == TG_PREP && c->t[p].chunk != CH_PP &&
                                                         (tok_is(&c->t[p], "out") || tok_is(&c->t[p], "up") ||
                                                          tok_is(&c->t[p], "off") || tok_is(&c->t[p], "down") ||
                                                          tok_is(&c->t[p], "back")))))
        p++;
    if ((size_t)p >= c->n)
        return -1;
    int ch = chunk_of(c, p);
    /* "rejected Thursday a UN appeal": a bare time word is not the object */
    if (ch >= 0 && CH(c, ch)->kind == CH_NP && CH(c, ch)->first == CH(c, ch)->last && time_noun(&c->t[p]) &&
        (size_t)CH(c, ch)->last + 1 < c->n) {
        p = CH(c, ch)->last + 1;
        ch = chunk_of(c, p);
    }
    if (ch < 0 || CH(c, ch)->kind != CH_NP || CH(c, ch)->prep >= 0 || c->t[p].chunk != CH_NP)
        return -1;
    int32_t q = CH(c, ch)->last + 1;
    if ((size_t)q < c->n) {
        int ch2 = chunk_of(c, q);
        if (ch2 >= 0 && CH(c, ch2)->kind == CH_NP && CH(c, ch2)->prep < 0 && c->t[q].chunk == CH_NP)
            *second = ch2;
    }
    return ch;
}

/* First NP introduced by one of preps, searching right from tok within the
 * clause, whose chunk carries an actor.  Returns the chunk or -1. */
static int pp_actor(const ctx *c, int32_t from, const char *const *preps, int npreps, int32_t *prep_tok)
{
    int finite_seen = 0;
    for (int32_t p = from; (size_t)p < c->n; p++) {
        const token *t = &c->t[p];
        if (t->tag == TG_SCONJ || t->tag == TG_WH || is_punct(t, ";"))
            return -1;
        if (t->chunk == CH_VG && c->s->chunks[t->chunk_id].finite && p > from + 1) {
            if (finite_seen++)
                return -1;
        }
        if (t->chunk != CH_PP)
            continue;
        for (int k = 0; k < npreps; k++) {
            if (!tok_is(t, preps[k]))
                continue;
            int ch = t->chunk_id;
            if (mention_for_np(c, ch, 1) >= 0) {
                if (prep_tok)
                    *prep_tok = p;
                return ch;
            }
        }
    }
    return -1;
}

/* ---- trigger matching ------------------------------------------------- */

static int word_matches(const trig_word *w, const token *t)
{
    for (int a = 0; a < w->nalt; a++)
        if (tok_is(t, w->alt[a]) || (t->lemma && lemma_is(t, w->alt[a])))
            return 1;
    return 0;
}

static int gap_ok(const token *t)
{
    if (t->tag == TG_PREP && !tok_is(t, "to"))
        return 1;   /* "shortened by one hour the curfew" */
    /* inside a noun phrase: "granted political asylum", "gave the Ivory
     * Coast 5.1 million dollars of aid", "photographs and other intelligence" */
    return t->tag == TG_DET || t->tag == TG_PRPS || t->tag == TG_ADJ || t->tag == TG_NOUN ||
           t->tag == TG_PROPN || t->tag == TG_NUM || t->tag == TG_ADV || t->tag == TG_POS ||
           (t->tag == TG_PUNCT && tok_is(t, "-")) || (t->tag == TG_VERB && t->vform == VF_PART) ||
           (t->tag == TG_PREP && tok_is(t, "of")) || (t->tag == TG_CONJ && (tok_is(t, "and") || tok_is(t, "or")));
}

/* Verb particles may stand after the object: "pulled its forces out". */
static int particle_word(const trig_word *w)
{
    static const char *const p[] = {"out", "back", "off", "away", "up", "down", "over", "in", NULL};
    for (int a = 0; a < w->nalt; a++)
        for (const char *const *q = p; *q; q++)
            if (!strcmp(w->alt[a], *q))
                return 1;
    return 0;
}

static int skip_hyphen(const token *t, int32_t i, int dir, size_t n)
{
    while (i >= 0 && (size_t)i < n && t[i].tag == TG_PUNCT && tok_is(&t[i], "-"))
        i += dir;
    return i;
}

/* Match entry e with its head at token h; on success fill the covered
 * token range and return 1. */
static int match_entry(const ctx *c, const trig_entry *e, int32_t h, int32_t *first, int32_t *last, uint8_t *used)
{
    const token *t = c->t;
    int32_t lo = h, hi = h;
    /* words before the head, right to left */
    int32_t p = h;
    for (int k = e->headi - 1; k >= 0; k--) {
        int gap = e->w[k + 1].gap;
        p = skip_hyphen(t, p - 1, -1, c->n);
        int found = 0;
        for (int g = 0; p >= 0 && g <= (gap ? 7 : 0); g++, p--) {
            if (used[p])
                break;
            if (word_matches(&e->w[k], &t[p])) {
                found = 1;
                break;
            }
            if (!gap || !gap_ok(&t[p]))
                break;
        }
        if (!found)
            return 0;
        lo = p;
    }
    p = h;
    for (int k = e->headi + 1; k < e->nw; k++) {
        int gap = e->w[k].gap || (k == e->headi + 1 && e->w[e->headi].pos == 'v' && particle_word(&e->w[k]));
        p = skip_hyphen(t, p + 1, 1, c->n);
        int found = 0;
        for (int g = 0; (size_t)p < c->n && g <= (gap ? 7 : 0); g++, p++) {
            if (used[p])
                break;
            if (word_matches(&e->w[k], &t[p])) {
                found = 1;
                break;
            }
            if (!gap || !gap_ok(&t[p]))
                break;
        }
        if (!found)
            return 0;
        hi = p;
    }
    *first = lo;
    *last = hi;
    return 1;
}

static const trig_entry *find_trigger(const ctx *c, int32_t h, int32_t *first, int32_t *last, uint8_t *used)
{
    const token *t = &c->t[h];
    char pos;
    if (t->tag == TG_VERB)
        pos = 'v';
    else if (t->tag == TG_NOUN || t->tag == TG_PROPN ||
             (t->tag == TG_ADJ && (t->cand & LEX_N)))
        pos = 'n';
    else
        return NULL;
    const char *forms[2] = {t->lemma, t->fold};
    for (int f = 0; f < 2; f++) {
        if (f == 1 && !strcmp(forms[0], forms[1]))
            break;
        char key[160];
        int kl = snprintf(key, sizeof key, "%s/%c", forms[f], pos);
        if (kl <= 0 || (size_t)kl >= sizeof key)
            continue;
        const uint32_t *v = strmap_get(&c->d->heads, key, (size_t)kl);
        for (uint32_t i = v ? *v : UINT32_MAX; i != UINT32_MAX; i = c->d->e[i].next) {
            const trig_entry *e = &c->d->e[i];
            if (match_entry(c, e, h, first, last, used))
                return e;
        }
    }
    return NULL;
}

/* ---- modality and attribution ----------------------------------------- */

typedef struct report {
    int vg;                 /* the reporting verb group */
    int32_t scope_first, scope_last;
    int subj;               /* its subject NP chunk, -1 */
} report;

static int find_reports(const ctx *c, report *r, int max)
{
    int n = 0;
    for (size_t k = 0; k < c->s->nchunks && n < max; k++) {
        const chunk *x = CH(c, (int)k);
        if (x->kind != CH_VG || !(cue(c, x->head) & GC_REPORT))
            continue;
        if (x->infinitive)
            continue;
        const char *rule;
        int subj = subject_np(c, (int)k, &rule, 0);
        int32_t after = x->last + 1;
        /* "said on Friday they would": skip adverbials */
        while ((size_t)after < c->n && (c->t[after].tag == TG_ADV || c->t[after].chunk == CH_PP ||
                                        (c->t[after].chunk == CH_NP && c->t[after].chunk_id >= 0 &&
                                         CH(c, c->t[after].chunk_id)->prep >= 0)))
            after++;
        /* "told reporters that": skip an indirect object */
        int ch = chunk_of(c, after);
        if (ch >= 0 && CH(c, ch)->kind == CH_NP && CH(c, ch)->prep < 0 && (size_t)CH(c, ch)->last + 1 < c->n &&
            tok_is(&c->t[CH(c, ch)->last + 1], "that"))
            after = CH(c, ch)->last + 1;
        report *rp = &r[n];
        rp->vg = (int)k;
        rp->subj = subj;
        int clause_after = 0;
        if ((size_t)after < c->n && tok_is(&c->t[after], "that")) {
            clause_after = 1;
        } else if ((size_t)after < c->n && c->t[after].chunk == CH_NP && c->t[after].tag != TG_PREP) {
            /* "said the army had withdrawn": an NP with its own verb; an NP
             * object alone ("announced a suspension", "said the spokesman")
             * is not a reported clause */
            int chn = chunk_of(c, after);
            for (int32_t q = CH(c, chn)->last + 1; (size_t)q < c->n && q < CH(c, chn)->last + 4; q++)
                if (c->t[q].chunk == CH_VG)
                    clause_after = 1;
        }
        if (clause_after) {
            /* "X said (that) CLAUSE" */
            rp->scope_first = after;
            rp->scope_last = (int32_t)c->n - 1;
            n++;
        } else if (x->first > 0) {
            /* "CLAUSE, X said." or "CLAUSE, said X.": the comma before the
             * speaker, who may be a long phrase ("a statement issued by the
             * ministry of finance said") */
            int32_t q = x->first - 1;
            if (subj >= 0 && CH(c, subj)->first < x->first)
                q = CH(c, subj)->first - 1;
            while (q >= 0 && (c->t[q].tag == TG_ADV))
                q--;
            if (q >= 0 && !is_punct(&c->t[q], ",") && !(c->t[q].flags & TF_QUOTE)) {
                int32_t r = q;
                while (r >= 0 && x->first - r < 16 && !is_punct(&c->t[r], ",") && !(c->t[r].flags & TF_QUOTE) &&
                       !(c->t[r].chunk == CH_VG && CH(c, c->t[r].chunk_id)->finite))
                    r--;
                if (r >= 0 && (is_punct(&c->t[r], ",") || (c->t[r].flags & TF_QUOTE)) && r > 2)
                    q = r;
            }
            if (q >= 0 && (is_punct(&c->t[q], ",") || (c->t[q].flags & TF_QUOTE))) {
                rp->scope_first = 0;
                rp->scope_last = q;
                if (subj < 0 || CH(c, subj)->first > x->last) {
                    int ch2 = chunk_of(c, x->last + 1);
                    if (ch2 >= 0 && CH(c, ch2)->kind == CH_NP)
                        rp->subj = ch2;     /* inverted: "said the spokesman" */
                    else if (q + 1 < x->first && chunk_of(c, q + 1) >= 0 &&
                             CH(c, chunk_of(c, q + 1))->kind == CH_NP)
                        rp->subj = chunk_of(c, q + 1);  /* "a statement issued by ... said" */
                }
                n++;
            }
        }
    }
    /* "according to X" */
    for (size_t i = 0; i + 2 < c->n && n < max; i++) {
        if (tok_is(&c->t[i], "according") && tok_is(&c->t[i + 1], "to")) {
            int ch = chunk_of(c, (int32_t)i + 2);
            if (ch >= 0 && CH(c, ch)->kind == CH_NP) {
                r[n].vg = -1;
                r[n].subj = ch;
                r[n].scope_first = 0;
                r[n].scope_last = (int32_t)c->n - 1;
                n++;
            }
        }
    }
    return n;
}

/* The chain of verb groups governing vgc: itself, then each group whose
 * complement it is (to-infinitive, -ing after a verb). */
static int vg_chain(const ctx *c, int vgc, int *out, int max)
{
    int n = 0;
    int cur = vgc;
    while (cur >= 0 && n < max) {
        out[n++] = cur;
        const chunk *x = CH(c, cur);
        int is_comp = x->infinitive || (x->participle && c->t[x->head].vform == VF_GER);
        if (!is_comp)
            break;
        int gov = prev_vg(c, cur);
        if (gov < 0)
            break;
        /* "is willing to": the copula with an adjective is a link too */
        cur = gov;
    }
    return n;
}

/* Cue words of a verb group's head: its lemma, or its form ("willing"). */
static unsigned head_cue(const ctx *c, int32_t tok)
{
    return ev_cue(c->d, c->t[tok].lemma) | ev_cue(c->d, c->t[tok].fold);
}

/* An intent adjective between a copula and an infinitive: "is willing to",
 * "are ready to". */
static int intent_adjective(const ctx *c, int gov, int comp)
{
    for (int32_t k = CH(c, gov)->last + 1; k < CH(c, comp)->first; k++)
        if (head_cue(c, k) & GC_INTENT)
            return k;
    return -1;
}

/* Modality from the chain of verb groups (chain[0] the event's own group
 * when own is set: its head is the trigger, whose cue words do not apply). */
static void modality_of_chain(const ctx *c, const int *chain, int nchain, int own, ev_mention *ev)
{
    for (int i = 0; i < nchain; i++) {
        const chunk *x = CH(c, chain[i]);
        unsigned q = (i == 0 && own) ? 0 : head_cue(c, x->head);
        if (x->negated || (q & GC_NEGATE)) {
            ev->modality = MOD_NEGATED;
            ev->mod_cue = x->negated ? "not" : c->t[x->head].lemma;
            ev->neg_by_fail = !x->negated;
            return;
        }
    }
    for (int i = 0; i < nchain; i++) {
        const chunk *x = CH(c, chain[i]);
        unsigned q = (i == 0 && own) ? 0 : head_cue(c, x->head);
        if (x->future || (q & GC_PLAN) || (x->modal >= 0 && tok_is(&c->t[x->modal], "shall"))) {
            ev->modality = MOD_PLANNED;
            ev->mod_cue = x->future ? c->t[x->modal >= 0 ? x->modal : x->head].fold : c->t[x->head].lemma;
            ev->future = 1;
            return;
        }
        /* "is to visit": be + infinitive, nothing between */
        if (i > 0 && c->t[x->head].tag == TG_AUX && c->t[x->head].aux == AUX_BE &&
            CH(c, chain[i - 1])->first == x->last + 1) {
            ev->modality = MOD_PLANNED;
            ev->mod_cue = "be to";
            ev->future = 1;
            return;
        }
    }
    for (int i = 0; i < nchain; i++) {
        const chunk *x = CH(c, chain[i]);
        if (x->modal >= 0 && (tok_is(&c->t[x->modal], "may") || tok_is(&c->t[x->modal], "might") ||
                              tok_is(&c->t[x->modal], "could"))) {
            ev->modality = MOD_UNCERTAIN;
            ev->mod_cue = c->t[x->modal].fold;
            return;
        }
        unsigned q = (i == 0 && own) ? 0 : head_cue(c, x->head);
        if ((q & GC_UNCERTAIN) && !(q & GC_REPORT)) {
            ev->modality = MOD_UNCERTAIN;
            ev->mod_cue = c->t[x->head].lemma;
            return;
        }
    }
    if (nchain) {
        const chunk *x = CH(c, chain[0]);
        const token *h = &c->t[x->head];
        int past = h->vform == VF_PAST || x->perfect;
        for (int32_t k = x->first; k <= x->last; k++)
            if (c->t[k].tag == TG_AUX && c->t[k].vform == VF_PAST)
                past = 1;
        ev->past = (uint8_t)past;
    }
}

/* An expressed intention in the chain ("promised to", "is willing to",
 * "offered to"): returns the cue's token, or -1. */
static int32_t intent_in_chain(const ctx *c, const int *chain, int nchain)
{
    for (int i = 1; i < nchain; i++) {
        if (head_cue(c, CH(c, chain[i])->head) & GC_INTENT)
            return CH(c, chain[i])->head;
        int32_t a = intent_adjective(c, chain[i], chain[i - 1]);
        if (a >= 0)
            return a;
    }
    return -1;
}

/* Adverbs of uncertainty anywhere in the clause span. */
static void clause_adverbs(const ctx *c, ev_mention *ev)
{
    if (ev->modality == MOD_NEGATED || ev->modality == MOD_PLANNED)
        return;
    for (int32_t i = ev->clause_first; i <= ev->clause_last && (size_t)i < c->n; i++) {
        const token *t = &c->t[i];
        if ((t->tag == TG_ADV || t->tag == TG_ADJ) && (cue(c, i) & GC_UNCERTAIN)) {
            ev->modality = MOD_UNCERTAIN;
            ev->mod_cue = t->fold;
            return;
        }
    }
}

/* The entry behind REQUEST events made from "X said Y must Z". */
static const trig_entry oblige_entry = {
    .type = EV_REQUEST, .cameo = "100", .pattern = "<speaker> said <actor> must|should ...",
    .file = "grammar.tsv (oblige)", .line = 0, .next = UINT32_MAX};

/* Heads of phrases that name military things, not people's property. */
static int military_thing(const token *t)
{
    static const char *const w[] = {"position", "base", "post", "outpost", "unit", "convoy", "garrison",
                                    "headquarters", "barracks", "airbase", "line", "trench", "tank", "jet",
                                    "ship", "warship", "vessel", "aircraft", "drone", "helicopter", "missile",
                                    "depot", "force", "troop", "soldier", "army", "checkpoint", "target", NULL};
    for (const char *const *q = w; *q; q++)
        if (lemma_is(t, *q))
            return 1;
    return 0;
}

/* SITREP_DEBUG_EVENTS=1: say on stderr why a matched trigger gave no record. */
static void debug_drop(int debug, const ctx *c, const ev_mention *ev, const char *why)
{
    if (!debug)
        return;
    const token *h = &c->t[ev->head];
    fprintf(stderr, "sitrep-debug: sentence %u: '%.*s' %s (%s): dropped: %s\n", c->s->index,
            (int)(h->end - h->start), c->text + h->start, ev->entry ? ev->entry->pattern : "?",
            ev_type_name(ev->type), why);
}

/* Event data are dyadic: an accusation, an attack, a demand is made on
 * someone.  Only agreements, retreats, mobilisations and joint actions
 * are commonly reported without a counterpart ("the rebels withdrew"). */
static int dyadic_type(int type)
{
    return type != EV_AGREE && type != EV_RETREAT && type != EV_MOBILIZE && type != EV_COOPERATE;
}

/* ---- the standing of a trigger in its sentence ------------------------ */

enum { ST_MAIN, ST_COMPLEMENT, ST_RELATIVE, ST_ADVERBIAL, ST_CONDITIONAL };

/* Look left from the trigger for what opens its clause, jumping over
 * parentheticals between commas: a relative pronoun (background), a
 * conditional (if, unless: hypothetical), another subordinator (after,
 * because: background), "that" (a complement) or nothing (main clause). */
static int clause_status(const ctx *c, int32_t head)
{
    for (int32_t p = head - 1; p >= 0; p--) {
        const token *t = &c->t[p];
        if (is_punct(t, ",")) {
            int32_t q = p - 1;
            while (q >= 0 && !is_punct(&c->t[q], ",") && !hard_boundary(&c->t[q]) && p - q < 25)
                q--;
            /* "Hamas, which advocates X, ran": skip the relative clause */
            if (q >= 0 && is_punct(&c->t[q], ",") && c->t[q + 1].tag == TG_WH) {
                p = q;
                continue;
            }
            continue;
        }
        if (t->tag == TG_WH)
            return ST_RELATIVE;
        /* "after a June 30 coup toppled the government": a preposition
         * that opens a clause (a finite verb follows before the trigger) */
        if (t->tag == TG_PREP && (tok_is(t, "after") || tok_is(t, "before") || tok_is(t, "since") ||
                                  tok_is(t, "until") || tok_is(t, "as")) &&
            c->t[head].tag == TG_VERB && head - p <= 8) {
            int finite_first = 1;
            for (int32_t k = p + 1; k < head; k++)
                if (c->t[k].tag == TG_VERB || c->t[k].tag == TG_AUX || c->t[k].tag == TG_MODAL)
                    finite_first = 0;
            if (finite_first && (c->t[head].vform == VF_PAST || c->t[head].vform == VF_3SG))
                return tok_is(t, "until") || tok_is(t, "before") ? ST_CONDITIONAL : ST_ADVERBIAL;
        }
        if (t->tag == TG_SCONJ) {
            if (tok_is(t, "if") || tok_is(t, "unless") || tok_is(t, "until") || tok_is(t, "whether") ||
                tok_is(t, "lest") || tok_is(t, "once") || tok_is(t, "before"))
                return ST_CONDITIONAL;
            if (tok_is(t, "that"))
                return ST_COMPLEMENT;
            return ST_ADVERBIAL;
        }
        if (is_punct(t, ";") || is_punct(t, ":"))
            return ST_MAIN;
    }
    return ST_MAIN;
}

/* ---- events ----------------------------------------------------------- */

static void set_actor(act_mention *dst, uint8_t *has, const act_mention *src)
{
    *dst = *src;
    *has = 1;
}

/* "and instead granted": a conjunction that opens a new verb phrase. */
static int conj_clause(const ctx *c, int32_t i)
{
    int32_t k = i + 1;
    while ((size_t)k < c->n && c->t[k].tag == TG_ADV)
        k++;
    return (size_t)k < c->n && c->t[k].chunk == CH_VG;
}

static void clause_extent(const ctx *c, int32_t tok, int32_t *first, int32_t *last)
{
    int32_t a = tok, b = tok;
    while (a > 0 && !(c->t[a - 1].tag == TG_SCONJ || c->t[a - 1].tag == TG_WH || is_punct(&c->t[a - 1], ";") ||
                      is_punct(&c->t[a - 1], ",") ||
                      (c->t[a - 1].tag == TG_CONJ && c->t[a].chunk == CH_VG)))
        a--;
    while ((size_t)b + 1 < c->n && !(c->t[b + 1].tag == TG_SCONJ || c->t[b + 1].tag == TG_WH ||
                                     is_punct(&c->t[b + 1], ";") || is_punct(&c->t[b + 1], ",") ||
                                     (c->t[b + 1].tag == TG_CONJ && conj_clause(c, b + 1))))
        b++;
    *first = a;
    *last = b;
}

/* A nearby actor for an event whose frame found no target: the closest
 * mention in the clause that is not the source or the reporter. */
static int fallback_target(const ctx *c, const ev_mention *ev, int src_idx, int exclude_ch)
{
    int best = -1;
    int32_t bestd = 1 << 30;
    for (size_t k = 0; k < c->as->n; k++) {
        const act_mention *m = &c->as->m[k];
        if ((int)k == src_idx || m->role == AM_APPOS || !has_code(m) || m->kind == AK_BOTH)
            continue;
        if (m->chunk == exclude_ch && exclude_ch >= 0)
            continue;
        /* only to the right: actors on the left are subjects, sources */
        if (m->first <= ev->head || m->last > ev->clause_last)
            continue;
        if (ev->has_src && m->actor == ev->src.actor && m->actor >= 0)
            continue;
        if (ev->has_src && m->actor < 0 && ev->src.actor < 0 && !strcmp(m->country, ev->src.country) &&
            !strcmp(m->roles, ev->src.roles))
            continue;
        int32_t d = m->first > ev->head ? m->first - ev->head : ev->head - m->last;
        if (m->first > ev->head)
            d -= 1; /* prefer the right side on ties */
        if (d < bestd) {
            bestd = d;
            best = (int)k;
        }
    }
    return best;
}

static void resolve_both(ctx *c, ev_mention *ev)
{
    if (ev->has_src && ev->src.kind == AK_BOTH) {
        if (c->st->nparty == 2) {
            act_mention keep = ev->src;
            ev->src = c->st->party[0];
            ev->src.start = keep.start;
            ev->src.end = keep.end;
            ev->src.first = keep.first;
            ev->src.last = keep.last;
            ev->src.kind = AK_BOTH;
            ev->src.resolved = 1;
            if (!ev->has_tgt) {
                ev->tgt = c->st->party[1];
                ev->tgt.start = keep.start;
                ev->tgt.end = keep.end;
                ev->tgt.first = keep.first;
                ev->tgt.last = keep.last;
                ev->tgt.kind = AK_BOTH;
                ev->has_tgt = 1;
                ev->tgt_rule = "both sides: the parties of the last conflict";
            }
            ev->src_rule = "both sides: the parties of the last conflict";
            ev->symmetric = 1;
        } else {
            ev->has_src = 0;
        }
    }
}

/* Parties of the last conflict in the document, for "both sides" and for
 * a ceasefire that names none. */
static void inherit_parties(ctx *c, ev_mention *ev)
{
    if (ev->has_src || c->st->nparty != 2)
        return;
    /* a truce or talks that name no parties are between the parties of
     * the conflict the report has just described */
    if (!(ev->mode && !strcmp(ev->mode, "ceasefire")) && !(ev->type == EV_CONSULT && (ev->entry->frame & FR_RECIP)))
        return;
    if (c->s->index > c->st->party_sent + 8)
        return;
    ev->src = c->st->party[0];
    ev->tgt = c->st->party[1];
    /* the words are not in this sentence: point the spans at the trigger */
    ev->src.start = ev->tgt.start = ev->trig_start;
    ev->src.end = ev->tgt.end = ev->trig_end;
    ev->src.first = ev->tgt.first = ev->trig_first;
    ev->src.last = ev->tgt.last = ev->trig_last;
    ev->has_src = ev->has_tgt = 1;
    ev->symmetric = 1;
    ev->src_rule = ev->tgt_rule = "parties of the last conflict in the report";
}

int events_sentence(const ev_dict *d, ev_state *st, const char *text, const sentence *s,
                    const act_sentence *as, ev_mention **out, size_t *nout, size_t *capout)
{
    if (s->is_heading || s->is_dateline || s->ntok < 2)
        return 0;
    ctx c = {d, st, text, s, as, s->toks, s->ntok};
    int debug = getenv("SITREP_DEBUG_EVENTS") != NULL;
    uint8_t used[4096];
    uint8_t *usedp = s->ntok <= sizeof used ? used : calloc(s->ntok, 1);
    if (!usedp)
        return -1;
    memset(usedp, 0, s->ntok <= sizeof used ? s->ntok : 0);

    report reps[16];
    int nrep = find_reports(&c, reps, 16);

    size_t base = *nout;
    for (int32_t h = 0; (size_t)h < s->ntok; h++) {
        if (usedp[h])
            continue;
        int32_t tf, tl;
        const trig_entry *e = find_trigger(&c, h, &tf, &tl, usedp);
        if (!e)
            continue;
        const token *ht = &c.t[h];
        /* a reporting verb with a clause after it is attribution, not an
         * event ("announced that ..."), unless the entry is more than one word */
        int is_report_vg = 0;
        for (int r = 0; r < nrep; r++)
            if (reps[r].vg >= 0 && CH(&c, reps[r].vg)->head == h)
                is_report_vg = 1;
        if (is_report_vg && e->nw == 1)
            continue;
        for (int32_t k = tf; k <= tl; k++)
            usedp[k] = 1;
        ev_mention ev;
        memset(&ev, 0, sizeof ev);
        ev.sent = s->index;
        ev.para = s->para;
        ev.trig_first = tf;
        ev.trig_last = tl;
        ev.head = h;
        ev.trig_start = c.t[h].start;
        ev.trig_end = c.t[h].end;
        ev.entry = e;
        ev.type = e->type;
        ev.mode = e->mode;
        ev.cameo = e->cameo;
        ev.modality = MOD_ASSERTED;
        ev.d_start = ev.d_end = DATE_NONE;
        ev.until = DATE_NONE;
        clause_extent(&c, h, &ev.clause_first, &ev.clause_last);
        ev.obj_first = ev.obj_last = -1;
        int src_idx = -1, tgt_idx = -1, excl = -1;
        int chain[8];
        int nchain = 0;

        if (ht->tag == TG_VERB) {
            int vgc = ht->chunk_id;
            if (vgc < 0 || CH(&c, vgc)->kind != CH_VG)
                continue;
            const chunk *vg = CH(&c, vgc);
            const char *rule = NULL;
            int subj = subject_np(&c, vgc, &rule, 0);
            int second = -1;
            int obj = object_np(&c, vgc, &second);
            if (obj >= 0) {
                ev.obj_first = CH(&c, obj)->first;
                ev.obj_last = CH(&c, obj)->last;
            }
            int adjectival = vg->passive && (size_t)vg->last + 1 < c.n && tok_is(&c.t[vg->last + 1], "to") &&
                             (head_cue(&c, vg->head) & GC_INTENT);
            if (vg->passive && !adjectival) {
                static const char *const by[] = {"by"};
                int32_t pt;
                int bych = pp_actor(&c, vg->last + 1, by, 1, &pt);
                if (bych >= 0) {
                    src_idx = mention_for_np(&c, bych, 0);
                    ev.src_rule = "passive: by-phrase";
                }
                if (subj >= 0) {
                    int m = mention_for_np(&c, subj, 0);
                    if (m < 0)
                        m = mention_for_subject_via(&c, subj, 1);
                    if (m >= 0 && !(e->frame & FR_NOTGT)) {
                        tgt_idx = m;
                        ev.tgt_rule = "passive: subject";
                    }
                    if (src_idx < 0) {
                        /* "Their equipment was withdrawn": the possessor */
                        int pm = mention_role(&c, subj, AM_POSS);
                        if (pm >= 0 && tgt_idx < 0) {
                            src_idx = pm;
                            ev.src_rule = "passive: possessor of the subject";
                        }
                    }
                }
            } else {
                if (subj >= 0) {
                    src_idx = mention_for_subject(&c, subj);
                    ev.src_rule = rule;
                    if (src_idx >= 0 && (e->frame & FR_RECIP)) {
                        /* "A and B met": B is the target */
                        int p2 = coord_partner(&c, subj);
                        if (p2 < 0 && as->m[src_idx].coord >= 0) {
                            tgt_idx = as->m[src_idx].coord;
                            ev.tgt_rule = "reciprocal: second conjunct";
                            ev.symmetric = 1;
                        } else if (p2 >= 0 && mention_for_np(&c, p2, 0) >= 0) {
                            tgt_idx = mention_for_np(&c, p2, 0);
                            ev.tgt_rule = "reciprocal: second conjunct";
                            ev.symmetric = 1;
                        }
                    }
                    if (src_idx < 0) {
                        int pm = mention_for_np(&c, subj, 1);
                        if (pm >= 0 && as->m[pm].role == AM_POSS) {
                            /* "Moscow's intervention ... employed": rarely the agent */
                        }
                    }
                }
                if (tgt_idx < 0 && (e->frame & FR_OBJ) && obj >= 0) {
                    int o = (e->frame & FR_OBJ2) && second >= 0 ? obj : obj;
                    int m = mention_for_np(&c, o, 1);
                    if (m >= 0) {
                        tgt_idx = m;
                        ev.tgt_rule = as->m[m].role == AM_MAIN ? "object" : "possessor of the object";
                    } else if ((e->frame & FR_OBJ2) && second >= 0) {
                        m = mention_for_np(&c, second, 1);
                        if (m >= 0) {
                            tgt_idx = m;
                            ev.tgt_rule = "second object";
                        }
                    }
                }
                /* "demanded that the US cancel ...": the clause's subject */
                /* ("reiterated its demand today that ...": after the whole
                 * trigger and any adverb of time) */
                int32_t after = vg->last + 1;
                int obj_in_trigger = 0;
                if (ev.trig_last > vg->last) {
                    after = ev.trig_last + 1;
                    obj_in_trigger = obj >= 0 && CH(&c, obj)->last == ev.trig_last;
                }
                while ((size_t)after < c.n && (c.t[after].tag == TG_ADV || time_noun(&c.t[after])))
                    after++;
                if (tgt_idx < 0 && (((e->frame & FR_OBJ) && obj < 0) || obj_in_trigger) && (size_t)after + 1 < c.n &&
                    tok_is(&c.t[after], "that") && (ev_type_conflictual(e->type) || e->type == EV_REQUEST)) {
                    int ch = chunk_of(&c, after + 1);
                    if (ch >= 0 && CH(&c, ch)->kind == CH_NP) {
                        int m = mention_for_np(&c, ch, 1);
                        if (m >= 0) {
                            tgt_idx = m;
                            ev.tgt_rule = "subject of the that-clause";
                        }
                    }
                }
            }
            if (tgt_idx < 0 && e->ntprep) {
                int32_t pt;
                int ch = pp_actor(&c, vg->last + 1, e->tprep, e->ntprep, &pt);
                if (ch >= 0) {
                    tgt_idx = mention_for_np(&c, ch, 1);
                    ev.tgt_rule = "prepositional phrase";
                }
            }
            if ((e->frame & FR_RECIP) && tgt_idx < 0) {
                static const char *const btw[] = {"between"};
                int32_t pt;
                int ch = pp_actor(&c, vg->last + 1, btw, 1, &pt);
                if (ch >= 0) {
                    src_idx = mention_for_np(&c, ch, 0);
                    int p2 = coord_partner(&c, ch);
                    if (p2 >= 0)
                        tgt_idx = mention_for_np(&c, p2, 0);
                    ev.src_rule = ev.tgt_rule = "between A and B";
                    ev.symmetric = 1;
                }
            }
            nchain = vg_chain(&c, vgc, chain, 8);
            excl = obj;
        } else {
            /* a noun trigger */
            int nc = ht->chunk_id;
            if (nc < 0 || CH(&c, nc)->kind != CH_NP)
                continue;
            const chunk *np = CH(&c, nc);
            if ((e->frame & FR_POSS) || (e->frame & FR_POSS_TGT)) {
                int pm = mention_role(&c, nc, AM_POSS);
                if (pm >= 0 && as->m[pm].last < h) {
                    if (e->frame & FR_POSS) {
                        src_idx = pm;
                        ev.src_rule = "possessive";
                    } else {
                        tgt_idx = pm;
                        ev.tgt_rule = "possessive";
                    }
                }
            }
            if ((e->frame & (FR_ADJ | FR_ADJ_TGT))) {
                int mm = mention_role(&c, nc, AM_MOD);
                if (mm < 0) {
                    /* "rebel offensive": an agent word before the noun */
                    mm = mention_role(&c, nc, AM_MAIN);
                    if (mm >= 0 && as->m[mm].head == h)
                        mm = -1;
                }
                if (mm >= 0 && as->m[mm].last < h) {
                    if ((e->frame & FR_ADJ) && src_idx < 0) {
                        src_idx = mm;
                        ev.src_rule = "actor adjective";
                    } else if ((e->frame & FR_ADJ_TGT) && tgt_idx < 0) {
                        tgt_idx = mm;
                        ev.tgt_rule = "actor adjective";
                    }
                }
            }
            /* PPs after the noun: by/of sources, "led by", targets */
            int32_t after = np->last + 1;
            if (src_idx < 0 && e->nsprep) {
                int32_t pt;
                int ch = pp_actor(&c, after, e->sprep, e->nsprep, &pt);
                if (ch >= 0 && pt <= after + 3) {
                    src_idx = mention_for_np(&c, ch, 1);
                    ev.src_rule = "source phrase";
                }
            }
            if (src_idx < 0 && (size_t)after + 1 < c.n && c.t[after].chunk == CH_VG &&
                (lemma_is(&c.t[after], "lead") || lemma_is(&c.t[after], "launch") ||
                 lemma_is(&c.t[after], "carry") || lemma_is(&c.t[after], "conduct") ||
                 lemma_is(&c.t[after], "mount") || lemma_is(&c.t[after], "wage") ||
                 lemma_is(&c.t[after], "back"))) {
                static const char *const by[] = {"by"};
                int32_t pt;
                int ch = pp_actor(&c, after + 1, by, 1, &pt);
                if (ch >= 0 && pt <= after + 3) {
                    src_idx = mention_for_np(&c, ch, 1);
                    ev.src_rule = "led by";
                }
            }
            if (e->ntprep && tgt_idx < 0) {
                int32_t pt;
                int ch = pp_actor(&c, after, e->tprep, e->ntprep, &pt);
                if (ch >= 0 && pt <= after + 6) {
                    tgt_idx = mention_for_np(&c, ch, 1);
                    ev.tgt_rule = "prepositional phrase";
                }
            }
            if ((e->frame & FR_RECIP) && src_idx < 0) {
                static const char *const btw[] = {"between"};
                int32_t pt;
                int ch = pp_actor(&c, after, btw, 1, &pt);
                if (ch < 0 && h > 0)
                    ch = pp_actor(&c, ev.clause_first, btw, 1, &pt);
                if (ch >= 0) {
                    src_idx = mention_for_np(&c, ch, 0);
                    int p2 = coord_partner(&c, ch);
                    if (p2 >= 0 && tgt_idx < 0)
                        tgt_idx = mention_for_np(&c, p2, 0);
                    ev.src_rule = ev.tgt_rule = "between A and B";
                    ev.symmetric = 1;
                }
            }
            /* "its demand that Israel ease restrictions": the clause's subject */
            if (tgt_idx < 0 && (size_t)np->last + 2 < c.n && tok_is(&c.t[np->last + 1], "that") &&
                c.t[np->last + 1].tag == TG_SCONJ) {
                int ch = chunk_of(&c, np->last + 2);
                if (ch >= 0 && CH(&c, ch)->kind == CH_NP) {
                    int m = mention_for_np(&c, ch, 1);
                    if (m >= 0) {
                        tgt_idx = m;
                        ev.tgt_rule = "subject of the that-clause";
                    }
                }
            }
            /* the governing verb: object of a light verb, or subject */
            int gov = -1, as_subject = 0;
            if (np->prep >= 0 && tok_is(&c.t[np->prep], "of") && np->prep > 0 &&
                c.t[np->prep - 1].chunk == CH_NP && measure_noun(&c.t[np->prep - 1])) {
                /* "launched ten days of war games", "began a new round of talks" */
                const chunk *mq = CH(&c, c.t[np->prep - 1].chunk_id);
                int32_t p = mq->first - 1;
                while (p >= 0 && c.t[p].tag == TG_ADV)
                    p--;
                if (mq->prep < 0 && p >= 0 && c.t[p].chunk == CH_VG)
                    gov = c.t[p].chunk_id;
            }
            if (np->prep < 0) {
                int32_t p = np->first - 1;
                while (p >= 0 && (c.t[p].tag == TG_ADV))
                    p--;
                if (p >= 0 && c.t[p].chunk == CH_VG)
                    gov = c.t[p].chunk_id;
                if (gov < 0) {
                    /* skip the noun's own PPs to find its verb */
                    int32_t q = np->last + 1;
                    while ((size_t)q < c.n) {
                        if (c.t[q].chunk == CH_PP || c.t[q].chunk == CH_NP || c.t[q].tag == TG_ADV) {
                            q++;
                            continue;
                        }
                        break;
                    }
                    if ((size_t)q < c.n && c.t[q].chunk == CH_VG && c.s->chunks[c.t[q].chunk_id].finite) {
                        gov = c.t[q].chunk_id;
                        as_subject = 1;
                    }
                }
            }
            if (gov >= 0) {
                const chunk *g = CH(&c, gov);
                unsigned q = cue(&c, g->head);
                int light = (q & (GC_LIGHT | GC_CHAIN)) != 0 || ((q & GC_REPORT) && !as_subject);
                if (q & GC_EXTEND)
                    ev.phase = PH_EXTEND;
                if (q & GC_END)
                    ev.phase = PH_END;
                if (light || (q & (GC_EXTEND | GC_END))) {
                    nchain = vg_chain(&c, gov, chain, 8);
                    if (!as_subject && src_idx < 0) {
                        const char *rule = NULL;
                        int subj = subject_np(&c, gov, &rule, 0);
                        if (subj >= 0 && g->passive == 0) {
                            src_idx = mention_for_subject(&c, subj);
                            ev.src_rule = "subject of the light verb";
                        }
                    } else if (as_subject && g->passive && src_idx < 0) {
                        static const char *const by[] = {"by"};
                        int32_t pt;
                        int ch = pp_actor(&c, g->last + 1, by, 1, &pt);
                        if (ch >= 0) {
                            src_idx = mention_for_np(&c, ch, 0);
                            ev.src_rule = "passive light verb: by-phrase";
                        }
                    }
                    ev.trig_first = g->head < ev.trig_first ? g->head : ev.trig_first;
                } else if (!as_subject) {
                    /* the object of an ordinary verb: presupposed, so only
                     * the tense matters, not the verb's negation */
                    ev.secondary = 1;
                    int ch1[1] = {gov};
                    ev_mention tmp = ev;
                    modality_of_chain(&c, ch1, 1, 0, &tmp);
                    ev.past = tmp.past;
                } else {
                    /* subject of an intransitive verb: "fighting erupted" */
                    nchain = vg_chain(&c, gov, chain, 8);
                }
                if (as_subject && (q & (GC_EXTEND | GC_END)) && g->passive == 0) {
                    /* "the truce expired" */
                }
            }
            /* A noun's possessor or actor adjective is its agent unless the
             * entry says otherwise ("Palestinian riots", "Iran's offensive") */
            if (src_idx < 0 && !(e->frame & (FR_POSS_TGT | FR_ADJ_TGT))) {
                int pm = mention_role(&c, nc, AM_POSS);
                if (pm < 0)
                    pm = mention_role(&c, nc, AM_MOD);
                if (pm >= 0 && as->m[pm].last < h && pm != tgt_idx) {
                    src_idx = pm;
                    ev.src_rule = as->m[pm].role == AM_POSS ? "possessive" : "actor adjective";
                }
            }
            /* "return to Geneva for talks": the traveller holds the talks */
            if (src_idx < 0 && np->prep >= 0 && (tok_is(&c.t[np->prep], "for") || tok_is(&c.t[np->prep], "to"))) {
                int pv = -1;
                for (int k = nc - 1; k >= 0 && k >= nc - 4; k--)
                    if (CH(&c, k)->kind == CH_VG) {
                        pv = k;
                        break;
                    }
                if (pv >= 0 && CH(&c, pv)->finite) {
                    const char *rule = NULL;
                    int subj = subject_np(&c, pv, &rule, 0);
                    if (subj >= 0) {
                        src_idx = mention_for_subject(&c, subj);
                        ev.src_rule = "subject of the verb the purpose phrase belongs to";
                        if (src_idx >= 0 && (e->frame & FR_RECIP) && tgt_idx < 0) {
                            int p2 = coord_partner(&c, subj);
                            if (p2 >= 0)
                                tgt_idx = mention_for_np(&c, p2, 1);
                        }
                    }
                }
            }
            /* "end/expiration of a truce" */
            if (np->prep >= 0 && tok_is(&c.t[np->prep], "of") && np->prep > 0) {
                int pch = chunk_of(&c, np->prep - 1);
                if (pch >= 0 && CH(&c, pch)->kind == CH_NP && (cue(&c, CH(&c, pch)->head) & GC_END))
                    ev.phase = PH_END;
            }
            /* "no official statement", "no withdrawal" */
            if (tok_is(&c.t[np->first], "no")) {
                ev.modality = MOD_NEGATED;
                ev.mod_cue = "no";
            }
            /* suspected/alleged attack */
            for (int32_t k = np->first; k < h; k++)
                if (cue(&c, k) & GC_UNCERTAIN) {
                    ev.modality = MOD_UNCERTAIN;
                    ev.mod_cue = c.t[k].fold;
                }
            excl = nc;
        }

        {
            int st_ = clause_status(&c, h);
            if (st_ == ST_CONDITIONAL)
                ev.conditional = 1;
            else if (st_ == ST_RELATIVE || st_ == ST_ADVERBIAL)
                ev.secondary = 1;
            if (ht->tag == TG_VERB && ht->chunk_id >= 0 && CH(&c, ht->chunk_id)->participle) {
                /* "refugees fleeing the war", "a curfew imposed in 1989",
                 * "a meeting aimed at establishing": background unless a
                 * finite verb governs it ("began moving") */
                int finite_top = 0;
                for (int k = 1; k < nchain; k++)
                    if (CH(&c, chain[k])->finite)
                        finite_top = 1;
                if (!finite_top)
                    ev.secondary = 1;
            }
            if (ht->tag != TG_VERB && ht->chunk_id >= 0 && CH(&c, ht->chunk_id)->prep >= 0)
                ev.secondary = 1;   /* "in support of", "during an offensive" */
            for (int32_t k = h + 1; (size_t)k < c.n; k++)
                if (c.t[k].tag == TG_SCONJ && tok_is(&c.t[k], "unless"))
                    ev.unless = 1;
        }
        if (src_idx >= 0)
            set_actor(&ev.src, &ev.has_src, &as->m[src_idx]);
        if (tgt_idx >= 0 && tgt_idx != src_idx)
            set_actor(&ev.tgt, &ev.has_tgt, &as->m[tgt_idx]);
        if (!(ev.has_tgt && has_code(&ev.tgt)) && !(e->frame & FR_NOTGT)) {
            /* (a target without a code, "the Europe Bridge", yields to a
             * coded actor in the clause) */
            int ft = fallback_target(&c, &ev, src_idx, ht->tag == TG_VERB ? -1 : excl);
            if (ft >= 0 && ft != src_idx) {
                set_actor(&ev.tgt, &ev.has_tgt, &as->m[ft]);
                ev.tgt_rule = "nearest other actor in the clause";
            }
        }
        if (ev.modality == MOD_ASSERTED)
            modality_of_chain(&c, chain, nchain, ht->tag == TG_VERB, &ev);
        clause_adverbs(&c, &ev);
        /* "is willing to withdraw", "is prepared to lift the ban": an
         * expressed intention, CAMEO 03 (cooperative) or 13 (conflictual) */
        int32_t itok = intent_in_chain(&c, chain, nchain);
        if (itok >= 0 && ev.modality != MOD_NEGATED) {
            int conflict = ev_type_conflictual(ev.type) && ev.type != EV_REJECT && ev.type != EV_ACCUSE &&
                           ev.type != EV_REQUEST;
            if (ev.type == EV_ASSAULT && (lemma_is(&c.t[itok], "prepare") || tok_is(&c.t[itok], "prepared") ||
                                          tok_is(&c.t[itok], "ready"))) {
                /* "prepared to resume shelling": readiness, CAMEO 15 */
                ev.type = EV_MOBILIZE;
                ev.cameo = "150";
                ev.mode = NULL;
                ev.type_rule = "preparing to attack: MOBILIZE (CAMEO 15)";
            } else if (ev.type != EV_THREATEN && ev.type != EV_AGREE) {
                ev.type = conflict ? EV_THREATEN : EV_AGREE;
                ev.cameo = conflict ? "130" : "030";
                ev.mode = NULL;
                ev.type_rule = conflict ? "expressed intent to act against: THREATEN (CAMEO 13)" :
                                          "expressed intent: AGREE (CAMEO 03)";
            }
            if (ev.modality == MOD_PLANNED)
                ev.modality = MOD_ASSERTED;
        }
        /* "failed to reach agreement": a rejection (CAMEO 12) */
        if (ev.modality == MOD_NEGATED && ev.neg_by_fail && !ev_type_conflictual(ev.type)) {
            ev.type = EV_REJECT;
            ev.cameo = "120";
            ev.mode = NULL;
            ev.modality = MOD_ASSERTED;
            ev.type_rule = "failed to cooperate: REJECT (CAMEO 12)";
        }
        /* attribution */
        for (int r = 0; r < nrep; r++) {
            const report *rp = &reps[r];
            if (h < rp->scope_first || h > rp->scope_last)
                continue;
            if (rp->vg >= 0 && CH(&c, rp->vg)->head == h)
                continue;
            int m = rp->subj >= 0 ? mention_for_np(&c, rp->subj, 1) : -1;
            if (m >= 0) {
                ev.attr = as->m[m];
                ev.has_attr = 1;
            } else if (rp->subj >= 0) {
                memset(&ev.attr, 0, sizeof ev.attr);
                ev.attr.actor = -1;
                ev.attr.start = c.t[CH(&c, rp->subj)->first].start;
                ev.attr.end = c.t[CH(&c, rp->subj)->last].end;
                ev.has_attr = 1;
            }
            if (ev.modality == MOD_ASSERTED) {
                ev.modality = MOD_REPORTED;
                ev.mod_cue = rp->vg >= 0 ? c.t[CH(&c, rp->vg)->head].lemma : "according to";
            }
            break;
        }
        if (!ev.has_attr && (c.t[h].flags & TF_INQUOTE)) {
            for (int r = 0; r < nrep; r++) {
                int m = reps[r].subj >= 0 ? mention_for_np(&c, reps[r].subj, 1) : -1;
                if (m >= 0) {
                    ev.attr = as->m[m];
                    ev.has_attr = 1;
                    if (ev.modality == MOD_ASSERTED) {
                        ev.modality = MOD_REPORTED;
                        ev.mod_cue = "quotation";
                    }
                    break;
                }
            }
        }
        /* Troops that "arrive in" or "visit" a place are deployed, not
         * consulting: CAMEO 154 rather than 042 */
        if (ev.type == EV_CONSULT && ev.mode && !strcmp(ev.mode, "visit") && ev.has_src &&
            strstr(ev.src.roles, "MIL") && ev.src.kind != AK_PERSON) {
            ev.type = EV_MOBILIZE;
            ev.mode = "troops";
            ev.cameo = "154";
            ev.type_rule = "forces arriving somewhere: MOBILIZE (CAMEO 154)";
        }
        /* Peacekeepers deployed or arriving are protection given to the
         * place: CAMEO 074, PLOVER AID (peacekeeping) */
        if (ev.type == EV_MOBILIZE && ev.has_src && ev.has_tgt && has_code(&ev.tgt) &&
            mention_has_word(&c, &ev.src, "peacekeep")) {
            ev.type = EV_AID;
            ev.mode = "peacekeeping";
            ev.cameo = "074";
            ev.type_rule = "peacekeepers deployed: AID (CAMEO 074)";
        }
        /* Exercises of two countries' forces are military cooperation:
         * CAMEO 062 rather than a show of force (150) */
        if (ev.type == EV_MOBILIZE && ev.cameo && !strcmp(ev.cameo, "150") && src_idx >= 0 &&
            as->m[src_idx].coord >= 0 && !ev.has_tgt) {
            const act_mention *p2 = &as->m[as->m[src_idx].coord];
            if (p2->country[0] && strcmp(p2->country, ev.src.country) != 0) {
                set_actor(&ev.tgt, &ev.has_tgt, p2);
                ev.type = EV_COOPERATE;
                ev.mode = NULL;
                ev.cameo = "062";
                ev.symmetric = 1;
                ev.tgt_rule = "second conjunct";
                ev.type_rule = "exercises of two countries: COOPERATE (CAMEO 062)";
            }
        }
        /* "allowed opposition leader X", "ordered former president X": a
         * domestic role with no country of its own is of the source's country */
        if (ev.has_tgt && ev.has_src && !ev.tgt.country[0] && ev.tgt.actor < 0 && ev.tgt.roles[0] &&
            ev.src.country[0] && !strstr(ev.tgt.roles, "MIL") && ev.tgt.kind != AK_BOTH) {
            memcpy(ev.tgt.country, ev.src.country, 4);
            ev.tgt.inferred = 1;
        }
        /* A place as the target of force or coercion ("a curfew in Algiers",
         * "blockade Paris", "demolished Palestinian homes") stands for the
         * people living there: CAMEO codes them as civilians. */
        if (ev.has_tgt && (!ev.tgt.roles[0] || ev.tgt.kind == AK_CAPITAL) && ev.tgt.actor < 0 && ev.tgt.country[0] &&
            (ev.type == EV_ASSAULT || ev.type == EV_COERCE || ev.type == EV_THREATEN || ev.type == EV_PROTEST)) {
            const act_mention *tm = &ev.tgt;
            int in_pp = 0;
            if (tm->chunk >= 0 && (size_t)tm->chunk < s->nchunks && CH(&c, tm->chunk)->prep >= 0) {
                const token *pp = &c.t[CH(&c, tm->chunk)->prep];
                in_pp = tok_is(pp, "in") || tok_is(pp, "at") || tok_is(pp, "near") || tok_is(pp, "into") ||
                        tok_is(pp, "across") || tok_is(pp, "throughout") || tok_is(pp, "inside");
            }
            int place = tm->kind == AK_CAPITAL || tm->kind == AK_PLACE ||
                        (tm->kind == AK_COUNTRY && in_pp && tm->role == AM_MAIN) ||
                        (tm->role == AM_MOD && tm->head >= 0 && (size_t)tm->head < c.n && !military_thing(&c.t[tm->head]));
            if (place)
                memcpy(ev.tgt.roles, "CVL", 4);   /* (replaces a capital's GOV) */
        }
        resolve_both(&c, &ev);
        inherit_parties(&c, &ev);
        /* consultations, aid and sanctions are relations: without a
         * recipient there is no event to code (decided after folding, which
         * may give the target) */
        if ((e->frame & FR_NEEDTGT) && !ev.has_tgt)
            ev.needs_target = 1;
        if (!(ev.has_src && has_code(&ev.src)) && !(ev.has_tgt && has_code(&ev.tgt))) {
            debug_drop(debug, &c, &ev, "no actor with a code");
            continue;
        }
        /* Without a source, only a victim-centred report stands: a passive
         * verb ("were killed") or violence (ASSAULT, COERCE).  A noun in an
         * adjunct phrase with no agent ("in support of", "in a sign of
         * cooperation") is background, not an event of its own. */
        if (!(ev.has_src && has_code(&ev.src))) {
            int passive = ht->tag == TG_VERB && ht->chunk_id >= 0 && CH(&c, ht->chunk_id)->passive;
            if (!passive && ev.type != EV_ASSAULT && ev.type != EV_COERCE) {
                debug_drop(debug, &c, &ev, "no source");
                continue;
            }
            if (ht->tag != TG_VERB && ht->chunk_id >= 0 && CH(&c, ht->chunk_id)->prep >= 0) {
                debug_drop(debug, &c, &ev, "no source, noun in an adjunct");
                continue;
            }
            /* "... was attacked by militiamen, killing 156 people": the
             * participle may tell the toll of an attack coded already */
            int32_t fh = ev.trig_first;
            if (ht->tag == TG_VERB && ht->flen > 3 && !strcmp(ht->fold + ht->flen - 3, "ing") && fh > 0 &&
                tok_is(&c.t[fh - 1], ","))
                ev.result = 1;
        }
        /* evidence span: trigger plus the actors in this sentence */
        uint32_t a = c.t[ev.trig_first].start, b = c.t[ev.trig_last].end;
        if (c.t[h].start < a)
            a = c.t[h].start;
        if (c.t[h].end > b)
            b = c.t[h].end;
        if (ev.has_src && ev.src.start >= s->start && ev.src.end <= s->end) {
            if (ev.src.start < a)
                a = ev.src.start;
            if (ev.src.end > b)
                b = ev.src.end;
        }
        if (ev.has_tgt && ev.tgt.start >= s->start && ev.tgt.end <= s->end) {
            if (ev.tgt.start < a)
                a = ev.tgt.start;
            if (ev.tgt.end > b)
                b = ev.tgt.end;
        }
        ev.span_start = a;
        ev.span_end = b;
        /* cue words point into the sentence's arena, which is reused */
        if (ev.mod_cue) {
            snprintf(ev.mod_buf, sizeof ev.mod_buf, "%s", ev.mod_cue);
            ev.mod_cue = NULL;
        }
        ev_mention *slot = VEC_PUSH(*out, *nout, *capout);
        if (!slot) {
            if (usedp != used)
                free(usedp);
            return -1;
        }
        *slot = ev;
    }

    /* "X said Y must Z": a demand from X on Y (CAMEO 10), whatever Z is. */
    for (int r = 0; r < nrep; r++) {
        const report *rp = &reps[r];
        if (rp->vg < 0 || rp->subj < 0 || rp->scope_first <= CH(&c, rp->vg)->last)
            continue;
        int sm = mention_for_subject(&c, rp->subj);
        if (sm < 0 || !has_code(&as->m[sm]))
            continue;
        for (size_t k = 0; k < s->nchunks; k++) {
            const chunk *x = CH(&c, (int)k);
            if (x->kind != CH_VG || x->first < rp->scope_first || x->first > rp->scope_last)
                continue;
            int oblige = x->modal >= 0 && (head_cue(&c, x->modal) & GC_OBLIGE);
            if (!oblige && (lemma_is(&c.t[x->head], "have") || lemma_is(&c.t[x->head], "need")) &&
                (size_t)x->last + 1 < c.n && c.t[x->last + 1].tag == TG_TO)
                oblige = 1;
            if (!oblige)
                continue;
            const char *rule;
            int subj = subject_np(&c, (int)k, &rule, 0);
            int tm = subj >= 0 ? mention_for_subject(&c, subj) : -1;
            if (tm < 0 || !has_code(&as->m[tm]))
                break;
            ev_mention ev;
            memset(&ev, 0, sizeof ev);
            ev.sent = s->index;
            ev.para = s->para;
            ev.head = x->head;
            ev.trig_first = x->modal >= 0 ? x->modal : x->first;
            ev.trig_last = x->head;
            ev.trig_start = c.t[ev.trig_first].start;
            ev.trig_end = c.t[x->head].end;
            ev.entry = &oblige_entry;
            ev.type = EV_REQUEST;
            ev.cameo = "100";
            ev.modality = MOD_ASSERTED;
            ev.d_start = ev.d_end = DATE_NONE;
            ev.until = DATE_NONE;
            ev.src = as->m[sm];
            ev.has_src = 1;
            ev.tgt = as->m[tm];
            ev.has_tgt = 1;
            ev.src_rule = "speaker of the reported obligation";
            ev.tgt_rule = "subject of the obliged clause";
            ev.type_rule = "X said Y must: REQUEST (CAMEO 10)";
            clause_extent(&c, x->head, &ev.clause_first, &ev.clause_last);
            ev.obj_first = ev.obj_last = -1;
            uint32_t a0 = c.t[CH(&c, rp->subj)->first].start, b0 = c.t[x->head].end;
            ev.span_start = a0 < ev.trig_start ? a0 : ev.trig_start;
            ev.span_end = b0;
            /* the obliged action is the content of the demand */
            for (size_t i = base; i < *nout; i++)
                if ((*out)[i].head >= rp->scope_first && (*out)[i].head <= rp->scope_last)
                    (*out)[i].conditional = 1;
            ev_mention *slot = VEC_PUSH(*out, *nout, *capout);
            if (!slot) {
                if (usedp != used)
                    free(usedp);
                return -1;
            }
            *slot = ev;
            break;
        }
    }

    /* Fold complements into their governing trigger. */
    ev_mention *evs = *out + base;
    size_t nev = *nout - base;
    uint8_t drop[256] = {0};
    for (size_t i = 0; i < nev && i < 256; i++) {
        ev_mention *b = &evs[i];
        const token *bh = &c.t[b->head];
        for (size_t j = 0; j < nev && j < 256; j++) {
            if (i == j || drop[j])
                continue;
            ev_mention *a = &evs[j];
            const token *ah = &c.t[a->head];
            if (a->head >= b->head)
                continue;
            if (ah->tag != TG_VERB) {
                /* a noun with a that-clause: "its demand that Israel ease ..." */
                int ach = ah->chunk_id;
                int32_t th = ach >= 0 ? CH(&c, ach)->last + 1 : -1;
                if (th < 0 || (size_t)th >= c.n || !tok_is(&c.t[th], "that") || c.t[th].tag != TG_SCONJ ||
                    b->head <= th)
                    continue;
                drop[i] = 1;
                break;
            }
            int absorb = 0;
            if (bh->tag == TG_VERB) {
                /* b's verb group is a complement in a's chain */
                int ch[8];
                int nch = vg_chain(&c, bh->chunk_id, ch, 8);
                for (int k = 1; k < nch; k++)
                    if (ch[k] == ah->chunk_id)
                        absorb = 1;
                /* "accused X of attacking": -ing in a PP of the clause */
                if (!absorb && b->head > a->head && b->clause_first <= a->head + 12 &&
                    CH(&c, bh->chunk_id)->participle && bh->vform == VF_GER && b->head > 0 &&
                    c.t[b->head - 1].tag == TG_PREP && b->head - a->head < 12)
                    absorb = 1;
            } else {
                /* b is a noun in a's object or a PP right after it */
                int32_t lim = a->clause_last;
                if (b->head > a->head && b->head <= lim && b->head - a->head <= 10)
                    absorb = 1;
            }
            /* "demanded that Hamas renounce ...": the that-clause is the
             * content of a's act, not an event of its own */
            {
                int32_t th = CH(&c, ah->chunk_id)->last + 1;
                if (a->trig_last >= th)
                    th = a->trig_last + 1;   /* "reiterated its demand today that" */
                while ((size_t)th < c.n && (c.t[th].tag == TG_ADV || time_noun(&c.t[th])))
                    th++;
                if ((size_t)th < c.n && tok_is(&c.t[th], "that") && c.t[th].tag == TG_SCONJ && b->head > th)
                    absorb = 1;
            }
            if (!absorb)
                continue;
            drop[i] = 1;
            if (!a->has_tgt && b->has_tgt) {
                a->tgt = b->tgt;
                a->has_tgt = 1;
                a->tgt_rule = "target of the folded complement";
            }
            /* "agreed to a ceasefire": an agreement on a truce is one */
            if (a->type == EV_AGREE && !a->mode && b->mode && !strcmp(b->mode, "ceasefire"))
                a->mode = "ceasefire";
            /* an intention to do something conflictual is a threat */
            if (a->type == EV_AGREE && ev_type_conflictual(b->type) && b->type != EV_REJECT &&
                b->type != EV_ACCUSE && b->type != EV_REQUEST) {
                a->type = EV_THREATEN;
                a->cameo = "130";
                a->mode = NULL;
                a->type_rule = "intent to act against: THREATEN (CAMEO 13)";
            }
            break;
        }
    }
    /* "X said it will Y": an expressed intention (CAMEO 03/13/12). */
    for (size_t i = 0; i < nev && i < 256; i++) {
        ev_mention *b = &evs[i];
        if (drop[i] || !b->has_attr || c.t[b->head].tag != TG_VERB)
            continue;
        const chunk *vg = CH(&c, c.t[b->head].chunk_id);
        if (!vg->future && !(vg->modal >= 0 && tok_is(&c.t[vg->modal], "would")))
            continue;
        /* the speaker is the actor, its side, or the press: not another
         * known party (then it is only a report of a plan) */
        int media = strstr(b->attr.roles, "MED") != NULL;
        int other = b->attr.country[0] && b->src.country[0] && strcmp(b->attr.country, b->src.country) && !media;
        if (!b->has_src || other)
            continue;
        if (b->modality == MOD_NEGATED) {
            b->type = EV_REJECT;
            b->cameo = "120";
            b->type_rule = "said it will not: REJECT (CAMEO 12)";
            b->declared = 1;    /* a refusal stands without a named target */
        } else if (ev_type_conflictual(b->type)) {
            if (b->type != EV_THREATEN) {
                b->type = EV_THREATEN;
                b->cameo = "130";
                b->type_rule = "said it will act against: THREATEN (CAMEO 13)";
            }
        } else if (b->type != EV_AGREE) {
            b->type = EV_AGREE;
            b->cameo = "030";
            b->type_rule = "said it will: AGREE, an expressed intent (CAMEO 03)";
        }
        b->mode = NULL;
        b->modality = MOD_REPORTED;
    }
    /* "X will Y unless Z": a conditional commitment is a threat (CAMEO 13) */
    for (size_t i = 0; i < nev && i < 256; i++) {
        ev_mention *b = &evs[i];
        if (drop[i] || !b->unless || b->conditional || b->secondary)
            continue;
        if (b->future || b->type == EV_AGREE || b->modality == MOD_PLANNED) {
            b->type = EV_THREATEN;
            b->cameo = "130";
            b->mode = NULL;
            b->type_rule = "commitment on a condition (unless): THREATEN (CAMEO 13)";
            if (b->modality == MOD_PLANNED)
                b->modality = b->has_attr ? MOD_REPORTED : MOD_ASSERTED;
        }
    }
    /* "threatened to stop the talks if the United States goes ahead": the
     * one the condition is put to is the target of the threat */
    for (size_t i = 0; i < nev && i < 256; i++) {
        ev_mention *b = &evs[i];
        if (drop[i] || b->type != EV_THREATEN || (b->has_tgt && has_code(&b->tgt)))
            continue;
        for (int32_t k = b->head + 1; (size_t)k + 1 < c.n; k++) {
            if (c.t[k].tag != TG_SCONJ || !(tok_is(&c.t[k], "if") || tok_is(&c.t[k], "unless")))
                continue;
            int ch = chunk_of(&c, k + 1);
            int m = ch >= 0 && CH(&c, ch)->kind == CH_NP && CH(&c, ch)->prep < 0 ? mention_for_np(&c, ch, 1) : -1;
            if (m >= 0 && has_code(&as->m[m]) &&
                !(b->has_src && as->m[m].actor == b->src.actor && !strcmp(as->m[m].country, b->src.country) &&
                  !strcmp(as->m[m].roles, b->src.roles))) {
                set_actor(&b->tgt, &b->has_tgt, &as->m[m]);
                b->tgt_rule = "subject of the condition";
            }
            break;
        }
    }
    /* Hypothetical events (if, unless) are not events.  Background ones
     * (relative clauses, adjuncts, presupposed objects) stand only when the
     * sentence says nothing else. */
    for (size_t i = 0; i < nev && i < 256 && debug; i++)
        if (drop[i])
            debug_drop(debug, &c, &evs[i], "folded into another event");
    int primary = 0;
    for (size_t i = 0; i < nev && i < 256; i++) {
        /* (the type may have changed since: "said it will support" is AGREE) */
        int untargeted = !(evs[i].has_tgt && has_code(&evs[i].tgt)) && !evs[i].declared;
        if (evs[i].conditional || (untargeted && (evs[i].needs_target ||
                                                  (dyadic_type(evs[i].type) && !(evs[i].entry->frame & FR_NOTGT)))))
            drop[i] = 1;
        if (!drop[i] && !evs[i].secondary)
            primary = 1;
    }
    /* a toll ("..., killing 12") goes with the event it is the result of */
    for (size_t i = 0; i < nev && i < 256; i++) {
        if (!evs[i].result || drop[i])
            continue;
        for (size_t j = 0; j < nev && j < 256; j++)
            if (j != i && !drop[j] && !evs[j].result && evs[j].type == evs[i].type) {
                drop[i] = 1;
                debug_drop(debug, &c, &evs[i], "the result of an event already coded");
                break;
            }
    }
    if (primary)
        for (size_t i = 0; i < nev && i < 256; i++)
            if (evs[i].secondary && !drop[i]) {
                drop[i] = 1;
                debug_drop(debug, &c, &evs[i], "background (the sentence has a main event)");
            }
    for (size_t i = 0; i < nev && i < 256 && debug; i++)
        if (drop[i] && (evs[i].conditional || !(evs[i].has_tgt && has_code(&evs[i].tgt))))
            debug_drop(debug, &c, &evs[i], evs[i].conditional ? "conditional or folded" : "needs a target");
    /* compact */
    size_t w = 0;
    for (size_t i = 0; i < nev; i++)
        if (!(i < 256 && drop[i]))
            evs[w++] = evs[i];
    *nout = base + w;
    /* remember the parties of this sentence's conflict */
    /* (two-sided events -- fighting between, talks between, a truce --
     * name the sides better than a one-sided attack, which only replaces
     * them when no two-sided event was seen in the last sentences) */
    for (size_t i = 0; i < w; i++) {
        ev_mention *ev = &evs[i];
        if (!((ev->type == EV_ASSAULT || ev->type == EV_COERCE || ev->symmetric) && ev->has_src && ev->has_tgt &&
              has_code(&ev->src) && has_code(&ev->tgt) && ev->src.kind != AK_BOTH))
            continue;
        if (!ev->symmetric && st->nparty == 2 && st->party_symmetric && s->index <= st->party_sent + 4)
            continue;
        st->party[0] = ev->src;
        st->party[1] = ev->tgt;
        st->nparty = 2;
        st->party_sent = s->index;
        st->party_symmetric = ev->symmetric;
    }
    if (usedp != used)
        free(usedp);
    return 0;
}
