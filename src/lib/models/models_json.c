/*
 * The arena that owns a model, and lenient accessors over jansson values.
 *
 * A model is many small structs and arrays that all die together, so they are
 * bump-allocated from blocks owned by one arena; the root struct carries a
 * hidden pointer to its arena just before it, which is how the public _free()
 * functions find everything from the root alone.
 */
#include <limits.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "models_json.h"

#define ALIGN alignof(max_align_t)
#define ROUND_UP(n) (((n) + ALIGN - 1) / ALIGN * ALIGN)
/* Most models fit in one block; big arrays get a block of their own. */
#define BLOCK_SIZE 4096

typedef struct block {
    struct block *next;
    size_t used, size; /* bytes of data */
} block;

#define BLOCK_HDR ROUND_UP(sizeof(block))
#define ROOT_PREFIX ROUND_UP(sizeof(spotc__arena *))

struct spotc__arena {
    block *head;
    json_t **docs;
    size_t ndocs, capdocs;
};

static unsigned char *block_data(block *b)
{
    return (unsigned char *)b + BLOCK_HDR;
}

static block *block_new(size_t size)
{
    if (size > SIZE_MAX - BLOCK_HDR)
        return NULL;
    block *b = malloc(BLOCK_HDR + size);
    if (b) {
        b->next = NULL;
        b->used = 0;
        b->size = size;
    }
    return b;
}

void *spotc__arena_calloc(spotc__arena *a, size_t n, size_t size)
{
    if (!a || (size && n > (SIZE_MAX - ALIGN) / size))
        return NULL;
    size_t bytes = ROUND_UP(n * size);
    if (bytes == 0)
        bytes = ALIGN;
    block *b = a->head;
    if (!b || b->size - b->used < bytes) {
        if (bytes > BLOCK_SIZE / 4) {
            /* A dedicated block, linked behind the head so the head keeps its free space. */
            block *big = block_new(bytes);
            if (!big)
                return NULL;
            big->used = bytes;
            if (a->head) {
                big->next = a->head->next;
                a->head->next = big;
            } else {
                a->head = big;
            }
            return memset(block_data(big), 0, bytes);
        }
        if (!(b = block_new(BLOCK_SIZE)))
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    void *p = block_data(b) + b->used;
    b->used += bytes;
    return memset(p, 0, bytes);
}

int spotc__arena_keep(spotc__arena *a, json_t *doc)
{
    if (!doc)
        return 0;
    if (a->ndocs == a->capdocs) {
        size_t cap = a->capdocs ? a->capdocs * 2 : 4;
        json_t **docs = realloc(a->docs, cap * sizeof *docs);
        if (!docs)
            return SPOTC_ENOMEM;
        a->docs = docs;
        a->capdocs = cap;
    }
    a->docs[a->ndocs++] = json_incref(doc);
    return 0;
}

/* Capacity of an array grown only by spotc__arena_grow(): a power of two >= 4. */
static size_t capacity_for(size_t count)
{
    size_t cap = 4;
    while (cap < count) {
        if (cap > SIZE_MAX / 2)
            return 0;
        cap *= 2;
    }
    return cap;
}

void *spotc__arena_grow(spotc__arena *a, void *array, size_t count, size_t add, size_t size)
{
    if (add > SIZE_MAX - count)
        return NULL;
    size_t have = count ? capacity_for(count) : 0;
    size_t want = capacity_for(count + add);
    if (array && want && want <= have)
        return array;
    if (!want)
        return NULL;
    void *grown = spotc__arena_calloc(a, want, size);
    if (grown && count)
        memcpy(grown, array, count * size);
    return grown;
}

void *spotc__model_new(size_t size, json_t *doc)
{
    if (size > SIZE_MAX - ROOT_PREFIX)
        return NULL;
    spotc__arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    unsigned char *p = spotc__arena_calloc(a, 1, ROOT_PREFIX + size);
    if (!p) {
        free(a);
        return NULL;
    }
    memcpy(p, &a, sizeof a);
    void *root = p + ROOT_PREFIX;
    if (spotc__arena_keep(a, doc) < 0) {
        spotc__model_free(root);
        return NULL;
    }
    return root;
}

spotc__arena *spotc__model_arena(const void *root)
{
    spotc__arena *a;
    memcpy(&a, (const unsigned char *)root - ROOT_PREFIX, sizeof a);
    return a;
}

int spotc__model_keep(void *root, json_t *doc)
{
    return spotc__arena_keep(spotc__model_arena(root), doc);
}

void spotc__model_free(void *root)
{
    if (!root)
        return;
    spotc__arena *a = spotc__model_arena(root);
    if (!a)
        return;
    for (size_t i = 0; i < a->ndocs; i++)
        json_decref(a->docs[i]);
    free(a->docs);
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

int spotc__json_load(json_t **out, const char *json, size_t len)
{
    *out = NULL;
    if (!json)
        return spotc__error_last_set(SPOTC_EINVALID, "no JSON given");
    if (len > SPOTC__JSON_MAX_BYTES)
        return spotc__error_last_set(SPOTC_EJSON, "the JSON is too large (%zu bytes)", len);
    json_error_t err;
    json_t *root = json_loadb(json, len, 0, &err);
    if (!root)
        return spotc__error_last_set(SPOTC_EJSON, "not JSON: %s at line %d, column %d", err.text,
                                     err.line, err.column);
    if (!json_is_object(root)) {
        json_decref(root);
        return spotc__error_last_set(SPOTC_EJSON, "the JSON is not an object");
    }
    *out = root;
    return 0;
}

json_t *spotc__json_object(const json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_object(v) ? v : NULL;
}

json_t *spotc__json_array(const json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_array(v) ? v : NULL;
}

json_t *spotc__json_path(const json_t *obj, const char *path)
{
    json_t *v = (json_t *)obj;
    while (v && path) {
        const char *dot = strchr(path, '.');
        if (!dot)
            return json_object_get(v, path);
        char key[64];
        size_t n = (size_t)(dot - path);
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        v = json_object_get(v, key);
        path = dot + 1;
    }
    return v;
}

const char *spotc__json_string(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static int int_value(const json_t *v)
{
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        return x < INT_MIN || x > INT_MAX ? -1 : (int)x;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (d >= (double)INT_MIN && d <= (double)INT_MAX)
            return (int)d;
    }
    return -1;
}

int spotc__json_int(const json_t *obj, const char *key)
{
    return int_value(json_object_get(obj, key));
}

bool spotc__json_bool(const json_t *obj, const char *key)
{
    return json_is_true(json_object_get(obj, key));
}

int spotc__json_tristate(const json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_boolean(v) ? json_is_true(v) : -1;
}

int spotc__json_strings(spotc__arena *a, const json_t *array, const char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    size_t n = json_array_size(array);
    if (n == 0)
        return 0;
    const char **v = spotc__arena_calloc(a, n, sizeof *v);
    if (!v)
        return SPOTC_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = json_string_value(json_array_get(array, i));
        if (s)
            v[k++] = s;
    }
    *out = v;
    *count = k;
    return 0;
}

void *spotc__objects_fill(spotc__arena *a, const json_t *array, size_t size, spotc__elem_fn fill,
                          size_t *count, int *rc)
{
    *count = 0;
    *rc = 0;
    size_t n = json_array_size(array);
    if (n == 0)
        return NULL;
    unsigned char *v = spotc__arena_calloc(a, n, size);
    if (!v) {
        *rc = SPOTC_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < n && *rc == 0; i++) {
        const json_t *obj = json_array_get(array, i);
        if (json_is_object(obj))
            *rc = fill(a, v + size * (*count)++, obj);
    }
    return v;
}

static int image_fill(spotc__arena *a, void *elem, const json_t *obj)
{
    (void)a;
    spotc_image *img = elem;
    img->url = spotc__json_string(obj, "url");
    img->width = spotc__json_int(obj, "width");
    img->height = spotc__json_int(obj, "height");
    return 0;
}

int spotc__images_fill(spotc__arena *a, const json_t *array, spotc_image **out, size_t *count)
{
    int rc;
    *out = spotc__objects_fill(a, array, sizeof **out, image_fill, count, &rc);
    return rc;
}

void spotc__page_info_fill(spotc_page_info *info, const json_t *page)
{
    const json_t *cursors = spotc__json_object(page, "cursors");
    info->href = spotc__json_string(page, "href");
    info->next = spotc__json_string(page, "next");
    info->previous = spotc__json_string(page, "previous");
    info->limit = spotc__json_int(page, "limit");
    info->offset = spotc__json_int(page, "offset");
    info->total = spotc__json_int(page, "total");
    info->cursor_after = spotc__json_string(cursors, "after");
    info->cursor_before = spotc__json_string(cursors, "before");
}

void spotc__identity_fill(const json_t *obj, const char **id, const char **name, const char **uri,
                          const char **href, const char **spotify_url)
{
    *id = spotc__json_string(obj, "id");
    *name = spotc__json_string(obj, "name");
    *uri = spotc__json_string(obj, "uri");
    *href = spotc__json_string(obj, "href");
    *spotify_url = json_string_value(spotc__json_path(obj, "external_urls.spotify"));
}

bool spotc__json_has_any(const json_t *obj, const char *const *keys)
{
    for (; *keys; keys++)
        if (json_object_get(obj, *keys))
            return true;
    return false;
}

void *spotc__model_build(int *rc, size_t size, json_t *doc, spotc__fill_fn fill)
{
    void *model = spotc__model_new(size, doc);
    if (!model) {
        *rc = SPOTC_ENOMEM;
        return NULL;
    }
    *rc = fill(spotc__model_arena(model), model, doc);
    if (*rc < 0) {
        spotc__model_free(model);
        return NULL;
    }
    return model;
}

void *spotc__model_parse(int *rc, size_t size, const char *json, size_t len, spotc__fill_fn fill)
{
    json_t *doc;
    *rc = spotc__json_load(&doc, json, len);
    if (*rc < 0)
        return NULL;
    void *model = spotc__model_build(rc, size, doc, fill);
    json_decref(doc);
    if (*rc < 0)
        spotc__error_last_set(*rc, "%s", spotc_strerror(*rc));
    return model;
}
