/*
 * spotc playlist list|show|items|create|add|remove|reorder|edit|cover|follow|unfollow:
 * playlists through the typed library calls (spotc/playlist.h).
 *
 * The subcommands are a table (names for help and completion, handlers with their
 * argument counts): another subcommand (export, import, diff ...) is one line in each
 * table and a handler, which may live in its own file. Lists are streamed page by page
 * in every output format (list.h); writes print the playlist's new snapshot ID, which
 * scripts may keep.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "output.h"
#include "cmd_playlist.h"
#include "progress.h"

static const cli_option options[] = {
    [PL_O_USER] = {"user", "ID", "list: another user's public playlists"},
    [PL_O_LIMIT] = {"limit", "N", "list, items: stop after N"},
    [PL_O_DESCRIPTION] = {"description", "TEXT", "create, edit: the description"},
    [PL_O_PUBLIC] = {"public", NULL, "create, edit: on the user's profile"},
    [PL_O_PRIVATE] = {"private", NULL, "create, edit: not on the user's profile"},
    [PL_O_COLLABORATIVE] = {"collaborative", NULL, "create, edit: others may change the items"},
    [PL_O_NAME] = {"name", "TEXT", "edit: the new name; import: the new playlist's name"},
    [PL_O_POSITION] = {"position", "N", "add: insert at N (0: the top; default: the end)"},
    [PL_O_FROM] = {"from", "N", "reorder: the first item to move (0-based)"},
    [PL_O_BEFORE] = {"before", "M", "reorder: put them before the item now at M"},
    [PL_O_COUNT] = {"count", "K", "reorder: how many items move (1)"},
    [PL_O_SET] = {"set", "FILE.jpg", "cover: upload this JPEG as the cover"},
    [PL_O_FORMAT] = {"format", "FORMAT", "export: json (lossless, the default) or csv (Exportify's)"},
    [PL_O_OUTPUT] = {"output", "FILE", "export: write to FILE (also -o) instead of stdout"},
    [PL_O_INTO] = {"into", "ID", "import: add to this playlist instead of creating one"},
    [PL_O_RESUME] = {"resume", NULL, "import: continue an interrupted import from its journal"},
    {NULL, NULL, NULL},
};

/* Names for help and completion; handlers below, in the same order. */
static const cli_subcommand subcommands[] = {
    {"list", "the user's playlists (or --user's public ones)"},
    {"show", "one playlist"},
    {"items", "a playlist's tracks and episodes"},
    {"create", "a new playlist"},
    {"add", "add items (URIs, links, track IDs; - reads them from stdin)"},
    {"remove", "remove every occurrence of items"},
    {"reorder", "move items within a playlist"},
    {"edit", "rename, describe, make public, private or collaborative"},
    {"cover", "show the cover images, or upload one with --set"},
    {"follow", "follow a playlist"},
    {"unfollow", "stop following a playlist"},
    {"export", "write a playlist's details and items as JSON or Exportify CSV"},
    {"import", "recreate a playlist from an export (JSON or any CSV with a Track URI column)"},
    {"diff", "the items added, removed and moved from one playlist or export to another"},
    {NULL, NULL},
};

/* Arguments after the subcommand's name (at least min, at most max; -1: any) and the
 * options each takes. */
#define O(x) (1u << PL_O_##x)
// clang-format off
static const pl_handler handlers[] = {
    {"list", 0, 0, pl_list, O(USER) | O(LIMIT)},
    {"show", 1, 1, pl_show, 0},
    {"items", 1, 1, pl_items, O(LIMIT)},
    {"create", 1, 1, pl_create, O(DESCRIPTION) | O(PUBLIC) | O(PRIVATE) | O(COLLABORATIVE)},
    {"add", 2, -1, pl_add, O(POSITION)},
    {"remove", 2, -1, pl_remove, 0},
    {"reorder", 1, 1, pl_reorder, O(FROM) | O(BEFORE) | O(COUNT)},
    {"edit", 1, 1, pl_edit,
     O(NAME) | O(DESCRIPTION) | O(PUBLIC) | O(PRIVATE) | O(COLLABORATIVE)},
    {"cover", 1, 1, pl_cover, O(SET)},
    {"follow", 1, 1, pl_follow, 0},
    {"unfollow", 1, 1, pl_unfollow, 0},
    {"export", 1, 1, pl_export, O(FORMAT) | O(OUTPUT)},
    {"import", 1, 1, pl_import, O(NAME) | O(INTO) | O(RESUME)},
    {"diff", 2, 2, pl_diff, 0},
    {NULL, 0, 0, NULL, 0},
};
// clang-format on

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
    if (n < h->min_args)
        return cli_usage_error(ctx, "'playlist %s' needs %s", h->name,
                               h->min_args > 1 ? "a playlist and items" : "an argument");
    if (h->max_args >= 0 && n > h->max_args)
        return cli_usage_error(ctx, "'playlist %s' takes %d argument%s", h->name, h->max_args,
                               h->max_args == 1 ? "" : "s");
    return check_options(ctx, args, h) ? CLI_EXIT_USAGE : h->run(ctx, args);
}

const cli_command cli_cmd_playlist = {
    .name = "playlist",
    .summary = "list, show, create, edit and fill playlists",
    .usage = "playlist list|show|items|create|add|remove|reorder|edit|cover|follow|unfollow|"
             "export|import|diff ...",
    .description =
        "list [--user ID]: the playlists the user owns or follows (or a user's public ones).\n"
        "show ID: one playlist. items ID: its tracks and episodes, every page.\n"
        "create NAME [--description TEXT] [--public|--private] [--collaborative]: prints the\n"
        "  new playlist (its ID first).\n"
        "add ID ITEM... [--position N]: ITEM is a spotify: URI, an open.spotify.com link or a\n"
        "  bare track ID; '-' reads more from stdin, one a line, any number, in order.\n"
        "remove ID ITEM...: every occurrence of each item ('-' as for add).\n"
        "reorder ID --from N --before M [--count K]: positions count from 0 and are read\n"
        "  before the move (--from 0 --before 4 moves the first item behind the fourth).\n"
        "edit ID [--name TEXT] [--description TEXT] [--public|--private] [--collaborative].\n"
        "cover ID [--set FILE.jpg]: the cover images, or upload a JPEG (at most ~190 KB).\n"
        "follow ID, unfollow ID.\n"
        "export ID [--format json|csv] [-o FILE]: the details and every item, streamed as\n"
        "  pages arrive (JSON lossless; CSV in Exportify's columns).\n"
        "import FILE [--name NAME | --into ID] [--resume]: recreate the items in order (a\n"
        "  CSV by its Track URI column); local files and unknown URIs are reported and\n"
        "  skipped (exit status 1). An ambiguous failure is checked by reading the playlist\n"
        "  back; a journal (FILE.spotc-import) lets --resume continue without duplicates.\n"
        "diff A B: items added, removed and moved (A and B: playlist IDs or exported files).\n"
        "add, remove and reorder print the playlist's new snapshot ID.\n"
        "IDs may be URIs, open.spotify.com links or bare IDs.",
    .options = options,
    .min_args = 1,
    .max_args = -1,
    .run = run,
    .subcommands = subcommands,
    .choices = choices,
    .examples = "spotc playlist list\n"
                "spotc playlist create 'Road trip' --private\n"
                "spotc playlist add ID spotify:track:ID1 https://open.spotify.com/track/ID2\n"
                "spotc search 'kind of blue' --type track --fields uri --no-header | "
                "spotc playlist add ID -\n"
                "spotc playlist reorder ID --from 0 --before 4\n"
                "spotc playlist items ID --csv > items.csv\n"
                "spotc playlist export ID --format csv -o hits.csv\n"
                "spotc playlist import hits.json --name 'Hits (copy)'\n"
                "spotc playlist diff hits.json ID",
};
