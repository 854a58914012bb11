/*
 * spotc playlist export|import|diff: back up a playlist, restore it, compare two.
 *
 * The subcommands are a table (names for help and completion, handlers with their
 * argument counts and options); the handlers are in cmd_playlist_io.c.
 */
#include <string.h>

#include "cmd_playlist.h"

static const cli_option options[] = {
    [PL_O_NAME] = {"name", "NAME", "import: the new playlist's name (default: the source's)"},
    [PL_O_FORMAT] = {"format", "FORMAT", "export: json (lossless, the default) or csv (Exportify's)"},
    [PL_O_OUTPUT] = {"output", "FILE", "export: write to FILE (also -o) instead of stdout"},
    [PL_O_INTO] = {"into", "ID", "import: add to this playlist instead of creating one"},
    [PL_O_RESUME] = {"resume", NULL, "import: continue an interrupted import from its journal"},
    {NULL, NULL, NULL},
};

/* Names for help and completion; handlers below, in the same order. */
static const cli_subcommand subcommands[] = {
    {"export", "write a playlist's details and items as JSON or Exportify CSV"},
    {"import", "recreate a playlist from an export (JSON or any CSV with a Track URI column)"},
    {"diff", "the items added, removed and moved from one playlist or export to another"},
    {NULL, NULL},
};

#define O(x) (1u << PL_O_##x)
static const pl_handler handlers[] = {
    {"export", 1, 1, pl_export, O(FORMAT) | O(OUTPUT)},
    {"import", 1, 1, pl_import, O(NAME) | O(INTO) | O(RESUME)},
    {"diff", 2, 2, pl_diff, 0},
    {NULL, 0, 0, NULL, 0},
};
#undef O

static const cli_choice choices[] = {
    {"format", NULL, "json csv", NULL},
    {NULL, NULL, NULL, NULL},
};

/* An option another subcommand takes is a mistake, not something to ignore. */
static int check_options(const cli_ctx *ctx, const cli_args *args, const pl_handler *h)
{
    for (unsigned o = 0; options[o].name; o++)
        if (args->opt[o] && !(h->options & (1u << o)))
            return cli_usage_error(ctx, "--%s is not an option of 'playlist %s'", options[o].name,
                                   h->name);
    return 0;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *sub = cli_subcommand_find(ctx, args->pos[0]);
    if (!sub)
        return CLI_EXIT_USAGE;
    const pl_handler *h = handlers;
    while (h->name && strcmp(h->name, sub->name) != 0)
        h++;
    int n = args->npos - 1;
    if (!h->name)
        return cli_usage_error(ctx, "'playlist %s' is not available", sub->name);
    if (n < h->min_args || n > h->max_args)
        return cli_usage_error(ctx, "'playlist %s' takes %d argument%s", h->name, h->max_args,
                               h->max_args == 1 ? "" : "s");
    return check_options(ctx, args, h) ? CLI_EXIT_USAGE : h->run(ctx, args);
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
