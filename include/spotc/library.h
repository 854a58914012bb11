/**
 * @file spotc/library.h
 * @brief The user's library: save, remove and check items of any type by URI
 *        (/me/library), list the saved tracks, albums, shows, episodes and
 *        audiobooks, and the older type-specific endpoints Spotify deprecated.
 *
 * Batches take any number of items: they are checked before the first request
 * (a malformed one is SPOTC_EINVALID naming its position, nothing sent), sent
 * in chunks of the endpoint's maximum, in order; a failed chunk stops the call
 * (SPOTC_EPARTIAL when earlier chunks were done; the message names the chunk
 * and its items). The deprecated type-specific functions follow the client's
 * app mode (spotc_client_options.mode): for development-mode apps they are
 * sent to /me/library instead.
 *
 * Ownership: items and options are borrowed for the call. Lists that come back
 * through `out` are the caller's (their spotc_<model>_list_free()); the bool
 * arrays of the contains checks are the caller's, released with spotc_free().
 */
#ifndef SPOTC_LIBRARY_H
#define SPOTC_LIBRARY_H

#include <stdbool.h>

#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

/** Options of the batch calls of the library and of follows. NULL means defaults. */
typedef struct spotc_library_options {
    unsigned int version;       /**< SPOTC_LIBRARY_OPTIONS_VERSION */
    int keep_going;             /**< 1: after a failed chunk send the others; 0: stop */
    spotc_progress_cb progress; /**< optional: items done after each request */
    void *progress_payload;     /**< handed to progress */
} spotc_library_options;

#define SPOTC_LIBRARY_OPTIONS_VERSION 1
#define SPOTC_LIBRARY_OPTIONS_INIT                                                                 \
    {                                                                                              \
        .version = SPOTC_LIBRARY_OPTIONS_VERSION                                                   \
    }
/**
 * Fill opts with the values of SPOTC_LIBRARY_OPTIONS_INIT (for bindings, which
 * cannot use the macro).
 * @param version SPOTC_LIBRARY_OPTIONS_VERSION.
 * @return 0, or SPOTC_EINVALID for NULL or an unknown version.
 */
SPOTC_EXTERN int spotc_library_options_init(spotc_library_options *opts, unsigned int version);

/** PUT /me/library: save items of any saveable type (tracks, albums, shows,
 *  episodes, audiobooks, artists and users to follow, playlists).
 *  @param uris Spotify URIs or open.spotify.com links (a bare ID has no type:
 *         SPOTC_EINVALID). */
SPOTC_EXTERN int spotc_library_save(spotc_client *client, const char *const *uris, size_t count,
                                    const spotc_library_options *opts);

/** DELETE /me/library: the reverse of spotc_library_save(). */
SPOTC_EXTERN int spotc_library_remove(spotc_client *client, const char *const *uris,
                                      size_t count, const spotc_library_options *opts);

/** GET /me/library/contains.
 *  @param[out] out `count` answers in the order asked (the caller's: spotc_free();
 *              NULL when count is 0 or on failure). */
SPOTC_EXTERN int spotc_library_contains(bool **out, spotc_client *client, const char *const *uris,
                                        size_t count, const spotc_library_options *opts);

/** GET /me/tracks: the saved tracks, newest first. @param market may be NULL. */
SPOTC_EXTERN int spotc_library_list_tracks(spotc_saved_track_list **out, spotc_client *client,
                                           const char *market, const spotc_page_options *opts);
/** GET /me/albums. */
SPOTC_EXTERN int spotc_library_list_albums(spotc_saved_album_list **out, spotc_client *client,
                                           const char *market, const spotc_page_options *opts);
/** GET /me/shows. */
SPOTC_EXTERN int spotc_library_list_shows(spotc_saved_show_list **out, spotc_client *client,
                                          const spotc_page_options *opts);
/** GET /me/episodes. */
SPOTC_EXTERN int spotc_library_list_episodes(spotc_saved_episode_list **out,
                                             spotc_client *client, const char *market,
                                             const spotc_page_options *opts);
/** GET /me/audiobooks. */
SPOTC_EXTERN int spotc_library_list_audiobooks(spotc_saved_audiobook_list **out,
                                               spotc_client *client,
                                               const spotc_page_options *opts);

/* The type-specific endpoints, deprecated by Spotify and removed for
 * development-mode apps (there they go to /me/library, see above). IDs as URIs,
 * links or bare IDs of the type. */

/** PUT /me/tracks (50 a request). */
SPOTC_DEPRECATED("use spotc_library_save")
SPOTC_EXTERN int spotc_library_save_tracks(spotc_client *client, const char *const *ids, size_t count,
                                    const spotc_library_options *opts);
/** DELETE /me/tracks (50 a request). */
SPOTC_DEPRECATED("use spotc_library_remove")
SPOTC_EXTERN int spotc_library_remove_tracks(spotc_client *client, const char *const *ids,
                                      size_t count, const spotc_library_options *opts);
/** GET /me/tracks/contains (50 a request). @param[out] out as spotc_library_contains(). */
SPOTC_DEPRECATED("use spotc_library_contains")
SPOTC_EXTERN int spotc_library_contains_tracks(bool **out, spotc_client *client,
                                        const char *const *ids, size_t count,
                                        const spotc_library_options *opts);

/** PUT /me/albums (20 a request). */
SPOTC_DEPRECATED("use spotc_library_save")
SPOTC_EXTERN int spotc_library_save_albums(spotc_client *client, const char *const *ids, size_t count,
                                    const spotc_library_options *opts);
/** DELETE /me/albums (20 a request). */
SPOTC_DEPRECATED("use spotc_library_remove")
SPOTC_EXTERN int spotc_library_remove_albums(spotc_client *client, const char *const *ids,
                                      size_t count, const spotc_library_options *opts);
/** GET /me/albums/contains (20 a request). @param[out] out as spotc_library_contains(). */
SPOTC_DEPRECATED("use spotc_library_contains")
SPOTC_EXTERN int spotc_library_contains_albums(bool **out, spotc_client *client,
                                        const char *const *ids, size_t count,
                                        const spotc_library_options *opts);

/** PUT /me/shows (50 a request). */
SPOTC_DEPRECATED("use spotc_library_save")
SPOTC_EXTERN int spotc_library_save_shows(spotc_client *client, const char *const *ids, size_t count,
                                    const spotc_library_options *opts);
/** DELETE /me/shows (50 a request). */
SPOTC_DEPRECATED("use spotc_library_remove")
SPOTC_EXTERN int spotc_library_remove_shows(spotc_client *client, const char *const *ids,
                                      size_t count, const spotc_library_options *opts);
/** GET /me/shows/contains (50 a request). @param[out] out as spotc_library_contains(). */
SPOTC_DEPRECATED("use spotc_library_contains")
SPOTC_EXTERN int spotc_library_contains_shows(bool **out, spotc_client *client,
                                        const char *const *ids, size_t count,
                                        const spotc_library_options *opts);

/** PUT /me/episodes (50 a request). */
SPOTC_DEPRECATED("use spotc_library_save")
SPOTC_EXTERN int spotc_library_save_episodes(spotc_client *client, const char *const *ids, size_t count,
                                    const spotc_library_options *opts);
/** DELETE /me/episodes (50 a request). */
SPOTC_DEPRECATED("use spotc_library_remove")
SPOTC_EXTERN int spotc_library_remove_episodes(spotc_client *client, const char *const *ids,
                                      size_t count, const spotc_library_options *opts);
/** GET /me/episodes/contains (50 a request). @param[out] out as spotc_library_contains(). */
SPOTC_DEPRECATED("use spotc_library_contains")
SPOTC_EXTERN int spotc_library_contains_episodes(bool **out, spotc_client *client,
                                        const char *const *ids, size_t count,
                                        const spotc_library_options *opts);

/** PUT /me/audiobooks (50 a request). */
SPOTC_DEPRECATED("use spotc_library_save")
SPOTC_EXTERN int spotc_library_save_audiobooks(spotc_client *client, const char *const *ids, size_t count,
                                    const spotc_library_options *opts);
/** DELETE /me/audiobooks (50 a request). */
SPOTC_DEPRECATED("use spotc_library_remove")
SPOTC_EXTERN int spotc_library_remove_audiobooks(spotc_client *client, const char *const *ids,
                                      size_t count, const spotc_library_options *opts);
/** GET /me/audiobooks/contains (50 a request). @param[out] out as spotc_library_contains(). */
SPOTC_DEPRECATED("use spotc_library_contains")
SPOTC_EXTERN int spotc_library_contains_audiobooks(bool **out, spotc_client *client,
                                        const char *const *ids, size_t count,
                                        const spotc_library_options *opts);

SPOTC_END_DECL

#endif
