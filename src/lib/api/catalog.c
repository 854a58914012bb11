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
#include "typed_call.h"

/* Spotify refuses search offsets beyond this, so following all pages stops there. */
#define SEARCH_MAX_OFFSET 1000

SPOTC__KIND(track);
SPOTC__KIND(album);
SPOTC__KIND(artist);
SPOTC__KIND(search_result);
SPOTC__LIST_KIND(track_list);
SPOTC__LIST_KIND(album_list);
SPOTC__LIST_KIND(artist_list);

/* ------------------------------------------------------------ single items */

int spotc_track_get(spotc_track **out, spotc_client *client, const char *id, const char *market)
{
    static const spotc__item_call what = {"get-track", SPOTC_TYPE_TRACK, true, &track_kind};
    return spotc__typed_one((void **)out, client, &what, id, market, NULL);
}

int spotc_album_get(spotc_album **out, spotc_client *client, const char *id, const char *market)
{
    static const spotc__item_call what = {"get-an-album", SPOTC_TYPE_ALBUM, true, &album_kind};
    return spotc__typed_one((void **)out, client, &what, id, market, NULL);
}

int spotc_artist_get(spotc_artist **out, spotc_client *client, const char *id)
{
    static const spotc__item_call what = {"get-an-artist", SPOTC_TYPE_ARTIST, false, &artist_kind};
    return spotc__typed_one((void **)out, client, &what, id, NULL, NULL);
}

int spotc_artist_get_top_tracks(spotc_track_list **out, spotc_client *client, const char *id,
                                const char *market)
{
    static const spotc__item_call what = {"get-an-artists-top-tracks", SPOTC_TYPE_ARTIST, true,
                                          &track_list_kind};
    return spotc__typed_one((void **)out, client, &what, id, market, NULL);
}

/* ------------------------------------------------------------ paged reads */

int spotc_album_list_tracks(spotc_track_list **out, spotc_client *client, const char *id,
                            const char *market, const spotc_page_options *opts)
{
    static const spotc__item_call what = {"get-an-albums-tracks", SPOTC_TYPE_ALBUM, true,
                                          &track_list_kind};
    spotc__params p = {0};
    spotc__params_add_market(&p, client, market);
    return spotc__typed_children((void **)out, client, &what, "id", id, &p, opts);
}

int spotc_artist_list_albums(spotc_album_list **out, spotc_client *client, const char *id,
                             const char *include_groups, const char *market,
                             const spotc_page_options *opts)
{
    static const spotc__item_call what = {"get-an-artists-albums", SPOTC_TYPE_ARTIST, true,
                                          &album_list_kind};
    spotc__params p = {0};
    spotc__params_add(&p, "include_groups", include_groups);
    spotc__params_add_market(&p, client, market);
    return spotc__typed_children((void **)out, client, &what, "id", id, &p, opts);
}

/* ------------------------------------------------------------ search */

/* Follow one type's `next` links and append to its page of the result. */
static int search_more(spotc_client *client, spotc_search_result *r, const char *key, void *list,
                       const spotc_page_info *page, size_t count, const spotc__result_kind *kind,
                       const spotc_page_options *opts)
{
    /* Without max_items, stop before an offset Spotify would refuse. */
    size_t cap = opts->max_items                    ? (size_t)opts->max_items
                 : opts->offset < SEARCH_MAX_OFFSET ? (size_t)(SEARCH_MAX_OFFSET - opts->offset)
                                                    : count;
    return spotc__typed_more(client, r, list, key, page, count, cap, kind, opts);
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
    spotc__params p = {0};
    spotc__params_add(&p, "q", query);
    spotc__params_add(&p, "type", types);
    spotc__params_add_market(&p, client, market);
    spotc_page_options one = opts ? *opts : (spotc_page_options)SPOTC_PAGE_OPTIONS_INIT;
    one.all = 0; /* the first response holds a page per type; the rest is followed below */
    void *m = NULL;
    int rc = spotc__typed_paged(&m, client, "search", &p, opts ? &one : NULL, &search_result_kind);
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
        return spotc__typed_nomem(tb->client);
    return 0;
}

static int tracks_chunk(void *ctx, const char *joined, size_t first, size_t count)
{
    (void)first;
    (void)count;
    tracks_batch *tb = ctx;
    spotc__params cp = {0};
    spotc__params_add(&cp, "ids", joined);
    spotc__params_add_market(&cp, tb->client, tb->market);
    spotc_response *resp = NULL;
    json_t *doc;
    int rc = spotc_operation_call(&resp, tb->client, "get-several-tracks", cp.v, cp.n, NULL);
    if (rc == 0)
        rc = spotc__typed_response_object(tb->client, resp, &doc);
    if (rc == 0)
        rc = append_tracks(tb, doc, doc);
    spotc_response_free(resp);
    return rc;
}

/* One track as a one-item batch; an unknown one as a null item, as a batch has it. */
static int one_track(tracks_batch *tb, const char *id)
{
    spotc__params cp = {0};
    spotc__params_add(&cp, "id", id);
    spotc__params_add_market(&cp, tb->client, tb->market);
    spotc_response *resp = NULL;
    json_t *doc = NULL;
    int rc = spotc_operation_call(&resp, tb->client, "get-track", cp.v, cp.n, NULL);
    if (rc == 0)
        rc = spotc__typed_response_object(tb->client, resp, &doc);
    if (rc == 0 || rc == SPOTC_ENOTFOUND) {
        json_t *batch = json_pack("{s:[O?]}", "tracks", rc == 0 ? doc : NULL);
        rc = batch ? append_tracks(tb, doc, batch) : spotc__typed_nomem(tb->client);
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
    int rc = parsed && bare && tb.list ? 0 : spotc__typed_nomem(client);
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
