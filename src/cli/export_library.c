/*
 * spotc library export [-o FILE]: the whole library as one JSON document, streamed section by
 * section as pages arrive:
 *
 *     {"spotc_library": 1, "user": {...},
 *      "tracks": [...], "albums": [...], "shows": [...], "episodes": [...],
 *      "audiobooks": [...]                    the saved objects as Spotify gives them
 *      "artists": [...]                        followed artists
 *      "playlists": [{"playlist": {...}, "items": [...]},     owned: whole (export_run.c)
 *                    {"followed": {...}}, ...]}                followed: a reference
 *
 * The list of the user's playlists is read first (small objects) so that only one pager is
 * open on the client at a time.
 */
#include <errno.h>
#include <string.h>

#include "config.h"
#include "export.h"
#include "fetch.h"

typedef struct section {
    const char *key;
    const char *operation;
    const char *type; /* get-followed's `type`, or NULL */
    int market;       /* the operation takes a market */
} section;

static const section sections[] = {
    {"tracks", "get-users-saved-tracks", NULL, 1},
    {"albums", "get-users-saved-albums", NULL, 1},
    {"shows", "get-users-saved-shows", NULL, 0},
    {"episodes", "get-users-saved-episodes", NULL, 1},
    {"audiobooks", "get-users-saved-audiobooks", NULL, 0},
    {"artists", "get-followed", "artist", 0},
};

/* Page through an operation, handing each item to `each` (0 to go on). */
static int each_item(cli_ctx *ctx, spotc_client *client, const section *s,
                     int (*each)(const json_t *item, void *payload), void *payload)
{
    spotc_param p[2];
    size_t n = 0;
    if (s->type)
        p[n++] = (spotc_param){"type", s->type};
    if (s->market)
        p[n++] = (spotc_param){"market", ctx->market ? ctx->market : "from_token"};
    spotc_page_options opts = SPOTC_PAGE_OPTIONS_INIT;
    opts.concurrency = 8;
    spotc_pager *pager;
    int rc = spotc_pager_new(&pager, client, s->operation, p, n, &opts);
    if (rc < 0)
        return cli_fail(ctx, rc);
    json_t *items;
    int stop = 0;
    while (!stop && (rc = spotc_pager_next(pager, &items)) == 1) {
        size_t i;
        json_t *item;
        json_array_foreach(items, i, item) if (!stop) stop = each(item, payload);
    }
    spotc_pager_free(pager);
    return stop ? stop : rc < 0 ? cli_fail(ctx, rc) : 0;
}

typedef struct sink {
    FILE *out;
    size_t n;
} sink;

static int write_one(const json_t *item, void *payload)
{
    sink *k = payload;
    if (fputs(k->n++ ? ",\n" : "\n", k->out) < 0 || json_dumpf(item, k->out, JSON_COMPACT) < 0) {
        cli_errorf("writing the export: %s", strerror(errno));
        return CLI_EXIT_ERROR;
    }
    return 0;
}

static int keep_one(const json_t *item, void *payload)
{
    return json_array_append((json_t *)payload, (json_t *)item) == 0 ? 0 : CLI_EXIT_ERROR;
}

static int write_playlists(cli_ctx *ctx, spotc_client *client, FILE *out, const char *me)
{
    static const section mine = {"playlists", "get-a-list-of-current-users-playlists", NULL, 0};
    json_t *list = json_array();
    int rc = list ? each_item(ctx, client, &mine, keep_one, list) : CLI_EXIT_ERROR;
    size_t i;
    json_t *pl;
    json_array_foreach(list, i, pl)
    {
        const char *owner = json_string_value(json_object_get(json_object_get(pl, "owner"), "id"));
        const char *id = json_string_value(json_object_get(pl, "id"));
        if (rc || !id)
            continue;
        fputs(i ? ",\n" : "\n", out);
        if (owner && strcmp(owner, me) == 0) {
            export_writer w = {.out = out};
            rc = export_playlist_to(ctx, client, id, &w);
        } else if (fputs("{\"followed\": ", out) < 0 || json_dumpf(pl, out, JSON_COMPACT) < 0 ||
                   fputs("}", out) < 0) {
            rc = (cli_errorf("writing the export: %s", strerror(errno)), CLI_EXIT_ERROR);
        }
    }
    json_decref(list);
    return rc;
}

static int write_library(cli_ctx *ctx, spotc_client *client, FILE *out)
{
    json_t *me = NULL;
    const spotc_param none[1] = {{NULL, NULL}};
    int rc = cli_call_json(ctx, "get-current-users-profile", none, 0, &me);
    const char *id = json_string_value(json_object_get(me, "id"));
    if (rc == 0 && !id)
        rc = (cli_errorf("GET /me: no user id in the answer"), CLI_EXIT_BAD_RESPONSE);
    if (rc == 0) {
        json_t *user = json_pack("{s:s, s:O?}", "id", id, "display_name",
                                 json_object_get(me, "display_name"));
        fputs("{\"spotc_library\": 1, \"user\": ", out);
        json_dumpf(user, out, JSON_COMPACT);
        json_decref(user);
    }
    for (size_t s = 0; rc == 0 && s < sizeof sections / sizeof sections[0]; s++) {
        sink k = {out, 0};
        fprintf(out, ",\n \"%s\": [", sections[s].key);
        if ((rc = each_item(ctx, client, &sections[s], write_one, &k)) == 0)
            fputs("]", out);
    }
    if (rc == 0) {
        fputs(",\n \"playlists\": [", out);
        if ((rc = write_playlists(ctx, client, out, id)) == 0)
            fputs("]}\n", out);
    }
    json_decref(me);
    return rc;
}

int export_library_run(cli_ctx *ctx, const char *file)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    FILE *out = file && strcmp(file, "-") != 0 ? fopen(file, "w") : stdout;
    if (!out) {
        cli_errorf("%s: %s", file, strerror(errno));
        return CLI_EXIT_ERROR;
    }
    rc = write_library(ctx, client, out);
    if (fflush(out) != 0 && rc == 0)
        rc = (cli_errorf("writing the export: %s", strerror(errno)), CLI_EXIT_ERROR);
    if (out != stdout) {
        fclose(out);
        if (rc != 0)
            remove(file);
    }
    return rc;
}
