/* spotc search QUERY... [--type T,...] [--limit N] [--offset N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "output.h"
#include "render.h"
#include "stream.h"

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

static const char *const type_names[] = {"track", "album",   "artist",   "playlist",
                                         "show",  "episode", "audiobook"};

static int unknown_type(const cli_ctx *ctx, const char *name)
{
    const char *close = cli_suggest(name, type_names, sizeof(type_names) / sizeof(*type_names));
    if (close)
        return cli_usage_error(ctx, "cannot search for type '%s'; did you mean '%s'?", name, close);
    return cli_usage_error(ctx, "cannot search for type '%s'", name);
}

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
            return unknown_type(ctx, name), -1;
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

/* The results of one type: a heading with the total, then the items. Outside a table each
 * row starts with the item's type, so that the rows of every type can be told apart. */
static int render_type(cli_ctx *ctx, const json_t *response, spotc_item_type t)
{
    char key[32];
    snprintf(key, sizeof(key), "%ss", spotc_id_type_to_name(t));
    const json_t *page = json_object_get(response, key);
    if (!page)
        return 0;
    json_t *total = json_object_get(page, "total");
    heading(ctx, t, json_is_integer(total) ? (int)json_integer_value(total) : -1);
    const cli_columns *cols = cli_columns_of(t);
    cli_list_column with_type[16] = {{"TYPE", "type", 0}};
    size_t n = cols->count < 15 ? cols->count : 15;
    for (size_t i = 0; i < n; i++)
        with_type[i + 1] = cols->columns[i];
    int table = ctx->format == CLI_FORMAT_TABLE;
    return cli_list_array(ctx, json_object_get(page, "items"), table ? cols->columns : with_type,
                          table ? cols->count : n + 1);
}

static int search(cli_ctx *ctx, const char *query, const char *types, const cli_args *args,
                  const spotc_item_type *list, int ntypes)
{
    spotc_param params[4] = {{"q", query}, {"type", types}};
    size_t n = 2;
    if (args->opt[OPT_LIMIT])
        params[n++] = (spotc_param){"limit", args->opt[OPT_LIMIT]};
    if (args->opt[OPT_OFFSET])
        params[n++] = (spotc_param){"offset", args->opt[OPT_OFFSET]};
    json_t *json = NULL;
    int rc = cli_call_json(ctx, "search", params, n, &json);
    if (rc == 0 && ctx->format == CLI_FORMAT_JSON)
        rc = cli_print_json(ctx, json);
    for (int i = 0; rc == 0 && ctx->format != CLI_FORMAT_JSON && i < ntypes; i++)
        rc = render_type(ctx, json, list[i]);
    json_decref(json);
    return rc;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    char query[MAX_QUERY];
    spotc_item_type types[8];
    const char *type_list = args->opt[OPT_TYPE] ? args->opt[OPT_TYPE] : DEFAULT_TYPES;
    int limit, offset;
    int ntypes, rc;
    if ((rc = join_query(ctx, args, query, sizeof(query))) != 0)
        return rc;
    if ((ntypes = parse_types(ctx, type_list, types, 8)) < 0)
        return CLI_EXIT_USAGE;
    if (args->opt[OPT_LIMIT] &&
        (rc = cli_parse_int(ctx, "--limit", args->opt[OPT_LIMIT], 1, 50, &limit)) != 0)
        return rc;
    if (args->opt[OPT_OFFSET] &&
        (rc = cli_parse_int(ctx, "--offset", args->opt[OPT_OFFSET], 0, 1000, &offset)) != 0)
        return rc;
    return search(ctx, query, type_list, args, types, ntypes);
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
    .choices = (const cli_choice[]){{"type", NULL, "track album artist playlist show episode audiobook",
                                     NULL},
                                    {NULL, NULL, NULL, NULL}},
    .examples = "spotc search \"kind of blue\" --type album --limit 5\n"
                "spotc search 'artist:Sleepy Lighthouse' --type track --fields id,name,album.name\n"
                "spotc search fire --type playlist,show --csv > results.csv",
};
