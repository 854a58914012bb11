/**
 * @file render.h
 * @brief The columns of each kind of item, as dotted paths into Spotify's JSON (list.h).
 *
 * The first column is always the item's ID (after the item type in search results in the
 * machine formats), so `cut -f1` of the TSV rows gives IDs.
 */
#ifndef SPOTC_CLI_RENDER_H
#define SPOTC_CLI_RENDER_H

#include "list.h"

/** A set of columns. */
typedef struct cli_columns {
    const cli_list_column *columns;
    size_t count;
} cli_columns;

extern const cli_columns cli_track_columns;       /**< ID, NAME, ARTISTS, ALBUM, DURATION */
extern const cli_columns cli_album_track_columns; /**< ID, #, NAME, ARTISTS, DURATION */
extern const cli_columns cli_album_columns;  /**< ID, NAME, ARTISTS, TYPE, RELEASED, TRACKS */
extern const cli_columns cli_artist_columns; /**< ID, NAME, GENRES, FOLLOWERS, POPULARITY */
extern const cli_columns cli_user_columns;   /**< ID, NAME, EMAIL, COUNTRY, PRODUCT, FOLLOWERS */

extern const cli_columns cli_show_columns;         /**< ID, NAME, PUBLISHER, EPISODES */
extern const cli_columns cli_episode_columns;      /**< ID, NAME, SHOW, RELEASED, DURATION */
extern const cli_columns cli_show_episode_columns; /**< ID, NAME, RELEASED, DURATION */
extern const cli_columns cli_audiobook_columns;    /**< ID, NAME, AUTHORS, NARRATORS, CHAPTERS */
extern const cli_columns cli_chapter_columns;      /**< ID, #, NAME, AUDIOBOOK, DURATION */
extern const cli_columns cli_audiobook_chapter_columns; /**< ID, #, NAME, DURATION */

/** @return the columns of search results of a type (track, album ... audiobook). */
const cli_columns *cli_columns_of(spotc_item_type type);

#endif
