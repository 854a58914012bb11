/* spotc me: the logged-in user's profile (GET /me). */
#include <stdio.h>

#include "config.h"
#include "fetch.h"
#include "output.h"

static const cli_column columns[] = {
    {"ID", 0},      {"NAME", CLI_COL_FLEX}, {"EMAIL", CLI_COL_FLEX},
    {"COUNTRY", 0}, {"PRODUCT", 0},         {"FOLLOWERS", CLI_COL_RIGHT},
};

static int print_table(const cli_ctx *ctx, const json_t *me)
{
    char followers[32] = "";
    json_t *total = json_object_get(json_object_get(me, "followers"), "total");
    if (json_is_integer(total))
        snprintf(followers, sizeof(followers), "%lld", (long long)json_integer_value(total));
    const char *row[] = {
        json_string_value(json_object_get(me, "id")),
        json_string_value(json_object_get(me, "display_name")),
        json_string_value(json_object_get(me, "email")),
        json_string_value(json_object_get(me, "country")),
        json_string_value(json_object_get(me, "product")),
        followers,
    };
    cli_table *t = cli_table_new(columns, sizeof(columns) / sizeof(*columns));
    int rc = t && cli_table_add(t, row) == 0 && cli_table_print(t, ctx, NULL) == 0 ? 0 : -1;
    cli_table_free(t);
    if (rc) {
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    return 0;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    (void)args;
    spotc_client *client;
    json_t *me = NULL;
    const spotc_param none[1] = {{NULL, NULL}}; /* cli_call_json copies from it */
    int rc = cli_user_client(ctx, &client);
    if (rc || (rc = cli_call_json(ctx, "get-current-users-profile", none, 0, &me)) != 0)
        return rc;
    if (!json_is_object(me)) {
        cli_errorf("GET /me: the answer is not a user object");
        rc = CLI_EXIT_BAD_RESPONSE;
    } else {
        rc = ctx->format == CLI_FORMAT_JSON ? cli_print_json(ctx, me) : print_table(ctx, me);
    }
    json_decref(me);
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
