/*
 * The table of every Web API operation (spotc/operations.h).
 *
 * One row per operation: where each parameter goes, how IDs are batched, how
 * results are paged, what replaced it. spotc_operation_call(), the CLI's `api` command,
 * the typed functions and the coverage tests are all driven from here, so a
 * fact about an endpoint lives in exactly one place.
 *
 * Where an endpoint accepts a list both in the query and in the JSON body, the
 * table keeps one place: the body for playlist items (long URI lists), the query
 * elsewhere (where Spotify marks it required). Numbers that may be fractional
 * (recommendation targets) are strings: they only ever travel in the query.
 */
#include <string.h>

#include "internal.h"

#define PARAMS(a) .params = (a), .nparams = sizeof(a) / sizeof((a)[0])

static const spotc_param_def p_id_market[] = {
    {"id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_ids_market[] = {
    {"ids", SPOTC_IN_QUERY, SPOTC_T_LIST, 1},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_id_limit_market_offset[] = {
    {"id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_id[] = {
    {"id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
};
static const spotc_param_def p_ids[] = {
    {"ids", SPOTC_IN_QUERY, SPOTC_T_LIST, 1},
};
static const spotc_param_def p_artist_albums[] = {
    {"id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},   {"include_groups", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},  {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_limit_offset[] = {
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_search[] = {
    {"q", SPOTC_IN_QUERY, SPOTC_T_STRING, 1},
    {"type", SPOTC_IN_QUERY, SPOTC_T_LIST, 1},
    {"include_external", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_playlist[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"additional_types", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    {"fields", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_playlist_details[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"collaborative", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
    {"description", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
    {"name", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
    {"public", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
};
static const spotc_param_def p_playlist_page[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"additional_types", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    {"fields", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_playlist_add[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"position", SPOTC_IN_BODY, SPOTC_T_INT, 0},
    {"uris", SPOTC_IN_BODY, SPOTC_T_LIST, 1},
};
static const spotc_param_def p_playlist_reorder[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"insert_before", SPOTC_IN_BODY, SPOTC_T_INT, 0},
    {"range_length", SPOTC_IN_BODY, SPOTC_T_INT, 0},
    {"range_start", SPOTC_IN_BODY, SPOTC_T_INT, 0},
    {"snapshot_id", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
    {"uris", SPOTC_IN_BODY, SPOTC_T_LIST, 0},
};
static const spotc_param_def p_playlist_id_tracks_snapshot_id[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"tracks", SPOTC_IN_BODY, SPOTC_T_OBJECT, 1},
    {"snapshot_id", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_playlist_id_items_snapshot_id[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"items", SPOTC_IN_BODY, SPOTC_T_OBJECT, 1},
    {"snapshot_id", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_new_playlist[] = {
    {"name", SPOTC_IN_BODY, SPOTC_T_STRING, 1},
    {"collaborative", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
    {"description", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
    {"public", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
};
static const spotc_param_def p_uris[] = {
    {"uris", SPOTC_IN_QUERY, SPOTC_T_LIST, 1},
};
static const spotc_param_def p_limit_market_offset[] = {
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_ids_timestamped_ids[] = {
    {"ids", SPOTC_IN_BODY, SPOTC_T_LIST, 1},
    {"timestamped_ids", SPOTC_IN_BODY, SPOTC_T_OBJECT, 0},
};
static const spotc_param_def p_user_id[] = {
    {"user_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
};
static const spotc_param_def p_user_id_limit_offset[] = {
    {"user_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_user_new_playlist[] = {
    {"user_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"name", SPOTC_IN_BODY, SPOTC_T_STRING, 1},
    {"collaborative", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
    {"description", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
    {"public", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
};
static const spotc_param_def p_playlist_id_public[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"public", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
};
static const spotc_param_def p_playlist_id[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
};
static const spotc_param_def p_limit_locale_offset[] = {
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"locale", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_category_id_locale[] = {
    {"category_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"locale", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_category_id_limit_offset[] = {
    {"category_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_type_after_limit[] = {
    {"type", SPOTC_IN_QUERY, SPOTC_T_STRING, 1},
    {"after", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_ids_type[] = {
    {"ids", SPOTC_IN_QUERY, SPOTC_T_LIST, 1},
    {"type", SPOTC_IN_QUERY, SPOTC_T_STRING, 1},
};
static const spotc_param_def p_playlist_id_ids[] = {
    {"playlist_id", SPOTC_IN_PATH, SPOTC_T_STRING, 1},
    {"ids", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
};
/* Each tunable audio attribute of a recommendation comes as min_, max_ and target_. */
// clang-format off
#define TUNABLE(a, t)                                                                              \
    {"min_" a, SPOTC_IN_QUERY, t, 0}, {"max_" a, SPOTC_IN_QUERY, t, 0},                            \
    {"target_" a, SPOTC_IN_QUERY, t, 0}
// clang-format on
static const spotc_param_def p_recommendations[] = {
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"seed_artists", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    {"seed_genres", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    {"seed_tracks", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    TUNABLE("acousticness", SPOTC_T_STRING),
    TUNABLE("danceability", SPOTC_T_STRING),
    TUNABLE("duration_ms", SPOTC_T_INT),
    TUNABLE("energy", SPOTC_T_STRING),
    TUNABLE("instrumentalness", SPOTC_T_STRING),
    TUNABLE("key", SPOTC_T_INT),
    TUNABLE("liveness", SPOTC_T_STRING),
    TUNABLE("loudness", SPOTC_T_STRING),
    TUNABLE("mode", SPOTC_T_INT),
    TUNABLE("popularity", SPOTC_T_INT),
    TUNABLE("speechiness", SPOTC_T_STRING),
    TUNABLE("tempo", SPOTC_T_STRING),
    TUNABLE("time_signature", SPOTC_T_INT),
    TUNABLE("valence", SPOTC_T_STRING),
};
static const spotc_param_def p_additional_types_market[] = {
    {"additional_types", SPOTC_IN_QUERY, SPOTC_T_LIST, 0},
    {"market", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_device_ids_play[] = {
    {"device_ids", SPOTC_IN_BODY, SPOTC_T_LIST, 1},
    {"play", SPOTC_IN_BODY, SPOTC_T_BOOL, 0},
};
static const spotc_param_def p_play[] = {
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
    {"context_uri", SPOTC_IN_BODY, SPOTC_T_STRING, 0},
    {"offset", SPOTC_IN_BODY, SPOTC_T_OBJECT, 0},
    {"position_ms", SPOTC_IN_BODY, SPOTC_T_INT, 0},
    {"uris", SPOTC_IN_BODY, SPOTC_T_LIST, 0},
};
static const spotc_param_def p_device_id[] = {
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_position_ms_device_id[] = {
    {"position_ms", SPOTC_IN_QUERY, SPOTC_T_INT, 1},
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_repeat[] = {
    {"state", SPOTC_IN_QUERY, SPOTC_T_STRING, 1},
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_volume_percent_device_id[] = {
    {"volume_percent", SPOTC_IN_QUERY, SPOTC_T_INT, 1},
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_shuffle[] = {
    {"state", SPOTC_IN_QUERY, SPOTC_T_BOOL, 1},
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_after_before_limit[] = {
    {"after", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"before", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
};
static const spotc_param_def p_uri_device_id[] = {
    {"uri", SPOTC_IN_QUERY, SPOTC_T_STRING, 1},
    {"device_id", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};
static const spotc_param_def p_limit_offset_time_range[] = {
    {"limit", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"offset", SPOTC_IN_QUERY, SPOTC_T_INT, 0},
    {"time_range", SPOTC_IN_QUERY, SPOTC_T_STRING, 0},
};

#define PLAYLIST_MODIFY "playlist-modify-public playlist-modify-private"
#define PLAYBACK_MODIFY "user-modify-playback-state"
/* The type-independent library endpoints take any of the scopes of what they touch. */
#define LIBRARY_MODIFY_ANY "user-library-modify user-follow-modify playlist-modify-public"
#define LIBRARY_READ_ANY "user-library-read user-follow-read playlist-read-private"

/* Shorthands that keep one operation to a line or two; a field not named is 0/NULL. */
#define OP(id_, method_, path_, scopes_, params_)                                                  \
    .id = id_, .method = method_, .path = path_, .scopes = scopes_, PARAMS(params_)
#define OP0(id_, method_, path_, scopes_)                                                          \
    .id = id_, .method = method_, .path = path_, .scopes = scopes_
#define BATCH(param, max) .batch_param = param, .batch_max = max
#define OFFSET(def, max) .paging = SPOTC_PAGING_OFFSET, .limit_default = def, .limit_max = max
#define CURSOR(def, max) .paging = SPOTC_PAGING_CURSOR, .limit_default = def, .limit_max = max
#define DEV_LIMIT(def, max) .dev_limit_default = def, .dev_limit_max = max
#define ITEMS(key) .items_key = key
/* Removed for development-mode apps since February 2026 (FACTS: still served in extended quota). */
#define REMOVED(replacement_) .deprecated = 1, .replacement = replacement_

// clang-format off
static const spotc_operation operations[] = {
    {OP("get-an-album", "GET", "/albums/{id}", NULL, p_id_market),
     .summary = "One album with the first page of its tracks"},
    {OP("get-multiple-albums", "GET", "/albums", NULL, p_ids_market), BATCH("ids", 20),
     ITEMS("albums"), REMOVED(NULL), .summary = "Several albums by ID (up to 20 a request)"},
    {OP("get-an-albums-tracks", "GET", "/albums/{id}/tracks", NULL, p_id_limit_market_offset),
     OFFSET(20, 50), ITEMS("items"), .summary = "The tracks of an album, a page at a time"},
    {OP("get-an-artist", "GET", "/artists/{id}", NULL, p_id), .summary = "One artist"},
    {OP("get-multiple-artists", "GET", "/artists", NULL, p_ids), BATCH("ids", 50), ITEMS("artists"),
     REMOVED(NULL), .summary = "Several artists by ID (up to 50 a request)"},
    {OP("get-an-artists-albums", "GET", "/artists/{id}/albums", NULL, p_artist_albums),
     OFFSET(20, 50), DEV_LIMIT(5, 10), ITEMS("items"),
     .summary = "The albums an artist released or appears on, a page at a time"},
    {OP("get-an-artists-top-tracks", "GET", "/artists/{id}/top-tracks", NULL, p_id_market),
     ITEMS("tracks"), REMOVED(NULL), .summary = "The most played tracks of an artist in a market"},
    {OP("get-an-artists-related-artists", "GET", "/artists/{id}/related-artists", NULL, p_id),
     ITEMS("artists"), REMOVED(NULL), .summary = "Artists similar to an artist"},
    {OP("get-a-show", "GET", "/shows/{id}", "user-read-playback-position", p_id_market),
     .summary = "One podcast show"},
    {OP("get-multiple-shows", "GET", "/shows", NULL, p_ids_market), BATCH("ids", 50),
     ITEMS("shows"), REMOVED(NULL), .summary = "Several shows by ID (up to 50 a request)"},
    {OP("get-a-shows-episodes", "GET", "/shows/{id}/episodes",
        "user-read-playback-position", p_id_limit_market_offset), OFFSET(20, 50), ITEMS("items"),
     .summary = "The episodes of a show, a page at a time"},
    {OP("get-an-episode", "GET", "/episodes/{id}", "user-read-playback-position", p_id_market),
     .summary = "One podcast episode"},
    {OP("get-multiple-episodes", "GET", "/episodes", "user-read-playback-position", p_ids_market),
     BATCH("ids", 50), ITEMS("episodes"), REMOVED(NULL),
     .summary = "Several episodes by ID (up to 50 a request)"},
    {OP("get-an-audiobook", "GET", "/audiobooks/{id}", NULL, p_id_market),
     .summary = "One audiobook"},
    {OP("get-multiple-audiobooks", "GET", "/audiobooks", NULL, p_ids_market), BATCH("ids", 50),
     ITEMS("audiobooks"), REMOVED(NULL),
     .summary = "Several audiobooks by ID (up to 50 a request)"},
    {OP("get-audiobook-chapters", "GET", "/audiobooks/{id}/chapters",
        NULL, p_id_limit_market_offset), OFFSET(20, 50), ITEMS("items"),
     .summary = "The chapters of an audiobook, a page at a time"},
    {OP("get-users-saved-audiobooks", "GET", "/me/audiobooks", "user-library-read", p_limit_offset),
     OFFSET(20, 50), ITEMS("items"), .summary = "The audiobooks in the user's library"},
    {OP("save-audiobooks-user", "PUT", "/me/audiobooks", "user-library-modify", p_ids),
     BATCH("ids", 50), REMOVED("save-library-items"),
     .summary = "Add audiobooks to the user's library"},
    {OP("remove-audiobooks-user", "DELETE", "/me/audiobooks", "user-library-modify", p_ids),
     BATCH("ids", 50), REMOVED("remove-library-items"),
     .summary = "Take audiobooks out of the user's library"},
    {OP("check-users-saved-audiobooks", "GET", "/me/audiobooks/contains",
        "user-library-read", p_ids), BATCH("ids", 50), REMOVED("check-library-contains"),
     .summary = "Whether audiobooks are in the user's library"},
    {OP("get-a-chapter", "GET", "/chapters/{id}", NULL, p_id_market),
     .summary = "One audiobook chapter"},
    {OP("get-several-chapters", "GET", "/chapters", NULL, p_ids_market), BATCH("ids", 50),
     ITEMS("chapters"), REMOVED(NULL), .summary = "Several chapters by ID (up to 50 a request)"},
    {OP("get-track", "GET", "/tracks/{id}", NULL, p_id_market), .summary = "One track"},
    {OP("get-several-tracks", "GET", "/tracks", NULL, p_ids_market), BATCH("ids", 50),
     ITEMS("tracks"), REMOVED(NULL), .summary = "Several tracks by ID (up to 50 a request)"},
    {OP("search", "GET", "/search", NULL, p_search), OFFSET(20, 50), DEV_LIMIT(5, 10),
     .summary = "Find albums, artists, playlists, tracks, shows, episodes or audiobooks"},
    {OP0("get-current-users-profile", "GET", "/me", "user-read-private user-read-email"),
     .summary = "The profile of the logged-in user"},
    {OP("get-playlist", "GET", "/playlists/{playlist_id}", NULL, p_playlist),
     .summary = "One playlist with the first page of its items"},
    {OP("change-playlist-details", "PUT", "/playlists/{playlist_id}",
        PLAYLIST_MODIFY, p_playlist_details),
     .summary = "Rename a playlist or change its description and visibility"},
    {OP("get-playlists-tracks", "GET", "/playlists/{playlist_id}/tracks",
        "playlist-read-private", p_playlist_page), OFFSET(20, 100), ITEMS("items"),
     REMOVED("get-playlists-items"), .summary = "The items of a playlist (old path)"},
    {OP("add-tracks-to-playlist", "POST", "/playlists/{playlist_id}/tracks",
        PLAYLIST_MODIFY, p_playlist_add), BATCH("uris", 100), REMOVED("add-items-to-playlist"),
     .summary = "Insert tracks or episodes into a playlist (old path)"},
    {OP("reorder-or-replace-playlists-tracks", "PUT", "/playlists/{playlist_id}/tracks",
        PLAYLIST_MODIFY, p_playlist_reorder), REMOVED("reorder-or-replace-playlists-items"),
     .summary = "Move a range of playlist items or replace them all (old path)"},
    {OP("remove-tracks-playlist", "DELETE", "/playlists/{playlist_id}/tracks",
        PLAYLIST_MODIFY, p_playlist_id_tracks_snapshot_id), BATCH("tracks", 100),
     REMOVED("remove-items-playlist"),
     .summary = "Delete tracks or episodes from a playlist (old path)"},
    {OP("get-playlists-items", "GET", "/playlists/{playlist_id}/items",
        "playlist-read-private", p_playlist_page), OFFSET(20, 50), ITEMS("items"),
     .summary = "The items of a playlist, a page at a time"},
    {OP("add-items-to-playlist", "POST", "/playlists/{playlist_id}/items",
        PLAYLIST_MODIFY, p_playlist_add), BATCH("uris", 100),
     .summary = "Insert tracks or episodes into a playlist"},
    {OP("reorder-or-replace-playlists-items", "PUT", "/playlists/{playlist_id}/items",
        PLAYLIST_MODIFY, p_playlist_reorder),
     .summary = "Move a range of playlist items or replace them all"},
    {OP("remove-items-playlist", "DELETE", "/playlists/{playlist_id}/items",
        PLAYLIST_MODIFY, p_playlist_id_items_snapshot_id), BATCH("items", 100),
     .summary = "Delete tracks or episodes from a playlist"},
    {OP("get-a-list-of-current-users-playlists", "GET", "/me/playlists",
        "playlist-read-private", p_limit_offset), OFFSET(20, 50), ITEMS("items"),
     .summary = "The playlists the user owns or follows"},
    {OP("create-playlist", "POST", "/me/playlists", PLAYLIST_MODIFY, p_new_playlist),
     .summary = "Make a new playlist for the logged-in user"},
    {OP("save-library-items", "PUT", "/me/library", LIBRARY_MODIFY_ANY, p_uris), BATCH("uris", 40),
     .summary = "Save items of any type to the user's library by URI"},
    {OP("remove-library-items", "DELETE", "/me/library", LIBRARY_MODIFY_ANY, p_uris),
     BATCH("uris", 40), .summary = "Remove items of any type from the user's library by URI"},
    {OP("check-library-contains", "GET", "/me/library/contains", LIBRARY_READ_ANY, p_uris),
     BATCH("uris", 40), .summary = "Whether items of any type are in the user's library"},
    {OP("get-users-saved-albums", "GET", "/me/albums", "user-library-read", p_limit_market_offset),
     OFFSET(20, 50), ITEMS("items"), .summary = "The albums in the user's library"},
    {OP("save-albums-user", "PUT", "/me/albums", "user-library-modify", p_ids), BATCH("ids", 20),
     REMOVED("save-library-items"), .summary = "Add albums to the user's library"},
    {OP("remove-albums-user", "DELETE", "/me/albums", "user-library-modify", p_ids),
     BATCH("ids", 20), REMOVED("remove-library-items"),
     .summary = "Take albums out of the user's library"},
    {OP("check-users-saved-albums", "GET", "/me/albums/contains", "user-library-read", p_ids),
     BATCH("ids", 20), REMOVED("check-library-contains"),
     .summary = "Whether albums are in the user's library"},
    {OP("get-users-saved-tracks", "GET", "/me/tracks", "user-library-read", p_limit_market_offset),
     OFFSET(20, 50), ITEMS("items"), .summary = "The liked tracks of the user"},
    {OP("save-tracks-user", "PUT", "/me/tracks", "user-library-modify", p_ids_timestamped_ids),
     BATCH("ids", 50), REMOVED("save-library-items"), .summary = "Like tracks"},
    {OP("remove-tracks-user", "DELETE", "/me/tracks", "user-library-modify", p_ids),
     BATCH("ids", 50), REMOVED("remove-library-items"), .summary = "Unlike tracks"},
    {OP("check-users-saved-tracks", "GET", "/me/tracks/contains", "user-library-read", p_ids),
     BATCH("ids", 50), REMOVED("check-library-contains"), .summary = "Whether tracks are liked"},
    {OP("get-users-saved-episodes", "GET", "/me/episodes",
        "user-library-read user-read-playback-position", p_limit_market_offset), OFFSET(20, 50),
     ITEMS("items"), .summary = "The episodes in the user's library"},
    {OP("save-episodes-user", "PUT", "/me/episodes", "user-library-modify", p_ids),
     BATCH("ids", 50), REMOVED("save-library-items"),
     .summary = "Add episodes to the user's library"},
    {OP("remove-episodes-user", "DELETE", "/me/episodes", "user-library-modify", p_ids),
     BATCH("ids", 50), REMOVED("remove-library-items"),
     .summary = "Take episodes out of the user's library"},
    {OP("check-users-saved-episodes", "GET", "/me/episodes/contains", "user-library-read", p_ids),
     BATCH("ids", 50), REMOVED("check-library-contains"),
     .summary = "Whether episodes are in the user's library"},
    {OP("get-users-saved-shows", "GET", "/me/shows", "user-library-read", p_limit_offset),
     OFFSET(20, 50), ITEMS("items"), .summary = "The shows the user follows"},
    {OP("save-shows-user", "PUT", "/me/shows", "user-library-modify", p_ids), BATCH("ids", 50),
     REMOVED("save-library-items"), .summary = "Add shows to the user's library"},
    {OP("remove-shows-user", "DELETE", "/me/shows", "user-library-modify", p_ids_market),
     BATCH("ids", 50), REMOVED("remove-library-items"),
     .summary = "Take shows out of the user's library"},
    {OP("check-users-saved-shows", "GET", "/me/shows/contains", "user-library-read", p_ids),
     BATCH("ids", 50), REMOVED("check-library-contains"),
     .summary = "Whether shows are in the user's library"},
    {OP("get-users-profile", "GET", "/users/{user_id}", NULL, p_user_id), REMOVED(NULL),
     .summary = "The public profile of any user"},
    {OP("get-list-users-playlists", "GET", "/users/{user_id}/playlists",
        "playlist-read-private playlist-read-collaborative", p_user_id_limit_offset),
     OFFSET(20, 50), ITEMS("items"), REMOVED(NULL), .summary = "The public playlists of any user"},
    {OP("create-playlist-for-user", "POST", "/users/{user_id}/playlists",
        PLAYLIST_MODIFY, p_user_new_playlist), REMOVED("create-playlist"),
     .summary = "Make a new playlist for a given user (old path)"},
    {OP("follow-playlist", "PUT", "/playlists/{playlist_id}/followers",
        PLAYLIST_MODIFY, p_playlist_id_public), REMOVED("save-library-items"),
     .summary = "Follow a playlist"},
    {OP("unfollow-playlist", "DELETE", "/playlists/{playlist_id}/followers",
        PLAYLIST_MODIFY, p_playlist_id), REMOVED("remove-library-items"),
     .summary = "Stop following a playlist"},
    {OP("get-featured-playlists", "GET", "/browse/featured-playlists", NULL, p_limit_locale_offset),
     OFFSET(20, 50), ITEMS("playlists.items"), REMOVED(NULL),
     .summary = "Editorial playlists Spotify features"},
    {OP("get-categories", "GET", "/browse/categories", NULL, p_limit_locale_offset), OFFSET(20, 50),
     ITEMS("categories.items"), REMOVED(NULL), .summary = "The browse categories"},
    {OP("get-a-category", "GET", "/browse/categories/{category_id}", NULL, p_category_id_locale),
     REMOVED(NULL), .summary = "One browse category"},
    {OP("get-a-categories-playlists", "GET", "/browse/categories/{category_id}/playlists",
        NULL, p_category_id_limit_offset), OFFSET(20, 50), ITEMS("playlists.items"), REMOVED(NULL),
     .summary = "The playlists of a browse category"},
    {OP("get-playlist-cover", "GET", "/playlists/{playlist_id}/images", NULL, p_playlist_id),
     .summary = "The cover images of a playlist"},
    {OP("upload-custom-playlist-cover", "PUT", "/playlists/{playlist_id}/images",
        "ugc-image-upload " PLAYLIST_MODIFY, p_playlist_id),
     .summary = "Replace a playlist cover with a base64 JPEG body"},
    {OP("get-new-releases", "GET", "/browse/new-releases", NULL, p_limit_offset), OFFSET(20, 50),
     ITEMS("albums.items"), REMOVED(NULL), .summary = "Newly released albums"},
    {OP("get-followed", "GET", "/me/following", "user-follow-read", p_type_after_limit),
     CURSOR(20, 50), ITEMS("artists.items"),
     .summary = "The artists the user follows (cursor pages)"},
    {OP("follow-artists-users", "PUT", "/me/following", "user-follow-modify", p_ids_type),
     BATCH("ids", 50), REMOVED("save-library-items"), .summary = "Follow artists or users"},
    {OP("unfollow-artists-users", "DELETE", "/me/following", "user-follow-modify", p_ids_type),
     BATCH("ids", 50), REMOVED("remove-library-items"),
     .summary = "Stop following artists or users"},
    {OP("check-current-user-follows", "GET", "/me/following/contains",
        "user-follow-read", p_ids_type), BATCH("ids", 50), REMOVED("check-library-contains"),
     .summary = "Whether the user follows artists or users"},
    {OP("check-if-user-follows-playlist", "GET", "/playlists/{playlist_id}/followers/contains",
        NULL, p_playlist_id_ids), REMOVED("check-library-contains"),
     .summary = "Whether the user follows a playlist"},
    {OP("get-several-audio-features", "GET", "/audio-features", NULL, p_ids), BATCH("ids", 100),
     ITEMS("audio_features"), REMOVED(NULL),
     .summary = "Audio features of several tracks (up to 100 a request)"},
    {OP("get-audio-features", "GET", "/audio-features/{id}", NULL, p_id), REMOVED(NULL),
     .summary = "Audio features of one track"},
    {OP("get-audio-analysis", "GET", "/audio-analysis/{id}", NULL, p_id), REMOVED(NULL),
     .summary = "Detailed audio analysis of one track"},
    {OP("get-recommendations", "GET", "/recommendations", NULL, p_recommendations), ITEMS("tracks"),
     REMOVED(NULL), .summary = "Tracks recommended from seed artists, genres and tracks"},
    {OP0("get-recommendation-genres", "GET", "/recommendations/available-genre-seeds", NULL),
     ITEMS("genres"), REMOVED(NULL), .summary = "The genres usable as recommendation seeds"},
    {OP("get-information-about-the-users-current-playback", "GET", "/me/player",
        "user-read-playback-state", p_additional_types_market),
     .summary = "The playback state: device, item, progress, modes"},
    {OP("transfer-a-users-playback", "PUT", "/me/player", PLAYBACK_MODIFY, p_device_ids_play),
     .summary = "Move playback to another device"},
    {OP0("get-a-users-available-devices", "GET", "/me/player/devices", "user-read-playback-state"),
     ITEMS("devices"), .summary = "The devices the user can play on"},
    {OP("get-the-users-currently-playing-track", "GET", "/me/player/currently-playing",
        "user-read-currently-playing", p_additional_types_market),
     .summary = "The item being played now"},
    {OP("start-a-users-playback", "PUT", "/me/player/play", PLAYBACK_MODIFY, p_play),
     .summary = "Start or resume playback, optionally of a context or URIs"},
    {OP("pause-a-users-playback", "PUT", "/me/player/pause", PLAYBACK_MODIFY, p_device_id),
     .summary = "Pause playback"},
    {OP("skip-users-playback-to-next-track", "POST", "/me/player/next",
        PLAYBACK_MODIFY, p_device_id), .summary = "Skip to the next item"},
    {OP("skip-users-playback-to-previous-track", "POST", "/me/player/previous",
        PLAYBACK_MODIFY, p_device_id), .summary = "Go back to the previous item"},
    {OP("seek-to-position-in-currently-playing-track", "PUT", "/me/player/seek",
        PLAYBACK_MODIFY, p_position_ms_device_id),
     .summary = "Jump to a position in the current item"},
    {OP("set-repeat-mode-on-users-playback", "PUT", "/me/player/repeat", PLAYBACK_MODIFY, p_repeat),
     .summary = "Set repeat to track, context or off"},
    {OP("set-volume-for-users-playback", "PUT", "/me/player/volume",
        PLAYBACK_MODIFY, p_volume_percent_device_id), .summary = "Set the playback volume (0-100)"},
    {OP("toggle-shuffle-for-users-playback", "PUT", "/me/player/shuffle",
        PLAYBACK_MODIFY, p_shuffle), .summary = "Turn shuffle on or off"},
    {OP("get-recently-played", "GET", "/me/player/recently-played",
        "user-read-recently-played", p_after_before_limit), CURSOR(20, 50), ITEMS("items"),
     .summary = "The tracks the user played recently (cursor pages)"},
    {OP0("get-queue", "GET", "/me/player/queue",
        "user-read-currently-playing user-read-playback-state"), ITEMS("queue"),
     .summary = "The playback queue"},
    {OP("add-to-queue", "POST", "/me/player/queue", PLAYBACK_MODIFY, p_uri_device_id),
     .summary = "Append a track or episode to the queue"},
    {OP0("get-available-markets", "GET", "/markets", NULL), ITEMS("markets"), REMOVED(NULL),
     .summary = "The markets where Spotify is available"},
    {OP("get-users-top-artists", "GET", "/me/top/artists",
        "user-top-read", p_limit_offset_time_range), OFFSET(20, 50), ITEMS("items"),
     .summary = "The artists the user listens to most"},
    {OP("get-users-top-tracks", "GET", "/me/top/tracks",
        "user-top-read", p_limit_offset_time_range), OFFSET(20, 50), ITEMS("items"),
     .summary = "The tracks the user listens to most"},
};
// clang-format on

size_t spotc_operation_count(void)
{
    return sizeof(operations) / sizeof(operations[0]);
}

const spotc_operation *spotc_operation_get_at(size_t i)
{
    return i < spotc_operation_count() ? &operations[i] : NULL;
}

const spotc_operation *spotc_operation_find(const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < spotc_operation_count(); i++)
        if (strcmp(operations[i].id, id) == 0)
            return &operations[i];
    return NULL;
}

const spotc_param_def *spotc_operation_find_param(const spotc_operation *op, const char *name)
{
    if (!op || !name)
        return NULL;
    for (size_t i = 0; i < op->nparams; i++)
        if (strcmp(op->params[i].name, name) == 0)
            return &op->params[i];
    return NULL;
}

/* Skip "scheme://host" of an absolute URL and the "/v1" of the API base, so that
 * a `next` link, a logged path and a template all compare alike. */
static const char *path_below_base(const char *path)
{
    const char *scheme = strstr(path, "://");
    if (scheme && scheme == path + strcspn(path, ":/?")) {
        path = scheme + 3;
        path += strcspn(path, "/?");
    }
    if (strncmp(path, "/v1", 3) == 0 && (path[3] == '/' || path[3] == '\0' || path[3] == '?'))
        path += 3;
    return path;
}

/* Length of the path part (up to the query or fragment), without a trailing slash. */
static size_t path_len(const char *path)
{
    size_t n = strcspn(path, "?#");
    while (n > 1 && path[n - 1] == '/')
        n--;
    return n;
}

/* Match one template against a concrete path; a {placeholder} takes one
 * non-empty segment. Returns the number of literal segments matched (a
 * more specific template wins), or -1. */
static int template_match(const char *tpl, const char *path, size_t len)
{
    const char *end = path + len;
    int literal = 0;
    while (*tpl) {
        if (*tpl != '/' || path >= end || *path != '/')
            return -1;
        tpl++;
        path++;
        size_t tn = strcspn(tpl, "/");
        const char *seg_end = memchr(path, '/', (size_t)(end - path));
        size_t pn = seg_end ? (size_t)(seg_end - path) : (size_t)(end - path);
        if (tpl[0] == '{') {
            if (pn == 0)
                return -1;
        } else {
            if (tn != pn || memcmp(tpl, path, tn) != 0)
                return -1;
            literal++;
        }
        tpl += tn;
        path += pn;
    }
    return path == end ? literal : -1;
}

const spotc_operation *spotc_operation_match(const char *method, const char *path)
{
    if (!method || !path)
        return NULL;
    path = path_below_base(path);
    size_t len = path_len(path);
    const spotc_operation *best = NULL;
    int best_literal = -1;
    for (size_t i = 0; i < spotc_operation_count(); i++) {
        const spotc_operation *op = &operations[i];
        if (strcmp(op->method, method) != 0)
            continue;
        int literal = template_match(op->path, path, len);
        if (literal > best_literal) {
            best = op;
            best_literal = literal;
        }
    }
    return best;
}
