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
};

/* Keep a copy of a secret the client sends (a refresh token, an authorization
 * code), so spotc__scrub() finds it in text; the oldest is wiped past the max. */
void spotc__client_remember_secret(spotc_client *client, const char *secret);
/* Wipe and free what spotc__client_remember_secret() kept. */
void spotc__client_forget_secrets(spotc_client *client);
/* Replace in text, in place, every secret the client knows (its access token,
 * client secret and the remembered ones) by "***". */
void spotc__scrub(const spotc_client *client, char *text);

/* 32 uniform random bits from the client's generator (jitter, not secrets). */
uint32_t spotc__client_random(spotc_client *client);

#endif
