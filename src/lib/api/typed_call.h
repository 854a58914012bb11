/*
 * The helpers every typed call is built on (catalog.c, playlist.c, player.c ...).
 *
 * A typed function is a few lines: parse its IDs (spotc__id_require), put its
 * parameters in a spotc__params, and hand the operation id and a spotc__result_kind
 * (how to build the model from the response) to spotc__typed_call(),
 * spotc__typed_one() (one item by ID), spotc__typed_paged() (one page, or all of
 * them merged with opts->all) or spotc__typed_children() (the pages of an item's
 * children). Batch operations go through the batch engine (batch_engine.h).
 *
 * Every helper sets the client's error on failure and returns its code; on
 * success the model in *out is the caller's (its spotc_<model>_free()).
 */
#ifndef SPOTC_LIB_TYPED_CALL_H
#define SPOTC_LIB_TYPED_CALL_H

#include <stdbool.h>

#include "internal.h"
#include "model.h"

/* The parameters of one call, built in place. Keys and values are borrowed,
 * except numbers given to spotc__params_add_int, which are formatted into the
 * struct itself. Parameters past the capacity are dropped and reported by
 * spotc__params_check(). */
#define SPOTC__PARAMS_MAX 64
#define SPOTC__PARAMS_NUMBERS 16
typedef struct spotc__params {
    spotc_param v[SPOTC__PARAMS_MAX];
    size_t n;
    bool overflow;
    char numbers[SPOTC__PARAMS_NUMBERS][24];
    size_t nnumbers;
} spotc__params;

/** Add key=value; a NULL value adds nothing (an optional parameter left out). */
void spotc__params_add(spotc__params *p, const char *key, const char *value);
/** Add key=number (formatted here). */
void spotc__params_add_int(spotc__params *p, const char *key, long value);
/** Add `market`: the one given, else the client's (SPOTC_MARKET), else nothing. */
void spotc__params_add_market(spotc__params *p, spotc_client *client, const char *market);
/** @return 0, or SPOTC_EINVALID (on the client) when parameters were dropped. */
int spotc__params_check(spotc_client *client, const spotc__params *p);

/* How one kind of result (a model or a list) is built from a response document. */
typedef struct spotc__result_kind {
    int (*from_json)(void **out, json_t *doc); /* a whole response -> model */
    void *(*create)(void);                     /* an empty list (lists only) */
    int (*add)(spotc__arena *a, void *list, const json_t *page, const spotc__list_opts *opts);
} spotc__result_kind;

/* Define `static const spotc__result_kind NAME_kind` for a model or a list, at file scope. */
#define SPOTC__KIND(name)                                                                          \
    static int name##_kind_from_json(void **out, json_t *doc)                                      \
    {                                                                                              \
        spotc_##name *m = NULL;                                                                    \
        int rc = spotc__##name##_from_json(&m, doc);                                               \
        *out = m;                                                                                  \
        return rc;                                                                                 \
    }                                                                                              \
    static const spotc__result_kind name##_kind = {name##_kind_from_json, NULL, NULL}
#define SPOTC__LIST_KIND(name)                                                                     \
    static int name##_kind_from_json(void **out, json_t *doc)                                      \
    {                                                                                              \
        spotc_##name *m = NULL;                                                                    \
        int rc = spotc__##name##_from_json(&m, doc);                                               \
        *out = m;                                                                                  \
        return rc;                                                                                 \
    }                                                                                              \
    static void *name##_kind_create(void)                                                          \
    {                                                                                              \
        return spotc__##name##_new();                                                              \
    }                                                                                              \
    static int name##_kind_add(spotc__arena *a, void *list, const json_t *page,                    \
                               const spotc__list_opts *opts)                                       \
    {                                                                                              \
        return spotc__##name##_add(a, list, page, opts);                                           \
    }                                                                                              \
    static const spotc__result_kind name##_kind = {name##_kind_from_json, name##_kind_create,             \
                                            name##_kind_add}

/** Set SPOTC_ENOMEM on the client. @return SPOTC_ENOMEM. */
int spotc__typed_nomem(spotc_client *client);

/** The response's body as a JSON object (borrowed from resp), or SPOTC_EJSON. */
int spotc__typed_response_object(spotc_client *client, spotc_response *resp, json_t **doc);

/** Call an operation and build a model of `kind` from its response (kind NULL:
 *  the response is not wanted, e.g. a 204 of a player command). */
int spotc__typed_call(void **out, spotc_client *client, const char *op, const spotc__params *p,
                      const char *body, const spotc__result_kind *kind);

/* One item by its ID: the operation, the ID's type, whether it takes a market. */
typedef struct spotc__item_call {
    const char *op;
    spotc_item_type type;
    bool market;
    const spotc__result_kind *kind;
} spotc__item_call;

/** GET one item: the ID (URI, link or bare) is parsed first (nothing sent when
 *  malformed), then `id` (and `market`) are added to `p` (may be NULL). */
int spotc__typed_one(void **out, spotc_client *client, const spotc__item_call *what,
                     const char *input, const char *market, spotc__params *p);

/** One page of a paged operation, or with opts->all every page merged into one
 *  list (fetched `concurrency` at a time; opts->progress told of each page). */
int spotc__typed_paged(void **out, spotc_client *client, const char *op, spotc__params *p,
                       const spotc_page_options *opts, const spotc__result_kind *kind);

/** The pages of an item's children (an album's tracks, a playlist's items):
 *  the parent's ID is parsed and added as `id_key` (e.g. "id", "playlist_id");
 *  `what->market` is not looked at: the caller adds a market to `p` itself. */
int spotc__typed_children(void **out, spotc_client *client, const spotc__item_call *what,
                          const char *id_key, const char *input, spotc__params *p,
                          const spotc_page_options *opts);

/** Follow one result's `next` link to the end (search pages), appending to `list`
 *  whose documents `root` keeps; stops after `cap` items. */
int spotc__typed_more(spotc_client *client, void *root, void *list, const char *key,
                      const spotc_page_info *page, size_t count, size_t cap,
                      const spotc__result_kind *kind, const spotc_page_options *opts);

/* A several-item read: its operation, the type of its items, the key its
 * response holds them under ("shows"), how to build the list. */
typedef struct spotc__several_call {
    const char *op;
    spotc_item_type type;
    const char *key;
    const spotc__result_kind *kind;
} spotc__several_call;

/** Read any number of items through the batch engine (batch_engine.h): IDs checked
 *  first, chunks of the endpoint's maximum, input order kept, the app's mode
 *  applied. `market` may be NULL (the engine adds the client's). */
int spotc__typed_several(void **out, spotc_client *client, const spotc__several_call *what,
                         const char *const *ids, size_t count, const char *market,
                         const spotc_batch_options *opts);

/* Define a public several-item read `fn` with a market, on spotc__typed_several()
 * (needs `model##_list_kind` from SPOTC__LIST_KIND). */
#define SPOTC__SEVERAL_FN(fn, model, op, type, key)                                                \
    int fn(spotc_##model##_list **out, spotc_client *client, const char *const *ids,               \
           size_t count, const char *market, const spotc_batch_options *opts)                      \
    {                                                                                              \
        static const spotc__several_call what = {op, type, key, &model##_list_kind};               \
        return spotc__typed_several((void **)out, client, &what, ids, count, market, opts);        \
    }

#endif
