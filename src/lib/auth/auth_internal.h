/*
 * Helpers shared by the authorization modules (pkce.c, authorize_url.c,
 * redirect.c, listener.c, token_store.c, auth_user.c). Never installed.
 */
#ifndef SPOTC_AUTH_INTERNAL_H
#define SPOTC_AUTH_INTERNAL_H

#include <spotc.h>
#include "internal.h"

/* Write a message into errbuf (if any) and return `code`, so a pure function
 * without a client can write `return spotc__errbuf(eb, n, SPOTC_EINVALID, ...)`. */
int spotc__errbuf(char *errbuf, size_t errbuf_len, int code, const char *fmt, ...)
    SPOTC__PRINTF(4, 5);

/* The 64 characters of base64url (RFC 4648 section 5), all unreserved in URLs. */
extern const char spotc__base64url_alphabet[65];

/* base64url without padding of n bytes into out (room for 4*ceil(n/3)+1);
 * returns the length written. */
size_t spotc__base64url(char *out, const unsigned char *in, size_t n);

/* Fill buf with n bytes from OpenSSL's CSPRNG. 0 or SPOTC_ERROR. */
int spotc__random_bytes(unsigned char *buf, size_t n);

/* Equality of two NUL-terminated strings without an early exit on the first
 * differing byte (only the lengths may leak). */
int spotc__secret_equal(const char *a, const char *b);

/* Duplicate a string (NULL stays NULL); sets *ok = 0 when out of memory. */
char *spotc__strdup_or_null(const char *s, int *ok);

/* Wipe and free a secret string. */
void spotc__secret_free(char *s);

/* The user token source (see token.h): tokens from `store` (borrowed: it must
 * outlive the client), or, without a store, from `refresh_token` kept in memory.
 * @return 0, SPOTC_EINVALID (an incomplete store), SPOTC_ENOMEM. */
struct spotc__token_source;
int spotc__token_source_user(struct spotc__token_source *out, spotc_client *client,
                             spotc_token_store *store, const char *refresh_token);

#endif
