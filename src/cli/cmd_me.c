/* spotc me: the logged-in user's profile (GET /me, spotc_user_get_current()). */
#include <stdio.h>

#include "config.h"
#include "fetch.h"
#include "output.h"
#include "render.h"
#include "stream.h"

/* The profile as a list of one row. */
static int print_rows(cli_ctx *ctx, json_t *me)
{
    json_t *one = json_array();
    int rc = one && json_array_append(one, me) == 0 ? 0 : CLI_EXIT_ERROR;
    if (rc == 0)
        rc = cli_list_array(ctx, one, cli_user_columns.columns, cli_user_columns.count);
    json_decref(one);
    return rc;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    (void)args;
    spotc_client *client;
    spotc_user *me = NULL;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    if ((rc = spotc_user_get_current(&me, client)) < 0)
        return cli_fail(ctx, rc);
    rc = ctx->format == CLI_FORMAT_JSON ? cli_print_json(ctx, me->json) : print_rows(ctx, me->json);
    spotc_user_free(me);
    return rc;
}

const cli_command cli_cmd_me = {
    .name = "me",
    .summary = "show the logged-in user's profile",
    .usage = "me",
    .description = "Shows the profile of the user logged in with 'spotc auth login' (or the owner\n"
                   "of SPOTIFY_ACCESS_TOKEN): ID, name, email, country, product, followers.\n"
                   "With --json: Spotify's user object.",
    .options = NULL,
    .min_args = 0,
    .max_args = 0,
    .run = run,
    .examples = "spotc me\n"
                "spotc --json me | jq .country",
};
