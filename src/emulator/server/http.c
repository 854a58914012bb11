/* Request/response structs, percent-decoding and a raw HTTP/1.x parser (see http.h). */
#include "http.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grow.h"

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

/* Fill @p kv with copies of both strings; all or nothing. */
static int set_pair(emu_kv *kv, const char *key, size_t klen, const char *value, size_t vlen)
{
    char *k = dupn(key, klen);
    char *v = dupn(value, vlen);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    kv->key = k;
    kv->value = v;
    return 0;
}

int emu_kvlist_addn(emu_kvlist *l, const char *key, size_t klen, const char *value, size_t vlen)
{
    if (emu_grow((void **)&l->items, &l->cap, l->len + 1, sizeof *l->items) < 0)
        return -1;
    if (set_pair(&l->items[l->len], key, klen, value ? value : "", value ? vlen : 0) < 0)
        return -1;
    l->len++;
    return 0;
}

int emu_kvlist_add(emu_kvlist *l, const char *key, const char *value)
{
    return emu_kvlist_addn(l, key, strlen(key), value, value ? strlen(value) : 0);
}

const char *emu_kvlist_get(const emu_kvlist *l, const char *key, int nocase)
{
    for (size_t i = 0; i < l->len; i++) {
        const char *k = l->items[i].key;
        if (nocase ? strcasecmp(k, key) == 0 : strcmp(k, key) == 0)
            return l->items[i].value;
    }
    return NULL;
}

void emu_kvlist_clear(emu_kvlist *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].key);
        free(l->items[i].value);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

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

int emu_percent_decode(char **out, const char *s, size_t len, int plus_is_space)
{
    *out = NULL;
    char *p = malloc(len + 1);
    if (!p)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 1 < len ? hexval(s[i + 1]) : -1;
            int lo = i + 2 < len ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                free(p);
                return -1;
            }
            p[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            p[o++] = ' ';
        } else if (c == 0) {
            free(p);
            return -1;
        } else {
            p[o++] = c;
        }
    }
    p[o] = 0;
    *out = p;
    return 0;
}

int emu_form_parse(emu_kvlist *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && s[end] != '&')
            end++;
        if (end > i) {
            size_t eq = i;
            while (eq < end && s[eq] != '=')
                eq++;
            char *k, *v;
            if (emu_percent_decode(&k, s + i, eq - i, 1) < 0)
                return -1;
            size_t vstart = eq < end ? eq + 1 : end;
            if (emu_percent_decode(&v, s + vstart, end - vstart, 1) < 0) {
                free(k);
                return -1;
            }
            int rc = emu_kvlist_add(out, k, v);
            free(k);
            free(v);
            if (rc < 0)
                return -1;
        }
        i = end + 1;
    }
    return 0;
}

int emu_request_init(emu_request *req, const char *method, const char *raw_path,
                     const char *raw_query)
{
    memset(req, 0, sizeof *req);
    req->method = dupn(method, strlen(method));
    if (!req->method)
        return -1;
    int rc = emu_percent_decode(&req->path, raw_path, strlen(raw_path), 0);
    if (rc < 0) {
        /* Keep the raw path so the 400 can still be routed to its stats line. */
        req->path = dupn(raw_path, strlen(raw_path));
        req->bad_encoding = 1;
        return -1;
    }
    if (raw_query && emu_form_parse(&req->query, raw_query, strlen(raw_query)) < 0) {
        req->bad_encoding = 1;
        return -1;
    }
    return 0;
}

int emu_request_set_body(emu_request *req, const char *body, size_t len)
{
    free(req->body);
    req->body = dupn(body, len);
    req->body_len = req->body ? len : 0;
    return req->body ? 0 : -1;
}

const char *emu_request_header(const emu_request *req, const char *name)
{
    return emu_kvlist_get(&req->headers, name, 1);
}

const char *emu_request_query(const emu_request *req, const char *name)
{
    return emu_kvlist_get(&req->query, name, 0);
}

void emu_request_clear(emu_request *req)
{
    free(req->method);
    free(req->path);
    free(req->body);
    emu_kvlist_clear(&req->query);
    emu_kvlist_clear(&req->headers);
    memset(req, 0, sizeof *req);
}

/* Next line of [*pos, len): returns its length without the line end, or -1 at the end. */
static long next_line(const char *buf, size_t len, size_t *pos, const char **line)
{
    if (*pos >= len)
        return -1;
    const char *start = buf + *pos;
    const char *nl = memchr(start, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - start) : len - *pos;
    *pos += n + (nl ? 1 : 0);
    if (n && start[n - 1] == '\r')
        n--;
    *line = start;
    return (long)n;
}

static int parse_request_line(emu_request *req, const char *line, size_t n)
{
    const char *sp1 = memchr(line, ' ', n);
    if (!sp1 || sp1 == line)
        return -1;
    const char *target = sp1 + 1;
    const char *sp2 = memchr(target, ' ', n - (size_t)(target - line));
    size_t tlen = sp2 ? (size_t)(sp2 - target) : n - (size_t)(target - line);
    if (tlen == 0 || target[0] != '/')
        return -1;
    char *method = dupn(line, (size_t)(sp1 - line));
    char *t = dupn(target, tlen);
    if (!method || !t || strlen(t) != tlen || strlen(method) != (size_t)(sp1 - line)) {
        free(method);
        free(t);
        return -1;
    }
    char *q = strchr(t, '?');
    if (q)
        *q++ = 0;
    int rc = emu_request_init(req, method, t, q);
    free(method);
    free(t);
    if (rc < 0 && !req->bad_encoding)
        return -1;
    return rc < 0 ? 1 : 0;
}

int emu_request_parse_raw(emu_request *req, const char *buf, size_t len)
{
    memset(req, 0, sizeof *req);
    size_t pos = 0;
    const char *line;
    long n = next_line(buf, len, &pos, &line);
    if (n <= 0)
        return -1;
    int status = parse_request_line(req, line, (size_t)n);
    if (status < 0) {
        emu_request_clear(req);
        return -1;
    }
    while ((n = next_line(buf, len, &pos, &line)) > 0) {
        const char *colon = memchr(line, ':', (size_t)n);
        if (!colon || colon == line)
            continue; /* a server would reject it; skipping keeps the harness simple */
        const char *v = colon + 1;
        while (v < line + n && (*v == ' ' || *v == '\t'))
            v++;
        if (emu_kvlist_addn(&req->headers, line, (size_t)(colon - line), v,
                            (size_t)(line + n - v)) < 0) {
            emu_request_clear(req);
            return -1;
        }
    }
    if (emu_request_set_body(req, buf + pos, pos < len ? len - pos : 0) < 0) {
        emu_request_clear(req);
        return -1;
    }
    return status;
}

void emu_response_set_body(emu_response *res, int status, char *body, size_t len)
{
    free(res->body);
    res->status = status;
    res->body = body;
    res->body_len = len;
}

int emu_response_add_header(emu_response *res, const char *name, const char *value)
{
    if (res->nheaders == EMU_MAX_RESPONSE_HEADERS)
        return -1;
    if (set_pair(&res->headers[res->nheaders], name, strlen(name), value, strlen(value)) < 0)
        return -1;
    res->nheaders++;
    return 0;
}

void emu_response_clear(emu_response *res)
{
    free(res->body);
    for (size_t i = 0; i < res->nheaders; i++) {
        free(res->headers[i].key);
        free(res->headers[i].value);
    }
    memset(res, 0, sizeof *res);
}
