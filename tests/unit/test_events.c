/* test_events.c -- coding sentences end to end through the library API:
 * type, source, target, modality, attribution and dates of the records.
 * Each case is a short report written for the project and the records it
 * must give, as "TYPE SOURCE>TARGET modality" joined by "; ". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep.h"

static sr_engine *eng;

static int setup(void **st)
{
    (void)st;
    sr_error err;
    if (sr_engine_open(NULL, &eng, &err) != SR_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    sr_engine_close(eng);
    return 0;
}

static sr_events *code(const char *text, const char *date)
{
    sr_doc d = {"t", date, NULL, text, strlen(text), NULL, 0};
    sr_events *ev;
    sr_error err;
    assert_int_equal(sr_code(eng, &d, &ev, &err), SR_OK);
    return ev;
}

static void summary(const sr_events *ev, char *out, size_t outsz)
{
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sr_events_count(ev); i++) {
        const sr_event *e = sr_events_get(ev, i);
        k += (size_t)snprintf(out + k, outsz - k, "%s%s %s>%s %s", i ? "; " : "", e->type,
                              e->has_source && e->source.code ? e->source.code : "-",
                              e->has_target && e->target.code ? e->target.code : "-", e->modality);
    }
}

typedef struct ecase {
    const char *date, *text, *want;
} ecase;

static const ecase cases[] = {
    {"2026-01-27", "Russian forces withdrew from the town on Monday.", "RETREAT RUSMIL>- asserted"},
    {"2026-01-27", "Israel did not attack Lebanon.", "ASSAULT ISR>LBN negated"},
    {"2026-01-27", "The Egyptian foreign minister is scheduled to visit Moscow on Wednesday.",
     "CONSULT EGYGOV>RUSGOV planned"},
    {"2026-01-27", "Iran threatened to attack Iraq.", "THREATEN IRN>IRQ asserted"},
    {"2026-01-27", "Turkey accused Greece of violating its airspace.", "ACCUSE TUR>GRC asserted"},
    {"2026-01-27", "Police arrested 20 students in Cairo, officials said.", "COERCE EGYCOP>EGYEDU reported"},
    {"2026-01-27", "Three Iraqi civilians were killed by a car bomb in Baghdad.", "ASSAULT ->IRQCVL asserted"},
    {"2026-01-27", "Armenian forces may have shelled Azerbaijani positions.", "ASSAULT ARMMIL>AZE uncertain"},
    {"2026-01-27", "Pakistan refused to deploy peacekeepers in Iraq.", "REJECT PAK>IRQ asserted"},
    {"2026-01-27", "Hungary said it will support the resolution.", "AGREE HUN>- reported"},
    {"2026-01-27", "Uganda has granted political asylum to 18 Rwandan rebels.", "AID UGA>RWAREB asserted"},
    {"2026-01-27", "The United States imposed sanctions on Venezuela.", "SANCTION USA>VEN asserted"},
    {"2026-01-27", "Fighting erupted between Sudanese army troops and the Rapid Support Forces.",
     "ASSAULT SDNMIL>SDNREB asserted"},
    /* a passive subject's people; a participle giving the toll is not a second event */
    {"2026-01-27", "A camp for Congolese refugees was attacked by Burundian soldiers, killing 15 people.",
     "ASSAULT BDIMIL>CODREF asserted"},
    /* exercises of two countries are cooperation; peacekeepers arriving are aid */
    {"2026-01-27", "French and Egyptian warships launched ten days of war games.", "COOPERATE FRAMIL>EGYMIL asserted"},
    {"2026-01-27", "Egyptian warships launched ten days of war games.", "MOBILIZE EGYMIL>- asserted"},
    {"2026-01-27", "NATO peacekeeping troops arrived in Bosnia.", "AID IGONATMIL>BIH asserted"},
    /* a demanded act is the content of the demand, not an event */
    {"2026-01-27", "The International Labor Office (ILO) reiterated its demand today that Israel ease restrictions.",
     "REQUEST IGOUNOLAB>ISR asserted"},
    {"2004-06-01", "The Sudanese government and SPLM/A have agreed to allow humanitarian access.",
     "AGREE SDNGOV>SDNREB asserted"},
    /* a threat's target is the one the condition is put to */
    {"2000-01-01", "Russia threatened to stop the talks if the United States deploys new missiles.",
     "THREATEN RUS>USA asserted"},
    /* a declared refusal is a rejection */
    {"2000-01-01", "Syria says it will not accept Iraqi refugees.", "REJECT SYR>IRQREF reported"},
    /* a reduced relative between subject and verb; labour strikes */
    {"2000-01-01", "Thousands of workers affiliated with the Serbian Workers' Union stopped work over a bill "
                   "signed by the labour minister.", "PROTEST SRBLAB>SRBGOV asserted"},
    /* a country name shares the agent of a coordinated adjective */
    {"2000-01-01", "U.S. and Russian negotiators return to Geneva for talks.", "CONSULT USAGOV>RUSGOV asserted"},
    {"2000-01-01", "The Sri Lankan army is holding Tamil civilian refugees as human shields.",
     "COERCE LKAMIL>LKAREFTAM asserted"},
};

static void test_cases(void **st)
{
    (void)st;
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        sr_events *ev = code(cases[k].text, cases[k].date);
        char got[1024];
        summary(ev, got, sizeof got);
        if (strcmp(got, cases[k].want)) {
            fprintf(stderr, "case %zu '%s': got '%s', want '%s'\n", k, cases[k].text, got, cases[k].want);
            failed++;
        }
        sr_events_free(ev);
    }
    assert_int_equal(failed, 0);
}

/* Mentions of one event become one record whose spans quote the text. */
static void test_merge_and_spans(void **st)
{
    (void)st;
    const char *text = "Russian forces began a withdrawal from the base on Saturday.\n"
                       "The Russian troops have been evacuating bit by bit, a guard said.";
    sr_events *ev = code(text, "2026-01-27");
    assert_int_equal(sr_events_count(ev), 1);
    const sr_event *e = sr_events_get(ev, 0);
    assert_string_equal(e->type, "RETREAT");
    assert_int_equal(e->nmentions, 2);
    size_t len;
    const char *t = sr_events_text(ev, &len);
    for (size_t i = 0; i < e->nmentions; i++) {
        assert_true(e->mentions[i].end <= len);
        assert_true(e->mentions[i].start < e->mentions[i].end);
    }
    assert_memory_equal(t + e->mentions[0].start, "Russian forces", 14);
    assert_string_equal(e->date.start, "2026-01-24");
    sr_events_free(ev);
}

/* A person's code depends on the event's date. */
static void test_dated_roles(void **st)
{
    (void)st;
    sr_events *ev = code("Bashar Assad visited Moscow in March 2019.", "2026-01-27");
    assert_int_equal(sr_events_count(ev), 1);
    assert_string_equal(sr_events_get(ev, 0)->source.code, "SYRGOV");
    sr_events_free(ev);
    ev = code("Bashar Assad visited Minsk in March 2025.", "2026-01-27");
    assert_int_equal(sr_events_count(ev), 1);
    assert_string_equal(sr_events_get(ev, 0)->source.code, "SYRELI");
    sr_events_free(ev);
}

/* A truce extended for N days ends N days after it was extended. */
static void test_until(void **st)
{
    (void)st;
    sr_events *ev = code("Israel and Hamas extended the truce on Saturday for an additional fifteen days.", "2026-01-27");
    assert_true(sr_events_count(ev) >= 1);
    const sr_event *e = sr_events_get(ev, 0);
    assert_string_equal(e->date.start, "2026-01-24");
    assert_string_equal(e->until, "2026-02-08");
    sr_events_free(ev);
}

static void test_empty_and_invalid(void **st)
{
    (void)st;
    sr_events *ev = code("", "2026-01-27");
    assert_int_equal(sr_events_count(ev), 0);
    assert_int_equal(sr_events_nwarnings(ev), 0);
    sr_events_free(ev);
    ev = code("Russian forces \xff withdrew.", NULL);
    assert_int_equal(sr_events_nwarnings(ev), 1);
    assert_int_equal(sr_events_warning(ev, 0)->code, SR_EINPUT_UTF8);
    assert_int_equal(sr_events_warning(ev, 0)->offset, 15);
    sr_events_free(ev);
    ev = code("Russian forces withdrew.", "2026-02-30");
    assert_int_equal(sr_events_warning(ev, 0)->code, SR_EINPUT_DATE);
    sr_events_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),        cmocka_unit_test(test_merge_and_spans),
        cmocka_unit_test(test_dated_roles),  cmocka_unit_test(test_until),
        cmocka_unit_test(test_empty_and_invalid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
