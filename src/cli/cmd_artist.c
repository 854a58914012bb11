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

static int show_artist(cli_ctx *ctx, spotc_client *client, const char *id)
{
    spotc_artist *artist = NULL;
    int rc = spotc_artist_get(&artist, client, id);
    if (rc)
        return cli_fail(ctx, rc);
    rc = cli_render_artists(ctx, &artist, 1, NULL);
    spotc_artist_free(artist);
    return rc;
}

static int show_albums(cli_ctx *ctx, spotc_client *client, const char *id, int max)
{
    spotc_page_options page = cli_all_pages(max);
    spotc_album_list *list = NULL;
    int rc = spotc_artist_list_albums(&list, client, id, NULL, NULL, &page);
    if (rc)
        return cli_fail(ctx, rc);
    cli_print_heading(ctx, "Albums");
    rc = cli_render_albums(ctx, list->items, list->count, NULL);
    spotc_album_list_free(list);
    return rc;
}

static int show_top_tracks(cli_ctx *ctx, spotc_client *client, const char *id, int max)
{
    spotc_track_list *list = NULL;
    int rc = spotc_artist_get_top_tracks(&list, client, id, NULL);
    return cli_show_track_list(ctx, rc, list, "Top tracks", CLI_TRACKS_WITH_ALBUM);
}

static const cli_item_view artist = {SPOTC_TYPE_ARTIST, "Artist", "get-an-artist", show_artist};
static const cli_item_list albums = {"get-an-artists-albums", NULL, show_albums};
static const cli_item_list top_tracks = {"get-an-artists-top-tracks", "tracks", show_top_tracks};

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
};
