/* Reading values out of checked JSON text (json_text.h). */
#include <stdlib.h>
#include <string.h>

#include "json_text.h"

static const spotc_json_text absent = {NULL, 0};

static const char *ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/* Past the string that starts at p (its opening quote): the first quote after it that an
 * even number of backslashes precede. */
static const char *skip_string(const char *p, const char *end)
{
    for (p++; p < end;) {
        const char *q = memchr(p, '"', (size_t)(end - p));
        if (!q)
            return end;
        const char *b = q;
        while (b > p && b[-1] == '\\')
            b--;
        if ((q - b) % 2 == 0)
            return q + 1;
        p = q + 1;
    }
    return end;
}

/* Past the value that starts at p. */
static const char *skip_value(const char *p, const char *end)
{
    if (p < end && *p == '"')
        return skip_string(p, end);
    if (p < end && (*p == '{' || *p == '[')) {
        size_t depth = 0;
        while (p < end) {
            char c = *p;
            if (c == '"') {
                p = skip_string(p, end);
                continue;
            }
            p++;
            if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                break;
        }
        return p;
    }
    while (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\t' &&
           *p != '\r' && *p != '\n')
        p++;
    return p;
}

int jtext_is_object(spotc_json_text v)
{
    return v.len > 0 && v.p[0] == '{';
}

/* The next member of an object at *p (after '{' or a comma): its key (quotes included)
 * and value. @return 1, or 0 at the end. */
static int next_member(const char **p, const char *end, spotc_json_text *key, spotc_json_text *v)
{
    const char *q = ws(*p, end);
    if (q < end && *q == ',')
        q = ws(q + 1, end);
    if (q >= end || *q != '"')
        return 0;
    const char *k = q;
    q = ws(skip_string(q, end), end);
    if (q >= end || *q != ':')
        return 0;
    q = ws(q + 1, end);
    const char *after = skip_value(q, end);
    *key = (spotc_json_text){k, (size_t)(skip_string(k, end) - k)};
    *v = (spotc_json_text){q, (size_t)(after - q)};
    *p = after;
    return 1;
}

static int key_is(spotc_json_text k, const char *name, size_t n)
{
    if (!memchr(k.p, '\\', k.len))
        return k.len == n + 2 && memcmp(k.p + 1, name, n) == 0;
    char *s = NULL;
    int is = jtext_string(k, &s) == 0 && s && strcmp(s, name) == 0;
    free(s);
    return is;
}

spotc_json_text jtext_get(spotc_json_text o, const char *key)
{
    spotc_json_text found = absent, k, v;
    if (!jtext_is_object(o))
        return absent;
    size_t n = strlen(key);
    const char *p = o.p + 1, *end = o.p + o.len;
    while (next_member(&p, end, &k, &v))
        if (key_is(k, key, n))
            found = v;
    return found;
}

void jtext_index(jtext_object *index, spotc_json_text o)
{
    index->text = o;
    index->n = 0;
    index->more = 0;
    if (!jtext_is_object(o))
        return;
    spotc_json_text k, v;
    const char *p = o.p + 1, *end = o.p + o.len;
    while (next_member(&p, end, &k, &v)) {
        if (index->n == JTEXT_MEMBERS) {
            index->more = 1;
            return;
        }
        index->key[index->n] = k;
        index->value[index->n++] = v;
    }
}

spotc_json_text jtext_field(const jtext_object *index, const char *key)
{
    if (index->more)
        return jtext_get(index->text, key);
    size_t n = strlen(key);
    for (size_t i = index->n; i-- > 0;)
        if (key_is(index->key[i], key, n))
            return index->value[i];
    return absent;
}

int jtext_next(spotc_json_text array, size_t *at, spotc_json_text *elem)
{
    if (array.len == 0 || array.p[0] != '[')
        return 0;
    const char *end = array.p + array.len;
    const char *p = ws(array.p + (*at ? *at : 1), end);
    if (p < end && *p == ',')
        p = ws(p + 1, end);
    if (p >= end || *p == ']')
        return 0;
    const char *after = skip_value(p, end);
    *elem = (spotc_json_text){p, (size_t)(after - p)};
    *at = (size_t)(after - array.p);
    return 1;
}

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v << 4 | (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static char *put_utf8(char *o, unsigned c)
{
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | c >> 6);
        *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | c >> 12);
        *o++ = (char)(0x80 | (c >> 6 & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xF0 | c >> 18);
        *o++ = (char)(0x80 | (c >> 12 & 0x3F));
        *o++ = (char)(0x80 | (c >> 6 & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    return o;
}

/* One escape at p (after the backslash, inside [p, end)) written at o.
 * @return past the escape; *o moved past what was written. */
static const char *unescape(const char *p, const char *end, char **o)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *at = p < end ? strchr(from, *p) : NULL;
    if (at && *p) {
        *(*o)++ = to[at - from];
        return p + 1;
    }
    if (p >= end || *p != 'u' || end - p < 5)
        return end;
    unsigned c = hex4(p + 1);
    p += 5;
    if (c >= 0xD800 && c <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
        c = 0x10000 + ((c - 0xD800) << 10) + (hex4(p + 2) - 0xDC00);
        p += 6;
    }
    *o = put_utf8(*o, c);
    return p;
}

int jtext_string(spotc_json_text v, char **out)
{
    *out = NULL;
    if (v.len < 2 || v.p[0] != '"')
        return 0;
    const char *p = v.p + 1, *end = v.p + v.len - 1;
    /* An escape never takes more bytes unescaped than escaped (\uXXXX: 6 for at most 3,
     * a pair 12 for 4). */
    char *s = malloc((size_t)(end - p) + 1), *o = s;
    if (!s)
        return -1;
    while (p < end) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        size_t plain = (size_t)((bs ? bs : end) - p);
        memcpy(o, p, plain);
        o += plain;
        p += plain;
        if (bs)
            p = unescape(bs + 1, end, &o);
    }
    *o = 0;
    *out = s;
    return 0;
}

int jtext_scalar(spotc_json_text v, char **out)
{
    *out = NULL;
    if (v.len && v.p[0] == '"')
        return jtext_string(v, out);
    const char *text = "";
    size_t len = 0;
    char c = v.len ? v.p[0] : 0;
    int boolean = c == 't' || c == 'f';
    int integer = (c == '-' || (c >= '0' && c <= '9')) && !memchr(v.p, '.', v.len) &&
                  !memchr(v.p, 'e', v.len) && !memchr(v.p, 'E', v.len);
    if (boolean || integer) {
        text = v.p;
        len = v.len;
        if (len == 2 && memcmp(text, "-0", 2) == 0) /* an integer reads as 0 */
            text = "0", len = 1;
    }
    if (!(*out = malloc(len + 1)))
        return -1;
    memcpy(*out, text, len);
    (*out)[len] = 0;
    return 0;
}
