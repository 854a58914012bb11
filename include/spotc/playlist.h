/**
 * @file spotc/playlist.h
 * @brief Typed playlist calls: read, create, edit, add, remove, reorder,
 *        replace, follow, covers.
 *
 * Playlist IDs (and user IDs) may be Spotify URIs, open.spotify.com links or
 * bare IDs; a malformed one is SPOTC_EINVALID before anything is sent. Items
 * added or removed are URIs or links of tracks or episodes; a bare ID is taken
 * as a track's.
 *
 * Writes of items take any number of them: they go through the batch engine in
 * chunks of Spotify's maximum (100), one request after the other, so 10,000
 * items end up in the order given, from the position given. Every item is
 * checked before the first request. When a later chunk fails, the call returns
 * SPOTC_EPARTIAL and the client's message names the chunk and its items; the
 * chunks before it stand. Adds (POST) are never replayed after a lost answer.
 *
 * Ownership: models coming back through `out` are the caller's and have their
 * own _free(); strings coming back through `char **out` (snapshot IDs) are the
 * caller's, released with spotc_free(). Everything passed in is borrowed for
 * the call only.
 *
 * Deprecated functions (SPOTC_DEPRECATED) are Spotify's older operations,
 * removed for development-mode apps: the client's mode (spotc_client_options)
 * sends their replacement instead (playlists' /tracks paths their /items
 * twins, follows /me/library), or, where there is none
 * (spotc_playlist_list_user), they fail with SPOTC_EFORBIDDEN.
 */
#ifndef SPOTC_PLAYLIST_H
#define SPOTC_PLAYLIST_H

#include <stdbool.h>

#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

/* ------------------------------------------------------------------ options */

/** A yes/no setting left as it is (edit) or to Spotify's default (create). */
#define SPOTC_PLAYLIST_UNSET (-1)
/** Add items at the end of the playlist. */
#define SPOTC_PLAYLIST_APPEND (-1L)

/** What a playlist is called and how it is shared (create and change_details). */
typedef struct spotc_playlist_details {
    unsigned int version;    /**< SPOTC_PLAYLIST_DETAILS_VERSION */
    const char *name;        /**< required to create; NULL: unchanged */
    const char *description; /**< NULL: unchanged (create: none); "" clears it */
    int is_public;           /**< 1, 0 or SPOTC_PLAYLIST_UNSET */
    int collaborative;       /**< 1, 0 or SPOTC_PLAYLIST_UNSET (Spotify wants a collaborative
                                  playlist to be private) */
} spotc_playlist_details;

#define SPOTC_PLAYLIST_DETAILS_VERSION 1
#define SPOTC_PLAYLIST_DETAILS_INIT                                                                \
    {                                                                                              \
        .version = SPOTC_PLAYLIST_DETAILS_VERSION, .is_public = SPOTC_PLAYLIST_UNSET,              \
        .collaborative = SPOTC_PLAYLIST_UNSET                                                      \
    }
/** Fill with the values of SPOTC_PLAYLIST_DETAILS_INIT. @return 0 or SPOTC_EINVALID. */
SPOTC_EXTERN int spotc_playlist_details_init(spotc_playlist_details *details, unsigned int version);

/** Options of spotc_playlist_add_items() and spotc_playlist_replace_items(). */
typedef struct spotc_playlist_add_options {
    unsigned int version;       /**< SPOTC_PLAYLIST_ADD_OPTIONS_VERSION */
    long position;              /**< where the first item goes (0: at the top), or
                                     SPOTC_PLAYLIST_APPEND (the default); replace ignores it */
    spotc_progress_cb progress; /**< optional: items sent so far, after each request */
    void *progress_payload;
} spotc_playlist_add_options;

#define SPOTC_PLAYLIST_ADD_OPTIONS_VERSION 1
#define SPOTC_PLAYLIST_ADD_OPTIONS_INIT                                                            \
    {                                                                                              \
        .version = SPOTC_PLAYLIST_ADD_OPTIONS_VERSION, .position = SPOTC_PLAYLIST_APPEND           \
    }
/** Fill with the values of SPOTC_PLAYLIST_ADD_OPTIONS_INIT. @return 0 or SPOTC_EINVALID. */
SPOTC_EXTERN int spotc_playlist_add_options_init(spotc_playlist_add_options *opts,
                                                 unsigned int version);

/** Options of spotc_playlist_remove_items(). */
typedef struct spotc_playlist_remove_options {
    unsigned int version;       /**< SPOTC_PLAYLIST_REMOVE_OPTIONS_VERSION */
    const char *snapshot_id;    /**< the version of the playlist the removal is meant for, or NULL
                                     (the current one) */
    spotc_progress_cb progress; /**< optional: items sent so far, after each request */
    void *progress_payload;
} spotc_playlist_remove_options;

#define SPOTC_PLAYLIST_REMOVE_OPTIONS_VERSION 1
#define SPOTC_PLAYLIST_REMOVE_OPTIONS_INIT                                                         \
    {                                                                                              \
        .version = SPOTC_PLAYLIST_REMOVE_OPTIONS_VERSION                                           \
    }
/** Fill with the values of SPOTC_PLAYLIST_REMOVE_OPTIONS_INIT. @return 0 or SPOTC_EINVALID. */
SPOTC_EXTERN int spotc_playlist_remove_options_init(spotc_playlist_remove_options *opts,
                                                    unsigned int version);

/** Options of spotc_playlist_reorder_items(). */
typedef struct spotc_playlist_reorder_options {
    unsigned int version;    /**< SPOTC_PLAYLIST_REORDER_OPTIONS_VERSION */
    int range_length;        /**< how many items move (0: one) */
    const char *snapshot_id; /**< the version the positions are read in, or NULL (current) */
} spotc_playlist_reorder_options;

#define SPOTC_PLAYLIST_REORDER_OPTIONS_VERSION 1
#define SPOTC_PLAYLIST_REORDER_OPTIONS_INIT                                                        \
    {                                                                                              \
        .version = SPOTC_PLAYLIST_REORDER_OPTIONS_VERSION                                          \
    }
/** Fill with the values of SPOTC_PLAYLIST_REORDER_OPTIONS_INIT. @return 0 or SPOTC_EINVALID. */
SPOTC_EXTERN int spotc_playlist_reorder_options_init(spotc_playlist_reorder_options *opts,
                                                     unsigned int version);

/* ------------------------------------------------------------------ reads */

/**
 * GET /playlists/{id}: the playlist with the first page of its items (episodes
 * included, as episodes).
 * @param[out] out the caller's (spotc_playlist_free()).
 * @param market NULL: the client's, if any.
 */
SPOTC_EXTERN int spotc_playlist_get(spotc_playlist **out, spotc_client *client,
                                    const char *playlist_id, const char *market);

/**
 * GET /playlists/{id}/items: a page of the items, or with opts->all all of them.
 * @param[out] out the caller's (spotc_playlist_item_list_free()).
 */
SPOTC_EXTERN int spotc_playlist_list_items(spotc_playlist_item_list **out, spotc_client *client,
                                           const char *playlist_id, const char *market,
                                           const spotc_page_options *opts);

/** GET /playlists/{id}/tracks, the older path (development-mode apps: /items). */
SPOTC_DEPRECATED("use spotc_playlist_list_items")
SPOTC_EXTERN int spotc_playlist_list_tracks(spotc_playlist_item_list **out, spotc_client *client,
                                            const char *playlist_id, const char *market,
                                            const spotc_page_options *opts);

/**
 * GET /me/playlists: the playlists the user owns or follows.
 * @param[out] out the caller's (spotc_playlist_list_free()).
 */
SPOTC_EXTERN int spotc_playlist_list_mine(spotc_playlist_list **out, spotc_client *client,
                                          const spotc_page_options *opts);

/** GET /users/{user_id}/playlists: a user's public playlists. Removed for
 *  development-mode apps with no replacement: SPOTC_EFORBIDDEN there. */
SPOTC_DEPRECATED("use spotc_playlist_list_mine for the user's own playlists")
SPOTC_EXTERN int spotc_playlist_list_user(spotc_playlist_list **out, spotc_client *client,
                                          const char *user_id, const spotc_page_options *opts);

/**
 * GET /playlists/{id}/images: the current cover images (none for a playlist
 * without items or cover).
 * @param[out] out the caller's (spotc_image_list_free()).
 */
SPOTC_EXTERN int spotc_playlist_get_cover(spotc_image_list **out, spotc_client *client,
                                          const char *playlist_id);

/* ------------------------------------------------------------------ playlists */

/**
 * POST /me/playlists: a new playlist of the logged-in user.
 * @param details details->name is required.
 * @param[out] out the new playlist, the caller's (spotc_playlist_free()).
 */
SPOTC_EXTERN int spotc_playlist_create(spotc_playlist **out, spotc_client *client,
                                       const spotc_playlist_details *details);

/** POST /users/{user_id}/playlists, the older path (development-mode apps: /me/playlists). */
SPOTC_DEPRECATED("use spotc_playlist_create")
SPOTC_EXTERN int spotc_playlist_create_for_user(spotc_playlist **out, spotc_client *client,
                                                const char *user_id,
                                                const spotc_playlist_details *details);

/**
 * PUT /playlists/{id}: rename, describe, make public, private or collaborative.
 * Only what `details` sets is sent; setting nothing is SPOTC_EINVALID.
 */
SPOTC_EXTERN int spotc_playlist_change_details(spotc_client *client, const char *playlist_id,
                                               const spotc_playlist_details *details);

/** PUT /playlists/{id}/followers (development-mode apps: /me/library).
 *  @param is_public 1, 0 or SPOTC_PLAYLIST_UNSET (Spotify's default: public). */
SPOTC_DEPRECATED("use spotc_library_save with the playlist's URI")
SPOTC_EXTERN int spotc_playlist_follow(spotc_client *client, const char *playlist_id,
                                       int is_public);

/** DELETE /playlists/{id}/followers (development-mode apps: /me/library). */
SPOTC_DEPRECATED("use spotc_library_remove with the playlist's URI")
SPOTC_EXTERN int spotc_playlist_unfollow(spotc_client *client, const char *playlist_id);

/**
 * GET /playlists/{id}/followers/contains: whether the current user follows the
 * playlist (development-mode apps: /me/library/contains).
 * @param[out] out true or false.
 */
SPOTC_DEPRECATED("use spotc_library_contains with the playlist's URI")
SPOTC_EXTERN int spotc_playlist_contains_followers(bool *out, spotc_client *client,
                                                   const char *playlist_id);

/* ------------------------------------------------------------------ items */

/**
 * POST /playlists/{id}/items for any number of items, in chunks, in order.
 * @param[out] out if not NULL: the playlist's snapshot ID after the last
 *             request that succeeded (the caller's, spotc_free()), or NULL.
 * @param items URIs or links of tracks and episodes, or bare track IDs.
 * @param opts NULL: append, no progress.
 * @return 0; SPOTC_EINVALID naming a malformed item (nothing sent);
 *         SPOTC_EPARTIAL when a later chunk failed; else the first chunk's code.
 */
SPOTC_EXTERN int spotc_playlist_add_items(char **out, spotc_client *client, const char *playlist_id,
                                          const char *const *items, size_t count,
                                          const spotc_playlist_add_options *opts);

/** POST /playlists/{id}/tracks, the older path (development-mode apps: /items). */
SPOTC_DEPRECATED("use spotc_playlist_add_items")
SPOTC_EXTERN int spotc_playlist_add_tracks(char **out, spotc_client *client,
                                           const char *playlist_id, const char *const *items,
                                           size_t count, const spotc_playlist_add_options *opts);

/**
 * DELETE /playlists/{id}/items: every occurrence of each item, any number of
 * them, in chunks. Same results as spotc_playlist_add_items().
 * @param opts NULL: the current version, no progress.
 */
SPOTC_EXTERN int spotc_playlist_remove_items(char **out, spotc_client *client,
                                             const char *playlist_id, const char *const *items,
                                             size_t count,
                                             const spotc_playlist_remove_options *opts);

/** DELETE /playlists/{id}/tracks, the older path (development-mode apps: /items). */
SPOTC_DEPRECATED("use spotc_playlist_remove_items")
SPOTC_EXTERN int spotc_playlist_remove_tracks(char **out, spotc_client *client,
                                              const char *playlist_id, const char *const *items,
                                              size_t count,
                                              const spotc_playlist_remove_options *opts);

/**
 * PUT /playlists/{id}/items: move opts->range_length items (one by default)
 * starting at `range_start` to before the item at `insert_before`, as Spotify
 * counts them (positions before the move: moving the first item behind the
 * fourth is range_start 0, insert_before 4).
 * @param[out] out if not NULL: the new snapshot ID (the caller's, spotc_free()).
 */
SPOTC_EXTERN int spotc_playlist_reorder_items(char **out, spotc_client *client,
                                              const char *playlist_id, int range_start,
                                              int insert_before,
                                              const spotc_playlist_reorder_options *opts);

/** PUT /playlists/{id}/tracks, the older path (development-mode apps: /items). */
SPOTC_DEPRECATED("use spotc_playlist_reorder_items")
SPOTC_EXTERN int spotc_playlist_reorder_tracks(char **out, spotc_client *client,
                                               const char *playlist_id, int range_start,
                                               int insert_before,
                                               const spotc_playlist_reorder_options *opts);

/**
 * PUT /playlists/{id}/items with URIs: the playlist's items become exactly
 * `items` (none: emptied). More than one request's worth (100) is the first
 * 100 replaced, then the rest added in order; every item is checked first.
 * @param opts only the progress is used; NULL: none.
 * @param[out] out as for spotc_playlist_add_items().
 */
SPOTC_EXTERN int spotc_playlist_replace_items(char **out, spotc_client *client,
                                              const char *playlist_id, const char *const *items,
                                              size_t count, const spotc_playlist_add_options *opts);

/** Spotify's limit on the base64 text of a cover image (256 KB). */
#define SPOTC_COVER_MAX_BASE64 (256 * 1024)

/**
 * PUT /playlists/{playlist_id}/images: replace a playlist's cover.
 * Needs the ugc-image-upload scope and playlist-modify-public or -private.
 * The image is sent base64-encoded with Content-Type image/jpeg, as Spotify asks.
 * @param playlist_id an ID, URI or open.spotify.com link.
 * @param jpeg the JPEG bytes (borrowed); anything that is not a JPEG, or whose base64
 *        form exceeds SPOTC_COVER_MAX_BASE64, is SPOTC_EINVALID before anything is sent.
 * @return 0 when Spotify accepted it (202), else a negative code (details on the client).
 *         The upload is a PUT: a 5xx or network failure is retried.
 */
SPOTC_EXTERN int spotc_playlist_upload_cover(spotc_client *client, const char *playlist_id,
                                             const unsigned char *jpeg, size_t len);

SPOTC_END_DECL

#endif
