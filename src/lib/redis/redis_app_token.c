/*
 * The app token (client credentials) shared by every worker of an app: under
 * the store's lock, a stored token that is still good (and, after a 401, not
 * the one refused) is used; else one worker fetches a new one and saves it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth_internal.h"
#include "redis_priv.h"
#include "token.h"

typedef struct app_source {
    spotc__token_source inner; /* the built-in client credentials source */
    spotc_token_store *store;  /* ours */
    char *given;               /* the token last handed to the client */
} app_source;

static void app_free(void *ctx)
{
    app_source *a = ctx;
    if (!a)
        return;
    if (a->inner.free)
        a->inner.free(a->inner.ctx);
    spotc_token_store_redis_free(a->store);
    spotc__secret_free(a->given);
    free(a);
}

static int usable(const app_source *a, const spotc_token *t, spotc__token_why why)
{
    if (!t->access_token)
        return 0;
    if (why == SPOTC__TOKEN_REJECTED && a->given && strcmp(a->given, t->access_token) == 0)
        return 0;
    return t->expires_at == 0 || (int64_t)time(NULL) + SPOTC__TOKEN_MARGIN < t->expires_at;
}

/* Fetch a new token and share it (a failed save only costs the others a fetch). */
static int fetch_and_save(spotc_client *c, app_source *a, spotc__token_why why, spotc_token *t)
{
    char *tok = NULL;
    int64_t exp = 0;
    int rc = a->inner.fetch(c, a->inner.ctx, why, &tok, &exp);
    if (rc != 0)
        return rc;
    int ok = 1;
    spotc_token fresh = {.access_token = tok,
                         .expires_at = exp,
                         .client_id = spotc__strdup_or_null(spotc__client_id(c), &ok)};
    if (!ok) {
        spotc_token_clear(&fresh);
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    }
    (void)a->store->save(&fresh, a->store->payload, NULL, 0);
    spotc_token_clear(t);
    *t = fresh;
    return 0;
}

static int app_fetch(spotc_client *c, void *ctx, spotc__token_why why, char **token,
                     int64_t *expires_at)
{
    app_source *a = ctx;
    spotc_token_store *st = a->store;
    char eb[256] = "";
    int rc = st->lock(st->payload, eb, sizeof eb);
    if (rc != 0)
        return spotc__error_set(c, rc, "%s", eb);
    spotc_token t = {0};
    if (st->load(&t, st->payload, NULL, 0) != 0 || !usable(a, &t, why))
        rc = fetch_and_save(c, a, why, &t);
    st->unlock(st->payload);
    char *given = rc == 0 ? strdup(t.access_token) : NULL;
    if (rc == 0 && !given)
        rc = spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    if (rc == 0) {
        spotc__secret_free(a->given);
        a->given = given;
        *token = t.access_token; /* the client takes it */
        *expires_at = t.expires_at;
        t.access_token = NULL;
    }
    spotc_token_clear(&t);
    return rc;
}

int spotc__app_token_source(spotc__token_source *out, spotc_token_store *store)
{
    app_source *a = calloc(1, sizeof *a);
    if (!a) {
        spotc_token_store_redis_free(store);
        return SPOTC_ENOMEM;
    }
    a->store = store;
    spotc__token_source_client_credentials(&a->inner);
    *out = (spotc__token_source){.name = "client credentials",
                                 .fetch = app_fetch,
                                 .free = app_free,
                                 .ctx = a,
                                 .renewable = 1};
    return 0;
}
