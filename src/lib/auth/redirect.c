/*
 * The login redirect, parsed as a pure function of its bytes (RFC 6749
 * section 4.1.2): from a URL, an HTTP request line, a path or a bare query.
 * Input comes from the network or a paste, so it is treated as hostile: a
 * length cap, no control characters, no NUL through %00, no parameter twice.
 */
#include "auth_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct span {
    const char *p;
    size_t n;
} span;

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decode (and '+' to space when plus_space). NULL on a bad escape or
 * %00 (*oom stays 0), or when out of memory (*oom = 1). */
static char *decode(span s, int plus_space, int *oom)
{
    char *d = malloc(s.n + 1);
    if (!d) {
        *oom = 1;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < s.n; i++) {
        char c = s.p[i];
        if (c == '%') {
            int hi = i + 2 < s.n ? hexval(s.p[i + 1]) : -1;
            int lo = i + 2 < s.n ? hexval(s.p[i + 2]) : -1;
            if (hi < 0 || lo < 0 || (hi | lo) == 0) {
                free(d);
                return NULL;
            }
            c = (char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_space) {
            c = ' ';
        }
        d[o++] = c;
    }
    d[o] = '\0';
    return d;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The first non-blank line, trimmed; refused when it has control characters. */
static int first_line(span *out, const char *input, size_t len)
{
    size_t i = 0;
    while (i < len && is_space(input[i]))
        i++;
    size_t end = i;
    while (end < len && input[end] != '\r' && input[end] != '\n')
        end++;
    while (end > i && is_space(input[end - 1]))
        end--;
    if (end == i)
        return SPOTC_EINVALID;
    for (size_t k = i; k < end; k++) {
        unsigned char c = (unsigned char)input[k];
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return SPOTC_EINVALID;
    }
    out->p = input + i;
    out->n = end - i;
    return 0;
}

/* `METHOD SP target [SP HTTP/x.y]`: the target; else the whole line. */
static int request_target(span *target, span line)
{
    const char *sp = memchr(line.p, ' ', line.n);
    if (!sp) {
        *target = line;
        return memchr(line.p, '\t', line.n) ? SPOTC_EINVALID : 0;
    }
    for (const char *m = line.p; m < sp; m++)
        if (*m < 'A' || *m > 'Z')
            return SPOTC_EINVALID;
    const char *t = sp + 1;
    const char *end = line.p + line.n;
    const char *tend = memchr(t, ' ', (size_t)(end - t));
    if (tend && (end - tend - 1 < 6 || strncmp(tend + 1, "HTTP/", 5) != 0 ||
                 memchr(tend + 1, ' ', (size_t)(end - tend - 1))))
        return SPOTC_EINVALID;
    target->p = t;
    target->n = (size_t)((tend ? tend : end) - t);
    return target->n > 0 && !memchr(t, '\t', target->n) ? 0 : SPOTC_EINVALID;
}

/* Split a target into path and query (a fragment dropped). A URL's scheme and
 * authority are skipped; text without '/', '?' or a scheme is a bare query. */
static int split_target(span *path, span *query, span t)
{
    const char *hash = memchr(t.p, '#', t.n);
    if (hash)
        t.n = (size_t)(hash - t.p);
    const char *q = memchr(t.p, '?', t.n);
    size_t before = q ? (size_t)(q - t.p) : t.n;
    const char *scheme_end = NULL;
    for (size_t i = 0; i + 2 < before; i++)
        if (t.p[i] == ':' && t.p[i + 1] == '/' && t.p[i + 2] == '/') {
            scheme_end = t.p + i + 3;
            break;
        }
    const char *p = t.p;
    if (scheme_end) {
        p = scheme_end;
        while (p < t.p + before && *p != '/')
            p++;
    } else if (!q && t.n > 0 && t.p[0] != '/') {
        /* a bare query such as `code=..&state=..` */
        if (!memchr(t.p, '=', t.n))
            return SPOTC_EINVALID;
        *path = (span){t.p, 0};
        *query = t;
        return 0;
    }
    *path = (span){p, (size_t)(t.p + before - p)};
    *query = q ? (span){q + 1, t.n - before - 1} : (span){t.p + t.n, 0};
    return 0;
}

static char **field(spotc_redirect *r, span key)
{
    static const struct {
        const char *name;
        size_t offset;
    } fields[] = {
        {"code", offsetof(spotc_redirect, code)},
        {"state", offsetof(spotc_redirect, state)},
        {"error", offsetof(spotc_redirect, error)},
        {"error_description", offsetof(spotc_redirect, error_description)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strlen(fields[i].name) == key.n && memcmp(fields[i].name, key.p, key.n) == 0)
            return (char **)((char *)r + fields[i].offset);
    return NULL;
}

static int parse_query(spotc_redirect *r, span q)
{
    const char *p = q.p, *end = q.p + q.n;
    while (p && p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *pe = amp ? amp : end;
        const char *eq = memchr(p, '=', (size_t)(pe - p));
        span key = {p, (size_t)((eq ? eq : pe) - p)};
        char **slot = field(r, key);
        if (slot) {
            if (*slot) /* a parameter twice: which one would be the real one? */
                return SPOTC_EINVALID;
            int oom = 0;
            span val = eq ? (span){eq + 1, (size_t)(pe - eq - 1)} : (span){pe, 0};
            *slot = decode(val, 1, &oom);
            if (!*slot)
                return oom ? SPOTC_ENOMEM : SPOTC_EINVALID;
        }
        p = amp ? amp + 1 : NULL;
    }
    return 0;
}

static int parse(spotc_redirect *out, const char *input, size_t len)
{
    span line, target, path, query;
    if (!input || len > SPOTC_REDIRECT_MAX || first_line(&line, input, len) != 0 ||
        request_target(&target, line) != 0 || split_target(&path, &query, target) != 0)
        return SPOTC_EINVALID;
    int oom = 0;
    out->path = decode(path, 0, &oom);
    if (!out->path)
        return oom ? SPOTC_ENOMEM : SPOTC_EINVALID;
    return parse_query(out, query);
}

int spotc_redirect_parse(spotc_redirect *out, const char *input, size_t len)
{
    if (!out)
        return SPOTC_EINVALID;
    memset(out, 0, sizeof *out);
    int rc = parse(out, input, len);
    if (rc != 0)
        spotc_redirect_clear(out);
    return rc;
}

void spotc_redirect_clear(spotc_redirect *r)
{
    if (!r)
        return;
    free(r->path);
    spotc__secret_free(r->code);
    spotc__secret_free(r->state);
    free(r->error);
    free(r->error_description);
    memset(r, 0, sizeof *r);
}

/* Text from the redirect goes into messages shown in a terminal: printable
 * ASCII only, so an escape sequence cannot reach it, and not too long. */
static void printable(char *dst, size_t size, const char *src)
{
    size_t o = 0;
    for (; src && *src && o + 1 < size; src++)
        dst[o++] = (*src >= 0x20 && *src < 0x7f) ? *src : '?';
    dst[o] = '\0';
}

int spotc_redirect_check(const spotc_redirect *r, const char *expected_state, char *errbuf,
                         size_t errbuf_len)
{
    if (!r || !expected_state || !*expected_state)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID, "no state to check against");
    if (!r->state)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_ESTATE,
                             "the redirect carries no state, so it is not the answer to this "
                             "login: refused");
    if (!spotc__secret_equal(r->state, expected_state))
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_ESTATE,
                             "the redirect's state does not match this login's (a forged or "
                             "stale redirect): refused");
    if (r->error) {
        char err[64], desc[160];
        printable(err, sizeof err, r->error);
        printable(desc, sizeof desc, r->error_description);
        if (strcmp(r->error, "access_denied") == 0)
            return spotc__errbuf(errbuf, errbuf_len, SPOTC_EDENIED,
                                 "the authorization was refused (access_denied): the login was "
                                 "cancelled");
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EAUTH, "the authorization failed: %s%s%s",
                             err, *desc ? ": " : "", desc);
    }
    if (!r->code || !*r->code)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                             "the redirect carries no authorization code");
    return 0;
}
