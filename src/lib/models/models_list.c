/*
 * Lists of tracks, albums and artists: pages, batches and wrapped items
 * (saved tracks, playlist items, play history, saved albums).
 *
 * One generic routine finds the items, grows the array and keeps the page info;
 * each model only says how one item is made.
 */
#include "models_json.h"

const json_t *spotc__list_locate(const json_t *root, const char *key, const json_t **page)
{
    *page = NULL;
    const json_t *items = spotc__json_array(root, "items");
    if (items) {
        *page = root;
        return items;
    }
    const json_t *v = json_object_get(root, key);
    if (json_is_array(v))
        return v;
    if (json_is_object(v)) {
        *page = v;
        return spotc__json_array(v, "items");
    }
    return NULL;
}

/* The object an item stands for. A wrapper ({"added_at", "track": {...}}) gives
 * its first wrapped object; a wrapper whose object is null (a removed track in a
 * playlist) or not an object gives NULL; anything else is taken as it is. */
static const json_t *unwrap(const json_t *item, const char *const *wrapper_keys)
{
    if (!json_is_object(item))
        return NULL;
    bool wrapped = false;
    for (; *wrapper_keys; wrapper_keys++) {
        const json_t *v = json_object_get(item, *wrapper_keys);
        if (json_is_object(v))
            return v;
        wrapped |= v != NULL;
    }
    return wrapped ? NULL : item;
}

typedef struct list_kind {
    const char *key;                 /* batch array or keyed page: "tracks" ... */
    const char *const *wrapper_keys; /* where a wrapper holds the object */
    size_t size;                     /* of one model */
    int (*fill)(spotc__arena *a, void *model, const json_t *obj, bool nested);
    void (*store)(void *items, size_t i, void *model); /* items[i] = model, typed */
} list_kind;

/* A model for one item, or NULL for an item that stands for nothing. */
static void *list_item(spotc__arena *a, const list_kind *kind, const json_t *obj, bool nested,
                       int *rc)
{
    *rc = 0;
    if (!obj)
        return NULL;
    void *model = spotc__arena_calloc(a, 1, kind->size);
    if (!model) {
        *rc = SPOTC_ENOMEM;
        return NULL;
    }
    *rc = kind->fill(a, model, obj, nested);
    return model;
}

/* Append a response's items to the array `items` of *count entries. Returns the
 * array (moved when it grew); *rc is the number appended or a negative code. */
static void *list_add(spotc__arena *a, const list_kind *kind, spotc_page_info *info, size_t *count,
                      void *items, const json_t *root, const spotc__list_opts *opts, int *rc)
{
    const json_t *page;
    const json_t *array = spotc__list_locate(root, kind->key, &page);
    if (opts->first)
        spotc__page_info_fill(info, page);
    else
        info->next = spotc__json_string(page, "next");
    size_t n = json_array_size(array);
    if (opts->max && n > opts->max)
        n = opts->max;
    *rc = 0;
    if (n == 0)
        return items;
    void *grown = spotc__arena_grow(a, items, *count, n, sizeof(void *));
    if (!grown) {
        *rc = SPOTC_ENOMEM;
        return items;
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *obj = unwrap(json_array_get(array, i), kind->wrapper_keys);
        int r;
        kind->store(grown, (*count)++, list_item(a, kind, obj, opts->nested, &r));
        if (r < 0) {
            *rc = r;
            return grown;
        }
    }
    *rc = (int)n;
    return grown;
}

static int fill_track(spotc__arena *a, void *model, const json_t *obj, bool nested)
{
    return spotc__track_fill(a, model, obj, nested);
}

static int fill_album(spotc__arena *a, void *model, const json_t *obj, bool nested)
{
    return spotc__album_fill(a, model, obj, nested);
}

static int fill_artist(spotc__arena *a, void *model, const json_t *obj, bool nested)
{
    (void)nested;
    return spotc__artist_fill(a, model, obj);
}

static void store_track(void *items, size_t i, void *model)
{
    ((spotc_track **)items)[i] = model;
}

static void store_album(void *items, size_t i, void *model)
{
    ((spotc_album **)items)[i] = model;
}

static void store_artist(void *items, size_t i, void *model)
{
    ((spotc_artist **)items)[i] = model;
}

/* Playlist items carry "item" (since 2026) and the older "track"; saved tracks
 * and play history carry "track". */
static const char *const track_wrappers[] = {"item", "track", NULL};
static const char *const album_wrappers[] = {"album", NULL};
static const char *const no_wrappers[] = {NULL};

static const list_kind track_kind = {"tracks", track_wrappers, sizeof(spotc_track), fill_track,
                                     store_track};
static const list_kind album_kind = {"albums", album_wrappers, sizeof(spotc_album), fill_album,
                                     store_album};
static const list_kind artist_kind = {"artists", no_wrappers, sizeof(spotc_artist), fill_artist,
                                      store_artist};

int spotc__track_list_add(spotc__arena *a, spotc_track_list *list, const json_t *root,
                          const spotc__list_opts *opts)
{
    int rc;
    list->items = list_add(a, &track_kind, &list->page, &list->count, list->items, root, opts, &rc);
    return rc;
}

int spotc__album_list_add(spotc__arena *a, spotc_album_list *list, const json_t *root,
                          const spotc__list_opts *opts)
{
    int rc;
    list->items = list_add(a, &album_kind, &list->page, &list->count, list->items, root, opts, &rc);
    return rc;
}

int spotc__artist_list_add(spotc__arena *a, spotc_artist_list *list, const json_t *root,
                           const spotc__list_opts *opts)
{
    int rc;
    list->items =
        list_add(a, &artist_kind, &list->page, &list->count, list->items, root, opts, &rc);
    return rc;
}

/* Root lists: made empty (page info unset) or filled from a whole document. */

static void *list_new(size_t size, size_t page_offset)
{
    unsigned char *list = spotc__model_new(size, NULL);
    if (list)
        spotc__page_info_fill((spotc_page_info *)(void *)(list + page_offset), NULL);
    return list;
}

spotc_track_list *spotc__track_list_new(void)
{
    return list_new(sizeof(spotc_track_list), offsetof(spotc_track_list, page));
}

spotc_album_list *spotc__album_list_new(void)
{
    return list_new(sizeof(spotc_album_list), offsetof(spotc_album_list, page));
}

spotc_artist_list *spotc__artist_list_new(void)
{
    return list_new(sizeof(spotc_artist_list), offsetof(spotc_artist_list, page));
}

static const spotc__list_opts whole = {.first = true};

static int fill_track_list(spotc__arena *a, void *model, const json_t *doc)
{
    int rc = spotc__track_list_add(a, model, doc, &whole);
    return rc < 0 ? rc : 0;
}

static int fill_album_list(spotc__arena *a, void *model, const json_t *doc)
{
    int rc = spotc__album_list_add(a, model, doc, &whole);
    return rc < 0 ? rc : 0;
}

static int fill_artist_list(spotc__arena *a, void *model, const json_t *doc)
{
    int rc = spotc__artist_list_add(a, model, doc, &whole);
    return rc < 0 ? rc : 0;
}

SPOTC__MODEL_FUNCTIONS(track_list, fill_track_list)
SPOTC__MODEL_FUNCTIONS(album_list, fill_album_list)
SPOTC__MODEL_FUNCTIONS(artist_list, fill_artist_list)
