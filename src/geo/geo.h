/* geo.h -- the geo stage: place names in a document and where they are.
 *
 * Per sentence, geo_sentence finds the toponyms: names the gazetteer knows
 * (longest match, folded like the dictionaries), and the countries, their
 * adjectives and capitals that the actor dictionary knows ("French",
 * "Moscow").  Each keeps its candidate places and what the sentence says
 * around it: the preposition before it ("in", "near"), a qualifier after it
 * ("Portland, Maine", "Kapkoi (Aldai, Nandi)"), a kind word ("Homs
 * province").  When the document is read, geo_resolve chooses one place per
 * toponym from the candidates' size and kind, the qualifiers, the countries
 * the document is about (its actors and dateline), and the other places it
 * names (a place near them beats a namesake far away).
 */
#ifndef SR_GEO_H
#define SR_GEO_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "../actors/actors.h"
#include "../actors/dict.h"
#include "../text/text.h"

/* How the name was found. */
enum { GK_NAME = 1,         /* a gazetteer name */
       GK_COUNTRY,          /* a country's name (actor dictionary) */
       GK_DEMONYM,          /* a country's adjective or people: "French" */
       GK_CAPITAL };        /* a capital as the actor dictionary knows it */

typedef struct geo_mention {
    uint32_t start, end;        /* bytes in the document */
    uint32_t sent;              /* sentence index */
    uint32_t para;              /* paragraph index */
    int32_t first, last;        /* tokens in the sentence */
    uint32_t cand0, ncand;      /* candidate range in the gazetteer keys */
    char cc3[4];                /* GK_COUNTRY/DEMONYM/CAPITAL: the country */
    uint8_t kind;               /* GK_ */
    uint8_t locative;           /* after in/at/near/around/from/into/... */
    uint8_t dateline;           /* in the document's dateline */
    uint8_t embedded;           /* inside a longer name (an organisation) */
    uint8_t admin_hint;         /* followed by province/state/governorate... */
    uint8_t city_hint;          /* "the city of X", "X city" */
    uint8_t acronym;            /* "EU", "US": a region or a country only */
    int32_t qual;               /* index of the mention qualifying it, or -1 */
    int32_t head;               /* the mention it qualifies, or -1 */
    int32_t chosen;             /* the place chosen, or -1 */
    float score;                /* of the chosen place */
} geo_mention;

typedef struct geo_doc {
    geo_mention *m;
    size_t n, cap;
    /* how much the document is about each country (actors, places) */
    char (*cc)[4];
    float *weight;
    size_t ncc, capcc;
} geo_doc;

void geo_doc_init(geo_doc *g);
void geo_doc_free(geo_doc *g);

/* Find the toponyms of one sentence and note its actors' countries.
 * Returns 0, or -1 when out of memory. */
int geo_sentence(const gazetteer *gz, const actor_dict *d, geo_doc *g, const char *text, const sentence *s,
                 const act_sentence *as);

/* A first choice for mentions from..n, with what the document has said so
 * far (no proximity): lets the actors and events of the sentence know which
 * names are towns, and in which country. */
void geo_provisional(const gazetteer *gz, geo_doc *g, size_t from);

/* Choose a place for every toponym of the document. */
void geo_resolve(const gazetteer *gz, geo_doc *g);

/* Where an event of sentence sent happened: the mention index, or -1.  The
 * event's clause is tokens clause_first..clause_last, its verb's object
 * obj_first..obj_last ("shelled Balakliia"), tgt_first..tgt_last the place
 * it is directed at ("visit Moscow"); -1 when none.  Else a place of the
 * paragraph's earlier sentences, else the dateline. */
int32_t geo_event_place(const geo_doc *g, uint32_t sent, uint32_t para, int32_t clause_first, int32_t clause_last,
                        int32_t obj_first, int32_t obj_last, int32_t tgt_first, int32_t tgt_last);

/* The place chosen for mention i, or NULL. */
const gaz_place *geo_place(const gazetteer *gz, const geo_doc *g, size_t i);

#endif
