/* gazetteer.c -- read side of the compiled gazetteer; see gazetteer.h.
 * The writer is gazbuild.c; both share the layout declared in the header. */
#include "gazetteer.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct gazetteer {
    const unsigned char *map;
    size_t size;
    const gaz_header *h;
    const gaz_place *places;
    const gaz_key *keys;
    const char *strings;
};

gazetteer *gaz_open(const char *path, char *msg, size_t msgsz)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(msg, msgsz, "%s: cannot open the gazetteer (build it with `make` or `sitrep gazetteer build`)",
                 path);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(gaz_header)) {
        close(fd);
        snprintf(msg, msgsz, "%s: not a sitrep gazetteer (too short)", path);
        return NULL;
    }
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED) {
        snprintf(msg, msgsz, "%s: cannot map the gazetteer", path);
        return NULL;
    }
    gazetteer tmp = {0};
    tmp.map = m;
    tmp.size = (size_t)st.st_size;
    tmp.h = m;
    const gaz_header *h = tmp.h;
    uint64_t need = sizeof(*h) + (uint64_t)h->nplaces * sizeof(gaz_place) + (uint64_t)h->nkeys * sizeof(gaz_key) +
                    h->strings_size;
    if (memcmp(h->magic, GAZ_MAGIC, 8) != 0 || h->version != GAZ_VERSION || need != tmp.size ||
        h->strings_size == 0) {
        munmap(m, tmp.size);
        snprintf(msg, msgsz, "%s: not a sitrep gazetteer of version %d (bad header or size): rebuild it", path,
                 GAZ_VERSION);
        return NULL;
    }
    tmp.places = (const gaz_place *)(tmp.map + sizeof(*h));
    tmp.keys = (const gaz_key *)(tmp.places + h->nplaces);
    tmp.strings = (const char *)(tmp.keys + h->nkeys);
    if (tmp.strings[h->strings_size - 1] != '\0')
        goto bad;
    /* Validate every offset once so that lookups need no bounds checks:
     * cheap next to the page faults the lookups will take anyway. */
    for (uint32_t i = 0; i < h->nkeys; i++)
        if (tmp.keys[i].key_off >= h->strings_size || tmp.keys[i].place >= h->nplaces)
            goto bad;
    for (uint32_t i = 0; i < h->nplaces; i++)
        if (tmp.places[i].name_off >= h->strings_size || tmp.places[i].admin1_off >= h->strings_size)
            goto bad;
    gazetteer *g = malloc(sizeof *g);
    if (!g)
        goto bad;
    *g = tmp;
    return g;
bad:
    munmap(m, tmp.size);
    snprintf(msg, msgsz, "%s: corrupt gazetteer (an offset points outside the file): rebuild it", path);
    return NULL;
}

void gaz_close(gazetteer *g)
{
    if (!g)
        return;
    munmap((void *)g->map, g->size);
    free(g);
}

size_t gaz_nplaces(const gazetteer *g)
{
    return g->h->nplaces;
}

size_t gaz_nkeys(const gazetteer *g)
{
    return g->h->nkeys;
}

const char *gaz_source(const gazetteer *g)
{
    return g->h->source;
}

const gaz_place *gaz_place_at(const gazetteer *g, uint32_t i)
{
    return &g->places[i];
}

const char *gaz_str(const gazetteer *g, uint32_t off)
{
    return g->strings + off;
}

const gaz_key *gaz_key_at(const gazetteer *g, size_t i)
{
    return &g->keys[i];
}

/* Compare the key at index i with (s, n): like strcmp on the first n bytes,
 * a longer stored key sorting after. */
static int cmp_key(const gazetteer *g, size_t i, const char *s, size_t n)
{
    const char *k = g->strings + g->keys[i].key_off;
    int c = strncmp(k, s, n);
    if (c)
        return c;
    return k[n] ? 1 : 0;
}

/* First key index whose key is >= (s, n). */
static size_t lower_bound(const gazetteer *g, const char *s, size_t n)
{
    size_t lo = 0, hi = g->h->nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(g, mid, s, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t gaz_lookup(const gazetteer *g, const char *key, size_t n, size_t *first)
{
    size_t lo = lower_bound(g, key, n);
    size_t hi = lo;
    while (hi < g->h->nkeys && cmp_key(g, hi, key, n) == 0)
        hi++;
    *first = lo;
    return hi - lo;
}

int gaz_is_prefix(const gazetteer *g, const char *key, size_t n)
{
    char buf[512];
    if (n + 2 > sizeof buf)
        return 0;
    memcpy(buf, key, n);
    buf[n] = ' ';
    size_t i = lower_bound(g, buf, n + 1);
    return i < g->h->nkeys && strncmp(g->strings + g->keys[i].key_off, buf, n + 1) == 0;
}

double gaz_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, d = M_PI / 180.0;
    double p1 = lat1 * d, p2 = lat2 * d;
    double dp = p2 - p1, dl = (lon2 - lon1) * d;
    double h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    if (h > 1.0)
        h = 1.0;
    return 2 * r * asin(sqrt(h));
}

const char *gaz_precision(const gaz_place *p)
{
    if (p->fclass == 'A') {
        if (!strncmp(p->fcode, "PCL", 3) || !strcmp(p->fcode, "TERR"))
            return "country";
        if (!strcmp(p->fcode, "ADM1"))
            return "admin1";
        if (!strncmp(p->fcode, "ADM", 3))
            return "district";
        return "region";
    }
    if (p->fclass == 'P')
        return "city";
    if (p->fclass == 'S')
        return "site";
    return "region";
}
