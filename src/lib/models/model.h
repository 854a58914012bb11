/*
 * The model machinery: descriptor tables, one generic parser, one free.
 *
 * Every typed model (include/spotc/models/ *.h) is a plain public C struct
 * whose first member is `struct json_t *json` (the object's raw JSON, borrowed
 * from the document the model keeps). A static descriptor (spotc__model_desc)
 * lists its fields: JSON key, kind, offset. One generic routine fills any
 * model from any JSON object, following the table; nothing is hand-written
 * per model.
 *
 * Ownership: a top-level model lives in an arena (model_arena.c) that also
 * holds every nested struct and array and a reference to each JSON document
 * its strings point into; spotc__model_free(root) (behind every public
 * spotc_<model>_free()) releases all of it. NULL is a no-op.
 *
 * Tolerance, the one rule every field follows: a value that is missing, null
 * or of the wrong type reads as "absent": NULL (strings, objects, raw JSON),
 * -1 (int, long, tri-state bool), NAN (double), false (bool), an empty array
 * (NULL, count 0), or an embedded struct whose own fields are all absent.
 * Unknown keys are ignored. Arrays skip entries of the wrong type, except
 * arrays of pointers (SPOTC__PTRS), which keep NULL at their position (a
 * batch read answers null for an unknown ID). Only bytes that are not JSON,
 * or JSON whose top level is not an object, are an error (SPOTC_EJSON).
 *
 * ---- How to add a model (say spotc_widget) ----
 * 1. Public struct in include/spotc/models/<area>.h, first member
 *    `struct json_t *json;`, then fields of the kinds below; for a list
 *    `typedef struct spotc_widget_list SPOTC_LIST_OF(spotc_widget) spotc_widget_list;`;
 *    SPOTC_EXTERN prototypes of spotc_widget_parse/_free (and _list_parse/_free).
 * 2. In src/lib/models/desc_<area>.c, the table, one line a field:
 *        #define T spotc_widget
 *        static const spotc__field widget_fields[] = {
 *            SPOTC__IDENTITY(T),                        (id, name, uri, href, spotify_url, type)
 *            SPOTC__STRING(T, label, "label"),
 *            SPOTC__INT(T, total, "followers.total"),   (a dotted path)
 *            SPOTC__OBJECT(T, owner, "owner", user),    (spotc_user *owner)
 *            SPOTC__OBJECTS(T, images, image_count, "images", image),
 *            SPOTC__EMBED(T, restrictions, "restrictions", restrictions),
 *        };
 *        #undef T
 *        SPOTC__MODEL(widget, widget_fields, NULL);    (defines spotc__widget_desc)
 *        SPOTC__MODEL_FUNCTIONS(widget)                (spotc_widget_parse/_free and
 *                                                       spotc__widget_from_json)
 *        SPOTC__LIST(widget, "widgets", NULL);         (spotc__widget_list_desc; "widgets"
 *                                                       is the batch key)
 *        SPOTC__LIST_FUNCTIONS(widget)                 (spotc_widget_list_parse/_free,
 *                                                       spotc__widget_list_new/_add/_from_json)
 * 3. In models_desc.h: SPOTC__DECLARE_MODEL(widget); SPOTC__DECLARE_LIST(widget);
 *    (or `extern const spotc__model_desc spotc__widget_desc;` for a nested-only model).
 * 4. Add &spotc__widget_desc (and the list's) to spotc__models[] in model_walk.c:
 *    the fuzz harness and test_models_generic.c then cover it (null, wrong-typed
 *    and missing fields, non-objects, table sanity) with no more code.
 * 5. A canned response in tests/fuzz/corpus/fuzz_models/ and a test of its
 *    values in tests/unit/test_models_areas.c.
 * The SPOTC__* field macros check at compile time that the member's type is
 * the one the kind writes (a mismatch is a -Werror error). Typed calls turn a
 * response into a model with spotc__widget_from_json(&out, doc), a page of a
 * pager into a list with spotc__list_from_page(), or merge pages with
 * spotc__widget_list_new() + spotc__widget_list_add(). A response whose top
 * level is an array (a playlist's cover images) is wrapped first:
 * json_pack("{s:O}", "images", array), then spotc__image_list_from_json().
 *
 * Simplified and full objects share one struct; the full descriptor names the
 * simplified one as its `base` and adds the fields that nest (an album's
 * tracks, a track's album). That keeps the descriptor graph acyclic: a nested
 * model always uses a simplified descriptor, so recursion is bounded by the
 * tables, not by the input (a depth guard backs this up).
 */
#ifndef SPOTC_LIB_MODEL_H
#define SPOTC_LIB_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include <spotc.h>

/* Bodies larger than this are refused rather than parsed (no Spotify page comes near). */
#define SPOTC__JSON_MAX_BYTES (64u * 1024u * 1024u)
/* Nesting of models deeper than this is left absent (the tables never reach it). */
#define SPOTC__MODEL_MAX_DEPTH 16
/* json_offset of a struct without a `json` member (spotc_page_info). */
#define SPOTC__NO_JSON SIZE_MAX

typedef struct spotc__arena spotc__arena;
typedef struct spotc__model_desc spotc__model_desc;

typedef enum spotc__kind {
    SPOTC__K_STRING,   /* const char *           NULL when absent */
    SPOTC__K_INT,      /* int                    -1 (also when out of int range) */
    SPOTC__K_LONG,     /* long                   -1 */
    SPOTC__K_DOUBLE,   /* double                 NAN (an integer JSON value is taken too) */
    SPOTC__K_BOOL,     /* bool                   false */
    SPOTC__K_TRISTATE, /* int: 1, 0              -1 */
    SPOTC__K_PRESENT,  /* bool: one of the '|'-separated keys is present, even as null */
    SPOTC__K_JSON,     /* struct json_t *        borrowed raw value of any type, NULL for null */
    SPOTC__K_EMBED,    /* struct S (by value)    filled from an object, or all fields absent */
    SPOTC__K_OBJECT,   /* S *                    NULL */
    SPOTC__K_OBJECTS,  /* S * + size_t count     entries that are not objects are skipped */
    SPOTC__K_PTRS,     /* S ** + size_t count    null (or non-object) entries are NULL */
    SPOTC__K_STRINGS,  /* const char ** + count  entries that are not strings are skipped */
    SPOTC__K_NUMBERS,  /* double * + count       entries that are not numbers are skipped */
    SPOTC__K_LIST,     /* S_list *               a page (or batch) under the key: see lists */
} spotc__kind;

/* One field of a model. */
typedef struct spotc__field {
    const char *key;       /* JSON key, a dotted path ("external_urls.spotify"), "" for the
                              object itself, or '|'-separated keys for SPOTC__K_PRESENT */
    spotc__kind kind;
    size_t offset;         /* of the member */
    size_t count_offset;   /* of the size_t count, for arrays */
    const spotc__model_desc *model; /* nested kinds: the nested model's descriptor */
    const char *match;     /* SPOTC__K_OBJECT only: fill only when the object's "type" is this
                              ("episode"), or is not it ("!episode"); NULL: always */
} spotc__field;

/* A model: its size, where its `json` member is, its fields. A list (see
 * below) has `item` set and no fields of its own. */
struct spotc__model_desc {
    const char *name;                /* "track": for tests and the fuzz harness */
    size_t size;
    size_t json_offset;              /* SPOTC__NO_JSON when there is no json member */
    const spotc__model_desc *base;   /* filled first (a full object's simplified fields) */
    const spotc__field *fields;
    size_t nfields;
    /* lists only */
    const spotc__model_desc *item;   /* the items' model */
    const char *key;                 /* batch array / keyed page: "tracks" in {"tracks":[...]} */
    const char *const *wrappers;     /* keys where a wrapper item holds the item ("track"), or NULL */
};

/* ---- field macros: one line a field; T is the struct, m its member ---- */

/* A compile-time check that &T.m has type P (comparing distinct pointer types
 * is a diagnostic, an error under -Werror), folded into the offset. */
#define SPOTC__OFF(T, m, P) (offsetof(T, m) + 0 * sizeof(&((T *)0)->m == (P)0))
#define SPOTC__FIELD(T, m, P, key, kind) {key, kind, SPOTC__OFF(T, m, P), 0, NULL, NULL}
#define SPOTC__STRING(T, m, key) SPOTC__FIELD(T, m, const char **, key, SPOTC__K_STRING)
#define SPOTC__INT(T, m, key) SPOTC__FIELD(T, m, int *, key, SPOTC__K_INT)
#define SPOTC__LONG(T, m, key) SPOTC__FIELD(T, m, long *, key, SPOTC__K_LONG)
#define SPOTC__DOUBLE(T, m, key) SPOTC__FIELD(T, m, double *, key, SPOTC__K_DOUBLE)
#define SPOTC__BOOL(T, m, key) SPOTC__FIELD(T, m, bool *, key, SPOTC__K_BOOL)
#define SPOTC__TRISTATE(T, m, key) SPOTC__FIELD(T, m, int *, key, SPOTC__K_TRISTATE)
#define SPOTC__PRESENT(T, m, keys) SPOTC__FIELD(T, m, bool *, keys, SPOTC__K_PRESENT)
#define SPOTC__JSON(T, m, key) SPOTC__FIELD(T, m, struct json_t **, key, SPOTC__K_JSON)
/* Nested models name the model (`album`), which gives its type (spotc_album)
 * and its descriptor (spotc__album_desc); the _AS forms take another
 * descriptor of the same struct (simplified_album). */
#define SPOTC__EMBED(T, m, key, name)                                                              \
    {key, SPOTC__K_EMBED, SPOTC__OFF(T, m, spotc_##name *), 0, &spotc__##name##_desc, NULL}
#define SPOTC__OBJECT_AS(T, m, key, name, desc)                                                    \
    {key, SPOTC__K_OBJECT, SPOTC__OFF(T, m, spotc_##name **), 0, &spotc__##desc##_desc, NULL}
#define SPOTC__OBJECT(T, m, key, name) SPOTC__OBJECT_AS(T, m, key, name, name)
/* An object chosen by its "type": SPOTC__OBJECT_IF(T, episode, "item", episode, episode, "episode"). */
#define SPOTC__OBJECT_IF(T, m, key, name, desc, match)                                             \
    {key, SPOTC__K_OBJECT, SPOTC__OFF(T, m, spotc_##name **), 0, &spotc__##desc##_desc, match}
/* A track or an episode under one key, into members `track` and `episode`
 * (an object without "type" is read as a track: a local file may lack it). */
#define SPOTC__TRACK_OR_EPISODE(T, key)                                                            \
    SPOTC__OBJECT_IF(T, track, key, track, track, "!episode"),                                     \
        SPOTC__OBJECT_IF(T, episode, key, episode, episode, "episode")
#define SPOTC__OBJECTS(T, m, count, key, name)                                                     \
    {key, SPOTC__K_OBJECTS, SPOTC__OFF(T, m, spotc_##name **), SPOTC__OFF(T, count, size_t *),     \
     &spotc__##name##_desc, NULL}
#define SPOTC__PTRS_AS(T, m, count, key, name, desc)                                               \
    {key, SPOTC__K_PTRS, SPOTC__OFF(T, m, spotc_##name ***), SPOTC__OFF(T, count, size_t *),       \
     &spotc__##desc##_desc, NULL}
#define SPOTC__PTRS(T, m, count, key, name) SPOTC__PTRS_AS(T, m, count, key, name, name)
#define SPOTC__STRINGS(T, m, count, key)                                                           \
    {key, SPOTC__K_STRINGS, SPOTC__OFF(T, m, const char ***), SPOTC__OFF(T, count, size_t *), NULL, \
     NULL}
#define SPOTC__NUMBERS(T, m, count, key)                                                           \
    {key, SPOTC__K_NUMBERS, SPOTC__OFF(T, m, double **), SPOTC__OFF(T, count, size_t *), NULL, NULL}

/* The identity of catalogue objects: id, name, uri, href, spotify_url, type. */
#define SPOTC__IDENTITY(T)                                                                         \
    SPOTC__STRING(T, id, "id"), SPOTC__STRING(T, name, "name"), SPOTC__STRING(T, uri, "uri"),      \
        SPOTC__STRING(T, href, "href"), SPOTC__STRING(T, spotify_url, "external_urls.spotify"),    \
        SPOTC__STRING(T, type, "type")

#define SPOTC__COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The descriptor spotc__NAME_desc of spotc_NAME (base: NULL or &spotc__X_desc). */
#define SPOTC__MODEL(name, fields, base_desc)                                                      \
    const spotc__model_desc spotc__##name##_desc = {                                               \
        #name, sizeof(spotc_##name), offsetof(spotc_##name, json), base_desc, fields,              \
        SPOTC__COUNT(fields), NULL, NULL, NULL}
/* Another descriptor (spotc__DESC_desc) of the struct spotc_NAME. */
#define SPOTC__MODEL_AS(desc, name, fields, base_desc)                                             \
    const spotc__model_desc spotc__##desc##_desc = {                                               \
        #desc, sizeof(spotc_##name), offsetof(spotc_##name, json), base_desc, fields,              \
        SPOTC__COUNT(fields), NULL, NULL, NULL}

/* ---- lists ----
 * Every list struct is SPOTC_LIST_OF(T): json, page, count, items. A list is
 * filled from a response whose items are (in this order of preference) a
 * paging object's "items", a paging object under "items" (a full playlist's),
 * a batch array under `key`, or a paging object under `key` ({"artists":
 * {cursor page}}). With `wrappers`, an item that is a
 * wrapper ({"added_at": ..., "track": {...}}) stands for the object under the
 * first wrapper key present; a wrapper whose object is null stands for NULL.
 * Items that are null stay NULL at their position.
 * A field holding a page under its key as a list:
 * SPOTC__LIST_AS(T, tracks, "tracks", track, simplified_track_list). */
#define SPOTC__LIST_AS(T, m, key, name, desc)                                                      \
    {key, SPOTC__K_LIST, SPOTC__OFF(T, m, spotc_##name##_list **), 0, &spotc__##desc##_desc, NULL}
/* The descriptor spotc__NAME_list_desc of spotc_NAME_list, items described by spotc__NAME_desc. */
#define SPOTC__LIST(name, batch_key, wrapper_keys)                                                 \
    SPOTC__LIST_OF_DESC(name##_list, name, name, batch_key, wrapper_keys)
/* The same with any names: SPOTC__LIST_OF_DESC(simplified_track_list, track, simplified_track, ...). */
#define SPOTC__LIST_OF_DESC(desc, name, item_desc, batch_key, wrapper_keys)                        \
    _Static_assert(offsetof(spotc_##name##_list, page) == offsetof(spotc__list, page) &&           \
                       offsetof(spotc_##name##_list, count) == offsetof(spotc__list, count) &&     \
                       offsetof(spotc_##name##_list, items) == offsetof(spotc__list, items),       \
                   "spotc_" #name "_list is not a SPOTC_LIST_OF");                                 \
    const spotc__model_desc spotc__##desc##_desc = {                                               \
        #desc, sizeof(spotc_##name##_list), offsetof(spotc_##name##_list, json), NULL, NULL, 0,    \
        &spotc__##item_desc##_desc, batch_key, wrapper_keys}

/* The layout every list struct shares (the generic code reaches its members by offset). */
typedef struct spotc__list SPOTC_LIST_OF(void) spotc__list;
/* The page info of lists and pages (a descriptor without a json member). */
extern const spotc__model_desc spotc__page_info_desc;

/* ---- entry points (model_parse.c) ---- */

/* Parse bytes into a document whose top level is an object.
 * @return 0, SPOTC_EJSON (not JSON, not an object, too large), SPOTC_EINVALID (NULL json). */
int spotc__json_load(json_t **out, const char *json, size_t len);

/* A top-level model from bytes. *out is the caller's, freed with spotc__model_free().
 * @return 0, SPOTC_EINVALID (NULL out or json), SPOTC_EJSON, SPOTC_ENOMEM; *out NULL on error. */
int spotc__model_parse(void **out, const spotc__model_desc *desc, const char *json, size_t len);
/* The same from a parsed object: the model takes its own reference to `doc`
 * (json_incref), so the caller keeps and releases its own. SPOTC_EJSON when doc
 * is not an object. */
int spotc__model_from_json(void **out, const spotc__model_desc *desc, json_t *doc);
/* Free a top-level model and everything it holds. NULL is a no-op. */
void spotc__model_free(void *root);

/* Fill a model in memory the caller allocated in arena `a` (zeroed or not)
 * from `obj` (anything but an object leaves every field absent). Strings
 * borrow from obj's document: keep it alive with spotc__arena_keep().
 * @return 0 or SPOTC_ENOMEM. */
int spotc__model_fill(spotc__arena *a, const spotc__model_desc *desc, void *model,
                      const json_t *obj);

/* The same `depth` models down (the machinery's own recursion; model_list.c
 * fills lists with spotc__list_fill_at). */
int spotc__model_fill_at(spotc__arena *a, const spotc__model_desc *desc, void *model,
                         const json_t *obj, int depth);
int spotc__list_fill_at(spotc__arena *a, const spotc__model_desc *list_desc, void *list,
                        const json_t *root, int depth);

/* The functions every top-level model has: spotc__NAME_from_json() (typed
 * spotc__model_from_json), spotc_NAME_parse() and spotc_NAME_free(). */
#define SPOTC__MODEL_FUNCTIONS(name)                                                               \
    int spotc__##name##_from_json(spotc_##name **out, json_t *doc)                                 \
    {                                                                                              \
        void *m = NULL;                                                                            \
        int rc = spotc__model_from_json(&m, &spotc__##name##_desc, doc);                           \
        *out = m;                                                                                  \
        return rc;                                                                                 \
    }                                                                                              \
    int spotc_##name##_parse(spotc_##name **out, const char *json, size_t len)                     \
    {                                                                                              \
        void *m = NULL;                                                                            \
        int rc = spotc__model_parse(out ? &m : NULL, &spotc__##name##_desc, json, len);            \
        if (out)                                                                                   \
            *out = m;                                                                              \
        return rc;                                                                                 \
    }                                                                                              \
    void spotc_##name##_free(spotc_##name *model)                                                  \
    {                                                                                              \
        spotc__model_free(model);                                                                  \
    }

/* ---- lists, page by page (model_list.c): what the typed pager uses ---- */

typedef struct spotc__list_opts {
    size_t max; /* take at most this many items of the response; 0: all */
    bool first; /* the first response: take its page info and json (later ones only `next`) */
} spotc__list_opts;

/* An empty top-level list of a list descriptor, page info absent. NULL when out of memory. */
void *spotc__list_new(const spotc__model_desc *list_desc);
/* Append the items of one response (`root`: a page, a batch or a keyed page;
 * see lists above) to `list`, whose memory is in arena `a`. The response's
 * document must outlive the list: for a top-level list, spotc__model_keep() it
 * first. @return the number of items appended, or SPOTC_ENOMEM. */
int spotc__list_add(spotc__arena *a, const spotc__model_desc *list_desc, void *list,
                    const json_t *root, const spotc__list_opts *opts);
/* One page as a top-level list of its own (what a typed iterator hands out
 * per page): `page` is a response's paging object (or the response, for a
 * batch) inside `doc`, which the list keeps a reference to; at most `max`
 * items (0: all). *out is the caller's (spotc__model_free / spotc_<x>_list_free).
 * @return 0, SPOTC_EINVALID, SPOTC_EJSON (page not an object) or SPOTC_ENOMEM. */
int spotc__list_from_page(void **out, const spotc__model_desc *list_desc, json_t *doc,
                          const json_t *page, size_t max);
/* Where the items of a response are; *page is the paging object, or NULL for a
 * batch. Returns the array or NULL. */
const json_t *spotc__list_locate(const json_t *root, const char *key, const json_t **page);

/* What a list model has beyond SPOTC__MODEL_FUNCTIONS(NAME_list): typed
 * spotc__NAME_list_new() and spotc__NAME_list_add() for callers that merge pages. */
#define SPOTC__LIST_FUNCTIONS(name)                                                                \
    SPOTC__MODEL_FUNCTIONS(name##_list)                                                            \
    spotc_##name##_list *spotc__##name##_list_new(void)                                            \
    {                                                                                              \
        return spotc__list_new(&spotc__##name##_list_desc);                                        \
    }                                                                                              \
    int spotc__##name##_list_add(spotc__arena *a, spotc_##name##_list *list, const json_t *root,   \
                                 const spotc__list_opts *opts)                                     \
    {                                                                                              \
        return spotc__list_add(a, &spotc__##name##_list_desc, list, root, opts);                   \
    }

/* ---- for tests and fuzzers (model_walk.c) ---- */

/* Every top-level model (each has spotc_<name>_parse and _free). */
extern const spotc__model_desc *const spotc__models[];
extern const size_t spotc__model_count;
/* Touch every string, number, array and nested model of a model (NULL: 0) and
 * return a checksum, so that a bad pointer shows under ASan or valgrind. */
size_t spotc__model_walk(const spotc__model_desc *desc, const void *model);

/* ---- the arena (model_arena.c) ---- */

/* A zeroed root struct of `size` bytes in a new arena that keeps a reference
 * to `doc` (may be NULL). NULL when out of memory. */
void *spotc__model_new(size_t size, json_t *doc);
/* The arena of a root made by spotc__model_new(). */
spotc__arena *spotc__model_arena(const void *root);
/* Keep a document alive as long as a root model. @return 0 or SPOTC_ENOMEM. */
int spotc__model_keep(void *root, json_t *doc);
/* Zeroed, aligned memory that lives as long as the arena; NULL when out of
 * memory or when n * size overflows. */
void *spotc__arena_calloc(spotc__arena *a, size_t n, size_t size);
/* Keep another document alive as long as the arena. @return 0 or SPOTC_ENOMEM. */
int spotc__arena_keep(spotc__arena *a, json_t *doc);
/* Make room for `add` more elements after `count` in an array that grows in
 * powers of two (its capacity follows from count). Returns the array, moved
 * when it had to grow, or NULL when out of memory. */
void *spotc__arena_grow(spotc__arena *a, void *array, size_t count, size_t add, size_t size);

#include "models_desc.h"

#endif
