/* chunk.c -- a shallow parse: noun-phrase chunks and verb groups.
 *
 * The events stage needs to know, for a trigger, where its subject, object
 * and prepositional phrases are, whether its verb group is passive, negated,
 * future or infinitival.  A full parser would give more, at a cost in speed
 * and in robustness on web text; these chunks give enough for the clause
 * rules in src/events/.  An NP keeps possessive chains whole ("Syria's
 * defense ministry") and coordinated adjectives ("Hungarian and Romanian
 * officials"); a PP is recorded as the preposition on the NP it introduces.
 */
#include "text.h"

#include <string.h>

static int np_mod(const token *t)
{
    return t->tag == TG_ADJ || t->tag == TG_NOUN || t->tag == TG_PROPN || t->tag == TG_NUM ||
           (t->tag == TG_VERB && (t->vform == VF_PART || t->vform == VF_GER));
}

/* An adjective, or a capitalised demonym ("Hungarian"), which the tagger
 * marks as a proper noun. */
static int adjlike(const token *t)
{
    return t->tag == TG_ADJ || ((t->tag == TG_PROPN || (t->tag == TG_NOUN && (t->flags & TF_CAP))) &&
                                (t->cand & LEX_A));
}

static int np_head(const token *t)
{
    return t->tag == TG_NOUN || t->tag == TG_PROPN || t->tag == TG_NUM;
}

/* Is the hyphen at i inside a word ("Kurdish-led", "al-Sharaa")? */
static int inner_hyphen(const token *t, size_t n, size_t i)
{
    return tok_is(&t[i], "-") && i > 0 && i + 1 < n && !(t[i].flags & TF_SPACE) &&
           !(t[i + 1].flags & TF_SPACE) && (t[i - 1].flags & TF_WORD) && (t[i + 1].flags & TF_WORD);
}

/* Try an NP starting at i; returns the index after it (i when none). */
/* "up to 100", "more than 30", "about 200": a quantifier before a number is
 * part of the noun phrase, not a preposition.  Returns its length. */
static size_t quantifier_len(const token *t, size_t n, size_t i)
{
    static const char *const two[][2] = {{"up", "to"}, {"more", "than"}, {"fewer", "than"},
                                         {"less", "than"}, {"at", "least"}, {"at", "most"},
                                         {"as", "many"}, {"close", "to"}, {"upwards", "of"}};
    static const char *const one[] = {"about", "around", "over", "under", "nearly", "almost",
                                      "approximately", "roughly", "some", "just", NULL};
    for (size_t k = 0; k < sizeof two / sizeof two[0]; k++)
        if (i + 2 < n && tok_is(&t[i], two[k][0]) && tok_is(&t[i + 1], two[k][1])) {
            size_t e = i + 2;
            if (tok_is(&t[e], "as") && e + 1 < n)   /* "as many as" */
                e++;
            return t[e].tag == TG_NUM ? e - i : 0;
        }
    for (const char *const *w = one; *w; w++)
        if (i + 1 < n && tok_is(&t[i], *w) && t[i + 1].tag == TG_NUM)
            return 1;
    return 0;
}

static size_t scan_np(const token *t, size_t n, size_t i, long *head)
{
    size_t j = i;
    long h = -1;
    if (j < n && t[j].tag == TG_PRON) {
        *head = (long)j;
        return j + 1;
    }
    for (;;) {
        size_t k = j;
        while (k < n && (t[k].tag == TG_DET || t[k].tag == TG_PRPS))
            k++;
        size_t m = k;
        long lh = -1;
        while (m < n) {
            /* a participle opens an NP only after a determiner ("the
             * ousted president"); else it is a verb ("transferring X") */
            if (m == k && k == j && t[m].tag == TG_VERB)
                break;
            if (np_mod(&t[m]) || (t[m].tag == TG_ADV && m + 1 < n && t[m + 1].tag == TG_ADJ)) {
                /* "the fighting", "heavy fighting": an -ing head after a
                 * determiner or adjective, not after a noun ("refugees
                 * fleeing the war") */
                if (np_head(&t[m]) || (t[m].tag == TG_VERB && t[m].vform == VF_GER && m + 1 < n &&
                                       !np_mod(&t[m + 1]) && m > j &&
                                       (t[m - 1].tag == TG_DET || t[m - 1].tag == TG_ADJ || t[m - 1].tag == TG_PRPS)))
                    lh = (long)m;
                m++;
                continue;
            }
            if (inner_hyphen(t, n, m)) {
                m++;
                continue;
            }
            /* "SPLM/A", "AT&T": a slash or ampersand inside a name */
            if (m > k && m + 1 < n && (tok_is(&t[m], "/") || tok_is(&t[m], "&")) &&
                !(t[m].flags & TF_SPACE) && !(t[m + 1].flags & TF_SPACE) && (t[m + 1].flags & TF_CAP) &&
                (t[m - 1].flags & TF_CAP)) {
                lh = (long)(m + 1);
                m += 2;
                continue;
            }
            /* "Hungarian and Romanian officials": and/or between modifiers
             * when a noun head follows. */
            if (t[m].tag == TG_CONJ && m > k && adjlike(&t[m - 1]) && m + 2 < n && adjlike(&t[m + 1]) &&
                (t[m + 2].tag == TG_NOUN || t[m + 2].tag == TG_ADJ || t[m + 2].tag == TG_PROPN)) {
                m++;
                continue;
            }
            break;
        }
        /* A participle or adjective cannot end an NP by itself (no head). */
        if (lh < 0) {
            if (m > k && k > j) {
                /* "the wounded": determiner + adjective */
                lh = (long)(m - 1);
            } else {
                break;
            }
        }
        /* trailing participles after the head are verbs, not modifiers */
        while (m > (size_t)lh + 1)
            m--;
        h = lh;
        j = m;
        /* possessive: continue with the possessed NP */
        if (j < n && t[j].tag == TG_POS && j + 1 < n &&
            (np_mod(&t[j + 1]) || t[j + 1].tag == TG_ADV)) {
            j++;
            continue;
        }
        break;
    }
    if (h < 0)
        return i;
    *head = h;
    return j;
}

/* Try a verb group at i; returns the index after it (i when none). */
static size_t scan_vg(const token *t, size_t n, size_t i, chunk *c)
{
    size_t j = i;
    long mainv = -1, modal = -1, lastaux = -1;
    int neg = 0, inf = 0, be_before = 0, have = 0, fut = 0;
    if (j < n && t[j].tag == TG_TO) {
        inf = 1;
        j++;
    }
    while (j < n) {
        const token *k = &t[j];
        if (k->tag == TG_MODAL) {
            if (mainv >= 0)
                break;
            modal = (long)j;
            if (tok_is(k, "will") || tok_is(k, "shall") || tok_is(k, "'ll") || tok_is(k, "wo"))
                fut = 1;
        } else if (k->tag == TG_AUX) {
            if (mainv >= 0)
                break;
            lastaux = (long)j;
            if (k->aux == AUX_BE)
                be_before = 1;
            if (k->aux == AUX_HAVE)
                have = 1;
        } else if (k->tag == TG_NEG) {
            neg = 1;
        } else if (k->tag == TG_ADV) {
            /* adverbs inside the group: "have been actively building" */
            if (mainv >= 0)
                break;
        } else if (k->tag == TG_VERB) {
            if (mainv >= 0)
                break;
            mainv = (long)j;
            /* "going to VERB" is a future */
            if (lemma_is(k, "go") && k->vform == VF_GER && j + 2 < n && t[j + 1].tag == TG_TO &&
                t[j + 2].tag == TG_VERB) {
                fut = 1;
                mainv = -1;
                j += 1;
                inf = 0;
            }
        } else if (k->tag == TG_TO && modal >= 0 && tok_is(&t[modal], "ought")) {
            /* ought to */
        } else {
            break;
        }
        j++;
    }
    /* trailing adverbs/negation belong to whatever follows */
    while (j > i && (t[j - 1].tag == TG_ADV || t[j - 1].tag == TG_NEG) && (long)(j - 1) > mainv &&
           (long)(j - 1) > lastaux)
        j--;
    if (mainv < 0 && lastaux < 0 && modal < 0)
        return i;
    if (mainv < 0 && lastaux < 0)
        return i;   /* a lone modal */
    memset(c, 0, sizeof(*c));
    c->kind = CH_VG;
    c->first = (int32_t)i;
    c->last = (int32_t)(j - 1);
    c->head = (int32_t)(mainv >= 0 ? mainv : lastaux);
    c->modal = (int32_t)modal;
    c->negated = (uint8_t)neg;
    c->infinitive = (uint8_t)inf;
    c->future = (uint8_t)fut;
    c->perfect = (uint8_t)have;
    c->prep = -1;
    if (mainv >= 0 && be_before && t[mainv].vform == VF_PART)
        c->passive = 1;
    if (!inf && modal < 0 && lastaux < 0 && mainv >= 0 &&
        (t[mainv].vform == VF_GER || t[mainv].vform == VF_PART)) {
        c->participle = 1;
        /* a bare participle after a noun with "by": passive reduced clause */
        if (t[mainv].vform == VF_PART)
            c->passive = 1;
    }
    c->finite = !inf && !c->participle;
    return j;
}

int text_chunk(sentence *s, arena *a)
{
    token *t = s->toks;
    size_t n = s->ntok;
    chunk *cs = arena_alloc(a, (n + 1) * sizeof(chunk));
    if (!cs)
        return -1;
    size_t nc = 0;
    size_t i = 0;
    while (i < n) {
        chunk c;
        long head = -1;
        long prep = -1;
        size_t np_start = i;
        size_t q = quantifier_len(t, n, i);
        if (!q && t[i].tag == TG_PREP && i + 1 < n) {
            prep = (long)i;
            np_start = i + 1;
            q = quantifier_len(t, n, np_start);
        }
        size_t first = np_start;
        np_start += q;
        size_t e = scan_np(t, n, np_start, &head);
        if (e > np_start) {
            memset(&c, 0, sizeof c);
            c.kind = CH_NP;
            c.first = (int32_t)first;
            c.last = (int32_t)(e - 1);
            c.head = (int32_t)head;
            c.prep = (int32_t)prep;
            c.modal = -1;
            for (size_t k = first; k < e; k++) {
                t[k].chunk = CH_NP;
                t[k].chunk_id = (int32_t)nc;
            }
            if (prep >= 0) {
                t[prep].chunk = CH_PP;
                t[prep].chunk_id = (int32_t)nc;
            }
            cs[nc++] = c;
            i = e;
            continue;
        }
        e = scan_vg(t, n, i, &c);
        if (e > i) {
            for (size_t k = i; k < e; k++) {
                t[k].chunk = CH_VG;
                t[k].chunk_id = (int32_t)nc;
            }
            cs[nc++] = c;
            i = e;
            continue;
        }
        i++;
    }
    s->chunks = cs;
    s->nchunks = nc;
    return 0;
}
