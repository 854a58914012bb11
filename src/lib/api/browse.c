/*
 * Typed calls for browsing, markets and audio features (browse.h).
 * Recommendations, whose options need the most checking, are in recommendations.c.
 */
#include "internal.h"
#include "model.h"
#include "typed_call.h"

SPOTC__KIND(category);
SPOTC__KIND(markets);
SPOTC__KIND(genres);
SPOTC__KIND(audio_features);
SPOTC__KIND(audio_analysis);
SPOTC__LIST_KIND(playlist_list);
SPOTC__LIST_KIND(category_list);
SPOTC__LIST_KIND(album_list);
SPOTC__LIST_KIND(audio_features_list);

/* A category id is not a Spotify ID: only its presence is checked. */
static int category_required(spotc_client *client, const char *category_id)
{
    if (category_id && *category_id)
        return 0;
    return spotc__error_set(client, SPOTC_EINVALID, "no category id given");
}

/* A paged read whose parameters are set; checks the output argument first. */
static int paged(void **out, spotc_client *client, const char *op, spotc__params *p,
                 const spotc_page_options *opts, const spotc__result_kind *kind)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    return spotc__typed_paged(out, client, op, p, opts, kind);
}

int spotc_browse_list_featured_playlists(spotc_playlist_list **out, spotc_client *client,
                                         const char *locale, const spotc_page_options *opts)
{
    spotc__params p = {0};
    spotc__params_add(&p, "locale", locale);
    return paged((void **)out, client, "get-featured-playlists", &p, opts, &playlist_list_kind);
}

int spotc_browse_list_categories(spotc_category_list **out, spotc_client *client,
                                 const char *locale, const spotc_page_options *opts)
{
    spotc__params p = {0};
    spotc__params_add(&p, "locale", locale);
    return paged((void **)out, client, "get-categories", &p, opts, &category_list_kind);
}

int spotc_browse_get_category(spotc_category **out, spotc_client *client, const char *category_id,
                              const char *locale)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    int rc = category_required(client, category_id);
    if (rc < 0)
        return rc;
    spotc__params p = {0};
    spotc__params_add(&p, "category_id", category_id);
    spotc__params_add(&p, "locale", locale);
    return spotc__typed_call((void **)out, client, "get-a-category", &p, NULL, &category_kind);
}

int spotc_browse_list_category_playlists(spotc_playlist_list **out, spotc_client *client,
                                         const char *category_id, const spotc_page_options *opts)
{
    if (out)
        *out = NULL;
    int rc = client ? category_required(client, category_id) : SPOTC_EINVALID;
    if (rc < 0)
        return rc;
    spotc__params p = {0};
    spotc__params_add(&p, "category_id", category_id);
    return paged((void **)out, client, "get-a-categories-playlists", &p, opts, &playlist_list_kind);
}

int spotc_browse_list_new_releases(spotc_album_list **out, spotc_client *client,
                                   const spotc_page_options *opts)
{
    spotc__params p = {0};
    return paged((void **)out, client, "get-new-releases", &p, opts, &album_list_kind);
}

/* An operation without parameters. */
static int plain(void **out, spotc_client *client, const char *op, const spotc__result_kind *kind)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    return spotc__typed_call(out, client, op, NULL, NULL, kind);
}

int spotc_market_list(spotc_markets **out, spotc_client *client)
{
    return plain((void **)out, client, "get-available-markets", &markets_kind);
}

int spotc_recommendations_list_genres(spotc_genres **out, spotc_client *client)
{
    return plain((void **)out, client, "get-recommendation-genres", &genres_kind);
}

int spotc_audio_features_get(spotc_audio_features **out, spotc_client *client, const char *track_id)
{
    static const spotc__item_call what = {"get-audio-features", SPOTC_TYPE_TRACK, false,
                                          &audio_features_kind};
    return spotc__typed_one((void **)out, client, &what, track_id, NULL, NULL);
}

int spotc_audio_features_get_several(spotc_audio_features_list **out, spotc_client *client,
                                     const char *const *track_ids, size_t count,
                                     const spotc_batch_options *opts)
{
    static const spotc__several_call what = {"get-several-audio-features", SPOTC_TYPE_TRACK,
                                             "audio_features", &audio_features_list_kind};
    return spotc__typed_several((void **)out, client, &what, track_ids, count, NULL, opts);
}

int spotc_audio_analysis_get(spotc_audio_analysis **out, spotc_client *client, const char *track_id)
{
    static const spotc__item_call what = {"get-audio-analysis", SPOTC_TYPE_TRACK, false,
                                          &audio_analysis_kind};
    return spotc__typed_one((void **)out, client, &what, track_id, NULL, NULL);
}
