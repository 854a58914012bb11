/* The error model: both of Spotify's error formats, the status mapping,
 * spotc_strerror(), the client's last error, options and the environment. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"

static void parse(spotc__error_body *e, const char *body)
{
    assert_int_equal(spotc__error_body_parse(e, body, strlen(body)), 0);
}

static void test_web_api_format(void **state)
{
    spotc__error_body e;
    parse(&e, "{\"error\":{\"status\":404,\"message\":\"Player command failed: No active device "
              "found\",\"reason\":\"NO_ACTIVE_DEVICE\"}}");
    assert_int_equal(e.status, 404);
    assert_string_equal(e.message, "Player command failed: No active device found");
    assert_string_equal(e.reason, "NO_ACTIVE_DEVICE");
    assert_null(e.oauth_error);
    spotc__error_body_clear(&e);
    parse(&e, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"},\"x\":[1]}");
    assert_int_equal(e.status, 401);
    assert_string_equal(e.message, "The access token expired");
    assert_null(e.reason);
    spotc__error_body_clear(&e);
    /* The bare error object some endpoints send. */
    parse(&e, "{\"status\":400,\"message\":\"Bad uri\"}");
    assert_int_equal(e.status, 400);
    assert_string_equal(e.message, "Bad uri");
    spotc__error_body_clear(&e);
}

static void test_accounts_format(void **state)
{
    spotc__error_body e;
    parse(&e, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}");
    assert_string_equal(e.oauth_error, "invalid_client");
    assert_string_equal(e.message, "Invalid client secret");
    assert_int_equal(e.status, 0);
    spotc__error_body_clear(&e);
    parse(&e, "{\"error\":\"unsupported_grant_type\"}");
    assert_string_equal(e.oauth_error, "unsupported_grant_type");
    assert_null(e.message);
    spotc__error_body_clear(&e);
}

static void test_not_error_bodies(void **state)
{
    const char *bodies[] = {"",
                            "not json",
                            "[]",
                            "{}",
                            "{\"error\":5}",
                            "{\"error\":null}",
                            "{\"error\":{\"status\":\"404\"}}",
                            "{\"error\":\"\"}",
                            "null",
                            "{\"error\":{\"status\":99999,\"message\":7}}"};
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        spotc__error_body e;
        assert_int_equal(spotc__error_body_parse(&e, bodies[i], strlen(bodies[i])), SPOTC_EJSON);
        assert_null(e.message);
        assert_null(e.reason);
        assert_null(e.oauth_error);
    }
    spotc__error_body e;
    assert_int_equal(spotc__error_body_parse(&e, NULL, 0), SPOTC_EJSON);
}

static void test_hostile_message_is_cleaned(void **state)
{
    char body[4096];
    char longmsg[2000];
    memset(longmsg, 'x', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = 0;
    snprintf(body, sizeof body, "{\"error\":{\"status\":500,\"message\":\"a\\u001b[31mb\\nc%s\"}}",
             longmsg);
    spotc__error_body e;
    parse(&e, body);
    assert_memory_equal(e.message, "a [31mb c", 9);
    assert_true(strlen(e.message) <= 400);
    spotc__error_body_clear(&e);
}

static void test_status_mapping(void **state)
{
    assert_int_equal(spotc__error_code_for_status(200, NULL), 0);
    assert_int_equal(spotc__error_code_for_status(204, NULL), 0);
    assert_int_equal(spotc__error_code_for_status(400, NULL), SPOTC_EHTTP);
    assert_int_equal(spotc__error_code_for_status(401, NULL), SPOTC_EAUTH);
    assert_int_equal(spotc__error_code_for_status(403, NULL), SPOTC_EFORBIDDEN);
    assert_int_equal(spotc__error_code_for_status(403, "PREMIUM_REQUIRED"), SPOTC_EPREMIUM);
    assert_int_equal(spotc__error_code_for_status(404, NULL), SPOTC_ENOTFOUND);
    assert_int_equal(spotc__error_code_for_status(404, "NO_ACTIVE_DEVICE"), SPOTC_ENODEVICE);
    assert_int_equal(spotc__error_code_for_status(429, "QUOTA_EXCEEDED"), SPOTC_ERATELIMIT);
    assert_int_equal(spotc__error_code_for_status(500, NULL), SPOTC_EHTTP);
    assert_int_equal(spotc__error_code_for_status(503, NULL), SPOTC_EHTTP);
}

static void test_strerror(void **state)
{
    for (int code = SPOTC_OK; code >= SPOTC_EPARTIAL; code--) {
        const char *s = spotc_strerror(code);
        assert_non_null(s);
        assert_true(strlen(s) > 0);
        assert_string_not_equal(s, "unknown error");
        for (int other = code - 1; other >= SPOTC_EPARTIAL; other--)
            assert_string_not_equal(s, spotc_strerror(other));
    }
    assert_string_equal(spotc_strerror(-999), "unknown error");
    assert_string_equal(spotc_strerror(42), "unknown error");
    assert_string_equal(spotc_strerror(SPOTC_ERATELIMIT), "rate limited");
}

static spotc_client *client(void)
{
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, NULL), 0);
    return c;
}

static void test_last_error_of_responses(void **state)
{
    spotc_client *c = client();
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->code, 0);
    assert_string_equal(e->message, "");
    assert_int_equal(e->retry_after, -1);

    const char *nodev = "{\"error\":{\"status\":404,\"message\":\"Player command failed: No "
                        "active device found\",\"reason\":\"NO_ACTIVE_DEVICE\"}}";
    assert_int_equal(spotc__error_from_response(c, 404, nodev, strlen(nodev), 0), SPOTC_ENODEVICE);
    spotc__error_set_request(c, "PUT", "https://api.spotify.com/v1/me/player/play?device_id=x");
    e = spotc_client_last_error(c);
    assert_int_equal(e->code, SPOTC_ENODEVICE);
    assert_int_equal(e->http_status, 404);
    assert_string_equal(e->reason, "NO_ACTIVE_DEVICE");
    assert_non_null(strstr(e->message, "No active device found"));
    assert_non_null(strstr(e->message, "404"));
    assert_string_equal(e->method, "PUT");
    assert_string_equal(e->path, "/v1/me/player/play");

    const char *oauth = "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client\"}";
    assert_int_equal(spotc__error_from_response(c, 400, oauth, strlen(oauth), 1), SPOTC_EAUTH);
    e = spotc_client_last_error(c);
    assert_string_equal(e->oauth_error, "invalid_client");
    assert_non_null(strstr(e->message, "Invalid client"));
    assert_null(e->method); /* a new error forgets the old request */

    /* No body: the status text stands in for Spotify's message. */
    assert_int_equal(spotc__error_from_response(c, 502, "", 0, 0), SPOTC_EHTTP);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "Bad Gateway"));
    assert_int_equal(spotc__error_from_response(c, 503, "<html>", 6, 1), SPOTC_EHTTP);

    /* Formatting may use the previous error's strings. */
    e = spotc_client_last_error(c);
    assert_int_equal(spotc__error_set(c, SPOTC_EJSON, "again: %s", e->message), SPOTC_EJSON);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "again: "));
    spotc__error_clear(c);
    assert_int_equal(spotc_client_last_error(c)->code, 0);
    assert_int_equal(spotc__error_set(NULL, SPOTC_EIO, "no client"), SPOTC_EIO);
    spotc_client_free(c);
}

static void test_no_credentials(void **state)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.api_base = "http://127.0.0.1:9/v1";
    o.accounts_base = "http://127.0.0.1:9";
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    assert_int_equal(spotc_request_send(NULL, c, "GET", "/tracks/x", NULL, 0, NULL), SPOTC_EAUTH);
    const spotc_error *e = spotc_client_last_error(c);
    assert_non_null(strstr(e->message, "no credentials: set SPOTIFY_CLIENT_ID and "
                                       "SPOTIFY_CLIENT_SECRET"));
    assert_string_equal(e->method, "GET");
    assert_string_equal(e->path, "/v1/tracks/x");
    spotc_client_free(c);
}

static void test_options(void **state)
{
    spotc_client *c = NULL;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.api_base = "api.spotify.com/v1";
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    assert_null(c);
    o.api_base = NULL;
    o.version = 99;
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    o.version = SPOTC_CLIENT_OPTIONS_VERSION;
    o.access_token = "bad\r\ntoken";
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    o.access_token = NULL;
    o.max_retries = -5;
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    o.max_retries = 0;
    o.market = "SE";
    o.api_base = "http://127.0.0.1:9/v1///";
    assert_int_equal(spotc_client_new(&c, &o), 0);
    assert_string_equal(spotc__client_api_base(c), "http://127.0.0.1:9/v1");
    assert_string_equal(spotc__client_accounts_base(c), SPOTC_DEFAULT_ACCOUNTS_BASE);
    assert_string_equal(spotc__client_market(c), "SE");
    spotc_client_free(c);
    spotc_client_free(NULL);
    assert_int_equal(spotc_client_new(NULL, NULL), SPOTC_EINVALID);
}

static void test_options_from_env(void **state)
{
    setenv("SPOTIFY_CLIENT_ID", "env-id", 1);
    setenv("SPOTIFY_CLIENT_SECRET", "env-secret", 1);
    setenv("SPOTIFY_ACCESS_TOKEN", "", 1); /* empty means unset */
    setenv("SPOTC_API_BASE", "http://127.0.0.1:1/v1", 1);
    unsetenv("SPOTC_ACCOUNTS_BASE");
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.client_secret = "given"; /* fields already set are kept */
    assert_int_equal(spotc_client_options_load_env(&o), 0);
    assert_string_equal(o.client_id, "env-id");
    assert_string_equal(o.client_secret, "given");
    assert_null(o.access_token);
    assert_string_equal(o.api_base, "http://127.0.0.1:1/v1");
    assert_null(o.accounts_base);
    o.version = 0;
    assert_int_equal(spotc_client_options_load_env(&o), SPOTC_EINVALID);
    assert_int_equal(spotc_client_options_load_env(NULL), SPOTC_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_api_format),
        cmocka_unit_test(test_accounts_format),
        cmocka_unit_test(test_not_error_bodies),
        cmocka_unit_test(test_hostile_message_is_cleaned),
        cmocka_unit_test(test_status_mapping),
        cmocka_unit_test(test_strerror),
        cmocka_unit_test(test_last_error_of_responses),
        cmocka_unit_test(test_no_credentials),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_options_from_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
