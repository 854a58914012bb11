/*
 * A JSON checker that builds nothing (json_scan.h). It follows jansson 2.14's lexer and
 * parser rule for rule, so that a page handed on as text is refused when
 * spotc_pager_next() would refuse it: fuzz_json_scan compares the two. It is stricter in
 * one place (a NUL byte after a number or a literal, which jansson skips): handing that
 * byte on would put it into an export.
 */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "json_scan.h"

/* jansson's JSON_PARSER_MAX_DEPTH: every value, scalars too, counts one level. */
#define MAX_DEPTH 2048

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void spotc__jscan_ws(spotc__jscan *s)
{
    const char *p = s->p;
    while (p < s->end && is_ws(*p))
        p++;
    s->ws += (size_t)(p - s->p);
    s->p = p;
}

int spotc__jscan_expect(spotc__jscan *s, char c)
{
    spotc__jscan_ws(s);
    if (s->p == s->end || *s->p != c)
        return -1;
    s->p++;
    spotc__jscan_ws(s);
    return 0;
}

static int hex4(const char *p, const char *end, unsigned *out)
{
    unsigned v = 0;
    if (end - p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (unsigned)d;
    }
    *out = v;
    return 0;
}

/* A backslash escape at p (after the backslash): its end, or NULL. As jansson: \u0000 and
 * lone or unpaired surrogates are refused. */
static const char *escape(const char *p, const char *end)
{
    if (p == end)
        return NULL;
    if (*p && strchr("\"\\/bfnrt", *p))
        return p + 1;
    unsigned v, low;
    if (*p != 'u' || hex4(p + 1, end, &v) < 0 || v == 0)
        return NULL;
    p += 5;
    if (v >= 0xDC00 && v <= 0xDFFF)
        return NULL;
    if (v < 0xD800 || v > 0xDBFF)
        return p;
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, end, &low) < 0 || low < 0xDC00 ||
        low > 0xDFFF)
        return NULL;
    return p + 6;
}

/* A UTF-8 sequence at p (its first byte >= 0x80): its end, or NULL when malformed,
 * overlong, a surrogate or past U+10FFFF (jansson's utf8_check_full). */
static const char *utf8(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    size_t n;
    unsigned v;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, v = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, v = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, v = c & 0x07;
    else
        return NULL;
    if ((size_t)(end - p) < n)
        return NULL;
    for (size_t i = 1; i < n; i++) {
        unsigned char u = (unsigned char)p[i];
        if ((u & 0xC0) != 0x80)
            return NULL;
        v = v << 6 | (u & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) || (v >= 0xD800 && v <= 0xDFFF) ||
        v > 0x10FFFF)
        return NULL;
    return p + n;
}

int spotc__jscan_string(spotc__jscan *s)
{
    const char *p = s->p + 1, *end = s->end;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            s->p = p + 1;
            return 0;
        }
        if (c < 0x20)
            break;
        if (c == '\\')
            p = escape(p + 1, end);
        else if (c >= 0x80)
            p = utf8(p, end);
        else
            p++;
        if (!p)
            return -1;
    }
    s->p = p;
    return -1;
}

static const char *digits(const char *p, const char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

/* The number's value must fit: an integer in json_int_t (long long), a real in a double. */
static int number_fits(const char *start, size_t len, int real)
{
    if (!real && len < 19)
        return 0;
    char small[64], *copy = len < sizeof small ? small : malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, start, len);
    copy[len] = 0;
    errno = 0;
    int ok;
    if (real) {
        /* strtod() reads the locale's decimal point, as jansson's jsonp_strtod() knows. */
        char *dot = strchr(copy, '.');
        if (dot)
            *dot = *localeconv()->decimal_point;
        double d = strtod(copy, NULL);
        ok = !(errno == ERANGE && (d > 1 || d < -1));
    } else {
        (void)strtoll(copy, NULL, 10);
        ok = errno != ERANGE;
    }
    if (copy != small)
        free(copy);
    return ok ? 0 : -1;
}

static int number(spotc__jscan *s)
{
    const char *p = s->p, *end = s->end, *start = p;
    int real = 0;
    if (p < end && *p == '-')
        p++;
    if (p == end || *p < '0' || *p > '9')
        return -1;
    p = *p == '0' ? p + 1 : digits(p, end);
    if (p < end && *p == '.') {
        const char *d = p + 1;
        if ((p = digits(d, end)) == d)
            return -1;
        real = 1;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *d = ++p;
        if (d < end && (*d == '+' || *d == '-'))
            d++;
        if ((p = digits(d, end)) == d)
            return -1;
        real = 1;
    }
    s->p = p;
    /* jansson's lexer reads a digit after a number as part of it: "01" is no number. */
    if (p < end && *p >= '0' && *p <= '9')
        return -1;
    return number_fits(start, (size_t)(p - start), real);
}

static int word(spotc__jscan *s)
{
    static const char *const words[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(s->end - s->p) >= n && memcmp(s->p, words[i], n) == 0) {
            s->p += n;
            return 0;
        }
    }
    return -1;
}

static int value(spotc__jscan *s, int depth);

/* The members of an object or the elements of an array, s->p after the opening bracket. */
static int members(spotc__jscan *s, int depth, char close)
{
    spotc__jscan_ws(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return 0;
    }
    for (;;) {
        if (close == '}') {
            if (s->p == s->end || *s->p != '"' || spotc__jscan_string(s) < 0 ||
                spotc__jscan_expect(s, ':') < 0)
                return -1;
        }
        if (value(s, depth + 1) < 0)
            return -1;
        spotc__jscan_ws(s);
        if (s->p == s->end)
            return -1;
        char c = *s->p++;
        if (c == close)
            return 0;
        if (c != ',')
            return -1;
        spotc__jscan_ws(s);
    }
}

static int value(spotc__jscan *s, int depth)
{
    if (depth > MAX_DEPTH || s->p == s->end)
        return -1;
    switch (*s->p) {
    case '{':
    case '[':
        s->p++;
        return members(s, depth, s->p[-1] == '{' ? '}' : ']');
    case '"':
        return spotc__jscan_string(s);
    case 't':
    case 'f':
    case 'n':
        return word(s);
    default:
        return number(s);
    }
}

int spotc__jscan_value(spotc__jscan *s, int depth)
{
    return value(s, depth);
}

int spotc__json_check(const char *bytes, size_t len)
{
    spotc__jscan s = {bytes, bytes + len, 0};
    spotc__jscan_ws(&s);
    if (spotc__jscan_value(&s, 1) < 0)
        return -1;
    spotc__jscan_ws(&s);
    return s.p == s.end ? 0 : -1;
}

size_t spotc__json_compact(char *text, size_t len)
{
    size_t out = 0;
    int in_string = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                text[out++] = text[i++]; /* the escaped byte is copied below */
            else if (c == '"')
                in_string = 0;
        } else if (is_ws(c)) {
            continue;
        } else if (c == '"') {
            in_string = 1;
        }
        text[out++] = text[i];
    }
    return out;
}
