/*
 * PKCE (RFC 7636, S256) and the OAuth `state`: random values from OpenSSL's
 * CSPRNG, SHA-256 from OpenSSL.
 */
#include "auth_internal.h"

#include <string.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>

static int verifier_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

int spotc_pkce_compute_challenge(char out[SPOTC_PKCE_CHALLENGE_LEN + 1], const char *verifier)
{
    if (!out || !verifier)
        return SPOTC_EINVALID;
    size_t n = strnlen(verifier, SPOTC_PKCE_VERIFIER_MAX + 1);
    if (n < SPOTC_PKCE_VERIFIER_MIN || n > SPOTC_PKCE_VERIFIER_MAX)
        return SPOTC_EINVALID;
    for (size_t i = 0; i < n; i++)
        if (!verifier_char(verifier[i]))
            return SPOTC_EINVALID;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256((const unsigned char *)verifier, n, digest);
    spotc__base64url(out, digest, sizeof digest);
    return 0;
}

int spotc_pkce_generate(spotc_pkce *out, size_t verifier_len)
{
    if (!out)
        return SPOTC_EINVALID;
    memset(out, 0, sizeof *out);
    if (verifier_len == 0)
        verifier_len = SPOTC_PKCE_VERIFIER_DEFAULT;
    if (verifier_len < SPOTC_PKCE_VERIFIER_MIN || verifier_len > SPOTC_PKCE_VERIFIER_MAX)
        return SPOTC_EINVALID;
    unsigned char raw[SPOTC_PKCE_VERIFIER_MAX];
    if (spotc__random_bytes(raw, verifier_len) != 0)
        return SPOTC_ERROR;
    /* 256 is a multiple of 64, so the low six bits of a byte pick a character
     * of the (unreserved) base64url alphabet without bias. */
    for (size_t i = 0; i < verifier_len; i++)
        out->verifier[i] = spotc__base64url_alphabet[raw[i] & 63];
    OPENSSL_cleanse(raw, sizeof raw);
    return spotc_pkce_compute_challenge(out->challenge, out->verifier);
}

void spotc_pkce_clear(spotc_pkce *pkce)
{
    if (pkce)
        OPENSSL_cleanse(pkce, sizeof *pkce);
}

int spotc_auth_generate_state(char out[SPOTC_STATE_LEN + 1])
{
    unsigned char raw[SPOTC_STATE_LEN / 4 * 3];
    if (!out)
        return SPOTC_EINVALID;
    if (spotc__random_bytes(raw, sizeof raw) != 0)
        return SPOTC_ERROR;
    spotc__base64url(out, raw, sizeof raw);
    return 0;
}
