/* test_situation.c -- the situation picture's rules (docs/situation.md),
 * each with short reports written for the project: coded, stored in a
 * temporary SQLite store, and read back as of a date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep.h"

static sr_engine *eng;
static char dbpath[64];

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

typedef struct report {
    const char *id, *date, *text;
} report;

/* A new store holding these reports. */
static sr_store *load(const report *r, size_t n)
{
    snprintf(dbpath, sizeof dbpath, "/tmp/sitrep-sit-%d.db", (int)getpid());
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -f %s %s-wal %s-shm", dbpath, dbpath, dbpath);
    assert_int_equal(system(cmd), 0);
    sr_store *s;
    sr_error err;
    assert_int_equal(sr_store_open(dbpath, &s, &err), SR_OK);
    assert_int_equal(sr_store_begin(s, &err), SR_OK);
    for (size_t i = 0; i < n; i++) {
        sr_doc d = {r[i].id, r[i].date, NULL, r[i].text, strlen(r[i].text), NULL, 0};
        sr_events *ev;
        assert_int_equal(sr_code(eng, &d, &ev, &err), SR_OK);
        assert_int_equal(sr_store_put(s, &d, ev, &err), SR_OK);
        sr_events_free(ev);
    }
    assert_int_equal(sr_store_commit(s, &err), SR_OK);
    return s;
}

static void unload(sr_store *s)
{
    sr_store_close(s);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -f %s %s-wal %s-shm", dbpath, dbpath, dbpath);
    assert_int_equal(system(cmd), 0);
}

static json_t *picture(sr_store *s, const char *as_of)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sr_error err;
    assert_int_equal(sr_situation(s, as_of, SR_SIT_JSON, f, &err), SR_OK);
    fclose(f);
    json_error_t je;
    json_t *j = json_loads(buf, 0, &je);
    free(buf);
    assert_non_null(j);
    return j;
}

/* The facts of one kind, as an array (borrowed from sit). */
static json_t *facts(json_t *sit, const char *kind, json_t *out)
{
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(sit, "facts"), i, f) {
        if (!strcmp(json_string_value(json_object_get(f, "kind")), kind))
            json_array_append(out, f);
    }
    return out;
}

static const char *str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static const char *sub(json_t *o, const char *a, const char *b)
{
    return str(json_object_get(o, a), b);
}

static void test_truce_extended_then_expired(void **st)
{
    (void)st;
    report r[] = {
        {"a", "2026-03-01", "The Sudanese army and the Rapid Support Forces agreed to a ceasefire on Sunday."},
        {"b", "2026-03-10", "The Sudanese army and the Rapid Support Forces extended the ceasefire for ten days after "
                            "it expired on Friday."},
    };
    sr_store *s = load(r, 2);
    json_t *sit = picture(s, "2026-03-12"), *t = facts(sit, "truce", json_array());
    assert_int_equal(json_array_size(t), 1);
    json_t *f = json_array_get(t, 0);
    assert_string_equal(str(f, "status"), "in_force");
    assert_string_equal(str(f, "since"), "2026-03-01");      /* the first report */
    assert_string_equal(str(f, "until"), "2026-03-16");      /* expired 03-06, ten more days */
    assert_int_equal(json_array_size(json_object_get(f, "evidence")), 2);
    assert_int_equal(json_array_size(json_object_get(f, "parties")), 2);
    json_decref(t);
    json_decref(sit);
    sit = picture(s, "2026-03-20");
    t = facts(sit, "truce", json_array());
    assert_string_equal(str(json_array_get(t, 0), "status"), "expired");
    json_decref(t);
    json_decref(sit);
    /* before the first report there is no truce */
    sit = picture(s, "2026-02-20");
    t = facts(sit, "truce", json_array());
    assert_int_equal(json_array_size(t), 0);
    json_decref(t);
    json_decref(sit);
    unload(s);
}

static void test_presence_then_withdrawal(void **st)
{
    (void)st;
    report r[] = {
        {"c", "2026-03-02", "Russian troops arrived in Kherson on Monday."},
        {"d", "2026-03-05", "Russian forces began withdrawing from Kherson on Thursday."},
    };
    sr_store *s = load(r, 2);
    json_t *sit = picture(s, "2026-03-03"), *p = facts(sit, "presence", json_array());
    assert_int_equal(json_array_size(p), 1);
    assert_string_equal(str(json_array_get(p, 0), "status"), "active");
    assert_string_equal(sub(json_array_get(p, 0), "place", "name"), "Kherson");
    assert_string_equal(sub(json_array_get(p, 0), "actor", "code"), "RUSMIL");
    json_decref(p);
    json_decref(sit);
    sit = picture(s, "2026-03-06");
    p = facts(sit, "presence", json_array());
    assert_int_equal(json_array_size(p), 1);
    assert_string_equal(str(json_array_get(p, 0), "status"), "ending");
    assert_int_equal(json_array_size(json_object_get(json_array_get(p, 0), "evidence")), 2);
    json_decref(p);
    json_decref(sit);
    unload(s);
}

static void test_control_changes_hands(void **st)
{
    (void)st;
    report r[] = {
        {"e", "2026-03-03", "Libyan rebels captured the town of Ajdabiya on Monday."},
        {"f", "2026-03-08", "Libyan government forces retook Ajdabiya on Saturday."},
    };
    sr_store *s = load(r, 2);
    json_t *sit = picture(s, "2026-03-04"), *c = facts(sit, "control", json_array());
    assert_int_equal(json_array_size(c), 1);
    assert_string_equal(sub(json_array_get(c, 0), "actor", "code"), "LBYREB");
    json_decref(c);
    json_decref(sit);
    sit = picture(s, "2026-03-09");
    c = facts(sit, "control", json_array());
    assert_int_equal(json_array_size(c), 1);    /* the later capture replaces the earlier */
    assert_string_equal(sub(json_array_get(c, 0), "actor", "code"), "LBYMIL");
    assert_string_equal(sub(json_array_get(c, 0), "place", "name"), "Ajdabiya");
    json_decref(c);
    json_decref(sit);
    unload(s);
}

static void test_planned_and_asylum(void **st)
{
    (void)st;
    report r[] = {
        {"g", "2026-03-04", "The Turkish foreign minister is scheduled to visit Moscow on Friday."},
        {"h", "2026-03-04", "Russia granted asylum to the Syrian president Bashar al-Assad in December."},
    };
    sr_store *s = load(r, 2);
    json_t *sit = picture(s, "2026-03-04"), *p = facts(sit, "planned", json_array());
    assert_int_equal(json_array_size(p), 1);
    json_t *f = json_array_get(p, 0);
    assert_string_equal(str(f, "status"), "scheduled");
    assert_string_equal(str(f, "on"), "2026-03-06");
    assert_string_equal(str(f, "type"), "CONSULT");
    assert_string_equal(sub(f, "actor", "code"), "TURGOV");
    json_decref(p);
    json_t *a = facts(sit, "asylum", json_array());
    assert_int_equal(json_array_size(a), 1);
    assert_string_equal(sub(json_array_get(a, 0), "actor", "country"), "RUS");
    assert_non_null(strstr(str(json_array_get(a, 0), "person"), "Assad"));
    json_decref(a);
    json_decref(sit);
    /* after the visit's day it is no longer scheduled */
    sit = picture(s, "2026-03-07");
    p = facts(sit, "planned", json_array());
    assert_int_equal(json_array_size(p), 0);
    json_decref(p);
    json_decref(sit);
    /* reports published later are unknown on an earlier day */
    sit = picture(s, "2026-03-01");
    assert_int_equal(json_array_size(json_object_get(sit, "facts")), 0);
    json_decref(sit);
    unload(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_truce_extended_then_expired),
        cmocka_unit_test(test_presence_then_withdrawal),
        cmocka_unit_test(test_control_changes_hands),
        cmocka_unit_test(test_planned_and_asylum),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
