/* Typed lists streamed in rounds (typed_list.h). */
#include <limits.h>

#include "config.h"
#include "progress.h"
#include "typed_list.h"

/* Rounds until the end; `done` counts the items asked for so far (the offset).
 * Cursor lists have no offset: one round of everything (or max). */
static int rounds(cli_ctx *ctx, spotc_client *client, cli_round_fn fn, cli_list *list, int max,
                  int cursor)
{
    size_t done = 0, rounds_done = 0;
    long total_rounds = -1;
    for (;;) {
        spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
        o.all = 1;
        o.offset = (int)done;
        o.max_items = CLI_TYPED_ROUND;
        if (cursor || (max && max - (int)done < CLI_TYPED_ROUND))
            o.max_items = max - (int)done;
        cli_round r = {0, -1};
        int rc = fn(ctx, client, &o, list, &r);
        if (rc)
            return rc;
        done += r.count;
        rounds_done++;
        if (r.total >= 0)
            total_rounds = (r.total + CLI_TYPED_ROUND - 1) / CLI_TYPED_ROUND;
        cli_progress_update(rounds_done, total_rounds, cli_list_count(list));
        if (cursor || r.count < (size_t)o.max_items || (r.total >= 0 && done >= (size_t)r.total) ||
            (max && done >= (size_t)max))
            return 0;
    }
}

int cli_typed_list(cli_ctx *ctx, cli_round_fn fn, const cli_list_column *columns,
                   size_t ncolumns, int max, int cursor)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    return rc ? rc : cli_typed_list_with(ctx, client, fn, columns, ncolumns, max, cursor);
}

int cli_typed_list_with(cli_ctx *ctx, spotc_client *client, cli_round_fn fn,
                        const cli_list_column *columns, size_t ncolumns, int max, int cursor)
{
    cli_list *list = NULL;
    int rc = cli_list_begin(ctx, columns, ncolumns, &list);
    if (rc == 0) {
        cli_progress_begin("items");
        rc = rounds(ctx, client, fn, list, max, cursor);
        cli_progress_end();
    }
    return cli_list_end(list, rc);
}

int cli_parse_limit(const cli_ctx *ctx, const char *text, int *out)
{
    *out = 0;
    return text ? cli_parse_int(ctx, "--limit", text, 1, INT_MAX, out) : 0;
}
