/* mklex.c -- compile WordNet's index and exception files into the binary
 * lexicon that src/text/lexicon.c memory-maps (layout in lexicon.h).
 *
 *     mklex WORDNET_DIR OUTPUT
 *
 * WORDNET_DIR is Debian's /usr/share/wordnet (package wordnet-base).  Only
 * the facts sitrep needs are kept: which forms are base forms of which
 * parts of speech, how often each was tagged (a prior for the tagger), and
 * the irregular inflections.  Run at build time; never edited by hand. */
#include "../src/text/lexicon.h"
#include "../src/util/strmap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct xrec { char *base; uint8_t pos; } xrec;
typedef struct ent {
    char *s;
    uint8_t pos;
    uint16_t freq[4];
    xrec *x;
    int nx, capx;
} ent;

static ent *ents;
static size_t nents, capents;
static strmap idx;

static void die(const char *m)
{
    fprintf(stderr, "mklex: %s\n", m);
    exit(1);
}

static ent *get(const char *s)
{
    uint32_t *v = strmap_get(&idx, s, strlen(s));
    if (v)
        return &ents[*v];
    if (nents == capents) {
        capents = capents ? capents * 2 : 1 << 16;
        /* Keys point into the entries' own strings, which never move. */
        ents = realloc(ents, capents * sizeof(*ents));
        if (!ents)
            die("out of memory");
    }
    ent *e = &ents[nents];
    memset(e, 0, sizeof(*e));
    e->s = strdup(s);
    if (!e->s || strmap_put(&idx, e->s, strlen(e->s), (uint32_t)nents) != 0)
        die("out of memory");
    nents++;
    return e;
}

static void fix_word(char *w)
{
    for (char *p = w; *p; p++) {
        if (*p == '_')
            *p = ' ';
        else
            *p = (char)tolower((unsigned char)*p);
    }
}

static void read_index(const char *dir, const char *name, int pos, int pi)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/index.%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "mklex: cannot open %s (install wordnet-base)\n", path);
        exit(1);
    }
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ')
            continue;   /* licence header */
        char *tok[64];
        int nt = 0;
        for (char *p = strtok(line, " \n"); p && nt < 64; p = strtok(NULL, " \n"))
            tok[nt++] = p;
        if (nt < 4)
            continue;
        /* lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets... */
        int p_cnt = atoi(tok[3]);
        int ti = 4 + p_cnt + 1;
        long tagged = ti < nt ? atol(tok[ti]) : 0;
        fix_word(tok[0]);
        ent *e = get(tok[0]);
        e->pos |= (uint8_t)pos;
        /* 1 = known; corpus counts are added by read_counts */
        (void)tagged;
        e->freq[pi] = 1;
    }
    fclose(f);
}

static void read_exc(const char *dir, const char *name, int pos)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.exc", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "mklex: cannot open %s\n", path);
        exit(1);
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *form = strtok(line, " \n");
        if (!form)
            continue;
        fix_word(form);
        char *b;
        while ((b = strtok(NULL, " \n")) != NULL) {
            fix_word(b);
            ent *e = get(form);
            if (e->nx == e->capx) {
                e->capx = e->capx ? e->capx * 2 : 2;
                e->x = realloc(e->x, (size_t)e->capx * sizeof(*e->x));
                if (!e->x)
                    die("out of memory");
            }
            e->x[e->nx].base = strdup(b);
            e->x[e->nx].pos = (uint8_t)pos;
            e->nx++;
        }
    }
    fclose(f);
}

/* Corpus frequencies: cntlist.rev counts how often each sense was tagged in
 * the SemCor corpus ("say%2:32:00:: 1 1861").  Summed per lemma and part of
 * speech they are the tagger's priors (a sense key's %1 is a noun, %2 a
 * verb, %3 and %5 adjectives, %4 an adverb). */
static void read_counts(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/cntlist.rev", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "mklex: no %s: using sense counts as priors\n", path);
        return;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *pct = strchr(line, '%');
        if (!pct || !pct[1])
            continue;
        *pct = '\0';
        int ss = pct[1] - '0';
        int pi = ss == 1 ? 0 : ss == 2 ? 1 : (ss == 3 || ss == 5) ? 2 : ss == 4 ? 3 : -1;
        char *sp = strrchr(pct + 1, ' ');
        if (pi < 0 || !sp)
            continue;
        long cnt = atol(sp + 1);
        fix_word(line);
        uint32_t *v = strmap_get(&idx, line, strlen(line));
        if (!v)
            continue;
        ent *e = &ents[*v];
        /* the index pass stored 1 + sense count: replace it by 1 + tags */
        long nv = (long)e->freq[pi] + cnt;
        e->freq[pi] = (uint16_t)(nv > 65535 ? 65535 : nv);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mklex WORDNET_DIR OUTPUT\n");
        return 2;
    }
    strmap_init(&idx);
    const char *dir = argv[1];
    read_index(dir, "noun", LEX_N, 0);
    read_index(dir, "verb", LEX_V, 1);
    read_index(dir, "adj", LEX_A, 2);
    read_index(dir, "adv", LEX_R, 3);
    read_exc(dir, "noun", LEX_N);
    read_exc(dir, "verb", LEX_V);
    read_exc(dir, "adj", LEX_A);
    read_exc(dir, "adv", LEX_R);
    read_counts(dir);

    uint32_t nslots = 1;
    while (nslots < nents * 2)
        nslots <<= 1;
    uint32_t *slots = calloc(nslots, 4);
    lex_entry *out = calloc(nents, sizeof(*out));
    size_t nexc = 0, pool = 0;
    for (size_t i = 0; i < nents; i++) {
        nexc += (size_t)ents[i].nx;
        pool += strlen(ents[i].s);
        for (int k = 0; k < ents[i].nx; k++)
            pool += strlen(ents[i].x[k].base);
    }
    lex_exc *xs = calloc(nexc ? nexc : 1, sizeof(*xs));
    char *pl = malloc(pool + 1);
    if (!slots || !out || !xs || !pl)
        die("out of memory");
    size_t po = 0, xo = 0;
    for (size_t i = 0; i < nents; i++) {
        ent *e = &ents[i];
        size_t l = strlen(e->s);
        if (l > 65535)
            die("word too long");
        out[i].str_off = (uint32_t)po;
        out[i].str_len = (uint16_t)l;
        memcpy(pl + po, e->s, l);
        po += l;
        out[i].pos = e->pos;
        memcpy(out[i].freq, e->freq, sizeof e->freq);
        out[i].exc_off = (uint32_t)xo;
        out[i].nexc = (uint8_t)(e->nx > 255 ? 255 : e->nx);
        for (int k = 0; k < out[i].nexc; k++) {
            /* An exception's base is stored in the pool too (it may not be
             * an entry of its own, e.g. a base known only as another POS). */
            size_t bl = strlen(e->x[k].base);
            xs[xo].base_off = (uint32_t)po;
            xs[xo].base_len = (uint16_t)bl;
            xs[xo].pos = e->x[k].pos;
            memcpy(pl + po, e->x[k].base, bl);
            po += bl;
            xo++;
        }
        uint32_t h = strmap_hash(e->s, l);
        uint32_t j = h & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = (uint32_t)i + 1;
    }
    lex_header hd;
    memset(&hd, 0, sizeof hd);
    memcpy(hd.magic, LEX_MAGIC, 8);
    hd.nslots = nslots;
    hd.nentries = (uint32_t)nents;
    hd.nexc = (uint32_t)xo;
    hd.pool_size = (uint32_t)po;
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        die("cannot write output");
    if (fwrite(&hd, sizeof hd, 1, f) != 1 || fwrite(slots, 4, nslots, f) != nslots ||
        fwrite(out, sizeof(*out), nents, f) != nents ||
        (xo && fwrite(xs, sizeof(*xs), xo, f) != xo) || fwrite(pl, 1, po, f) != po ||
        fclose(f) != 0)
        die("write failed");
    if (rename(tmp, argv[2]) != 0)
        die("cannot rename output");
    fprintf(stderr, "mklex: %zu forms, %zu exceptions -> %s\n", nents, xo, argv[2]);
    free(slots);
    free(out);
    free(xs);
    free(pl);
    for (size_t i = 0; i < nents; i++) {
        for (int k = 0; k < ents[i].nx; k++)
            free(ents[i].x[k].base);
        free(ents[i].x);
        free(ents[i].s);
    }
    free(ents);
    strmap_free(&idx);
    return 0;
}
