/* date.c -- civil calendar conversions (Howard Hinnant's days_from_civil
 * algorithm, which is exact for the proleptic Gregorian calendar). */
#include "date.h"

#include <stdio.h>

int32_t date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void date_to_ymd(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int yy = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

int date_weekday(int32_t day)
{
    /* 1970-01-01 was a Thursday (3). */
    int w = (int)((day % 7 + 7) % 7);
    return (w + 3) % 7;
}

int date_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int32_t date_parse_iso(const char *s, size_t n, int partial_ok)
{
    int y, m = 1, d = 1;
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
            return DATE_NONE;
    } else if (partial_ok && n == 7 && s[4] == '-') {
        if (!digits(s, 4, &y) || !digits(s + 5, 2, &m))
            return DATE_NONE;
    } else if (partial_ok && n == 4) {
        if (!digits(s, 4, &y))
            return DATE_NONE;
    } else {
        return DATE_NONE;
    }
    if (!date_valid(y, m, d))
        return DATE_NONE;
    return date_from_ymd(y, m, d);
}

void date_format(int32_t day, char out[11])
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = 0;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

int32_t date_add_months(int32_t day, int months)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    int dim = date_days_in_month(y, m);
    if (d > dim)
        d = dim;
    return date_from_ymd(y, m, d);
}
