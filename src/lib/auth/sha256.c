/*
 * SHA-256 through OpenSSL's low-level functions (SHA256_Init/Update/Final),
 * not EVP. In OpenSSL 3 the first EVP digest of a process fetches it from the
 * default provider, which first builds the library's name map of every legacy
 * algorithm: about 3 million instructions, a sixth of a whole one-shot
 * `spotc track ID` with a cached app token, to hash some 60 bytes. The
 * low-level functions run the same hashing code at once.
 *
 * They are deprecated since OpenSSL 3.0 but present in every 3.x and 4.0
 * release; an OpenSSL built without deprecated interfaces (or a build that
 * defines OPENSSL_NO_DEPRECATED) gets the EVP path, which gives the same
 * digest. The hashing itself is OpenSSL's either way: never our own crypto.
 */
#define OPENSSL_SUPPRESS_DEPRECATED /* SHA256_Init and co., on purpose (above) */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include "sha256.h"

#ifndef OPENSSL_NO_DEPRECATED_3_0
static int hash(unsigned char *out, const spotc__sha256_part *parts, size_t n)
{
    SHA256_CTX sha;
    int ok = SHA256_Init(&sha);
    for (size_t i = 0; ok && i < n; i++)
        ok = SHA256_Update(&sha, parts[i].data, parts[i].len);
    ok = SHA256_Final(out, &sha) && ok; /* Final also wipes the context */
    return ok ? 0 : -1;
}
#else
static int hash(unsigned char *out, const spotc__sha256_part *parts, size_t n)
{
    unsigned int len = 0;
    EVP_MD_CTX *sha = EVP_MD_CTX_new();
    int ok = sha && EVP_DigestInit_ex(sha, EVP_sha256(), NULL);
    for (size_t i = 0; ok && i < n; i++)
        ok = EVP_DigestUpdate(sha, parts[i].data, parts[i].len);
    ok = ok && EVP_DigestFinal_ex(sha, out, &len) && len == SPOTC__SHA256_LEN;
    EVP_MD_CTX_free(sha);
    return ok ? 0 : -1;
}
#endif

int spotc__sha256(unsigned char out[SPOTC__SHA256_LEN], const spotc__sha256_part *parts, size_t n)
{
    if (hash(out, parts, n) == 0)
        return 0;
    memset(out, 0, SPOTC__SHA256_LEN);
    return -1;
}
