/*
 * spotc library export|import: back up the whole library as one JSON document and restore
 * it into another account (export_library.c, import_library.c).
 */
#include <string.h>

#include "export.h"

enum { O_OUTPUT };

static const cli_option options[] = {
    [O_OUTPUT] = {"output", "FILE", "export: write to FILE (also -o) instead of stdout"},
    {NULL, NULL, NULL},
};

static const cli_subcommand subcommands[] = {
    {"export", "the whole library (saved items, follows, playlists) as one JSON document"},
    {"import", "restore a library export into the logged-in account"},
    {NULL, NULL},
};

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *sub = cli_subcommand_find(ctx, args->pos[0]);
    if (!sub)
        return CLI_EXIT_USAGE;
    if (strcmp(sub->name, "export") == 0) {
        if (args->npos != 1)
            return cli_usage_error(ctx, "library export takes no argument (-o FILE)");
        return export_library_run(ctx, args->opt[O_OUTPUT]);
    }
    if (args->opt[O_OUTPUT])
        return cli_usage_error(ctx, "--output is an option of 'library export' only");
    if (args->npos != 2)
        return cli_usage_error(ctx, "library import takes one FILE");
    return import_library_run(ctx, args->pos[1]);
}

const cli_command cli_cmd_library = {
    .name = "library",
    .summary = "back up the whole library to JSON, restore it",
    .usage = "library export [-o FILE] | import FILE",
    .description =
        "export writes liked songs, saved albums, shows, episodes and audiobooks, followed\n"
        "artists, and every playlist (owned ones whole, with their items; followed ones as\n"
        "references) as one JSON document, streamed as pages arrive.\n"
        "import saves them again in the logged-in account, follows the followed playlists\n"
        "and recreates the owned ones (as 'playlist import' does; local files skipped).",
    .options = options,
    .min_args = 1,
    .max_args = 2,
    .run = run,
    .subcommands = subcommands,
    .examples = "spotc library export -o library.json\n"
                "spotc library import library.json",
};
