/* test_util.c -- calendar arithmetic, the hash map, arenas, TSV lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/date.h"
#include "util/strmap.h"
#include "util/tsv.h"

static void test_date_roundtrip(void **st)
{
    (void)st;
    for (int32_t d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        date_to_ymd(d, &y, &m, &dd);
        assert_int_equal(date_from_ymd(y, m, dd), d);
    }
    assert_int_equal(date_from_ymd(1970, 1, 1), 0);
    int y, m, d;
    date_to_ymd(date_from_ymd(2024, 2, 29), &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 20240229);
}

static void test_weekday(void **st)
{
    (void)st;
    /* 2026-01-27 was a Tuesday (1), 2026-01-24 a Saturday (5). */
    assert_int_equal(date_weekday(date_from_ymd(2026, 1, 27)), 1);
    assert_int_equal(date_weekday(date_from_ymd(2026, 1, 24)), 5);
    assert_int_equal(date_weekday(date_from_ymd(2000, 1, 1)), 5);
}

static void test_parse(void **st)
{
    (void)st;
    char out[11];
    assert_int_equal(date_parse_iso("2026-02-30", 10, 0), DATE_NONE);
    assert_int_equal(date_parse_iso("2026-13-01", 10, 0), DATE_NONE);
    assert_int_equal(date_parse_iso("2026-1-01", 9, 0), DATE_NONE);
    assert_int_equal(date_parse_iso("2024", 4, 0), DATE_NONE);
    date_format(date_parse_iso("2024", 4, 1), out);
    assert_string_equal(out, "2024-01-01");
    date_format(date_parse_iso("2024-12", 7, 1), out);
    assert_string_equal(out, "2024-12-01");
    date_format(date_add_months(date_from_ymd(2026, 1, 31), 1), out);
    assert_string_equal(out, "2026-02-28");
    date_format(date_add_months(date_from_ymd(2026, 1, 15), -13), out);
    assert_string_equal(out, "2024-12-15");
}

static void test_strmap(void **st)
{
    (void)st;
    strmap m;
    strmap_init(&m);
    char keys[2000][16];
    for (int i = 0; i < 2000; i++) {
        snprintf(keys[i], sizeof keys[i], "key%d", i);
        assert_int_equal(strmap_put(&m, keys[i], strlen(keys[i]), (uint32_t)i), 0);
    }
    for (int i = 0; i < 2000; i++) {
        uint32_t *v = strmap_get(&m, keys[i], strlen(keys[i]));
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_null(strmap_get(&m, "nope", 4));
    assert_int_equal(strmap_put(&m, keys[5], strlen(keys[5]), 77), 0);
    assert_int_equal(*strmap_get(&m, keys[5], strlen(keys[5])), 77);
    assert_int_equal(m.count, 2000);
    strmap_free(&m);
}

static void test_arena_cap(void **st)
{
    (void)st;
    arena a;
    arena_init(&a, 1024, 4096);
    assert_non_null(arena_alloc(&a, 1000));
    assert_non_null(arena_alloc(&a, 3000));
    assert_null(arena_alloc(&a, 200));     /* over the cap: refused, not OOM */
    arena_reset(&a);
    char *s = arena_strndup(&a, "hello", 5);
    assert_string_equal(s, "hello");
    arena_free(&a);
}

static void test_tsv(void **st)
{
    (void)st;
    char path[] = "/tmp/sitrep-test-tsvXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# comment\n\na\tb|c\t-\n  # indented comment\nx\ty\n", f);
    fclose(f);
    tsv t;
    assert_int_equal(tsv_open(&t, path), 0);
    char *fl[4];
    int nf;
    assert_int_equal(tsv_next(&t, fl, 4, &nf), 1);
    assert_int_equal(nf, 3);
    assert_int_equal(t.line, 3);
    assert_string_equal(fl[0], "a");
    assert_string_equal(fl[2], "");
    char *alts[4];
    assert_int_equal(tsv_split_alts(fl[1], alts, 4), 2);
    assert_string_equal(alts[1], "c");
    assert_int_equal(tsv_next(&t, fl, 4, &nf), 1);
    assert_int_equal(t.line, 5);
    assert_int_equal(tsv_next(&t, fl, 4, &nf), 0);
    tsv_close(&t);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_roundtrip), cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_parse),          cmocka_unit_test(test_strmap),
        cmocka_unit_test(test_arena_cap),      cmocka_unit_test(test_tsv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
