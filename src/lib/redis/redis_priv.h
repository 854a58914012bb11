/*
 * Between the files of the Redis layer (internal): the budget hook and the
 * shared app token source that redis_client.c installs on a client.
 */
#ifndef SPOTC_REDIS_PRIV_H
#define SPOTC_REDIS_PRIV_H

#include "client_priv.h"
#include "redis_layer.h"

/* The shared rate budget as a send hook (taking a reference on conn).
 * @param limit requests per window; @param nonce makes this client's slots unique.
 * @return 0, SPOTC_ENOMEM. */
int spotc__budget_hook(spotc__send_hook *out, spotc__redis *conn, const char *client_id, int limit,
                       uint64_t nonce);

/* A client credentials source whose token is shared through `store` (taken:
 * freed with the source): loaded when another worker already fetched one,
 * else fetched under the store's lock and saved. @return 0, SPOTC_ENOMEM. */
int spotc__app_token_source(spotc__token_source *out, spotc_token_store *store);

#endif
