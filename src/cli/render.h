/**
 * @file render.h
 * @brief Tables of tracks, albums, artists and other catalogue items.
 *
 * The first column is always the item's ID (after the item type in search
 * results), so `cut -f1` of the TSV output gives IDs. NULL items are skipped.
 */
#ifndef SPOTC_CLI_RENDER_H
#define SPOTC_CLI_RENDER_H

#include <jansson.h>

#include "cli.h"

/** How a list of tracks is laid out. */
typedef enum cli_track_layout {
    CLI_TRACKS_WITH_ALBUM, /**< ID, NAME, ARTISTS, ALBUM, DURATION */
    CLI_TRACKS_OF_ALBUM,   /**< ID, #, NAME, ARTISTS, DURATION (an album's tracks) */
} cli_track_layout;

/* Each prints a table (see output.h for the formats) and returns 0 or an exit code. */
int cli_render_tracks(const cli_ctx *ctx, spotc_track *const *items, size_t n,
                      cli_track_layout layout, const char *tsv_prefix);
int cli_render_albums(const cli_ctx *ctx, spotc_album *const *items, size_t n,
                      const char *tsv_prefix);
int cli_render_artists(const cli_ctx *ctx, spotc_artist *const *items, size_t n,
                       const char *tsv_prefix);

/**
 * Items the models do not cover (playlists, shows, episodes, audiobooks) from a
 * paging object's JSON: ID, NAME and one detail column that depends on the type.
 */
int cli_render_json_page(const cli_ctx *ctx, const json_t *page, spotc_item_type type,
                         const char *tsv_prefix);

#endif
