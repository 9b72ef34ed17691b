/* arena.c -- region allocator; see arena.h for why the pipeline uses one. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>
#include <stdint.h>

struct arena_block {
    arena_block *next;      /* older block */
    size_t size;            /* usable bytes in data */
    size_t off;             /* bytes used */
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t block_size, size_t cap)
{
    a->head = NULL;
    a->used = 0;
    a->cap = cap;
    a->block_size = block_size ? block_size : 64 * 1024;
}

void *arena_alloc(arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n)
        return NULL;
    if (a->cap && (a->used + need > a->cap || a->used + need < a->used))
        return NULL;
    arena_block *b = a->head;
    if (!b || b->size - b->off < need) {
        size_t sz = need > a->block_size ? need : a->block_size;
        /* Reuse the next (older) block chain only through reset; a new block
         * is always fresh so pointers already handed out stay valid. */
        b = malloc(sizeof(*b) + sz);
        if (!b)
            return NULL;
        b->size = sz;
        b->off = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->off;
    b->off += need;
    a->used += need;
    return p;
}

void *arena_calloc(arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_reset(arena *a)
{
    /* Keep the oldest block (usually the only one) and free the rest. */
    arena_block *b = a->head, *keep = NULL;
    while (b) {
        arena_block *next = b->next;
        if (!next) {
            keep = b;
        } else {
            free(b);
        }
        b = next;
    }
    if (keep) {
        if (keep->size > a->block_size * 4) {
            free(keep);
            keep = NULL;
        } else {
            keep->off = 0;
            keep->next = NULL;
        }
    }
    a->head = keep;
    a->used = 0;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}
