/**
 * @file spotc/models.h
 * @brief Typed models of tracks, albums, artists, images, pages and search results.
 *
 * Parsers are pure: they take bytes and return a model. A model keeps the JSON
 * document it was parsed from, and its strings and arrays point into memory
 * that the top-level object owns: one spotc_*_free() releases all of it.
 *
 * Spotify's JSON may miss fields, carry null (a local file's id, a playlist item
 * whose track is null) or add new fields. Missing or null strings are NULL,
 * missing numbers are -1, missing objects are NULL, arrays are empty; unknown
 * fields are ignored. A value of the wrong type is treated as missing.
 * Only a body that is not JSON, or whose top level is not an object, is an error.
 */
#ifndef SPOTC_MODELS_H
#define SPOTC_MODELS_H

#include <stdbool.h>
#include "common.h"

SPOTC_BEGIN_DECL

typedef struct spotc_image {
    const char *url;
    int width;  /**< -1 when unknown (null) */
    int height; /**< -1 when unknown (null) */
} spotc_image;

/** Paging information of a page (offset paging) or cursor page. */
typedef struct spotc_page_info {
    const char *href;
    const char *next;     /**< NULL on the last page */
    const char *previous; /**< NULL on the first page */
    int limit;
    int offset;           /**< -1 for cursor pages */
    int total;            /**< -1 when absent */
    const char *cursor_after;  /**< cursor pages only, else NULL */
    const char *cursor_before;
} spotc_page_info;

/** A simplified or full artist. Simplified artists have followers, popularity -1,
 *  no genres and no images. */
typedef struct spotc_artist {
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
} spotc_artist;

struct spotc_track;

/** A list of tracks: the items of a page, or a batch (`tracks` array) with page info unset. */
typedef struct spotc_track_list {
    spotc_page_info page;
    size_t count;
    struct spotc_track **items; /**< an item is NULL where Spotify sent null */
} spotc_track_list;

/** A simplified or full album. Full albums carry tracks (the first page), label,
 *  popularity, genres and copyrights. */
typedef struct spotc_album {
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
    spotc_track_list *tracks; /**< full album: the first page of its tracks, else NULL */
} spotc_album;

/** A simplified or full track. A full track has its album; a simplified one (an
 *  album's tracks) has album NULL and popularity -1. */
typedef struct spotc_track {
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
} spotc_track;

typedef struct spotc_album_list {
    spotc_page_info page;
    size_t count;
    spotc_album **items; /**< an item is NULL where Spotify sent null */
} spotc_album_list;

typedef struct spotc_artist_list {
    spotc_page_info page;
    size_t count;
    spotc_artist **items;
} spotc_artist_list;

/** A search result: a page per type asked for; the types not modelled here
 *  (playlists, shows, episodes, audiobooks) are available as JSON. */
typedef struct spotc_search_result {
    spotc_track_list *tracks;   /**< NULL when not asked for */
    spotc_album_list *albums;
    spotc_artist_list *artists;
    struct json_t *playlists;   /**< borrowed JSON of the other pages, or NULL */
    struct json_t *shows;
    struct json_t *episodes;
    struct json_t *audiobooks;
} spotc_search_result;

/* Parsers. @param[out] out the model, the caller's; free with the matching _free().
 * @return 0, SPOTC_EJSON (not JSON / top level not an object), SPOTC_EINVALID, SPOTC_ENOMEM. */

/** A track object (full or simplified). */
SPOTC_EXTERN int spotc_track_parse(spotc_track **out, const char *json, size_t len);
/** An album object (full or simplified). */
SPOTC_EXTERN int spotc_album_parse(spotc_album **out, const char *json, size_t len);
/** An artist object (full or simplified). */
SPOTC_EXTERN int spotc_artist_parse(spotc_artist **out, const char *json, size_t len);
/**
 * A list of tracks: a paging object (`{"items":[...],"next":...}`), a batch
 * (`{"tracks":[...]}`), or a paging object under a key (`{"tracks":{"items":...}}`).
 * Items may be track objects or wrappers with a `track` field (saved tracks,
 * playlist items) whose track may be null.
 */
SPOTC_EXTERN int spotc_track_list_parse(spotc_track_list **out, const char *json, size_t len);
/** A list of albums: paging object, batch `{"albums":[...]}` or saved-album wrappers. */
SPOTC_EXTERN int spotc_album_list_parse(spotc_album_list **out, const char *json, size_t len);
/** A list of artists: paging object, batch `{"artists":[...]}` or `{"artists":{cursor page}}`. */
SPOTC_EXTERN int spotc_artist_list_parse(spotc_artist_list **out, const char *json, size_t len);
/** A search response. */
SPOTC_EXTERN int spotc_search_result_parse(spotc_search_result **out, const char *json,
                                           size_t len);

/* Free functions: release the model and all it points to. NULL is a no-op. */
SPOTC_EXTERN void spotc_track_free(spotc_track *track);
SPOTC_EXTERN void spotc_album_free(spotc_album *album);
SPOTC_EXTERN void spotc_artist_free(spotc_artist *artist);
SPOTC_EXTERN void spotc_track_list_free(spotc_track_list *list);
SPOTC_EXTERN void spotc_album_list_free(spotc_album_list *list);
SPOTC_EXTERN void spotc_artist_list_free(spotc_artist_list *list);
SPOTC_EXTERN void spotc_search_result_free(spotc_search_result *result);

SPOTC_END_DECL

#endif
