/*
 * A server that echoes a secret in its words: the access token, the client
 * secret, an authorization code or a refresh token in an error message must
 * not reach the client's error text or its trace, whatever key (or none) it
 * comes under. A canned server plays Spotify, since the emulator never echoes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "canned.h"

#define ACCESS "BQD-access-token-echoed-4f2a9c"
#define SECRET "0123456789abcdef-client-secret"
#define CODE "AQB-authorization-code-77e1d0"
#define REFRESH "AQC-refresh-token-echoed-0b3c5"

/* Every answer repeats all four secrets in free text. */
static int echo(canned *c, const char *req, char *body, size_t size)
{
    (void)c;
    const char *words = "rejected " ACCESS " / " SECRET " / " CODE " / " REFRESH;
    if (strstr(req, "/api/token")) {
        snprintf(body, size, "{\"error\":\"invalid_grant\",\"error_description\":\"%s\"}", words);
        return 400;
    }
    snprintf(body, size, "{\"error\":{\"status\":403,\"message\":\"%s\"}}", words);
    return 403;
}

static char trace[16384];
static void keep_trace(const char *line, void *payload)
{
    (void)payload;
    strncat(trace, line, sizeof trace - strlen(trace) - 2);
    strcat(trace, "\n");
}

enum { S_ACCESS = 1, S_SECRET = 2, S_CODE = 4, S_REFRESH = 8 };

/* None of the secrets in `known` (the ones the client had) is in text. The
 * others are just a server's words to this client. */
static void assert_clean(const char *text, int known)
{
    static const char *const secrets[] = {ACCESS, SECRET, CODE, REFRESH};
    for (size_t i = 0; i < 4; i++)
        if ((known & (1 << i)) && strstr(text, secrets[i]))
            fail_msg("'%s' shown in: %s", secrets[i], text);
}

static spotc_client *client_for(canned *srv, const char *access_token)
{
    char api[96];
    snprintf(api, sizeof api, "%s/v1", srv->base);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.api_base = api;
    o.accounts_base = srv->base;
    o.access_token = access_token;
    o.client_id = "spotc-test";
    o.client_secret = SECRET;
    o.max_retries = SPOTC_NO_RETRY;
    o.trace = keep_trace;
    spotc_client *client = NULL;
    assert_int_equal(spotc_client_new(&client, &o), 0);
    trace[0] = '\0';
    return client;
}

static void test_access_token_echoed(void **state)
{
    (void)state;
    canned srv;
    canned_start(&srv, echo, NULL);
    spotc_client *client = client_for(&srv, ACCESS);
    spotc_track *t = NULL;
    assert_int_equal(spotc_track_get(&t, client, "4uLU6hMCjMI75M1A2tKUQC", NULL),
                     SPOTC_EFORBIDDEN);
    assert_non_null(strstr(spotc_client_last_error(client)->message, "rejected"));
    assert_clean(spotc_client_last_error(client)->message, S_ACCESS | S_SECRET);
    assert_non_null(strstr(trace, "rejected"));
    assert_clean(trace, S_ACCESS | S_SECRET);
    spotc_client_free(client);
    canned_stop(&srv);
}

static void test_secret_code_and_refresh_token_echoed(void **state)
{
    (void)state;
    canned srv;
    canned_start(&srv, echo, NULL);
    spotc_client *client = client_for(&srv, NULL);
    /* client credentials: the secret goes in the Basic header */
    spotc_track *t = NULL;
    assert_true(spotc_track_get(&t, client, "4uLU6hMCjMI75M1A2tKUQC", NULL) < 0);
    assert_clean(spotc_client_last_error(client)->message, S_SECRET);
    assert_clean(trace, S_SECRET);
    trace[0] = '\0'; /* each step's trace, checked for the secrets known by then */
    /* the code exchange */
    spotc_token tok;
    assert_true(spotc_auth_exchange_code(&tok, client, CODE, "http://127.0.0.1:9/callback",
                                         NULL) < 0);
    assert_non_null(strstr(spotc_client_last_error(client)->message, "rejected"));
    assert_clean(spotc_client_last_error(client)->message, S_SECRET | S_CODE);
    assert_clean(trace, S_SECRET | S_CODE);
    trace[0] = '\0';
    /* a refresh */
    spotc_token old = {.access_token = "x", .refresh_token = REFRESH};
    spotc_token copy;
    assert_int_equal(spotc_token_copy(&copy, &old), 0);
    assert_true(spotc_auth_refresh(&copy, client) < 0);
    assert_clean(spotc_client_last_error(client)->message, S_SECRET | S_CODE | S_REFRESH);
    spotc_token_clear(&copy);
    assert_non_null(strstr(trace, "rejected"));
    assert_clean(trace, S_SECRET | S_CODE | S_REFRESH);
    spotc_client_free(client);
    canned_stop(&srv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_access_token_echoed),
        cmocka_unit_test(test_secret_code_and_refresh_token_echoed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
