/* closed.c -- English function words and their tags.
 *
 * WordNet covers the open classes (nouns, verbs, adjectives, adverbs) only;
 * determiners, pronouns, prepositions, conjunctions, auxiliaries and modals
 * are a closed grammatical set and are listed here.  Ambiguous ones (that,
 * to, as, since, after, before, until) get their most common tag and the
 * tagger revisits them in context. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct cw { const char *w; uint8_t tag, aux; } cw;

/* Sorted by w (strcmp order) for bsearch; the test suite checks the order. */
static const cw words[] = {
    {"'d", TG_MODAL, 0}, {"'ll", TG_MODAL, 0}, {"'m", TG_AUX, AUX_BE}, {"'re", TG_AUX, AUX_BE},
    {"'s", TG_POS, 0}, {"'ve", TG_AUX, AUX_HAVE},
    {"a", TG_DET, 0}, {"aboard", TG_PREP, 0}, {"about", TG_PREP, 0}, {"above", TG_PREP, 0},
    {"across", TG_PREP, 0}, {"after", TG_PREP, 0}, {"against", TG_PREP, 0}, {"ago", TG_ADV, 0},
    {"all", TG_DET, 0}, {"along", TG_PREP, 0}, {"alongside", TG_PREP, 0}, {"although", TG_SCONJ, 0},
    {"am", TG_AUX, AUX_BE}, {"amid", TG_PREP, 0}, {"amidst", TG_PREP, 0}, {"among", TG_PREP, 0},
    {"amongst", TG_PREP, 0}, {"an", TG_DET, 0}, {"and", TG_CONJ, 0}, {"another", TG_DET, 0},
    {"any", TG_DET, 0}, {"are", TG_AUX, AUX_BE}, {"around", TG_PREP, 0}, {"as", TG_SCONJ, 0},
    {"at", TG_PREP, 0}, {"atop", TG_PREP, 0},
    {"be", TG_AUX, AUX_BE}, {"because", TG_SCONJ, 0}, {"been", TG_AUX, AUX_BE},
    {"before", TG_PREP, 0}, {"behind", TG_PREP, 0}, {"being", TG_AUX, AUX_BE}, {"below", TG_PREP, 0},
    {"beneath", TG_PREP, 0}, {"beside", TG_PREP, 0}, {"besides", TG_PREP, 0}, {"between", TG_PREP, 0},
    {"beyond", TG_PREP, 0}, {"both", TG_DET, 0}, {"but", TG_CONJ, 0}, {"by", TG_PREP, 0},
    {"ca", TG_MODAL, 0}, {"can", TG_MODAL, 0}, {"cannot", TG_MODAL, 0}, {"could", TG_MODAL, 0},
    {"despite", TG_PREP, 0}, {"did", TG_AUX, AUX_DO}, {"do", TG_AUX, AUX_DO}, {"does", TG_AUX, AUX_DO},
    {"doing", TG_AUX, AUX_DO}, {"done", TG_AUX, AUX_DO}, {"down", TG_PREP, 0}, {"during", TG_PREP, 0},
    {"each", TG_DET, 0}, {"either", TG_DET, 0}, {"every", TG_DET, 0}, {"except", TG_PREP, 0},
    {"few", TG_DET, 0}, {"for", TG_PREP, 0}, {"from", TG_PREP, 0},
    {"had", TG_AUX, AUX_HAVE}, {"has", TG_AUX, AUX_HAVE}, {"have", TG_AUX, AUX_HAVE},
    {"having", TG_AUX, AUX_HAVE}, {"he", TG_PRON, 0}, {"her", TG_PRPS, 0}, {"hers", TG_PRON, 0},
    {"herself", TG_PRON, 0}, {"him", TG_PRON, 0}, {"himself", TG_PRON, 0}, {"his", TG_PRPS, 0},
    {"how", TG_WH, 0},
    {"i", TG_PRON, 0}, {"if", TG_SCONJ, 0}, {"in", TG_PREP, 0}, {"inside", TG_PREP, 0},
    {"into", TG_PREP, 0}, {"is", TG_AUX, AUX_BE}, {"it", TG_PRON, 0}, {"its", TG_PRPS, 0},
    {"itself", TG_PRON, 0},
    {"last", TG_ADJ, 0}, {"less", TG_ADV, 0}, {"many", TG_DET, 0}, {"may", TG_MODAL, 0},
    {"me", TG_PRON, 0}, {"might", TG_MODAL, 0}, {"mine", TG_PRON, 0}, {"more", TG_ADV, 0},
    {"most", TG_ADV, 0}, {"much", TG_DET, 0}, {"must", TG_MODAL, 0}, {"my", TG_PRPS, 0},
    {"n't", TG_NEG, 0}, {"near", TG_PREP, 0}, {"nearly", TG_ADV, 0}, {"neither", TG_DET, 0},
    {"never", TG_NEG, 0}, {"no", TG_DET, 0}, {"nor", TG_CONJ, 0}, {"not", TG_NEG, 0},
    {"of", TG_PREP, 0}, {"off", TG_PREP, 0}, {"on", TG_PREP, 0}, {"once", TG_SCONJ, 0},
    {"onto", TG_PREP, 0}, {"or", TG_CONJ, 0}, {"ought", TG_MODAL, 0}, {"our", TG_PRPS, 0},
    {"ours", TG_PRON, 0}, {"ourselves", TG_PRON, 0}, {"out", TG_PREP, 0}, {"outside", TG_PREP, 0},
    {"over", TG_PREP, 0},
    {"per", TG_PREP, 0}, {"regarding", TG_PREP, 0},
    {"several", TG_DET, 0}, {"shall", TG_MODAL, 0}, {"she", TG_PRON, 0}, {"should", TG_MODAL, 0},
    {"since", TG_PREP, 0}, {"so", TG_ADV, 0}, {"some", TG_DET, 0}, {"such", TG_DET, 0},
    {"than", TG_PREP, 0}, {"that", TG_SCONJ, 0}, {"the", TG_DET, 0}, {"their", TG_PRPS, 0},
    {"theirs", TG_PRON, 0}, {"them", TG_PRON, 0}, {"themselves", TG_PRON, 0},
    {"these", TG_DET, 0}, {"they", TG_PRON, 0}, {"this", TG_DET, 0}, {"those", TG_DET, 0},
    {"though", TG_SCONJ, 0}, {"through", TG_PREP, 0}, {"throughout", TG_PREP, 0},
    {"till", TG_PREP, 0}, {"to", TG_TO, 0}, {"today", TG_ADV, 0}, {"tomorrow", TG_ADV, 0},
    {"tonight", TG_ADV, 0}, {"toward", TG_PREP, 0}, {"towards", TG_PREP, 0},
    {"under", TG_PREP, 0}, {"underneath", TG_PREP, 0}, {"unless", TG_SCONJ, 0},
    {"unlike", TG_PREP, 0}, {"until", TG_PREP, 0}, {"unto", TG_PREP, 0}, {"up", TG_PREP, 0},
    {"upon", TG_PREP, 0}, {"us", TG_PRON, 0},
    {"via", TG_PREP, 0}, {"was", TG_AUX, AUX_BE}, {"we", TG_PRON, 0}, {"were", TG_AUX, AUX_BE},
    {"what", TG_WH, 0}, {"whatever", TG_WH, 0}, {"when", TG_SCONJ, 0}, {"whenever", TG_SCONJ, 0},
    {"where", TG_WH, 0}, {"whereas", TG_SCONJ, 0}, {"whether", TG_SCONJ, 0}, {"which", TG_WH, 0},
    {"while", TG_SCONJ, 0}, {"who", TG_WH, 0}, {"whoever", TG_WH, 0}, {"whom", TG_WH, 0},
    {"whose", TG_WH, 0}, {"why", TG_WH, 0}, {"will", TG_MODAL, 0}, {"with", TG_PREP, 0},
    {"within", TG_PREP, 0}, {"without", TG_PREP, 0}, {"wo", TG_MODAL, 0}, {"would", TG_MODAL, 0},
    {"yesterday", TG_ADV, 0}, {"yet", TG_ADV, 0}, {"you", TG_PRON, 0}, {"your", TG_PRPS, 0}, {"yours", TG_PRON, 0},
};

static int cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const cw *)e)->w);
}

int text_closed_tag(const char *fold, size_t n, uint8_t *aux)
{
    char buf[16];
    if (n == 0 || n >= sizeof buf)
        return TG_X;
    memcpy(buf, fold, n);
    buf[n] = '\0';
    const cw *e = bsearch(buf, words, sizeof words / sizeof words[0], sizeof words[0], cmp);
    if (!e)
        return TG_X;
    if (aux)
        *aux = e->aux;
    return e->tag;
}

/* Exposed for the unit test that checks the table is sorted. */
size_t text_closed_count(void);
const char *text_closed_word(size_t i);
size_t text_closed_count(void)
{
    return sizeof words / sizeof words[0];
}
const char *text_closed_word(size_t i)
{
    return words[i].w;
}

const char *text_tag_name(int t)
{
    static const char *names[TG__COUNT] = {
        "X", "NOUN", "PROPN", "VERB", "ADJ", "ADV", "DET", "PRPS", "PRON", "WH", "PREP",
        "CONJ", "SCONJ", "AUX", "MODAL", "NEG", "TO", "POS", "NUM", "PUNCT"};
    return t >= 0 && t < TG__COUNT ? names[t] : "?";
}
