/* The Redis layer's pure parts: URL parsing (every form, every refusal, no
 * password in a message), the local sliding window, and key names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "redis_layer.h"

static spotc__redis_url parse_ok(const char *url)
{
    spotc__redis_url u;
    char eb[256] = "";
    int rc = spotc__redis_url_parse(&u, url, strlen(url), eb, sizeof eb);
    if (rc != 0)
        fail_msg("%s: %s", url, eb);
    return u;
}

static const char *refusal(const char *url)
{
    static char eb[256];
    spotc__redis_url u;
    eb[0] = '\0';
    assert_int_equal(spotc__redis_url_parse(&u, url, strlen(url), eb, sizeof eb), SPOTC_EINVALID);
    assert_string_equal(u.host, ""); /* a failure leaves nothing behind */
    assert_string_equal(u.password, "");
    assert_true(eb[0] != '\0');
    return eb;
}

static void test_tcp_forms(void **state)
{
    spotc__redis_url u = parse_ok("redis://cache.internal");
    assert_string_equal(u.host, "cache.internal");
    assert_int_equal(u.port, 6379);
    assert_int_equal(u.db, 0);
    assert_false(u.unix_socket);
    u = parse_ok("redis://127.0.0.1:6380/3");
    assert_string_equal(u.host, "127.0.0.1");
    assert_int_equal(u.port, 6380);
    assert_int_equal(u.db, 3);
    u = parse_ok("REDIS://:s3cr%40t@h:1/");
    assert_string_equal(u.password, "s3cr@t");
    assert_string_equal(u.user, "");
    assert_int_equal(u.db, 0);
    u = parse_ok("redis://worker:pw@h/15");
    assert_string_equal(u.user, "worker");
    assert_string_equal(u.password, "pw");
    assert_int_equal(u.db, 15);
    u = parse_ok("redis://[::1]:7000/2");
    assert_string_equal(u.host, "::1");
    assert_int_equal(u.port, 7000);
    spotc__redis_url_clear(&u);
    assert_string_equal(u.password, "");
}

static void test_unix_forms(void **state)
{
    spotc__redis_url u = parse_ok("unix:///run/redis/redis.sock");
    assert_true(u.unix_socket);
    assert_string_equal(u.path, "/run/redis/redis.sock");
    u = parse_ok("unix:///tmp/r.sock?db=4&password=p%26q");
    assert_int_equal(u.db, 4);
    assert_string_equal(u.password, "p&q");
}

static void test_refusals(void **state)
{
    assert_non_null(strstr(refusal("rediss://h:6380"), "TLS"));
    assert_non_null(strstr(refusal("http://h"), "redis://"));
    assert_non_null(strstr(refusal("redis://h:0"), "port"));
    assert_non_null(strstr(refusal("redis://h:65536"), "port"));
    assert_non_null(strstr(refusal("redis://h:x"), "port"));
    assert_non_null(strstr(refusal("redis://h/abc"), "database"));
    assert_non_null(strstr(refusal("redis://h/99999999999"), "database"));
    assert_non_null(strstr(refusal("redis://"), "host"));
    assert_non_null(strstr(refusal("redis://:pw@"), "host"));
    assert_non_null(strstr(refusal("redis://[::1"), "]"));
    assert_non_null(strstr(refusal("redis://h o"), "space"));
    assert_non_null(strstr(refusal("unix://relative.sock"), "absolute"));
    assert_non_null(strstr(refusal("unix:///s?color=red"), "db="));
    refusal("redis://:%zz@h");
    refusal("redis://:%00@h");
    refusal("");
    /* the password never reaches a message, even when the rest is wrong */
    assert_null(strstr(refusal("redis://:hunter2@h:99999"), "hunter2"));
    assert_null(strstr(refusal("redis://hunter2@h"), "hunter2"));
}

static void test_length_is_bounded(void **state)
{
    char *long_url = malloc(SPOTC__REDIS_URL_MAX + 64);
    strcpy(long_url, "redis://");
    memset(long_url + 8, 'a', SPOTC__REDIS_URL_MAX);
    long_url[SPOTC__REDIS_URL_MAX + 8] = '\0';
    assert_non_null(strstr(refusal(long_url), "longer"));
    free(long_url);
    /* no NUL needed: only len bytes are read */
    spotc__redis_url u;
    assert_int_equal(spotc__redis_url_parse(&u, "redis://h:1XYZ", 11, NULL, 0), 0);
    assert_int_equal(u.port, 1);
}

static void test_public_check(void **state)
{
    char eb[256];
    assert_int_equal(spotc_redis_url_check("redis://127.0.0.1", eb, sizeof eb), 0);
    assert_int_equal(spotc_redis_url_check(NULL, eb, sizeof eb), SPOTC_EINVALID);
    assert_int_equal(spotc_redis_url_check("rediss://h", NULL, 0), SPOTC_EINVALID);
}

static void test_window(void **state)
{
    spotc__window w;
    assert_int_equal(spotc__window_init(&w, 3, 1000), 0);
    assert_int_equal(spotc__window_take(&w, 0), 0);
    assert_int_equal(spotc__window_take(&w, 100), 0);
    assert_int_equal(spotc__window_take(&w, 200), 0);
    assert_int_equal(spotc__window_take(&w, 300), 700); /* the first slot frees at 1000 */
    assert_int_equal(spotc__window_take(&w, 1000), 0);
    assert_int_equal(spotc__window_take(&w, 1050), 50);
    spotc__window_pause(&w, 1100, 500);
    spotc__window_pause(&w, 1100, 100); /* a shorter pause does not cut a longer one */
    assert_int_equal(spotc__window_take(&w, 1200), 400);
    assert_int_equal(spotc__window_take(&w, 1600), 0);
    /* slots taken from the shared budget are remembered, the oldest dropped when full */
    for (int i = 0; i < 5; i++)
        spotc__window_note(&w, 1700);
    assert_int_equal(w.len, 3);
    assert_int_equal(spotc__window_take(&w, 1800), 900);
    spotc__window_free(&w);
}

static void test_keys(void **state)
{
    char *k = spotc__redis_key("abc", "user", "demo");
    assert_string_equal(k, "spotc:{abc}:user:demo");
    free(k);
    k = spotc__redis_key(NULL, "budget", NULL);
    assert_string_equal(k, "spotc:{-}:budget");
    free(k);
}

static void test_client_refuses_bad_url(void **state)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client *c = NULL;
    o.redis_url = "rediss://h";
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    assert_null(c);
    assert_non_null(strstr(spotc_error_last()->message, "TLS")); /* says why */
    o.redis_url = "redis://127.0.0.1:1"; /* nothing connects before the first request */
    o.rate_budget = -1;
    assert_int_equal(spotc_client_new(&c, &o), SPOTC_EINVALID);
    o.rate_budget = 10;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    spotc_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tcp_forms),    cmocka_unit_test(test_unix_forms),
        cmocka_unit_test(test_refusals),     cmocka_unit_test(test_length_is_bounded),
        cmocka_unit_test(test_public_check), cmocka_unit_test(test_window),
        cmocka_unit_test(test_keys),         cmocka_unit_test(test_client_refuses_bad_url),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
