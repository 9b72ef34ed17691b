/* store_pg.c -- the PostgreSQL store (postgresql:// URLs).
 *
 * Not built yet: the SQLite store is the one this version has.  Opening a
 * PostgreSQL URL says so clearly instead of pretending. */
#include "store.h"
#include "../engine.h"

int store_pg_open(const char *url, store **out, sr_error *err)
{
    *out = NULL;
    sr_seterr(err, SR_EUSAGE, NULL, url, 0, -1,
              "PostgreSQL stores are not available in this version of sitrep: use an SQLite file (--db FILE)");
    return SR_EUSAGE;
}
