#include "url.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int unreserved(unsigned char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

int spotc__url_encode(spotc__buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (unreserved(*p)) {
            spotc__buf_putc(b, (char)*p);
        } else {
            char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            spotc__buf_add(b, esc, 3);
        }
    }
    return b->oom ? SPOTC_ENOMEM : 0;
}

char *spotc__url_escape(const char *s)
{
    spotc__buf b = SPOTC__BUF_INIT;
    spotc__url_encode(&b, s);
    return spotc__buf_take(&b);
}

static void put_pairs(spotc__buf *b, const spotc_param *params, size_t n, char first_sep)
{
    char sep = first_sep;
    for (size_t i = 0; i < n; i++) {
        if (!params[i].key || !params[i].value)
            continue;
        if (sep)
            spotc__buf_putc(b, sep);
        sep = '&';
        spotc__url_encode(b, params[i].key);
        spotc__buf_putc(b, '=');
        spotc__url_encode(b, params[i].value);
    }
}

int spotc__url_query(spotc__buf *b, const spotc_param *params, size_t n)
{
    const char *s = spotc__buf_str(b);
    char sep = '&';
    if (!strchr(s, '?'))
        sep = '?';
    else if (b->len && (s[b->len - 1] == '?' || s[b->len - 1] == '&'))
        sep = 0;
    put_pairs(b, params, n, sep);
    return b->oom ? SPOTC_ENOMEM : 0;
}

char *spotc__form_encode(const spotc_param *params, size_t n)
{
    spotc__buf b = SPOTC__BUF_INIT;
    put_pairs(&b, params, n, 0);
    return spotc__buf_take(&b);
}

static const char *lookup(const spotc_param *vals, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (vals[i].key && strlen(vals[i].key) == len && memcmp(vals[i].key, name, len) == 0)
            return vals[i].value;
    return NULL;
}

static void copy_name(char *dst, size_t size, const char *name, size_t len)
{
    if (!dst || !size)
        return;
    if (len >= size)
        len = size - 1;
    memcpy(dst, name, len);
    dst[len] = '\0';
}

int spotc__url_expand(spotc__buf *b, const char *tmpl, const spotc_param *vals, size_t n,
                      char *missing, size_t missing_size)
{
    const char *p = tmpl;
    while (*p) {
        const char *open = strchr(p, '{');
        if (!open)
            return spotc__buf_puts(b, p);
        spotc__buf_add(b, p, (size_t)(open - p));
        const char *close = strchr(open, '}');
        if (!close) {
            copy_name(missing, missing_size, open, strlen(open));
            return SPOTC_EINVALID;
        }
        size_t len = (size_t)(close - open - 1);
        const char *v = lookup(vals, n, open + 1, len);
        if (!v || !*v) {
            copy_name(missing, missing_size, open + 1, len);
            return SPOTC_EINVALID;
        }
        spotc__url_encode(b, v);
        p = close + 1;
    }
    return b->oom ? SPOTC_ENOMEM : 0;
}

/* @return the length of "http://" or "https://" at the start of s, else 0. */
static size_t scheme_len(const char *s)
{
    if (strncasecmp(s, "http://", 7) == 0)
        return 7;
    if (strncasecmp(s, "https://", 8) == 0)
        return 8;
    return 0;
}

char *spotc__url_path(const char *url)
{
    const char *p = url;
    size_t sl = scheme_len(url);
    if (sl)
        p = url + sl + strcspn(url + sl, "/?#");
    size_t len = strcspn(p, "?#");
    if (len == 0)
        return strdup("/");
    return strndup(p, len);
}

int spotc__url_chars_ok(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return 0;
    return 1;
}

int spotc__url_base_ok(const char *base)
{
    size_t sl = scheme_len(base);
    if (!sl || !spotc__url_chars_ok(base))
        return 0;
    const char *host = base + sl;
    if (*host == '\0' || *host == '/' || *host == ':')
        return 0;
    return strpbrk(base, "?#") == NULL;
}

int spotc__url_below(const char *url, const char *base)
{
    size_t n = strlen(base);
    if (n == 0 || strncmp(url, base, n) != 0)
        return 0;
    return url[n] == '\0' || url[n] == '/' || url[n] == '?';
}
