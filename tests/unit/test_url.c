/* URL building: percent-encoding, queries, forms, path templates; and that
 * spotc_request_send()/spotc_operation_call() refuse bad input before sending anything. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "accounts.h"
#include "url.h"

static void test_encode_keeps_only_unreserved(void **state)
{
    char *s = spotc__url_escape("a b/c,d&e=f+g~h.i_j-k");
    assert_string_equal(s, "a%20b%2Fc%2Cd%26e%3Df%2Bg~h.i_j-k");
    free(s);
    s = spotc__url_escape("caf\xc3\xa9 %?#:\n");
    assert_string_equal(s, "caf%C3%A9%20%25%3F%23%3A%0A");
    free(s);
    s = spotc__url_escape("");
    assert_string_equal(s, "");
    free(s);
}

static void test_query(void **state)
{
    spotc__buf b = SPOTC__BUF_INIT;
    spotc__buf_puts(&b, "https://api.spotify.com/v1/search");
    const spotc_param q[] = {
        {"q", "artist:Miles Davis year:1959"}, {"market", NULL}, {"type", "track,album"}};
    assert_int_equal(spotc__url_query(&b, q, 3), 0);
    assert_string_equal(spotc__buf_str(&b), "https://api.spotify.com/v1/search"
                                            "?q=artist%3AMiles%20Davis%20year%3A1959"
                                            "&type=track%2Calbum");
    const spotc_param more[] = {{"limit", "5"}};
    assert_int_equal(spotc__url_query(&b, more, 1), 0);
    assert_non_null(strstr(spotc__buf_str(&b), "album&limit=5"));
    spotc__buf_free(&b);
    spotc__buf_puts(&b, "/x?");
    assert_int_equal(spotc__url_query(&b, more, 1), 0);
    assert_string_equal(spotc__buf_str(&b), "/x?limit=5");
    assert_int_equal(spotc__url_query(&b, NULL, 0), 0);
    assert_string_equal(spotc__buf_str(&b), "/x?limit=5");
    spotc__buf_free(&b);
}

static void test_form(void **state)
{
    const spotc_param f[] = {{"grant_type", "authorization_code"},
                             {"code", "a/b+c d"},
                             {"skip", NULL},
                             {"redirect_uri", "http://127.0.0.1:8888/callback"}};
    char *s = spotc__form_encode(f, 4);
    assert_string_equal(s, "grant_type=authorization_code&code=a%2Fb%2Bc%20d"
                           "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8888%2Fcallback");
    free(s);
}

static void test_expand_template(void **state)
{
    spotc__buf b = SPOTC__BUF_INIT;
    char missing[32] = "";
    const spotc_param v[] = {{"playlist_id", "../me/x?y"}, {"id", "abc"}};
    assert_int_equal(
        spotc__url_expand(&b, "/playlists/{playlist_id}/items", v, 2, missing, sizeof missing), 0);
    /* A value can never escape its path segment. */
    assert_string_equal(spotc__buf_str(&b), "/playlists/..%2Fme%2Fx%3Fy/items");
    spotc__buf_free(&b);
    assert_int_equal(
        spotc__url_expand(&b, "/artists/{id}/albums/{other}", v, 2, missing, sizeof missing),
        SPOTC_EINVALID);
    assert_string_equal(missing, "other");
    spotc__buf_free(&b);
    const spotc_param empty[] = {{"id", ""}};
    assert_int_equal(spotc__url_expand(&b, "/tracks/{id}", empty, 1, missing, sizeof missing),
                     SPOTC_EINVALID);
    assert_string_equal(missing, "id");
    spotc__buf_free(&b);
    assert_int_equal(spotc__url_expand(&b, "/tracks/{id", v, 2, missing, sizeof missing),
                     SPOTC_EINVALID);
    spotc__buf_free(&b);
    assert_int_equal(spotc__url_expand(&b, "/markets", NULL, 0, missing, sizeof missing), 0);
    assert_string_equal(spotc__buf_str(&b), "/markets");
    spotc__buf_free(&b);
}

static void test_path_of_url(void **state)
{
    const char *cases[][2] = {
        {"https://api.spotify.com/v1/tracks/x?market=SE", "/v1/tracks/x"},
        {"http://127.0.0.1:4567", "/"},
        {"http://127.0.0.1:4567?x=1", "/"},
        {"HTTPS://accounts.spotify.com/api/token#frag", "/api/token"},
        {"/search?q=secret", "/search"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *p = spotc__url_path(cases[i][0]);
        assert_string_equal(p, cases[i][1]);
        free(p);
    }
}

static void test_bases(void **state)
{
    assert_true(spotc__url_base_ok("https://api.spotify.com/v1"));
    assert_true(spotc__url_base_ok("http://127.0.0.1:8080"));
    assert_false(spotc__url_base_ok("ftp://example.com"));
    assert_false(spotc__url_base_ok("api.spotify.com"));
    assert_false(spotc__url_base_ok("https://"));
    assert_false(spotc__url_base_ok("https:///v1"));
    assert_false(spotc__url_base_ok("https://a.b/v1?x=1"));
    assert_false(spotc__url_base_ok("https://a b/"));
    assert_true(
        spotc__url_below("https://api.spotify.com/v1/tracks", "https://api.spotify.com/v1"));
    assert_true(spotc__url_below("https://api.spotify.com/v1?x", "https://api.spotify.com/v1"));
    assert_false(spotc__url_below("https://api.spotify.com/v10", "https://api.spotify.com/v1"));
    assert_false(
        spotc__url_below("https://api.spotify.com.evil.example/v1", "https://api.spotify.com"));
    assert_false(spotc__url_below("https://evil.example/v1", "https://api.spotify.com/v1"));
    assert_true(spotc__url_chars_ok("/tracks/abc?x=%20"));
    assert_false(spotc__url_chars_ok("/tracks/a b"));
    assert_false(spotc__url_chars_ok("/tracks/a\r\nX-Injected: 1"));
}

static void test_basic_header(void **state)
{
    char *b = spotc__accounts_basic("spotc-demo", "spotc-demo-secret");
    assert_string_equal(b, "Basic c3BvdGMtZGVtbzpzcG90Yy1kZW1vLXNlY3JldA==");
    free(b);
}

/* ------------------------------------------------ nothing reaches the network */

static int traced;
static void count_trace(const char *line, void *payload)
{
    traced++;
}

/* A client whose API base is a closed port: any request that were sent would
 * fail with SPOTC_ENETWORK and trace, so SPOTC_EINVALID and no trace show
 * that nothing left. */
static spotc_client *offline_client(void)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = "test-token";
    o.api_base = "http://127.0.0.1:9/v1";
    o.accounts_base = "http://127.0.0.1:9";
    o.max_retries = SPOTC_NO_RETRY;
    o.trace = count_trace;
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    traced = 0;
    return c;
}

static void expect_invalid(spotc_client *c, int rc, const char *in_message)
{
    assert_int_equal(rc, SPOTC_EINVALID);
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->code, SPOTC_EINVALID);
    assert_int_equal(e->http_status, 0);
    assert_non_null(strstr(e->message, in_message));
    assert_int_equal(traced, 0);
}

static void test_request_refuses_bad_input(void **state)
{
    spotc_client *c = offline_client();
    spotc_response *r = (spotc_response *)&r;
    expect_invalid(c, spotc_request_send(&r, c, "PATCH", "/me", NULL, 0, NULL), "method");
    assert_null(r);
    expect_invalid(c, spotc_request_send(NULL, c, "GET", "tracks/x", NULL, 0, NULL), "start with");
    expect_invalid(c, spotc_request_send(NULL, c, "GET", "/a b", NULL, 0, NULL), "spaces");
    expect_invalid(c,
                   spotc_request_send(NULL, c, "GET", "https://evil.example/v1/me", NULL, 0, NULL),
                   "outside the API base");
    expect_invalid(c, spotc_request_send(NULL, c, "GET", "/me", NULL, 0, "{}"), "GET");
    expect_invalid(c, spotc_request_send(NULL, c, "PUT", "/me/player/play", NULL, 0, "{oops"),
                   "not valid JSON");
    const spotc_param noname[] = {{NULL, "x"}};
    expect_invalid(c, spotc_request_send(NULL, c, "GET", "/search", noname, 1, NULL), "no name");
    spotc_client_free(c);
}

static void test_call_refuses_bad_params(void **state)
{
    spotc_client *c = offline_client();
    expect_invalid(c, spotc_operation_call(NULL, c, "no-such-operation", NULL, 0, NULL),
                   "unknown operation");
    const spotc_param unknown[] = {{"id", "4iV5W9uYEdYUVa79Axb7Rh"}, {"colour", "red"}};
    expect_invalid(c, spotc_operation_call(NULL, c, "get-track", unknown, 2, NULL), "colour");
    expect_invalid(c, spotc_operation_call(NULL, c, "get-track", NULL, 0, NULL), "missing");
    const spotc_param twice[] = {{"id", "a"}, {"id", "b"}};
    expect_invalid(c, spotc_operation_call(NULL, c, "get-track", twice, 2, NULL), "twice");
    const spotc_param not_int[] = {{"q", "x"}, {"type", "track"}, {"limit", "ten"}};
    expect_invalid(c, spotc_operation_call(NULL, c, "search", not_int, 3, NULL), "integer");
    const spotc_param empty_id[] = {{"id", ""}};
    expect_invalid(c, spotc_operation_call(NULL, c, "get-track", empty_id, 1, NULL), "id");
    spotc_client_free(c);
}

static void test_call_sends_when_valid(void **state)
{
    /* The same client does try the network for a valid call: the test above
     * can fail. */
    spotc_client *c = offline_client();
    const spotc_param ok[] = {{"id", "4iV5W9uYEdYUVa79Axb7Rh"}};
    assert_int_equal(spotc_operation_call(NULL, c, "get-track", ok, 1, NULL), SPOTC_ENETWORK);
    const spotc_error *e = spotc_client_last_error(c);
    assert_string_equal(e->method, "GET");
    assert_string_equal(e->path, "/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh");
    assert_true(traced > 0);
    spotc_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_keeps_only_unreserved),
        cmocka_unit_test(test_query),
        cmocka_unit_test(test_form),
        cmocka_unit_test(test_expand_template),
        cmocka_unit_test(test_path_of_url),
        cmocka_unit_test(test_bases),
        cmocka_unit_test(test_basic_header),
        cmocka_unit_test(test_request_refuses_bad_input),
        cmocka_unit_test(test_call_refuses_bad_params),
        cmocka_unit_test(test_call_sends_when_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
