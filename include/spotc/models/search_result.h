/**
 * @file spotc/models/search_result.h
 * @brief A search response: a page per type asked for. Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_SEARCH_RESULT_H
#define SPOTC_MODELS_SEARCH_RESULT_H

#include "music.h"
#include "playlists.h"
#include "spoken.h"

SPOTC_BEGIN_DECL

/** A search result: a typed page per type asked for (NULL when not asked for).
 *  playlists, shows, episodes and audiobooks are also there as borrowed JSON pages
 *  (playlists ... audiobooks), as before the typed pages (playlist_list ...) existed. */
typedef struct spotc_search_result {
    spotc_track_list *tracks;   /**< NULL when not asked for */
    spotc_album_list *albums;
    spotc_artist_list *artists;
    struct json_t *playlists;   /**< borrowed JSON of the other pages, or NULL */
    struct json_t *shows;
    struct json_t *episodes;
    struct json_t *audiobooks;
    struct json_t *json;        /**< the whole response */
    spotc_playlist_list *playlist_list;   /**< typed pages of playlists, shows, */
    spotc_show_list *show_list;           /**< episodes and audiobooks (NULL when */
    spotc_episode_list *episode_list;     /**< not asked for) */
    spotc_audiobook_list *audiobook_list;
} spotc_search_result;

/** A search response. */
SPOTC_EXTERN int spotc_search_result_parse(spotc_search_result **out, const char *json,
                                           size_t len);
SPOTC_EXTERN void spotc_search_result_free(spotc_search_result *result);

SPOTC_END_DECL

#endif
