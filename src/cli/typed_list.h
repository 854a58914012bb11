/**
 * @file typed_list.h
 * @brief Lists from the library's typed list functions, streamed in rounds.
 *
 * A typed list function returns a whole list; asked for everything at once, a
 * 10,000-track library would be held in memory before the first line. So the
 * list is read in rounds of CLI_TYPED_ROUND items (each round's pages fetched
 * concurrently by the library, opts->all with an offset and max_items), and
 * each round's items (their model's `json`) are written before the next is
 * asked for.
 */
#ifndef SPOTC_CLI_TYPED_LIST_H
#define SPOTC_CLI_TYPED_LIST_H

#include "list.h"

/** Items asked for in one round: four pages of 50, as the pager fetches at once. */
#define CLI_TYPED_ROUND 200

/** What one round gave. */
typedef struct cli_round {
    size_t count; /**< items in the round (nulls included) */
    long total;   /**< the list's total (page.total), -1 when unknown */
} cli_round;

/**
 * Fetch one round with `opts` (all, offset, max_items set) and write its items
 * into `list`. @return 0 or an exit code (a failed call reported).
 */
typedef int (*cli_round_fn)(cli_ctx *ctx, spotc_client *client, const spotc_page_options *opts,
                            cli_list *list, cli_round *out);

/** Define a cli_round_fn `name` around a typed call that fills `list_` (of
 *  type `type`, freed with type##_free); `call` may use client and opts. */
#define CLI_ROUND_FN(name, type, call)                                                             \
    static int name(cli_ctx *ctx, spotc_client *client, const spotc_page_options *opts,          \
                    cli_list *list, cli_round *out)                                                \
    {                                                                                              \
        type *list_ = NULL;                                                                        \
        int rc = (call);                                                                           \
        if (rc < 0)                                                                                \
            return cli_fail(ctx, rc);                                                              \
        out->count = list_->count;                                                                 \
        out->total = list_->page.total;                                                            \
        for (size_t i = 0; rc == 0 && i < list_->count; i++)                                       \
            if (list_->items[i])                                                                   \
                rc = cli_list_item(list, list_->items[i]->json);                                   \
        type##_free(list_);                                                                        \
        return rc;                                                                                 \
    }

/**
 * Write a whole typed list in ctx's format: rounds until the total is reached,
 * a round comes back short, or `max` items (0: no limit) were written; a
 * progress line on a terminal. A `cursor` list (cursor pages have no offset)
 * is read in one round, its cursors followed by the library.
 * @return 0 or an exit code.
 */
int cli_typed_list(cli_ctx *ctx, cli_round_fn fn, const cli_list_column *columns,
                   size_t ncolumns, int max, int cursor);

/** cli_typed_list() with a client of the caller's choosing (an app's will do for the
 *  catalogue), rather than the user's. */
int cli_typed_list_with(cli_ctx *ctx, spotc_client *client, cli_round_fn fn,
                        const cli_list_column *columns, size_t ncolumns, int max, int cursor);

/** The --limit option's value (NULL: no limit) as a count, 0 meaning all.
 *  @return 0 or CLI_EXIT_USAGE (reported). */
int cli_parse_limit(const cli_ctx *ctx, const char *text, int *out);

#endif
