/* doc.h -- the doc stage: from event mentions to document-level records.
 *
 * Reads every event mention of a document (events.h, dated by time.h).
 * Adds records: mentions of the same event -- same type (or both material
 * conflict), compatible actors (same country and roles, or one unknown;
 * either direction when symmetric), overlapping dates and the same polarity
 * and phase -- become one record with all their mentions.  Actor codes are
 * fixed here, at the record's date, because a person's code depends on it.
 * It must not know how mentions were found.
 */
#ifndef SR_DOC_H
#define SR_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "../actors/actors.h"
#include "../events/events.h"

typedef struct doc_actor {
    char code[28];
    char country[4];
    char sector[16];
    int known;
} doc_actor;

typedef struct doc_record {
    size_t *mi;                 /* indices of its mentions, in text order */
    size_t nm, capm;
    size_t rep;                 /* the mention whose attributes it shows */
    uint8_t type;
    uint8_t modality;
    int32_t d_start, d_end;
    uint8_t d_prec;
    size_t date_from;           /* mention whose expression gave the date */
    int32_t until;
    doc_actor src, tgt;
    size_t src_m, tgt_m;        /* mentions the actors come from (SIZE_MAX none) */
    uint8_t src_from_tgt;       /* the source is that mention's target (merged swapped) */
    uint8_t tgt_from_src;
    size_t attr_m;
    double confidence;
    uint8_t placed;             /* a mention has a place: the first one's point */
    float plat, plon;
} doc_record;

/* Merge mentions into records; *out is malloc'ed (doc_records_free). */
int doc_merge(const actor_dict *d, const ev_mention *evs, size_t n, int32_t docdate,
              doc_record **out, size_t *nout);
void doc_records_free(doc_record *r, size_t n);

/* Code of a mention's actor at a day (helper shared with the writer). */
void doc_actor_at(const actor_dict *d, const act_mention *m, int32_t day, doc_actor *out);

#endif
