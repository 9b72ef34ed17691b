/* test_text.c -- the text stage: UTF-8, folding, tokens, sentences,
 * datelines, paragraphs, lemmas, tags and chunks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

size_t text_closed_count(void);
const char *text_closed_word(size_t i);

static lexicon *lx;

static int setup(void **st)
{
    (void)st;
    char msg[256];
    const char *p = getenv("SITREP_LEXICON");
    lx = lex_open(p ? p : "lexicon.bin", msg, sizeof msg);
    if (!lx)
        fprintf(stderr, "%s\n", msg);
    return lx ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    lex_close(lx);
    return 0;
}

/* Split text; return the sentences' texts joined by " | " and, in toks,
 * the first sentence's tokens as word/TAG. */
typedef struct split {
    char sents[4096];
    int n;
    arena a;
    sentence s[32];
} split;

static void do_split(const char *text, split *sp)
{
    memset(sp, 0, sizeof *sp);
    arena_init(&sp->a, 65536, 0);
    text_splitter *t = text_splitter_new(text, strlen(text), 2000);
    size_t k = 0;
    while (sp->n < 32 && text_next_sentence(t, lx, &sp->a, &sp->s[sp->n]) == 1) {
        const sentence *s = &sp->s[sp->n];
        k += (size_t)snprintf(sp->sents + k, sizeof sp->sents - k, "%s%.*s", sp->n ? " | " : "",
                              (int)(s->end - s->start), text + s->start);
        sp->n++;
    }
    text_splitter_free(t);
}

static void free_split(split *sp)
{
    arena_free(&sp->a);
}

static const token *find_tok(const sentence *s, const char *fold)
{
    for (size_t i = 0; i < s->ntok; i++)
        if (!strcmp(s->toks[i].fold, fold))
            return &s->toks[i];
    return NULL;
}

static void test_closed_sorted(void **st)
{
    (void)st;
    for (size_t i = 1; i < text_closed_count(); i++)
        assert_true(strcmp(text_closed_word(i - 1), text_closed_word(i)) < 0);
}

static void test_sanitize(void **st)
{
    (void)st;
    char *out;
    size_t n;
    long first;
    /* invalid byte, overlong "/" (C0 AF), a surrogate (ED A0 80), a NUL */
    const char in[] = "ok \xff x \xc0\xaf y \xed\xa0\x80 z \0 end";
    long bad = text_sanitize(in, sizeof in - 1, &out, &n, &first);
    assert_int_equal(first, 3);
    assert_int_equal(bad, 7);
    assert_non_null(strstr(out, "ok \xEF\xBF\xBD x"));
    assert_int_equal(strlen(out), n);   /* no NUL left inside */
    free(out);
    bad = text_sanitize("caf\xc3\xa9", 5, &out, &n, &first);
    assert_int_equal(bad, 0);
    assert_int_equal(first, -1);
    assert_string_equal(out, "caf\xc3\xa9");
    free(out);
}

static void test_fold(void **st)
{
    (void)st;
    char buf[64];
    text_fold("Bashar al-Ass\xc3\xa2" "d", 17, buf, sizeof buf);
    assert_string_equal(buf, "bashar al-assad");
    text_fold("T\xc3\xbcrkiye\xe2\x80\x99s", 12, buf, sizeof buf);
    assert_string_equal(buf, "turkiye's");
    text_fold("\xe2\x80\x94", 3, buf, sizeof buf);
    assert_string_equal(buf, "-");
    char key[64];
    int nt;
    text_key("al-Sharaa", 9, key, sizeof key, &nt);
    assert_string_equal(key, "al sharaa");
    assert_int_equal(nt, 2);
    text_key("People's Protection Units", 25, key, sizeof key, &nt);
    assert_string_equal(key, "people 's protection units");
    text_key("U.S.", 4, key, sizeof key, &nt);
    assert_string_equal(key, "u.s.");
}

static void test_sentences(void **st)
{
    (void)st;
    split sp;
    do_split("Gen. Smith met U.S. officials on Jan. 5. He left. \"We will stay,\" she said. Then it ended.", &sp);
    assert_int_equal(sp.n, 4);
    assert_string_equal(sp.sents, "Gen. Smith met U.S. officials on Jan. 5. | He left. | \"We will stay,\" she said. | Then it ended.");
    free_split(&sp);
    /* a sentence ending in an abbreviation */
    do_split("The aid came from the U.S. The next day it ran out.", &sp);
    assert_int_equal(sp.n, 2);
    free_split(&sp);
    /* a quotation closes with its sentence */
    do_split("He said: \"They left.\" Then silence.", &sp);
    assert_int_equal(sp.n, 2);
    assert_string_equal(sp.sents, "He said: \"They left.\" | Then silence.");
    free_split(&sp);
}

static void test_dateline_and_paragraphs(void **st)
{
    (void)st;
    split sp;
    do_split("QAMISHLI, Syria (AP) \xe2\x80\x94 Russian forces left.\nA headline here\nThe next paragraph.", &sp);
    assert_int_equal(sp.n, 4);
    assert_true(sp.s[0].is_dateline);
    assert_string_equal(sp.sents, "QAMISHLI, Syria (AP) \xe2\x80\x94 | Russian forces left. | A headline here | The next paragraph.");
    assert_true(sp.s[2].is_heading);
    assert_int_equal(sp.s[3].para, 2);
    free_split(&sp);
    /* hard-wrapped text: single newlines are spaces, indents start paragraphs */
    do_split("SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
             "January and improving prospects for the coming crop, although\nnormal humidity levels have not been restored.\n"
             "    The dry period means the crop will be late this year.\n", &sp);
    assert_int_equal(sp.n, 3);
    assert_true(sp.s[0].is_dateline);
    assert_int_equal(sp.s[1].para, sp.s[0].para);
    assert_int_equal(sp.s[2].para, sp.s[1].para + 1);
    free_split(&sp);
}

static void test_tokens(void **st)
{
    (void)st;
    split sp;
    do_split("Syria's army didn't leave al-Qaida's base; 1,000 troops (5.1%) stayed on 2026-01-27.", &sp);
    const sentence *s = &sp.s[0];
    const char *want[] = {"syria", "'s", "army", "did", "n't", "leave", "al", "-", "qaida", "'s", "base", ";",
                          "1,000", "troops", "(", "5.1", "%", ")", "stayed", "on", "2026-01-27", "."};
    assert_int_equal(s->ntok, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < s->ntok; i++)
        assert_string_equal(s->toks[i].fold, want[i]);
    /* byte offsets point into the text */
    assert_int_equal(s->toks[1].start, 5);
    assert_int_equal(s->toks[1].end, 7);
    free_split(&sp);
}

static void test_lemmas_tags(void **st)
{
    (void)st;
    split sp;
    do_split("Russian forces withdrew from the town after they fled and gave up. The rebels began the attack.", &sp);
    const sentence *s = &sp.s[0];
    const token *t = find_tok(s, "forces");
    assert_int_equal(t->tag, TG_NOUN);
    assert_string_equal(t->lemma, "force");
    t = find_tok(s, "withdrew");
    assert_int_equal(t->tag, TG_VERB);
    assert_string_equal(t->lemma, "withdraw");
    assert_int_equal(t->vform, VF_PAST);
    assert_string_equal(find_tok(s, "fled")->lemma, "flee");
    assert_string_equal(find_tok(s, "gave")->lemma, "give");
    s = &sp.s[1];
    assert_string_equal(find_tok(s, "began")->lemma, "begin");
    assert_int_equal(find_tok(s, "attack")->tag, TG_NOUN);
    assert_int_equal(find_tok(s, "rebels")->tag, TG_NOUN);
    free_split(&sp);
}

static void test_chunks(void **st)
{
    (void)st;
    split sp;
    do_split("The convoy was attacked by Syrian government forces. They will not withdraw.", &sp);
    const sentence *s = &sp.s[0];
    int vg = find_tok(s, "attacked")->chunk_id;
    assert_true(vg >= 0);
    assert_int_equal(s->chunks[vg].kind, CH_VG);
    assert_true(s->chunks[vg].passive);
    int np = find_tok(s, "forces")->chunk_id;
    assert_int_equal(s->chunks[np].kind, CH_NP);
    assert_string_equal(s->toks[s->chunks[np].prep].fold, "by");
    s = &sp.s[1];
    vg = find_tok(s, "withdraw")->chunk_id;
    assert_true(s->chunks[vg].negated);
    assert_true(s->chunks[vg].future);
    free_split(&sp);
}

static void test_long_sentence_split(void **st)
{
    (void)st;
    /* a sentence longer than the limit is cut, flagged, nothing lost */
    char *text = malloc(50000);
    size_t k = 0;
    for (int i = 0; i < 5000; i++)
        k += (size_t)sprintf(text + k, "word ");
    text[k] = '\0';
    arena a;
    arena_init(&a, 65536, 0);
    text_splitter *t = text_splitter_new(text, k, 1000);
    sentence s;
    size_t total = 0;
    int n = 0, flagged = 0;
    while (text_next_sentence(t, lx, &a, &s) == 1) {
        total += s.ntok;
        flagged += s.split_at_limit;
        n++;
        arena_reset(&a);
    }
    assert_int_equal(total, 5000);
    assert_int_equal(n, 5);
    assert_true(flagged >= 4);
    text_splitter_free(t);
    arena_free(&a);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closed_sorted), cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_fold),          cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_dateline_and_paragraphs), cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_lemmas_tags),   cmocka_unit_test(test_chunks),
        cmocka_unit_test(test_long_sentence_split),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
