/*
 * Redis URLs, a pure parser: redis://[[user]:password@]host[:port][/db] and
 * unix:///path[?db=N][&password=P]. Fixed-size output, no allocation, so the
 * unit tests and the fuzzer feed it bytes directly.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "redis_layer.h"

static int fail(char *eb, size_t ebn, const char *fmt, ...) SPOTC__PRINTF(3, 4);

static int fail(char *eb, size_t ebn, const char *fmt, ...)
{
    if (eb && ebn) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(eb, ebn, fmt, ap);
        va_end(ap);
    }
    return SPOTC_EINVALID;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* %-decode s[0..n) into out (size cap). @return 0, or -1 (bad escape, NUL, too long). */
static int decode(char *out, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '%') {
            int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
            int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return -1;
            c = hi * 16 + lo;
            i += 2;
        }
        if (c == 0 || k + 1 >= cap)
            return -1;
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return 0;
}

/* A decimal number in s[0..n) within [lo, hi]. @return it, or -1. */
static long number(const char *s, size_t n, long lo, long hi)
{
    if (n == 0 || n > 10)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v < lo || v > hi ? -1 : v;
}

#define MAX_DB 65535L

/* user:password before '@' (the user part may be empty). */
static int parse_userinfo(spotc__redis_url *u, const char *s, size_t n, char *eb, size_t ebn)
{
    const char *colon = memchr(s, ':', n);
    size_t ulen = colon ? (size_t)(colon - s) : n;
    if (decode(u->user, sizeof u->user, s, ulen) != 0)
        return fail(eb, ebn, "the Redis URL's user name is malformed");
    if (!colon) /* redis://password@host is a common mistake: say so */
        return fail(eb, ebn,
                    "the Redis URL has a user but no password: write "
                    "redis://:PASSWORD@HOST (the colon comes first)");
    if (decode(u->password, sizeof u->password, colon + 1, n - ulen - 1) != 0)
        return fail(eb, ebn, "the Redis URL's password is malformed (a bad %%-escape or too long)");
    return 0;
}

/* host, [v6], with an optional :port. */
static int parse_hostport(spotc__redis_url *u, const char *s, size_t n, char *eb, size_t ebn)
{
    const char *host = s, *rest;
    size_t hlen;
    if (n && *s == '[') {
        const char *close = memchr(s, ']', n);
        if (!close)
            return fail(eb, ebn, "the Redis URL's IPv6 address lacks its ']'");
        host = s + 1;
        hlen = (size_t)(close - host);
        rest = close + 1;
    } else {
        const char *colon = memchr(s, ':', n);
        hlen = colon ? (size_t)(colon - s) : n;
        rest = s + hlen;
    }
    size_t rlen = n - (size_t)(rest - s);
    if (hlen == 0 || hlen >= sizeof u->host)
        return fail(eb, ebn, "the Redis URL has no host (redis://HOST:PORT/DB)");
    for (size_t i = 0; i < hlen; i++)
        if (!isalnum((unsigned char)host[i]) && !strchr(".-_:", host[i]))
            return fail(eb, ebn, "the Redis URL's host has a character hosts never have");
    memcpy(u->host, host, hlen);
    u->host[hlen] = '\0';
    u->port = 6379;
    if (rlen == 0)
        return 0;
    long port = *rest == ':' ? number(rest + 1, rlen - 1, 1, 65535) : -1;
    if (port < 0)
        return fail(eb, ebn, "the Redis URL's port must be a number from 1 to 65535");
    u->port = (int)port;
    return 0;
}

static int parse_tcp(spotc__redis_url *u, const char *s, size_t n, char *eb, size_t ebn)
{
    const char *slash = memchr(s, '/', n);
    size_t auth_end = slash ? (size_t)(slash - s) : n;
    const char *at = NULL;
    for (size_t i = 0; i < auth_end; i++) /* the last '@': a password may hold one encoded only */
        if (s[i] == '@')
            at = s + i;
    if (at && parse_userinfo(u, s, (size_t)(at - s), eb, ebn) != 0)
        return SPOTC_EINVALID;
    const char *hp = at ? at + 1 : s;
    if (parse_hostport(u, hp, auth_end - (size_t)(hp - s), eb, ebn) != 0)
        return SPOTC_EINVALID;
    if (!slash || slash + 1 == s + n)
        return 0;
    long db = number(slash + 1, n - auth_end - 1, 0, MAX_DB);
    if (db < 0)
        return fail(eb, ebn,
                    "the Redis URL's database must be a number from 0 to %ld after the "
                    "'/'",
                    MAX_DB);
    u->db = (int)db;
    return 0;
}

/* One `name=value` of a unix:// query. */
static int unix_param(spotc__redis_url *u, const char *s, size_t n, char *eb, size_t ebn)
{
    if (n > 3 && memcmp(s, "db=", 3) == 0) {
        long db = number(s + 3, n - 3, 0, MAX_DB);
        if (db < 0)
            return fail(eb, ebn, "the Redis URL's db= must be a number from 0 to %ld", MAX_DB);
        u->db = (int)db;
        return 0;
    }
    if (n >= 9 && memcmp(s, "password=", 9) == 0) {
        if (decode(u->password, sizeof u->password, s + 9, n - 9) != 0)
            return fail(eb, ebn, "the Redis URL's password is malformed");
        return 0;
    }
    return fail(eb, ebn, "the Redis URL's query may only hold db=N and password=P");
}

static int parse_unix(spotc__redis_url *u, const char *s, size_t n, char *eb, size_t ebn)
{
    const char *q = memchr(s, '?', n);
    size_t plen = q ? (size_t)(q - s) : n;
    if (plen == 0 || s[0] != '/')
        return fail(eb, ebn,
                    "a unix:// Redis URL needs an absolute socket path "
                    "(unix:///run/redis/redis.sock)");
    if (decode(u->path, sizeof u->path, s, plen) != 0)
        return fail(eb, ebn, "the Redis socket path is malformed or longer than %zu bytes",
                    sizeof u->path - 1);
    u->unix_socket = 1;
    for (const char *p = q ? q + 1 : s + n; p < s + n;) {
        const char *amp = memchr(p, '&', (size_t)(s + n - p));
        const char *end = amp ? amp : s + n;
        if (unix_param(u, p, (size_t)(end - p), eb, ebn) != 0)
            return SPOTC_EINVALID;
        p = end + 1;
    }
    return 0;
}

static int has_prefix(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && strncasecmp(s, prefix, k) == 0;
}

int spotc__redis_url_parse(spotc__redis_url *out, const char *url, size_t len, char *eb, size_t ebn)
{
    memset(out, 0, sizeof *out);
    if (!url || len == 0)
        return fail(eb, ebn, "the Redis URL is empty");
    if (len > SPOTC__REDIS_URL_MAX)
        return fail(eb, ebn, "the Redis URL is longer than %d bytes", SPOTC__REDIS_URL_MAX);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f)
            return fail(eb, ebn, "the Redis URL has a space or a control character");
    int rc;
    if (has_prefix(url, len, "rediss://"))
        rc = fail(eb, ebn,
                  "rediss:// (Redis over TLS) is not supported: the hiredis spotc is "
                  "built with (0.14) has no TLS; use a unix:// socket, redis:// on a "
                  "trusted network, or a TLS tunnel (stunnel, spiped)");
    else if (has_prefix(url, len, "redis://"))
        rc = parse_tcp(out, url + 8, len - 8, eb, ebn);
    else if (has_prefix(url, len, "unix://"))
        rc = parse_unix(out, url + 7, len - 7, eb, ebn);
    else
        rc = fail(eb, ebn,
                  "a Redis URL starts with redis:// or unix:// "
                  "(redis://[:PASSWORD@]HOST[:PORT][/DB], unix:///PATH[?db=N])");
    if (rc != 0)
        spotc__redis_url_clear(out);
    return rc;
}

void spotc__redis_url_clear(spotc__redis_url *u)
{
    if (u)
        OPENSSL_cleanse(u, sizeof *u);
}

int spotc_redis_url_check(const char *url, char *errbuf, size_t errbuf_len)
{
    spotc__redis_url u;
    int rc = spotc__redis_url_parse(&u, url, url ? strlen(url) : 0, errbuf, errbuf_len);
    spotc__redis_url_clear(&u);
    return rc;
}
