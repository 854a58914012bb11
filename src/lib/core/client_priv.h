/*
 * The client's insides (internal to the core modules: client, error, request,
 * token, accounts). Other modules use the accessors of internal.h.
 */
#ifndef SPOTC_CLIENT_PRIV_H
#define SPOTC_CLIENT_PRIV_H

#include <stdint.h>

#include "app_mode.h"
#include "internal.h"
#include "pace.h"
#include "retry.h"
#include "token.h"
#include "transport.h"

/* The last error with the strings it points to (all owned). */
typedef struct spotc__error_store {
    spotc_error pub;
    char *message, *reason, *oauth_error, *method, *path;
} spotc__error_store;

void spotc__error_store_init(spotc__error_store *e);
void spotc__error_store_free(spotc__error_store *e);
/* Move src's error into dst (whose old one is freed); src is left empty. */
void spotc__error_store_move(spotc__error_store *dst, spotc__error_store *src);

#define SPOTC__REMEMBERED_MAX 4
/* Called around each Web API attempt when set (the shared rate budget of
 * redis/): before() may wait for a slot, or fail the attempt with an error set
 * on the client; limited() hears each 429 (retry_after in s, -1 when absent).
 * The client owns ctx (free(ctx) at spotc_client_free()). */
typedef struct spotc__send_hook {
    int (*before)(spotc_client *client, void *ctx);
    void (*limited)(spotc_client *client, void *ctx, int retry_after);
    void (*free)(void *ctx);
    void *ctx;
} spotc__send_hook;

struct spotc_client {
    char *client_id, *client_secret; /* secret wiped on free */
    char *api_base, *accounts_base;  /* no trailing '/' */
    char *market;
    spotc__retry_policy retry;
    spotc_trace_cb trace;
    void *trace_payload;
    spotc_wait_cb on_wait;
    void *on_wait_payload;
    spotc__transport *transport;
    spotc__token_state token;
    spotc__error_store err;
    uint64_t rng; /* xorshift state for the retry jitter */
    spotc__app_mode app_mode; /* the app's mode and the replacements it learnt */
    spotc__pace pace;         /* requests at once, and the Retry-After pause */
    /* Refresh tokens and codes sent lately, scrubbed from printed text (scrub.c). */
    char *remembered[SPOTC__REMEMBERED_MAX];
    size_t next_remembered;
    spotc__send_hook hook; /* the shared rate budget (redis/), or none */
};

/* Keep a copy of a secret the client sends (a refresh token, an authorization
 * code), so spotc__scrub() finds it in text; the oldest is wiped past the max. */
void spotc__client_remember_secret(spotc_client *client, const char *secret);
/* Wipe and free what spotc__client_remember_secret() kept. */
void spotc__client_forget_secrets(spotc_client *client);
/* Replace in text, in place, every secret the client knows (its access token,
 * client secret and the remembered ones) by "***". */
void spotc__scrub(const spotc_client *client, char *text);

/* With options.redis_url: share the rate budget and the app token through
 * Redis (redis/redis_client.c; core/redis_off.c refuses it in a build without
 * hiredis). @return 0 or an error. */
int spotc__redis_attach(spotc_client *client, const spotc_client_options *opts);

/* 32 uniform random bits from the client's generator (jitter, not secrets). */
uint32_t spotc__client_random(spotc_client *client);

#endif
