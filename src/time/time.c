/* time.c -- recognising and resolving temporal expressions.
 *
 * Expressions are matched on folded tokens with small hand-written rules
 * (there is no good C library for English temporal expressions).  Each is
 * resolved to a calendar interval against the document date: "five or six
 * days ago" on 2026-01-27 is 2026-01-21..2026-01-22, "earlier this month"
 * 2026-01-01..2026-01-27, "late 2024" 2024-09-01..2024-12-31.  Intervals are
 * inclusive. */
#include "time.h"
#include "../util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *time_precision_name(int p)
{
    static const char *const n[] = {"?", "day", "days", "week", "month", "year", "decade", "document", "quarter",
                                    "season"};
    return p >= 1 && p <= 9 ? n[p] : "document";
}

const char *time_type_name(int t)
{
    static const char *const n[] = {"?", "date", "time", "duration", "set"};
    return t >= 1 && t <= 4 ? n[t] : "date";
}

/* ---- words ------------------------------------------------------------ */

static int month_of(const token *t, int strict)
{
    static const char *const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    static const char *const abbr[] = {"jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.", "aug.",
                                       "sep.", "oct.", "nov.", "dec."};
    static const char *const bare[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"};
    for (int m = 0; m < 12; m++) {
        if (tok_is(t, full[m]) || tok_is(t, abbr[m]) || (!strict && tok_is(t, bare[m])) ||
            (m == 8 && tok_is(t, "sept.")))
            return (t->flags & TF_CAP) ? m + 1 : 0;
    }
    return 0;
}

static int weekday_of(const token *t)
{
    static const char *const w[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; i++)
        if (tok_is(t, w[i]))
            return i + 1;
    return 0;
}

static int small_number(const token *t, int *lo, int *hi)
{
    static const char *const w[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                    "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    for (int i = 0; i <= 20; i++)
        if (tok_is(t, w[i])) {
            *lo = *hi = i;
            return 1;
        }
    static const struct { const char *w; int v; } tens[] = {
        {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"ninety", 90}, {"hundred", 100}};
    for (size_t i = 0; i < sizeof tens / sizeof tens[0]; i++)
        if (tok_is(t, tens[i].w)) {
            *lo = *hi = tens[i].v;
            return 1;
        }
    if (tok_is(t, "a") || tok_is(t, "an")) {
        *lo = *hi = 1;
        return 1;
    }
    if (tok_is(t, "several")) {
        *lo = 3;
        *hi = 7;
        return 1;
    }
    if (tok_is(t, "few") || tok_is(t, "couple")) {
        *lo = 2;
        *hi = 4;
        return 1;
    }
    if (t->flags & TF_DIGIT) {
        char *e;
        long v = strtol(t->fold, &e, 10);
        if (*e == '\0' && v >= 0 && v < 10000) {
            *lo = *hi = (int)v;
            return 1;
        }
    }
    return 0;
}

/* Unit of a token: 1 day, 7 week, 30 month, 365 year, 3650 decade. */
static int unit_of(const token *t)
{
    if (lemma_is(t, "day") || tok_is(t, "days") || tok_is(t, "day"))
        return 1;
    if (lemma_is(t, "week") || tok_is(t, "weeks"))
        return 7;
    if (lemma_is(t, "month") || tok_is(t, "months"))
        return 30;
    if (lemma_is(t, "year") || tok_is(t, "years"))
        return 365;
    if (lemma_is(t, "decade") || tok_is(t, "decades"))
        return 3650;
    return 0;
}

static int year_of(const token *t)
{
    if (!(t->flags & TF_DIGIT) || t->flen != 4)
        return 0;
    int y = atoi(t->fold);
    return y >= 1900 && y <= 2100 ? y : 0;
}

static int day_of(const token *t)
{
    if (!(t->flags & TF_DIGIT))
        return 0;
    char *e;
    long v = strtol(t->fold, &e, 10);
    if (*e && strcmp(e, "st") && strcmp(e, "nd") && strcmp(e, "rd") && strcmp(e, "th"))
        return 0;
    return v >= 1 && v <= 31 ? (int)v : 0;
}

/* ---- intervals -------------------------------------------------------- */

static void set_month(timex *x, int y, int m)
{
    x->sday = date_from_ymd(y, m, 1);
    x->eday = date_from_ymd(y, m, date_days_in_month(y, m));
    x->prec = PR_MONTH;
}

static void set_year(timex *x, int y, int part)
{
    /* part: 0 whole, 1 early (Jan-Apr), 2 mid (May-Aug), 3 late (Sep-Dec) */
    int m0 = part == 0 ? 1 : part == 1 ? 1 : part == 2 ? 5 : 9;
    int m1 = part == 0 ? 12 : part == 1 ? 4 : part == 2 ? 8 : 12;
    x->sday = date_from_ymd(y, m0, 1);
    x->eday = date_from_ymd(y, m1, date_days_in_month(y, m1));
    x->prec = part ? PR_MONTH : PR_YEAR;
}

static int week_start(int32_t d)
{
    return d - date_weekday(d);
}

void time_direct(timex *x, int32_t docdate, int dir)
{
    if (docdate == DATE_NONE)
        return;
    if (x->weekday) {
        int wd = x->weekday - 1;
        int cur = date_weekday(docdate);
        int32_t d;
        if (dir > 0) {
            int delta = (wd - cur + 7) % 7;
            if (delta == 0)
                delta = 7;
            d = docdate + delta;
        } else {
            int delta = (cur - wd + 7) % 7;
            d = docdate - delta;
        }
        x->sday = x->eday = d;
        x->prec = PR_DAY;
    } else if (x->relative_month) {
        int y, m, dd;
        date_to_ymd(docdate, &y, &m, &dd);
        int mm = x->relative_month;
        if (dir > 0 && mm < m)
            y++;
        else if (dir <= 0 && mm > m)
            y--;
        if (x->prec == PR_DAY) {
            int day;
            int sy, sm;
            date_to_ymd(x->sday, &sy, &sm, &day);
            if (date_valid(y, mm, day))
                x->sday = x->eday = date_from_ymd(y, mm, day);
        } else {
            set_month(x, y, mm);
        }
    }
}

/* ---- quarters, seasons, holidays, references ---------------------------- */

static int ordinal_of(const token *t)
{
    static const char *const w[] = {"first", "second", "third", "fourth"};
    static const char *const d[] = {"1st", "2nd", "3rd", "4th"};
    for (int i = 0; i < 4; i++)
        if (tok_is(t, w[i]) || tok_is(t, d[i]))
            return i + 1;
    return 0;
}

static void set_quarter(timex *x, int y, int q)
{
    x->sday = date_from_ymd(y, 3 * q - 2, 1);
    x->eday = date_from_ymd(y, 3 * q, date_days_in_month(y, 3 * q));
    x->prec = PR_QUARTER;
}

/* The last quarter that ended before the document date. */
static void last_quarter(int dy, int dm, int *y, int *q)
{
    int cur = (dm - 1) / 3 + 1;
    *q = cur == 1 ? 4 : cur - 1;
    *y = cur == 1 ? dy - 1 : dy;
}

/* Seasons as news uses them (northern hemisphere, meteorological):
 * spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb (the
 * winter of a year starts in its December). */
static int season_of(const token *t)
{
    if (tok_is(t, "spring"))
        return 1;
    if (tok_is(t, "summer"))
        return 2;
    if (tok_is(t, "fall") || tok_is(t, "autumn"))
        return 3;
    if (tok_is(t, "winter"))
        return 4;
    return 0;
}

static void set_season(timex *x, int y, int se)
{
    int m0 = 3 * se;    /* 3, 6, 9, 12 */
    x->sday = date_from_ymd(y, m0, 1);
    int ey = se == 4 ? y + 1 : y, em = se == 4 ? 2 : m0 + 2;
    x->eday = date_from_ymd(ey, em, date_days_in_month(ey, em));
    x->prec = PR_SEASON;
}

/* The instance of season se that a document of doc means by "this" (0),
 * "last" (-1) or "next" (+1). */
static int season_year(int32_t doc, int se, int which)
{
    int dy, dm, dd;
    date_to_ymd(doc, &dy, &dm, &dd);
    int y = se == 4 && dm <= 2 ? dy - 1 : dy;   /* this season's year */
    timex t;
    set_season(&t, y, se);
    if (which < 0)
        return t.eday < doc ? y : y - 1;
    if (which > 0)
        return t.sday > doc ? y : y + 1;
    return y;
}

/* Fixed-date holidays news dates things by; the last one before the
 * document unless the tense says otherwise (time_direct). */
static int holiday_of(const sentence *s, size_t i, int *month, int *day, size_t *end)
{
    const token *t = s->toks;
    size_t n = s->ntok;
    *end = i;
    if (tok_is(&t[i], "christmas")) {
        *month = 12;
        *day = 25;
        if (i + 1 < n && tok_is(&t[i + 1], "eve")) {
            *day = 24;
            *end = i + 1;
        } else if (i + 1 < n && tok_is(&t[i + 1], "day")) {
            *end = i + 1;
        }
        return 1;
    }
    if (tok_is(&t[i], "halloween")) {
        *month = 10;
        *day = 31;
        return 1;
    }
    if (tok_is(&t[i], "new") && i + 3 < n && tok_is(&t[i + 1], "year") && t[i + 2].tag == TG_POS &&
        (tok_is(&t[i + 3], "day") || tok_is(&t[i + 3], "eve"))) {
        *month = tok_is(&t[i + 3], "eve") ? 12 : 1;
        *day = tok_is(&t[i + 3], "eve") ? 31 : 1;
        *end = i + 3;
        return 1;
    }
    if (tok_is(&t[i], "independence") && i + 1 < n && tok_is(&t[i + 1], "day") && (t[i].flags & TF_CAP)) {
        *month = 7;     /* the US holiday; other countries' differ */
        *day = 4;
        *end = i + 1;
        return 1;
    }
    return 0;
}

/* Thanksgiving (US): the fourth Thursday of November of year y. */
static int32_t thanksgiving(int y)
{
    int32_t d = date_from_ymd(y, 11, 1);
    while (date_weekday(d) != 3)    /* Monday = 0 */
        d++;
    return d + 21;
}

/* Words that refer to the present, the past or the future without naming a
 * date (TimeML PRESENT_REF, PAST_REF, FUTURE_REF): expressions with no
 * interval. */
static size_t reference_word(const sentence *s, size_t i)
{
    int lo, hi;
    const token *t = s->toks;
    size_t n = s->ntok;
    static const char *const one[] = {"now", "currently", "recently", "nowadays", "formerly", "previously",
                                      "soon", "lately", NULL};
    for (const char *const *w = one; *w; w++)
        if (tok_is(&t[i], *w))
            return i + 1;
    if (tok_is(&t[i], "current") && i + 1 < n && t[i + 1].tag == TG_NOUN && !unit_of(&t[i + 1]))
        return i + 1;
    if (tok_is(&t[i], "these") && i + 1 < n && tok_is(&t[i + 1], "days"))
        return i + 2;
    if (tok_is(&t[i], "the") && i + 1 < n && (tok_is(&t[i + 1], "past") || tok_is(&t[i + 1], "future")) &&
        !(i + 2 < n && (t[i + 2].tag == TG_NUM || unit_of(&t[i + 2]) || small_number(&t[i + 2], &lo, &hi))))
        return i + 2;
    if (tok_is(&t[i], "recent") && i + 1 < n && (tok_is(&t[i + 1], "years") || tok_is(&t[i + 1], "decades")))
        return i + 2;
    return 0;
}

/* Hours and minutes, for durations ("five hours", "a 16-hour flight"). */
static int small_unit(const token *t)
{
    return lemma_is(t, "hour") || tok_is(t, "hours") || lemma_is(t, "minute") || tok_is(t, "minutes");
}

/* Quarters, seasons, holidays, "a year earlier", bare years, references
 * to now and durations without "for".  Returns the last token, or -1. */
static long match_more(const sentence *s, size_t i, int32_t doc, timex *x)
{
    const token *t = s->toks;
    size_t n = s->ntok;
    int dy, dm, dd;
    date_to_ymd(doc, &dy, &dm, &dd);
    size_t k = i;
    int the = tok_is(&t[k], "the");
    if (the)
        k++;
    if (k < n && tok_is(&t[k], "fiscal"))
        k++;
    /* quarters */
    if (k < n) {
        int q = ordinal_of(&t[k]);
        size_t u = k + 1;
        if (q && u + 1 < n && tok_is(&t[u], "-") && tok_is(&t[u + 1], "quarter"))
            u++;    /* "third-quarter" */
        if (q && u < n && tok_is(&t[u], "quarter")) {
            int y = 0;
            if (u + 2 < n && tok_is(&t[u + 1], "of") && year_of(&t[u + 2]))
                y = year_of(&t[u + 2]), u += 2;
            else if (u + 1 < n && year_of(&t[u + 1]))
                y = year_of(&t[u + 1]), u += 1;
            else if (k > 0 && t[k - 1].tag == TG_POS && k >= 2 && year_of(&t[k - 2]))
                y = year_of(&t[k - 2]);
            if (!y)
                y = date_from_ymd(dy, 3 * q - 2, 1) <= doc ? dy : dy - 1;
            set_quarter(x, y, q);
            return (long)u;
        }
        /* "the latest quarter", "the year-earlier quarter", "the quarter" */
        size_t v = k;
        int back = 0, rel = 0;
        if (v < n && (tok_is(&t[v], "latest") || tok_is(&t[v], "last") || tok_is(&t[v], "recent") ||
                      tok_is(&t[v], "past"))) {
            rel = 1;
            v++;
        } else if (v + 2 < n && tok_is(&t[v], "year") && tok_is(&t[v + 1], "-") &&
                   (tok_is(&t[v + 2], "earlier") || tok_is(&t[v + 2], "ago"))) {
            back = 1;
            v += 3;
        } else if (v + 1 < n && tok_is(&t[v], "year") && (tok_is(&t[v + 1], "earlier") || tok_is(&t[v + 1], "ago"))) {
            back = 1;
            v += 2;
        }
        if (v < n && tok_is(&t[v], "quarter") && (the || rel || back) &&
            !(v + 1 < n && (tok_is(&t[v + 1], "of") || t[v + 1].tag == TG_NUM))) {
            int y, q2;
            last_quarter(dy, dm, &y, &q2);
            set_quarter(x, y - back, q2);
            return (long)v;
        }
        if (back && v < n && (tok_is(&t[v], "period") || tok_is(&t[v], "level") || tok_is(&t[v], "results"))) {
            set_year(x, dy - 1, 0);
            return (long)(v - 1);
        }
    }
    /* seasons: last fall, this summer, this past spring, the winter of 1998 */
    {
        size_t v = i;
        int which = 0, explicit_rel = 0;
        if (tok_is(&t[v], "last") || tok_is(&t[v], "next") || tok_is(&t[v], "this") || tok_is(&t[v], "the")) {
            which = tok_is(&t[v], "last") ? -1 : tok_is(&t[v], "next") ? 1 : 0;
            explicit_rel = !tok_is(&t[v], "the");
            v++;
            if (v < n && tok_is(&t[v], "past") && which == 0) {
                which = -1;
                v++;
            }
        }
        int se = v < n ? season_of(&t[v]) : 0;
        if (se && (explicit_rel || v == i || tok_is(&t[i], "the"))) {
            int y = 0;
            if (v + 2 < n && tok_is(&t[v + 1], "of") && year_of(&t[v + 2]))
                y = year_of(&t[v + 2]), v += 2;
            else if (v + 1 < n && year_of(&t[v + 1]))
                y = year_of(&t[v + 1]), v += 1;
            /* a bare "fall" is a verb or a noun more often than a season */
            if (!y && !explicit_rel && (se == 3 || !tok_is(&t[i], "the")) && !(i > 0 && tok_is(&t[i - 1], "in")))
                return -1;
            if (!y)
                y = season_year(doc, se, which);
            set_season(x, y, se);
            return (long)v;
        }
    }
    /* holidays */
    {
        int mo, da;
        size_t e;
        if ((t[i].flags & TF_CAP) && holiday_of(s, i, &mo, &da, &e)) {
            int32_t d = date_from_ymd(dy, mo, da);
            if (d > doc)
                d = date_from_ymd(dy - 1, mo, da);
            x->sday = x->eday = d;
            x->prec = PR_DAY;
            return (long)e;
        }
        if (tok_is(&t[i], "thanksgiving") && (t[i].flags & TF_CAP)) {
            int32_t d = thanksgiving(dy);
            if (d > doc)
                d = thanksgiving(dy - 1);
            x->sday = x->eday = d;
            x->prec = PR_DAY;
            return (long)(i + 1 < n && tok_is(&t[i + 1], "day") ? i + 1 : i);
        }
    }
    /* a year earlier / a year ago / a year before */
    if ((tok_is(&t[i], "a") || tok_is(&t[i], "one")) && i + 2 < n && tok_is(&t[i + 1], "year") &&
        (tok_is(&t[i + 2], "earlier") || tok_is(&t[i + 2], "ago") || tok_is(&t[i + 2], "before"))) {
        set_year(x, dy - 1, 0);
        return (long)(i + 2);
    }
    /* a bare year: "in 1996" is handled above; "1996 was", "since then, 1990" */
    if (year_of(&t[i]) && !(i > 0 && (t[i - 1].tag == TG_NUM || tok_is(&t[i - 1], "$"))) &&
        (i + 1 >= n || t[i + 1].tag == TG_PUNCT || t[i + 1].tag == TG_PREP || t[i + 1].tag == TG_CONJ ||
         t[i + 1].tag == TG_VERB || t[i + 1].tag == TG_AUX || t[i + 1].tag == TG_MODAL || t[i + 1].tag == TG_POS ||
         t[i + 1].tag == TG_SCONJ || t[i + 1].tag == TG_WH || t[i + 1].tag == TG_TO) &&
        !(i + 1 < n && tok_is(&t[i + 1], "%"))) {
        set_year(x, year_of(&t[i]), 0);
        return (long)i;
    }
    /* now, currently, recently, the future */
    size_t r = reference_word(s, i);
    if (r) {
        x->sday = x->eday = DATE_NONE;
        x->prec = 0;
        return (long)r - 1;
    }
    /* durations: "three days", "five hours", "a 16-hour flight", "two years" */
    {
        int lo, hi;
        size_t v = i;
        int num = small_number(&t[v], &lo, &hi) || (t[v].flags & TF_DIGIT) || tok_is(&t[v], "a") ||
                  tok_is(&t[v], "an") || tok_is(&t[v], "several") || tok_is(&t[v], "few");
        if (num && v + 1 < n) {
            size_t u = v + 1;
            if (tok_is(&t[u], "-") && u + 1 < n && !(t[u + 1].flags & TF_SPACE))
                u++;
            int unit = unit_of(&t[u]);
            if ((unit || small_unit(&t[u])) && unit != 3650 + 1 &&
                !(u + 1 < n && (tok_is(&t[u + 1], "ago") || tok_is(&t[u + 1], "earlier") ||
                                tok_is(&t[u + 1], "later") || tok_is(&t[u + 1], "before") ||
                                tok_is(&t[u + 1], "after"))) &&
                !((tok_is(&t[v], "a") || tok_is(&t[v], "an")) && !(u + 1 < n && t[u + 1].tag == TG_NOUN) &&
                  !(v > 0 && tok_is(&t[v - 1], "for")))) {
                x->type = TX_DURATION;
                x->sday = x->eday = DATE_NONE;
                x->prec = 0;
                x->dur_days = 0;
                return (long)u;
            }
        }
    }
    /* clock times: "10:35 a.m.", "noon" */
    if ((t[i].flags & TF_DIGIT) && i + 2 < n && tok_is(&t[i + 1], ":") && (t[i + 2].flags & TF_DIGIT)) {
        size_t e = i + 2;
        if (e + 1 < n && (tok_is(&t[e + 1], "a.m.") || tok_is(&t[e + 1], "p.m.") || tok_is(&t[e + 1], "am") ||
                          tok_is(&t[e + 1], "pm")))
            e++;
        x->type = TX_TIME;
        x->sday = x->eday = doc;
        x->prec = PR_DAY;
        return (long)e;
    }
    return -1;
}

/* ---- recognition ------------------------------------------------------ */

static int match_at(const sentence *s, size_t i, int32_t doc, timex *x)
{
    const token *t = s->toks;
    size_t n = s->ntok;
    memset(x, 0, sizeof *x);
    x->type = TX_DATE;
    x->sday = x->eday = DATE_NONE;
    x->first = (int32_t)i;
    int dy, dm, dd;
    if (doc != DATE_NONE)
        date_to_ymd(doc, &dy, &dm, &dd);
    else
        dy = dm = dd = 0;
    size_t e = i;  /* last token */

    /* ISO date */
    if ((t[i].flags & TF_DIGIT) && t[i].flen == 10) {
        int32_t d = date_parse_iso(t[i].fold, 10, 0);
        if (d != DATE_NONE) {
            x->sday = x->eday = d;
            x->prec = PR_DAY;
            goto done;
        }
    }
    /* early/mid/late + year | month */
    int part = 0;
    size_t j = i;
    if (tok_is(&t[j], "early") || tok_is(&t[j], "mid") || tok_is(&t[j], "late")) {
        part = tok_is(&t[j], "early") ? 1 : tok_is(&t[j], "mid") ? 2 : 3;
        j++;
        if (j < n && tok_is(&t[j], "-"))
            j++;
        if (j < n && tok_is(&t[j], "last") && j + 1 < n && lemma_is(&t[j + 1], "year") && doc != DATE_NONE) {
            set_year(x, dy - 1, part);
            e = j + 1;
            goto done;
        }
        if (j < n && tok_is(&t[j], "this") && j + 1 < n && lemma_is(&t[j + 1], "year") && doc != DATE_NONE) {
            set_year(x, dy, part);
            e = j + 1;
            goto done;
        }
        if (j < n && year_of(&t[j])) {
            set_year(x, year_of(&t[j]), part);
            e = j;
            goto done;
        }
        if (j < n && month_of(&t[j], 1)) {
            int m = month_of(&t[j], 1);
            int y = j + 1 < n && year_of(&t[j + 1]) ? year_of(&t[j + 1]) : 0;
            int d0 = part == 1 ? 1 : part == 2 ? 11 : 21;
            int yy = y ? y : (dy ? dy : 2000);
            int d1 = part == 1 ? 10 : part == 2 ? 20 : date_days_in_month(yy, m);
            x->sday = date_from_ymd(yy, m, d0);
            x->eday = date_from_ymd(yy, m, d1);
            x->prec = PR_DAYS;
            if (!y)
                x->relative_month = (uint8_t)m;
            e = y ? j + 1 : j;
            if (!y && doc == DATE_NONE)
                return 0;
            if (!y) {
                /* keep the part when the month is moved by direction */
                x->relative_month = 0;
                if (m > dm)
                    yy = dy - 1;
                x->sday = date_from_ymd(yy, m, d0);
                x->eday = date_from_ymd(yy, m, part == 3 ? date_days_in_month(yy, m) : d1);
            }
            goto done;
        }
        return 0;
    }
    /* day month [year]: 17 March 2022 */
    if (day_of(&t[i]) && i + 1 < n && month_of(&t[i + 1], 0)) {
        int d = day_of(&t[i]), m = month_of(&t[i + 1], 0);
        int y = i + 2 < n && year_of(&t[i + 2]) ? year_of(&t[i + 2]) : 0;
        if (y && date_valid(y, m, d)) {
            x->sday = x->eday = date_from_ymd(y, m, d);
            x->prec = PR_DAY;
            e = i + 2;
            goto done;
        }
        if (!y && doc != DATE_NONE && date_valid(dy, m, d)) {
            x->sday = x->eday = date_from_ymd(dy, m, d);
            x->prec = PR_DAY;
            x->relative_month = (uint8_t)m;
            e = i + 1;
            goto done;
        }
        return 0;
    }
    /* month [day][,] [year] */
    int m = month_of(&t[i], 0);
    if (m && (!tok_is(&t[i], "may") || (i + 1 < n && (day_of(&t[i + 1]) || year_of(&t[i + 1]))))) {
        size_t k = i + 1;
        int d = k < n ? day_of(&t[k]) : 0;
        if (d)
            k++;
        if (k < n && tok_is(&t[k], ",") && k + 1 < n && year_of(&t[k + 1]))
            k++;
        int y = k < n ? year_of(&t[k]) : 0;
        if (d && y && date_valid(y, m, d)) {
            x->sday = x->eday = date_from_ymd(y, m, d);
            x->prec = PR_DAY;
            e = k;
            goto done;
        }
        if (!d && y) {
            set_month(x, y, m);
            e = k;
            goto done;
        }
        if (d && doc != DATE_NONE && date_valid(dy, m, d)) {
            x->sday = x->eday = date_from_ymd(dy, m, d);
            x->prec = PR_DAY;
            x->relative_month = (uint8_t)m;
            time_direct(x, doc, -1);    /* provisional: past; events may redirect */
            e = i + 1;
            goto done;
        }
        /* a month alone must be written out ("Jan" alone is a name) */
        if (!d && doc != DATE_NONE && month_of(&t[i], 1) && !(t[i].flags & TF_ABBR) &&
            !(t[i].flags & TF_ALLCAP)) {
            set_month(x, dy, m);
            x->relative_month = (uint8_t)m;
            time_direct(x, doc, -1);
            e = i;
            goto done;
        }
        return 0;
    }
    /* the 1990s */
    if ((t[i].flags & TF_DIGIT) && t[i].flen == 5 && t[i].fold[4] == 's') {
        int y = atoi(t[i].fold);
        if (y >= 1900 && y <= 2090 && y % 10 == 0) {
            x->sday = date_from_ymd(y, 1, 1);
            x->eday = date_from_ymd(y + 9, 12, 31);
            x->prec = PR_DECADE;
            goto done;
        }
    }
    /* a year after a preposition */
    if (year_of(&t[i]) && i > 0 && (t[i - 1].tag == TG_PREP || tok_is(&t[i - 1], "since") ||
                                    tok_is(&t[i - 1], ",")) && !(i + 1 < n && tok_is(&t[i + 1], "%"))) {
        set_year(x, year_of(&t[i]), 0);
        goto done;
    }
    /* sets: every Friday, every four years, daily, annually */
    {
        static const char *const adv[] = {"daily", "weekly", "monthly", "annually", "yearly", "nightly",
                                          "hourly", "biweekly", "quarterly", NULL};
        for (const char *const *w = adv; *w; w++)
            if (tok_is(&t[i], *w) && !(i + 1 < n && t[i + 1].tag == TG_NOUN)) {
                x->type = TX_SET;
                x->prec = 0;
                goto done;
            }
        if ((tok_is(&t[i], "every") || tok_is(&t[i], "each")) && i + 1 < n) {
            size_t u = i + 1;
            int lo, hi;
            if (small_number(&t[u], &lo, &hi) || (t[u].flags & TF_DIGIT) || tok_is(&t[u], "other"))
                u++;
            if (u < n && (unit_of(&t[u]) || weekday_of(&t[u]) || small_unit(&t[u]) || month_of(&t[u], 1) ||
                          tok_is(&t[u], "morning") || tok_is(&t[u], "night") || tok_is(&t[u], "weekend"))) {
                x->type = TX_SET;
                x->prec = 0;
                e = u;
                goto done;
            }
        }
    }
    /* weekdays */
    int wd = weekday_of(&t[i]);
    if (wd) {
        x->weekday = (uint8_t)wd;
        x->prec = PR_DAY;
        if (i > 0 && tok_is(&t[i - 1], "last")) {
            x->first = (int32_t)i - 1;
            time_direct(x, doc - 1, -1);
            x->weekday = 0;
        } else if (i > 0 && tok_is(&t[i - 1], "next")) {
            x->first = (int32_t)i - 1;
            time_direct(x, doc, +1);
            x->weekday = 0;
        } else {
            time_direct(x, doc, -1);    /* provisional; events may redirect */
        }
        if (i + 1 < n && (lemma_is(&t[i + 1], "night") || lemma_is(&t[i + 1], "morning") ||
                          lemma_is(&t[i + 1], "afternoon") || lemma_is(&t[i + 1], "evening"))) {
            e = i + 1;
            x->type = TX_TIME;  /* a part of a day */
        }
        if (doc == DATE_NONE)
            return 0;
        goto done;
    }
    if (doc == DATE_NONE)
        return 0;
    if (tok_is(&t[i], "yesterday") || (tok_is(&t[i], "last") && i + 1 < n && tok_is(&t[i + 1], "night"))) {
        x->sday = x->eday = doc - 1;
        x->prec = PR_DAY;
        e = tok_is(&t[i], "last") ? i + 1 : i;
        if (tok_is(&t[i], "last"))
            x->type = TX_TIME;
        goto done;
    }
    if (tok_is(&t[i], "today") || tok_is(&t[i], "tonight") ||
        (tok_is(&t[i], "this") && i + 1 < n && (lemma_is(&t[i + 1], "morning") || lemma_is(&t[i + 1], "afternoon") ||
                                                lemma_is(&t[i + 1], "evening")))) {
        x->sday = x->eday = doc;
        x->prec = PR_DAY;
        e = tok_is(&t[i], "this") ? i + 1 : i;
        if (!tok_is(&t[i], "today"))
            x->type = TX_TIME;
        goto done;
    }
    if (tok_is(&t[i], "tomorrow")) {
        x->sday = x->eday = doc + 1;
        x->prec = PR_DAY;
        goto done;
    }
    /* N [or M] units ago; approximately N units ago */
    {
        size_t k = i;
        if (tok_is(&t[k], "approximately") || tok_is(&t[k], "about") || tok_is(&t[k], "some") ||
            tok_is(&t[k], "nearly") || tok_is(&t[k], "almost") || tok_is(&t[k], "around") ||
            tok_is(&t[k], "roughly") || tok_is(&t[k], "over") || tok_is(&t[k], "more"))
            k++;
        if (k < n && tok_is(&t[k], "than"))
            k++;
        int lo, hi;
        if (k < n && small_number(&t[k], &lo, &hi)) {
            size_t u = k + 1;
            int lo2, hi2;
            if (u + 1 < n && (tok_is(&t[u], "or") || tok_is(&t[u], "to") || tok_is(&t[u], "-")) &&
                small_number(&t[u + 1], &lo2, &hi2)) {
                hi = hi2;
                u += 2;
            }
            int unit = u < n ? unit_of(&t[u]) : 0;
            if (unit && u + 1 < n && tok_is(&t[u + 1], "ago")) {
                if (unit == 1) {
                    x->sday = doc - hi;
                    x->eday = doc - lo;
                    x->prec = lo == hi ? PR_DAY : PR_DAYS;
                } else if (unit == 7) {
                    x->sday = week_start(doc - 7 * hi);
                    x->eday = week_start(doc - 7 * lo) + 6;
                    x->prec = PR_WEEK;
                } else if (unit == 30) {
                    int32_t a = date_add_months(doc, -hi), b = date_add_months(doc, -lo);
                    int ay, am, ad, by, bm, bd;
                    date_to_ymd(a, &ay, &am, &ad);
                    date_to_ymd(b, &by, &bm, &bd);
                    x->sday = date_from_ymd(ay, am, 1);
                    x->eday = date_from_ymd(by, bm, date_days_in_month(by, bm));
                    x->prec = PR_MONTH;
                } else {
                    int mul = unit == 365 ? 1 : 10;
                    x->sday = date_from_ymd(dy - hi * mul, 1, 1);
                    x->eday = date_from_ymd(dy - lo * mul, 12, 31);
                    x->prec = PR_YEAR;
                }
                e = u + 1;
                goto done;
            }
            /* a duration: "for fifteen days", "an additional fifteen days" */
            if (unit && i > 0 && (tok_is(&t[i - 1], "for") || tok_is(&t[i - 1], "additional") ||
                                  tok_is(&t[i - 1], "another") || tok_is(&t[i - 1], "further") ||
                                  tok_is(&t[i - 1], "extra"))) {
                x->type = TX_DURATION;
                x->dur_days = unit == 30 ? lo * 30 : unit == 365 ? lo * 365 : lo * unit;
                if (unit == 30)
                    x->dur_days = (int32_t)(date_add_months(doc, lo) - doc);
                x->prec = 0;
                e = u;
                goto done;
            }
            /* "four-day truce": a duration used as an adjective */
            if (u + 1 < n && tok_is(&t[u], "-") && unit_of(&t[u + 1]) && !(t[u + 1].flags & TF_SPACE)) {
                x->type = TX_DURATION;
                x->dur_days = lo * unit_of(&t[u + 1]);
                x->prec = 0;
                e = u + 1;
                goto done;
            }
        }
    }
    /* last/this/next/past + unit; earlier/later this unit */
    {
        size_t k = i;
        int mod = 0;    /* 1 earlier, 2 later */
        if (tok_is(&t[k], "earlier") || tok_is(&t[k], "later")) {
            mod = tok_is(&t[k], "earlier") ? 1 : 2;
            k++;
        }
        if (k + 1 < n && (tok_is(&t[k], "last") || tok_is(&t[k], "this") || tok_is(&t[k], "next") ||
                          tok_is(&t[k], "past") || tok_is(&t[k], "coming"))) {
            int which = tok_is(&t[k], "last") ? -1 : tok_is(&t[k], "next") || tok_is(&t[k], "coming") ? 1 :
                        tok_is(&t[k], "past") ? -2 : 0;
            size_t u = k + 1;
            int lo = 1, hi = 1;
            if (which == -2 && u < n && small_number(&t[u], &lo, &hi))
                u++;
            int unit = u < n ? unit_of(&t[u]) : 0;
            if (unit && unit != 3650) {
                if (which == -2) {
                    /* the past N units: a span ending today */
                    int len = unit == 30 ? 30 * hi : unit * hi;
                    x->sday = doc - len;
                    x->eday = doc;
                    x->prec = PR_DAYS;
                } else if (unit == 1) {
                    return 0;
                } else if (unit == 7) {
                    int32_t ws = week_start(doc) + 7 * which;
                    x->sday = ws;
                    x->eday = ws + 6;
                    x->prec = PR_WEEK;
                } else if (unit == 30) {
                    int32_t md = date_add_months(doc, which);
                    int y, mm, d;
                    date_to_ymd(md, &y, &mm, &d);
                    set_month(x, y, mm);
                } else {
                    set_year(x, dy + which, 0);
                }
                if (mod == 1 && which == 0) {
                    x->eday = doc;
                } else if (mod == 2 && which == 0) {
                    x->sday = doc;
                }
                e = u;
                /* "over the past several days" keeps its start words */
                if (i >= 1 && tok_is(&t[i - 1], "the") && i >= 2 &&
                    (tok_is(&t[i - 2], "over") || tok_is(&t[i - 2], "in") || tok_is(&t[i - 2], "during")))
                    x->first = (int32_t)i - 2;
                goto done;
            }
        }
    }
    /* in recent days/weeks */
    if (tok_is(&t[i], "recent") && i + 1 < n && unit_of(&t[i + 1]) && unit_of(&t[i + 1]) <= 30) {
        int unit = unit_of(&t[i + 1]);
        x->sday = doc - (unit == 1 ? 7 : unit == 7 ? 28 : 90);
        x->eday = doc;
        x->prec = PR_DAYS;
        e = i + 1;
        goto done;
    }
    {
        long le = match_more(s, i, doc, x);
        if (le >= 0) {
            e = (size_t)le;
            goto done;
        }
    }
    return 0;
done:
    x->last = (int32_t)e;
    x->start = t[x->first].start;
    x->end = t[e].end;
    return 1;
}

int time_sentence(const sentence *s, int32_t docdate, timex *out, int max)
{
    int nx = 0;
    for (size_t i = 0; i < s->ntok && nx < max;) {
        timex x;
        if ((s->toks[i].flags & (TF_WORD)) && match_at(s, i, docdate, &x)) {
            /* "since December 2024": from then until now */
            if (x.type == TX_DATE && x.first > 0 && tok_is(&s->toks[x.first - 1], "since") &&
                docdate != DATE_NONE && x.sday != DATE_NONE) {
                x.eday = docdate;
                x.first--;
                x.start = s->toks[x.first].start;
            }
            out[nx++] = x;
            i = (size_t)x.last + 1;
            continue;
        }
        i++;
    }
    return nx;
}

static int inside(const timex *x, int32_t a, int32_t b)
{
    return x->first >= a && x->last <= b;
}

void time_direct_in_sentence(timex *x, const sentence *s, int32_t docdate)
{
    if (!x->weekday && !x->relative_month)
        return;
    /* the verb group nearest the expression, before it first; a verb of
     * saying is the report's, not the event's ("will meet on Wednesday,
     * officials said") */
    const chunk *best = NULL;
    int32_t bestd = 1 << 30;
    for (int pass = 0; pass < 2 && !best; pass++)
        for (size_t k = 0; k < s->nchunks; k++) {
            const chunk *c = &s->chunks[k];
            if (c->kind != CH_VG)
                continue;
            const token *h = &s->toks[c->head];
            if (pass == 0 && h->lemma &&
                (!strcmp(h->lemma, "say") || !strcmp(h->lemma, "tell") || !strcmp(h->lemma, "report") ||
                 !strcmp(h->lemma, "announce") || !strcmp(h->lemma, "add") || !strcmp(h->lemma, "state")))
                continue;
            int32_t d = c->last < x->first ? x->first - c->last : c->first - x->last + 2;
            if (d < bestd) {
                bestd = d;
                best = c;
            }
        }
    int dir = -1;
    if (best) {
        /* the verb and the verbs governing it ("is scheduled to arrive") */
        int planned = 0;
        for (const chunk *c = best; c >= s->chunks && !planned; c--) {
            if (c->kind != CH_VG)
                continue;
            if (c->future)
                planned = 1;
            for (int32_t k = c->first; k <= c->last && !planned; k++) {
                const token *t = &s->toks[k];
                if (t->lemma && (!strcmp(t->lemma, "schedule") || !strcmp(t->lemma, "plan") ||
                                 !strcmp(t->lemma, "expect") || !strcmp(t->lemma, "due") ||
                                 !strcmp(t->lemma, "intend") || !strcmp(t->lemma, "set")))
                    planned = 1;
            }
            /* only across "to": "expected to speak", "due to visit" */
            if (c->first == 0 || !(c->infinitive || s->toks[c->first].tag == TG_TO))
                break;
            for (int32_t k = c->first - 1; k >= 0 && k >= c->first - 2 && !planned; k--) {
                const token *t = &s->toks[k];
                if (tok_is(t, "due") || tok_is(t, "set") || tok_is(t, "scheduled") || tok_is(t, "expected") ||
                    tok_is(t, "poised") || tok_is(t, "slated"))
                    planned = 1;
            }
        }
        /* "is to visit", "are due to": be + to-infinitive */
        if (!planned && (size_t)best->last + 1 < s->ntok && s->toks[best->last + 1].tag == TG_TO &&
            s->toks[best->head].aux == AUX_BE)
            planned = 1;
        if (planned) {
            dir = +1;
        } else {
            /* a past or perfect verb looks back; a present one ("arrives
             * Tuesday") means the nearest such day */
            int past = best->perfect;
            for (int32_t k = best->first; k <= best->last && !past; k++)
                if (s->toks[k].vform == VF_PAST)
                    past = 1;
            if (!past)
                dir = 0;
        }
    }
    if (dir == 0 && x->weekday && docdate != DATE_NONE) {
        timex a = *x, b = *x;
        time_direct(&a, docdate, -1);
        time_direct(&b, docdate, +1);
        *x = (docdate - a.sday <= b.sday - docdate) ? a : b;
        return;
    }
    time_direct(x, docdate, dir < 0 ? -1 : dir);
}

void time_events(ev_mention *evs, size_t n, const sentence *s, const timex *tx, int ntx, int32_t docdate)
{
    (void)s;
    for (size_t i = 0; i < n; i++) {
        ev_mention *ev = &evs[i];
        const timex *best = NULL;
        int32_t bestd = 1 << 30;
        /* the clause's own expression, nearest the trigger */
        for (int k = 0; k < ntx; k++) {
            const timex *x = &tx[k];
            if (x->type != TX_DATE || x->sday == DATE_NONE)
                continue;
            if (!inside(x, ev->clause_first, ev->clause_last))
                continue;
            int32_t d = x->first > ev->head ? x->first - ev->head : ev->head - x->last;
            if (d < bestd) {
                bestd = d;
                best = x;
            }
        }
        /* else the sentence's first date */
        for (int k = 0; !best && k < ntx; k++)
            if (tx[k].type == TX_DATE && tx[k].sday != DATE_NONE)
                best = &tx[k];
        if (best) {
            timex x = *best;
            int dir = ev->future || ev->modality == MOD_PLANNED ? +1 : -1;
            if (x.weekday || x.relative_month)
                time_direct(&x, docdate, dir);
            ev->d_start = x.sday;
            ev->d_end = x.eday;
            ev->d_prec = x.prec;
            ev->d_text_start = x.start;
            ev->d_text_end = x.end;
        } else if (docdate != DATE_NONE) {
            ev->d_start = ev->d_end = docdate;
            ev->d_prec = PR_DOCUMENT;
        }
        /* a truce that expired ended on its date */
        if (ev->phase == PH_END && ev->d_end != DATE_NONE && ev->d_prec != PR_DOCUMENT)
            ev->until = ev->d_end;
    }
    /* A duration ("for fifteen days") belongs to the nearest trigger before
     * it, and ends the state that event starts or extends.  A length before
     * a trigger ("a four-day truce") describes it, not what follows. */
    for (int k = 0; k < ntx; k++) {
        const timex *x = &tx[k];
        if (x->type != TX_DURATION || !x->dur_days)
            continue;
        ev_mention *best = NULL;
        for (size_t i = 0; i < n; i++)
            if (evs[i].head < x->first && (!best || evs[i].head > best->head))
                best = &evs[i];
        if (!best || best->phase == PH_END)
            continue;
        best->dur_days = x->dur_days;
        if (best->d_end != DATE_NONE && (best->phase == PH_EXTEND || (best->mode && !strcmp(best->mode, "ceasefire"))))
            best->until = best->d_end + x->dur_days;
    }
}

int32_t time_leading_date(const char *text, size_t len)
{
    /* "Wed 05 Apr 2017 ..." or "05 April 2017 ..." or "2017-04-05" */
    char buf[64];
    size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
    const char *p = buf;
    while (*p == ' ' || *p == '\n')
        p++;
    if (n >= 10 && date_parse_iso(p, 10, 0) != DATE_NONE)
        return date_parse_iso(p, 10, 0);
    static const char *const wd[] = {"Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "};
    for (int i = 0; i < 7; i++)
        if (!strncmp(p, wd[i], 4))
            p += 4;
    int d, y;
    char mon[16];
    if (sscanf(p, "%d %15s %d", &d, mon, &y) == 3) {
        static const char *const ms[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int m = 0; m < 12; m++)
            if (!strncmp(mon, ms[m], 3) && date_valid(y, m + 1, d) && y >= 1900)
                return date_from_ymd(y, m + 1, d);
    }
    return DATE_NONE;
}
