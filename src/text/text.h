/* text.h -- the text stage: from bytes to tagged, lemmatised, chunked
 * sentences.
 *
 * Reads a document's UTF-8 text.  Adds: a sanitised copy (invalid bytes
 * replaced by U+FFFD, reported with their offset), paragraphs and sentences
 * (abbreviations, quotes and datelines survive), tokens with byte offsets
 * into that text and a folded form for matching (case, accents, curly
 * quotes and dashes folded), part-of-speech tags chosen among WordNet's
 * candidates by a light contextual tagger, lemmas, and a shallow parse:
 * noun-phrase chunks and verb groups.  It must not know about actors,
 * events or dictionaries other than the WordNet lexicon.
 *
 * The stage is streaming: a document is consumed one sentence at a time so
 * that memory stays bounded on a 50 MB one-line document.
 */
#ifndef SR_TEXT_H
#define SR_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "../util/arena.h"

/* Coarse part-of-speech tags. */
typedef enum tag {
    TG_X = 0,
    TG_NOUN, TG_PROPN, TG_VERB, TG_ADJ, TG_ADV,
    TG_DET,     /* the, a, this, some, no */
    TG_PRPS,    /* possessive pronoun: his, its, their */
    TG_PRON,    /* he, they, it, them */
    TG_WH,      /* relative/interrogative: who, which, whose, that (relative) */
    TG_PREP,    /* of, in, against ... */
    TG_CONJ,    /* and, or, but */
    TG_SCONJ,   /* that (complementiser), because, although, if, while */
    TG_AUX,     /* forms of be, have, do */
    TG_MODAL,   /* will, would, may, must ... */
    TG_NEG,     /* not, n't, never */
    TG_TO,      /* infinitival to */
    TG_POS,     /* possessive 's or ' */
    TG_NUM,
    TG_PUNCT,
    TG__COUNT
} tag;

/* Verb forms (for TG_VERB and TG_AUX). */
typedef enum vform { VF_NONE = 0, VF_BASE, VF_PAST, VF_PART, VF_GER, VF_3SG } vform;

/* Auxiliary kinds (for TG_AUX). */
enum { AUX_NONE = 0, AUX_BE, AUX_HAVE, AUX_DO };

/* Token flags. */
enum {
    TF_CAP = 1 << 0,        /* begins with an upper-case letter */
    TF_ALLCAP = 1 << 1,     /* has letters, all upper case */
    TF_SPACE = 1 << 2,      /* whitespace precedes it */
    TF_PARA = 1 << 3,       /* first token of a paragraph */
    TF_ABBR = 1 << 4,       /* abbreviation with its period (Gen., U.S.) */
    TF_WORD = 1 << 5,       /* letters or digits (not punctuation) */
    TF_DIGIT = 1 << 6,      /* begins with a digit */
    TF_QUOTE = 1 << 7,      /* a quotation mark */
    TF_DATELINE = 1 << 8,   /* part of the document's dateline */
    TF_REPLACED = 1 << 9,   /* contains U+FFFD from an invalid byte */
    TF_FIRST = 1 << 10,     /* first word of its sentence */
    TF_INQUOTE = 1 << 11    /* inside a quotation */
};

typedef struct token {
    uint32_t start, end;    /* byte span in the document text */
    const char *fold;       /* folded form, NUL-terminated (sentence arena) */
    const char *lemma;      /* lemma for the chosen tag (folded) */
    uint16_t flen, llen;
    uint16_t flags;
    uint8_t tag;            /* enum tag */
    uint8_t vform;          /* enum vform */
    uint8_t aux;            /* AUX_ kind */
    uint8_t cand;           /* LEX_ bits WordNet allows */
    uint8_t chunk;          /* CH_ kind of the chunk it belongs to */
    uint8_t pad;
    int32_t chunk_id;       /* index of its chunk in the sentence, -1 none */
} token;

/* Chunks: a shallow parse of a sentence. */
enum { CH_NONE = 0, CH_NP, CH_VG, CH_PP, CH_OTHER };

typedef struct chunk {
    uint8_t kind;           /* CH_NP or CH_VG */
    uint8_t passive;        /* VG: be + past participle */
    uint8_t negated;        /* VG: contains not/never */
    uint8_t finite;         /* VG: tensed (not to-infinitive or bare participle) */
    uint8_t infinitive;     /* VG: introduced by "to" */
    uint8_t participle;     /* VG: a bare -ing or -ed form (reduced clause) */
    uint8_t future;         /* VG: will/shall/'ll or going to */
    uint8_t perfect;        /* VG: have + participle */
    int32_t first, last;    /* token range, inclusive */
    int32_t head;           /* head token (NP: last noun; VG: main verb) */
    int32_t modal;          /* VG: modal token or -1 */
    int32_t prep;           /* NP: the preposition introducing it, or -1 */
} chunk;

typedef struct sentence {
    uint32_t index;         /* 0-based in the document */
    uint32_t para;          /* 0-based paragraph number */
    uint32_t start, end;    /* byte span */
    token *toks;
    size_t ntok;
    chunk *chunks;
    size_t nchunks;
    int split_at_limit;     /* 1 when the sentence was cut at max tokens */
    int is_heading;         /* a short line with no final punctuation */
    int is_dateline;        /* the document's dateline */
} sentence;

/* ---- UTF-8 ------------------------------------------------------------ */

/* Copy in (n bytes) replacing every invalid or overlong sequence and every
 * NUL by U+FFFD.  *out is malloc'ed (caller frees), *outn its length.
 * Returns the number of replacements; *first_bad gets the input offset of
 * the first (or -1).  Returns -1 when out of memory. */
long text_sanitize(const char *in, size_t n, char **out, size_t *outn, long *first_bad);

/* Fold s for matching into out (NUL-terminated): lower case, accents
 * removed, curly quotes and apostrophes to ', dashes to -.  Returns the
 * length written, truncated to outsz-1. */
size_t text_fold(const char *s, size_t n, char *out, size_t outsz);

/* The matching key of a dictionary form: its tokens, cut and folded as in
 * running text, joined by single spaces, hyphen tokens left out.  Returns
 * the key's length; *ntok (may be NULL) gets the token count. */
size_t text_key(const char *s, size_t n, char *out, size_t outsz, int *ntok);

/* ---- Splitting -------------------------------------------------------- */

typedef struct text_splitter text_splitter;

/* Start splitting text (borrowed, must outlive the splitter).  max_tokens
 * caps a sentence's length (longer ones are cut and flagged). */
text_splitter *text_splitter_new(const char *text, size_t len, size_t max_tokens);
void text_splitter_free(text_splitter *sp);

/* The next sentence, tokenised and tagged, allocated in a (reset by the
 * caller between sentences as it wishes).  Returns 1, 0 at the end, -1 when
 * out of memory. */
int text_next_sentence(text_splitter *sp, const lexicon *lx, arena *a, sentence *out);

/* ---- Tagging and chunking (used by text_next_sentence; exposed for tests) */

void text_tag(const lexicon *lx, const char *text, token *t, size_t n, arena *a);
int text_chunk(sentence *s, arena *a);

/* Closed-class lookup: the tag of a function word, or TG_X. */
int text_closed_tag(const char *fold, size_t n, uint8_t *aux);

/* Helpers over a tagged sentence. */
static inline int tok_is(const token *t, const char *s)
{
    const char *a = t->fold;
    while (*s && *a == *s) {
        a++;
        s++;
    }
    return *s == '\0' && *a == '\0';
}

static inline int lemma_is(const token *t, const char *s)
{
    const char *a = t->lemma;
    while (*s && *a == *s) {
        a++;
        s++;
    }
    return *s == '\0' && *a == '\0';
}

const char *text_tag_name(int tag);

#endif
