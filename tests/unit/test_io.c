/* test_io.c -- readers (plain text with headers, JSON Lines with bad
 * lines, binary files) and the JSON writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep.h"

static char *tmpfile_with(const char *name, const char *content, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/sitrep-test-%d-%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    fwrite(content, 1, n, f);
    fclose(f);
    return path;
}

static void test_text_headers(void **st)
{
    (void)st;
    const char *c = "Date: 2026-01-27\nTitle: A title\n\nBody text.\n";
    char *p = tmpfile_with("report.txt", c, strlen(c));
    sr_reader *r;
    sr_error err;
    assert_int_equal(sr_reader_open(p, NULL, &r, &err), SR_OK);
    sr_doc d;
    assert_int_equal(sr_reader_next(r, &d, &err), SR_OK);
    assert_string_equal(d.date, "2026-01-27");
    assert_string_equal(d.title, "A title");
    assert_memory_equal(d.text, "Body text.\n", d.len);
    assert_non_null(strstr(p, d.id));
    assert_null(strchr(d.id, '.'));
    assert_int_equal(sr_reader_next(r, &d, &err), SR_DONE);
    sr_reader_close(r);
    remove(p);
}

static void test_jsonl_bad_lines(void **st)
{
    (void)st;
    const char *c = "{\"id\":\"a\",\"date\":\"2026-01-01\",\"text\":\"one\"}\n"
                    "{not json\n"
                    "\n"
                    "{\"id\":7,\"text\":\"two\"}\n"
                    "{\"id\":\"c\"}\n"
                    "[1,2]\n"
                    "{\"id\":\"d\",\"text\":\"bad \xff byte\"}\n";
    char *p = tmpfile_with("docs.jsonl", c, strlen(c));
    sr_reader *r;
    sr_error err;
    assert_int_equal(sr_reader_open(p, NULL, &r, &err), SR_OK);
    sr_doc d;
    assert_int_equal(sr_reader_next(r, &d, &err), SR_OK);
    assert_string_equal(d.id, "a");
    assert_int_equal(d.line, 1);
    assert_int_equal(sr_reader_next(r, &d, &err), SR_EINPUT_JSON);
    assert_int_equal(err.line, 2);
    assert_int_equal(sr_reader_next(r, &d, &err), SR_OK);
    assert_string_equal(d.id, "7");
    assert_int_equal(d.line, 4);
    assert_int_equal(sr_reader_next(r, &d, &err), SR_EINPUT_JSON);
    assert_non_null(strstr(err.message, "text"));
    assert_int_equal(sr_reader_next(r, &d, &err), SR_EINPUT_JSON);
    assert_int_equal(sr_reader_next(r, &d, &err), SR_OK);     /* repaired, with a warning */
    assert_string_equal(d.id, "d");
    assert_int_equal(err.code, SR_EINPUT_UTF8);
    assert_int_equal(sr_reader_next(r, &d, &err), SR_DONE);
    sr_reader_close(r);
    remove(p);
}

static void test_binary(void **st)
{
    (void)st;
    const char c[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    char *p = tmpfile_with("prog.bin", c, sizeof c);
    sr_reader *r;
    sr_error err;
    sr_read_options o = {NULL, SR_FORMAT_TEXT, 0};
    assert_int_equal(sr_reader_open(p, &o, &r, &err), SR_OK);
    sr_doc d;
    assert_int_equal(sr_reader_next(r, &d, &err), SR_EINPUT_BINARY);
    assert_int_equal(sr_reader_next(r, &d, &err), SR_DONE);
    sr_reader_close(r);
    remove(p);
}

static void test_too_big(void **st)
{
    (void)st;
    char *big = malloc(5000);
    memset(big, 'a', 5000);
    char *p = tmpfile_with("big.txt", big, 5000);
    sr_reader *r;
    sr_error err;
    sr_read_options o = {NULL, SR_FORMAT_AUTO, 1000};
    assert_int_equal(sr_reader_open(p, &o, &r, &err), SR_OK);
    sr_doc d;
    assert_int_equal(sr_reader_next(r, &d, &err), SR_ETOOBIG_DOC);
    sr_reader_close(r);
    remove(p);
    free(big);
}

static void test_missing_file(void **st)
{
    (void)st;
    sr_reader *r;
    sr_error err;
    assert_int_equal(sr_reader_open("/nonexistent/x.txt", NULL, &r, &err), SR_EIO);
    assert_null(r);
    assert_non_null(strstr(err.message, "cannot open"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_headers), cmocka_unit_test(test_jsonl_bad_lines),
        cmocka_unit_test(test_binary),       cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
