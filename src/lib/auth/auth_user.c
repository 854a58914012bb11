/*
 * A user's tokens: the code exchange (with a secret or PKCE), refresh (keeping
 * a rotated refresh token), and the user token source that plugs them into a
 * client (see token.h): renewed before expiry and once on a 401, refreshed
 * under the store's lock after reloading it, since another process may have
 * refreshed first and a refresh token may be spent only once.
 */
#include "auth_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accounts.h"
#include "token.h"

#define LOGIN_AGAIN "log in again: spotc auth login"

static const char *str_member(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : NULL;
}

/* A token response as tokens; `old` (may be NULL) supplies what it leaves out. */
static int token_from_response(spotc_token *out, spotc_client *c, const json_t *resp,
                               const char *client_id, const spotc_token *old)
{
    char *access = NULL;
    int64_t expires_at = 0;
    int rc = spotc__accounts_parse_token(c, resp, &access, &expires_at);
    if (rc != 0)
        return rc;
    const char *refresh = str_member(resp, "refresh_token"), *scope = str_member(resp, "scope");
    if (old && !refresh) /* not rotated: the old refresh token stays good */
        refresh = old->refresh_token;
    if (old && !scope)
        scope = old->scope;
    int ok = 1;
    spotc_token t = {
        .access_token = access,
        .refresh_token = spotc__strdup_or_null(refresh, &ok),
        .expires_at = expires_at,
        .scope = spotc__strdup_or_null(scope, &ok),
        .client_id = spotc__strdup_or_null(client_id, &ok),
        .user = spotc__strdup_or_null(old ? old->user : NULL, &ok),
    };
    if (!ok) {
        spotc_token_clear(&t);
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    }
    *out = t;
    return 0;
}

static int has_secret(const spotc_client *c, const char *client_id)
{
    const char *id = spotc__client_id(c), *secret = spotc__client_secret(c);
    return id && secret && *secret && strcmp(id, client_id) == 0;
}

int spotc_auth_exchange_code(spotc_token *out, spotc_client *client, const char *code,
                             const char *redirect_uri, const char *code_verifier)
{
    char challenge[SPOTC_PKCE_CHALLENGE_LEN + 1];
    if (!out || !client)
        return SPOTC_EINVALID;
    memset(out, 0, sizeof *out);
    const char *id = spotc__client_id(client);
    if (!id || !*id)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "a client id is needed to log in (SPOTIFY_CLIENT_ID)");
    if (!code || !*code || !redirect_uri || !*redirect_uri)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "an authorization code and its redirect URI are needed");
    if (code_verifier && spotc_pkce_compute_challenge(challenge, code_verifier) != 0)
        return spotc__error_set(client, SPOTC_EINVALID, "the PKCE code verifier is malformed");
    const spotc_param form[] = {
        {"grant_type", "authorization_code"}, {"code", code},
        {"redirect_uri", redirect_uri},       {"client_id", code_verifier ? id : NULL},
        {"code_verifier", code_verifier},
    };
    json_t *resp = NULL;
    int rc =
        spotc__accounts_token(client, form, sizeof form / sizeof form[0], !code_verifier, &resp);
    if (rc == 0)
        rc = token_from_response(out, client, resp, id, NULL);
    json_decref(resp);
    return rc;
}

int spotc_auth_refresh(spotc_token *token, spotc_client *client)
{
    if (!token || !client)
        return SPOTC_EINVALID;
    if (!token->refresh_token || !*token->refresh_token)
        return spotc__error_set(client, SPOTC_ELOGIN, "there is no refresh token: " LOGIN_AGAIN);
    const char *id = token->client_id ? token->client_id : spotc__client_id(client);
    if (!id || !*id)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "the tokens name no client id to refresh them with");
    const int basic = has_secret(client, id);
    const spotc_param form[] = {
        {"grant_type", "refresh_token"},
        {"refresh_token", token->refresh_token},
        {"client_id", basic ? NULL : id}, /* PKCE: the id goes in the form */
    };
    json_t *resp = NULL;
    int rc = spotc__accounts_token(client, form, sizeof form / sizeof form[0], basic, &resp);
    const spotc_error *e = spotc_client_last_error(client);
    if (rc == SPOTC_EAUTH && e->oauth_error && strcmp(e->oauth_error, "invalid_grant") == 0)
        rc = spotc__error_set_http(client, SPOTC_ELOGIN, e->http_status, NULL, "invalid_grant", -1,
                                   "the login has expired or was revoked: " LOGIN_AGAIN);
    spotc_token fresh;
    if (rc == 0 && (rc = token_from_response(&fresh, client, resp, id, token)) == 0) {
        spotc_token_clear(token);
        *token = fresh;
    }
    json_decref(resp);
    return rc;
}

/* ---------------------------------------------------- user token source */

typedef struct user_source {
    spotc_token_store *store; /* borrowed; NULL: the tokens live in `mem` only */
    spotc_token mem;          /* the tokens as last loaded or refreshed */
    char *given;              /* the access token last handed to the client */
} user_source;

static void user_source_free(void *ctx)
{
    user_source *us = ctx;
    if (!us)
        return;
    spotc_token_clear(&us->mem);
    spotc__secret_free(us->given);
    free(us);
}

/* Replace mem with what the store holds now. */
static int reload(spotc_client *c, user_source *us)
{
    char eb[512] = "";
    spotc_token t;
    int rc = us->store->load(&t, us->store->payload, eb, sizeof eb);
    if (rc == SPOTC_ENOTFOUND)
        return spotc__error_set(c, SPOTC_ELOGIN, "not logged in: spotc auth login");
    if (rc != 0)
        return spotc__error_set(c, rc, "%s", *eb ? eb : "cannot read the stored tokens");
    spotc_token_clear(&us->mem);
    us->mem = t;
    return 0;
}

/* May mem's access token be used as is? After a 401 only if it is not the
 * token that was refused (another process refreshed meanwhile). */
static int usable(const user_source *us, spotc__token_why why)
{
    const spotc_token *t = &us->mem;
    if (!t->access_token)
        return 0;
    if (why == SPOTC__TOKEN_REJECTED && us->given && strcmp(us->given, t->access_token) == 0)
        return 0;
    return t->expires_at == 0 || (int64_t)time(NULL) + SPOTC__TOKEN_MARGIN < t->expires_at;
}

static int refresh_and_save(spotc_client *c, user_source *us)
{
    int rc = spotc_auth_refresh(&us->mem, c);
    if (rc != 0 || !us->store)
        return rc;
    char eb[512] = "";
    rc = us->store->save(&us->mem, us->store->payload, eb, sizeof eb);
    if (rc != 0) /* the old refresh token may be spent: the new one is lost */
        return spotc__error_set(
            c, rc, "the tokens were refreshed but could not be saved (%s): " LOGIN_AGAIN,
            *eb ? eb : spotc_strerror(rc));
    return 0;
}

static int user_fetch(spotc_client *c, void *ctx, spotc__token_why why, char **token,
                      int64_t *expires_at)
{
    user_source *us = ctx;
    char eb[512] = "";
    if (us->store) {
        int rc = us->store->lock(us->store->payload, eb, sizeof eb);
        if (rc != 0)
            return spotc__error_set(c, rc, "%s", *eb ? eb : "cannot lock the token store");
        rc = reload(c, us);
        if (rc == 0 && !usable(us, why))
            rc = refresh_and_save(c, us);
        us->store->unlock(us->store->payload);
        if (rc != 0)
            return rc;
    } else if (!usable(us, why)) {
        int rc = refresh_and_save(c, us);
        if (rc != 0)
            return rc;
    }
    char *copy = strdup(us->mem.access_token);
    char *given = strdup(us->mem.access_token);
    if (!copy || !given) {
        free(copy);
        free(given);
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    }
    spotc__secret_free(us->given);
    us->given = given;
    *token = copy;
    *expires_at = us->mem.expires_at;
    return 0;
}

int spotc__token_source_user(spotc__token_source *out, spotc_client *client,
                             spotc_token_store *store, const char *refresh_token)
{
    memset(out, 0, sizeof *out);
    if (store && (store->version != SPOTC_TOKEN_STORE_VERSION || !store->load || !store->save ||
                  !store->lock || !store->unlock))
        return spotc__error_set(client, SPOTC_EINVALID, "the token store is incomplete");
    user_source *us = calloc(1, sizeof *us);
    int ok = us != NULL;
    if (us && !store) {
        us->mem.refresh_token = spotc__strdup_or_null(refresh_token, &ok);
        us->mem.client_id = spotc__strdup_or_null(spotc__client_id(client), &ok);
    }
    if (!ok) {
        user_source_free(us);
        return SPOTC_ENOMEM;
    }
    us->store = store;
    *out = (spotc__token_source){.name = "user login",
                                 .fetch = user_fetch,
                                 .free = user_source_free,
                                 .ctx = us,
                                 .renewable = 1};
    return 0;
}

int spotc_auth_get_access_token(char **out, spotc_client *client)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    const char *tok = NULL;
    int rc = spotc__token_get(client, &tok);
    if (rc != 0)
        return rc;
    *out = strdup(tok);
    return *out ? 0 : spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
}
