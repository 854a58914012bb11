/*
 * Follows (spotc/follow.h): the followed artists in cursor pages, and the
 * deprecated follow/unfollow/check batches through the batch engine.
 */
#include "internal.h"
#include "library_batch.h"
#include "typed_call.h"

/* The deprecated functions are defined here, not called. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

SPOTC__LIST_KIND(artist_list);

int spotc_follow_list_artists(spotc_artist_list **out, spotc_client *client,
                              const spotc_page_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    spotc__params_add(&p, "type", "artist");
    return spotc__typed_paged((void **)out, client, "get-followed", &p, opts, &artist_list_kind);
}

/* One follow batch for artists or users; any other type is refused here. */
static int follow_batch(bool **answers, spotc_client *client, const char *op,
                        spotc_item_type type, const char *const *ids, size_t count,
                        const spotc_library_options *opts)
{
    if (!client)
        return SPOTC_EINVALID;
    if (type != SPOTC_TYPE_ARTIST && type != SPOTC_TYPE_USER)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: only artists and users are followed",
                                op);
    const spotc__library_call call = {op, type, spotc_id_type_to_name(type)};
    return spotc__library_batch(answers, client, &call, ids, count, opts);
}

int spotc_follow_add(spotc_client *client, spotc_item_type type, const char *const *ids,
                     size_t count, const spotc_library_options *opts)
{
    return follow_batch(NULL, client, "follow-artists-users", type, ids, count, opts);
}

int spotc_follow_remove(spotc_client *client, spotc_item_type type, const char *const *ids,
                        size_t count, const spotc_library_options *opts)
{
    return follow_batch(NULL, client, "unfollow-artists-users", type, ids, count, opts);
}

int spotc_follow_contains(bool **out, spotc_client *client, spotc_item_type type,
                          const char *const *ids, size_t count, const spotc_library_options *opts)
{
    if (!out)
        return SPOTC_EINVALID;
    return follow_batch(out, client, "check-current-user-follows", type, ids, count, opts);
}
