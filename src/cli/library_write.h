/**
 * @file library_write.h
 * @brief Saving, removing and checking items of the user's library by URI, for
 *        `library save|remove|contains` and `follow`/`unfollow` (library_write.c).
 */
#ifndef SPOTC_CLI_LIBRARY_WRITE_H
#define SPOTC_CLI_LIBRARY_WRITE_H

#include "cli.h"

typedef enum cli_write_kind {
    CLI_WRITE_SAVE,
    CLI_WRITE_REMOVE,
    CLI_WRITE_CONTAINS,
} cli_write_kind;

/**
 * Send the items (URIs or links, borrowed) through spotc_library_save(),
 * _remove() or _contains(), with a progress line on a terminal. Save and remove
 * say what was done on stderr (unless --quiet); contains writes a list of
 * ITEM, SAVED in ctx's format. @return 0 or an exit code (reported).
 */
int cli_library_write(cli_ctx *ctx, spotc_client *client, cli_write_kind kind,
                      const char *const *items, size_t count);

#endif
