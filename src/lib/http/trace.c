/*
 * Redaction of secrets in traces, and the splitting of traced data into lines.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "trace.h"

/* Names whose values are secrets, in form bodies and JSON members alike. */
static const char *const secret_names[] = {
    "access_token",  "refresh_token", "client_secret", "code",
    "code_verifier", "id_token",      "password",      "client_assertion",
};

static int is_secret_name(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof secret_names / sizeof *secret_names; i++)
        if (strlen(secret_names[i]) == len && memcmp(secret_names[i], s, len) == 0)
            return 1;
    return 0;
}

/* Headers whose whole value is a secret; for the first two the scheme word
 * (Bearer, Basic) is kept as it tells what was sent without giving it away. */
static const char *const secret_headers[] = {"authorization", "proxy-authorization", "cookie",
                                             "set-cookie"};

char *spotc__redact_header(const char *line)
{
    spotc__buf b = SPOTC__BUF_INIT;
    const char *colon = strchr(line, ':');
    size_t nlen = colon ? (size_t)(colon - line) : 0;
    int secret = 0;
    for (size_t i = 0; colon && i < sizeof secret_headers / sizeof *secret_headers; i++)
        if (strlen(secret_headers[i]) == nlen && strncasecmp(secret_headers[i], line, nlen) == 0)
            secret = 1 + (i < 2);
    if (!secret) {
        spotc__buf_puts(&b, line);
        return spotc__buf_take(&b);
    }
    spotc__buf_add(&b, line, nlen + 1);
    const char *v = colon + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t scheme = strcspn(v, " \t");
    if (secret == 2 && v[scheme] != '\0')
        spotc__buf_printf(&b, " %.*s ***", (int)scheme, v);
    else
        spotc__buf_puts(&b, " ***");
    return spotc__buf_take(&b);
}

/* Index just past the JSON string that opens at s[i] (or len when unclosed). */
static size_t string_end(const char *s, size_t len, size_t i)
{
    for (size_t p = i + 1; p < len; p++) {
        if (s[p] == '\\')
            p++;
        else if (s[p] == '"')
            return p + 1;
    }
    return len;
}

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

/* Replace the string value of every secret member: "access_token": "***". The
 * scan only follows string boundaries, so it is safe on text that is not JSON. */
static void redact_json(spotc__buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] != '"') {
            spotc__buf_putc(b, s[i++]);
            continue;
        }
        size_t end = string_end(s, len, i);
        spotc__buf_add(b, s + i, end - i);
        size_t inner = end - i >= 2 ? end - i - 2 : 0;
        i = end;
        if (!is_secret_name(s + end - inner - 1, inner))
            continue;
        size_t k = skip_ws(s, len, i);
        if (k >= len || s[k] != ':')
            continue;
        size_t v = skip_ws(s, len, k + 1);
        if (v >= len || s[v] != '"')
            continue;
        spotc__buf_add(b, s + i, v - i);
        spotc__buf_puts(b, "\"***\"");
        i = string_end(s, len, v);
    }
}

/* key=value&key=value: replace the values of secret keys. */
static void redact_form(spotc__buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *amp = memchr(s + i, '&', len - i);
        size_t seg = amp ? (size_t)(amp - (s + i)) : len - i;
        const char *eq = memchr(s + i, '=', seg);
        if (eq && is_secret_name(s + i, (size_t)(eq - (s + i)))) {
            spotc__buf_add(b, s + i, (size_t)(eq - (s + i)) + 1);
            spotc__buf_puts(b, "***");
        } else {
            spotc__buf_add(b, s + i, seg);
        }
        i += seg;
        if (amp) {
            spotc__buf_putc(b, '&');
            i++;
        }
    }
}

char *spotc__redact_body(const char *body, size_t len)
{
    spotc__buf b = SPOTC__BUF_INIT;
    size_t first = skip_ws(body, len, 0);
    if (first < len && (body[first] == '{' || body[first] == '['))
        redact_json(&b, body, len);
    else
        redact_form(&b, body, len);
    return spotc__buf_take(&b);
}

/* Emit one line: prefix, then the text with control characters shown as '.'
 * (a hostile server must not drive the user's terminal). */
static void emit(spotc_trace_cb cb, void *payload, const char *prefix, const char *s, size_t n)
{
    spotc__buf b = SPOTC__BUF_INIT;
    spotc__buf_puts(&b, prefix);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        spotc__buf_putc(&b, (ch < 0x20 && ch != '\t') || ch == 0x7f ? '.' : (char)ch);
    }
    if (!b.oom)
        cb(spotc__buf_str(&b), payload);
    spotc__buf_free(&b);
}

static void emit_lines(spotc_trace_cb cb, void *payload, const char *prefix, const char *s,
                       size_t len, int headers)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
        size_t shown = n;
        while (shown && s[i + shown - 1] == '\r')
            shown--;
        if (shown && headers) {
            char *line = strndup(s + i, shown);
            char *red = line ? spotc__redact_header(line) : NULL;
            if (red)
                emit(cb, payload, prefix, red, strlen(red));
            free(line);
            free(red);
        } else if (shown) {
            emit(cb, payload, prefix, s + i, shown);
        }
        i += n + (nl ? 1 : 0);
    }
}

void spotc__trace_block(spotc_trace_cb cb, void *payload, const char *prefix, const char *data,
                        size_t len, spotc__trace_kind kind)
{
    if (!cb || !data || !len)
        return;
    if (kind != SPOTC__TRACE_BODY) {
        emit_lines(cb, payload, prefix, data, len, kind == SPOTC__TRACE_HEADER);
        return;
    }
    char *red = spotc__redact_body(data, len);
    if (!red)
        return;
    size_t n = strlen(red);
    if (n > SPOTC__TRACE_BODY_MAX) {
        emit_lines(cb, payload, prefix, red, SPOTC__TRACE_BODY_MAX, 0);
        spotc__buf note = SPOTC__BUF_INIT;
        spotc__buf_printf(&note, "[... %zu more bytes]", n - SPOTC__TRACE_BODY_MAX);
        if (!note.oom)
            emit(cb, payload, prefix, note.p, note.len);
        spotc__buf_free(&note);
    } else {
        emit_lines(cb, payload, prefix, red, n, 0);
    }
    free(red);
}
