/* spotc markets [--limit N]: the countries where Spotify is available (extended-quota apps). */
#include "extended.h"
#include "stream.h"
#include "typed_list.h"

enum { OPT_LIMIT };

static int run(cli_ctx *ctx, const cli_args *args)
{
    spotc_client *client;
    spotc_markets *m = NULL;
    int max = 0;
    int rc = cli_parse_limit(ctx, args->opt[OPT_LIMIT], &max);
    if (rc == 0)
        rc = cli_extended_client(ctx, "get-available-markets", &client);
    if (rc)
        return rc;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    rc = spotc_market_list(&m, client); /* deprecated by Spotify; extended-quota apps have it */
#pragma GCC diagnostic pop
    if (rc < 0)
        return cli_fail(ctx, rc);
    rc = cli_list_strings(ctx, "MARKET", "market", m->markets, m->count, max);
    spotc_markets_free(m);
    return rc;
}

const cli_command cli_cmd_markets = {
    .name = "markets",
    .summary = "the markets (country codes) where Spotify is available",
    .usage = "markets [--limit N]",
    .description = "Lists the ISO 3166-1 alpha-2 codes of the countries where Spotify is\n"
                   "available, one a row (the values --market takes). With --json: an array\n"
                   "of {\"market\": CODE} objects. Spotify serves it to extended-quota apps only.",
    .options = (const cli_option[]){{"limit", "N", "at most N markets"}, {NULL, NULL, NULL}},
    .min_args = 0,
    .max_args = 0,
    .run = run,
    .examples = "spotc markets\n"
                "spotc markets --no-header | grep -x SE",
};
