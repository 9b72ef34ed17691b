/* lexicon.h -- the compiled WordNet lexicon: parts of speech and lemmas.
 *
 * WordNet (Debian's wordnet-base) lists the base forms of English nouns,
 * verbs, adjectives and adverbs, how often each sense was seen in a tagged
 * corpus, and the irregular inflections (withdrew -> withdraw).  tools/mklex
 * compiles those files at build time into one binary file: a hash table of
 * forms with their part-of-speech mask, per-POS frequency and exceptions.
 * This module memory-maps that file, so opening it costs a page fault, not a
 * parse.  It knows nothing of sentences or events.
 */
#ifndef SR_LEXICON_H
#define SR_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Part-of-speech bits (WordNet's four open classes). */
enum { LEX_N = 1, LEX_V = 2, LEX_A = 4, LEX_R = 8 };

#define LEX_MAGIC "SRLEX01"

typedef struct lex_header {
    char magic[8];
    uint32_t nslots;        /* power of two */
    uint32_t nentries;
    uint32_t nexc;
    uint32_t pool_size;
} lex_header;

typedef struct lex_entry {
    uint32_t str_off;
    uint16_t str_len;
    uint8_t pos;            /* LEX_ bits for which this is a base form */
    uint8_t nexc;           /* number of exception records */
    uint32_t exc_off;       /* index of the first exception record */
    uint16_t freq[4];       /* tagged-sense counts for N V A R (+1 if listed) */
} lex_entry;

typedef struct lex_exc {
    uint32_t base_off;
    uint16_t base_len;
    uint8_t pos;            /* one LEX_ bit */
    uint8_t pad;
} lex_exc;

typedef struct lexicon lexicon;

/* Map the lexicon file.  Returns NULL and writes a message into msg (size
 * msgsz) when the file is missing or malformed. */
lexicon *lex_open(const char *path, char *msg, size_t msgsz);
void lex_close(lexicon *lx);

/* Look up a lower-case form; NULL when WordNet does not know it.  Borrowed
 * from the mapping. */
const lex_entry *lex_find(const lexicon *lx, const char *s, size_t n);

/* The string of an entry or exception (not NUL-terminated). */
const char *lex_str(const lexicon *lx, uint32_t off);
const lex_exc *lex_excs(const lexicon *lx, const lex_entry *e);

size_t lex_count(const lexicon *lx);

/* Candidate lemmas of form for one POS bit, WordNet's "morphy" way:
 * irregular exceptions first, then detachment rules whose result is a base
 * form of that POS, then the form itself if it is a base form.  Writes up
 * to max candidates as (pointer, length) pairs; returns how many. */
int lex_lemmas(const lexicon *lx, const char *form, size_t n, int pos,
               const char **out, size_t *outlen, int max, char *scratch, size_t scratchsz);

/* The POS bits under which form (inflected or not) is known. */
int lex_pos_of(const lexicon *lx, const char *form, size_t n);

/* Frequency weight of form's best lemma under POS bit pos (0 if none). */
unsigned lex_weight(const lexicon *lx, const char *form, size_t n, int pos);

#endif
