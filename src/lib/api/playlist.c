/*
 * Typed playlist calls (playlist.h): reads, creating and editing a playlist,
 * following it. The writes of its items are in playlist_items.c, the cover
 * upload in playlist_cover.c.
 *
 * The deprecated functions send their own (older) operation: the client's app
 * mode turns it into the development-mode form where the app needs that
 * (app_mode.h), so nothing here knows about modes.
 */
#include <string.h>

#include "ids_priv.h"
#include "internal.h"
#include "model.h"
#include "typed_call.h"

/* Asked for on every read of items, so that episodes come as episodes (not null). */
#define ITEM_TYPES "track,episode"

SPOTC__KIND(playlist);
SPOTC__LIST_KIND(playlist_list);
SPOTC__LIST_KIND(playlist_item_list);

/* ------------------------------------------------------------ helpers */

/* Parse the playlist's ID into `id` (which must outlive p) and add it as playlist_id. */
static int add_playlist_id(spotc_client *client, spotc__params *p, spotc_id *id, const char *input)
{
    int rc = spotc__id_require(client, id, input, SPOTC_TYPE_PLAYLIST);
    if (rc == 0)
        spotc__params_add(p, "playlist_id", id->id);
    return rc;
}

static const char *tristate(int v)
{
    return v == SPOTC_PLAYLIST_UNSET ? NULL : v ? "true" : "false";
}

/* The body of create and change_details from the caller's details. */
static int add_details(spotc_client *client, spotc__params *p, const spotc_playlist_details *d,
                       int create)
{
    if (!d || d->version != SPOTC_PLAYLIST_DETAILS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID,
                                d ? "spotc_playlist_details: unknown version %u"
                                  : "no playlist details given",
                                d ? d->version : 0);
    if (create && (!d->name || !*d->name))
        return spotc__error_set(client, SPOTC_EINVALID, "a new playlist needs a name");
    if (d->name && !*d->name)
        return spotc__error_set(client, SPOTC_EINVALID, "a playlist's name cannot be empty");
    if ((d->is_public != SPOTC_PLAYLIST_UNSET && d->is_public != 0 && d->is_public != 1) ||
        (d->collaborative != SPOTC_PLAYLIST_UNSET && d->collaborative != 0 &&
         d->collaborative != 1))
        return spotc__error_set(client, SPOTC_EINVALID,
                                "is_public and collaborative are 1, 0 or SPOTC_PLAYLIST_UNSET");
    size_t before = p->n;
    spotc__params_add(p, "name", d->name);
    spotc__params_add(p, "description", d->description);
    spotc__params_add(p, "public", tristate(d->is_public));
    spotc__params_add(p, "collaborative", tristate(d->collaborative));
    if (!create && p->n == before)
        return spotc__error_set(client, SPOTC_EINVALID, "no playlist detail to change");
    return 0;
}

/* ------------------------------------------------------------ reads */

int spotc_playlist_get(spotc_playlist **out, spotc_client *client, const char *playlist_id,
                       const char *market)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    spotc_id id;
    int rc = add_playlist_id(client, &p, &id, playlist_id);
    if (rc < 0)
        return rc;
    spotc__params_add(&p, "additional_types", ITEM_TYPES);
    spotc__params_add_market(&p, client, market);
    return spotc__typed_call((void **)out, client, "get-playlist", &p, NULL, &playlist_kind);
}

static int list_items(spotc_playlist_item_list **out, spotc_client *client, const char *op,
                      const char *playlist_id, const char *market, const spotc_page_options *opts)
{
    const spotc__item_call what = {op, SPOTC_TYPE_PLAYLIST, false, &playlist_item_list_kind};
    spotc__params p = {0};
    spotc__params_add(&p, "additional_types", ITEM_TYPES);
    if (client)
        spotc__params_add_market(&p, client, market);
    return spotc__typed_children((void **)out, client, &what, "playlist_id", playlist_id, &p, opts);
}

int spotc_playlist_list_items(spotc_playlist_item_list **out, spotc_client *client,
                              const char *playlist_id, const char *market,
                              const spotc_page_options *opts)
{
    return list_items(out, client, "get-playlists-items", playlist_id, market, opts);
}

int spotc_playlist_list_tracks(spotc_playlist_item_list **out, spotc_client *client,
                               const char *playlist_id, const char *market,
                               const spotc_page_options *opts)
{
    return list_items(out, client, "get-playlists-tracks", playlist_id, market, opts);
}

int spotc_playlist_list_mine(spotc_playlist_list **out, spotc_client *client,
                             const spotc_page_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    return spotc__typed_paged((void **)out, client, "get-a-list-of-current-users-playlists", &p,
                              opts, &playlist_list_kind);
}

int spotc_playlist_list_user(spotc_playlist_list **out, spotc_client *client, const char *user_id,
                             const spotc_page_options *opts)
{
    static const spotc__item_call what = {"get-list-users-playlists", SPOTC_TYPE_USER, false,
                                          &playlist_list_kind};
    spotc__params p = {0};
    return spotc__typed_children((void **)out, client, &what, "user_id", user_id, &p, opts);
}

/* The cover images come as a bare array: wrapped as {"images": [...]} for the list. */
static int images_from(spotc_image_list **out, spotc_client *client, spotc_response *resp)
{
    json_t *got = spotc_response_get_json(resp);
    if (got && !json_is_array(got))
        return spotc__error_set(client, SPOTC_EJSON, "the cover images are not a JSON array");
    json_t *wrap = got ? json_pack("{s:O}", "images", got) : json_pack("{s:[]}", "images");
    int rc = wrap && spotc__image_list_from_json(out, wrap) == 0 ? 0 : spotc__typed_nomem(client);
    json_decref(wrap); /* the list keeps its own reference */
    return rc;
}

int spotc_playlist_get_cover(spotc_image_list **out, spotc_client *client, const char *playlist_id)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    spotc_id id;
    int rc = add_playlist_id(client, &p, &id, playlist_id);
    spotc_response *resp = NULL;
    if (rc == 0)
        rc = spotc_operation_call(&resp, client, "get-playlist-cover", p.v, p.n, NULL);
    if (rc == 0)
        rc = images_from(out, client, resp);
    spotc_response_free(resp);
    return rc;
}

/* ------------------------------------------------------------ playlists */

int spotc_playlist_create(spotc_playlist **out, spotc_client *client,
                          const spotc_playlist_details *details)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    int rc = add_details(client, &p, details, 1);
    if (rc < 0)
        return rc;
    return spotc__typed_call((void **)out, client, "create-playlist", &p, NULL, &playlist_kind);
}

int spotc_playlist_create_for_user(spotc_playlist **out, spotc_client *client, const char *user_id,
                                   const spotc_playlist_details *details)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    spotc_id user;
    int rc = spotc__id_require(client, &user, user_id, SPOTC_TYPE_USER);
    if (rc == 0) {
        spotc__params_add(&p, "user_id", user.id);
        rc = add_details(client, &p, details, 1);
    }
    if (rc < 0)
        return rc;
    return spotc__typed_call((void **)out, client, "create-playlist-for-user", &p, NULL,
                             &playlist_kind);
}

int spotc_playlist_change_details(spotc_client *client, const char *playlist_id,
                                  const spotc_playlist_details *details)
{
    if (!client)
        return SPOTC_EINVALID;
    spotc__params p = {0};
    spotc_id id;
    int rc = add_playlist_id(client, &p, &id, playlist_id);
    if (rc == 0)
        rc = add_details(client, &p, details, 0);
    if (rc < 0)
        return rc;
    return spotc__typed_call(NULL, client, "change-playlist-details", &p, NULL, NULL);
}

/* An operation on one playlist whose answer is not wanted (follow, unfollow). */
static int playlist_command(spotc_client *client, const char *op, const char *playlist_id,
                            const char *key, const char *value)
{
    if (!client)
        return SPOTC_EINVALID;
    spotc__params p = {0};
    spotc_id id;
    int rc = add_playlist_id(client, &p, &id, playlist_id);
    if (rc < 0)
        return rc;
    spotc__params_add(&p, key, value);
    return spotc__typed_call(NULL, client, op, &p, NULL, NULL);
}

int spotc_playlist_follow(spotc_client *client, const char *playlist_id, int is_public)
{
    if (client && is_public != SPOTC_PLAYLIST_UNSET && is_public != 0 && is_public != 1)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "is_public is 1, 0 or SPOTC_PLAYLIST_UNSET");
    return playlist_command(client, "follow-playlist", playlist_id, "public", tristate(is_public));
}

int spotc_playlist_unfollow(spotc_client *client, const char *playlist_id)
{
    return playlist_command(client, "unfollow-playlist", playlist_id, NULL, NULL);
}

/* Without `ids` Spotify answers for the token's user, and the development-mode
 * form (/me/library/contains with the playlist's URI) needs none. */
int spotc_playlist_contains_followers(bool *out, spotc_client *client, const char *playlist_id)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = false;
    spotc__params p = {0};
    spotc_id id;
    int rc = add_playlist_id(client, &p, &id, playlist_id);
    spotc_response *resp = NULL;
    if (rc == 0)
        rc = spotc_operation_call(&resp, client, "check-if-user-follows-playlist", p.v, p.n, NULL);
    json_t *first = rc == 0 ? json_array_get(spotc_response_get_json(resp), 0) : NULL;
    if (rc == 0 && !json_is_boolean(first))
        rc = spotc__error_set(client, SPOTC_EJSON, "Spotify's answer is not a list of booleans");
    if (rc == 0)
        *out = json_is_true(first);
    spotc_response_free(resp);
    return rc;
}
