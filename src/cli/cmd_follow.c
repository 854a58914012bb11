/* spotc follow artist|user ID... ; spotc unfollow artist|user ID... ; spotc following */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "library_write.h"
#include "render.h"
#include "typed_list.h"

/* Artists and users are followed through the library by URI (spotc_library_save),
 * the replacement of Spotify's deprecated /me/following writes. */
typedef struct uri_buf {
    char text[SPOTC_ID_MAX + 32];
} uri_buf;

/* IDs (URIs, links or bare IDs) of args->pos[1..] as URIs of the type named by pos[0]. */
static int to_uris(cli_ctx *ctx, const cli_args *args, uri_buf *bufs, const char **uris)
{
    spotc_item_type type = strcmp(args->pos[0], "user") == 0 ? SPOTC_TYPE_USER : SPOTC_TYPE_ARTIST;
    for (int i = 1; i < args->npos; i++) {
        spotc_id id;
        int rc = cli_parse_id(&id, args->pos[i], type);
        if (rc)
            return rc;
        if (spotc_id_format_uri(bufs[i - 1].text, sizeof bufs[i - 1].text, &id) != 0)
            return cli_usage_error(ctx, "'%s' is too long for an ID", args->pos[i]);
        uris[i - 1] = bufs[i - 1].text;
    }
    return 0;
}

static int follow_or_not(cli_ctx *ctx, const cli_args *args, cli_write_kind kind)
{
    if (!cli_subcommand_find(ctx, args->pos[0]))
        return CLI_EXIT_USAGE;
    int rc;
    if (args->npos < 2)
        return cli_usage_error(ctx, "which %s? give one or more IDs", args->pos[0]);
    size_t n = (size_t)args->npos - 1;
    uri_buf *bufs = calloc(n, sizeof *bufs);
    const char **uris = calloc(n, sizeof *uris);
    spotc_client *client;
    rc = bufs && uris ? to_uris(ctx, args, bufs, uris) : CLI_EXIT_ERROR;
    if (rc == 0)
        rc = cli_user_client(ctx, &client);
    if (rc == 0)
        rc = cli_library_write(ctx, client, kind, uris, n);
    free(bufs);
    free(uris);
    return rc;
}

static int run_follow(cli_ctx *ctx, const cli_args *args)
{
    return follow_or_not(ctx, args, CLI_WRITE_SAVE);
}

static int run_unfollow(cli_ctx *ctx, const cli_args *args)
{
    return follow_or_not(ctx, args, CLI_WRITE_REMOVE);
}

static const cli_subcommand kinds[] = {
    {"artist", "artists, by ID, URI or link"},
    {"user", "users, by ID, URI or link"},
    {NULL, NULL},
};

const cli_command cli_cmd_follow = {
    .name = "follow",
    .summary = "follow artists or users",
    .usage = "follow artist|user ID...",
    .description = "Follows artists or users (IDs, URIs or open.spotify.com links), any number\n"
                   "of them. 'spotc following' lists the artists followed.",
    .min_args = 1,
    .max_args = -1,
    .run = run_follow,
    .subcommands = kinds,
    .examples = "spotc follow artist ID\n"
                "spotc follow user spotify:user:USER_ID",
};

const cli_command cli_cmd_unfollow = {
    .name = "unfollow",
    .summary = "stop following artists or users",
    .usage = "unfollow artist|user ID...",
    .description = "Stops following artists or users (IDs, URIs or open.spotify.com links).",
    .min_args = 1,
    .max_args = -1,
    .run = run_unfollow,
    .subcommands = kinds,
    .examples = "spotc unfollow artist ID\n"
                "spotc unfollow user USER_ID",
};

/* ------------------------------------------------------------ following */

enum { OPT_LIMIT };
static const cli_option limit_option[] = {
    {"limit", "N", "at most N artists (default: all of them)"},
    {NULL, NULL, NULL},
};

CLI_ROUND_FN(following_round, spotc_artist_list, spotc_follow_list_artists(&list_, client, opts))

static int run_following(cli_ctx *ctx, const cli_args *args)
{
    int max = 0;
    int rc = cli_parse_limit(ctx, args->opt[OPT_LIMIT], &max);
    return rc ? rc
              : cli_typed_list(ctx, following_round, cli_artist_columns.columns,
                               cli_artist_columns.count, max, 1);
}

const cli_command cli_cmd_following = {
    .name = "following",
    .summary = "list the artists the user follows",
    .usage = "following [--limit N]",
    .description = "Lists the artists the logged-in user follows, every page (--limit N to\n"
                   "stop early).",
    .options = limit_option,
    .min_args = 0,
    .max_args = 0,
    .run = run_following,
    .examples = "spotc following\n"
                "spotc following --fields id,name --no-header",
};
