/*
 * Client options from the environment.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Set *field from the variable when the field is unset and the variable is
 * set and non-empty (an empty variable means "not set", as ctest uses it). */
static void from_env(const char **field, const char *name)
{
    const char *v = getenv(name);
    if (!*field && v && *v)
        *field = v;
}

/* SPOTC_APP_MODE into opts->mode when it is AUTO (unset). @return 0 or SPOTC_EINVALID. */
static int mode_from_env(spotc_client_options *opts)
{
    const char *v = getenv("SPOTC_APP_MODE");
    if (opts->mode != SPOTC_APP_MODE_AUTO || !v || !*v || strcmp(v, "auto") == 0)
        return 0;
    if (strcmp(v, "extended") == 0)
        opts->mode = SPOTC_APP_MODE_EXTENDED;
    else if (strcmp(v, "development") == 0)
        opts->mode = SPOTC_APP_MODE_DEVELOPMENT;
    else
        return SPOTC_EINVALID;
    return 0;
}

int spotc_client_options_load_env(spotc_client_options *opts)
{
    if (!opts || opts->version < 1 || opts->version > SPOTC_CLIENT_OPTIONS_VERSION)
        return SPOTC_EINVALID;
    from_env(&opts->client_id, "SPOTIFY_CLIENT_ID");
    from_env(&opts->client_secret, "SPOTIFY_CLIENT_SECRET");
    from_env(&opts->access_token, "SPOTIFY_ACCESS_TOKEN");
    from_env(&opts->api_base, "SPOTC_API_BASE");
    from_env(&opts->accounts_base, "SPOTC_ACCOUNTS_BASE");
    from_env(&opts->market, "SPOTC_MARKET");
    if (opts->version < 2) /* version 1 options end before the rest */
        return 0;
    from_env(&opts->ca_bundle, "SPOTC_CA_BUNDLE");
    from_env(&opts->redis_url, "SPOTC_REDIS_URL");
    const char *budget = getenv("SPOTC_RATE_BUDGET");
    char *end = NULL;
    long n = budget && *budget ? strtol(budget, &end, 10) : 0;
    if (opts->rate_budget == 0 && end && !*end && n > 0 && n <= 1000000)
        opts->rate_budget = (int)n;
    return mode_from_env(opts);
}
