/*
 * Lists of any model (model.h, "lists"): one routine finds a response's items,
 * grows the list's array and keeps its page info; the item descriptor says how
 * one item is made. Every list struct has the layout of spotc__list, which
 * SPOTC__LIST_OF_DESC checks at compile time.
 */
#include <string.h>

#include "model.h"

#define P spotc_page_info
static const spotc__field page_fields[] = {
    SPOTC__STRING(P, href, "href"),
    SPOTC__STRING(P, next, "next"),
    SPOTC__STRING(P, previous, "previous"),
    SPOTC__INT(P, limit, "limit"),
    SPOTC__INT(P, offset, "offset"),
    SPOTC__INT(P, total, "total"),
    SPOTC__STRING(P, cursor_after, "cursors.after"),
    SPOTC__STRING(P, cursor_before, "cursors.before"),
};
#undef P
const spotc__model_desc spotc__page_info_desc = {
    "page_info", sizeof(spotc_page_info), SPOTC__NO_JSON, NULL, page_fields,
    SPOTC__COUNT(page_fields), NULL, NULL, NULL};

const json_t *spotc__list_locate(const json_t *root, const char *key, const json_t **page)
{
    *page = NULL;
    const json_t *items = json_object_get(root, "items");
    if (json_is_array(items)) {
        *page = root;
        return items;
    }
    /* A full playlist holds its page under "items" (older ones under "tracks"). */
    const json_t *v = json_is_object(items) ? items : key ? json_object_get(root, key) : NULL;
    if (json_is_array(v))
        return v;
    if (json_is_object(v)) {
        *page = v;
        items = json_object_get(v, "items");
        return json_is_array(items) ? items : NULL;
    }
    return NULL;
}

/* The object an item stands for. A wrapper ({"added_at", "track": {...}}) gives
 * its first wrapped object; a wrapper whose object is null or not an object
 * (a removed track in a playlist) gives NULL; anything else is taken as is. */
static const json_t *unwrap(const json_t *item, const char *const *wrappers)
{
    if (!json_is_object(item))
        return NULL;
    bool wrapped = false;
    for (; wrappers && *wrappers; wrappers++) {
        const json_t *v = json_object_get(item, *wrappers);
        if (json_is_object(v))
            return v;
        wrapped |= v != NULL;
    }
    return wrapped ? NULL : item;
}

static spotc_page_info *page_of(unsigned char *list)
{
    return (spotc_page_info *)(void *)(list + offsetof(spotc__list, page));
}

static size_t *count_of(unsigned char *list)
{
    return (size_t *)(void *)(list + offsetof(spotc__list, count));
}

/* The items array is a `T **`: loaded and stored as bytes, never as `void **`. */
static unsigned char *items_of(unsigned char *list)
{
    unsigned char *items;
    memcpy(&items, list + offsetof(spotc__list, items), sizeof items);
    return items;
}

static void set_items(unsigned char *list, unsigned char *items)
{
    memcpy(list + offsetof(spotc__list, items), &items, sizeof items);
}

/* One item's model, or NULL for an item that stands for nothing. */
static void *list_item(spotc__arena *a, const spotc__model_desc *item, const json_t *obj,
                       int depth, int *rc)
{
    *rc = 0;
    if (!obj)
        return NULL;
    void *m = spotc__arena_calloc(a, 1, item->size);
    if (!m)
        *rc = SPOTC_ENOMEM;
    else
        *rc = spotc__model_fill_at(a, item, m, obj, depth);
    return m;
}

/* Take page info (and json) from the first response; later ones move `next` on. */
static void take_page(spotc__arena *a, const spotc__model_desc *ld, unsigned char *list,
                      const json_t *page, const json_t *root, bool first)
{
    if (!first) {
        page_of(list)->next = json_string_value(json_object_get(page, "next"));
        return;
    }
    spotc__model_fill(a, &spotc__page_info_desc, page_of(list), page);
    const json_t *json = page ? page : root;
    memcpy(list + ld->json_offset, &json, sizeof json);
}

static int list_add_at(spotc__arena *a, const spotc__model_desc *ld, unsigned char *list,
                       const json_t *root, const spotc__list_opts *opts, int depth)
{
    const json_t *page;
    const json_t *array = spotc__list_locate(root, ld->key, &page);
    take_page(a, ld, list, page, root, opts->first);
    size_t n = json_array_size(array), *count = count_of(list);
    if (opts->max && n > opts->max)
        n = opts->max;
    if (n == 0)
        return 0;
    unsigned char *items = spotc__arena_grow(a, items_of(list), *count, n, sizeof(void *));
    if (!items)
        return SPOTC_ENOMEM;
    set_items(list, items);
    for (size_t i = 0; i < n; i++) {
        const json_t *obj = unwrap(json_array_get(array, i), ld->wrappers);
        int rc;
        void *item = list_item(a, ld->item, obj, depth, &rc);
        memcpy(items + (*count)++ * sizeof item, &item, sizeof item);
        if (rc < 0)
            return rc;
    }
    return n > (size_t)INT32_MAX ? INT32_MAX : (int)n;
}

int spotc__list_add(spotc__arena *a, const spotc__model_desc *list_desc, void *list,
                    const json_t *root, const spotc__list_opts *opts)
{
    return list_add_at(a, list_desc, list, root, opts, 0);
}

int spotc__list_fill_at(spotc__arena *a, const spotc__model_desc *list_desc, void *list,
                        const json_t *root, int depth)
{
    unsigned char *l = list;
    memset(l, 0, list_desc->size);
    spotc__model_fill(a, &spotc__page_info_desc, page_of(l), NULL);
    if (!json_is_object(root) || depth >= SPOTC__MODEL_MAX_DEPTH)
        return 0;
    const spotc__list_opts opts = {.first = true};
    int rc = list_add_at(a, list_desc, l, root, &opts, depth + 1);
    return rc < 0 ? rc : 0;
}

void *spotc__list_new(const spotc__model_desc *list_desc)
{
    void *list = spotc__model_new(list_desc->size, NULL);
    if (list)
        spotc__list_fill_at(spotc__model_arena(list), list_desc, list, NULL, 0);
    return list;
}

int spotc__list_from_page(void **out, const spotc__model_desc *list_desc, json_t *doc,
                          const json_t *page, size_t max)
{
    if (!out || !list_desc || !list_desc->item)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!json_is_object(page))
        return SPOTC_EJSON;
    void *list = spotc__list_new(list_desc);
    if (!list || spotc__model_keep(list, doc) < 0) {
        spotc__model_free(list);
        return SPOTC_ENOMEM;
    }
    const spotc__list_opts opts = {.max = max, .first = true};
    if (spotc__list_add(spotc__model_arena(list), list_desc, list, page, &opts) < 0) {
        spotc__model_free(list);
        return SPOTC_ENOMEM;
    }
    *out = list;
    return 0;
}
