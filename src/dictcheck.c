/* dictcheck.c -- `sitrep dict check`: load every dictionary, report every
 * problem (not just the first) as "file:line: error|warning: message". */
#include "engine.h"
#include "actors/dict.h"
#include "events/events.h"

#include <stdlib.h>
#include <string.h>

#ifndef SITREP_LEXICON
#define SITREP_LEXICON "lexicon.bin"
#endif

typedef struct rep {
    FILE *f;
    int errors, warnings;
} rep;

static void report(void *ctx, const char *file, long line, int is_error, const char *msg)
{
    rep *r = ctx;
    if (is_error)
        r->errors++;
    else
        r->warnings++;
    if (r->f)
        fprintf(r->f, "%s:%ld: %s: %s\n", file, line, is_error ? "error" : "warning", msg);
}

int sr_dict_check(const char *data_dir, FILE *out, int *nerrors, int *nwarnings)
{
    rep r = {out, 0, 0};
    const char *dir = sr_default_data_dir(data_dir);
    const char *lexp = getenv("SITREP_LEXICON");
    if (!lexp || !*lexp)
        lexp = SITREP_LEXICON;
    char msg[512];
    lexicon *lx = lex_open(lexp, msg, sizeof msg);
    if (!lx) {
        report(&r, lexp, 0, 1, msg);
    } else {
        actor_dict d;
        dict_load(&d, dir, lx, report, &r, NULL, 0);
        dict_free(&d);
        ev_dict ed;
        ev_dict_load(&ed, dir, report, &r, NULL, 0);
        ev_dict_free(&ed);
        lex_close(lx);
    }
    if (nerrors)
        *nerrors = r.errors;
    if (nwarnings)
        *nwarnings = r.warnings;
    return r.errors ? SR_EDICT : SR_OK;
}
