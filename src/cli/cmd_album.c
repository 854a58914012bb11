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

static int show_album(cli_ctx *ctx, spotc_client *client, const char *id)
{
    spotc_album *album = NULL;
    int rc = spotc_album_get(&album, client, id, NULL);
    if (rc)
        return cli_fail(ctx, rc);
    rc = cli_render_albums(ctx, &album, 1, NULL);
    spotc_album_free(album);
    return rc;
}

static int show_tracks(cli_ctx *ctx, spotc_client *client, const char *id, int max)
{
    spotc_page_options page = cli_all_pages(max);
    spotc_track_list *list = NULL;
    int rc = spotc_album_list_tracks(&list, client, id, NULL, &page);
    return cli_show_track_list(ctx, rc, list, "Tracks", CLI_TRACKS_OF_ALBUM);
}

static const cli_item_view album = {SPOTC_TYPE_ALBUM, "Album", "get-an-album", show_album};
static const cli_item_list tracks = {"get-an-albums-tracks", NULL, show_tracks};

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
};
