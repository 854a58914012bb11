/**
 * @file spotc/browse.h
 * @brief Typed calls for browsing, markets, recommendations and audio features.
 *
 * Spotify deprecated every operation here and removed them for
 * development-mode apps (a 403 there); apps with extended quota still have
 * them. Each is marked SPOTC_DEPRECATED so a build says so.
 *
 * Track IDs may be Spotify URIs, open.spotify.com links or bare IDs; a
 * malformed one is SPOTC_EINVALID before any request is sent. `locale`
 * (e.g. "sv_SE") and `market` may be NULL. Results are the caller's, released
 * with their spotc_<model>_free(); parameters and options are borrowed for the
 * call only. Errors leave *out NULL and the details on the client.
 */
#ifndef SPOTC_BROWSE_H
#define SPOTC_BROWSE_H

#include "batch.h"
#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

#define SPOTC__REMOVED_DEV "removed by Spotify for development-mode apps (extended quota only)"

/** GET /browse/featured-playlists (spotc_playlist_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_browse_list_featured_playlists(
    spotc_playlist_list **out, spotc_client *client, const char *locale,
    const spotc_page_options *opts);

/** GET /browse/categories (spotc_category_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_browse_list_categories(
    spotc_category_list **out, spotc_client *client, const char *locale,
    const spotc_page_options *opts);

/** GET /browse/categories/{category_id} (spotc_category_free).
 *  @param category_id a category's id ("dinner"), not a Spotify ID. */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_browse_get_category(
    spotc_category **out, spotc_client *client, const char *category_id, const char *locale);

/** GET /browse/categories/{category_id}/playlists (spotc_playlist_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_browse_list_category_playlists(
    spotc_playlist_list **out, spotc_client *client, const char *category_id,
    const spotc_page_options *opts);

/** GET /browse/new-releases: simplified albums (spotc_album_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_browse_list_new_releases(
    spotc_album_list **out, spotc_client *client, const spotc_page_options *opts);

/** GET /markets (spotc_markets_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_market_list(spotc_markets **out,
                                                                        spotc_client *client);

/** One tunable audio attribute of a recommendation: each bound is sent only
 *  when its has_ flag is set (0 is a meaningful value for most of them). */
typedef struct spotc_tunable {
    int has_min, has_max, has_target;
    double min, max, target;
} spotc_tunable;

/** What recommendations start from. Seeds: 1 to 5 in all, artists and tracks as
 *  URIs, links or bare IDs, genres from spotc_recommendations_list_genres(). */
typedef struct spotc_recommendations_options {
    unsigned int version; /**< SPOTC_RECOMMENDATIONS_OPTIONS_VERSION */
    int limit;            /**< tracks wanted, 1-100; 0: Spotify's default (20) */
    const char *market;   /**< NULL: the client's */
    const char *const *seed_artists;
    size_t seed_artist_count;
    const char *const *seed_genres;
    size_t seed_genre_count;
    const char *const *seed_tracks;
    size_t seed_track_count;
    spotc_tunable acousticness, danceability, duration_ms, energy, instrumentalness, key, liveness,
        loudness, mode, popularity, speechiness, tempo, time_signature, valence;
} spotc_recommendations_options;

#define SPOTC_RECOMMENDATIONS_OPTIONS_VERSION 1
#define SPOTC_RECOMMENDATIONS_OPTIONS_INIT                                                         \
    {                                                                                              \
        .version = SPOTC_RECOMMENDATIONS_OPTIONS_VERSION                                           \
    }
/** Fill with the values of the _INIT macro (for bindings). @return 0 or SPOTC_EINVALID. */
SPOTC_EXTERN int spotc_recommendations_options_init(spotc_recommendations_options *opts,
                                                    unsigned int version);

/** GET /recommendations (spotc_recommendations_free).
 *  @return SPOTC_EINVALID (nothing sent) without options, with no seed or more than 5,
 *          or a malformed seed ID. */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_recommendations_get(
    spotc_recommendations **out, spotc_client *client, const spotc_recommendations_options *opts);

/** GET /recommendations/available-genre-seeds (spotc_genres_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_recommendations_list_genres(
    spotc_genres **out, spotc_client *client);

/** GET /audio-features/{id} (spotc_audio_features_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_audio_features_get(
    spotc_audio_features **out, spotc_client *client, const char *track_id);

/** GET /audio-features?ids= for any number of tracks, in input order (NULL items for
 *  unknown tracks; spotc_audio_features_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_audio_features_get_several(
    spotc_audio_features_list **out, spotc_client *client, const char *const *track_ids,
    size_t count, const spotc_batch_options *opts);

/** GET /audio-analysis/{id} (spotc_audio_analysis_free). */
SPOTC_EXTERN SPOTC_DEPRECATED(SPOTC__REMOVED_DEV) int spotc_audio_analysis_get(
    spotc_audio_analysis **out, spotc_client *client, const char *track_id);

SPOTC_END_DECL

#endif
