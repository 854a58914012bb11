/*
 * spotc: the Spotify Web API from the command line. Parses the command line,
 * sets up the output, and runs one command of the table.
 */
#include <stdio.h>

#include "args.h"
#include "output.h"
#include "progress.h"

const cli_option cli_global_options[] = {
    [CLI_G_JSON] = {"json", NULL, "print Spotify's JSON (indented on a terminal)"},
    [CLI_G_TABLE] = {"table", NULL, "aligned columns even when stdout is not a terminal"},
    [CLI_G_CSV] = {"csv", NULL, "lists as CSV (RFC 4180; formula-like cells get a leading ')"},
    [CLI_G_JSONL] = {"jsonl", NULL, "lists as one JSON object a line, written as they arrive"},
    [CLI_G_FIELDS] = {"fields", "A,B.C", "list columns (dotted paths into the items' JSON)"},
    [CLI_G_NO_HEADER] = {"no-header", NULL, "TSV and CSV without the header row"},
    [CLI_G_QUIET] = {"quiet", NULL, "no progress and no rate-limit news on stderr"},
    [CLI_G_MAX_WAIT] = {"max-wait", "SECONDS", "longest total wait for rate limits (60)"},
    [CLI_G_VERBOSE] = {"verbose", NULL, "trace requests and responses on stderr (secrets hidden)"},
    [CLI_G_MARKET] = {"market", "CC",
                      "country code for market-dependent results (or SPOTC_MARKET)"},
    [CLI_G_RETRIES] = {"retries", "N", "retries of 5xx and network errors, 0 to 10 (default 3)"},
    [CLI_G_CACERT] = {"cacert", "FILE",
                      "trust the CA certificates in FILE (PEM) instead of the system's "
                      "(or SPOTC_CA_BUNDLE)"},
    [CLI_G_REDIS] = {"redis", "URL",
                     "share the app's token and rate budget with other workers through Redis "
                     "(or SPOTC_REDIS_URL)"},
    [CLI_G_RATE_BUDGET] = {"rate-budget", "N",
                           "with --redis: the app's requests per 30 s (or SPOTC_RATE_BUDGET; "
                           "default 100)"},
    [CLI_G_HELP] = {"help", NULL, "show help (-h)"},
    [CLI_G_VERSION] = {"version", NULL, "show the versions of spotc and libspotc"},
    {NULL, NULL, NULL},
};

static int run(cli_ctx *ctx, int argc, char **argv)
{
    cli_parsed p;
    int rc = cli_parse_argv(ctx, argc, argv, &p);
    if (rc == 0 && p.version) {
        printf("spotc %s (libspotc %s)\n", SPOTC_VERSION, spotc_version());
    } else if (rc == 0 && p.help) {
        if (p.cmd)
            cli_help_command(stdout, p.cmd);
        else
            cli_help_general(stdout);
    } else if (rc == 0 && !p.cmd) {
        cli_help_general(stderr);
        rc = CLI_EXIT_USAGE;
    } else if (rc == 0 && ctx->json + ctx->jsonl + ctx->csv + ctx->table > 1) {
        rc = cli_usage_error(ctx, "choose one of --json, --jsonl, --csv and --table");
    } else if (rc == 0 && (rc = cli_check_arity(ctx, &p.args)) == 0) {
        cli_output_setup(ctx);
        cli_progress_setup(ctx);
        rc = p.cmd->run(ctx, &p.args);
    }
    cli_parsed_free(&p);
    return rc;
}

int main(int argc, char **argv)
{
    cli_ctx ctx = {.retries = -1, .max_wait = -1};
    int rc = run(&ctx, argc, argv);
    cli_ctx_cleanup(&ctx);
    if (fflush(stdout) != 0 && rc == 0) {
        cli_errorf("cannot write the output");
        rc = CLI_EXIT_ERROR;
    }
    return rc;
}
