/* actors.h -- the actors stage: who is mentioned, and as whom.
 *
 * Reads a tagged, chunked sentence (text.h) and the actor dictionaries
 * (dict.h).  Adds actor mentions: named actors, countries and their
 * adjectives and capitals, generic agents combined with a country or a named
 * actor ("Russian forces" -> RUS + MIL, "SDF fighters" -> SYRREB), people
 * with titles and appositions ("Ahmed Ali, an SDF fighter"), pronouns and
 * definite descriptions resolved to an earlier mention of the document.
 * A person's or an organisation's final code depends on the event date, so
 * mentions keep the dictionary entry and the code is computed later by
 * actors_code().  The stage must not know about events, dates or places.
 */
#ifndef SR_ACTORS_H
#define SR_ACTORS_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "../text/text.h"

/* The mention's role inside its noun phrase. */
enum {
    AM_MAIN = 1,    /* the phrase denotes this actor: "Russian forces" */
    AM_POSS,        /* a possessor: "the SDF's loss", "their equipment" */
    AM_MOD,         /* a modifier of something else: "a U.S. military operation" */
    AM_APPOS        /* an apposition describing the previous mention */
};

/* What kind of words it came from. */
enum {
    AK_COUNTRY = 1, /* Syria */
    AK_CAPITAL,     /* Damascus (metonym for the government) */
    AK_PEOPLE,      /* Syrians, the Russians */
    AK_ORG,         /* a named organisation */
    AK_PERSON,      /* a named person from the dictionary */
    AK_NAME,        /* a proper name not in the dictionary */
    AK_AGENT,       /* generic agent with or without country: Russian forces */
    AK_PRONOUN,     /* he, they, its ... resolved to an antecedent */
    AK_DEFINITE,    /* the operation, the group ... resolved */
    AK_BOTH,        /* both sides, the two countries: resolved by events */
    AK_PLACE        /* a town or region the geo stage found: its country */
};

typedef struct act_mention {
    int32_t first, last, head;  /* token range and head, sentence-relative */
    int32_t chunk;              /* NP chunk, or -1 */
    uint32_t start, end;        /* byte span of the words */
    uint8_t role, kind;
    uint8_t plural, human;
    uint8_t inferred;           /* country taken from context */
    uint8_t resolved;           /* pronoun/definite found its antecedent */
    uint8_t capital_head;       /* the phrase is a capital city's name */
    uint8_t from_place;         /* country taken from a place after it ("police in Kingston") */
    uint8_t want, bindable;     /* pronouns: what they may refer to (internal) */
    int32_t actor;              /* dictionary actor, or -1 */
    char country[4];            /* static country part, "" when unknown */
    char roles[16];             /* static role parts (agents, metonyms) */
    const char *name;           /* canonical name, or NULL */
    const char *via;            /* how it was recognised (for --explain) */
    int32_t coord;              /* next conjunct's index in the sentence, or -1 */
    int32_t appos;              /* mention it is an apposition of, or -1 */
} act_mention;

typedef struct act_sentence {
    act_mention *m;
    size_t n;
} act_sentence;

/* Per-document memory: recent mentions, names learnt from appositions and
 * titles, heads of noun phrases with an actor modifier. */
typedef struct act_state act_state;

act_state *actors_state_new(void);
void actors_state_free(act_state *st);

/* Find the actor mentions of one sentence; out->m is allocated in a.
 * Returns 0, -1 when out of memory. */
int actors_sentence(const actor_dict *d, act_state *st, const char *text,
                    const sentence *s, arena *a, act_sentence *out);

/* A place of the document in country cc3 (the geo stage found it): it
 * counts for the country the report is about. */
void actors_note_place(act_state *st, const char *cc3);

/* The mention whose span covers token tok with the given role (AM_MAIN by
 * preference), or -1. */
int actors_at(const act_sentence *as, int32_t tok);

/* The final code of a mention on a day (DATE_NONE: no date), written to
 * out (at least 28 bytes).  *country and *sector point to static or out
 * storage; either may be NULL when unknown.  Returns the code's length (0
 * when the actor has no code at all). */
size_t actors_code(const actor_dict *d, const act_mention *m, int32_t day,
                   char *out, size_t outsz, char country[4], char sector[16]);

#endif
