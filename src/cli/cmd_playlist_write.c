/*
 * spotc playlist create|add|remove|reorder|edit|cover --set|follow|unfollow: writes
 * through the typed library calls. Items are checked by the library before the first
 * request, so a typo on the 5,000th line of stdin costs nothing (item_args.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_playlist.h"
#include "config.h"
#include "item_args.h"
#include "output.h"
#include "progress.h"

/* A cover Spotify takes is well under this; anything larger is refused unread. */
#define COVER_FILE_MAX (1024 * 1024)

static void on_progress(size_t done, size_t total, void *payload)
{
    (void)payload;
    cli_progress_update(done / 100, (long)((total + 99) / 100), done);
}

/* The snapshot ID a write leaves: scripts may keep it. */
static int print_snapshot(const cli_ctx *ctx, char *snapshot)
{
    if (snapshot && ctx->format == CLI_FORMAT_JSON)
        printf("{\"snapshot_id\": \"%s\"}\n", snapshot);
    else if (snapshot)
        printf("%s\n", snapshot);
    spotc_free(snapshot);
    return 0;
}

/* add and remove: the same shape, another library call. */
static int write_items(cli_ctx *ctx, const cli_args *args, int add)
{
    int position = -1;
    const char *pos = args->opt[PL_O_POSITION];
    if (pos && cli_parse_int(ctx, "--position", pos, 0, 10000, &position))
        return CLI_EXIT_USAGE;
    spotc_client *client;
    cli_item_args a = {0};
    int rc = cli_user_client(ctx, &client);
    if (rc == 0)
        rc = cli_item_args_collect(args, 2, &a);
    if (rc) {
        cli_item_args_free(&a);
        return rc;
    }
    char *snapshot = NULL;
    const char *const *items = (const char *const *)a.v;
    cli_progress_begin("items");
    if (add) {
        spotc_playlist_add_options ao = SPOTC_PLAYLIST_ADD_OPTIONS_INIT;
        ao.position = position >= 0 ? position : SPOTC_PLAYLIST_APPEND;
        ao.progress = on_progress;
        rc = spotc_playlist_add_items(&snapshot, client, args->pos[1], items, a.n, &ao);
    } else {
        spotc_playlist_remove_options ro = SPOTC_PLAYLIST_REMOVE_OPTIONS_INIT;
        ro.progress = on_progress;
        rc = spotc_playlist_remove_items(&snapshot, client, args->pos[1], items, a.n, &ro);
    }
    cli_progress_end();
    cli_item_args_free(&a);
    if (rc < 0) {
        spotc_free(snapshot);
        return cli_fail(ctx, rc);
    }
    return print_snapshot(ctx, snapshot);
}

int pl_add(cli_ctx *ctx, const cli_args *args)
{
    return write_items(ctx, args, 1);
}

int pl_remove(cli_ctx *ctx, const cli_args *args)
{
    return write_items(ctx, args, 0);
}

/* ------------------------------------------------------------ details */

/* --name, --description, --public/--private, --collaborative into details. */
static int details_from(cli_ctx *ctx, const cli_args *args, spotc_playlist_details *d)
{
    if (args->opt[PL_O_PUBLIC] && args->opt[PL_O_PRIVATE])
        return cli_usage_error(ctx, "--public and --private contradict each other");
    d->description = args->opt[PL_O_DESCRIPTION];
    if (args->opt[PL_O_PUBLIC] || args->opt[PL_O_PRIVATE])
        d->is_public = args->opt[PL_O_PUBLIC] != NULL;
    if (args->opt[PL_O_COLLABORATIVE])
        d->collaborative = 1;
    return 0;
}

int pl_create(cli_ctx *ctx, const cli_args *args)
{
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = args->pos[1];
    spotc_client *client;
    int rc = details_from(ctx, args, &d);
    if (rc || (rc = cli_user_client(ctx, &client)) != 0)
        return rc;
    spotc_playlist *p = NULL;
    rc = spotc_playlist_create(&p, client, &d);
    if (rc < 0)
        return cli_fail(ctx, rc);
    rc = pl_print_playlist(ctx, p->json);
    spotc_playlist_free(p);
    return rc;
}

int pl_edit(cli_ctx *ctx, const cli_args *args)
{
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = args->opt[PL_O_NAME];
    spotc_client *client;
    int rc = details_from(ctx, args, &d);
    if (rc)
        return rc;
    if (!d.name && !d.description && d.is_public < 0 && d.collaborative < 0)
        return cli_usage_error(ctx, "nothing to change: give --name, --description, --public, "
                                    "--private or --collaborative");
    if ((rc = cli_user_client(ctx, &client)) != 0)
        return rc;
    rc = spotc_playlist_change_details(client, args->pos[1], &d);
    return rc < 0 ? cli_fail(ctx, rc) : 0;
}

/* ------------------------------------------------------------ reorder */

int pl_reorder(cli_ctx *ctx, const cli_args *args)
{
    int from = -1, before = -1, count = 1;
    if (!args->opt[PL_O_FROM] || !args->opt[PL_O_BEFORE])
        return cli_usage_error(ctx, "reorder needs --from N and --before M");
    if (cli_parse_int(ctx, "--from", args->opt[PL_O_FROM], 0, 10000, &from) ||
        cli_parse_int(ctx, "--before", args->opt[PL_O_BEFORE], 0, 10000, &before) ||
        (args->opt[PL_O_COUNT] &&
         cli_parse_int(ctx, "--count", args->opt[PL_O_COUNT], 1, 10000, &count)))
        return CLI_EXIT_USAGE;
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    spotc_playlist_reorder_options ro = SPOTC_PLAYLIST_REORDER_OPTIONS_INIT;
    ro.range_length = count;
    char *snapshot = NULL;
    rc = spotc_playlist_reorder_items(&snapshot, client, args->pos[1], from, before, &ro);
    return rc < 0 ? cli_fail(ctx, rc) : print_snapshot(ctx, snapshot);
}

/* ------------------------------------------------------------ cover, follows */

int pl_cover_set(cli_ctx *ctx, spotc_client *client, const char *playlist, const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f) {
        cli_errorf("%s: %s", file, strerror(errno));
        return CLI_EXIT_USAGE;
    }
    unsigned char *jpeg = malloc(COVER_FILE_MAX);
    size_t len = jpeg ? fread(jpeg, 1, COVER_FILE_MAX, f) : 0;
    int too_big = jpeg && len == COVER_FILE_MAX;
    fclose(f);
    int rc = CLI_EXIT_ERROR;
    if (!jpeg)
        cli_errorf("out of memory");
    else if (too_big)
        cli_errorf("%s: too large for a cover (Spotify takes about 190 KB of JPEG)", file);
    else if ((rc = spotc_playlist_upload_cover(client, playlist, jpeg, len)) < 0)
        rc = cli_fail(ctx, rc);
    free(jpeg);
    return rc;
}

/* Spotify's follow endpoints are deprecated; the library sends their replacement
 * (/me/library) where the app's mode needs it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static int follow(cli_ctx *ctx, const char *playlist, int on)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    rc = on ? spotc_playlist_follow(client, playlist, SPOTC_PLAYLIST_UNSET)
            : spotc_playlist_unfollow(client, playlist);
    return rc < 0 ? cli_fail(ctx, rc) : 0;
}
#pragma GCC diagnostic pop

int pl_follow(cli_ctx *ctx, const cli_args *args)
{
    return follow(ctx, args->pos[1], 1);
}

int pl_unfollow(cli_ctx *ctx, const cli_args *args)
{
    return follow(ctx, args->pos[1], 0);
}
