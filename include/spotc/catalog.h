/**
 * @file spotc/catalog.h
 * @brief Typed calls for the public catalogue: tracks, albums, artists, search.
 *
 * IDs may be given as Spotify URIs, open.spotify.com URLs or bare IDs; a
 * malformed one is SPOTC_EINVALID before any request is sent. `market` may be
 * NULL (then the client's market, if any, is used). Results are the caller's.
 */
#ifndef SPOTC_CATALOG_H
#define SPOTC_CATALOG_H

#include "batch.h"
#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

/* Paged reads take spotc_page_options (spotc/paging.h). */

/** GET /tracks/{id}. @param[out] out the track, the caller's (spotc_track_free). */
SPOTC_EXTERN int spotc_track_get(spotc_track **out, spotc_client *client, const char *id,
                                 const char *market);

/** GET /tracks?ids= for any number of tracks (spotc/batch.h), in order.
 *  Every ID is checked before the first request; development-mode apps, which
 *  lost that endpoint, get single reads (the client's mode).
 *  @param[out] out the tracks in the order asked (NULL items for unknown IDs;
 *                  spotc_track_list_free).
 *  @param opts NULL for the defaults.
 *  @return 0; SPOTC_EINVALID for a malformed ID (nothing sent); SPOTC_EPARTIAL
 *          when a later chunk failed (the message names it), else its code. */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_track_get") int spotc_track_get_several(
    spotc_track_list **out, spotc_client *client, const char *const *ids, size_t count,
    const char *market, const spotc_batch_options *opts);

/** GET /albums/{id}. */
SPOTC_EXTERN int spotc_album_get(spotc_album **out, spotc_client *client, const char *id,
                                 const char *market);

/** GET /albums?ids= for any number of albums, as spotc_track_get_several() does
 *  (spotc_album_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_album_get") int spotc_album_get_several(
    spotc_album_list **out, spotc_client *client, const char *const *ids, size_t count,
    const char *market, const spotc_batch_options *opts);

/** GET /albums/{id}/tracks. */
SPOTC_EXTERN int spotc_album_list_tracks(spotc_track_list **out, spotc_client *client,
                                         const char *id, const char *market,
                                         const spotc_page_options *opts);

/** GET /artists/{id}. */
SPOTC_EXTERN int spotc_artist_get(spotc_artist **out, spotc_client *client, const char *id);

/** GET /artists?ids= for any number of artists, as spotc_track_get_several() does
 *  (spotc_artist_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_artist_get") int spotc_artist_get_several(
    spotc_artist_list **out, spotc_client *client, const char *const *ids, size_t count,
    const spotc_batch_options *opts);

/** GET /artists/{id}/related-artists (spotc_artist_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("removed by Spotify for development-mode apps (extended quota "
                              "only)") int spotc_artist_get_related(spotc_artist_list **out,
                                                                   spotc_client *client,
                                                                   const char *id);

/** GET /artists/{id}/albums. @param include_groups e.g. "album,single" or NULL. */
SPOTC_EXTERN int spotc_artist_list_albums(spotc_album_list **out, spotc_client *client,
                                          const char *id, const char *include_groups,
                                          const char *market, const spotc_page_options *opts);

/** GET /artists/{id}/top-tracks (removed for development-mode apps, with no replacement). */
SPOTC_EXTERN SPOTC_DEPRECATED("removed by Spotify for development-mode apps (extended quota "
                              "only)") int spotc_artist_get_top_tracks(spotc_track_list **out,
                                                                       spotc_client *client,
                                                                       const char *id,
                                                                       const char *market);

/**
 * GET /search.
 * @param query Spotify's query syntax (`artist:`, `year:` ...), sent percent-encoded.
 * @param types comma-separated: track,album,artist,playlist,show,episode,audiobook.
 */
SPOTC_EXTERN int spotc_search_run(spotc_search_result **out, spotc_client *client,
                                  const char *query, const char *types, const char *market,
                                  const spotc_page_options *opts);

SPOTC_END_DECL

#endif
