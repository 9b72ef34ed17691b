/* engine.h -- what an open engine holds (internal to the library).
 *
 * The engine is the read-only state the stages share: the WordNet lexicon,
 * the actor dictionaries, the trigger dictionary and grammar cues, and the
 * limits.  Every coding call gets its own per-document state, so one engine
 * can serve many threads. */
#ifndef SR_ENGINE_H
#define SR_ENGINE_H

#include "sitrep.h"
#include "text/lexicon.h"
#include "actors/dict.h"
#include "events/events.h"
#include "geo/gazetteer.h"
#include "util/arena.h"

struct sr_engine {
    lexicon *lx;
    actor_dict actors;
    ev_dict events;
    gazetteer *gz;
    sr_options opt;
    char data_dir[1024];
};

struct sr_events {
    arena mem;
    char *doc_id;
    char *text;
    size_t len;
    sr_event *ev;
    size_t n;
    sr_error *warn;
    size_t nwarn, capwarn;
    sr_toponym *top;        /* SR_COLLECT_PLACES */
    size_t ntop;
    sr_timex *tx;           /* SR_COLLECT_DATES */
    size_t ntx, captx;
};

/* Fill an error. */
void sr_seterr(sr_error *err, int code, const char *doc, const char *file, long line, long offset,
               const char *fmt, ...);


/* The gazetteer file: given, $SITREP_GAZETTEER, or the build's default. */
const char *sr_gazetteer_path(const char *given);

/* JSON output helpers (io/json.c). */
typedef struct jbuf {
    char *p;
    size_t n, cap;
    int oom;
} jbuf;
void jb_init(jbuf *b);
void jb_free(jbuf *b);
void jb_raw(jbuf *b, const char *s, size_t n);
void jb_lit(jbuf *b, const char *s);
void jb_str(jbuf *b, const char *s, size_t n);     /* quoted and escaped */
void jb_cstr(jbuf *b, const char *s);              /* quoted; null when s is NULL */
void jb_key(jbuf *b, const char *k);               /* "k": (with a comma before unless first) */
void jb_kstr(jbuf *b, const char *k, const char *s); /* "k":"s" (null when s is NULL) */
void jb_num(jbuf *b, double v);
void jb_coord(jbuf *b, double v);                  /* degrees, 4 decimals */
void jb_int(jbuf *b, long v);

/* One event record as JSON (no newline), appended to b (sitrep.c). */
void sr_record_json(const sr_events *r, size_t i, unsigned flags, jbuf *b);

#endif
