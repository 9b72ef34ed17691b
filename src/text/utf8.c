/* utf8.c -- validating, sanitising and folding UTF-8 text.
 *
 * Input comes from the open web: any byte sequence.  text_sanitize makes it
 * valid UTF-8 so that every later stage can trust it; text_fold gives the
 * form dictionaries are matched on, while the token keeps its byte span in
 * the sanitised text so that quotes and spans stay exact. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char REPL[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid.
 * Rejects overlong forms, surrogates and code points above U+10FFFF. */
static size_t valid_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return c ? 1 : 0;   /* NUL is replaced too: it ends C strings */
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0;       /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0;       /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;       /* overlong */
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;       /* above U+10FFFF */
        return 4;
    }
    return 0;
}

long text_sanitize(const char *in, size_t n, char **out, size_t *outn, long *first_bad)
{
    const unsigned char *s = (const unsigned char *)in;
    *first_bad = -1;
    /* First pass: count replacements so that the copy is allocated once. */
    size_t i = 0, bad = 0;
    while (i < n) {
        if (s[i] >= 0x20 && s[i] < 0x80) {
            i++;
            continue;
        }
        size_t l = valid_seq(s + i, n - i);
        if (!l) {
            if (*first_bad < 0)
                *first_bad = (long)i;
            bad++;
            l = 1;
        }
        i += l;
    }
    size_t cap = n + bad * 2 + 1;
    char *o = malloc(cap);
    if (!o)
        return -1;
    if (!bad) {
        memcpy(o, in, n);
        o[n] = '\0';
        *out = o;
        *outn = n;
        return 0;
    }
    size_t k = 0;
    i = 0;
    while (i < n) {
        size_t l = valid_seq(s + i, n - i);
        if (!l) {
            memcpy(o + k, REPL, 3);
            k += 3;
            i++;
        } else {
            memcpy(o + k, s + i, l);
            k += l;
            i += l;
        }
    }
    o[k] = '\0';
    *out = o;
    *outn = k;
    return (long)bad;
}

static size_t put(char *out, size_t k, size_t outsz, const char *s, size_t n)
{
    if (k + n >= outsz)
        return k;
    memcpy(out + k, s, n);
    return k + n;
}

size_t text_fold(const char *s, size_t n, char *out, size_t outsz)
{
    size_t k = 0, i = 0;
    if (!outsz)
        return 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (k + 1 < outsz)
                out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0) {
            i++;
            continue;
        }
        i += (size_t)l;
        switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x02B9:
        case 0x0060: case 0x00B4:
            k = put(out, k, outsz, "'", 1);
            continue;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
            k = put(out, k, outsz, "\"", 1);
            continue;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
            k = put(out, k, outsz, "-", 1);
            continue;
        case 0x2026:
            k = put(out, k, outsz, "...", 3);
            continue;
        case 0x00A0: case 0x202F: case 0x2009:
            k = put(out, k, outsz, " ", 1);
            continue;
        default:
            break;
        }
        utf8proc_int32_t dec[16];
        int bc = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 16,
            UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &bc);
        if (nd < 0 || nd > 16) {
            dec[0] = cp;
            nd = 1;
        }
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(dec[j], enc);
            k = put(out, k, outsz, (const char *)enc, (size_t)el);
        }
    }
    out[k] = '\0';
    return k;
}
