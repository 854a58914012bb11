/* spotc track ID... : one ID is GET /tracks/{id}; several use the batched GET /tracks. */
#include <stdlib.h>

#include "fetch.h"
#include "idlist.h"
#include "output.h"
#include "render.h"

/* Unknown IDs come back as null items: name them, and fail with "not found". */
static int report_missing(const cli_args *args, size_t n, int (*is_missing)(const void *, size_t),
                          const void *list)
{
    int missing = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_missing(list, i)) {
            cli_errorf("no track with ID '%s'", args->pos[i]);
            missing = 1;
        }
    }
    return missing ? CLI_EXIT_NOT_FOUND : 0;
}

static int json_missing(const void *list, size_t i)
{
    return !json_is_object(json_array_get(list, i));
}

static int model_missing(const void *list, size_t i)
{
    const spotc_track_list *l = list;
    return i >= l->count || !l->items[i];
}

static int tracks_json(cli_ctx *ctx, const cli_args *args, const char **ids)
{
    json_t *json = NULL;
    int rc;
    if (args->npos == 1) {
        spotc_param p = {"id", ids[0]};
        rc = cli_call_json(ctx, "get-track", &p, 1, &json);
        if (rc == 0)
            rc = cli_print_json(ctx, json);
    } else {
        rc = cli_collect_batches(ctx, "get-several-tracks", "get-track", ids, (size_t)args->npos,
                                 "tracks", &json);
        if (rc == 0)
            rc = cli_print_json(ctx, json);
        if (rc == 0)
            rc = report_missing(args, (size_t)args->npos, json_missing, json);
    }
    json_decref(json);
    return rc;
}

static int tracks_table(cli_ctx *ctx, const cli_args *args, const char **ids)
{
    spotc_client *client;
    int rc = cli_client(ctx, &client);
    if (rc)
        return rc;
    if (args->npos == 1) {
        spotc_track *track = NULL;
        if ((rc = spotc_track_get(&track, client, ids[0], NULL)) != 0)
            return cli_fail(ctx, rc);
        rc = cli_render_tracks(ctx, &track, 1, CLI_TRACKS_WITH_ALBUM, NULL);
        spotc_track_free(track);
        return rc;
    }
    spotc_track_list *list = NULL;
    if ((rc = spotc_track_get_several(&list, client, ids, (size_t)args->npos, NULL)) != 0)
        return cli_fail(ctx, rc);
    rc = cli_render_tracks(ctx, list->items, list->count, CLI_TRACKS_WITH_ALBUM, NULL);
    if (rc == 0)
        rc = report_missing(args, (size_t)args->npos, model_missing, list);
    spotc_track_list_free(list);
    return rc;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    spotc_id *storage;
    const char **ids;
    int rc = cli_parse_ids(args, SPOTC_TYPE_TRACK, &storage, &ids);
    if (rc)
        return rc;
    rc =
        ctx->format == CLI_FORMAT_JSON ? tracks_json(ctx, args, ids) : tracks_table(ctx, args, ids);
    free(ids);
    free(storage);
    return rc;
}

const cli_command cli_cmd_track = {
    .name = "track",
    .summary = "show tracks by ID",
    .usage = "track ID...",
    .description = "Shows one or more tracks. An ID may be a bare ID, a spotify:track: URI or an\n"
                   "open.spotify.com link. Several IDs are fetched in batches (GET /tracks), or\n"
                   "one by one for development-mode apps (Spotify refuses them batches).\n"
                   "With --json: the track object for one ID, an array of them (null for an\n"
                   "unknown ID) for several.",
    .options = NULL,
    .min_args = 1,
    .max_args = -1,
    .run = run,
};
