/* tsv.c -- reading the dictionaries' TAB-separated lines; see tsv.h. */
#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tsv_open(tsv *t, const char *path)
{
    memset(t, 0, sizeof(*t));
    t->path = path;
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return -1;
    }
    for (;;) {
        if (cap - n < 4096) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return -1;
    }
    buf[n] = '\0';
    t->buf = buf;
    t->len = n;
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

int tsv_next(tsv *t, char **fields, int maxf, int *nf)
{
    while (t->pos < t->len) {
        char *line = t->buf + t->pos;
        char *nl = memchr(line, '\n', t->len - t->pos);
        size_t ll = nl ? (size_t)(nl - line) : t->len - t->pos;
        line[ll] = '\0';
        t->pos += ll + 1;
        t->line++;
        char *p = line;
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0' || *p == '#')
            continue;
        int n = 0;
        char *s = line;
        for (;;) {
            char *tab = strchr(s, '\t');
            if (n < maxf) {
                if (tab && n < maxf - 1)
                    *tab = '\0';
                fields[n] = trim(s);
                if (strcmp(fields[n], "-") == 0)
                    fields[n][0] = '\0';
            }
            n++;
            if (!tab)
                break;
            s = tab + 1;
        }
        *nf = n;
        return 1;
    }
    return 0;
}

void tsv_close(tsv *t)
{
    free(t->buf);
    t->buf = NULL;
}

int tsv_split_alts(char *s, char **parts, int max)
{
    int n = 0;
    while (s && *s) {
        char *bar = strchr(s, '|');
        if (bar)
            *bar = '\0';
        char *p = trim(s);
        if (*p && n < max)
            parts[n++] = p;
        s = bar ? bar + 1 : NULL;
    }
    return n;
}
