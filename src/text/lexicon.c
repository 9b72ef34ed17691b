/* lexicon.c -- read side of the compiled WordNet lexicon; see lexicon.h.
 * The writer is tools/mklex.c; both share the layout declared in the header. */
#include "lexicon.h"
#include "../util/strmap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct lexicon {
    const unsigned char *map;
    size_t size;
    const lex_header *h;
    const uint32_t *slots;
    const lex_entry *entries;
    const lex_exc *excs;
    const char *pool;
};

lexicon *lex_open(const char *path, char *msg, size_t msgsz)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(msg, msgsz, "%s: cannot open the lexicon (build it with `make`)", path);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(lex_header)) {
        close(fd);
        snprintf(msg, msgsz, "%s: not a sitrep lexicon (too short)", path);
        return NULL;
    }
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED) {
        snprintf(msg, msgsz, "%s: cannot map the lexicon", path);
        return NULL;
    }
    lexicon tmp = {0};
    tmp.map = m;
    tmp.size = (size_t)st.st_size;
    tmp.h = m;
    const lex_header *h = tmp.h;
    size_t need = sizeof(*h) + (size_t)h->nslots * 4 + (size_t)h->nentries * sizeof(lex_entry) +
                  (size_t)h->nexc * sizeof(lex_exc) + h->pool_size;
    if (memcmp(h->magic, LEX_MAGIC, 8) != 0 || need != tmp.size || h->nslots == 0 ||
        (h->nslots & (h->nslots - 1)) != 0) {
        munmap(m, tmp.size);
        snprintf(msg, msgsz, "%s: not a sitrep lexicon (bad header or size)", path);
        return NULL;
    }
    tmp.slots = (const uint32_t *)(tmp.map + sizeof(*h));
    tmp.entries = (const lex_entry *)(tmp.slots + h->nslots);
    tmp.excs = (const lex_exc *)(tmp.entries + h->nentries);
    tmp.pool = (const char *)(tmp.excs + h->nexc);
    /* Validate every offset once so that lookups need no bounds checks. */
    for (uint32_t i = 0; i < h->nslots; i++) {
        if (tmp.slots[i] > h->nentries)
            goto bad;
    }
    for (uint32_t i = 0; i < h->nentries; i++) {
        const lex_entry *e = &tmp.entries[i];
        if ((uint64_t)e->str_off + e->str_len > h->pool_size ||
            (uint64_t)e->exc_off + e->nexc > h->nexc)
            goto bad;
    }
    for (uint32_t i = 0; i < h->nexc; i++) {
        if ((uint64_t)tmp.excs[i].base_off + tmp.excs[i].base_len > h->pool_size)
            goto bad;
    }
    lexicon *lx = malloc(sizeof(*lx));
    if (!lx)
        goto bad;
    *lx = tmp;
    return lx;
bad:
    munmap(m, tmp.size);
    snprintf(msg, msgsz, "%s: corrupt lexicon", path);
    return NULL;
}

void lex_close(lexicon *lx)
{
    if (!lx)
        return;
    munmap((void *)lx->map, lx->size);
    free(lx);
}

size_t lex_count(const lexicon *lx)
{
    return lx->h->nentries;
}

const lex_entry *lex_find(const lexicon *lx, const char *s, size_t n)
{
    uint32_t hv = strmap_hash(s, n);
    uint32_t mask = lx->h->nslots - 1;
    for (uint32_t i = hv & mask, probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
        uint32_t v = lx->slots[i];
        if (!v)
            return NULL;
        const lex_entry *e = &lx->entries[v - 1];
        if (e->str_len == n && memcmp(lx->pool + e->str_off, s, n) == 0)
            return e;
    }
    return NULL;
}

const char *lex_str(const lexicon *lx, uint32_t off)
{
    return lx->pool + off;
}

const lex_exc *lex_excs(const lexicon *lx, const lex_entry *e)
{
    return &lx->excs[e->exc_off];
}

static int pos_index(int pos)
{
    return pos == LEX_N ? 0 : pos == LEX_V ? 1 : pos == LEX_A ? 2 : 3;
}

/* WordNet's detachment rules (morphy), per part of speech. */
typedef struct { const char *suf, *rep; } rule;
static const rule noun_rules[] = {
    {"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
    {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {NULL, NULL}};
static const rule verb_rules[] = {
    {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"},
    {"ed", ""}, {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
static const rule adj_rules[] = {
    {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {NULL, NULL}};

static int add_cand(const char **out, size_t *outlen, int n, int max, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (outlen[i] == len && memcmp(out[i], s, len) == 0)
            return n;
    if (n < max) {
        out[n] = s;
        outlen[n] = len;
        n++;
    }
    return n;
}

int lex_lemmas(const lexicon *lx, const char *form, size_t n, int pos,
               const char **out, size_t *outlen, int max, char *scratch, size_t scratchsz)
{
    int k = 0;
    const lex_entry *e = lex_find(lx, form, n);
    if (e) {
        const lex_exc *x = lex_excs(lx, e);
        for (int i = 0; i < e->nexc; i++)
            if (x[i].pos == pos)
                k = add_cand(out, outlen, k, max, lex_str(lx, x[i].base_off), x[i].base_len);
    }
    const rule *rules = pos == LEX_N ? noun_rules : pos == LEX_V ? verb_rules : pos == LEX_A ? adj_rules : NULL;
    size_t sp = 0;
    for (const rule *r = rules; r && r->suf && k < max; r++) {
        size_t sl = strlen(r->suf), rl = strlen(r->rep);
        if (n <= sl + 1 || memcmp(form + n - sl, r->suf, sl) != 0)
            continue;
        size_t bl = n - sl + rl;
        if (sp + bl > scratchsz)
            break;
        char *b = scratch + sp;
        memcpy(b, form, n - sl);
        memcpy(b + n - sl, r->rep, rl);
        const lex_entry *be = lex_find(lx, b, bl);
        if (be && (be->pos & pos)) {
            k = add_cand(out, outlen, k, max, lex_str(lx, be->str_off), be->str_len);
        } else if (pos == LEX_V && rl == 0 && bl >= 3 && b[bl - 1] == b[bl - 2] &&
                   !strchr("aeiou", b[bl - 1])) {
            /* stopped -> stop, shelling -> shell is a base form already */
            const lex_entry *de = lex_find(lx, b, bl - 1);
            if (de && (de->pos & pos))
                k = add_cand(out, outlen, k, max, lex_str(lx, de->str_off), de->str_len);
        }
        sp += bl;
    }
    if (e && (e->pos & pos))
        k = add_cand(out, outlen, k, max, lex_str(lx, e->str_off), e->str_len);
    return k;
}

int lex_pos_of(const lexicon *lx, const char *form, size_t n)
{
    int mask = 0;
    static const int all[] = {LEX_N, LEX_V, LEX_A, LEX_R};
    char scratch[256];
    for (int i = 0; i < 4; i++) {
        const char *c[4];
        size_t cl[4];
        if (lex_lemmas(lx, form, n, all[i], c, cl, 4, scratch, sizeof scratch) > 0)
            mask |= all[i];
    }
    return mask;
}

unsigned lex_weight(const lexicon *lx, const char *form, size_t n, int pos)
{
    const char *c[4];
    size_t cl[4];
    char scratch[256];
    int k = lex_lemmas(lx, form, n, pos, c, cl, 4, scratch, sizeof scratch);
    unsigned best = 0;
    for (int i = 0; i < k; i++) {
        const lex_entry *e = lex_find(lx, c[i], cl[i]);
        if (e && e->freq[pos_index(pos)] > best)
            best = e->freq[pos_index(pos)];
    }
    return best;
}
