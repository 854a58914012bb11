/*
 * Descriptors of artists, albums and tracks (spotc/models/music.h).
 */
#include "model.h"

#define T spotc_artist
static const spotc__field artist_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__PRESENT(T, is_full, "images|genres|popularity|followers"),
    SPOTC__INT(T, popularity, "popularity"),
    SPOTC__INT(T, followers, "followers.total"),
    SPOTC__STRINGS(T, genres, genre_count, "genres"),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
};
#undef T
SPOTC__MODEL(artist, artist_fields, NULL);
SPOTC__MODEL_FUNCTIONS(artist)

/* A simplified album: everything but the tracks, which would nest tracks in
 * albums in tracks. */
#define T spotc_album
static const spotc__field simplified_album_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, album_type, "album_type"),
    SPOTC__STRING(T, album_group, "album_group"),
    SPOTC__STRING(T, release_date, "release_date"),
    SPOTC__STRING(T, release_date_precision, "release_date_precision"),
    SPOTC__STRING(T, label, "label"),
    SPOTC__PRESENT(T, is_full, "tracks|label|copyrights|popularity|external_ids"),
    SPOTC__INT(T, total_tracks, "total_tracks"),
    SPOTC__INT(T, popularity, "popularity"),
    SPOTC__OBJECTS(T, artists, artist_count, "artists", artist),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRINGS(T, genres, genre_count, "genres"),
    SPOTC__STRINGS(T, available_markets, market_count, "available_markets"),
    SPOTC__OBJECTS(T, copyrights, copyright_count, "copyrights", copyright),
    SPOTC__EMBED(T, external_ids, "external_ids", external_ids),
    SPOTC__EMBED(T, restrictions, "restrictions", restrictions),
};
static const spotc__field album_fields[] = {
    SPOTC__LIST_AS(T, tracks, "tracks", track, simplified_track_list),
};
#undef T
SPOTC__MODEL_AS(simplified_album, album, simplified_album_fields, NULL);
SPOTC__MODEL(album, album_fields, &spotc__simplified_album_desc);
SPOTC__MODEL_FUNCTIONS(album)

#define T spotc_linked_track
static const spotc__field linked_track_fields[] = {
    SPOTC__STRING(T, id, "id"),
    SPOTC__STRING(T, uri, "uri"),
    SPOTC__STRING(T, href, "href"),
    SPOTC__STRING(T, spotify_url, "external_urls.spotify"),
    SPOTC__STRING(T, type, "type"),
};
#undef T
SPOTC__MODEL(linked_track, linked_track_fields, NULL);

/* A simplified track: everything but the album (whose tracks are simplified). */
#define T spotc_track
static const spotc__field simplified_track_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, preview_url, "preview_url"),
    SPOTC__STRING(T, isrc, "external_ids.isrc"),
    SPOTC__PRESENT(T, is_full, "album|popularity|external_ids"),
    SPOTC__BOOL(T, is_local, "is_local"),
    SPOTC__BOOL(T, is_explicit, "explicit"),
    SPOTC__TRISTATE(T, is_playable, "is_playable"),
    SPOTC__INT(T, duration_ms, "duration_ms"),
    SPOTC__INT(T, track_number, "track_number"),
    SPOTC__INT(T, disc_number, "disc_number"),
    SPOTC__INT(T, popularity, "popularity"),
    SPOTC__OBJECTS(T, artists, artist_count, "artists", artist),
    SPOTC__STRINGS(T, available_markets, market_count, "available_markets"),
    SPOTC__EMBED(T, external_ids, "external_ids", external_ids),
    SPOTC__EMBED(T, restrictions, "restrictions", restrictions),
    SPOTC__OBJECT(T, linked_from, "linked_from", linked_track),
};
static const spotc__field track_fields[] = {
    SPOTC__OBJECT_AS(T, album, "album", album, simplified_album),
};
#undef T
SPOTC__MODEL_AS(simplified_track, track, simplified_track_fields, NULL);
SPOTC__MODEL(track, track_fields, &spotc__simplified_track_desc);
SPOTC__MODEL_FUNCTIONS(track)

#define T spotc_saved_track
static const spotc__field saved_track_fields[] = {
    SPOTC__STRING(T, added_at, "added_at"),
    SPOTC__OBJECT(T, track, "track", track),
};
#undef T
SPOTC__MODEL(saved_track, saved_track_fields, NULL);

#define T spotc_saved_album
static const spotc__field saved_album_fields[] = {
    SPOTC__STRING(T, added_at, "added_at"),
    SPOTC__OBJECT(T, album, "album", album),
};
#undef T
SPOTC__MODEL(saved_album, saved_album_fields, NULL);

/* Lists. Track lists also read wrapped items: playlist items carry "item"
 * (since 2026) and the older "track"; saved tracks and play history "track". */
static const char *const track_wrappers[] = {"item", "track", NULL};
static const char *const album_wrappers[] = {"album", NULL};

SPOTC__LIST(track, "tracks", track_wrappers);
SPOTC__LIST_OF_DESC(simplified_track_list, track, simplified_track, "tracks", NULL);
SPOTC__LIST(album, "albums", album_wrappers);
SPOTC__LIST(artist, "artists", NULL);
SPOTC__LIST(saved_track, "tracks", NULL);
SPOTC__LIST(saved_album, "albums", NULL);
SPOTC__LIST_FUNCTIONS(track)
SPOTC__LIST_FUNCTIONS(album)
SPOTC__LIST_FUNCTIONS(artist)
SPOTC__LIST_FUNCTIONS(saved_track)
SPOTC__LIST_FUNCTIONS(saved_album)
