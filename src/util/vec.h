/* vec.h -- growable arrays on the heap with a size cap.
 *
 * A vec is three fields in the owning struct (pointer, count, capacity);
 * VEC_PUSH grows it geometrically.  Growth stops at VEC_MAX_BYTES so that a
 * pathological input gives an error the caller reports, not an OOM kill.
 */
#ifndef SR_VEC_H
#define SR_VEC_H

#include <stddef.h>

#define VEC_MAX_BYTES ((size_t)1 << 31)

/* Make room for one more element; returns 0 on success, -1 on failure
 * (pointer unchanged).  On success *pp may have moved: old pointers into
 * the array are dead. */
int vec_reserve(void **pp, size_t *cap, size_t n, size_t need, size_t elsize);

#define VEC_PUSH(p, n, cap) \
    (vec_reserve((void **)&(p), &(cap), (n), (n) + 1, sizeof(*(p))) == 0 ? &(p)[(n)++] : NULL)

#endif
