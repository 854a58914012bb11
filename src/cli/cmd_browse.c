/* spotc browse categories|new-releases [--locale LL_CC] [--limit N]: Spotify's browse lists,
 * served to extended-quota apps only (extended.h). */
#include <string.h>

#include "extended.h"
#include "render.h"
#include "typed_list.h"

enum { OPT_LOCALE, OPT_LIMIT };

static const cli_option options[] = {
    {"locale", "LL_CC", "categories: names in this language (e.g. sv_SE, es_MX)"},
    {"limit", "N", "at most N items (default: all of them)"},
    {NULL, NULL, NULL},
};

static const cli_list_column category_columns[] = {{"ID", "id", 0},
                                                   {"NAME", "name", CLI_LIST_FLEX}};

/* The --locale of the run, set by run() before the list is read (one per process). */
static const char *locale;

/* Spotify deprecated both operations; this command exists for the apps that still have them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
CLI_ROUND_FN(categories_round, spotc_category_list,
             spotc_browse_list_categories(&list_, client, locale, opts))
CLI_ROUND_FN(new_releases_round, spotc_album_list,
             spotc_browse_list_new_releases(&list_, client, opts))
#pragma GCC diagnostic pop

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *sub = cli_subcommand_find(ctx, args->pos[0]);
    if (!sub)
        return CLI_EXIT_USAGE;
    int categories = strcmp(sub->name, "categories") == 0, max = 0;
    locale = args->opt[OPT_LOCALE];
    if (locale && !categories)
        return cli_usage_error(ctx, "--locale is an option of 'browse categories' only");
    spotc_client *client;
    int rc = cli_parse_limit(ctx, args->opt[OPT_LIMIT], &max);
    if (rc == 0)
        rc = cli_extended_client(ctx, categories ? "get-categories" : "get-new-releases", &client);
    if (rc)
        return rc;
    if (categories)
        return cli_typed_list_with(ctx, client, categories_round, category_columns, 2, max, 0);
    return cli_typed_list_with(ctx, client, new_releases_round, cli_album_columns.columns,
                               cli_album_columns.count, max, 0);
}

const cli_command cli_cmd_browse = {
    .name = "browse",
    .summary = "browse categories and new releases (extended-quota apps)",
    .usage = "browse categories|new-releases [--locale LL_CC] [--limit N]",
    .description = "'browse categories' lists Spotify's browse categories (ID, name), in the\n"
                   "language of --locale; 'browse new-releases' lists the new album releases.\n"
                   "Every page, unless --limit N stops early. Spotify serves both to\n"
                   "extended-quota apps only: a development-mode app is refused (403).",
    .options = options,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .subcommands = (const cli_subcommand[]){{"categories", "Spotify's browse categories"},
                                            {"new-releases", "new album releases"},
                                            {NULL, NULL}},
    .examples = "spotc browse categories --locale sv_SE\n"
                "spotc browse new-releases --limit 20 --csv",
};
