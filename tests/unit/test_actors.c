/* test_actors.c -- actor recognition with the project's dictionaries:
 * countries with agents, named actors with dated codes, possessives,
 * coordination, appositions, pronouns and definite descriptions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors/actors.h"
#include "text/text.h"
#include "util/date.h"

static lexicon *lx;
static actor_dict dict;

static int setup(void **st)
{
    (void)st;
    char msg[512];
    const char *p = getenv("SITREP_LEXICON");
    lx = lex_open(p ? p : "lexicon.bin", msg, sizeof msg);
    if (!lx)
        return -1;
    const char *d = getenv("SITREP_DATA");
    if (dict_load(&dict, d ? d : "data", lx, NULL, NULL, msg, sizeof msg) != 0) {
        fprintf(stderr, "%s\n", msg);
        return -1;
    }
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    dict_free(&dict);
    lex_close(lx);
    return 0;
}

/* Run the text through text and actors; write "words=CODE" of the main
 * and possessor mentions of the LAST sentence into out, ';'-separated. */
static void codes(const char *text, const char *date, char *out, size_t outsz)
{
    arena a;
    arena_init(&a, 65536, 0);
    text_splitter *sp = text_splitter_new(text, strlen(text), 2000);
    act_state *st = actors_state_new();
    int32_t day = date_parse_iso(date, strlen(date), 0);
    sentence s;
    out[0] = '\0';
    while (text_next_sentence(sp, lx, &a, &s) == 1) {
        act_sentence as;
        assert_int_equal(actors_sentence(&dict, st, text, &s, &a, &as), 0);
        size_t k = 0;
        out[0] = '\0';
        for (size_t i = 0; i < as.n; i++) {
            const act_mention *m = &as.m[i];
            if (m->role != AM_MAIN && m->role != AM_POSS)
                continue;
            char code[32], c3[4], sec[16];
            if (!actors_code(&dict, m, day, code, sizeof code, c3, sec))
                continue;
            k += (size_t)snprintf(out + k, outsz - k, "%s%.*s=%s", k ? ";" : "", (int)(m->end - m->start),
                                  text + m->start, code);
        }
    }
    actors_state_free(st);
    text_splitter_free(sp);
    arena_free(&a);
}

typedef struct acase {
    const char *date, *text, *want;
} acase;

static const acase cases[] = {
    {"2026-01-27", "Russian forces left.", "Russian forces=RUSMIL"},
    {"2026-01-27", "Syrian government forces advanced.", "Syrian government forces=SYRMIL"},
    {"2026-01-27", "Syria's defense ministry issued a statement.", "Syria's defense ministry=SYRGOV"},
    {"2026-01-27", "Moscow denied it.", "Moscow=RUSGOV"},
    {"2026-01-27", "The Russians left.", "The Russians=RUSCVL"},
    {"2020-05-01", "Bashar Assad spoke.", "Bashar Assad=SYRGOV"},
    {"2025-05-01", "Bashar Assad spoke.", "Bashar Assad=SYRELI"},
    {"2026-01-27", "Russian President Vladimir Putin spoke.", "Russian President Vladimir Putin=RUSGOV"},
    {"2026-01-27", "Interim President al-Sharaa spoke.", "Interim President al-Sharaa=SYRGOV"},
    {"2023-05-01", "Ahmed al-Sharaa spoke.", "Ahmed al-Sharaa=SYRREB"},
    {"2026-01-27", "SDF fighters guard the base.", "SDF fighters=SYRREB"},
    {"2026-01-27", "UN peacekeepers arrived.", "UN peacekeepers=IGOUNOMIL"},
    {"2026-01-27", "Senior Hungarian and Romanian officials agreed.",
     "Senior Hungarian=HUNGOV;Romanian officials=ROUGOV"},
    {"2026-01-27", "Ahmed Ali, an SDF fighter, spoke. He said they left.", "He=SYRREB"},
    {"2026-01-27", "Ahmed Ali, an SDF fighter, spoke. Ali said they left.", "Ali=SYRREB"},
    {"2026-01-27", "Gambian President Dawda Jawara left. Jawara returned.", "Jawara=GMBGOV"},
    {"2026-01-27", "Russian troops left the base. They took their equipment.", "They=RUSMIL;their=RUSMIL"},
    {"2026-01-27", "Syria backs a U.S. military operation. The operation began.", "The operation=USAMIL"},
    {"2026-01-27", "Israeli soldiers arrested 100 Palestinians.", "Israeli soldiers=ISRMIL;100 Palestinians=PSECVL"},
    {"2026-01-27", "The White House said so.", "The White House=USAGOV"},
    /* canonical order: head, groups, sectors, peoples; a people alone is civilians */
    {"2026-01-27", "Iraqi Kurds fled.", "Iraqi Kurds=IRQCVLKUR"},
    {"2026-01-27", "Hezbollah fighters left.", "Hezbollah fighters=LBNHEZREB"},
    {"2026-01-27", "Bosnian Serb soldiers left.", "Bosnian Serb soldiers=BIHMILSRP"},
    {"1995-01-01", "Bosnian Serbs said their forces left.", "Bosnian Serbs=BIHCVLSRP;their forces=BIHMILSRP"},
    {"1991-06-01", "President Bush spoke.", "President Bush=USAGOV"},
    {"2015-06-01", "Guinean police tortured Sierra Leonean and Liberian refugees.",
     "Guinean police=GINCOP;Sierra Leonean=SLEREF;Liberian refugees=LBRREF"},
    {"1995-01-01", "In Serbia, ethnic Albanians protested.", "Serbia=SRB;ethnic Albanians=SRBCVLALB"},
    {"2026-01-27", "the us and them", ""},
};

static void test_cases(void **st)
{
    (void)st;
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char got[512];
        codes(cases[k].text, cases[k].date, got, sizeof got);
        if (strcmp(got, cases[k].want)) {
            fprintf(stderr, "case %zu '%s' (%s): got '%s', want '%s'\n", k, cases[k].text, cases[k].date, got,
                    cases[k].want);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

static void test_codes_valid(void **st)
{
    (void)st;
    assert_true(dict_code_valid(&dict, "RUSMIL"));
    assert_true(dict_code_valid(&dict, "IGOUNOMIL"));
    assert_true(dict_code_valid(&dict, "USANGO"));
    assert_false(dict_code_valid(&dict, "XXXMIL"));
    assert_false(dict_code_valid(&dict, "RUSZZZ"));
    assert_false(dict_code_valid(&dict, "RUSMI"));
    assert_false(dict_code_valid(&dict, "MILRUS"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_codes_valid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
