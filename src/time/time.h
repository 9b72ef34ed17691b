/* time.h -- the time stage: temporal expressions and event dates.
 *
 * Reads a tagged sentence and the document date.  Adds temporal expressions
 * (explicit dates, weekdays, yesterday, "five or six days ago", "earlier this
 * month", "late 2024", "a decade ago", "over the past several days",
 * durations such as "for fifteen days") resolved to calendar intervals, and
 * gives each event mention of the sentence its date: the expression of its
 * own clause, else the sentence's, else the document date.  A weekday is
 * resolved backwards or forwards by the event's tense and modality ("visited
 * on Tuesday" is the last Tuesday; "is scheduled to visit on Wednesday" the
 * next).  It must not know about actors or places.
 */
#ifndef SR_TIME_H
#define SR_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../events/events.h"

enum { TX_DATE = 1, TX_TIME, TX_DURATION, TX_SET };
enum { PR_DAY = 1, PR_DAYS, PR_WEEK, PR_MONTH, PR_YEAR, PR_DECADE, PR_DOCUMENT, PR_QUARTER, PR_SEASON };

const char *time_precision_name(int p);
const char *time_type_name(int t);

typedef struct timex {
    int32_t first, last;        /* tokens */
    uint32_t start, end;        /* bytes */
    uint8_t type;               /* TX_ */
    uint8_t prec;               /* PR_ */
    uint8_t weekday;            /* 1..7 when a bare weekday (direction by tense), else 0 */
    uint8_t relative_month;     /* a month without a year: direction by tense */
    int32_t sday, eday;         /* interval, DATE_NONE when it denotes none */
    int32_t dur_days;           /* durations: length in days, 0 if none */
} timex;

/* Find the temporal expressions of a sentence, resolved against docdate
 * (DATE_NONE when unknown: then only absolute dates resolve).  Writes up to
 * max into out; returns the count. */
int time_sentence(const sentence *s, int32_t docdate, timex *out, int max);

/* Resolve a weekday or yearless month for a direction (+1 future, -1 past). */
void time_direct(timex *x, int32_t docdate, int dir);

/* Resolve a weekday or yearless month by the tense of the verb nearest it
 * (for expressions with no event: sitrep dates). */
void time_direct_in_sentence(timex *x, const sentence *s, int32_t docdate);

/* Date the event mentions evs[0..n) of sentence s. */
void time_events(ev_mention *evs, size_t n, const sentence *s, const timex *tx, int ntx, int32_t docdate);

/* A date at the start of the text ("Wed 05 Apr 2017 ...", a dateline
 * "SALVADOR, Feb 26 -" needs a year and gives none).  Returns DATE_NONE
 * when there is none. */
int32_t time_leading_date(const char *text, size_t len);

#endif
