/**
 * @file spotc/follow.h
 * @brief Follows: the artists the user follows (cursor pages), and the older
 *        follow/unfollow/check endpoints for artists and users (deprecated:
 *        spotc_library_save() and friends take spotify:artist: and
 *        spotify:user: URIs).
 *
 * Batches behave as in spotc/library.h (any number of IDs, chunks of 50, in
 * order, a failed chunk named; development-mode apps are sent to /me/library).
 * Ownership: IDs and options are borrowed for the call; lists and bool arrays
 * that come back through `out` are the caller's (spotc_artist_list_free(),
 * spotc_free()).
 */
#ifndef SPOTC_FOLLOW_H
#define SPOTC_FOLLOW_H

#include "library.h"

SPOTC_BEGIN_DECL

/** GET /me/following?type=artist: cursor pages (`after`), so opts->offset must
 *  be 0; opts->all follows the cursors to the end (or opts->max_items). */
SPOTC_EXTERN int spotc_follow_list_artists(spotc_artist_list **out, spotc_client *client,
                                           const spotc_page_options *opts);

/** PUT /me/following. @param type SPOTC_TYPE_ARTIST or SPOTC_TYPE_USER (anything
 *  else is SPOTC_EINVALID); @param ids URIs, links or bare IDs of that type. */
SPOTC_DEPRECATED("use spotc_library_save")
SPOTC_EXTERN int spotc_follow_add(spotc_client *client, spotc_item_type type,
                                  const char *const *ids, size_t count,
                                  const spotc_library_options *opts);

/** DELETE /me/following. */
SPOTC_DEPRECATED("use spotc_library_remove")
SPOTC_EXTERN int spotc_follow_remove(spotc_client *client, spotc_item_type type,
                                     const char *const *ids, size_t count,
                                     const spotc_library_options *opts);

/** GET /me/following/contains. @param[out] out `count` answers in the order
 *  asked (the caller's: spotc_free()). */
SPOTC_DEPRECATED("use spotc_library_contains")
SPOTC_EXTERN int spotc_follow_contains(bool **out, spotc_client *client, spotc_item_type type,
                                       const char *const *ids, size_t count,
                                       const spotc_library_options *opts);

SPOTC_END_DECL

#endif
