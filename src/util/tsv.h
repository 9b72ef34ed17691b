/* tsv.h -- line reader for the project's TAB-separated dictionary files.
 *
 * The whole file is read into memory and split in place: fields point into
 * the buffer and stay valid until tsv_close.  Comment lines (first non-blank
 * character '#') and blank lines are skipped; a field written as "-" is
 * returned as the empty string.
 */
#ifndef SR_TSV_H
#define SR_TSV_H

#include <stddef.h>

typedef struct tsv {
    char *buf;
    size_t len, pos;
    long line;              /* 1-based number of the line last returned */
    const char *path;       /* borrowed */
} tsv;

/* Open and read path; returns 0, or -1 with errno set. */
int tsv_open(tsv *t, const char *path);

/* Next data line: fills up to maxf fields, sets *nf to the number of fields
 * the line has (may exceed maxf; extra fields are not split off).  Returns 1
 * for a line, 0 at end of file. */
int tsv_next(tsv *t, char **fields, int maxf, int *nf);

void tsv_close(tsv *t);

/* Split s in place at every '|' into at most max parts, trimming spaces
 * around each; returns the number of non-empty parts. */
int tsv_split_alts(char *s, char **parts, int max);

#endif
