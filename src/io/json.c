/* json.c -- writing JSON: an append buffer with string escaping.
 *
 * Records are written many thousands per second; building a jansson tree
 * for each would cost more than coding it.  Text is valid UTF-8 (the text
 * stage sanitised it), so only quotes, backslashes and control characters
 * need escaping. */
#include "../engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jb_init(jbuf *b)
{
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

void jb_free(jbuf *b)
{
    free(b->p);
    jb_init(b);
}

static int grow(jbuf *b, size_t need)
{
    if (b->n + need + 1 <= b->cap)
        return 1;
    size_t nc = b->cap ? b->cap * 2 : 1024;
    while (nc < b->n + need + 1)
        nc *= 2;
    char *q = realloc(b->p, nc);
    if (!q) {
        b->oom = 1;
        return 0;
    }
    b->p = q;
    b->cap = nc;
    return 1;
}

void jb_raw(jbuf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void jb_lit(jbuf *b, const char *s)
{
    jb_raw(b, s, strlen(s));
}

void jb_str(jbuf *b, const char *s, size_t n)
{
    if (!grow(b, n + 2))
        return;
    b->p[b->n++] = '"';
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jb_raw(b, s + run, i - run);
        run = i + 1;
        char esc[8];
        switch (c) {
        case '"': jb_raw(b, "\\\"", 2); break;
        case '\\': jb_raw(b, "\\\\", 2); break;
        case '\n': jb_raw(b, "\\n", 2); break;
        case '\r': jb_raw(b, "\\r", 2); break;
        case '\t': jb_raw(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            jb_raw(b, esc, 6);
        }
    }
    jb_raw(b, s + run, n - run);
    jb_raw(b, "\"", 1);
}

void jb_cstr(jbuf *b, const char *s)
{
    if (!s)
        jb_lit(b, "null");
    else
        jb_str(b, s, strlen(s));
}

void jb_key(jbuf *b, const char *k)
{
    if (b->n && b->p[b->n - 1] != '{')
        jb_raw(b, ",", 1);
    jb_str(b, k, strlen(k));
    jb_raw(b, ":", 1);
}

void jb_kstr(jbuf *b, const char *k, const char *s)
{
    jb_key(b, k);
    jb_cstr(b, s);
}

void jb_num(jbuf *b, double v)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%.4g", v);
    jb_raw(b, t, (size_t)n);
}

void jb_coord(jbuf *b, double v)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%.4f", v);
    jb_raw(b, t, (size_t)n);
}

void jb_int(jbuf *b, long v)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%ld", v);
    jb_raw(b, t, (size_t)n);
}
