/*
 * A client with redis_url: one connection for the shared rate budget (a send
 * hook) and, when the client uses the app's credentials, the shared app token.
 */
#include <stdio.h>
#include <stdlib.h>

#include "redis_priv.h"

/* Warnings go to the trace when there is one, else to stderr: a service
 * that lost its coordination must hear of it. */
static void warn_client(const char *line, void *payload)
{
    const spotc_client *c = payload;
    if (c->trace)
        spotc__trace(c, "* warning: %s", line);
    else
        fprintf(stderr, "spotc: warning: %s\n", line);
}

static int uses_app_credentials(const spotc_client_options *o)
{
    return !o->access_token && !o->token_store && !o->refresh_token;
}

static int share_app_token(spotc_client *c, spotc__redis *conn)
{
    char *key = spotc__redis_key(c->client_id, "app", c->accounts_base);
    spotc_token_store *store = NULL;
    int rc = key ? spotc__redis_store_new(&store, conn, key, 0) : SPOTC_ENOMEM;
    free(key);
    spotc__token_source src;
    if (rc == 0)
        rc = spotc__app_token_source(&src, store);
    return rc == 0 ? spotc__token_set_source(c, &src) : rc;
}

int spotc__redis_attach(spotc_client *c, const spotc_client_options *o)
{
    if (!o->redis_url)
        return 0;
    char eb[512] = "";
    spotc__redis *conn = NULL;
    int rc = spotc__redis_new(&conn, o->redis_url, eb, sizeof eb);
    if (rc != 0)
        return spotc__error_set(c, rc, "%s", eb);
    spotc__redis_set_warn(conn, warn_client, c);
    int limit = o->rate_budget > 0 ? o->rate_budget : SPOTC_DEFAULT_RATE_BUDGET;
    uint64_t nonce = ((uint64_t)spotc__client_random(c) << 32) | spotc__client_random(c);
    rc = spotc__budget_hook(&c->hook, conn, c->client_id, limit, nonce);
    if (rc == 0 && uses_app_credentials(o))
        rc = share_app_token(c, conn);
    spotc__redis_unref(conn); /* the hook and the store hold their references */
    return rc;
}
