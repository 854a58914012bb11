/*
 * Access tokens inside a client (internal).
 *
 * NOTE FOR THE AUTH HELPER -- how to plug in a user token source
 * ---------------------------------------------------------------
 * Every client has exactly one token source, a spotc__token_source: a fetch
 * callback, a context it owns and a free for that context. The request code
 * never knows where tokens come from; it calls spotc__token_get() before each
 * request (which calls fetch() when there is no token yet or when the cached
 * one expires within SPOTC__TOKEN_MARGIN seconds) and spotc__token_renew()
 * after a 401 (fetch() with SPOTC__TOKEN_REJECTED, then the request is
 * replayed once).
 *
 * spotc_client_new() installs one of two built-in sources:
 *   - "access token": options.access_token / SPOTIFY_ACCESS_TOKEN, used as is,
 *     never renewed (renewable = 0: a 401 is SPOTC_EAUTH with a clear message);
 *   - "client credentials": POST {accounts}/api/token grant_type=client_credentials
 *     with the app's id and secret (SPOTC_EAUTH "no credentials ..." without them).
 *
 * A user source (authorization code / PKCE with a token store) is installed
 * with spotc__token_set_source(client, &src), which takes ownership of src.ctx
 * (src.free(ctx) is called on replacement, on failure and by spotc_client_free())
 * and drops the cached token. Its fetch() would typically:
 *   - SPOTC__TOKEN_FIRST: store->lock(); store->load(); if the stored access token
 *     is still good for more than SPOTC__TOKEN_MARGIN s, return it with its
 *     expires_at; else refresh (below); store->unlock();
 *   - SPOTC__TOKEN_EXPIRING / SPOTC__TOKEN_REJECTED: store->lock(); load again (another
 *     process may have refreshed already: if the stored access token differs from
 *     the one we had, and is not expired, use it); otherwise spend the refresh token
 *     with spotc__accounts_token(client, form, n, basic_auth, &json) (form:
 *     grant_type=refresh_token, refresh_token=..., plus client_id for PKCE),
 *     spotc__accounts_parse_token() for access token + expires_at, keep a rotated
 *     refresh_token from json if present, store->save(); store->unlock().
 *   - On failure set the client's error (spotc__error_set*, SPOTC_ELOGIN when the
 *     user must log in again) and return the negative code; the request fails
 *     with it. Return the token as a malloc'd string: the client takes it (and
 *     wipes it when done). expires_at is Unix seconds, 0 when unknown (never
 *     renewed by time, only after a 401).
 * fetch() may send requests to the accounts service (spotc__accounts_token())
 * but must not call spotc_request_send()/spotc_operation_call() (they need a token: recursion).
 */
#ifndef SPOTC_TOKEN_H
#define SPOTC_TOKEN_H

#include <stdint.h>

#include "internal.h"

/* Tokens are renewed this many seconds before they expire, so a token never
 * expires between our check and Spotify's. */
#define SPOTC__TOKEN_MARGIN 60

typedef enum spotc__token_why {
    SPOTC__TOKEN_FIRST = 0,    /* no token yet */
    SPOTC__TOKEN_EXPIRING = 1, /* the cached one expires within the margin */
    SPOTC__TOKEN_REJECTED = 2  /* Spotify answered 401 to the cached one */
} spotc__token_why;

typedef struct spotc__token_source {
    const char *name; /* for messages ("client credentials", "user login"); static */
    /* @param[out] token a new malloc'd token (the client's on success).
     * @param[out] expires_at Unix seconds, 0 when unknown.
     * @return 0, or a negative code with the client's error set. */
    int (*fetch)(spotc_client *client, void *ctx, spotc__token_why why, char **token,
                 int64_t *expires_at);
    void (*free)(void *ctx); /* may be NULL */
    void *ctx;
    int renewable; /* 0: a 401 is final (a fixed token) */
} spotc__token_source;

/* The token part of a client. */
typedef struct spotc__token_state {
    spotc__token_source src;
    char *access_token; /* cached, or NULL */
    int64_t expires_at;
} spotc__token_state;

/* Replace the client's source (taking src->ctx, even on failure) and forget the
 * cached token. @return 0 or SPOTC_EINVALID (no fetch). */
int spotc__token_set_source(spotc_client *client, const spotc__token_source *src);

/* A token good for at least SPOTC__TOKEN_MARGIN s (or of unknown expiry).
 * @param[out] out borrowed: valid until the next token call on the client.
 * @return 0 or the source's error. */
int spotc__token_get(spotc_client *client, const char **out);

/* After a 401: fetch a new token (SPOTC__TOKEN_REJECTED). @return 0 or an error. */
int spotc__token_renew(spotc_client *client);

/* @return 1 when the source can produce a new token after a 401. */
int spotc__token_renewable(const spotc_client *client);

/* The built-in sources. A fixed token is copied. @return 0 or SPOTC_ENOMEM. */
int spotc__token_source_fixed(spotc__token_source *out, const char *access_token);
void spotc__token_source_client_credentials(spotc__token_source *out);

/* Free the cached token (wiped) and the source's context. */
void spotc__token_state_free(spotc__token_state *state);

#endif
