/* date.h -- proleptic Gregorian calendar arithmetic on day numbers.
 *
 * Dates are carried as a day number (days since 1970-01-01, negative
 * before), which makes "five days ago" and interval overlap plain integer
 * arithmetic.  No time zones: news dates are calendar dates.
 */
#ifndef SR_DATE_H
#define SR_DATE_H

#include <stdint.h>
#include <stddef.h>

#define DATE_NONE INT32_MIN

int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t day, int *y, int *m, int *d);

/* 0 = Monday ... 6 = Sunday */
int date_weekday(int32_t day);

int date_days_in_month(int y, int m);

/* Valid calendar date?  (2026-02-30 is not.) */
int date_valid(int y, int m, int d);

/* Parse YYYY-MM-DD (also YYYY-MM and YYYY when partial_ok, meaning the
 * first day); returns the day number or DATE_NONE. */
int32_t date_parse_iso(const char *s, size_t n, int partial_ok);

/* Write YYYY-MM-DD and a NUL into out (11 bytes). */
void date_format(int32_t day, char out[11]);

/* Add months, clamping the day to the month's length. */
int32_t date_add_months(int32_t day, int months);

#endif
