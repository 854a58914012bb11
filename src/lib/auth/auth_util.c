/*
 * Small helpers of the authorization modules: messages without a client,
 * base64url, randomness and secret handling (OpenSSL: no crypto of our own).
 */
#include "auth_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

int spotc__errbuf(char *errbuf, size_t errbuf_len, int code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (errbuf && errbuf_len > 0)
        snprintf(errbuf, errbuf_len, "%s", msg);
    return spotc__error_last_set(code, "%s", msg);
}

const char spotc__base64url_alphabet[65] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

size_t spotc__base64url(char *out, const unsigned char *in, size_t n)
{
    const char *alphabet = spotc__base64url_alphabet;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        size_t left = n - i;
        if (left > 1)
            v |= (uint32_t)in[i + 1] << 8;
        if (left > 2)
            v |= in[i + 2];
        out[o++] = alphabet[(v >> 18) & 63];
        out[o++] = alphabet[(v >> 12) & 63];
        if (left > 1)
            out[o++] = alphabet[(v >> 6) & 63];
        if (left > 2)
            out[o++] = alphabet[v & 63];
    }
    out[o] = '\0';
    return o;
}

int spotc__random_bytes(unsigned char *buf, size_t n)
{
    if (n > (size_t)0x7fffffff || RAND_bytes(buf, (int)n) != 1)
        return SPOTC_ERROR;
    return 0;
}

int spotc__secret_equal(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb)
        return 0;
    return CRYPTO_memcmp(a, b, la) == 0;
}

char *spotc__strdup_or_null(const char *s, int *ok)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *ok = 0;
    return d;
}

void spotc__secret_free(char *s)
{
    if (s) {
        OPENSSL_cleanse(s, strlen(s));
        free(s);
    }
}
