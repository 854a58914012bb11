/*
 * The one client of a run: options from the environment, then the global
 * options on top. Credentials come from the environment, the configuration file or a
 * stored user login (config.c), never argv.
 */
#include <stdio.h>

#include "cli.h"

/* The library redacts secrets before a line reaches us. */
static void trace_to_stderr(const char *line, void *payload)
{
    (void)payload;
    fprintf(stderr, "%s\n", line);
}

static int has_credentials(const spotc_client_options *o)
{
    return o->access_token || (o->client_id && o->client_secret) || o->token_store;
}

int cli_client(cli_ctx *ctx, spotc_client **out)
{
    if (ctx->client) {
        *out = ctx->client;
        return 0;
    }
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client_options_load_env(&o);
    if (ctx->market)
        o.market = ctx->market;
    ctx->market = o.market;
    if (ctx->retries >= 0)
        o.max_retries = ctx->retries; /* 0: none */
    if (ctx->verbose)
        o.trace = trace_to_stderr;
    int rc = cli_auth_prepare(ctx, &o);
    if (rc)
        return rc;
    if (!ctx->login && !has_credentials(&o)) {
        cli_errorf("no credentials: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET"
                   " (or SPOTIFY_ACCESS_TOKEN), or log in: spotc auth login");
        return CLI_EXIT_AUTH;
    }
    rc = spotc_client_new(&ctx->client, &o);
    if (rc) {
        cli_errorf("cannot set up the client: %s", spotc_error_last()->message);
        return cli_exit_code(rc);
    }
    *out = ctx->client;
    return 0;
}

void cli_ctx_cleanup(cli_ctx *ctx)
{
    spotc_client_free(ctx->client);
    ctx->client = NULL;
    cli_auth_free(ctx); /* after the client, which borrows the token store */
}
