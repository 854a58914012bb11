/*
 * The accounts service's token endpoint: POST {accounts}/api/token.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "accounts.h"
#include "buf.h"
#include "client_priv.h"
#include "json_load.h"
#include "response.h"
#include "send.h"
#include "url.h"

char *spotc__accounts_basic(const char *id, const char *secret)
{
    size_t n = strlen(id) + 1 + strlen(secret);
    if (n > INT_MAX / 2)
        return NULL;
    unsigned char *plain = malloc(n + 1);
    size_t enc_len = 4 * ((n + 2) / 3);
    char *out = malloc(sizeof "Basic " + enc_len);
    if (!plain || !out) {
        free(plain);
        free(out);
        return NULL;
    }
    memcpy(plain, id, strlen(id));
    plain[strlen(id)] = ':';
    memcpy(plain + strlen(id) + 1, secret, strlen(secret));
    memcpy(out, "Basic ", 6);
    EVP_EncodeBlock((unsigned char *)out + 6, plain, (int)n);
    OPENSSL_cleanse(plain, n);
    free(plain);
    return out;
}

static void wipe_free(char *s)
{
    if (s) {
        OPENSSL_cleanse(s, strlen(s));
        free(s);
    }
}

static int post_form(spotc_client *c, const char *url, const char *form, const char *basic,
                     spotc_response **resp)
{
    spotc__send_req req = {
        .method = "POST",
        .url = url,
        .body = form,
        .body_len = strlen(form),
        .content_type = "application/x-www-form-urlencoded",
        .authorization = basic,
        .bearer = 0,
        .accounts = 1,
    };
    return spotc__send(c, &req, resp);
}

int spotc__accounts_token(spotc_client *c, const spotc_param *form, size_t n, int basic_auth,
                          json_t **out)
{
    *out = NULL;
    const char *id = c->client_id, *secret = c->client_secret;
    if (basic_auth && (!id || !*id || !secret || !*secret))
        return spotc__error_set(c, SPOTC_EAUTH,
                                "no credentials: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET");
    spotc__buf url = SPOTC__BUF_INIT;
    spotc__buf_printf(&url, "%s/api/token", c->accounts_base);
    char *body = spotc__form_encode(form, n);
    char *basic = basic_auth ? spotc__accounts_basic(id, secret) : NULL;
    int rc = SPOTC_ENOMEM;
    spotc_response *resp = NULL;
    if (url.oom || !body || (basic_auth && !basic))
        spotc__error_set(c, rc, "out of memory");
    else
        rc = post_form(c, spotc__buf_str(&url), body, basic, &resp);
    if (rc == 0) {
        json_t *j = NULL;
        rc = spotc__response_json_required(c, resp, &j);
        if (rc == 0 && spotc__json_verify(j, resp->body.p, resp->body.len, JSON_DECODE_ANY) != 0)
            rc = spotc__error_set(c, SPOTC_ENOMEM, "out of memory reading the tokens");
        if (rc == 0 && !json_is_string(json_object_get(j, "access_token")))
            rc = spotc__error_set(c, SPOTC_EJSON, "the token response has no access_token");
        if (rc == 0)
            *out = json_incref(j);
        else
            spotc__error_set_request(c, "POST", spotc__buf_str(&url));
    }
    spotc_response_free(resp);
    wipe_free(body);
    wipe_free(basic);
    spotc__buf_free(&url);
    return rc;
}

int spotc__accounts_parse_token(spotc_client *c, const json_t *resp, char **access_token,
                                int64_t *expires_at)
{
    *access_token = NULL;
    *expires_at = 0;
    json_t *tok = json_object_get(resp, "access_token");
    if (!json_is_string(tok) || json_string_length(tok) == 0)
        return spotc__error_set(c, SPOTC_EJSON, "the token response has no access_token");
    json_t *type = json_object_get(resp, "token_type");
    if (json_is_string(type) && strcasecmp(json_string_value(type), "Bearer") != 0)
        return spotc__error_set(c, SPOTC_EJSON, "the token response has an unknown token_type");
    json_t *exp = json_object_get(resp, "expires_in");
    if (json_is_integer(exp) && json_integer_value(exp) > 0 &&
        json_integer_value(exp) < 10L * 365 * 24 * 3600)
        *expires_at = (int64_t)time(NULL) + json_integer_value(exp);
    *access_token = strdup(json_string_value(tok));
    return *access_token ? 0 : spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
}
