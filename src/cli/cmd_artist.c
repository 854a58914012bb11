/* spotc artist ID [--albums [--limit N] | --top-tracks] */
#include "item.h"
#include "output.h"
#include "render.h"

enum { OPT_ALBUMS, OPT_TOP_TRACKS, OPT_LIMIT };

static const cli_option options[] = {
    {"albums", NULL, "list the artist's albums (all of them, following the pages)"},
    {"top-tracks", NULL, "list the artist's top tracks (not served to development-mode apps)"},
    {"limit", "N", "with --albums: at most N albums"},
    {NULL, NULL, NULL},
};

static const cli_item_view artist = {SPOTC_TYPE_ARTIST, "Artist", "get-an-artist",
                                     &cli_artist_columns};
static const cli_item_list albums = {"get-an-artists-albums", NULL, "Albums", &cli_album_columns};
static const cli_item_list top_tracks = {"get-an-artists-top-tracks", "tracks", "Top tracks",
                                         &cli_track_columns};

static int run(cli_ctx *ctx, const cli_args *args)
{
    const char *const *opt = args->opt;
    if (opt[OPT_ALBUMS] && opt[OPT_TOP_TRACKS])
        return cli_usage_error(ctx, "--albums and --top-tracks exclude each other");
    return cli_show_item(ctx, args->pos[0], opt[OPT_LIMIT], &artist,
                         opt[OPT_ALBUMS]       ? &albums
                         : opt[OPT_TOP_TRACKS] ? &top_tracks
                                               : NULL);
}

const cli_command cli_cmd_artist = {
    .name = "artist",
    .summary = "show an artist, or their albums or top tracks",
    .usage = "artist ID [--albums [--limit N] | --top-tracks]",
    .description = "Shows an artist (ID, URI or open.spotify.com link). With --albums or\n"
                   "--top-tracks, that list too: on a terminal the artist and then the list;\n"
                   "piped, only the list. With --json: the artist object, or an array of the\n"
                   "albums or top tracks.",
    .options = options,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .examples = "spotc artist ID\n"
                "spotc artist ID --albums --limit 10\n"
                "spotc artist ID --top-tracks --jsonl",
};
