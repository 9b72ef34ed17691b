/* strmap.c -- open-addressing string hash map; see strmap.h. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

uint32_t strmap_hash(const char *s, size_t n)
{
    /* FNV-1a: short keys, good spread, no tables. */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void strmap_init(strmap *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->count = 0;
}

void strmap_free(strmap *m)
{
    free(m->slots);
    strmap_init(m);
}

uint32_t *strmap_get(const strmap *m, const char *key, size_t n)
{
    if (!m->cap)
        return NULL;
    uint32_t h = strmap_hash(key, n);
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
            return &s->value;
    }
}

static int grow(strmap *m)
{
    size_t nc = m->cap ? m->cap * 2 : 64;
    strmap_slot *ns = calloc(nc, sizeof(*ns));
    if (!ns)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        strmap_slot *s = &m->slots[i];
        if (!s->key)
            continue;
        size_t j = s->hash & (nc - 1);
        while (ns[j].key)
            j = (j + 1) & (nc - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = nc;
    return 0;
}

int strmap_put(strmap *m, const char *key, size_t n, uint32_t value)
{
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) != 0)
        return -1;
    uint32_t h = strmap_hash(key, n);
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->key) {
            s->key = key;
            s->len = (uint32_t)n;
            s->hash = h;
            s->value = value;
            m->count++;
            return 0;
        }
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0) {
            s->value = value;
            return 0;
        }
    }
}
