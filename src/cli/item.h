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
    spotc_item_type type;       /**< the ID type accepted */
    const char *heading;        /**< on a terminal, above the item when a list follows */
    const char *operation;      /**< the operation that gets it by `id` */
    const cli_columns *columns; /**< its row */
} cli_item_view;

/** A list that belongs to the item. */
typedef struct cli_item_list {
    const char *operation;      /**< takes the item's `id` */
    const char *json_key;       /**< NULL: a paged operation, all pages; else the array here */
    const char *heading;        /**< on a terminal, above the list */
    const cli_columns *columns; /**< its rows */
} cli_item_list;

/**
 * Run the command: the item given by `input`, then `list` if not NULL.
 * Outside a table, only the list is printed when there is one, so every row is alike.
 * @param limit the --limit text, or NULL.
 * @return an exit code.
 */
int cli_show_item(cli_ctx *ctx, const char *input, const char *limit, const cli_item_view *item,
                  const cli_item_list *list);

#endif
