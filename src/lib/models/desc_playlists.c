/*
 * Descriptors of playlists and playlist items (spotc/models/playlists.h).
 */
#include "model.h"

/* What a playlist item holds, by its "type": an episode, else a track (a
 * local file is a track). "item" is the newer key; it wins over "track". */
#define T spotc_playlist_item
static const spotc__field playlist_item_fields[] = {
    SPOTC__STRING(T, added_at, "added_at"),
    SPOTC__OBJECT(T, added_by, "added_by", user),
    SPOTC__BOOL(T, is_local, "is_local"),
    SPOTC__TRACK_OR_EPISODE(T, "track"),
    SPOTC__TRACK_OR_EPISODE(T, "item"),
};
#undef T
SPOTC__MODEL(playlist_item, playlist_item_fields, NULL);

/* A simplified playlist's "items" (or "tracks") is only {href, total}; a full
 * one's is the first page. */
#define T spotc_playlist
static const spotc__field simplified_playlist_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, description, "description"),
    SPOTC__STRING(T, snapshot_id, "snapshot_id"),
    SPOTC__BOOL(T, collaborative, "collaborative"),
    SPOTC__TRISTATE(T, is_public, "public"),
    SPOTC__INT(T, followers, "followers.total"),
    SPOTC__OBJECT(T, owner, "owner", user),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRING(T, items_href, "tracks.href"),
    SPOTC__INT(T, total_items, "tracks.total"),
    SPOTC__STRING(T, items_href, "items.href"),
    SPOTC__INT(T, total_items, "items.total"),
};
static const spotc__field playlist_fields[] = {
    SPOTC__LIST_AS(T, items, "tracks", playlist_item, playlist_item_list),
    SPOTC__LIST_AS(T, items, "items", playlist_item, playlist_item_list),
};
#undef T
SPOTC__MODEL_AS(simplified_playlist, playlist, simplified_playlist_fields, NULL);
SPOTC__MODEL(playlist, playlist_fields, &spotc__simplified_playlist_desc);
SPOTC__MODEL_FUNCTIONS(playlist)

SPOTC__LIST(playlist_item, "items", NULL);
SPOTC__LIST_OF_DESC(playlist_list, playlist, simplified_playlist, "playlists", NULL);
SPOTC__LIST_FUNCTIONS(playlist_item)
SPOTC__LIST_FUNCTIONS(playlist)
