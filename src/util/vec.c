/* vec.c -- geometric growth for the arrays of vec.h. */
#include "vec.h"

#include <stdlib.h>

int vec_reserve(void **pp, size_t *cap, size_t n, size_t need, size_t elsize)
{
    (void)n;
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need)
        nc *= 2;
    if (nc > VEC_MAX_BYTES / elsize)
        return -1;
    void *q = realloc(*pp, nc * elsize);
    if (!q)
        return -1;
    *pp = q;
    *cap = nc;
    return 0;
}
