/**
 * @file item_args.h
 * @brief ITEM arguments of a command line, where `-` stands for stdin's lines: one item a
 *        line, any number, in order (`playlist add ID -`, `library save -`).
 */
#ifndef SPOTC_CLI_ITEM_ARGS_H
#define SPOTC_CLI_ITEM_ARGS_H

#include <stddef.h>

#include "cli.h"

/** The items collected. Owns `v` and the text of stdin that its entries may point into;
 *  the other entries are borrowed from argv. Free with cli_item_args_free(). */
typedef struct cli_item_args {
    char **v; /**< the items, in order */
    size_t n, cap;
    char *stdin_text; /**< the lines of stdin, split in place */
} cli_item_args;

/**
 * Collect args->pos[first...], each `-` replaced by stdin's lines (trimmed, blank ones
 * skipped). `-` may be given once. @param[out] out zeroed first; the caller's.
 * @return 0 or an exit code (reported).
 */
int cli_item_args_collect(const cli_args *args, int first, cli_item_args *out);

/** Free what the items own. */
void cli_item_args_free(cli_item_args *a);

#endif
