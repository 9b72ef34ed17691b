/* events.h -- the events stage: what happened, to whom, how sure.
 *
 * Reads a chunked sentence and its actor mentions.  Adds event mentions:
 * a trigger from data/triggers/ (a verb, noun or phrase with its PLOVER
 * type, mode, CAMEO code and argument frame), a source and a target taken
 * from the clause (subject and object, passive "by", prepositional
 * targets, possessives, "between A and B"), the modality of the clause
 * (asserted, reported, planned, negated, uncertain) and who the report is
 * attributed to.  Cues come from data/grammar.tsv.  Dates, places and the
 * merging of mentions into records are later stages; this one must not
 * know about them beyond leaving room in the mention.
 */
#ifndef SR_EVENTS_H
#define SR_EVENTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../actors/actors.h"
#include "../text/text.h"
#include "../util/strmap.h"

/* PLOVER types, in the codebook's order. */
enum {
    EV_AGREE, EV_CONSULT, EV_SUPPORT, EV_CONCEDE, EV_COOPERATE, EV_AID, EV_RETREAT, EV_REQUEST,
    EV_ACCUSE, EV_REJECT, EV_THREATEN, EV_PROTEST, EV_SANCTION, EV_MOBILIZE, EV_COERCE, EV_ASSAULT,
    EV__COUNT
};
const char *ev_type_name(int type);
int ev_type_from_name(const char *s);
/* Cooperative (AGREE..REQUEST) or conflictual (ACCUSE..ASSAULT). */
int ev_type_conflictual(int type);

enum { MOD_ASSERTED, MOD_REPORTED, MOD_PLANNED, MOD_NEGATED, MOD_UNCERTAIN };
const char *ev_modality_name(int m);

/* Frame flags (docs/dictionaries.md). */
enum {
    FR_OBJ = 1 << 0, FR_OBJ2 = 1 << 1, FR_POSS = 1 << 2, FR_POSS_TGT = 1 << 3,
    FR_ADJ = 1 << 4, FR_ADJ_TGT = 1 << 5, FR_RECIP = 1 << 6, FR_NOTGT = 1 << 7,
    FR_NEEDTGT = 1 << 8
};

#define TRIG_MAX_WORDS 8
#define TRIG_MAX_ALTS 8
#define TRIG_MAX_PREPS 8

typedef struct trig_word {
    const char *alt[TRIG_MAX_ALTS];
    uint8_t nalt;
    uint8_t head;           /* the anchored word */
    uint8_t pos;            /* 'v' or 'n' for the head */
    uint8_t gap;            /* a gap (*) comes before this word */
} trig_word;

typedef struct trig_entry {
    trig_word w[TRIG_MAX_WORDS];
    uint8_t nw, headi;
    uint8_t type;           /* EV_ */
    const char *mode;       /* NULL for none */
    const char *cameo;
    uint16_t frame;
    const char *tprep[TRIG_MAX_PREPS];  /* prepositions that introduce the target */
    uint8_t ntprep;
    const char *sprep[4];               /* prepositions that introduce the source */
    uint8_t nsprep;
    const char *pattern;    /* as written, for --explain */
    const char *file;
    long line;
    uint32_t next;          /* next entry with the same head key */
} trig_entry;

/* Grammar cue classes (bits). */
enum {
    GC_REPORT = 1 << 0, GC_LIGHT = 1 << 1, GC_EXTEND = 1 << 2, GC_END = 1 << 3,
    GC_PLAN = 1 << 4, GC_INTENT = 1 << 5, GC_UNCERTAIN = 1 << 6, GC_NEGATE = 1 << 7,
    GC_OBLIGE = 1 << 8, GC_CHAIN = 1 << 9
};

typedef struct ev_dict {
    arena mem;
    trig_entry *e;
    size_t n, cap;
    strmap heads;           /* "lemma/v" or "lemma/n" -> first entry */
    strmap cues;            /* lemma -> GC_ bits; "verb particle" for two-word forms */
} ev_dict;

typedef void (*ev_report_fn)(void *ctx, const char *file, long line, int is_error, const char *msg);

/* Load data/triggers/ and data/grammar.tsv.  Returns 0 or -1 (errors
 * reported; the first also in errbuf). */
int ev_dict_load(ev_dict *d, const char *data_dir, ev_report_fn report, void *ctx,
                 char *errbuf, size_t errsz);
void ev_dict_free(ev_dict *d);

unsigned ev_cue(const ev_dict *d, const char *lemma);

/* Phases of a state an event starts: a truce extended or ended. */
enum { PH_NONE = 0, PH_EXTEND, PH_END };

typedef struct ev_mention {
    uint32_t sent;
    uint32_t para;                          /* paragraph of the sentence */
    int32_t trig_first, trig_last, head;    /* sentence-relative tokens */
    uint32_t span_start, span_end;          /* evidence span in the text */
    uint32_t trig_start, trig_end;          /* the trigger's own bytes */
    const trig_entry *entry;
    uint8_t type;
    uint8_t modality;
    uint8_t phase;
    uint8_t symmetric;
    uint8_t future;                         /* for date direction */
    uint8_t past;
    uint8_t has_src, has_tgt, has_attr;
    uint8_t neg_by_fail;                    /* "failed to", "refrained from" */
    uint8_t secondary;                      /* background: relative clause, adjunct... */
    uint8_t conditional;                    /* in an if/unless clause */
    uint8_t unless;                         /* its sentence makes it conditional: "unless" */
    uint8_t needs_target;                   /* dropped unless folding gives a target */
    uint8_t result;                         /* ", killing 12": the toll of another event */
    uint8_t declared;                       /* "said it will not": needs no target */
    const char *mode, *cameo;
    act_mention src, tgt, attr;
    int32_t clause_first, clause_last;
    int32_t obj_first, obj_last;            /* the verb's object phrase, -1 none */
    const char *src_rule, *tgt_rule;
    const char *mod_cue;                    /* static, or mod_buf */
    char mod_buf[24];
    const char *type_rule;                  /* why the type differs from the entry */
    /* filled by the time stage */
    int32_t d_start, d_end;                 /* DATE_NONE when none */
    uint32_t d_text_start, d_text_end;      /* the expression's bytes, 0/0 if none */
    uint8_t d_prec;
    int32_t until;
    int32_t dur_days;                       /* "for fifteen days", 0 if none */
    /* filled at the end of the document by the geo stage */
    int32_t place;                          /* toponym index, -1 none */
    uint8_t placed;                         /* the place's point, when place >= 0 */
    float plat, plon;
} ev_mention;

/* Per-document memory (the last conflict's parties for "both sides"). */
typedef struct ev_state {
    act_mention party[2];
    int nparty;
    uint32_t party_sent;
    int party_symmetric;
} ev_state;

/* Find the event mentions of one sentence and append them to *out (a
 * growable array: *n used, *cap allocated; on success it may have moved).
 * Returns 0, -1 when out of memory. */
int events_sentence(const ev_dict *d, ev_state *st, const char *text, const sentence *s,
                    const act_sentence *as, ev_mention **out, size_t *n, size_t *cap);

#endif
