/**
 * @file spotc/models/playlists.h
 * @brief Playlists (simplified and full) and their items. Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_PLAYLISTS_H
#define SPOTC_MODELS_PLAYLISTS_H

#include "music.h"
#include "spoken.h"
#include "users.h"

SPOTC_BEGIN_DECL

/** One entry of a playlist. What it holds is `track` (a track, a local file:
 *  track->is_local) or `episode`, chosen by the object's "type"; both are NULL
 *  when Spotify sent null (an item no longer available). Read from "item"
 *  (since 2026) or the older "track". */
typedef struct spotc_playlist_item {
    struct json_t *json;
    const char *added_at;   /**< NULL for some very old playlists */
    spotc_user *added_by;   /**< NULL for some very old playlists */
    bool is_local;
    spotc_track *track;     /**< NULL when the item is an episode or null */
    spotc_episode *episode; /**< NULL when the item is a track or null */
} spotc_playlist_item;

typedef struct spotc_playlist_item_list SPOTC_LIST_OF(spotc_playlist_item) spotc_playlist_item_list;

/** A simplified playlist (in lists: items_href and total_items only) or a full
 *  one (GET /playlists/{id}: items holds the first page). */
typedef struct spotc_playlist {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type; /**< "playlist" */
    const char *description;
    const char *snapshot_id;
    bool collaborative;
    int is_public;    /**< "public": 1, 0, or -1 (null: not relevant) */
    int followers;    /**< followers.total, -1 when absent (full only) */
    spotc_user *owner;
    size_t image_count;
    spotc_image *images;
    const char *items_href; /**< items.href (or the older tracks.href) */
    int total_items;        /**< items.total (or tracks.total), -1 when absent */
    spotc_playlist_item_list *items; /**< full playlist: the first page of items, else NULL */
} spotc_playlist;

typedef struct spotc_playlist_list SPOTC_LIST_OF(spotc_playlist) spotc_playlist_list;

/** A playlist object (full or simplified). */
SPOTC_EXTERN int spotc_playlist_parse(spotc_playlist **out, const char *json, size_t len);
/** A page of playlists (also {"playlists": page}, as featured and category playlists). */
SPOTC_EXTERN int spotc_playlist_list_parse(spotc_playlist_list **out, const char *json,
                                           size_t len);
/** A page of playlist items (GET /playlists/{id}/items). */
SPOTC_EXTERN int spotc_playlist_item_list_parse(spotc_playlist_item_list **out, const char *json,
                                                size_t len);
SPOTC_EXTERN void spotc_playlist_free(spotc_playlist *playlist);
SPOTC_EXTERN void spotc_playlist_list_free(spotc_playlist_list *list);
SPOTC_EXTERN void spotc_playlist_item_list_free(spotc_playlist_item_list *list);

SPOTC_END_DECL

#endif
