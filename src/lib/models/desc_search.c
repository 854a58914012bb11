/*
 * The search result (spotc/models/search_result.h): a list per type, each
 * filled from the paging object under its key.
 */
#include "model.h"

#define T spotc_search_result
static const spotc__field search_result_fields[] = {
    SPOTC__LIST_AS(T, tracks, "tracks", track, track_list),
    SPOTC__LIST_AS(T, albums, "albums", album, album_list),
    SPOTC__LIST_AS(T, artists, "artists", artist, artist_list),
    SPOTC__JSON(T, playlists, "playlists"),
    SPOTC__JSON(T, shows, "shows"),
    SPOTC__JSON(T, episodes, "episodes"),
    SPOTC__JSON(T, audiobooks, "audiobooks"),
    SPOTC__LIST_AS(T, playlist_list, "playlists", playlist, playlist_list),
    SPOTC__LIST_AS(T, show_list, "shows", show, show_list),
    SPOTC__LIST_AS(T, episode_list, "episodes", episode, episode_list),
    SPOTC__LIST_AS(T, audiobook_list, "audiobooks", audiobook, audiobook_list),
};
#undef T
SPOTC__MODEL(search_result, search_result_fields, NULL);
SPOTC__MODEL_FUNCTIONS(search_result)
