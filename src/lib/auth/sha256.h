/*
 * SHA-256 of a message given in parts (internal).
 *
 * OpenSSL computes it; this wrapper only chooses the path that costs nothing
 * before the first byte is hashed (see sha256.c).
 */
#ifndef SPOTC_AUTH_SHA256_H
#define SPOTC_AUTH_SHA256_H

#include <stddef.h>

#define SPOTC__SHA256_LEN 32

/* One part of a message: len bytes at data (borrowed; data may be NULL when len is 0). */
typedef struct spotc__sha256_part {
    const void *data;
    size_t len;
} spotc__sha256_part;

/**
 * SHA-256 of the concatenation of @p parts.
 * @param[out] out the digest (the caller's buffer of SPOTC__SHA256_LEN bytes)
 * @param parts the message, in order (borrowed)
 * @param n how many parts
 * @return 0, or -1 when OpenSSL could not hash (out is then all zero)
 */
int spotc__sha256(unsigned char out[SPOTC__SHA256_LEN], const spotc__sha256_part *parts, size_t n);

#endif
