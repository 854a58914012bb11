/* The library-wide conventions (libspotc(3) CONVENTIONS): spotc_error_last()
 * for failures without a client, the _options_init() functions and their
 * explicit defaults, spotc_free(). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <pthread.h>
#include <string.h>
#include <cmocka.h>

#include "client_priv.h"

static void assert_last(int code, const char *part)
{
    const spotc_error *e = spotc_error_last();
    assert_non_null(e);
    assert_int_equal(e->code, code);
    if (!strstr(e->message, part))
        fail_msg("spotc_error_last()->message \"%s\" lacks \"%s\"", e->message, part);
}

static void test_client_new_says_why(void **state)
{
    (void)state;
    spotc_client *c = NULL;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.api_base = "ftp://example.com/v1";
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    assert_null(c);
    assert_last(SPOTC_EINVALID, "api_base");
    o.api_base = NULL;
    o.market = "Sweden";
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    assert_last(SPOTC_EINVALID, "market");
    o.market = NULL;
    o.max_retries = -1;
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    assert_last(SPOTC_EINVALID, "max_retries");
    /* a success does not clear it */
    o.max_retries = 0;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    assert_last(SPOTC_EINVALID, "max_retries");
    spotc_client_free(c);
}

static void test_pure_functions_set_it(void **state)
{
    (void)state;
    spotc_id id;
    assert_int_equal(spotc_id_parse(&id, "spotify:track:", SPOTC_TYPE_TRACK, NULL, 0),
                     SPOTC_EINVALID);
    assert_last(SPOTC_EINVALID, "invalid track ID");
    spotc_track *t = NULL;
    assert_int_equal(spotc_track_parse(&t, "{nope", 5), SPOTC_EJSON);
    assert_last(SPOTC_EJSON, "not JSON");
    char *url = NULL;
    spotc_authorize_options ao = SPOTC_AUTHORIZE_OPTIONS_INIT;
    ao.client_id = "abc";
    ao.state = "s";
    ao.redirect_uri = "http://localhost:8080/callback";
    assert_int_equal(spotc_auth_build_url(&url, &ao, NULL, 0), SPOTC_EINVALID);
    assert_null(url);
    assert_last(SPOTC_EINVALID, "localhost");
}

static void *fail_in_thread(void *arg)
{
    (void)arg;
    spotc_id id;
    spotc_id_parse(&id, "spotify:album:", SPOTC_TYPE_ALBUM, NULL, 0);
    return (void *)(intptr_t)spotc_error_last()->code;
}

static void test_it_is_per_thread(void **state)
{
    (void)state;
    spotc_track *t = NULL;
    assert_int_equal(spotc_track_parse(&t, "[]", 2), SPOTC_EJSON);
    pthread_t th;
    void *code;
    assert_int_equal(pthread_create(&th, NULL, fail_in_thread, NULL), 0);
    assert_int_equal(pthread_join(th, &code), 0);
    assert_int_equal((int)(intptr_t)code, SPOTC_EINVALID);
    assert_last(SPOTC_EJSON, "not an object"); /* ours is untouched */
}

static void test_client_options_init(void **state)
{
    (void)state;
    spotc_client_options o;
    memset(&o, 0x5a, sizeof o);
    assert_int_equal(spotc_client_options_init(&o, SPOTC_CLIENT_OPTIONS_VERSION), 0);
    assert_int_equal(o.version, SPOTC_CLIENT_OPTIONS_VERSION);
    assert_int_equal(o.max_retries, SPOTC_DEFAULT_MAX_RETRIES);
    assert_int_equal(o.max_rate_limit_wait, SPOTC_DEFAULT_RATE_LIMIT_WAIT);
    assert_null(o.api_base);
    assert_int_equal(o.timeout_ms, 0);
    assert_int_equal(spotc_client_options_init(&o, 99), SPOTC_EINVALID);
    assert_last(SPOTC_EINVALID, "spotc_client_options");
    assert_int_equal(spotc_client_options_init(NULL, SPOTC_CLIENT_OPTIONS_VERSION), SPOTC_EINVALID);
}

/* 0 means none: no retries, no waiting for 429s; INIT means the defaults. */
static void test_zero_means_zero(void **state)
{
    (void)state;
    spotc_client *c = NULL;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    assert_int_equal(c->retry.max_retries, SPOTC_DEFAULT_MAX_RETRIES);
    assert_int_equal(c->retry.max_rate_limit_wait, SPOTC_DEFAULT_RATE_LIMIT_WAIT);
    spotc_client_free(c);
    o.max_retries = 0;
    o.max_rate_limit_wait = 0;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    assert_int_equal(c->retry.max_retries, 0);
    assert_int_equal(c->retry.max_rate_limit_wait, 0);
    spotc_client_free(c);
    assert_int_equal(spotc_client_new(&c, NULL), 0); /* NULL options: the defaults */
    assert_int_equal(c->retry.max_retries, SPOTC_DEFAULT_MAX_RETRIES);
    spotc_client_free(c);
}

static void test_other_options_init(void **state)
{
    (void)state;
    spotc_page_options p;
    spotc_authorize_options a;
    spotc_listener_options l;
    spotc_login_options g;
    spotc_token_store_file_options f;
    assert_int_equal(spotc_page_options_init(&p, SPOTC_PAGE_OPTIONS_VERSION), 0);
    assert_int_equal(p.version, SPOTC_PAGE_OPTIONS_VERSION);
    assert_int_equal(p.limit + p.offset + p.all + p.max_items + p.concurrency, 0);
    assert_int_equal(spotc_authorize_options_init(&a, SPOTC_AUTHORIZE_OPTIONS_VERSION), 0);
    assert_int_equal(a.version, SPOTC_AUTHORIZE_OPTIONS_VERSION);
    assert_int_equal(spotc_listener_options_init(&l, SPOTC_LISTENER_OPTIONS_VERSION), 0);
    assert_int_equal(l.version, SPOTC_LISTENER_OPTIONS_VERSION);
    assert_int_equal(spotc_login_options_init(&g, SPOTC_LOGIN_OPTIONS_VERSION), 0);
    assert_int_equal(g.version, SPOTC_LOGIN_OPTIONS_VERSION);
    assert_int_equal(
        spotc_token_store_file_options_init(&f, SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION), 0);
    assert_int_equal(f.version, SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION);
    assert_int_equal(spotc_page_options_init(&p, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_login_options_init(&g, 7), SPOTC_EINVALID);
    assert_int_equal(spotc_listener_options_init(NULL, SPOTC_LISTENER_OPTIONS_VERSION),
                     SPOTC_EINVALID);
}

static void test_spotc_free(void **state)
{
    (void)state;
    spotc_free(NULL);
    char *url = NULL;
    spotc_authorize_options ao = SPOTC_AUTHORIZE_OPTIONS_INIT;
    ao.client_id = "abc";
    ao.state = "s";
    ao.redirect_uri = "http://127.0.0.1:8080/callback";
    assert_int_equal(spotc_auth_build_url(&url, &ao, NULL, 0), 0);
    assert_non_null(url);
    spotc_free(url); /* memcheck: no leak, no mismatched free */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_client_new_says_why), cmocka_unit_test(test_pure_functions_set_it),
        cmocka_unit_test(test_it_is_per_thread),    cmocka_unit_test(test_client_options_init),
        cmocka_unit_test(test_zero_means_zero),     cmocka_unit_test(test_other_options_init),
        cmocka_unit_test(test_spotc_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
