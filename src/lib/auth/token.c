/*
 * The client's access token: cache, renewal, and the two built-in sources.
 * See token.h (with the note on plugging in a user token source).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "accounts.h"
#include "client_priv.h"
#include "url.h"

static void wipe(char **s)
{
    if (*s) {
        OPENSSL_cleanse(*s, strlen(*s));
        free(*s);
        *s = NULL;
    }
}

void spotc__token_state_free(spotc__token_state *st)
{
    wipe(&st->access_token);
    st->expires_at = 0;
    if (st->src.free)
        st->src.free(st->src.ctx);
    memset(&st->src, 0, sizeof st->src);
}

int spotc__token_set_source(spotc_client *c, const spotc__token_source *src)
{
    if (!src->fetch) {
        if (src->free)
            src->free(src->ctx);
        return SPOTC_EINVALID;
    }
    spotc__token_state_free(&c->token);
    c->token.src = *src;
    return 0;
}

static int fetch(spotc_client *c, spotc__token_why why)
{
    char *tok = NULL;
    int64_t exp = 0;
    spotc__token_source *s = &c->token.src;
    int rc = s->fetch(c, s->ctx, why, &tok, &exp);
    if (rc != 0) {
        wipe(&tok);
        return rc;
    }
    /* The token goes into a header line: nothing that could end or split it. */
    if (!tok || !*tok || !spotc__url_chars_ok(tok)) {
        wipe(&tok);
        return spotc__error_set(c, SPOTC_EAUTH, "the %s token source gave no usable token",
                                s->name);
    }
    wipe(&c->token.access_token);
    c->token.access_token = tok;
    c->token.expires_at = exp;
    return 0;
}

int spotc__token_get(spotc_client *c, const char **out)
{
    *out = NULL;
    spotc__token_state *st = &c->token;
    if (!st->src.fetch)
        return spotc__error_set(c, SPOTC_EAUTH, "no token source");
    spotc__token_why why = SPOTC__TOKEN_FIRST;
    if (st->access_token) {
        if (st->expires_at == 0 || (int64_t)time(NULL) + SPOTC__TOKEN_MARGIN < st->expires_at) {
            *out = st->access_token;
            return 0;
        }
        why = SPOTC__TOKEN_EXPIRING;
    }
    int rc = fetch(c, why);
    if (rc == 0)
        *out = st->access_token;
    return rc;
}

int spotc__token_renew(spotc_client *c)
{
    if (!spotc__token_renewable(c))
        return spotc__error_set(c, SPOTC_EAUTH, "the access token cannot be renewed");
    return fetch(c, SPOTC__TOKEN_REJECTED);
}

int spotc__token_renewable(const spotc_client *c)
{
    return c->token.src.fetch && c->token.src.renewable;
}

/* ------------------------------------------------------------ fixed token */

static int fixed_fetch(spotc_client *c, void *ctx, spotc__token_why why, char **token,
                       int64_t *expires_at)
{
    if (why == SPOTC__TOKEN_REJECTED)
        return spotc__error_set(c, SPOTC_EAUTH,
                                "the given access token (SPOTIFY_ACCESS_TOKEN) was refused and "
                                "cannot be renewed: get a new one, or set SPOTIFY_CLIENT_ID and "
                                "SPOTIFY_CLIENT_SECRET instead");
    *token = strdup(ctx);
    *expires_at = 0;
    return *token ? 0 : spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
}

static void fixed_free(void *ctx)
{
    char *s = ctx;
    wipe(&s);
}

int spotc__token_source_fixed(spotc__token_source *out, const char *access_token)
{
    memset(out, 0, sizeof *out);
    char *copy = strdup(access_token);
    if (!copy)
        return SPOTC_ENOMEM;
    out->name = "access token";
    out->fetch = fixed_fetch;
    out->free = fixed_free;
    out->ctx = copy;
    out->renewable = 0;
    return 0;
}

/* ------------------------------------------------------------ client credentials */

int spotc__client_credentials_fetch(spotc_client *c, char **token, int64_t *expires_at)
{
    const char *id = spotc__client_id(c), *secret = spotc__client_secret(c);
    if (!id || !*id || !secret || !*secret)
        return spotc__error_set(c, SPOTC_EAUTH,
                                "no credentials: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET "
                                "(an app's id and secret), or SPOTIFY_ACCESS_TOKEN");
    const spotc_param form[] = {{"grant_type", "client_credentials"}};
    json_t *resp = NULL;
    int rc = spotc__accounts_token(c, form, 1, 1, &resp);
    if (rc == 0)
        rc = spotc__accounts_parse_token(c, resp, token, expires_at);
    json_decref(resp);
    return rc;
}

static int cc_fetch(spotc_client *c, void *ctx, spotc__token_why why, char **token,
                    int64_t *expires_at)
{
    (void)ctx;
    (void)why;
    return spotc__client_credentials_fetch(c, token, expires_at);
}

int spotc__token_source_is_client_credentials(const spotc_client *c)
{
    return c->token.src.fetch == cc_fetch;
}

void spotc__token_source_client_credentials(spotc__token_source *out)
{
    memset(out, 0, sizeof *out);
    out->name = "client credentials";
    out->fetch = cc_fetch;
    out->renewable = 1;
}
