/*
 * Typed calls for the public catalogue (catalog.h), built on spotc_operation_call().
 *
 * Every ID is parsed before anything is sent, so a malformed one costs no
 * request. Responses become models that keep the response's JSON document;
 * results of several pages or batches keep one document per response.
 */
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

/* ------------------------------------------------------------ several items */

/* Any number of items through the batch engine (typed_batch.c), which also
 * turns them into single reads for development-mode apps. */
SPOTC__SEVERAL_FN(spotc_track_get_several, track, "get-several-tracks", SPOTC_TYPE_TRACK, "tracks")
SPOTC__SEVERAL_FN(spotc_album_get_several, album, "get-multiple-albums", SPOTC_TYPE_ALBUM, "albums")

int spotc_artist_get_several(spotc_artist_list **out, spotc_client *client, const char *const *ids,
                             size_t count, const spotc_batch_options *opts)
{
    static const spotc__several_call what = {"get-multiple-artists", SPOTC_TYPE_ARTIST, "artists",
                                             &artist_list_kind};
    return spotc__typed_several((void **)out, client, &what, ids, count, NULL, opts);
}

int spotc_artist_get_related(spotc_artist_list **out, spotc_client *client, const char *id)
{
    static const spotc__item_call what = {"get-an-artists-related-artists", SPOTC_TYPE_ARTIST,
                                          false, &artist_list_kind};
    return spotc__typed_one((void **)out, client, &what, id, NULL, NULL);
}
