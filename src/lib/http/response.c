/*
 * spotc_response: status, headers and body of a received response.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json_load.h"
#include "response.h"
#include "retry.h"

spotc_response *spotc__response_new(void)
{
    return calloc(1, sizeof(spotc_response));
}

static void drop_headers(spotc_response *r)
{
    for (size_t i = 0; i < r->nheaders; i++) {
        free(r->headers[i].name);
        free(r->headers[i].value);
    }
    r->nheaders = 0;
}

void spotc__response_reset(spotc_response *r)
{
    drop_headers(r);
    spotc__buf_free(&r->body);
    json_decref(r->json);
    r->json = NULL;
    r->json_tried = 0;
    r->json_oom = 0;
    r->oom = 0;
    r->status = 0;
}

static size_t trim_end(const char *s, size_t len)
{
    while (len &&
           (s[len - 1] == '\r' || s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return len;
}

static int add_header(spotc_response *r, const char *name, size_t nlen, const char *value,
                      size_t vlen)
{
    if (r->nheaders == r->capheaders) {
        size_t cap = r->capheaders ? r->capheaders * 2 : 16;
        spotc__header *h = realloc(r->headers, cap * sizeof *h);
        if (!h)
            return SPOTC_ENOMEM;
        r->headers = h;
        r->capheaders = cap;
    }
    char *n = strndup(name, nlen), *v = strndup(value, vlen);
    if (!n || !v) {
        free(n);
        free(v);
        return SPOTC_ENOMEM;
    }
    r->headers[r->nheaders].name = n;
    r->headers[r->nheaders].value = v;
    r->nheaders++;
    return 0;
}

int spotc__response_header_line(spotc_response *r, const char *line, size_t len)
{
    len = trim_end(line, len);
    if (len == 0)
        return 0;
    if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        drop_headers(r);
        return 0;
    }
    const char *colon = memchr(line, ':', len);
    if (!colon || colon == line)
        return 0; /* not a header; ignore rather than fail on a sloppy server */
    const char *v = colon + 1;
    const char *end = line + len;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    return add_header(r, line, (size_t)(colon - line), v, (size_t)(end - v));
}

int spotc__response_retry_after(const spotc_response *r)
{
    const char *v = spotc_response_get_header(r, "Retry-After");
    return v ? spotc__retry_after_parse(v, 0) : -1;
}

int spotc_response_get_status(const spotc_response *resp)
{
    return resp ? resp->status : 0;
}

const char *spotc_response_get_body(const spotc_response *resp, size_t *len)
{
    if (len)
        *len = resp ? resp->body.len : 0;
    return resp ? spotc__buf_str(&resp->body) : "";
}

json_t *spotc_response_get_json(spotc_response *resp)
{
    if (!resp)
        return NULL;
    if (!resp->json_tried) {
        resp->json_tried = 1;
        json_error_t err;
        int rc = resp->body.len ? spotc__json_loadb(&resp->json, resp->body.p, resp->body.len,
                                                    JSON_DECODE_ANY, &err)
                                : 0;
        resp->json_oom = rc == SPOTC_ENOMEM;
        resp->json_line = rc ? err.line : 0;
        resp->json_column = rc ? err.column : 0;
    }
    return resp->json;
}

int spotc__response_json_required(spotc_client *client, spotc_response *resp, json_t **out)
{
    *out = spotc_response_get_json(resp);
    if (*out)
        return 0;
    if (!resp || resp->body.len == 0)
        return spotc__error_set(client, SPOTC_EJSON,
                                "Spotify sent an empty body where JSON was "
                                "expected");
    if (resp->json_oom)
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory parsing the response");
    /* The parser's text is left out: it quotes the body, which may hold a token. */
    return spotc__error_set(client, SPOTC_EJSON,
                            "Spotify sent a body that is not valid JSON (line %d, column %d)",
                            resp->json_line, resp->json_column);
}

const char *spotc_response_get_header(const spotc_response *resp, const char *name)
{
    if (!resp || !name)
        return NULL;
    for (size_t i = resp->nheaders; i-- > 0;)
        if (strcasecmp(resp->headers[i].name, name) == 0)
            return resp->headers[i].value;
    return NULL;
}

void spotc_response_free(spotc_response *resp)
{
    if (!resp)
        return;
    spotc__response_reset(resp);
    free(resp->headers);
    free(resp);
}
