/* test_time.c -- temporal expressions resolved against a document date:
 * a table of cases, each a sentence, the document date, the expression and
 * the interval it must give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "time/time.h"
#include "util/date.h"

static lexicon *lx;

static int setup(void **st)
{
    (void)st;
    char msg[256];
    const char *p = getenv("SITREP_LEXICON");
    lx = lex_open(p ? p : "lexicon.bin", msg, sizeof msg);
    return lx ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    lex_close(lx);
    return 0;
}

typedef struct tcase {
    const char *doc, *text, *expr, *start, *end;
} tcase;

/* 2026-01-27 is a Tuesday. */
static const tcase cases[] = {
    {"2026-01-27", "They left on Tuesday.", "Tuesday", "2026-01-27", "2026-01-27"},
    {"2026-01-27", "They left on Saturday.", "Saturday", "2026-01-24", "2026-01-24"},
    {"2026-01-27", "They left on Monday.", "Monday", "2026-01-26", "2026-01-26"},
    {"2026-01-27", "It happened last Tuesday.", "last Tuesday", "2026-01-20", "2026-01-20"},
    {"2026-01-27", "He will come next Friday.", "next Friday", "2026-01-30", "2026-01-30"},
    {"2026-01-27", "It started yesterday.", "yesterday", "2026-01-26", "2026-01-26"},
    {"2026-01-27", "It ends today.", "today", "2026-01-27", "2026-01-27"},
    {"2026-01-27", "It ends tomorrow.", "tomorrow", "2026-01-28", "2026-01-28"},
    {"2026-01-27", "They attacked last night.", "last night", "2026-01-26", "2026-01-26"},
    {"2026-01-27", "It began five or six days ago.", "five or six days ago", "2026-01-21", "2026-01-22"},
    {"2026-01-27", "It began approximately five or six days ago.", "approximately five or six days ago", "2026-01-21", "2026-01-22"},
    {"2026-01-27", "It began three days ago.", "three days ago", "2026-01-24", "2026-01-24"},
    {"2026-01-27", "It began 10 days ago.", "10 days ago", "2026-01-17", "2026-01-17"},
    {"2026-01-27", "It began two weeks ago.", "two weeks ago", "2026-01-12", "2026-01-18"},
    {"2026-01-27", "It began two months ago.", "two months ago", "2025-11-01", "2025-11-30"},
    {"2026-01-27", "It began a decade ago.", "a decade ago", "2016-01-01", "2016-12-31"},
    {"2026-01-27", "It began a year ago.", "a year ago", "2025-01-01", "2025-12-31"},
    {"2026-01-27", "Fighting erupted earlier this month.", "earlier this month", "2026-01-01", "2026-01-27"},
    {"2026-01-27", "Talks resume later this month.", "later this month", "2026-01-27", "2026-01-31"},
    {"2026-01-27", "They met last week.", "last week", "2026-01-19", "2026-01-25"},
    {"2026-01-27", "They meet this week.", "this week", "2026-01-26", "2026-02-01"},
    {"2026-01-27", "They meet next week.", "next week", "2026-02-02", "2026-02-08"},
    {"2026-01-27", "They met last month.", "last month", "2025-12-01", "2025-12-31"},
    {"2026-01-27", "They meet next month.", "next month", "2026-02-01", "2026-02-28"},
    {"2026-01-27", "They met last year.", "last year", "2025-01-01", "2025-12-31"},
    {"2026-01-27", "Elections are due next year.", "next year", "2027-01-01", "2027-12-31"},
    {"2026-01-27", "They moved out over the past several days.", "over the past several days", "2026-01-20", "2026-01-27"},
    {"2026-01-27", "Prices rose in recent days.", "recent days", "2026-01-20", "2026-01-27"},
    {"2026-01-27", "He was ousted in December 2024.", "December 2024", "2024-12-01", "2024-12-31"},
    {"2026-01-27", "He was ousted in late 2024.", "late 2024", "2024-09-01", "2024-12-31"},
    {"2026-01-27", "He was ousted in early 2024.", "early 2024", "2024-01-01", "2024-04-30"},
    {"2026-01-27", "He was ousted in mid-2024.", "mid-2024", "2024-05-01", "2024-08-31"},
    {"2026-01-27", "He was elected in 2015.", "2015", "2015-01-01", "2015-12-31"},
    {"2026-01-27", "It was signed on 17 March 2022.", "17 March 2022", "2022-03-17", "2022-03-17"},
    {"2026-01-27", "It was signed on March 17, 2022.", "March 17, 2022", "2022-03-17", "2022-03-17"},
    {"2026-01-27", "It was signed on Dec. 8, 2024.", "Dec. 8, 2024", "2024-12-08", "2024-12-08"},
    {"2026-01-27", "It was signed on 2024-12-08.", "2024-12-08", "2024-12-08", "2024-12-08"},
    {"2026-01-27", "It was signed in December.", "December", "2025-12-01", "2025-12-31"},
    {"2026-01-27", "It was signed on January 3.", "January 3", "2026-01-03", "2026-01-03"},
    {"2026-01-27", "It was popular in the 1990s.", "1990s", "1990-01-01", "1999-12-31"},
    {"2026-01-27", "It has ruled since 2011.", "since 2011", "2011-01-01", "2026-01-27"},
    {"2026-01-27", "They met earlier this year.", "earlier this year", "2026-01-01", "2026-01-27"},
    {"2026-01-27", "They met in late last year.", "late last year", "2025-09-01", "2025-12-31"},
    {"2000-01-01", "They met on Wednesday.", "Wednesday", "1999-12-29", "1999-12-29"},
    {"2022-03-22", "On 17 March 2022, around 100 persons demonstrated in Cahors.", "17 March 2022", "2022-03-17", "2022-03-17"},
    {"1998-08-07", "The talks ended Friday.", "Friday", "1998-08-07", "1998-08-07"},
};

static void test_table(void **st)
{
    (void)st;
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const tcase *c = &cases[k];
        arena a;
        arena_init(&a, 65536, 0);
        text_splitter *sp = text_splitter_new(c->text, strlen(c->text), 2000);
        sentence s;
        assert_int_equal(text_next_sentence(sp, lx, &a, &s), 1);
        timex tx[8];
        int32_t doc = date_parse_iso(c->doc, 10, 0);
        int n = time_sentence(&s, doc, tx, 8);
        char got[128] = "(none)", gs[11] = "", ge[11] = "";
        if (n > 0) {
            snprintf(got, sizeof got, "%.*s", (int)(tx[0].end - tx[0].start), c->text + tx[0].start);
            if (tx[0].sday != DATE_NONE) {
                date_format(tx[0].sday, gs);
                date_format(tx[0].eday, ge);
            }
        }
        if (strcmp(got, c->expr) || strcmp(gs, c->start) || strcmp(ge, c->end)) {
            fprintf(stderr, "case %zu '%s' (doc %s): got '%s' %s..%s, want '%s' %s..%s\n", k, c->text, c->doc,
                    got, gs, ge, c->expr, c->start, c->end);
            failed++;
        }
        text_splitter_free(sp);
        arena_free(&a);
    }
    assert_int_equal(failed, 0);
}

static void test_weekday_direction(void **st)
{
    (void)st;
    timex x;
    memset(&x, 0, sizeof x);
    x.weekday = 3;  /* Wednesday */
    int32_t doc = date_from_ymd(2026, 1, 27);
    char out[11];
    time_direct(&x, doc, +1);
    date_format(x.sday, out);
    assert_string_equal(out, "2026-01-28");
    x.weekday = 2;  /* Tuesday, the document's own day: next week when future */
    time_direct(&x, doc, +1);
    date_format(x.sday, out);
    assert_string_equal(out, "2026-02-03");
}

static void test_duration(void **st)
{
    (void)st;
    const char *text = "The ceasefire was extended for an additional fifteen days.";
    arena a;
    arena_init(&a, 65536, 0);
    text_splitter *sp = text_splitter_new(text, strlen(text), 2000);
    sentence s;
    assert_int_equal(text_next_sentence(sp, lx, &a, &s), 1);
    timex tx[4];
    int n = time_sentence(&s, date_from_ymd(2026, 1, 27), tx, 4);
    assert_int_equal(n, 1);
    assert_int_equal(tx[0].type, TX_DURATION);
    assert_int_equal(tx[0].dur_days, 15);
    text_splitter_free(sp);
    arena_free(&a);
}

static void test_leading_date(void **st)
{
    (void)st;
    char out[11];
    date_format(time_leading_date("Wed 05 Apr 2017 Syria attack", 28), out);
    assert_string_equal(out, "2017-04-05");
    assert_int_equal(time_leading_date("Syria attack", 12), DATE_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table), cmocka_unit_test(test_weekday_direction),
        cmocka_unit_test(test_duration), cmocka_unit_test(test_leading_date),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
