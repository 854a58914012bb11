/**
 * @file item.h
 * @brief Commands that show one catalogue item and, on request, a list that
 *        belongs to it (`album ID --tracks`, `artist ID --albums`).
 */
#ifndef SPOTC_CLI_ITEM_H
#define SPOTC_CLI_ITEM_H

#include "cli.h"
#include "render.h"

/** The item itself. */
typedef struct cli_item_view {
    spotc_item_type type;  /**< the ID type accepted */
    const char *heading;   /**< on a terminal, above the item when a list follows */
    const char *operation; /**< for --json: the operation that gets it by `id` */
    /** Fetch the item and print it as a table. @return 0 or an exit code. */
    int (*show)(cli_ctx *ctx, spotc_client *client, const char *id);
} cli_item_view;

/** A list that belongs to the item. */
typedef struct cli_item_list {
    const char *operation; /**< for --json */
    const char *json_key;  /**< NULL: a paged operation, all pages; else the array under this key */
    /** Fetch at most max items (0: all) and print them (heading included). */
    int (*show)(cli_ctx *ctx, spotc_client *client, const char *id, int max);
} cli_item_list;

/**
 * Run the command: the item given by `input`, then `list` if not NULL.
 * Piped (TSV), only the list is printed when there is one, so every line is alike.
 * @param limit the --limit text, or NULL.
 * @return an exit code.
 */
int cli_show_item(cli_ctx *ctx, const char *input, const char *limit, const cli_item_view *item,
                  const cli_item_list *list);

/**
 * The end of a track list's show(): reports the fetch's failure @p rc, or prints @p heading
 * and the tracks, then frees @p list (taken).
 * @return 0 or an exit code.
 */
int cli_show_track_list(cli_ctx *ctx, int rc, spotc_track_list *list, const char *heading,
                        cli_track_layout layout);

/** Page options that follow the pages to the end, or to max items (0: all). */
spotc_page_options cli_all_pages(int max);

#endif
