/* tagger.c -- a light part-of-speech tagger over WordNet's candidates.
 *
 * WordNet says which parts of speech a word can have ("attack": noun or
 * verb) and how often each was seen in its tagged corpus; closed.c says
 * what the function words are.  The tagger picks one tag per token with a
 * few contextual preferences that matter for event coding: after a
 * determiner comes a noun, after a modal or infinitival "to" a verb, after
 * "have" a participle, a subject pronoun is followed by a verb.  It then
 * assigns the verb form (past, participle, -ing) and the lemma.  It is not a
 * statistical tagger and does not try to be one: the events stage needs
 * verbs found and nouns not mistaken for them. */
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n > l && memcmp(s + n - l, suf, l) == 0;
}

static int subj_pronoun(const token *t)
{
    return tok_is(t, "he") || tok_is(t, "she") || tok_is(t, "it") || tok_is(t, "they") ||
           tok_is(t, "we") || tok_is(t, "i") || tok_is(t, "you");
}

static const char *lemma_for(const lexicon *lx, token *t, int pos, arena *a)
{
    const char *c[4];
    size_t cl[4];
    char scratch[512];
    int k = lex_lemmas(lx, t->fold, t->flen, pos, c, cl, 4, scratch, sizeof scratch);
    if (k <= 0)
        return NULL;
    /* Lemmas from the lexicon point into its mapping; those built in the
     * scratch buffer never reach here (lex_lemmas returns lexicon strings). */
    char *s = arena_strndup(a, c[0], cl[0]);
    if (s)
        t->llen = (uint16_t)cl[0];
    return s;
}

/* Previous token index skipping adverbs and negation; -1 at the start. */
static long prev_core(const token *t, long i)
{
    for (long j = i - 1; j >= 0; j--) {
        if (t[j].tag == TG_ADV || t[j].tag == TG_NEG)
            continue;
        return j;
    }
    return -1;
}

/* "spoke", "fled", "began": an irregular past form WordNet lists. */
static int irregular_verb_form(const lexicon *lx, const token *t)
{
    const lex_entry *e = lex_find(lx, t->fold, t->flen);
    if (!e)
        return 0;
    const lex_exc *x = lex_excs(lx, e);
    for (int i = 0; i < e->nexc; i++)
        if (x[i].pos == LEX_V && !ends_with(t->fold, t->flen, "s"))
            return 1;
    return 0;
}

/* Verbs that take an -ing complement (a closed grammatical set). */
static const char *const aspectual_verbs[] = {"resume", "continue", "stop", "start", "begin", "keep",
                                              "finish", "avoid", "consider", "deny", "admit", "risk",
                                              "cease", "quit", NULL};

/* Is some verb lemma of t in list? (Lemmas are not set yet while tagging.) */
static int verb_lemma_in(const lexicon *lx, const token *t, const char *const *list)
{
    const char *c[4];
    size_t cl[4];
    char scratch[256];
    int k = lex_lemmas(lx, t->fold, t->flen, LEX_V, c, cl, 4, scratch, sizeof scratch);
    for (int i = 0; i < k; i++)
        for (const char *const *q = list; *q; q++)
            if (strlen(*q) == cl[i] && !memcmp(*q, c[i], cl[i]))
                return 1;
    return 0;
}

static void choose_open(const lexicon *lx, token *t, size_t n, size_t i)
{
    token *tk = &t[i];
    int cand = tk->cand;
    double sc[4] = {-1e9, -1e9, -1e9, -1e9};   /* N V A R */
    static const int bits[4] = {LEX_N, LEX_V, LEX_A, LEX_R};
    for (int k = 0; k < 4; k++)
        if (cand & bits[k])
            sc[k] = log(1.0 + lex_weight(lx, tk->fold, tk->flen, bits[k])) * 0.6;
    int ing = ends_with(tk->fold, tk->flen, "ing");
    int ed = ends_with(tk->fold, tk->flen, "ed") || irregular_verb_form(lx, tk);
    long p = prev_core(t, (long)i);
    const token *pv = p >= 0 ? &t[p] : NULL;
    const token *nx = i + 1 < n ? &t[i + 1] : NULL;
    int ptag = pv ? pv->tag : TG_X;
    if (!pv) {
        sc[0] += 0.5;
        sc[1] -= ing ? 0.5 : 1.0;
    } else if (ptag == TG_DET || ptag == TG_PRPS || ptag == TG_POS || ptag == TG_NUM || ptag == TG_ADJ) {
        sc[0] += 3;
        sc[2] += 2;
        sc[1] += (ed || ing) ? -1.5 : -6;
    } else if (ptag == TG_MODAL || ptag == TG_TO || (ptag == TG_AUX && pv->aux == AUX_DO)) {
        sc[1] += 6;
        sc[0] -= 3;
        sc[2] -= 1;
    } else if (ptag == TG_AUX && pv->aux == AUX_HAVE) {
        sc[1] += ed ? 6 : 1;
        sc[2] -= 1;
    } else if (ptag == TG_AUX && pv->aux == AUX_BE) {
        /* "is willing", "is ready": adjectives far more often than verbs */
        unsigned wa = (cand & LEX_A) ? lex_weight(lx, tk->fold, tk->flen, LEX_A) : 0;
        unsigned wv = (cand & LEX_V) ? lex_weight(lx, tk->fold, tk->flen, LEX_V) : 0;
        if (wa > 2 * wv + 2)
            sc[2] += 3;
        sc[1] += (ed || ing) ? 3.5 : -2;
        sc[2] += 2.5;
        sc[0] += 0.5;
    } else if (ptag == TG_PRON && subj_pronoun(pv)) {
        sc[1] += 4;
        sc[0] -= 2;
    } else if (ptag == TG_WH) {
        sc[1] += 4;
    } else if (ptag == TG_NOUN || ptag == TG_PROPN) {
        /* "Russian forces", "government forces", "military bases": a plural
         * after a modifier-like word is a noun compound far more often than
         * a present-tense verb in news; a past form is a verb ("Russia
         * attacked"). */
        int ends_s = ends_with(tk->fold, tk->flen, "s") && !ends_with(tk->fold, tk->flen, "ss");
        int adjlike = (pv->cand & LEX_A) != 0;
        /* a capitalised word that is a name, not a sentence-initial common word */
        int name = (pv->flags & TF_CAP) && !(tk->flags & TF_CAP) && !adjlike &&
                   !((pv->flags & TF_FIRST) && pv->cand);
        int plural_prev = pv->tag == TG_NOUN && pv->lemma == NULL && pv->flen > 3 &&
                          pv->fold[pv->flen - 1] == 's' && pv->fold[pv->flen - 2] != 's';
        unsigned wn = (cand & LEX_N) ? lex_weight(lx, tk->fold, tk->flen, LEX_N) : 0;
        unsigned wv = (cand & LEX_V) ? lex_weight(lx, tk->fold, tk->flen, LEX_V) : 0;
        if (ends_s && (cand & LEX_N) && adjlike)
            sc[0] += 3;
        else if (name && (ends_s || ed || wv > 3 * wn) && wv > wn)
            sc[1] += 2.5;   /* "Syria says", "Russia attacked", "the US cancel" but "Croat forces" */
        else if (name && ends_s && (cand & LEX_N))
            sc[0] += 2;
        else if (ends_s && (cand & LEX_N) && pv->tag == TG_NOUN)
            sc[0] += 1.5;
        else if (!ends_s && !ed && pv->tag == TG_PROPN && (pv->cand & LEX_A))
            sc[0] += 2;     /* "the Syrian coast" */
        else if (!ends_s && !ed && plural_prev && (cand & LEX_V))
            sc[1] += 2.5;   /* "whom authorities blame": a plural noun is rarely a modifier */
        else if (ends_s)
            sc[1] += 1.5;
        else if (ed)
            sc[1] += 2.5;
        else
            sc[0] += 2;     /* noun compounds: "food aid", "peace talks" */
    } else if (ptag == TG_PREP) {
        sc[0] += 2;
        sc[2] += 1;
        sc[1] += ing ? 1.5 : -4;
    } else if (ptag == TG_VERB) {
        sc[0] += 1;
        sc[2] += 1;
        sc[1] -= 1;
    }
    /* an adjective before a noun: "a recent offensive" */
    if (nx && (cand & LEX_A) && !ed && nx->tag == TG_X && (nx->cand & LEX_N) && !(nx->cand & LEX_R) && ptag != TG_AUX &&
        lex_weight(lx, nx->fold, nx->flen, LEX_N) >= lex_weight(lx, nx->fold, nx->flen, LEX_V))
        sc[2] += 1.5;
    /* "led by", "killed by": a participle */
    if (nx && tok_is(nx, "by") && (cand & LEX_V) && ed)
        sc[1] += 3;
    /* coordinated predicates: "did not attempt ... and instead granted" */
    if (ptag == TG_CONJ && (cand & LEX_V) && ed && !(tk->flags & TF_CAP))
        sc[1] += 2.5;
    /* "they still have": an adverb before a verb or auxiliary (not inside a
     * noun phrase: "their first meeting") */
    if (nx && (cand & LEX_R) && ptag != TG_DET && ptag != TG_PRPS && ptag != TG_POS && ptag != TG_ADJ &&
        (nx->tag == TG_AUX || nx->tag == TG_MODAL || (nx->tag == TG_X && (nx->cand & LEX_V))))
        sc[3] += 4.5;
    /* "resume shelling", "began moving": an -ing form after an aspectual
     * verb is a verb, not a noun */
    if (pv && pv->tag == TG_VERB && ing && (cand & LEX_V) &&
        verb_lemma_in(lx, pv, aspectual_verbs))
        sc[1] += 3;
    /* ", killing one person": a participial clause after a comma */
    if (pv && pv->tag == TG_PUNCT && tok_is(pv, ",") && ing && (cand & LEX_V))
        sc[1] += 2.5;
    if (nx) {
        if (nx->tag == TG_DET || nx->tag == TG_PRPS || nx->tag == TG_NUM ||
            (nx->tag == TG_PRON && !subj_pronoun(nx)))
            sc[1] += 2;
        if (tok_is(nx, "of"))
            sc[0] += 2;
        if (nx->tag == TG_MODAL || (nx->tag == TG_AUX && ptag != TG_DET))
            sc[0] += 1.5;
        if (tok_is(nx, "to") && (cand & LEX_V))
            sc[1] += 0.5;
    }
    if (ends_with(tk->fold, tk->flen, "ly") && (cand & LEX_R))
        sc[3] += 2;
    if (getenv("SITREP_DEBUG_TAGGER"))
        fprintf(stderr, "tag %s: N %.2f V %.2f A %.2f R %.2f (prev %s)\n", tk->fold, sc[0], sc[1], sc[2], sc[3],
                pv ? pv->fold : "-");
    int best = -1;
    for (int k = 0; k < 4; k++)
        if ((cand & bits[k]) && (best < 0 || sc[k] > sc[best]))
            best = k;
    tk->tag = best == 0 ? TG_NOUN : best == 1 ? TG_VERB : best == 2 ? TG_ADJ : best == 3 ? TG_ADV : TG_NOUN;
}

static void verb_form(token *t, size_t n, size_t i)
{
    token *tk = &t[i];
    if (ends_with(tk->fold, tk->flen, "ing")) {
        tk->vform = VF_GER;
        return;
    }
    if (tk->lemma && strcmp(tk->fold, tk->lemma) == 0) {
        long p = prev_core(t, (long)i);
        if (p >= 0 && t[p].tag == TG_AUX && (t[p].aux == AUX_HAVE || t[p].aux == AUX_BE))
            tk->vform = VF_PART;    /* "has put", "was hit" */
        else
            tk->vform = VF_BASE;
        return;
    }
    if (ends_with(tk->fold, tk->flen, "s") && !ends_with(tk->fold, tk->flen, "ss")) {
        tk->vform = VF_3SG;
        return;
    }
    long p = prev_core(t, (long)i);
    if (p >= 0 && t[p].tag == TG_AUX && (t[p].aux == AUX_HAVE || t[p].aux == AUX_BE)) {
        tk->vform = VF_PART;
        return;
    }
    if (p >= 0 && (t[p].tag == TG_DET || t[p].tag == TG_ADJ || t[p].tag == TG_PRPS)) {
        tk->vform = VF_PART;
        return;
    }
    /* "an offensive led by", "militants killed in": a participle directly
     * followed by "by" is a reduced passive. */
    if (i + 1 < n && tok_is(&t[i + 1], "by") && p >= 0 &&
        (t[p].tag == TG_NOUN || t[p].tag == TG_PROPN)) {
        /* ... but only once the sentence has its main verb ("President X
         * on Thursday shortened by one hour the curfew" is active) */
        int finite_before = 0;
        for (size_t k = 0; k < i; k++)
            if (t[k].tag == TG_AUX || t[k].tag == TG_MODAL || (t[k].tag == TG_VERB && t[k].vform != VF_PART &&
                                                              t[k].vform != VF_GER))
                finite_before = 1;
        if (finite_before) {
            tk->vform = VF_PART;
            return;
        }
    }
    tk->vform = VF_PAST;
}

void text_tag(const lexicon *lx, const char *text, token *t, size_t n, arena *a)
{
    (void)text;
    /* Pass 1: fixed tags and candidates. */
    for (size_t i = 0; i < n; i++) {
        token *tk = &t[i];
        tk->tag = TG_X;
        if (!(tk->flags & TF_WORD)) {
            tk->tag = TG_PUNCT;
            /* Workers' Party: a lone apostrophe after -s before a word. */
            if ((tok_is(tk, "'")) && i > 0 && i + 1 < n && (t[i - 1].flags & TF_WORD) &&
                !(tk->flags & TF_SPACE) && t[i - 1].flen > 1 &&
                t[i - 1].fold[t[i - 1].flen - 1] == 's' && (t[i + 1].flags & TF_WORD))
                tk->tag = TG_POS;
            tk->lemma = tk->fold;
            tk->llen = tk->flen;
            continue;
        }
        uint8_t aux = 0;
        int ct = text_closed_tag(tk->fold, tk->flen, &aux);
        if (ct != TG_X && !((tk->flags & TF_ALLCAP) && tk->flen > 1 && !(tk->flags & TF_FIRST))) {
            tk->tag = (uint8_t)ct;
            tk->aux = aux;
            continue;
        }
        if ((tk->flags & TF_DIGIT)) {
            tk->tag = TG_NUM;
            continue;
        }
        tk->cand = (uint8_t)lex_pos_of(lx, tk->fold, tk->flen);
        int cap = (tk->flags & TF_CAP) != 0;
        if (cap && !(tk->flags & TF_FIRST) && !(tk->flags & TF_INQUOTE && i > 0 && t[i - 1].flags & TF_QUOTE))
            tk->tag = TG_PROPN;
        else if (cap && !tk->cand)
            tk->tag = TG_PROPN;

        else if (tk->flags & TF_ABBR)
            tk->tag = TG_PROPN;
        else if (!tk->cand)
            tk->tag = ends_with(tk->fold, tk->flen, "ly") ? TG_ADV : TG_NOUN;
    }
    /* Pass 2: context for the function words whose tag depends on it. */
    for (size_t i = 0; i < n; i++) {
        token *tk = &t[i];
        token *nx = i + 1 < n ? &t[i + 1] : NULL;
        if (tk->tag == TG_TO) {
            int verb_next = nx && nx->tag == TG_X && (nx->cand & LEX_V) && !(nx->flags & TF_CAP);
            if (nx && (nx->tag == TG_AUX || nx->tag == TG_ADV))
                verb_next = 1;
            if (!verb_next)
                tk->tag = TG_PREP;
        } else if (tok_is(tk, "once") && nx && tok_is(nx, "again")) {
            tk->tag = TG_ADV;   /* "once again" */
        } else if (tk->tag == TG_POS && tok_is(tk, "'s") && i > 0 && t[i - 1].tag == TG_PRON) {
            tk->tag = TG_AUX;
            tk->aux = AUX_BE;
        }
    }
    /* Pass 3: open-class words, left to right. */
    for (size_t i = 0; i < n; i++) {
        token *tk = &t[i];
        if (tk->tag == TG_X) {
            if (tk->cand & (tk->cand - 1))
                choose_open(lx, t, n, i);
            else
                tk->tag = tk->cand == LEX_V ? TG_VERB : tk->cand == LEX_A ? TG_ADJ :
                          tk->cand == LEX_R ? TG_ADV : TG_NOUN;
        }
    }
    /* Pass 3b: "Kurdish-led", "long-threatened", "war-torn", "state-owned":
     * a participle joined by a hyphen to the word before is an adjective. */
    for (size_t i = 2; i < n; i++) {
        token *tk = &t[i];
        if (tk->tag == TG_VERB && !(tk->flags & TF_SPACE) && tok_is(&t[i - 1], "-") &&
            !(t[i - 1].flags & TF_SPACE) && (t[i - 2].flags & TF_WORD) &&
            (ends_with(tk->fold, tk->flen, "ed") || ends_with(tk->fold, tk->flen, "ing") ||
             irregular_verb_form(lx, tk)))
            tk->tag = TG_ADJ;
    }
    /* Pass 4: revisit "that", main-verb have/do, and since/after. */
    for (size_t i = 0; i < n; i++) {
        token *tk = &t[i];
        token *nx = i + 1 < n ? &t[i + 1] : NULL;
        long p = prev_core(t, (long)i);
        if (tok_is(tk, "that") && tk->tag == TG_SCONJ) {
            int pt = p >= 0 ? t[p].tag : TG_X;
            if (nx && (nx->tag == TG_NOUN || nx->tag == TG_ADJ) && (pt == TG_VERB || pt == TG_PREP) &&
                !(i + 2 < n && (t[i + 2].tag == TG_VERB || t[i + 2].tag == TG_AUX || t[i + 2].tag == TG_MODAL)))
                tk->tag = TG_DET;
            else if ((pt == TG_NOUN || pt == TG_PROPN) && nx &&
                     (nx->tag == TG_VERB || nx->tag == TG_AUX || nx->tag == TG_MODAL || nx->tag == TG_ADV))
                tk->tag = TG_WH;
        }
        if (tk->tag == TG_AUX && (tk->aux == AUX_HAVE || tk->aux == AUX_DO)) {
            /* An auxiliary is followed (after adverbs/negation) by a verb. */
            size_t j = i + 1;
            while (j < n && (t[j].tag == TG_ADV || t[j].tag == TG_NEG))
                j++;
            int verb_follows = j < n && (t[j].tag == TG_VERB || t[j].tag == TG_AUX);
            if (!verb_follows && !(tk->aux == AUX_DO && j < n && t[j].tag == TG_PUNCT)) {
                tk->tag = TG_VERB;
            }
        }
        if (tk->tag == TG_PREP && nx && nx->tag == TG_PRON && subj_pronoun(nx) &&
            (tok_is(tk, "after") || tok_is(tk, "before") || tok_is(tk, "since") || tok_is(tk, "until")))
            tk->tag = TG_SCONJ;
    }
    /* Pass 5: lemmas and verb forms. */
    for (size_t i = 0; i < n; i++) {
        token *tk = &t[i];
        if (tk->lemma)
            continue;
        const char *lm = NULL;
        switch (tk->tag) {
        case TG_NOUN:
            lm = lemma_for(lx, tk, LEX_N, a);
            break;
        case TG_PROPN:
            if (tk->cand & LEX_N)
                lm = lemma_for(lx, tk, LEX_N, a);
            break;
        case TG_VERB:
            lm = lemma_for(lx, tk, LEX_V, a);
            break;
        case TG_AUX:
            lm = tk->aux == AUX_BE ? "be" : tk->aux == AUX_HAVE ? "have" : tk->aux == AUX_DO ? "do" : NULL;
            if (lm)
                tk->llen = (uint16_t)strlen(lm);
            break;
        case TG_ADJ:
            lm = lemma_for(lx, tk, LEX_A, a);
            break;
        default:
            break;
        }
        if (!lm) {
            lm = tk->fold;
            tk->llen = tk->flen;
        }
        tk->lemma = lm;
        if (tk->tag == TG_VERB)
            verb_form(t, n, i);
        else if (tk->tag == TG_AUX)
            tk->vform = ends_with(tk->fold, tk->flen, "ing") ? VF_GER :
                        (tok_is(tk, "been") || tok_is(tk, "done")) ? VF_PART :
                        (tok_is(tk, "was") || tok_is(tk, "were") || tok_is(tk, "had") || tok_is(tk, "did")) ? VF_PAST :
                        VF_BASE;
    }
}
