/* spotc search QUERY... [--type T,...] [--limit N] [--offset N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "output.h"
#include "render.h"

enum { OPT_TYPE, OPT_LIMIT, OPT_OFFSET };

static const cli_option options[] = {
    {"type", "TYPES",
     "comma-separated: track, album, artist, playlist, show, episode, audiobook"
     " (default: track,album,artist)"},
    {"limit", "N", "results per type, 1 to 50 (Spotify's default when absent)"},
    {"offset", "N", "skip the first N results of each type (0 to 1000)"},
    {NULL, NULL, NULL},
};

#define DEFAULT_TYPES "track,album,artist"
#define MAX_QUERY 1024

static const spotc_item_type searchable[] = {
    SPOTC_TYPE_TRACK, SPOTC_TYPE_ALBUM,   SPOTC_TYPE_ARTIST,    SPOTC_TYPE_PLAYLIST,
    SPOTC_TYPE_SHOW,  SPOTC_TYPE_EPISODE, SPOTC_TYPE_AUDIOBOOK,
};

/* Fill types[] from "track,album" in the order given. @return how many, or -1 after a usage error.
 */
static int parse_types(const cli_ctx *ctx, const char *list, spotc_item_type *types, size_t max)
{
    size_t n = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        char name[32];
        snprintf(name, sizeof(name), "%.*s", (int)(len < sizeof(name) ? len : sizeof(name) - 1), p);
        spotc_item_type t = spotc_id_type_from_name(name);
        int ok = 0;
        for (size_t i = 0; i < sizeof(searchable) / sizeof(searchable[0]); i++)
            ok |= len < sizeof(name) && searchable[i] == t;
        if (!ok || n == max)
            return cli_usage_error(ctx, "cannot search for type '%.*s'", (int)len, p), -1;
        types[n++] = t;
        p += len + (p[len] == ',');
    }
    if (n == 0)
        return cli_usage_error(ctx, "--type needs at least one type"), -1;
    return (int)n;
}

/* Several words make one query, as a user would type them in Spotify. */
static int join_query(const cli_ctx *ctx, const cli_args *args, char *buf, size_t len)
{
    size_t used = 0;
    for (int i = 0; i < args->npos; i++) {
        int n = snprintf(buf + used, len - used, "%s%s", i ? " " : "", args->pos[i]);
        if (n < 0 || (size_t)n >= len - used)
            return cli_usage_error(ctx, "the query is longer than %d bytes", MAX_QUERY - 1);
        used += (size_t)n;
    }
    return used ? 0 : cli_usage_error(ctx, "the query is empty");
}

static const char *type_heading(spotc_item_type t)
{
    static const char *const names[] = {
        [SPOTC_TYPE_TRACK] = "Tracks",         [SPOTC_TYPE_ALBUM] = "Albums",
        [SPOTC_TYPE_ARTIST] = "Artists",       [SPOTC_TYPE_PLAYLIST] = "Playlists",
        [SPOTC_TYPE_SHOW] = "Shows",           [SPOTC_TYPE_EPISODE] = "Episodes",
        [SPOTC_TYPE_AUDIOBOOK] = "Audiobooks",
    };
    return names[t];
}

static void heading(const cli_ctx *ctx, spotc_item_type t, int total)
{
    char text[64];
    if (total >= 0)
        snprintf(text, sizeof(text), "%s (%d found)", type_heading(t), total);
    else
        snprintf(text, sizeof(text), "%s", type_heading(t));
    cli_print_heading(ctx, text);
}

static const json_t *json_page(const spotc_search_result *r, spotc_item_type t)
{
    switch (t) {
    case SPOTC_TYPE_PLAYLIST:
        return r->playlists;
    case SPOTC_TYPE_SHOW:
        return r->shows;
    case SPOTC_TYPE_EPISODE:
        return r->episodes;
    default:
        return r->audiobooks;
    }
}

static int render_type(const cli_ctx *ctx, const spotc_search_result *r, spotc_item_type t)
{
    const char *prefix = spotc_id_type_to_name(t);
    if (t == SPOTC_TYPE_TRACK && r->tracks) {
        heading(ctx, t, r->tracks->page.total);
        return cli_render_tracks(ctx, r->tracks->items, r->tracks->count, CLI_TRACKS_WITH_ALBUM,
                                 prefix);
    }
    if (t == SPOTC_TYPE_ALBUM && r->albums) {
        heading(ctx, t, r->albums->page.total);
        return cli_render_albums(ctx, r->albums->items, r->albums->count, prefix);
    }
    if (t == SPOTC_TYPE_ARTIST && r->artists) {
        heading(ctx, t, r->artists->page.total);
        return cli_render_artists(ctx, r->artists->items, r->artists->count, prefix);
    }
    const json_t *page = json_page(r, t);
    if (t <= SPOTC_TYPE_ARTIST || !page)
        return 0;
    json_t *total = json_object_get(page, "total");
    heading(ctx, t, json_is_integer(total) ? (int)json_integer_value(total) : -1);
    return cli_render_json_page(ctx, page, t, prefix);
}

static int search_json(cli_ctx *ctx, const char *query, const char *types, const cli_args *args)
{
    spotc_param params[4] = {{"q", query}, {"type", types}};
    size_t n = 2;
    if (args->opt[OPT_LIMIT])
        params[n++] = (spotc_param){"limit", args->opt[OPT_LIMIT]};
    if (args->opt[OPT_OFFSET])
        params[n++] = (spotc_param){"offset", args->opt[OPT_OFFSET]};
    json_t *json = NULL;
    int rc = cli_call_json(ctx, "search", params, n, &json);
    if (rc == 0)
        rc = cli_print_json(ctx, json);
    json_decref(json);
    return rc;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    char query[MAX_QUERY];
    spotc_item_type types[8];
    const char *type_list = args->opt[OPT_TYPE] ? args->opt[OPT_TYPE] : DEFAULT_TYPES;
    spotc_page_options page = {.version = SPOTC_PAGE_OPTIONS_VERSION};
    int ntypes, rc;
    if ((rc = join_query(ctx, args, query, sizeof(query))) != 0)
        return rc;
    if ((ntypes = parse_types(ctx, type_list, types, 8)) < 0)
        return CLI_EXIT_USAGE;
    if (args->opt[OPT_LIMIT] &&
        (rc = cli_parse_int(ctx, "--limit", args->opt[OPT_LIMIT], 1, 50, &page.limit)) != 0)
        return rc;
    if (args->opt[OPT_OFFSET] &&
        (rc = cli_parse_int(ctx, "--offset", args->opt[OPT_OFFSET], 0, 1000, &page.offset)) != 0)
        return rc;
    if (ctx->format == CLI_FORMAT_JSON)
        return search_json(ctx, query, type_list, args);

    spotc_client *client;
    spotc_search_result *result = NULL;
    if ((rc = cli_client(ctx, &client)) != 0)
        return rc;
    if ((rc = spotc_search_run(&result, client, query, type_list, NULL, &page)) != 0)
        return cli_fail(ctx, rc);
    for (int i = 0; i < ntypes && rc == 0; i++)
        rc = render_type(ctx, result, types[i]);
    spotc_search_result_free(result);
    return rc;
}

const cli_command cli_cmd_search = {
    .name = "search",
    .summary = "search the catalogue for tracks, albums, artists and more",
    .usage = "search QUERY... [--type TYPES] [--limit N] [--offset N]",
    .description =
        "Searches Spotify's catalogue. Words of the query are joined with spaces, and\n"
        "Spotify's filters work: artist:, album:, track:, year:1990-1999, genre:, isrc:.\n"
        "Prints one table per type; piped, each TSV line starts with the item type.\n"
        "With --json, prints Spotify's search response.",
    .options = options,
    .min_args = 1,
    .max_args = -1,
    .run = run,
};
