/*
 * Typed calls for the public catalogue (catalog.h), built on spotc_operation_call().
 *
 * Every ID is parsed before anything is sent, so a malformed one costs no
 * request. Responses become models that keep the response's JSON document;
 * results of several pages or batches keep one document per response.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "ids_priv.h"
#include "internal.h"
#include "model.h"
#include "page_follow.h"

/* Spotify refuses search offsets beyond this, so following all pages stops there. */
#define SEARCH_MAX_OFFSET 1000

/* The parameters of one call, built in place (the strings are borrowed). */
typedef struct call_params {
    spotc_param v[8];
    size_t n;
    char limit[16], offset[16];
} call_params;

static void add(call_params *cp, const char *key, const char *value)
{
    if (value && cp->n < sizeof cp->v / sizeof cp->v[0]) {
        cp->v[cp->n].key = key;
        cp->v[cp->n++].value = value;
    }
}

static void add_market(call_params *cp, spotc_client *client, const char *market)
{
    add(cp, "market", market ? market : spotc__client_market(client));
}

static int out_of_memory(spotc_client *client)
{
    return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
}

/* The response's body as a JSON object (borrowed from resp), or SPOTC_EJSON. */
static int response_object(spotc_client *client, spotc_response *resp, json_t **doc)
{
    int rc = spotc__response_json_required(client, resp, doc);
    if (rc == 0 && !json_is_object(*doc))
        rc = spotc__error_set(client, SPOTC_EJSON, "Spotify sent JSON that is not an object");
    return rc;
}

/* How one kind of result is built from documents. */
typedef struct model_kind {
    int (*from_json)(void **out, json_t *doc); /* a whole response -> model */
    void *(*create)(void);                     /* an empty list (lists only) */
    int (*add)(spotc__arena *a, void *list, const json_t *page, const spotc__list_opts *opts);
} model_kind;

/* Call an operation and build a model from its response. */
static int call_model(void **out, spotc_client *client, const char *op, const call_params *cp,
                      const model_kind *kind)
{
    spotc_response *resp = NULL;
    json_t *doc;
    int rc = spotc_operation_call(&resp, client, op, cp->v, cp->n, NULL);
    if (rc == 0)
        rc = response_object(client, resp, &doc);
    if (rc == 0 && kind->from_json(out, doc) < 0)
        rc = out_of_memory(client);
    spotc_response_free(resp);
    return rc;
}

/* A request for one item by ID: the ID is parsed first. */
typedef struct one_item {
    const char *op;
    spotc_item_type type;
    bool market; /* the operation takes a market */
    const model_kind *kind;
} one_item;

static void *get_one(int *rc, spotc_client *client, const one_item *what, const char *input,
                     const char *market)
{
    void *out = NULL;
    spotc_id id;
    *rc = client ? spotc__id_require(client, &id, input, what->type) : SPOTC_EINVALID;
    if (*rc < 0)
        return NULL;
    call_params cp = {0};
    add(&cp, "id", id.id);
    if (what->market)
        add_market(&cp, client, market);
    *rc = call_model(&out, client, what->op, &cp, what->kind);
    return out;
}

/* ------------------------------------------------------------ model kinds */

/* Adapters between the typed builders and model_kind's untyped slots. */
#define MODEL_FROM_JSON(name)                                                                      \
    static int name##_from_json(void **out, json_t *doc)                                           \
    {                                                                                              \
        spotc_##name *m;                                                                           \
        int rc = spotc__##name##_from_json(&m, doc);                                               \
        *out = m;                                                                                  \
        return rc;                                                                                 \
    }
#define LIST_FUNCTIONS(name)                                                                       \
    MODEL_FROM_JSON(name)                                                                          \
    static void *name##_create(void)                                                               \
    {                                                                                              \
        return spotc__##name##_new();                                                              \
    }                                                                                              \
    static int name##_add(spotc__arena *a, void *list, const json_t *page,                         \
                          const spotc__list_opts *opts)                                            \
    {                                                                                              \
        return spotc__##name##_add(a, list, page, opts);                                           \
    }

MODEL_FROM_JSON(track)
MODEL_FROM_JSON(album)
MODEL_FROM_JSON(artist)
MODEL_FROM_JSON(search_result)
LIST_FUNCTIONS(track_list)
LIST_FUNCTIONS(album_list)
LIST_FUNCTIONS(artist_list)

static const model_kind track_kind = {track_from_json, NULL, NULL};
static const model_kind album_kind = {album_from_json, NULL, NULL};
static const model_kind artist_kind = {artist_from_json, NULL, NULL};
static const model_kind search_kind = {search_result_from_json, NULL, NULL};
static const model_kind track_list_kind = {track_list_from_json, track_list_create, track_list_add};
static const model_kind album_list_kind = {album_list_from_json, album_list_create, album_list_add};
static const model_kind artist_list_kind = {artist_list_from_json, artist_list_create,
                                            artist_list_add};

/* ------------------------------------------------------------ single items */

int spotc_track_get(spotc_track **out, spotc_client *client, const char *id, const char *market)
{
    static const one_item what = {"get-track", SPOTC_TYPE_TRACK, true, &track_kind};
    int rc = SPOTC_EINVALID;
    if (out)
        *out = get_one(&rc, client, &what, id, market);
    return rc;
}

int spotc_album_get(spotc_album **out, spotc_client *client, const char *id, const char *market)
{
    static const one_item what = {"get-an-album", SPOTC_TYPE_ALBUM, true, &album_kind};
    int rc = SPOTC_EINVALID;
    if (out)
        *out = get_one(&rc, client, &what, id, market);
    return rc;
}

int spotc_artist_get(spotc_artist **out, spotc_client *client, const char *id)
{
    static const one_item what = {"get-an-artist", SPOTC_TYPE_ARTIST, false, &artist_kind};
    int rc = SPOTC_EINVALID;
    if (out)
        *out = get_one(&rc, client, &what, id, NULL);
    return rc;
}

int spotc_artist_get_top_tracks(spotc_track_list **out, spotc_client *client, const char *id,
                                const char *market)
{
    static const one_item what = {"get-an-artists-top-tracks", SPOTC_TYPE_ARTIST, true,
                                  &track_list_kind};
    int rc = SPOTC_EINVALID;
    if (out)
        *out = get_one(&rc, client, &what, id, market);
    return rc;
}

/* ------------------------------------------------------------ paged reads */

/* limit and offset from the options. Following all pages without a limit asks
 * for the largest page every app may ask for (spotc__page_size). Options of
 * version 1 have no concurrency field. */
static int page_params(spotc_client *client, const char *op_id, const spotc_page_options *opts,
                       call_params *cp)
{
    if (!opts)
        return 0;
    const spotc_operation *op = spotc_operation_find(op_id);
    if (opts->version < 1 || opts->version > SPOTC_PAGE_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown spotc_page_options version %u",
                                opts->version);
    int rc = spotc__page_check(client, op, opts->limit, opts->offset, opts->max_items);
    if (rc == 0 && opts->version >= 2)
        rc = spotc__pager_concurrency(client, opts->concurrency);
    if (rc < 0)
        return rc;
    int limit = opts->limit;
    if (!limit && opts->all)
        limit = spotc__page_size(op, opts->max_items);
    if (limit) {
        snprintf(cp->limit, sizeof cp->limit, "%d", limit);
        add(cp, "limit", cp->limit);
    }
    if (opts->offset) {
        snprintf(cp->offset, sizeof cp->offset, "%d", opts->offset);
        add(cp, "offset", cp->offset);
    }
    return 0;
}

/* Pages fetched at once when following them all (checked by page_params). */
static int concurrency_of(const spotc_page_options *opts)
{
    return opts->version >= 2 && opts->concurrency ? opts->concurrency
                                                   : SPOTC_PAGER_CONCURRENCY_DEFAULT;
}

/* Append every page the pager yields to `list`, whose documents `root` keeps. */
static int drain(spotc__pager *pg, void *root, void *list, const model_kind *kind, bool first)
{
    spotc__arena *a = spotc__model_arena(root);
    for (;;) {
        json_t *doc;
        const json_t *page;
        size_t take;
        int rc = spotc__pager_next(pg, &doc, &page, &take);
        if (rc <= 0)
            return rc;
        if (take == 0 && !first)
            continue;
        spotc__list_opts opts = {.max = take, .first = first};
        if (spotc__model_keep(root, doc) < 0 || kind->add(a, list, page, &opts) < 0)
            return out_of_memory(pg->client);
        first = false;
    }
}

/* One page, or with opts->all every page merged into one list. */
static int paged_read(void **out, spotc_client *client, const char *op, call_params *cp,
                      const spotc_page_options *opts, const model_kind *kind)
{
    int rc = page_params(client, op, opts, cp);
    if (rc < 0)
        return rc;
    if (!opts || !opts->all)
        return call_model(out, client, op, cp, kind);
    void *list = kind->create();
    if (!list)
        return out_of_memory(client);
    spotc__pager pg;
    rc = spotc__pager_start(&pg, client, op, cp->v, cp->n, NULL, (size_t)opts->max_items);
    pg.concurrency = concurrency_of(opts);
    if (rc == 0)
        rc = drain(&pg, list, list, kind, true);
    spotc__pager_end(&pg);
    if (rc < 0) {
        spotc__model_free(list);
        return rc;
    }
    spotc__error_clear(client);
    *out = list;
    return 0;
}

/* The paged reads of an item's children (an album's tracks, an artist's albums). */
static int children(void **out, spotc_client *client, const one_item *what, const char *input,
                    call_params *cp, const spotc_page_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc_id id;
    int rc = spotc__id_require(client, &id, input, what->type);
    if (rc < 0)
        return rc;
    add(cp, "id", id.id);
    return paged_read(out, client, what->op, cp, opts, what->kind);
}

int spotc_album_list_tracks(spotc_track_list **out, spotc_client *client, const char *id,
                            const char *market, const spotc_page_options *opts)
{
    static const one_item what = {"get-an-albums-tracks", SPOTC_TYPE_ALBUM, true, &track_list_kind};
    call_params cp = {0};
    add_market(&cp, client, market);
    void *m = NULL;
    int rc = children(&m, client, &what, id, &cp, opts);
    if (out)
        *out = m;
    return rc;
}

int spotc_artist_list_albums(spotc_album_list **out, spotc_client *client, const char *id,
                             const char *include_groups, const char *market,
                             const spotc_page_options *opts)
{
    static const one_item what = {"get-an-artists-albums", SPOTC_TYPE_ARTIST, true,
                                  &album_list_kind};
    call_params cp = {0};
    add(&cp, "include_groups", include_groups);
    add_market(&cp, client, market);
    void *m = NULL;
    int rc = children(&m, client, &what, id, &cp, opts);
    if (out)
        *out = m;
    return rc;
}

/* ------------------------------------------------------------ search */

/* Follow one type's `next` links and append to its page of the result. */
static int search_more(spotc_client *client, spotc_search_result *r, const char *key, void *list,
                       const spotc_page_info *page, size_t count, const model_kind *kind,
                       const spotc_page_options *opts)
{
    if (!list || !page->next)
        return 0;
    /* Without max_items, stop before an offset Spotify would refuse. */
    size_t cap = opts->max_items                    ? (size_t)opts->max_items
                 : opts->offset < SEARCH_MAX_OFFSET ? (size_t)(SEARCH_MAX_OFFSET - opts->offset)
                                                    : count;
    spotc__pager pg;
    int rc = spotc__pager_resume(&pg, client, page->next, key, cap, count);
    pg.concurrency = concurrency_of(opts);
    if (rc == 0)
        rc = drain(&pg, r, list, kind, false);
    spotc__pager_end(&pg);
    return rc;
}

int spotc_search_run(spotc_search_result **out, spotc_client *client, const char *query,
                     const char *types, const char *market, const spotc_page_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!query || !*query)
        return spotc__error_set(client, SPOTC_EINVALID, "search: no query given");
    if (!types || !*types)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "search: no type given (track, album, "
                                "artist, playlist, show, episode or audiobook)");
    call_params cp = {0};
    add(&cp, "q", query);
    add(&cp, "type", types);
    add_market(&cp, client, market);
    int rc = page_params(client, "search", opts, &cp);
    void *m = NULL;
    if (rc == 0)
        rc = call_model(&m, client, "search", &cp, &search_kind);
    spotc_search_result *r = m;
    if (rc == 0 && opts && opts->all) {
        if (r->tracks)
            rc = search_more(client, r, "tracks", r->tracks, &r->tracks->page, r->tracks->count,
                             &track_list_kind, opts);
        if (rc == 0 && r->albums)
            rc = search_more(client, r, "albums", r->albums, &r->albums->page, r->albums->count,
                             &album_list_kind, opts);
        if (rc == 0 && r->artists)
            rc = search_more(client, r, "artists", r->artists, &r->artists->page, r->artists->count,
                             &artist_list_kind, opts);
    }
    if (rc < 0) {
        spotc_search_result_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

/* ------------------------------------------------------------ several tracks */

typedef struct tracks_batch {
    spotc_client *client;
    spotc_track_list *list;
    const char *market;
} tracks_batch;

/* Append the tracks of `root` (a batch {"tracks": [...]}) and keep `doc`. */
static int append_tracks(tracks_batch *tb, json_t *doc, const json_t *root)
{
    const spotc__list_opts opts = {.first = false};
    if ((doc && spotc__model_keep(tb->list, doc) < 0) ||
        spotc__track_list_add(spotc__model_arena(tb->list), tb->list, root, &opts) < 0)
        return out_of_memory(tb->client);
    return 0;
}

static int tracks_chunk(void *ctx, const char *joined, size_t first, size_t count)
{
    (void)first;
    (void)count;
    tracks_batch *tb = ctx;
    call_params cp = {0};
    add(&cp, "ids", joined);
    add_market(&cp, tb->client, tb->market);
    spotc_response *resp = NULL;
    json_t *doc;
    int rc = spotc_operation_call(&resp, tb->client, "get-several-tracks", cp.v, cp.n, NULL);
    if (rc == 0)
        rc = response_object(tb->client, resp, &doc);
    if (rc == 0)
        rc = append_tracks(tb, doc, doc);
    spotc_response_free(resp);
    return rc;
}

/* One track as a one-item batch; an unknown one as a null item, as a batch has it. */
static int one_track(tracks_batch *tb, const char *id)
{
    call_params cp = {0};
    add(&cp, "id", id);
    add_market(&cp, tb->client, tb->market);
    spotc_response *resp = NULL;
    json_t *doc = NULL;
    int rc = spotc_operation_call(&resp, tb->client, "get-track", cp.v, cp.n, NULL);
    if (rc == 0)
        rc = response_object(tb->client, resp, &doc);
    if (rc == 0 || rc == SPOTC_ENOTFOUND) {
        json_t *batch = json_pack("{s:[O?]}", "tracks", rc == 0 ? doc : NULL);
        rc = batch ? append_tracks(tb, doc, batch) : out_of_memory(tb->client);
        json_decref(batch); /* the list keeps doc, which its strings point into */
    }
    spotc_response_free(resp);
    return rc;
}

/* Development-mode apps lost the several-tracks endpoint (403): ask one by one. */
static int tracks_one_by_one(tracks_batch *tb, const spotc_id *ids, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        int rc = one_track(tb, ids[i].id);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Parse every ID before anything is sent. */
static int parse_ids(spotc_client *client, const char *const *inputs, size_t count, spotc_id *ids,
                     const char **bare)
{
    for (size_t i = 0; i < count; i++) {
        int rc = spotc__id_require(client, &ids[i], inputs[i], SPOTC_TYPE_TRACK);
        if (rc < 0)
            return rc;
        bare[i] = ids[i].id;
    }
    return 0;
}

int spotc_track_get_several(spotc_track_list **out, spotc_client *client, const char *const *ids,
                            size_t count, const char *market)
{
    if (!out || !client || (count && !ids))
        return SPOTC_EINVALID;
    *out = NULL;
    const spotc_operation *op = spotc_operation_find("get-several-tracks");
    spotc_id *parsed = calloc(count ? count : 1, sizeof *parsed);
    const char **bare = calloc(count ? count : 1, sizeof *bare);
    tracks_batch tb = {client, spotc__track_list_new(), market};
    int rc = parsed && bare && tb.list ? 0 : out_of_memory(client);
    if (rc == 0)
        rc = parse_ids(client, ids, count, parsed, bare);
    if (rc == 0) {
        rc = spotc__batch_run(client, bare, count, (size_t)op->batch_max, tracks_chunk, &tb);
        if (rc == SPOTC_EFORBIDDEN && tb.list->count == 0)
            rc = tracks_one_by_one(&tb, parsed, count);
    }
    free(parsed);
    free(bare);
    if (rc < 0) {
        spotc_track_list_free(tb.list);
        return rc;
    }
    spotc__error_clear(client);
    *out = tb.list;
    return 0;
}
