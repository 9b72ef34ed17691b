/* picture.c -- sr_situation: the stored records up to a date, the facts
 * derived from them, written as JSON or as a table. */
#include "situation.h"
#include "../store/store.h"
#include "../engine.h"

#include <stdlib.h>
#include <string.h>

static int collect(void *ctx, const store_row *row)
{
    json_error_t je;
    json_t *r = json_loads(row->record, 0, &je);
    if (r)
        json_array_append_new((json_t *)ctx, r);
    return SR_OK;
}

static const char *str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static const char *code(json_t *a)
{
    const char *c = str(a, "code");
    return *c ? c : str(a, "text");
}

static void table(json_t *sit, FILE *out)
{
    json_t *facts = json_object_get(sit, "facts");
    fprintf(out, "== situation as of %s: %zu facts\n", str(sit, "as_of"), json_array_size(facts));
    fprintf(out, "%-9s %-10s %-22s %-24s %-11s %-11s %s\n", "KIND", "STATUS", "WHO", "WHERE", "SINCE", "UNTIL/ON",
            "EVIDENCE");
    size_t i;
    json_t *f;
    json_array_foreach(facts, i, f) {
        char who[64] = "";
        const char *kind = str(f, "kind");
        if (!strcmp(kind, "truce")) {
            json_t *ps = json_object_get(f, "parties");
            size_t k;
            json_t *p;
            json_array_foreach(ps, k, p) {
                size_t l = strlen(who);
                snprintf(who + l, sizeof who - l, "%s%s", k ? " / " : "", code(p));
            }
        } else if (!strcmp(kind, "asylum")) {
            snprintf(who, sizeof who, "%s > %s", code(json_object_get(f, "actor")), str(f, "person"));
        } else {
            snprintf(who, sizeof who, "%s%s%s", code(json_object_get(f, "actor")), *str(f, "type") ? " " : "",
                     str(f, "type"));
        }
        json_t *pl = json_object_get(f, "place");
        char ev[256] = "";
        size_t k;
        json_t *e;
        json_array_foreach(json_object_get(f, "evidence"), k, e) {
            size_t l = strlen(ev);
            const char *id = json_string_value(e);
            snprintf(ev + l, sizeof ev - l, "%s%s", k ? " " : "", id ? id : "");
        }
        const char *until = *str(f, "until") ? str(f, "until") : str(f, "on");
        fprintf(out, "%-9s %-10s %-22.22s %-24.24s %-11s %-11s %s\n", kind, *str(f, "status") ? str(f, "status") : "-",
                who, json_is_object(pl) ? str(pl, "name") : "-", *str(f, "since") ? str(f, "since") : "-",
                *until ? until : "-", ev);
    }
}

int sr_situation(sr_store *s, const char *as_of, int format, FILE *out, sr_error *err)
{
    sr_query q;
    memset(&q, 0, sizeof q);
    q.published_to = as_of;     /* what was reported by then, planned events included */
    json_t *records = json_array();
    if (!records) {
        sr_seterr(err, SR_ENOMEM, NULL, NULL, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    int rc = s->ops->query(s, &q, collect, records, err);
    if (rc != SR_OK) {
        json_decref(records);
        return rc;
    }
    json_t *sit = situation_derive(records, as_of);
    json_decref(records);
    if (!sit) {
        sr_seterr(err, SR_ENOMEM, NULL, NULL, 0, -1, "out of memory");
        return SR_ENOMEM;
    }
    if (format == SR_SIT_TABLE) {
        table(sit, out);
    } else {
        char *txt = json_dumps(sit, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        if (txt) {
            fputs(txt, out);
            fputc('\n', out);
        }
        free(txt);
    }
    json_decref(sit);
    if (ferror(out) || fflush(out) != 0) {
        sr_seterr(err, SR_EIO, NULL, NULL, 0, -1, "cannot write the output");
        return SR_EIO;
    }
    return SR_OK;
}
