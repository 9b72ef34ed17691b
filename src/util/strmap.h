/* strmap.h -- string-keyed hash map from byte strings to 32-bit values.
 *
 * Open addressing with linear probing; keys are borrowed (the caller keeps
 * them alive, usually in an arena).  Used for the dictionaries' indexes:
 * a folded word or phrase maps to the first entry of a chain.
 */
#ifndef SR_STRMAP_H
#define SR_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct strmap_slot {
    const char *key;        /* NULL = empty */
    uint32_t len;
    uint32_t hash;
    uint32_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap;             /* power of two, or 0 */
    size_t count;
} strmap;

uint32_t strmap_hash(const char *s, size_t n);

void strmap_init(strmap *m);
void strmap_free(strmap *m);

/* Find key; returns a pointer to its value or NULL.  The pointer is valid
 * until the next insertion. */
uint32_t *strmap_get(const strmap *m, const char *key, size_t n);

/* Insert or replace.  Returns 0, or -1 when out of memory (map unchanged). */
int strmap_put(strmap *m, const char *key, size_t n, uint32_t value);

#endif
