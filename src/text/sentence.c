/* sentence.c -- tokens, paragraphs, sentences and datelines.
 *
 * A streaming splitter: it scans the text once, producing raw tokens (byte
 * spans and flags) and grouping them into sentences, which it then folds,
 * tags and chunks.  Abbreviations (Gen., Jan., U.S.) keep their period and
 * do not end a sentence; closing quotes stay with the sentence they close;
 * a dateline ("QAMISHLI, Syria (AP) --") becomes a sentence of its own.
 *
 * Paragraphs: news text comes either with one paragraph per line or
 * hard-wrapped at ~70 columns (Reuters), where a single newline is just a
 * space and paragraphs start with a blank line or an indent.  The splitter
 * looks at the whole text once to tell which, then applies the right rule.
 */
#include "text.h"
#include "../util/vec.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct rawtok {
    uint32_t start, end;
    uint16_t flags;
} rawtok;

struct text_splitter {
    const char *text;
    size_t len, pos;
    size_t max_tokens;
    int wrapped;            /* hard-wrapped text */
    uint32_t sent_index, para;
    int at_start;           /* nothing returned yet (dateline check) */
    int in_quote;
    int split_quote;        /* inside a quotation while splitting */
    rawtok *pend;           /* pushed-back tokens (FIFO) */
    size_t npend, cappend, pend_head;
    rawtok *cur;            /* the sentence being built */
    size_t ncur, capcur;
};

/* ---- character classes ------------------------------------------------ */

enum { C_SPACE, C_NL, C_LETTER, C_DIGIT, C_PUNCT };

static int cls_at(const char *s, size_t n, size_t i, size_t *len, int32_t *cpo)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *len = 1;
        *cpo = c;
        if (c == '\n')
            return C_NL;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            return C_SPACE;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return C_LETTER;
        if (c >= '0' && c <= '9')
            return C_DIGIT;
        if (c < 0x20)
            return C_SPACE;
        return C_PUNCT;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (l <= 0) {
        *len = 1;
        *cpo = 0xFFFD;
        return C_PUNCT;
    }
    *len = (size_t)l;
    *cpo = cp;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return C_NL;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_NL;
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    default:
        return C_PUNCT;
    }
}

static int is_upper_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_lower_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_apos(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

static int is_quote_cp(int32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB ||
           cp == 0x00BB || cp == 0x2018 || cp == 0x2019 || cp == '\'';
}

/* ---- wrap detection --------------------------------------------------- */

static int detect_wrapped(const char *s, size_t n)
{
    /* Count line ends where a long line without final punctuation is
     * followed by a line starting in lower case: the signature of
     * hard-wrapped prose.  Scan at most the first 64 KB. */
    size_t lim = n < 65536 ? n : 65536;
    size_t lines = 0, cont = 0, linestart = 0;
    for (size_t i = 0; i < lim; i++) {
        if (s[i] != '\n')
            continue;
        lines++;
        size_t e = i;
        while (e > linestart && (s[e - 1] == ' ' || s[e - 1] == '\r'))
            e--;
        size_t ll = e - linestart;
        if (ll >= 40) {
            char last = s[e - 1];
            size_t j = i + 1;
            while (j < lim && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j < lim && j == i + 1 && !strchr(".?!:\"'", last) && s[j] >= 'a' && s[j] <= 'z')
                cont++;
        }
        linestart = i + 1;
    }
    return cont >= 2 && cont * 5 >= lines;
}

text_splitter *text_splitter_new(const char *text, size_t len, size_t max_tokens)
{
    text_splitter *sp = calloc(1, sizeof(*sp));
    if (!sp)
        return NULL;
    sp->text = text;
    sp->len = len;
    sp->max_tokens = max_tokens ? max_tokens : 2000;
    sp->wrapped = detect_wrapped(text, len);
    sp->at_start = 1;
    return sp;
}

void text_splitter_free(text_splitter *sp)
{
    if (!sp)
        return;
    free(sp->pend);
    free(sp->cur);
    free(sp);
}

/* ---- abbreviations ---------------------------------------------------- */

/* Words that keep a following period as part of the token.  Titles never
 * end a sentence; the others may (see ends_after_abbr). */
static const char *const titles[] = {
    "adm", "brig", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "hon", "lt", "maj", "messrs",
    "mr", "mrs", "ms", "mt", "pres", "prof", "rep", "rev", "sen", "sgt", "sr", "jr", "st", "supt",
    "amb", "atty", "fr", "insp", "pvt", "ret", NULL};
static const char *const abbrevs[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "co", "corp", "inc", "ltd", "bros", "vs", "etc", "approx", "est", "dept", "univ",
    "ave", "blvd", "rd", "ft", "fig", "vol", "pp", "al", "mln", "bln", "pct", "cts", "dlrs", "yr",
    "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la",
    "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "tex", "va", "vt", "wash", "wis", "wyo", NULL};

static int in_list(const char *const *l, const char *s, size_t n)
{
    for (; *l; l++)
        if (strlen(*l) == n && strncmp(*l, s, n) == 0)
            return 1;
    return 0;
}

static int lower_word(const char *s, size_t n, char *buf, size_t bsz)
{
    if (n >= bsz)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((unsigned char)c >= 0x80)
            return 0;
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[n] = '\0';
    return 1;
}

/* ---- tokenizer -------------------------------------------------------- */

/* Scan the next raw token from sp->pos.  Returns 0 at the end. */
static int scan(text_splitter *sp, rawtok *t)
{
    const char *s = sp->text;
    size_t n = sp->len, i = sp->pos, l;
    int32_t cp;
    int nl = 0, indent = 0, space = 0;
    while (i < n) {
        int c = cls_at(s, n, i, &l, &cp);
        if (c == C_NL) {
            nl++;
            indent = 0;
        } else if (c == C_SPACE) {
            if (nl)
                indent++;
        } else {
            break;
        }
        space = 1;
        i += l;
    }
    if (i >= n) {
        sp->pos = n;
        return 0;
    }
    t->flags = 0;
    if (space)
        t->flags |= TF_SPACE;
    if (nl >= 2 || (nl == 1 && (!sp->wrapped || indent >= 2)))
        t->flags |= TF_PARA;
    t->start = (uint32_t)i;
    int c = cls_at(s, n, i, &l, &cp);
    if (is_upper_cp(cp))
        t->flags |= TF_CAP;
    if (c == C_LETTER || c == C_DIGIT) {
        t->flags |= TF_WORD;
        if (c == C_DIGIT)
            t->flags |= TF_DIGIT;
        /* Acronyms with periods: U.S., U.N., e.g. */
        size_t j = i, l2, l3;
        int32_t cp2, cp3;
        int nacr = 0;
        while (j < n) {
            int cj = cls_at(s, n, j, &l, &cp);
            if (cj != C_LETTER || j + l >= n || s[j + l] != '.')
                break;
            size_t k = j + l + 1;
            if (k < n && cls_at(s, n, k, &l2, &cp2) == C_LETTER) {
                if (k + l2 < n && cls_at(s, n, k + l2, &l3, &cp3) == C_LETTER)
                    break;  /* "U.Sxx" is not an acronym */
                j = k;
                nacr++;
                continue;
            }
            if (nacr > 0) {
                j = k;  /* final letter and its period */
                nacr++;
            }
            break;
        }
        if (nacr >= 2) {
            t->end = (uint32_t)j;
            t->flags |= TF_ABBR;
            sp->pos = j;
            return 1;
        }
        int all_upper = 1, has_letter = 0;
        while (i < n) {
            int ci = cls_at(s, n, i, &l, &cp);
            if (ci == C_LETTER || ci == C_DIGIT) {
                if (ci == C_LETTER) {
                    has_letter = 1;
                    if (is_lower_cp(cp))
                        all_upper = 0;
                }
                i += l;
                continue;
            }
            if (ci == C_PUNCT && is_apos(cp) && i + l < n) {
                size_t k = i + l;
                int32_t ncp;
                size_t nl2;
                int nc = cls_at(s, n, k, &nl2, &ncp);
                if (nc != C_LETTER)
                    break;
                /* clitics: 's 're 've 'll 'd 'm n't end the word here */
                size_t wend = k;
                while (wend < n && cls_at(s, n, wend, &nl2, &ncp) == C_LETTER)
                    wend += nl2;
                size_t cl = wend - k;
                char cbuf[4];
                if (cl <= 2 && lower_word(s + k, cl, cbuf, sizeof cbuf) &&
                    (!strcmp(cbuf, "s") || !strcmp(cbuf, "re") || !strcmp(cbuf, "ve") ||
                     !strcmp(cbuf, "ll") || !strcmp(cbuf, "d") || !strcmp(cbuf, "m"))) {
                    break;
                }
                if (cl == 1 && (s[k] == 't' || s[k] == 'T') && i > t->start &&
                    (s[i - 1] == 'n' || s[i - 1] == 'N')) {
                    if (i - 1 > t->start) {
                        i -= 1;     /* do|n't */
                        break;
                    }
                }
                i = k;  /* O'Brien, Qa'ida */
                continue;
            }
            if (ci == C_PUNCT && (cp == ',' || cp == '.') && (t->flags & TF_DIGIT) && i + 1 < n &&
                s[i + 1] >= '0' && s[i + 1] <= '9') {
                i += 1;     /* 1,000 and 5.1 */
                continue;
            }
            if (ci == C_PUNCT && cp == '-' && (t->flags & TF_DIGIT) && i - t->start == 4 &&
                i + 6 <= n && s[i + 3] == '-' && s[i + 1] >= '0' && s[i + 1] <= '9') {
                i += 6;     /* 2026-01-27 */
                continue;
            }
            break;
        }
        t->end = (uint32_t)i;
        if (all_upper && has_letter)
            t->flags |= TF_ALLCAP;
        /* An abbreviation keeps its period. */
        if (i < n && s[i] == '.' && !(t->flags & TF_DIGIT)) {
            char buf[16];
            size_t wl = i - t->start;
            if (lower_word(s + t->start, wl, buf, sizeof buf) &&
                (in_list(titles, buf, wl) || in_list(abbrevs, buf, wl) ||
                 (wl == 1 && (t->flags & TF_CAP)))) {
                t->end = (uint32_t)(i + 1);
                t->flags |= TF_ABBR;
                i++;
            }
        }
        sp->pos = i;
        return 1;
    }
    /* Punctuation. */
    if (is_apos(cp) && i + l < n) {
        /* clitic token: 's 're n't ... */
        size_t k = i + l, nl2;
        int32_t ncp;
        size_t wend = k;
        while (wend < n && cls_at(s, n, wend, &nl2, &ncp) == C_LETTER)
            wend += nl2;
        char cbuf[4];
        size_t cl = wend - k;
        if (cl >= 1 && cl <= 2 && lower_word(s + k, cl, cbuf, sizeof cbuf) &&
            (!strcmp(cbuf, "s") || !strcmp(cbuf, "re") || !strcmp(cbuf, "ve") ||
             !strcmp(cbuf, "ll") || !strcmp(cbuf, "d") || !strcmp(cbuf, "m")) &&
            i > 0 && !(t->flags & TF_SPACE)) {
            t->end = (uint32_t)wend;
            t->flags |= TF_WORD;
            sp->pos = wend;
            return 1;
        }
    }
    if ((cp == 'n' || cp == 'N') && 0) {
        /* unreachable: n't is produced below */
    }
    if (is_quote_cp(cp))
        t->flags |= TF_QUOTE;
    size_t e = i + l;
    if (cp == '.' && e + 1 < n + 1 && e < n && s[e] == '.') {
        while (e < n && s[e] == '.')
            e++;
    } else if (cp == '-' && e < n && s[e] == '-') {
        while (e < n && s[e] == '-')
            e++;
    }
    t->end = (uint32_t)e;
    sp->pos = e;
    return 1;
}

/* The n't clitic: the scanner stops a word before "n't"; the next scan
 * starts at 'n' which is a letter, so fix that up here. */
static int scan_tok(text_splitter *sp, rawtok *t)
{
    if (!scan(sp, t))
        return 0;
    const char *s = sp->text;
    size_t n = t->end - t->start;
    if (n >= 3 && (s[t->start] == 'n' || s[t->start] == 'N') && !(t->flags & TF_SPACE)) {
        size_t l;
        int32_t cp;
        cls_at(s, sp->len, t->start + 1, &l, &cp);
        if (is_apos(cp) && t->start + 1 + l < sp->len &&
            (s[t->start + 1 + l] == 't' || s[t->start + 1 + l] == 'T') &&
            t->end == t->start + 2 + l) {
            t->flags = (uint16_t)((t->flags & ~(TF_CAP | TF_ALLCAP)) | TF_WORD);
        }
    }
    return 1;
}

static int pop_token(text_splitter *sp, rawtok *t)
{
    if (sp->npend) {
        *t = sp->pend[sp->pend_head++];
        sp->npend--;
        if (!sp->npend)
            sp->pend_head = 0;
        return 1;
    }
    return scan_tok(sp, t);
}

static int peek_token(text_splitter *sp, rawtok *t)
{
    if (sp->npend) {
        *t = sp->pend[sp->pend_head];
        return 1;
    }
    if (!scan_tok(sp, t))
        return 0;
    if (vec_reserve((void **)&sp->pend, &sp->cappend, 0, 1, sizeof(rawtok)) != 0)
        return 0;
    sp->pend[0] = *t;
    sp->pend_head = 0;
    sp->npend = 1;
    return 1;
}

static int tok_text_is(const text_splitter *sp, const rawtok *t, const char *w)
{
    size_t n = t->end - t->start;
    return strlen(w) == n && memcmp(sp->text + t->start, w, n) == 0;
}

static int push_cur(text_splitter *sp, const rawtok *t)
{
    if (t->flags & TF_PARA)
        sp->split_quote = 0;
    if (tok_text_is(sp, t, "\""))
        sp->split_quote = !sp->split_quote;
    else if (tok_text_is(sp, t, "\xE2\x80\x9C"))
        sp->split_quote = 1;
    else if (tok_text_is(sp, t, "\xE2\x80\x9D"))
        sp->split_quote = 0;
    rawtok *p = VEC_PUSH(sp->cur, sp->ncur, sp->capcur);
    if (!p)
        return -1;
    *p = *t;
    return 0;
}

static int is_terminal(const text_splitter *sp, const rawtok *t)
{
    return tok_text_is(sp, t, ".") || tok_text_is(sp, t, "!") || tok_text_is(sp, t, "?") ||
           tok_text_is(sp, t, "...") || tok_text_is(sp, t, "\xE2\x80\xA6");
}

static int is_closer(const text_splitter *sp, const rawtok *t)
{
    /* a straight double quote closes only an open quotation */
    if (tok_text_is(sp, t, "\""))
        return sp->split_quote;
    return tok_text_is(sp, t, "\xE2\x80\x9D") ||
           tok_text_is(sp, t, "'") || tok_text_is(sp, t, "\xE2\x80\x99") ||
           tok_text_is(sp, t, ")") || tok_text_is(sp, t, "]") || tok_text_is(sp, t, "}");
}

static int starts_sentence(const text_splitter *sp, const rawtok *t)
{
    if (t->flags & (TF_CAP | TF_DIGIT | TF_QUOTE))
        return 1;
    return tok_text_is(sp, t, "(") || tok_text_is(sp, t, "[") || tok_text_is(sp, t, "{") ||
           tok_text_is(sp, t, "-");
}

/* "U.S." or "Inc." may end a sentence: split when the next word is a
 * capitalised function word, which cannot continue a name. */
static int ends_after_abbr(const text_splitter *sp, const rawtok *t, const rawtok *next)
{
    char buf[16];
    size_t n = t->end - t->start - 1;
    if (!(t->flags & TF_ABBR))
        return 0;
    if (lower_word(sp->text + t->start, n, buf, sizeof buf) && in_list(titles, buf, n))
        return 0;
    if (!(next->flags & TF_CAP))
        return 0;
    size_t nn = next->end - next->start;
    char nb[16];
    if (!lower_word(sp->text + next->start, nn, nb, sizeof nb))
        return 0;
    uint8_t aux;
    int tg = text_closed_tag(nb, nn, &aux);
    return tg == TG_DET || tg == TG_PRON || tg == TG_PRPS || tg == TG_SCONJ || tg == TG_CONJ ||
           tg == TG_PREP || tg == TG_AUX || tg == TG_MODAL || tg == TG_WH;
}

/* ---- datelines -------------------------------------------------------- */

/* At the start of a document: upper-case place words, optional ", Region",
 * optional date, optional "(Agency)", then a dash.  Returns the number of
 * tokens in the dateline (including the dash), or 0. */
static size_t dateline_len(const text_splitter *sp)
{
    if (!sp->ncur || !(sp->cur[0].flags & TF_ALLCAP) || !(sp->cur[0].flags & TF_WORD))
        return 0;
    size_t lim = sp->ncur < 16 ? sp->ncur : 16;
    int depth = 0;
    for (size_t i = 1; i < lim; i++) {
        const rawtok *t = &sp->cur[i];
        if (tok_text_is(sp, t, "("))
            depth++;
        else if (tok_text_is(sp, t, ")"))
            depth--;
        else if (depth == 0 && (tok_text_is(sp, t, "-") || tok_text_is(sp, t, "--") ||
                                tok_text_is(sp, t, "\xE2\x80\x94") || tok_text_is(sp, t, "\xE2\x80\x93")))
            return i >= 1 && i + 1 < sp->ncur ? i + 1 : 0;
        else if (depth == 0 && !(t->flags & (TF_CAP | TF_DIGIT | TF_ABBR)) && !tok_text_is(sp, t, ","))
            return 0;
    }
    return 0;
}

/* ---- sentences -------------------------------------------------------- */

static int is_heading(const text_splitter *sp, const sentence *s)
{
    if (s->ntok == 0 || s->ntok > 24)
        return 0;
    const token *last = &s->toks[s->ntok - 1];
    if (last->tag == TG_PUNCT && !(last->flags & TF_QUOTE) &&
        strchr(".!?:;,\")", sp->text[last->start]))
        return 0;
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < s->ntok; i++) {
        const token *t = &s->toks[i];
        if (!(t->flags & TF_WORD) || t->flen <= 3)
            continue;
        words++;
        if (t->flags & TF_CAP)
            caps++;
    }
    /* title case, or a short line: a headline or a subheading */
    return words > 0 && (caps * 10 >= words * 6 || s->ntok <= 12);
}

int text_next_sentence(text_splitter *sp, const lexicon *lx, arena *a, sentence *out)
{
    rawtok t, nx;
    sp->ncur = 0;
    int split = 0;
    while (peek_token(sp, &t)) {
        if (sp->ncur && (t.flags & TF_PARA))
            break;
        pop_token(sp, &t);
        if (push_cur(sp, &t) != 0)
            return -1;
        if (sp->ncur >= sp->max_tokens) {
            split = 1;
            break;
        }
        if (is_terminal(sp, &t)) {
            while (peek_token(sp, &nx) && !(nx.flags & TF_PARA) && is_closer(sp, &nx) &&
                   sp->ncur < sp->max_tokens) {
                pop_token(sp, &nx);
                if (push_cur(sp, &nx) != 0)
                    return -1;
            }
            if (!peek_token(sp, &nx) || (nx.flags & TF_PARA) || starts_sentence(sp, &nx))
                break;
        } else if (t.flags & TF_ABBR) {
            if (peek_token(sp, &nx) && !(nx.flags & TF_PARA) && ends_after_abbr(sp, &t, &nx))
                break;
        }
    }
    if (!sp->ncur)
        return 0;
    int dateline = 0;
    if (sp->at_start) {
        size_t dl = dateline_len(sp);
        if (dl) {
            /* Push the rest back to be read as the first real sentence. */
            size_t rest = sp->ncur - dl;
            size_t need = rest + sp->npend;
            rawtok *np = malloc((need ? need : 1) * sizeof(rawtok));
            if (!np)
                return -1;
            memcpy(np, sp->cur + dl, rest * sizeof(rawtok));
            if (sp->npend)
                memcpy(np + rest, sp->pend + sp->pend_head, sp->npend * sizeof(rawtok));
            free(sp->pend);
            sp->pend = np;
            sp->pend_head = 0;
            sp->npend = need;
            sp->cappend = need ? need : 1;
            sp->ncur = dl;
            dateline = 1;
        }
    }
    if (sp->cur[0].flags & TF_PARA && !sp->at_start)
        sp->para++;
    sp->at_start = 0;
    if (sp->cur[0].flags & TF_PARA)
        sp->in_quote = 0;

    memset(out, 0, sizeof(*out));
    out->index = sp->sent_index++;
    out->para = sp->para;
    out->start = sp->cur[0].start;
    out->end = sp->cur[sp->ncur - 1].end;
    out->split_at_limit = split;
    out->is_dateline = dateline;
    out->toks = arena_alloc(a, sp->ncur * sizeof(token));
    if (!out->toks)
        return -1;
    out->ntok = sp->ncur;
    for (size_t i = 0; i < sp->ncur; i++) {
        token *tk = &out->toks[i];
        const rawtok *r = &sp->cur[i];
        memset(tk, 0, sizeof(*tk));
        tk->start = r->start;
        tk->end = r->end;
        tk->flags = r->flags;
        tk->chunk_id = -1;
        if (dateline)
            tk->flags |= TF_DATELINE;
        if (i == 0)
            tk->flags |= TF_FIRST;
        size_t n = r->end - r->start;
        char buf[256];
        size_t fl = text_fold(sp->text + r->start, n < 200 ? n : 200, buf, sizeof buf);
        if (fl > 65535)
            fl = 65535;
        tk->fold = arena_strndup(a, buf, fl);
        if (!tk->fold)
            return -1;
        tk->flen = (uint16_t)fl;
        if (memmem(sp->text + r->start, n, "\xEF\xBF\xBD", 3))
            tk->flags |= TF_REPLACED;
        if (tk->flags & TF_QUOTE) {
            const char *q = sp->text + r->start;
            if (n == 3 && (unsigned char)q[2] == 0x9C)
                sp->in_quote = 1;           /* left double quote */
            else if (n == 3 && (unsigned char)q[2] == 0x9D)
                sp->in_quote = 0;           /* right double quote */
            else if (q[0] == '"')
                sp->in_quote = !sp->in_quote;
        } else if (sp->in_quote) {
            tk->flags |= TF_INQUOTE;
        }
    }
    text_tag(lx, sp->text, out->toks, out->ntok, a);
    /* a line of its own, followed by more text (the last line of a
     * report that lacks its full stop is still text) */
    out->is_heading = !dateline && (out->toks[0].flags & TF_PARA || out->index == 0) &&
                      peek_token(sp, &nx) && (nx.flags & TF_PARA) && is_heading(sp, out);
    if (text_chunk(out, a) != 0)
        return -1;
    return 1;
}

/* ---- dictionary keys -------------------------------------------------- */

size_t text_key(const char *s, size_t n, char *out, size_t outsz, int *ntok)
{
    text_splitter sp;
    memset(&sp, 0, sizeof sp);
    sp.text = s;
    sp.len = n;
    sp.max_tokens = 1000;
    size_t k = 0;
    int nt = 0;
    rawtok t;
    if (!outsz)
        return 0;
    out[0] = '\0';
    while (scan_tok(&sp, &t)) {
        char buf[256];
        size_t fl = text_fold(s + t.start, t.end - t.start, buf, sizeof buf);
        if (fl == 1 && buf[0] == '-')
            continue;
        if (k + fl + 2 >= outsz)
            break;
        if (nt)
            out[k++] = ' ';
        memcpy(out + k, buf, fl);
        k += fl;
        nt++;
    }
    out[k] = '\0';
    if (ntok)
        *ntok = nt;
    return k;
}
