/**
 * @file spotc/models/music.h
 * @brief Artists, albums and tracks (simplified and full), saved tracks and albums.
 *
 * Every catalogue object has id, name, uri, href and spotify_url
 * (`external_urls.spotify`, the only external URL Spotify defines; others are
 * in json). Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_MUSIC_H
#define SPOTC_MODELS_MUSIC_H

#include "objects.h"

SPOTC_BEGIN_DECL

/** A simplified or full artist. Simplified artists have followers, popularity -1,
 *  no genres and no images. */
typedef struct spotc_artist {
    struct json_t *json;
    const char *id; /**< NULL for some local files */
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url; /**< external_urls.spotify */
    bool is_full;
    int popularity; /**< -1 when absent */
    int followers;  /**< followers.total, -1 when absent */
    size_t genre_count;
    const char **genres;
    size_t image_count;
    spotc_image *images;
    const char *type; /**< "artist" */
} spotc_artist;

struct spotc_track;

/** A list of tracks: the items of a page, or a batch (`tracks` array) with page info absent. */
typedef struct spotc_track_list SPOTC_LIST_OF(struct spotc_track) spotc_track_list;

/** A simplified or full album. Full albums carry tracks (the first page), label,
 *  popularity, genres, copyrights and external ids. */
typedef struct spotc_album {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *album_type;  /**< "album", "single", "compilation" */
    const char *album_group; /**< only in an artist's albums, else NULL */
    const char *release_date;
    const char *release_date_precision;
    const char *label;       /**< full only */
    bool is_full;
    int total_tracks;
    int popularity;          /**< -1 when absent */
    size_t artist_count;
    spotc_artist *artists;
    size_t image_count;
    spotc_image *images;
    size_t genre_count;
    const char **genres;
    size_t market_count;
    const char **available_markets;
    spotc_track_list *tracks; /**< full album: the first page of its (simplified) tracks, else NULL */
    size_t copyright_count;
    spotc_copyright *copyrights;
    spotc_external_ids external_ids;
    spotc_restrictions restrictions;
    const char *type; /**< "album" */
} spotc_album;

/** The track a relinked track stands for (a full track's linked_from). */
typedef struct spotc_linked_track {
    struct json_t *json;
    const char *id;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type;
} spotc_linked_track;

/** A simplified or full track. A full track has its (simplified) album; a
 *  simplified one (an album's tracks) has album NULL and popularity -1. */
typedef struct spotc_track {
    struct json_t *json;
    const char *id; /**< NULL for a local file */
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *preview_url;
    const char *isrc; /**< external_ids.isrc */
    bool is_full;
    bool is_local;
    bool is_explicit;
    int is_playable;  /**< 1, 0, or -1 when absent (no market given) */
    int duration_ms;
    int track_number;
    int disc_number;
    int popularity;   /**< -1 when absent */
    size_t artist_count;
    spotc_artist *artists;
    spotc_album *album; /**< NULL for simplified tracks */
    size_t market_count;
    const char **available_markets;
    spotc_external_ids external_ids;
    spotc_restrictions restrictions;
    spotc_linked_track *linked_from; /**< NULL unless the track was relinked */
    const char *type; /**< "track" (an episode in a playlist read as a track says "episode") */
} spotc_track;

typedef struct spotc_album_list SPOTC_LIST_OF(spotc_album) spotc_album_list;
typedef struct spotc_artist_list SPOTC_LIST_OF(spotc_artist) spotc_artist_list;

/** A track in the user's library. */
typedef struct spotc_saved_track {
    struct json_t *json;
    const char *added_at; /**< ISO 8601 */
    spotc_track *track;   /**< NULL when Spotify sent none */
} spotc_saved_track;

/** An album in the user's library. */
typedef struct spotc_saved_album {
    struct json_t *json;
    const char *added_at;
    spotc_album *album;
} spotc_saved_album;

typedef struct spotc_saved_track_list SPOTC_LIST_OF(spotc_saved_track) spotc_saved_track_list;
typedef struct spotc_saved_album_list SPOTC_LIST_OF(spotc_saved_album) spotc_saved_album_list;

/* Parsers: see spotc/models.h for ownership and errors. */

/** A track object (full or simplified). */
SPOTC_EXTERN int spotc_track_parse(spotc_track **out, const char *json, size_t len);
/** An album object (full or simplified). */
SPOTC_EXTERN int spotc_album_parse(spotc_album **out, const char *json, size_t len);
/** An artist object (full or simplified). */
SPOTC_EXTERN int spotc_artist_parse(spotc_artist **out, const char *json, size_t len);
/**
 * A list of tracks: a paging object (`{"items":[...],"next":...}`), a batch
 * (`{"tracks":[...]}`), or a paging object under a key (`{"tracks":{"items":...}}`).
 * Items may be track objects or wrappers with an `item` or `track` field (saved
 * tracks, playlist items, play history) whose track may be null (a NULL item).
 */
SPOTC_EXTERN int spotc_track_list_parse(spotc_track_list **out, const char *json, size_t len);
/** A list of albums: paging object, batch `{"albums":[...]}` or saved-album wrappers. */
SPOTC_EXTERN int spotc_album_list_parse(spotc_album_list **out, const char *json, size_t len);
/** A list of artists: paging object, batch `{"artists":[...]}` or `{"artists":{cursor page}}`. */
SPOTC_EXTERN int spotc_artist_list_parse(spotc_artist_list **out, const char *json, size_t len);
/** A page of saved tracks (GET /me/tracks). */
SPOTC_EXTERN int spotc_saved_track_list_parse(spotc_saved_track_list **out, const char *json,
                                              size_t len);
/** A page of saved albums (GET /me/albums). */
SPOTC_EXTERN int spotc_saved_album_list_parse(spotc_saved_album_list **out, const char *json,
                                              size_t len);

/* Frees: release the model and all it points to. NULL is a no-op. */
SPOTC_EXTERN void spotc_track_free(spotc_track *track);
SPOTC_EXTERN void spotc_album_free(spotc_album *album);
SPOTC_EXTERN void spotc_artist_free(spotc_artist *artist);
SPOTC_EXTERN void spotc_track_list_free(spotc_track_list *list);
SPOTC_EXTERN void spotc_album_list_free(spotc_album_list *list);
SPOTC_EXTERN void spotc_artist_list_free(spotc_artist_list *list);
SPOTC_EXTERN void spotc_saved_track_list_free(spotc_saved_track_list *list);
SPOTC_EXTERN void spotc_saved_album_list_free(spotc_saved_album_list *list);

SPOTC_END_DECL

#endif
