/*
 * spotc playlist export|import|diff: back up a playlist, restore it, compare two.
 * The work is in export_*.c and import_*.c (export.h); this file parses the command line.
 */
#include <string.h>

#include "export.h"

enum { O_FORMAT, O_OUTPUT, O_NAME, O_INTO, O_RESUME };

static const cli_option options[] = {
    [O_FORMAT] = {"format", "FORMAT", "export: json (lossless, the default) or csv (Exportify's)"},
    [O_OUTPUT] = {"output", "FILE", "export: write to FILE (also -o) instead of stdout"},
    [O_NAME] = {"name", "NAME", "import: the new playlist's name (default: the source's)"},
    [O_INTO] = {"into", "ID", "import: add to this playlist instead of creating one"},
    [O_RESUME] = {"resume", NULL, "import: continue an interrupted import from its journal"},
    {NULL, NULL, NULL},
};

static const cli_subcommand subcommands[] = {
    {"export", "write a playlist's details and items as JSON or Exportify CSV"},
    {"import", "recreate a playlist from an export (JSON or any CSV with a Track URI column)"},
    {"diff", "the items added, removed and moved from one playlist or export to another"},
    {NULL, NULL},
};

static const cli_choice choices[] = {
    {"format", NULL, "json csv", NULL},
    {NULL, NULL, NULL, NULL},
};

/* Options given that the subcommand does not take: usage errors. */
static int only(const cli_ctx *ctx, const cli_args *args, const char *sub, unsigned allowed)
{
    for (int o = 0; options[o].name; o++)
        if (args->opt[o] && !(allowed & (1u << o)))
            return cli_usage_error(ctx, "--%s is not an option of 'playlist %s'", options[o].name,
                                   sub);
    return 0;
}

static int run_export(cli_ctx *ctx, const cli_args *args)
{
    int rc = only(ctx, args, "export", 1u << O_FORMAT | 1u << O_OUTPUT);
    if (rc || (args->opt[O_FORMAT] && (rc = cli_check_choice(ctx, "format", NULL,
                                                             args->opt[O_FORMAT])) != 0))
        return rc;
    if (args->npos != 2)
        return cli_usage_error(ctx, "playlist export takes one playlist ID");
    spotc_id id;
    if ((rc = cli_parse_id(&id, args->pos[1], SPOTC_TYPE_PLAYLIST)) != 0)
        return rc;
    return export_playlist_run(ctx, id.id, args->opt[O_FORMAT], args->opt[O_OUTPUT]);
}

static int run_import(cli_ctx *ctx, const cli_args *args)
{
    int rc = only(ctx, args, "import", 1u << O_NAME | 1u << O_INTO | 1u << O_RESUME);
    if (rc)
        return rc;
    if (args->npos != 2)
        return cli_usage_error(ctx, "playlist import takes one FILE");
    if (args->opt[O_NAME] && args->opt[O_INTO])
        return cli_usage_error(ctx, "--name and --into exclude each other");
    const char *into = NULL;
    spotc_id id;
    if (args->opt[O_INTO]) {
        if ((rc = cli_parse_id(&id, args->opt[O_INTO], SPOTC_TYPE_PLAYLIST)) != 0)
            return rc;
        into = id.id;
    }
    return import_playlist_run(ctx, args->pos[1], args->opt[O_NAME], into,
                               args->opt[O_RESUME] != NULL);
}

static int run_diff(cli_ctx *ctx, const cli_args *args)
{
    int rc = only(ctx, args, "diff", 0);
    if (rc)
        return rc;
    if (args->npos != 3)
        return cli_usage_error(ctx, "playlist diff takes two playlists or files, A and B");
    return diff_playlists_run(ctx, args->pos[1], args->pos[2]);
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *sub = cli_subcommand_find(ctx, args->pos[0]);
    if (!sub)
        return CLI_EXIT_USAGE;
    if (strcmp(sub->name, "export") == 0)
        return run_export(ctx, args);
    if (strcmp(sub->name, "diff") == 0)
        return run_diff(ctx, args);
    return run_import(ctx, args);
}

const cli_command cli_cmd_playlist = {
    .name = "playlist",
    .summary = "export a playlist to JSON or CSV, import one back, compare two",
    .usage = "playlist export ID [--format json|csv] [-o FILE] | import FILE [--name NAME | --into "
             "ID] [--resume] | diff A B",
    .description =
        "export streams a playlist's items as their pages arrive: JSON keeps everything\n"
        "(the playlist's details, then each item with added_at, added_by, is_local and the\n"
        "whole track or episode); CSV has Exportify's columns in Exportify's order.\n"
        "import reads either format (a CSV by its Track URI column) and adds the items in\n"
        "order, 100 a request. Local files, empty items and unknown URIs are reported one a\n"
        "line and skipped (exit status 1). A failed add whose fate is unknown (a timeout, a\n"
        "reset, a 5xx) is checked by reading the playlist back, and only what is missing is\n"
        "sent again. A journal (FILE.spotc-import) records the import until it completes:\n"
        "after an interruption, --resume continues it without duplicates.\n"
        "diff compares two playlists or exported files (either kind on each side): one row\n"
        "an item added, removed or moved (positions from 1), as a table or with --json.",
    .options = options,
    .min_args = 1,
    .max_args = 3,
    .run = run,
    .subcommands = subcommands,
    .choices = choices,
    .examples = "spotc playlist export 37i9dQZF1DXcBWIGoYBM5M -o hits.json\n"
                "spotc playlist export 37i9dQZF1DXcBWIGoYBM5M --format csv -o hits.csv\n"
                "spotc playlist import hits.json --name 'Hits (copy)'\n"
                "spotc playlist import exportify.csv --into 3cEYpjA9oz9GiPac4AsH4n\n"
                "spotc playlist import hits.json --resume\n"
                "spotc playlist diff hits.json 37i9dQZF1DXcBWIGoYBM5M",
};
