/* The development-mode refusal of extended-quota operations (extended.h). */
#include <stdio.h>

#include "extended.h"

int cli_extended_only(const cli_ctx *ctx, const char *operation_id)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    /* An unknown SPOTC_APP_MODE is the client's error to report, when it is made. */
    (void)spotc_client_options_load_env(&o);
    const spotc_operation *op = spotc_operation_find(operation_id);
    if (o.mode != SPOTC_APP_MODE_DEVELOPMENT || !op || !op->deprecated)
        return 0;
    cli_errorf("'%s' is only available to extended-quota apps: Spotify refuses %s %s to"
               " development-mode apps since February 2026, and this one is declared in"
               " development mode (SPOTC_APP_MODE=development)",
               ctx->cmd ? ctx->cmd->name : operation_id, op->method, op->path);
    return CLI_EXIT_FORBIDDEN;
}

int cli_extended_client(cli_ctx *ctx, const char *operation_id, spotc_client **out)
{
    int rc = cli_extended_only(ctx, operation_id);
    return rc ? rc : cli_client(ctx, out);
}
