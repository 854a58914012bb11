/* spotc album ID [--tracks [--limit N]] */
#include "item.h"
#include "output.h"
#include "render.h"

enum { OPT_TRACKS, OPT_LIMIT };

static const cli_option options[] = {
    {"tracks", NULL, "list the album's tracks (all of them, following the pages)"},
    {"limit", "N", "with --tracks: at most N tracks"},
    {NULL, NULL, NULL},
};

static const cli_item_view album = {SPOTC_TYPE_ALBUM, "Album", "get-an-album", &cli_album_columns};
static const cli_item_list tracks = {"get-an-albums-tracks", NULL, "Tracks",
                                     &cli_album_track_columns};

static int run(cli_ctx *ctx, const cli_args *args)
{
    return cli_show_item(ctx, args->pos[0], args->opt[OPT_LIMIT], &album,
                         args->opt[OPT_TRACKS] ? &tracks : NULL);
}

const cli_command cli_cmd_album = {
    .name = "album",
    .summary = "show an album, or its tracks",
    .usage = "album ID [--tracks [--limit N]]",
    .description = "Shows an album (ID, URI or open.spotify.com link). With --tracks, its tracks\n"
                   "too: on a terminal the album and then its tracks; piped, only the tracks.\n"
                   "With --json: the album object, or with --tracks an array of its tracks.",
    .options = options,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .examples = "spotc album ID\n"
                "spotc album ID --tracks --csv > tracks.csv",
};
