/* jget.h -- reading fields of parsed JSON records (jansson) without
 * repeating the type checks. */
#ifndef SR_JGET_H
#define SR_JGET_H

#include <jansson.h>

/* o[k] when it is a string, else NULL. */
const char *jget_str(json_t *o, const char *k);

/* o[a][b] when o[a] is an object and o[a][b] a string, else NULL. */
const char *jget_path(json_t *o, const char *a, const char *b);

/* o[a][b] when it is a number: 1 and *v, else 0. */
int jget_num(json_t *o, const char *a, const char *b, double *v);

#endif
