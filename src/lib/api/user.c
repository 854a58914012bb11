/*
 * Profiles and top items (spotc/user.h).
 */
#include "ids_priv.h"
#include "internal.h"
#include "typed_call.h"

/* The deprecated function is defined here, not called. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

SPOTC__KIND(user);
SPOTC__LIST_KIND(artist_list);
SPOTC__LIST_KIND(track_list);

int spotc_user_get_current(spotc_user **out, spotc_client *client)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    return spotc__typed_call((void **)out, client, "get-current-users-profile", NULL, NULL,
                             &user_kind);
}

int spotc_user_get(spotc_user **out, spotc_client *client, const char *id)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc_id uid;
    int rc = spotc__id_require(client, &uid, id, SPOTC_TYPE_USER);
    if (rc < 0)
        return rc;
    spotc__params p = {0};
    spotc__params_add(&p, "user_id", uid.id);
    return spotc__typed_call((void **)out, client, "get-users-profile", &p, NULL, &user_kind);
}

/* Spotify's name of a range; NULL for the default, "" for one out of the enum. */
static const char *range_name(spotc_top_range range)
{
    switch (range) {
    case SPOTC_TOP_RANGE_DEFAULT:
        return NULL;
    case SPOTC_TOP_RANGE_SHORT:
        return "short_term";
    case SPOTC_TOP_RANGE_MEDIUM:
        return "medium_term";
    case SPOTC_TOP_RANGE_LONG:
        return "long_term";
    }
    return "";
}

static int top_list(void **out, spotc_client *client, const char *op, spotc_top_range range,
                    const spotc_page_options *opts, const spotc__result_kind *kind)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    const char *name = range_name(range);
    if (name && !*name)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: unknown time range %d", op,
                                (int)range);
    spotc__params p = {0};
    spotc__params_add(&p, "time_range", name);
    return spotc__typed_paged(out, client, op, &p, opts, kind);
}

int spotc_top_list_artists(spotc_artist_list **out, spotc_client *client, spotc_top_range range,
                           const spotc_page_options *opts)
{
    return top_list((void **)out, client, "get-users-top-artists", range, opts, &artist_list_kind);
}

int spotc_top_list_tracks(spotc_track_list **out, spotc_client *client, spotc_top_range range,
                          const spotc_page_options *opts)
{
    return top_list((void **)out, client, "get-users-top-tracks", range, opts, &track_list_kind);
}
