/* jget.c -- see jget.h. */
#include "jget.h"

const char *jget_str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *jget_path(json_t *o, const char *a, const char *b)
{
    json_t *x = json_object_get(o, a);
    return json_is_object(x) ? jget_str(x, b) : NULL;
}

int jget_num(json_t *o, const char *a, const char *b, double *v)
{
    json_t *x = json_object_get(o, a);
    json_t *y = json_is_object(x) ? json_object_get(x, b) : NULL;
    if (!json_is_number(y))
        return 0;
    *v = json_number_value(y);
    return 1;
}
