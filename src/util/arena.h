/* arena.h -- region allocator for per-document and per-sentence data.
 *
 * Most of what the pipeline builds for a document (tokens, folded strings,
 * actor mentions, events) lives exactly as long as the document.  An arena
 * hands out memory from large blocks and frees it all at once, so the hot
 * path makes no per-token malloc/free calls.  Arenas have a byte cap: a
 * request beyond it fails (NULL) instead of exhausting memory, and the
 * caller reports SR_ETOOBIG.
 */
#ifndef SR_ARENA_H
#define SR_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;      /* current block (newest) */
    size_t used;            /* bytes handed out in total since reset */
    size_t cap;             /* 0 = no cap */
    size_t block_size;      /* default block size */
} arena;

/* Initialise an empty arena; no memory is taken until the first alloc. */
void arena_init(arena *a, size_t block_size, size_t cap);

/* Return n bytes aligned to 16, or NULL when out of memory or over the cap.
 * The memory is valid until arena_reset or arena_free. */
void *arena_alloc(arena *a, size_t n);

/* As arena_alloc, zero-filled. */
void *arena_calloc(arena *a, size_t n);

/* Copy n bytes of s into the arena and NUL-terminate; NULL on failure. */
char *arena_strndup(arena *a, const char *s, size_t n);

/* Forget all allocations; keeps the first block for reuse. */
void arena_reset(arena *a);

/* Release everything.  Accepts an arena that was never used. */
void arena_free(arena *a);

#endif
