/* situation.h -- the situation picture: presence, control, truces, planned
 * events and asylum as of a date, derived from event records (the rules are
 * in situation.c and docs/situation.md). */
#ifndef SR_SITUATION_H
#define SR_SITUATION_H

#include <jansson.h>

/* records: a JSON array of event records in date order.  Returns a new
 * object {"as_of", "facts": [...]} in the format of the project's
 * situation schema, or NULL when out of memory. */
json_t *situation_derive(json_t *records, const char *as_of);

#endif
