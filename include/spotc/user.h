/**
 * @file spotc/user.h
 * @brief Profiles (the current user's, any user's) and the user's top artists
 *        and tracks.
 *
 * Ownership: what comes back through `out` is the caller's (spotc_user_free(),
 * spotc_artist_list_free(), spotc_track_list_free()); options are borrowed.
 */
#ifndef SPOTC_USER_H
#define SPOTC_USER_H

#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

/** The period top items are computed over. */
typedef enum spotc_top_range {
    SPOTC_TOP_RANGE_DEFAULT = 0, /**< Spotify's default (medium) */
    SPOTC_TOP_RANGE_SHORT,       /**< about the last 4 weeks (short_term) */
    SPOTC_TOP_RANGE_MEDIUM,      /**< about the last 6 months (medium_term) */
    SPOTC_TOP_RANGE_LONG,        /**< about the last year (long_term) */
} spotc_top_range;

/** GET /me: the current user's private profile (email and country need the
 *  user-read-email and user-read-private scopes). */
SPOTC_EXTERN int spotc_user_get_current(spotc_user **out, spotc_client *client);

/** GET /users/{user_id}: any user's public profile. @param id a user ID, URI or link. */
SPOTC_DEPRECATED("removed for development-mode apps, with no replacement")
SPOTC_EXTERN int spotc_user_get(spotc_user **out, spotc_client *client, const char *id);

/** GET /me/top/artists (user-top-read). A range out of the enum is SPOTC_EINVALID. */
SPOTC_EXTERN int spotc_top_list_artists(spotc_artist_list **out, spotc_client *client,
                                        spotc_top_range range, const spotc_page_options *opts);

/** GET /me/top/tracks (user-top-read). */
SPOTC_EXTERN int spotc_top_list_tracks(spotc_track_list **out, spotc_client *client,
                                       spotc_top_range range, const spotc_page_options *opts);

SPOTC_END_DECL

#endif
