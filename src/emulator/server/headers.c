/* Parsers for the request headers the emulator reads (see headers.h). */
#include "headers.h"

#include <openssl/evp.h>
#include <string.h>
#include <strings.h>

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* Base64 of at most EMU_BASIC_MAX characters into @p raw (NUL-terminated); its length, or
 * -1. Padding only at the end and at most two '=': EVP_DecodeBlock counts padding as zero
 * bytes, and a length taken from it without these checks can go negative. */
static int decode_b64(const char *b64, unsigned char *raw)
{
    size_t n = strlen(b64), pad = 0;
    if (n == 0 || n % 4 || n > EMU_BASIC_MAX)
        return -1;
    while (pad < n && b64[n - 1 - pad] == '=')
        pad++;
    if (pad > 2 || memchr(b64, '=', n - pad))
        return -1;
    int len = EVP_DecodeBlock(raw, (const unsigned char *)b64, (int)n);
    if (len < (int)pad)
        return -1;
    len -= (int)pad;
    raw[len] = 0;
    return len;
}

int emu_header_basic(const char *value, char *id, size_t idsz, char *secret, size_t secsz)
{
    unsigned char raw[EMU_BASIC_MAX / 4 * 3 + 1];
    id[0] = secret[0] = 0;
    if (!value || strncasecmp(value, "Basic ", 6) != 0)
        return -1;
    int len = decode_b64(skip_spaces(value + 6), raw);
    if (len < 0 || (size_t)len != strlen((char *)raw))
        return -1; /* a NUL inside the credentials */
    char *colon = strchr((char *)raw, ':');
    if (!colon)
        return -1;
    size_t idlen = (size_t)(colon - (char *)raw), seclen = strlen(colon + 1);
    if (idlen >= idsz || seclen >= secsz)
        return -1;
    memcpy(id, raw, idlen);
    id[idlen] = 0;
    memcpy(secret, colon + 1, seclen + 1);
    return 0;
}

emu_bearer_result emu_header_bearer(const char *value, const char **token)
{
    *token = NULL;
    if (!value)
        return EMU_BEARER_NONE;
    const char *h = skip_spaces(value);
    if (!*h)
        return EMU_BEARER_NONE;
    if (strncasecmp(h, "Bearer", 6) != 0 || (h[6] && h[6] != ' ' && h[6] != '\t'))
        return EMU_BEARER_BAD_SCHEME;
    const char *tok = skip_spaces(h + 6);
    if (!*tok)
        return EMU_BEARER_NONE;
    *token = tok;
    return EMU_BEARER_OK;
}

int emu_header_media_type_is(const char *value, const char *type)
{
    if (!value)
        return 0;
    const char *v = skip_spaces(value);
    size_t n = strlen(type);
    if (strncasecmp(v, type, n) != 0)
        return 0;
    char next = v[n];
    return next == 0 || next == ';' || next == ' ' || next == '\t';
}
