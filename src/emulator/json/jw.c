/* Streaming JSON writer (see jw.h). */
#include "jw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jw_init(jw *w, size_t hint)
{
    memset(w, 0, sizeof *w);
    w->cap = hint < 64 ? 64 : hint;
    w->buf = malloc(w->cap);
    if (!w->buf)
        w->err = 1;
}

void jw_free(jw *w)
{
    free(w->buf);
    memset(w, 0, sizeof *w);
}

char *jw_finish(jw *w, size_t *len)
{
    if (w->err || w->depth) {
        jw_free(w);
        return NULL;
    }
    w->buf[w->len] = 0;
    char *out = w->buf;
    if (len)
        *len = w->len;
    w->buf = NULL;
    return out;
}

static int reserve(jw *w, size_t n)
{
    if (w->err)
        return -1;
    if (w->len + n + 1 <= w->cap)
        return 0;
    size_t cap = w->cap;
    while (w->len + n + 1 > cap)
        cap *= 2;
    char *b = realloc(w->buf, cap);
    if (!b) {
        w->err = 1;
        return -1;
    }
    w->buf = b;
    w->cap = cap;
    return 0;
}

static void put(jw *w, const char *s, size_t n)
{
    if (reserve(w, n) == 0) {
        memcpy(w->buf + w->len, s, n);
        w->len += n;
    }
}

static void putc1(jw *w, char c)
{
    if (reserve(w, 1) == 0)
        w->buf[w->len++] = c;
}

/* Comma before every value but the first of its container; none right after a key. */
static void pre_value(jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->nonempty[w->depth])
        putc1(w, ',');
    w->nonempty[w->depth] = 1;
}

static void open_(jw *w, char c)
{
    pre_value(w);
    putc1(w, c);
    if (w->depth == JW_MAX_DEPTH) {
        w->err = 1;
        return;
    }
    w->nonempty[++w->depth] = 0;
}

static void close_(jw *w, char c)
{
    if (w->depth == 0) {
        w->err = 1;
        return;
    }
    w->depth--;
    putc1(w, c);
}

void jw_obj(jw *w)
{
    open_(w, '{');
}
void jw_obj_end(jw *w)
{
    close_(w, '}');
}
void jw_arr(jw *w)
{
    open_(w, '[');
}
void jw_arr_end(jw *w)
{
    close_(w, ']');
}

/* Bytes in the valid UTF-8 sequence at @p s (2 to 4), or 0 (RFC 3629: no overlongs,
 * surrogates or code points beyond U+10FFFF). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xbf;
    size_t len = c >= 0xc2 && c <= 0xdf   ? 2
                 : c >= 0xe0 && c <= 0xef ? 3
                 : c >= 0xf0 && c <= 0xf4 ? 4
                                          : 0;
    if (c == 0xe0)
        lo = 0xa0;
    else if (c == 0xed)
        hi = 0x9f;
    else if (c == 0xf0)
        lo = 0x90;
    else if (c == 0xf4)
        hi = 0x8f;
    if (!len || len > n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

/* Bytes that a JSON string may hold as they are and need no UTF-8 check: printable
 * ASCII but '"' (0x22) and '\\' (0x5c). Most of what the emulator writes is only these
 * (keys, IDs, URLs), so jw_str_append skips runs of them through this table first. */
static const unsigned char plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

void jw_str_append(jw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        while (i < n && plain[(unsigned char)s[i]])
            i++;
        if (i == n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            /* Echoed input can hold any byte; strict parsers refuse invalid UTF-8, so a
             * stray byte would make the whole answer unreadable. */
            size_t len = utf8_len((const unsigned char *)s + i, n - i);
            if (len) {
                i += len - 1;
                continue;
            }
            put(w, s + run, i - run);
            run = i + 1;
            put(w, "\\ufffd", 6);
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, s + run, i - run);
        run = i + 1;
        char esc[7] = {'\\', 0};
        switch (c) {
        case '"':
            esc[1] = '"';
            break;
        case '\\':
            esc[1] = '\\';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            put(w, esc, 6);
            continue;
        }
        put(w, esc, 2);
    }
    put(w, s + run, n - run);
}

void jw_str_begin(jw *w)
{
    pre_value(w);
    putc1(w, '"');
}

void jw_str_end(jw *w)
{
    putc1(w, '"');
}

void jw_strn(jw *w, const char *s, size_t n)
{
    jw_str_begin(w);
    jw_str_append(w, s, n);
    jw_str_end(w);
}

void jw_str(jw *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    jw_strn(w, s, strlen(s));
}

static void vstrf(jw *w, const char *fmt, va_list ap)
{
    char small[256];
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(small, sizeof small, fmt, cp);
    va_end(cp);
    if (n < 0) {
        w->err = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        jw_strn(w, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        w->err = 1;
        return;
    }
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    jw_strn(w, big, (size_t)n);
    free(big);
}

void jw_strf(jw *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vstrf(w, fmt, ap);
    va_end(ap);
}

void jw_int(jw *w, long long v)
{
    /* By hand: snprintf was most of the time of writing large integer arrays (--state). */
    char b[24];
    char *p = b + sizeof b;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    pre_value(w);
    put(w, p, (size_t)(b + sizeof b - p));
}

void jw_double(jw *w, double v)
{
    char b[64];
    int n = snprintf(b, sizeof b, "%.17g", v);
    pre_value(w);
    put(w, b, (size_t)n);
}

void jw_bool(jw *w, int v)
{
    pre_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(jw *w)
{
    pre_value(w);
    put(w, "null", 4);
}

void jw_raw(jw *w, const char *json, size_t n)
{
    pre_value(w);
    put(w, json, n);
}

void jw_key(jw *w, const char *key)
{
    pre_value(w);
    putc1(w, '"');
    jw_str_append(w, key, strlen(key));
    put(w, "\":", 2);
    w->after_key = 1;
}

void jw_kstr(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

void jw_kstrf(jw *w, const char *key, const char *fmt, ...)
{
    jw_key(w, key);
    va_list ap;
    va_start(ap, fmt);
    vstrf(w, fmt, ap);
    va_end(ap);
}

void jw_kint(jw *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

void jw_kbool(jw *w, const char *key, int v)
{
    jw_key(w, key);
    jw_bool(w, v);
}

void jw_knull(jw *w, const char *key)
{
    jw_key(w, key);
    jw_null(w);
}

void jw_kobj(jw *w, const char *key)
{
    jw_key(w, key);
    jw_obj(w);
}

void jw_karr(jw *w, const char *key)
{
    jw_key(w, key);
    jw_arr(w);
}
