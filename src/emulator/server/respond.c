/* Response helpers shared by every handler: bodies, errors, paging (see router.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"

void emu_reply_json(emu_call *c, int status, jw *w)
{
    size_t len;
    char *body = jw_finish(w, &len);
    if (!body) {
        emu_reply_error(c, 500, "Server error");
        return;
    }
    emu_response_set_body(c->res, status, body, len);
    c->res->content_type = NULL;
}

void emu_reply_empty(emu_call *c, int status)
{
    emu_response_set_body(c->res, status, NULL, 0);
}

void emu_response_error(emu_response *res, int status, const char *message, const char *reason)
{
    jw w;
    jw_init(&w, 128);
    jw_obj(&w);
    jw_kobj(&w, "error");
    jw_kint(&w, "status", status);
    jw_kstr(&w, "message", message);
    if (reason)
        jw_kstr(&w, "reason", reason);
    jw_obj_end(&w);
    jw_obj_end(&w);
    size_t len = 0;
    char *body = jw_finish(&w, &len);
    emu_response_set_body(res, status, body, body ? len : 0);
    res->content_type = NULL;
}

void emu_reply_error(emu_call *c, int status, const char *message)
{
    emu_response_error(c->res, status, message, NULL);
}

void emu_reply_error_reason(emu_call *c, int status, const char *message, const char *reason)
{
    emu_response_error(c->res, status, message, reason);
}

void emu_reply_oauth_error(emu_call *c, int status, const char *error, const char *description)
{
    jw w;
    jw_init(&w, 128);
    jw_obj(&w);
    jw_kstr(&w, "error", error);
    jw_kstr(&w, "error_description", description);
    jw_obj_end(&w);
    emu_reply_json(c, status, &w);
}

/* Strict non-negative decimal; -1 when not one. */
static long parse_count(const char *s)
{
    if (!s || !*s || strlen(s) > 9)
        return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

int emu_paging_params(emu_call *c, int def_limit, int max_limit, long max_offset, int *limit,
                      long *offset)
{
    const char *l = emu_query(c, "limit"), *o = emu_query(c, "offset");
    long lv = l ? parse_count(l) : def_limit;
    if (lv < 1 || lv > max_limit) {
        emu_reply_error(c, 400, "Invalid limit");
        return -1;
    }
    long ov = o ? parse_count(o) : 0;
    if (ov < 0 || (max_offset && ov > max_offset)) {
        emu_reply_error(c, 400, "Invalid offset");
        return -1;
    }
    *limit = (int)lv;
    *offset = ov;
    return 0;
}

void emu_url_encode_append(jw *w, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.' || ch == '~' || ch == ',') {
            jw_str_append(w, s, 1);
        } else {
            char e[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            jw_str_append(w, e, 3);
        }
    }
}

char *emu_query_without_paging(const emu_call *c)
{
    jw w;
    jw_init(&w, 128);
    jw_str_begin(&w);
    int first = 1;
    for (size_t i = 0; i < c->req->query.len; i++) {
        const emu_kv *kv = &c->req->query.items[i];
        if (strcmp(kv->key, "limit") == 0 || strcmp(kv->key, "offset") == 0)
            continue;
        if (!first)
            jw_str_append(&w, "&", 1);
        first = 0;
        emu_url_encode_append(&w, kv->key);
        jw_str_append(&w, "=", 1);
        emu_url_encode_append(&w, kv->value);
    }
    jw_str_end(&w);
    size_t len;
    char *s = jw_finish(&w, &len);
    if (!s)
        return NULL;
    /* Drop the quotes the string writer added. */
    memmove(s, s + 1, len - 2);
    s[len - 2] = 0;
    return s;
}

static void page_link(jw *w, const emu_ctx *ctx, const char *path, const char *extra, long offset,
                      int limit)
{
    jw_strf(w, "%s%s?offset=%ld&limit=%d%s%s", ctx->base, path, offset, limit,
            extra && *extra ? "&" : "", extra ? extra : "");
}

void emu_paging_links(jw *w, const emu_ctx *ctx, const char *path, const char *extra, long offset,
                      int limit, long total)
{
    jw_key(w, "href");
    page_link(w, ctx, path, extra, offset, limit);
    jw_kint(w, "limit", limit);
    jw_key(w, "next");
    if (offset + limit < total)
        page_link(w, ctx, path, extra, offset + limit, limit);
    else
        jw_null(w);
    jw_kint(w, "offset", offset);
    jw_key(w, "previous");
    if (offset > 0)
        page_link(w, ctx, path, extra, offset > limit ? offset - limit : 0, limit);
    else
        jw_null(w);
    jw_kint(w, "total", total);
}
