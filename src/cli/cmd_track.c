/* spotc track ID... : one ID is GET /tracks/{id}; several use the batched GET /tracks. */
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "idlist.h"
#include "output.h"
#include "render.h"
#include "stream.h"

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

/* A bare ID that is no track's may be another type's: ask the other catalogue reads, and
 * say which one knows it (or how to search). */
static int not_a_track(cli_ctx *ctx, const char *id, int rc)
{
    static const struct {
        const char *operation, *command;
    } others[] = {
        {"get-an-album", "album"},  {"get-an-artist", "artist"}, {"get-playlist", "playlist"},
        {"get-a-show", "show"},     {"get-an-episode", "episode"}, {"get-an-audiobook", "audiobook"},
    };
    int code = cli_fail(ctx, rc);
    if (rc != SPOTC_ENOTFOUND)
        return code;
    for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++) {
        spotc_param p = {"id", id};
        if (strcmp(others[i].operation, "get-playlist") == 0)
            p.key = "playlist_id";
        if (spotc_operation_call(NULL, ctx->client, others[i].operation, &p, 1, NULL) == 0) {
            const char *article = strchr("aeiou", others[i].command[0]) ? "an" : "a";
            cli_errorf("it is the ID of %s %s: spotc %s %s", article, others[i].command,
                       others[i].command, id);
            return CLI_EXIT_NOT_FOUND;
        }
    }
    cli_errorf("it may be the ID of another type (spotc album|artist|playlist|show ID), or look"
               " the track up: spotc search 'NAME' --type track");
    return CLI_EXIT_NOT_FOUND;
}

/* One ID: GET /tracks/{id}, and a hint when it is no track's. @param[out] out its JSON. */
static int fetch_one(cli_ctx *ctx, const char *id, json_t **out)
{
    spotc_client *client;
    spotc_response *resp = NULL;
    spotc_param p = {"id", id};
    int rc = cli_client(ctx, &client);
    if (rc == 0 && (rc = spotc_operation_call(&resp, client, "get-track", &p, 1, NULL)) != 0)
        rc = not_a_track(ctx, id, rc);
    json_t *track = rc ? NULL : spotc_response_get_json(resp);
    if (rc == 0 && !track) {
        cli_errorf("GET /tracks/%s: the answer is not JSON", id);
        rc = CLI_EXIT_BAD_RESPONSE;
    }
    *out = track ? json_incref(track) : NULL;
    spotc_response_free(resp);
    return rc;
}

/* The tracks as JSON: one object for one ID, an array (null for an unknown ID) for several. */
static int print_tracks(cli_ctx *ctx, const cli_args *args, const char **ids)
{
    json_t *json = NULL, *rows = NULL;
    size_t n = (size_t)args->npos;
    int rc = n == 1 ? fetch_one(ctx, ids[0], &json) : cli_collect_tracks(ctx, ids, n, &json);
    if (rc == 0 && ctx->format == CLI_FORMAT_JSON)
        rc = cli_print_json(ctx, json);
    else if (rc == 0 && n == 1 && (!(rows = json_array()) || json_array_append(rows, json)))
        rc = CLI_EXIT_ERROR;
    if (rc == 0 && ctx->format != CLI_FORMAT_JSON)
        rc = cli_list_array(ctx, rows ? rows : json, cli_track_columns.columns,
                            cli_track_columns.count);
    if (rc == 0 && n > 1)
        rc = report_missing(args, n, json_missing, json);
    json_decref(rows);
    json_decref(json);
    return rc;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    spotc_id *storage;
    const char **ids;
    int rc = cli_parse_ids(args, SPOTC_TYPE_TRACK, &storage, &ids);
    if (rc)
        return rc;
    rc = print_tracks(ctx, args, ids);
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
    .examples = "spotc track spotify:track:ID\n"
                "spotc track ID1 ID2 ID3 --fields id,name,duration\n"
                "spotc --json track https://open.spotify.com/track/ID | jq .name",
};
