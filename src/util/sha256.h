/* sha256.h -- SHA-256 digests (content hashes of stored documents). */
#ifndef SR_SHA256_H
#define SR_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256 {
    uint32_t h[8];
    uint64_t len;
    unsigned char buf[64];
    size_t nbuf;
} sha256;

void sha256_init(sha256 *s);
void sha256_update(sha256 *s, const void *data, size_t n);
/* Finish and write the digest as 64 hex digits and a NUL. */
void sha256_hex(sha256 *s, char out[65]);

#endif
