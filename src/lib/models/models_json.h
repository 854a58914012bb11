/*
 * Shared machinery of the typed models (models_*.c): the per-model arena, the
 * lenient JSON accessors and the parsers that fill models from jansson values.
 *
 * Ownership: a model's root struct lives in an arena that also holds every
 * array and sub-object of the model and a reference to each JSON document its
 * strings point into. spotc__model_free(root) releases all of it.
 *
 * Leniency: every accessor treats a missing key, null and a value of the wrong
 * type alike (NULL / -1 / false / empty), so parsers never need to check types.
 */
#ifndef SPOTC_MODELS_JSON_H
#define SPOTC_MODELS_JSON_H

#include <stdbool.h>
#include <jansson.h>

#include <spotc.h>

/* Bodies larger than this are refused rather than parsed (no Spotify page comes near). */
#define SPOTC__JSON_MAX_BYTES (64u * 1024u * 1024u)

typedef struct spotc__arena spotc__arena;

/* ---- arena (models_json.c) ---- */

/* A zeroed root struct of `size` bytes in a new arena that keeps a reference
 * to `doc` (may be NULL). NULL when out of memory. */
void *spotc__model_new(size_t size, json_t *doc);
/* The arena of a root made by spotc__model_new(). */
spotc__arena *spotc__model_arena(const void *root);
/* Free a root, its arena and its document references. NULL is a no-op. */
void spotc__model_free(void *root);
/* Zeroed, aligned memory that lives as long as the arena; NULL when out of
 * memory or when n * size overflows. */
void *spotc__arena_calloc(spotc__arena *a, size_t n, size_t size);
/* Keep another document alive as long as the arena (strings point into it). */
int spotc__arena_keep(spotc__arena *a, json_t *doc);
/* Make room for `add` more elements after `count` in an array that grows in
 * powers of two (its capacity follows from count). Returns the array, moved
 * when it had to grow, or NULL when out of memory. */
void *spotc__arena_grow(spotc__arena *a, void *array, size_t count, size_t add, size_t size);

/* ---- lenient accessors (models_json.c) ---- */

/* Parse bytes into a document whose top level is an object.
 * @return 0, SPOTC_EJSON (not JSON, not an object, too large), SPOTC_EINVALID (NULL json). */
int spotc__json_load(json_t **out, const char *json, size_t len);
/* The member `key` of obj when it is an object (an array), else NULL. */
json_t *spotc__json_object(const json_t *obj, const char *key);
json_t *spotc__json_array(const json_t *obj, const char *key);
/* The value at a dotted path of object keys ("external_urls.spotify"), or NULL. */
json_t *spotc__json_path(const json_t *obj, const char *path);
const char *spotc__json_string(const json_t *obj, const char *key);
/* An int, or -1 when missing, not a number or out of int range. */
int spotc__json_int(const json_t *obj, const char *key);
bool spotc__json_bool(const json_t *obj, const char *key);
/* 1, 0, or -1 when missing or not a boolean. */
int spotc__json_tristate(const json_t *obj, const char *key);

/* The string entries of an array (others are skipped), allocated in the arena. */
int spotc__json_strings(spotc__arena *a, const json_t *array, const char ***out, size_t *count);
/* Fills one element of an array of models from a JSON object. */
typedef int (*spotc__elem_fn)(spotc__arena *a, void *elem, const json_t *obj);
/* An arena array of `size`-byte elements, one per object of `array` (other
 * values are skipped). NULL when empty; *rc is 0 or SPOTC_ENOMEM. */
void *spotc__objects_fill(spotc__arena *a, const json_t *array, size_t size, spotc__elem_fn fill,
                          size_t *count, int *rc);
int spotc__images_fill(spotc__arena *a, const json_t *array, spotc_image **out, size_t *count);
/* Page info from a paging object (offset or cursor page); NULL gives "unset". */
void spotc__page_info_fill(spotc_page_info *info, const json_t *page);

/* The identity every catalogue object has: id, name, uri, href, external_urls.spotify. */
void spotc__identity_fill(const json_t *obj, const char **id, const char **name, const char **uri,
                          const char **href, const char **spotify_url);
/* Whether any of the NULL-terminated keys is present (even as null): tells a
 * full object from a simplified one. */
bool spotc__json_has_any(const json_t *obj, const char *const *keys);

/* ---- building a root model ---- */

/* Fills a model whose root was just made; @return 0 or SPOTC_ENOMEM. */
typedef int (*spotc__fill_fn)(spotc__arena *a, void *model, const json_t *doc);
/* A root of `size` bytes filled from doc, which it keeps. NULL with *rc set on failure. */
void *spotc__model_build(int *rc, size_t size, json_t *doc, spotc__fill_fn fill);
/* The same from bytes: *rc is SPOTC_EJSON for a body that is not a JSON object. */
void *spotc__model_parse(int *rc, size_t size, const char *json, size_t len, spotc__fill_fn fill);

/* The functions every root model has: spotc__NAME_from_json() (from a parsed
 * document, which the model keeps a reference to), spotc_NAME_parse() (from
 * bytes) and spotc_NAME_free(); `fill` is the model's spotc__fill_fn. */
#define SPOTC__MODEL_FUNCTIONS(name, fill)                                                         \
    int spotc__##name##_from_json(spotc_##name **out, json_t *doc)                                 \
    {                                                                                              \
        int rc;                                                                                    \
        *out = spotc__model_build(&rc, sizeof **out, doc, fill);                                   \
        return rc;                                                                                 \
    }                                                                                              \
    int spotc_##name##_parse(spotc_##name **out, const char *json, size_t len)                     \
    {                                                                                              \
        if (!out)                                                                                  \
            return SPOTC_EINVALID;                                                                 \
        int rc;                                                                                    \
        *out = spotc__model_parse(&rc, sizeof **out, json, len, fill);                             \
        return rc;                                                                                 \
    }                                                                                              \
    void spotc_##name##_free(spotc_##name *model)                                                  \
    {                                                                                              \
        spotc__model_free(model);                                                                  \
    }

/* ---- model fillers (models_artist.c, models_album.c, models_track.c) ---- */

/* Fill a model from a JSON object (anything else gives an empty model).
 * `nested` stops recursion: an album inside a track keeps no tracks, a track
 * inside an album keeps no album. @return 0 or SPOTC_ENOMEM. */
int spotc__artist_fill(spotc__arena *a, spotc_artist *out, const json_t *obj);
int spotc__artists_fill(spotc__arena *a, const json_t *array, spotc_artist **out, size_t *count);
int spotc__album_fill(spotc__arena *a, spotc_album *out, const json_t *obj, bool nested);
int spotc__track_fill(spotc__arena *a, spotc_track *out, const json_t *obj, bool nested);

/* ---- lists (models_list.c) ---- */

/* Where the items of a list response are: a paging object's "items", a batch
 * array under `key`, or a paging object under `key`. *page is the paging object
 * or NULL for a batch. Returns the array, or NULL when there is none. */
const json_t *spotc__list_locate(const json_t *root, const char *key, const json_t **page);

typedef struct spotc__list_opts {
    size_t max;  /* take at most this many items of the response; 0: all */
    bool first;  /* the first response: take its page info (later ones only update `next`) */
    bool nested; /* items are inside another model (see spotc__album_fill) */
} spotc__list_opts;

/* Append the items of one response (page, batch or keyed page) to a list whose
 * memory is in arena `a`. The response's document must outlive the list: for a
 * root list, spotc__model_keep() it first.
 * @return the number of items appended, or SPOTC_ENOMEM. */
int spotc__track_list_add(spotc__arena *a, spotc_track_list *list, const json_t *root,
                          const spotc__list_opts *opts);
int spotc__album_list_add(spotc__arena *a, spotc_album_list *list, const json_t *root,
                          const spotc__list_opts *opts);
int spotc__artist_list_add(spotc__arena *a, spotc_artist_list *list, const json_t *root,
                           const spotc__list_opts *opts);

/* Empty root lists with their page info unset. NULL when out of memory. */
spotc_track_list *spotc__track_list_new(void);
spotc_album_list *spotc__album_list_new(void);
spotc_artist_list *spotc__artist_list_new(void);

/* Keep a document alive as long as a root model. @return 0 or SPOTC_ENOMEM. */
int spotc__model_keep(void *root, json_t *doc);

/* ---- models from an already parsed document (the caller keeps its own reference) ---- */

int spotc__track_from_json(spotc_track **out, json_t *doc);
int spotc__album_from_json(spotc_album **out, json_t *doc);
int spotc__artist_from_json(spotc_artist **out, json_t *doc);
int spotc__track_list_from_json(spotc_track_list **out, json_t *doc);
int spotc__album_list_from_json(spotc_album_list **out, json_t *doc);
int spotc__artist_list_from_json(spotc_artist_list **out, json_t *doc);
int spotc__search_result_from_json(spotc_search_result **out, json_t *doc);

#endif
