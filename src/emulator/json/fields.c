/* The `fields` filter: parse the selection, then copy a JSON text through it (fields.h). */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"

#define MAX_DEPTH 16

typedef struct fnode {
    char *name;
    int exclude;
    int all; /* the whole value: no selection inside */
    struct fnode *kids;
    size_t nkids;
} fnode;

struct emu_fields {
    fnode root;
};

static void node_clear(fnode *n)
{
    for (size_t i = 0; i < n->nkids; i++)
        node_clear(&n->kids[i]);
    free(n->kids);
    free(n->name);
    n->kids = NULL;
    n->nkids = 0;
    n->name = NULL;
}

void emu_fields_free(emu_fields *f)
{
    if (!f)
        return;
    node_clear(&f->root);
    free(f);
}

/* Merge @p src (taken) into @p dst, which selects the same key. */
static int merge(fnode *dst, fnode *src);

/* Add @p kid (taken) to @p parent, merging with a kid of the same key. */
static int add_kid(fnode *parent, fnode *kid)
{
    for (size_t i = 0; i < parent->nkids; i++)
        if (parent->kids[i].exclude == kid->exclude && strcmp(parent->kids[i].name, kid->name) == 0)
            return merge(&parent->kids[i], kid);
    fnode *k = realloc(parent->kids, (parent->nkids + 1) * sizeof *k);
    if (!k) {
        node_clear(kid);
        return -2;
    }
    parent->kids = k;
    parent->kids[parent->nkids++] = *kid;
    return 0;
}

static int merge(fnode *dst, fnode *src)
{
    int rc = 0;
    if (dst->all || src->all) {
        node_clear(src);
        for (size_t i = 0; i < dst->nkids; i++)
            node_clear(&dst->kids[i]);
        free(dst->kids);
        dst->kids = NULL;
        dst->nkids = 0;
        dst->all = 1;
        return 0;
    }
    for (size_t i = 0; i < src->nkids; i++) {
        if (rc == 0)
            rc = add_kid(dst, &src->kids[i]); /* takes the kid, or frees it on failure */
        else
            node_clear(&src->kids[i]);
    }
    free(src->kids);
    free(src->name);
    return rc;
}

typedef struct parser {
    const char *p;
    int depth;
} parser;

static int parse_list(parser *ps, fnode *parent);

/* item := '!'? name ( '.' item | '(' list ')' )? */
static int parse_item(parser *ps, fnode *parent)
{
    fnode n = {0};
    if (*ps->p == '!') {
        n.exclude = 1;
        ps->p++;
    }
    size_t len = strcspn(ps->p, ",().!");
    if (len == 0)
        return -1;
    n.name = strndup(ps->p, len);
    if (!n.name)
        return -2;
    ps->p += len;
    int rc = 0;
    if (++ps->depth > MAX_DEPTH) {
        rc = -1;
    } else if (*ps->p == '.') {
        ps->p++;
        rc = parse_item(ps, &n);
    } else if (*ps->p == '(') {
        ps->p++;
        rc = parse_list(ps, &n);
        if (rc == 0 && *ps->p++ != ')')
            rc = -1;
    } else {
        n.all = 1;
    }
    ps->depth--;
    if (rc == 0 && n.exclude)
        n.all = 1; /* an excluded key goes whole */
    if (rc != 0) {
        node_clear(&n);
        return rc;
    }
    return add_kid(parent, &n);
}

static int parse_list(parser *ps, fnode *parent)
{
    for (;;) {
        int rc = parse_item(ps, parent);
        if (rc != 0)
            return rc;
        if (*ps->p != ',')
            return 0;
        ps->p++;
    }
}

int emu_fields_parse(const char *spec, emu_fields **out)
{
    *out = NULL;
    emu_fields *f = calloc(1, sizeof *f);
    if (!f)
        return -2;
    parser ps = {spec, 0};
    int rc = parse_list(&ps, &f->root);
    if (rc == 0 && *ps.p != 0)
        rc = -1;
    if (rc != 0) {
        emu_fields_free(f);
        return rc;
    }
    *out = f;
    return 0;
}

/* ---- applying: a small scanner over well-formed JSON ---- */

typedef struct scan {
    const char *p, *end;
} scan;

static void ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\t' || *s->p == '\r'))
        s->p++;
}

/* Skip a string starting at '"'; 0 or -1. */
static int skip_string(scan *s)
{
    if (s->p >= s->end || *s->p != '"')
        return -1;
    s->p++;
    /* memchr, not a byte at a time: the filter skips every string of a page. */
    for (;;) {
        const char *quote = memchr(s->p, '"', (size_t)(s->end - s->p));
        if (!quote)
            return -1;
        const char *esc = memchr(s->p, '\\', (size_t)(quote - s->p));
        if (!esc) {
            s->p = quote + 1;
            return 0;
        }
        if (esc + 1 >= s->end)
            return -1;
        s->p = esc + 2; /* past the escape and the byte it escapes (maybe that quote) */
    }
}

/* Skip a member's key and its ':'; the key's length (quotes included) in *len; 0 or -1. */
static int skip_key(scan *s, size_t *len)
{
    const char *key = s->p;
    if (skip_string(s) < 0)
        return -1;
    *len = (size_t)(s->p - key);
    ws(s);
    return s->p >= s->end || *s->p++ != ':' ? -1 : 0;
}

/* Enter the container at s->p; 1 when it is empty (and skipped whole), else 0. */
static int open_container(scan *s, char close)
{
    s->p++;
    ws(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return 1;
    }
    return 0;
}

/* After a member: 1 at the container's end (skipped), 0 after a ',', -1 on anything else. */
static int next_member(scan *s, char close)
{
    ws(s);
    if (s->p >= s->end)
        return -1;
    if (*s->p == close) {
        s->p++;
        return 1;
    }
    return *s->p++ == ',' ? 0 : -1;
}

static int skip_value(scan *s, int depth);

static int skip_container(scan *s, char close, int depth)
{
    if (open_container(s, close))
        return 0;
    int rc;
    do {
        size_t klen;
        if ((close == '}' && skip_key(s, &klen) < 0) || skip_value(s, depth + 1) < 0)
            return -1;
        rc = next_member(s, close);
    } while (rc == 0);
    return rc < 0 ? -1 : 0;
}

static int skip_value(scan *s, int depth)
{
    ws(s);
    if (s->p >= s->end || depth > 64)
        return -1;
    switch (*s->p) {
    case '"':
        return skip_string(s);
    case '{':
        return skip_container(s, '}', depth);
    case '[':
        return skip_container(s, ']', depth);
    default: {
        const char *start = s->p;
        while (s->p < s->end && strchr("+-.0123456789eEtrufalsn", *s->p))
            s->p++;
        return s->p > start ? 0 : -1;
    }
    }
}

static const fnode *kid_named(const fnode *n, const char *key, size_t len)
{
    for (size_t i = 0; i < n->nkids; i++)
        if (strlen(n->kids[i].name) == len && memcmp(n->kids[i].name, key, len) == 0)
            return &n->kids[i];
    return NULL;
}

static int has_includes(const fnode *n)
{
    for (size_t i = 0; i < n->nkids; i++)
        if (!n->kids[i].exclude)
            return 1;
    return 0;
}

static int filter_value(scan *s, const fnode *n, emu_text *o, int depth);

static int filter_object(scan *s, const fnode *n, emu_text *o, int depth)
{
    int includes = has_includes(n), first = 1, rc;
    emu_text_put(o, "{", 1);
    if (open_container(s, '}')) {
        emu_text_put(o, "}", 1);
        return 0;
    }
    do {
        ws(s);
        const char *key = s->p;
        size_t klen;
        if (skip_key(s, &klen) < 0)
            return -1;
        const fnode *k = kid_named(n, key + 1, klen - 2);
        int keep = includes ? k && !k->exclude : !(k && k->exclude);
        ws(s);
        if (keep) {
            if (!first)
                emu_text_put(o, ",", 1);
            first = 0;
            emu_text_put(o, key, klen);
            emu_text_put(o, ":", 1);
        }
        if (!keep)
            rc = skip_value(s, depth + 1);
        else if (k && !k->all)
            rc = filter_value(s, k, o, depth + 1);
        else
            rc = filter_value(s, NULL, o, depth + 1);
        if (rc < 0)
            return -1;
        rc = next_member(s, '}');
    } while (rc == 0);
    if (rc < 0)
        return -1;
    emu_text_put(o, "}", 1);
    return 0;
}

static int filter_array(scan *s, const fnode *n, emu_text *o, int depth)
{
    int rc, first = 1;
    emu_text_put(o, "[", 1);
    if (open_container(s, ']')) {
        emu_text_put(o, "]", 1);
        return 0;
    }
    do {
        if (!first)
            emu_text_put(o, ",", 1);
        first = 0;
        if (filter_value(s, n, o, depth + 1) < 0)
            return -1;
        rc = next_member(s, ']');
    } while (rc == 0);
    if (rc < 0)
        return -1;
    emu_text_put(o, "]", 1);
    return 0;
}

/* Copy one value, through the selection @p n (NULL: the whole value). */
static int filter_value(scan *s, const fnode *n, emu_text *o, int depth)
{
    ws(s);
    if (s->p >= s->end || depth > 64)
        return -1;
    if (n && *s->p == '{')
        return filter_object(s, n, o, depth);
    if (n && *s->p == '[')
        return filter_array(s, n, o, depth);
    const char *start = s->p;
    if (skip_value(s, depth) < 0)
        return -1;
    emu_text_put(o, start, (size_t)(s->p - start));
    return 0;
}

char *emu_fields_apply(const emu_fields *f, const char *json, size_t len, size_t *outlen)
{
    scan s = {json, json + len};
    emu_text o = {0};
    int rc = filter_value(&s, &f->root, &o, 0);
    ws(&s);
    if (rc < 0 || o.err || s.p != s.end) {
        free(o.buf);
        return NULL;
    }
    *outlen = o.len;
    return o.buf;
}
