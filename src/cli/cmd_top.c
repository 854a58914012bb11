/* spotc top tracks|artists [--range short|medium|long] [--limit N] */
#include <string.h>

#include "render.h"
#include "typed_list.h"

enum { OPT_RANGE, OPT_LIMIT };

static const cli_option options[] = {
    {"range", "short|medium|long", "about 4 weeks, 6 months (the default) or a year"},
    {"limit", "N", "at most N items (default: all of them)"},
    {NULL, NULL, NULL},
};

/* The range of the run, set by run() before the list is read (one per process). */
static spotc_top_range range;

CLI_ROUND_FN(tracks_round, spotc_track_list, spotc_top_list_tracks(&list_, client, range, opts))
CLI_ROUND_FN(artists_round, spotc_artist_list, spotc_top_list_artists(&list_, client, range, opts))

static spotc_top_range range_of(const char *name)
{
    return !name                        ? SPOTC_TOP_RANGE_DEFAULT
           : strcmp(name, "short") == 0 ? SPOTC_TOP_RANGE_SHORT
           : strcmp(name, "long") == 0  ? SPOTC_TOP_RANGE_LONG
                                        : SPOTC_TOP_RANGE_MEDIUM;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    if (!cli_subcommand_find(ctx, args->pos[0]))
        return CLI_EXIT_USAGE;
    int rc = 0;
    if (args->opt[OPT_RANGE])
        rc = cli_check_choice(ctx, "range", NULL, args->opt[OPT_RANGE]);
    int max = 0;
    if (rc == 0)
        rc = cli_parse_limit(ctx, args->opt[OPT_LIMIT], &max);
    if (rc)
        return rc;
    range = range_of(args->opt[OPT_RANGE]);
    if (strcmp(args->pos[0], "tracks") == 0)
        return cli_typed_list(ctx, tracks_round, cli_track_columns.columns,
                              cli_track_columns.count, max, 0);
    return cli_typed_list(ctx, artists_round, cli_artist_columns.columns,
                          cli_artist_columns.count, max, 0);
}

const cli_command cli_cmd_top = {
    .name = "top",
    .summary = "the user's top tracks or artists",
    .usage = "top tracks|artists [--range short|medium|long] [--limit N]",
    .description = "Lists the tracks or artists the logged-in user listens to most, computed\n"
                   "over about the last 4 weeks (short), 6 months (medium, the default) or\n"
                   "year (long). Needs the user-top-read scope.",
    .options = options,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .subcommands = (const cli_subcommand[]){{"tracks", "the user's top tracks"},
                                            {"artists", "the user's top artists"},
                                            {NULL, NULL}},
    .choices = (const cli_choice[]){{"range", NULL, "short medium long", NULL},
                                    {NULL, NULL, NULL, NULL}},
    .examples = "spotc top tracks\n"
                "spotc top artists --range long --limit 10",
};
