/* spotc library list TYPE | save ITEM... | remove ITEM... | contains ITEM... | export | import
 * (the back-ups: export_library.c, import_library.c). */
#include <string.h>

#include "config.h"
#include "export.h"
#include "item_args.h"
#include "library_write.h"
#include "typed_list.h"

enum { OPT_LIMIT, OPT_OUTPUT };

static const cli_option options[] = {
    {"limit", "N", "list: at most N items (default: all of them)"},
    {"output", "FILE", "export: write to FILE (also -o) instead of stdout"},
    {NULL, NULL, NULL},
};

/* Saved items are wrappers {"added_at", "<type>": {...}}: columns reach inside. */
#define SAVED(name, key, third_header, third_path)                                                 \
    static const cli_list_column name[] = {{"ID", key ".id", 0},                                   \
                                           {"NAME", key ".name", CLI_LIST_FLEX},                   \
                                           {third_header, key "." third_path, CLI_LIST_FLEX},      \
                                           {"ADDED", "added_at", 0}}
SAVED(track_columns, "track", "ARTISTS", "artists.name");
SAVED(album_columns, "album", "ARTISTS", "artists.name");
SAVED(show_columns, "show", "PUBLISHER", "publisher");
SAVED(episode_columns, "episode", "SHOW", "show.name");
SAVED(audiobook_columns, "audiobook", "AUTHORS", "authors.name");

CLI_ROUND_FN(tracks_round, spotc_saved_track_list,
             spotc_library_list_tracks(&list_, client, ctx->market, opts))
CLI_ROUND_FN(albums_round, spotc_saved_album_list,
             spotc_library_list_albums(&list_, client, ctx->market, opts))
CLI_ROUND_FN(shows_round, spotc_saved_show_list, spotc_library_list_shows(&list_, client, opts))
CLI_ROUND_FN(episodes_round, spotc_saved_episode_list,
             spotc_library_list_episodes(&list_, client, ctx->market, opts))
CLI_ROUND_FN(audiobooks_round, spotc_saved_audiobook_list,
             spotc_library_list_audiobooks(&list_, client, opts))

#define KINDS "tracks albums shows episodes audiobooks"

static const struct {
    const char *name;
    cli_round_fn round;
    const cli_list_column *columns;
} kinds[] = {
    {"tracks", tracks_round, track_columns},
    {"albums", albums_round, album_columns},
    {"shows", shows_round, show_columns},
    {"episodes", episodes_round, episode_columns},
    {"audiobooks", audiobooks_round, audiobook_columns},
};

static int run_list(cli_ctx *ctx, const cli_args *args)
{
    if (args->npos != 2)
        return cli_usage_error(ctx, "library list takes one of: " KINDS);
    int rc = cli_check_choice(ctx, NULL, "list", args->pos[1]);
    int max = 0;
    if (rc == 0)
        rc = cli_parse_limit(ctx, args->opt[OPT_LIMIT], &max);
    for (size_t i = 0; rc == 0 && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].name, args->pos[1]) == 0)
            return cli_typed_list(ctx, kinds[i].round, kinds[i].columns, 4, max, 0);
    return rc;
}

/* save, remove and contains: the items as given (URIs or links of any saveable type), '-'
 * for stdin's lines. */
static int run_items(cli_ctx *ctx, const cli_args *args, cli_write_kind kind)
{
    if (args->npos < 2)
        return cli_usage_error(ctx, "library %s needs at least one item (a URI or link)",
                               args->pos[0]);
    if (args->opt[OPT_LIMIT])
        return cli_usage_error(ctx, "--limit is for library list");
    spotc_client *client;
    cli_item_args a = {0};
    int rc = cli_user_client(ctx, &client);
    if (rc == 0)
        rc = cli_item_args_collect(args, 1, &a);
    if (rc == 0)
        rc = cli_library_write(ctx, client, kind, (const char *const *)a.v, a.n);
    cli_item_args_free(&a);
    return rc;
}

static const cli_subcommand subcommands[] = {
    {"list", "list the saved tracks, albums, shows, episodes or audiobooks"},
    {"save", "save items of any type to the library (- reads them from stdin)"},
    {"remove", "remove items from the library"},
    {"contains", "tell whether items are in the library"},
    {"export", "the whole library (saved items, follows, playlists) as one JSON document"},
    {"import", "restore a library export into the logged-in account"},
    {NULL, NULL},
};

/* library export [-o FILE] | import FILE */
static int run_backup(cli_ctx *ctx, const cli_args *args, bool export)
{
    if (args->opt[OPT_LIMIT])
        return cli_usage_error(ctx, "--limit is an option of 'library list' only");
    if (export) {
        if (args->npos != 1)
            return cli_usage_error(ctx, "library export takes no argument (-o FILE)");
        return export_library_run(ctx, args->opt[OPT_OUTPUT]);
    }
    if (args->npos != 2)
        return cli_usage_error(ctx, "library import takes one FILE");
    return import_library_run(ctx, args->pos[1]);
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *sub = cli_subcommand_find(ctx, args->pos[0]);
    if (!sub)
        return CLI_EXIT_USAGE;
    if (args->opt[OPT_OUTPUT] && strcmp(sub->name, "export") != 0)
        return cli_usage_error(ctx, "--output is an option of 'library export' only");
    switch (sub - subcommands) {
    case 0:
        return run_list(ctx, args);
    case 1:
        return run_items(ctx, args, CLI_WRITE_SAVE);
    case 2:
        return run_items(ctx, args, CLI_WRITE_REMOVE);
    case 3:
        return run_items(ctx, args, CLI_WRITE_CONTAINS);
    default:
        return run_backup(ctx, args, strcmp(sub->name, "export") == 0);
    }
}

const cli_command cli_cmd_library = {
    .name = "library",
    .summary = "list, save, remove and check items of the user's library",
    .usage = "library list|save|remove|contains TYPE|ITEM... [--limit N] | export [-o FILE] | "
             "import FILE",
    .description =
        "'library list TYPE' (tracks, albums, shows, episodes or audiobooks) lists the\n"
        "saved items of that type, newest first, every page (--limit N to stop early).\n"
        "'save', 'remove' and 'contains' take Spotify URIs or open.spotify.com links of\n"
        "any saveable type (track, album, show, episode, audiobook, artist, user,\n"
        "playlist; a bare ID says no type, so it is refused), any number of them, sent\n"
        "40 a request; '-' reads more from stdin, one a line, any number, in order.\n"
        "'contains' prints each item, true or false, in the order given.\n"
        "'export' writes liked songs, saved albums, shows, episodes and audiobooks, followed\n"
        "artists and every playlist (owned ones in full, followed ones as references) as one\n"
        "JSON document, streamed; 'import' restores it into the logged-in account.",
    .options = options,
    .min_args = 1,
    .max_args = -1,
    .run = run,
    .subcommands = subcommands,
    .choices = (const cli_choice[]){{NULL, "list", KINDS, NULL}, {NULL, NULL, NULL, NULL}},
    .examples = "spotc library list tracks --limit 20\n"
                "spotc library save spotify:track:ID spotify:album:ID\n"
                "spotc library contains spotify:show:ID https://open.spotify.com/episode/ID\n"
                "spotc library remove spotify:track:ID\n"
                "spotc library save - < uris.txt\n"
                "spotc library export -o library.json\n"
                "spotc library import library.json",
};
