/*
 * Client options from the environment.
 */
#include <stdlib.h>

#include "internal.h"

/* Set *field from the variable when the field is unset and the variable is
 * set and non-empty (an empty variable means "not set", as ctest uses it). */
static void from_env(const char **field, const char *name)
{
    const char *v = getenv(name);
    if (!*field && v && *v)
        *field = v;
}

int spotc_client_options_load_env(spotc_client_options *opts)
{
    if (!opts || opts->version != SPOTC_CLIENT_OPTIONS_VERSION)
        return SPOTC_EINVALID;
    from_env(&opts->client_id, "SPOTIFY_CLIENT_ID");
    from_env(&opts->client_secret, "SPOTIFY_CLIENT_SECRET");
    from_env(&opts->access_token, "SPOTIFY_ACCESS_TOKEN");
    from_env(&opts->api_base, "SPOTC_API_BASE");
    from_env(&opts->accounts_base, "SPOTC_ACCOUNTS_BASE");
    from_env(&opts->market, "SPOTC_MARKET");
    return 0;
}
