/* dict.h -- the actor dictionaries: countries, agents, organisations and
 * people with dated codes, and the phrase index they are matched through.
 *
 * Reads data/roles.tsv, data/countries.tsv, data/agents.tsv and
 * data/actors/ (format in docs/dictionaries.md).  Every surface form is cut
 * into tokens and folded exactly as the text stage does it, then joined
 * with single spaces into a key; a sentence is matched by building the same
 * keys from its tokens.  This module knows nothing of sentences beyond that
 * key; recognition in context is actors.c.
 */
#ifndef SR_ACTORS_DICT_H
#define SR_ACTORS_DICT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../util/strmap.h"
#include "../util/arena.h"
#include "../text/lexicon.h"

/* What a phrase denotes. */
enum {
    H_COUNTRY = 1,  /* a country's name: Syria */
    H_ADJ,          /* its adjective: Syrian */
    H_PEOPLE,       /* its people: Syrians */
    H_CAPITAL,      /* its capital, a metonym for the government: Damascus */
    H_ACTOR,        /* a named organisation or person */
    H_AGENT         /* a generic agent noun: forces, ministry */
};

typedef struct dict_hit {
    uint8_t kind;           /* H_ */
    uint8_t acronym;        /* must match in capitals */
    uint16_t pad;
    uint32_t ref;           /* country, actor or agent index */
    uint32_t next;          /* next hit for the same key, or UINT32_MAX */
} dict_hit;

typedef struct dict_country {
    char iso3[4];
    char iso2[3];
    const char *name;
} dict_country;

enum { AE_ORG = 1, AE_PERSON = 2 };

typedef struct dict_period {
    char code[28];
    int32_t from, to;       /* day numbers; INT32_MIN / INT32_MAX when open */
} dict_period;

typedef struct dict_actor {
    uint8_t kind;           /* AE_ */
    const char *name;
    uint32_t period0, nperiods;
    const char *file;
    long line;
} dict_actor;

typedef struct dict_agent {
    char roles[16];         /* concatenated three-letter parts */
    const char *form;
    uint8_t human;          /* a person or people (president, fighter) */
} dict_agent;

typedef struct dict_role {
    char code[4];
    uint8_t kind;           /* 'h' head, 's' sector, 'g' group */
} dict_role;

typedef struct actor_dict {
    arena mem;
    dict_country *countries;
    size_t ncountries, capcountries;
    dict_actor *actors;
    size_t nactors, capactors;
    dict_period *periods;
    size_t nperiods, capperiods;
    dict_agent *agents;
    size_t nagents, capagents;
    dict_hit *hits;
    size_t nhits, caphits;
    dict_role *roles;
    size_t nroles, caproles;
    strmap names;           /* folded surface key -> first hit */
    strmap lemmas;          /* agent key (last word lemmatised) -> first hit */
    strmap prefixes;        /* every proper prefix of a key in names/lemmas */
    strmap actor_by_name;   /* canonical name -> actor index */
    strmap country_by_iso3;
    strmap role_by_code;
    strmap surnames;        /* folded surname -> person, UINT32_MAX if shared */
    uint8_t max_key_tokens;
} actor_dict;

/* A problem found while loading (dict check prints them). */
typedef void (*dict_report_fn)(void *ctx, const char *file, long line, int is_error, const char *msg);

/* Load the dictionaries from data_dir.  lx lemmatises agent forms.  Returns
 * 0, or -1 after reporting at least one error through report (which may
 * be NULL; then the first error is written to errbuf). */
int dict_load(actor_dict *d, const char *data_dir, const lexicon *lx,
              dict_report_fn report, void *ctx, char *errbuf, size_t errsz);
void dict_free(actor_dict *d);

const dict_hit *dict_lookup(const actor_dict *d, int lemma_index, const char *key, size_t n);
int dict_is_prefix(const actor_dict *d, const char *key, size_t n);

/* The code of an actor on a day (day DATE_NONE: its latest period).  When
 * no period covers the day, the nearest period's country head is given
 * (writes e.g. "SYR").  Returns 1 when a period covers the day. */
int dict_actor_code(const actor_dict *d, uint32_t actor, int32_t day, char *out, size_t outsz);

/* Is code a valid head + parts (roles.tsv, countries.tsv)? */
int dict_code_valid(const actor_dict *d, const char *code);

/* Kinds of a three-letter code part, as bits: a code may be a head and a
 * sector at once (IGO heads "IGOUNO" and is the sector of "USAIGO"). */
enum { RK_HEAD = 1, RK_SECTOR = 2, RK_GROUP = 4, RK_PEOPLE = 8 };
int dict_role_kinds(const actor_dict *d, const char *code3);
int dict_is_country(const actor_dict *d, const char *iso3);

/* The one person whose surname is key ("bush"), or NULL when none is or
 * people of several countries share it. */
const dict_actor *dict_surname(const actor_dict *d, const char *key, size_t n);

#endif
