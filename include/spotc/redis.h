/**
 * @file spotc/redis.h
 * @brief Many workers, one app: tokens and the rate budget shared through Redis.
 *
 * Spotify's rate limit belongs to the app (a rolling 30-second window), whichever
 * process sends the request. With `redis_url` in spotc_client_options (or
 * SPOTC_REDIS_URL), every client of an app takes a slot from one budget held in
 * Redis before each request, a 429's Retry-After pauses all of them, and the app
 * token (client credentials) is fetched once and shared. A user's tokens are
 * shared with the store below. See libspotc(3), REDIS.
 *
 * An optional build feature (hiredis, on when pkg-config finds it; CMake option
 * SPOTC_REDIS). Without it these functions exist and fail with SPOTC_EINVALID
 * ("built without Redis support"), and a client given a redis_url refuses it.
 * The hiredis of Debian 12 (0.14) has no TLS: `rediss://` is refused.
 */
#ifndef SPOTC_REDIS_H
#define SPOTC_REDIS_H

#include "auth.h"

SPOTC_BEGIN_DECL

/** Requests per 30 s window when the budget size is not given (rate_budget 0). Spotify
 *  does not publish an app's limit: set your own from what your app is granted. */
#define SPOTC_DEFAULT_RATE_BUDGET 100

/**
 * Check a Redis URL without connecting: `redis://[[user]:password@]host[:port][/db]`
 * (port 6379 and db 0 by default; a password may be %-encoded; an IPv6 host in
 * brackets) or `unix:///path/to/socket[?db=N][&password=P]`.
 * @return 0, or SPOTC_EINVALID with the reason in errbuf (never the password).
 */
SPOTC_EXTERN int spotc_redis_url_check(const char *url, char *errbuf, size_t errbuf_len);

typedef struct spotc_token_store_redis_options {
    unsigned int version;      /**< SPOTC_TOKEN_STORE_REDIS_OPTIONS_VERSION */
    const char *url;           /**< required (spotc_redis_url_check()) */
    const char *client_id;     /**< required: the app the tokens belong to */
    const char *user;          /**< the user's id: that user's tokens; NULL: the app token */
    const char *accounts_base; /**< app tokens are also keyed by it; default
                                    SPOTC_DEFAULT_ACCOUNTS_BASE */
    int lock_ttl_ms;           /**< the refresh lock's expiry; default 30000 */
} spotc_token_store_redis_options;

#define SPOTC_TOKEN_STORE_REDIS_OPTIONS_VERSION 1
/* clang-format off */
#define SPOTC_TOKEN_STORE_REDIS_OPTIONS_INIT {.version = SPOTC_TOKEN_STORE_REDIS_OPTIONS_VERSION}
/* clang-format on */

/**
 * A token store in Redis: a hash `spotc:{CLIENT_ID}:user:USER` (or
 * `spotc:{CLIENT_ID}:app:ACCOUNTS_BASE`). lock() is a Redis lock with an expiry
 * (SET NX PX, released only by its holder through a Lua check), so of many
 * workers exactly one refreshes and the others load its token. When Redis is
 * down or slow (timeouts of 1 s), the store works from the copy it last read or
 * wrote, keeps a token saved meanwhile and writes it back on reconnection
 * (never losing a rotated refresh token), warns once, and retries the
 * connection with backoff. Strings are copied; nothing connects before the first call.
 * @param[out] out the store, the caller's: spotc_token_store_redis_free().
 * @return 0, SPOTC_EINVALID (with errbuf: bad URL, no client id, built without
 *         Redis), SPOTC_ENOMEM.
 */
SPOTC_EXTERN int spotc_token_store_redis_new(spotc_token_store **out,
                                             const spotc_token_store_redis_options *opts,
                                             char *errbuf, size_t errbuf_len);

/** Free a store made by spotc_token_store_redis_new() (releasing a lock it holds). NULL is a no-op.
 */
SPOTC_EXTERN void spotc_token_store_redis_free(spotc_token_store *store);

SPOTC_END_DECL

#endif
