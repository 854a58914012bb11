/*
 * The user's library (spotc/library.h): /me/library for items of any type,
 * the saved-item lists, and the deprecated type-specific batches, all through
 * the batch engine (library_batch.c), which also applies the app's mode.
 */
#include "internal.h"
#include "library_batch.h"
#include "typed_call.h"

/* The deprecated functions are defined here, not called. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

SPOTC__LIST_KIND(saved_track_list);
SPOTC__LIST_KIND(saved_album_list);
SPOTC__LIST_KIND(saved_show_list);
SPOTC__LIST_KIND(saved_episode_list);
SPOTC__LIST_KIND(saved_audiobook_list);

/* ------------------------------------------------------------ any type, by URI */

static const spotc__library_call save_any = {"save-library-items", SPOTC_TYPE_ANY, NULL};
static const spotc__library_call remove_any = {"remove-library-items", SPOTC_TYPE_ANY, NULL};
static const spotc__library_call contains_any = {"check-library-contains", SPOTC_TYPE_ANY, NULL};

int spotc_library_save(spotc_client *client, const char *const *uris, size_t count,
                       const spotc_library_options *opts)
{
    return spotc__library_batch(NULL, client, &save_any, uris, count, opts);
}

int spotc_library_remove(spotc_client *client, const char *const *uris, size_t count,
                         const spotc_library_options *opts)
{
    return spotc__library_batch(NULL, client, &remove_any, uris, count, opts);
}

int spotc_library_contains(bool **out, spotc_client *client, const char *const *uris,
                           size_t count, const spotc_library_options *opts)
{
    if (!out)
        return SPOTC_EINVALID;
    return spotc__library_batch(out, client, &contains_any, uris, count, opts);
}

/* ------------------------------------------------------------ saved-item lists */

/* One page (or all) of a saved-item list; a market (the one given, else the
 * client's) only where the operation takes one. */
static int saved_list(void **out, spotc_client *client, const char *op, bool takes_market,
                      const char *market, const spotc_page_options *opts,
                      const spotc__result_kind *kind)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    if (takes_market)
        spotc__params_add_market(&p, client, market);
    return spotc__typed_paged(out, client, op, &p, opts, kind);
}

int spotc_library_list_tracks(spotc_saved_track_list **out, spotc_client *client, const char *market,
                           const spotc_page_options *opts)
{
    return saved_list((void **)out, client, "get-users-saved-tracks", true, market, opts, &saved_track_list_kind);
}

int spotc_library_list_albums(spotc_saved_album_list **out, spotc_client *client, const char *market,
                           const spotc_page_options *opts)
{
    return saved_list((void **)out, client, "get-users-saved-albums", true, market, opts, &saved_album_list_kind);
}

int spotc_library_list_shows(spotc_saved_show_list **out, spotc_client *client,
                           const spotc_page_options *opts)
{
    return saved_list((void **)out, client, "get-users-saved-shows", false, NULL, opts, &saved_show_list_kind);
}

int spotc_library_list_episodes(spotc_saved_episode_list **out, spotc_client *client, const char *market,
                           const spotc_page_options *opts)
{
    return saved_list((void **)out, client, "get-users-saved-episodes", true, market, opts, &saved_episode_list_kind);
}

int spotc_library_list_audiobooks(spotc_saved_audiobook_list **out, spotc_client *client,
                           const spotc_page_options *opts)
{
    return saved_list((void **)out, client, "get-users-saved-audiobooks", false, NULL, opts, &saved_audiobook_list_kind);
}

/* ------------------------------------------------------------ deprecated, per type */

/* The save, remove and contains functions of one type's endpoints. */
#define LIBRARY_BY_TYPE(object, TYPE, save_op, remove_op, check_op)                                \
    int spotc_library_save_##object(spotc_client *client, const char *const *ids, size_t count,    \
                                    const spotc_library_options *opts)                             \
    {                                                                                              \
        static const spotc__library_call call = {save_op, TYPE, NULL};                             \
        return spotc__library_batch(NULL, client, &call, ids, count, opts);                        \
    }                                                                                              \
    int spotc_library_remove_##object(spotc_client *client, const char *const *ids, size_t count,  \
                                      const spotc_library_options *opts)                           \
    {                                                                                              \
        static const spotc__library_call call = {remove_op, TYPE, NULL};                           \
        return spotc__library_batch(NULL, client, &call, ids, count, opts);                        \
    }                                                                                              \
    int spotc_library_contains_##object(bool **out, spotc_client *client, const char *const *ids,  \
                                        size_t count, const spotc_library_options *opts)           \
    {                                                                                              \
        static const spotc__library_call call = {check_op, TYPE, NULL};                            \
        if (!out)                                                                                  \
            return SPOTC_EINVALID;                                                                 \
        return spotc__library_batch(out, client, &call, ids, count, opts);                         \
    }

LIBRARY_BY_TYPE(tracks, SPOTC_TYPE_TRACK, "save-tracks-user", "remove-tracks-user", "check-users-saved-tracks")
LIBRARY_BY_TYPE(albums, SPOTC_TYPE_ALBUM, "save-albums-user", "remove-albums-user", "check-users-saved-albums")
LIBRARY_BY_TYPE(shows, SPOTC_TYPE_SHOW, "save-shows-user", "remove-shows-user", "check-users-saved-shows")
LIBRARY_BY_TYPE(episodes, SPOTC_TYPE_EPISODE, "save-episodes-user", "remove-episodes-user", "check-users-saved-episodes")
LIBRARY_BY_TYPE(audiobooks, SPOTC_TYPE_AUDIOBOOK, "save-audiobooks-user", "remove-audiobooks-user", "check-users-saved-audiobooks")
