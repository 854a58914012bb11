/*
 * App tokens (client credentials) shared across processes through a token
 * store (spotc_client_set_app_token_store), so a one-shot `spotc track ID`
 * sends one request, not two, while a stored token is good.
 *
 * The store's lock is held around load-fetch-save, as for user tokens, so
 * processes starting together ask for one token between them. The store is a
 * cache only: when it cannot be locked, read or written, a token is fetched as
 * without it, never an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth_internal.h"
#include "client_priv.h"
#include "sha256.h"
#include "token.h"

/* Whose token it is, kept in the token's `user` field: "app " and 64 bits of
 * SHA-256(id, secret, accounts base), so a token is used only by the app and
 * secret that got it, from the same service (a rotated or wrong secret gets
 * its own answer from the service, not a stored token), and the secret itself
 * is never written: the file holds a one-way digest of it, not a checksum
 * that could be worked back. */
static void owner_of(const spotc_client *c, char out[21])
{
    const char *ids[] = {spotc__client_id(c), spotc__client_secret(c),
                         spotc__client_accounts_base(c)};
    spotc__sha256_part parts[3];
    for (size_t i = 0; i < 3; i++) /* each with its NUL: no two splits alike */
        parts[i] = ids[i] ? (spotc__sha256_part){ids[i], strlen(ids[i]) + 1}
                          : (spotc__sha256_part){"", 1};
    unsigned char d[SPOTC__SHA256_LEN];
    spotc__sha256(d, parts, 3); /* on failure all zero: an owner no stored token has */
    memcpy(out, "app ", 4);
    for (size_t i = 0; i < 8; i++)
        snprintf(out + 4 + 2 * i, 3, "%02x", d[i]);
}

/* A stored app token usable now: this app's, good past the margin, and not
 * the one Spotify just refused. */
static int usable(const spotc_client *c, const spotc_token *t, spotc__token_why why)
{
    const char *id = spotc__client_id(c);
    const char *had = c->token.access_token;
    char owner[21];
    owner_of(c, owner);
    if (!t->access_token || !t->client_id || !id || strcmp(t->client_id, id) != 0 || !t->user ||
        strcmp(t->user, owner) != 0)
        return 0;
    if (t->expires_at <= (int64_t)time(NULL) + SPOTC__TOKEN_MARGIN)
        return 0;
    return !(why == SPOTC__TOKEN_REJECTED && had && strcmp(had, t->access_token) == 0);
}

/* Fetch a new app token and store it for the next process. */
static int fetch_and_keep(spotc_client *c, spotc_token_store *st, char **token,
                          int64_t *expires_at)
{
    int rc = spotc__client_credentials_fetch(c, token, expires_at);
    if (rc != 0 || *expires_at == 0) /* unknown expiry: never known good, not kept */
        return rc;
    char owner[21];
    owner_of(c, owner);
    spotc_token keep = {.access_token = *token,
                        .expires_at = *expires_at,
                        .client_id = (char *)spotc__client_id(c),
                        .user = owner};
    char eb[256] = "";
    if (st->save(&keep, st->payload, eb, sizeof eb) != 0)
        spotc__trace(c, "* the app token is not cached: %s", eb);
    return 0;
}

static int cached_fetch(spotc_client *c, void *ctx, spotc__token_why why, char **token,
                        int64_t *expires_at)
{
    spotc_token_store *st = ctx;
    char eb[256] = "";
    if (st->lock(st->payload, eb, sizeof eb) != 0) {
        spotc__trace(c, "* the app token cache is not used: %s", eb);
        return spotc__client_credentials_fetch(c, token, expires_at);
    }
    spotc_token t;
    int rc;
    if (st->load(&t, st->payload, NULL, 0) == 0 && usable(c, &t, why)) {
        *token = t.access_token; /* taken from t */
        *expires_at = t.expires_at;
        t.access_token = NULL;
        rc = 0;
    } else {
        rc = fetch_and_keep(c, st, token, expires_at);
    }
    spotc_token_clear(&t);
    st->unlock(st->payload);
    return rc;
}

int spotc_client_set_app_token_store(spotc_client *client, spotc_token_store *store)
{
    if (!client || !store || store->version != SPOTC_TOKEN_STORE_VERSION || !store->load ||
        !store->save || !store->lock || !store->unlock)
        return SPOTC_EINVALID;
    if (!spotc__token_source_is_client_credentials(client))
        return spotc__error_set(client, SPOTC_EINVALID,
                                "the client does not use client credentials (it has an access "
                                "token or a user login): no app token to cache");
    spotc__token_source src = {.name = "client credentials",
                               .fetch = cached_fetch,
                               .ctx = store,
                               .renewable = 1};
    return spotc__token_set_source(client, &src);
}
