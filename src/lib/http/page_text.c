/*
 * Pages read as text (page_text.h): one pass over the body that checks all of it, keeps
 * where each item is, and parses only what the paging engine reads.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json_scan.h"
#include "page_text.h"
#include "response.h"

enum { OK = 0, BAD = 1 }; /* BAD: not JSON, left to the ordinary parse; or SPOTC_ENOMEM */

typedef struct walk {
    spotc__jscan s;
    char *body; /* the same bytes as s, writable: items are compacted in place */
    const char *page_key;
    spotc__page_text *t;
    int build; /* make the page's document */
} walk;

/* @return 1 when the key (its text, quotes included) is `name`. */
static int key_is(const char *k, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (!memchr(k, '\\', len))
        return len == n + 2 && memcmp(k + 1, name, n) == 0;
    json_t *v = json_loadb(k, len, JSON_DECODE_ANY, NULL);
    int is = json_is_string(v) && strcmp(json_string_value(v), name) == 0;
    json_decref(v);
    return is;
}

/* The document of a value already checked: [start, s.p). */
static int parsed(walk *w, const char *start, json_t **out)
{
    *out = NULL;
    if (!w->build)
        return OK;
    *out = json_loadb(start, (size_t)(w->s.p - start), JSON_DECODE_ANY, NULL);
    return *out ? OK : SPOTC_ENOMEM; /* checked text fails to parse only for want of memory */
}

/* After a member or element: a comma (1: another follows) or the closing bracket (0). */
static int next_or_close(walk *w, char close)
{
    spotc__jscan_ws(&w->s);
    if (w->s.p == w->s.end)
        return -1;
    char c = *w->s.p++;
    spotc__jscan_ws(&w->s);
    return c == ',' ? 1 : c == close ? 0 : -1;
}

static int add_text(spotc__page_text *t, const char *p, size_t len)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        spotc_json_text *v = realloc(t->items, cap * sizeof *v);
        if (!v)
            return SPOTC_ENOMEM;
        t->items = v;
        t->cap = cap;
    }
    t->items[t->n++] = (spotc_json_text){p, len};
    return OK;
}

/* One item at s.p: kept as compact text; in the document an empty object stands in for an
 * object (any other value is parsed, for the engine to refuse). */
static int item(walk *w, int depth, json_t *array)
{
    const char *start = w->s.p;
    size_t ws = w->s.ws;
    if (spotc__jscan_value(&w->s, depth) < 0)
        return BAD;
    size_t len = (size_t)(w->s.p - start);
    if (w->s.ws != ws)
        len = spotc__json_compact(w->body + (start - w->body), len);
    if (add_text(w->t, start, len) != OK)
        return SPOTC_ENOMEM;
    if (!array)
        return OK;
    json_t *v;
    if (*start == '{')
        v = json_object();
    else if (parsed(w, start, &v) != OK)
        return SPOTC_ENOMEM;
    return v && json_array_append_new(array, v) == 0 ? OK : SPOTC_ENOMEM;
}

/* The items array at s.p ('['), at `depth`. */
static int items(walk *w, int depth, json_t **out)
{
    w->t->n = 0;
    *out = w->build ? json_array() : NULL;
    if (w->build && !*out)
        return SPOTC_ENOMEM;
    w->s.p++;
    spotc__jscan_ws(&w->s);
    if (w->s.p < w->s.end && *w->s.p == ']') {
        w->s.p++;
        return OK;
    }
    int more = 1, rc = OK;
    while (rc == OK && more == 1) {
        rc = item(w, depth + 1, *out);
        if (rc == OK && (more = next_or_close(w, ']')) < 0)
            rc = BAD;
    }
    return rc;
}

static int object(walk *w, int depth, int is_page, json_t **out);

/* One member's value at s.p, whose key is [k, k + klen). */
static int member(walk *w, int depth, int is_page, const char *k, size_t klen, json_t **v)
{
    char c = *w->s.p;
    if (is_page && c == '[' && key_is(k, klen, "items"))
        return items(w, depth, v);
    if (!is_page && c == '{' && key_is(k, klen, w->page_key))
        return object(w, depth, 1, v);
    const char *start = w->s.p;
    if (spotc__jscan_value(&w->s, depth) < 0)
        return BAD;
    return parsed(w, start, v);
}

/* Set key (its text, quotes included) to v (taken) in obj. */
static int set(json_t *obj, const char *k, size_t klen, json_t *v)
{
    if (!memchr(k, '\\', klen))
        return json_object_setn_new(obj, k + 1, klen - 2, v) == 0 ? OK : SPOTC_ENOMEM;
    json_t *key = json_loadb(k, klen, JSON_DECODE_ANY, NULL);
    if (!key)
        json_decref(v);
    int rc =
        key && json_object_setn_new(obj, json_string_value(key), json_string_length(key), v) == 0
            ? OK
            : SPOTC_ENOMEM;
    json_decref(key);
    return rc;
}

/* The object at s.p ('{'), at `depth`: the paging object when is_page, else the document
 * with the paging object under page_key. */
static int object(walk *w, int depth, int is_page, json_t **out)
{
    *out = w->build ? json_object() : NULL;
    if (w->build && !*out)
        return SPOTC_ENOMEM;
    w->s.p++;
    spotc__jscan_ws(&w->s);
    if (w->s.p < w->s.end && *w->s.p == '}') {
        w->s.p++;
        return OK;
    }
    int more = 1, rc = OK;
    while (rc == OK && more == 1) {
        const char *k = w->s.p;
        if (k == w->s.end || *k != '"' || spotc__jscan_string(&w->s) < 0)
            return BAD;
        size_t klen = (size_t)(w->s.p - k);
        if (spotc__jscan_expect(&w->s, ':') < 0 || w->s.p == w->s.end)
            return BAD;
        json_t *v = NULL;
        rc = member(w, depth + 1, is_page, k, klen, &v);
        if (rc == OK && w->build)
            rc = set(*out, k, klen, v);
        else
            json_decref(v);
        if (rc == OK && (more = next_or_close(w, '}')) < 0)
            rc = BAD;
    }
    return rc;
}

int spotc__page_text_scan(spotc_response *r, const char *page_key, spotc__page_text *t)
{
    t->ok = 0;
    t->n = 0;
    if (!r || !r->body.p)
        return 0;
    walk w = {{r->body.p, r->body.p + r->body.len, 0}, r->body.p, page_key, t, !r->json_tried};
    json_t *doc = NULL;
    spotc__jscan_ws(&w.s);
    int rc = w.s.p < w.s.end && *w.s.p == '{' ? object(&w, 1, !page_key[0], &doc) : BAD;
    spotc__jscan_ws(&w.s);
    if (rc == OK && w.s.p != w.s.end)
        rc = BAD;
    if (rc != OK) {
        json_decref(doc);
        t->n = 0;
        return rc == BAD ? 0 : rc;
    }
    if (w.build) {
        r->json = doc;
        r->json_tried = 1;
    }
    t->ok = 1;
    return 0;
}

void spotc__page_text_free(spotc__page_text *t)
{
    free(t->items);
    memset(t, 0, sizeof *t);
}
