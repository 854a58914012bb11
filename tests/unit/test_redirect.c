/* Parsing and checking the login redirect. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

static int parse(spotc_redirect *r, const char *s)
{
    return spotc_redirect_parse(r, s, strlen(s));
}

static void full_url(void **state)
{
    (void)state;
    spotc_redirect r;
    assert_int_equal(parse(&r, "http://127.0.0.1:8888/callback?code=AQD-x_y&state=abc"), 0);
    assert_string_equal(r.path, "/callback");
    assert_string_equal(r.code, "AQD-x_y");
    assert_string_equal(r.state, "abc");
    assert_null(r.error);
    assert_null(r.error_description);
    assert_int_equal(spotc_redirect_check(&r, "abc", NULL, 0), 0);
    spotc_redirect_clear(&r);
    assert_null(r.code);
    spotc_redirect_clear(NULL);
}

static void request_line_and_forms(void **state)
{
    (void)state;
    spotc_redirect r;
    const char *req = "GET /callback?state=s1&code=c1 HTTP/1.1\r\nHost: 127.0.0.1:5\r\n"
                      "User-Agent: x?code=evil\r\n\r\n";
    assert_int_equal(parse(&r, req), 0);
    assert_string_equal(r.path, "/callback");
    assert_string_equal(r.code, "c1");
    assert_string_equal(r.state, "s1");
    spotc_redirect_clear(&r);

    /* a paste with blanks and a newline, a fragment, unknown parameters */
    assert_int_equal(parse(&r, "  \n https://[::1]:9/cb?iss=x&code=c2&state=s2#frag \r\n"), 0);
    assert_string_equal(r.path, "/cb");
    assert_string_equal(r.code, "c2");
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "/callback?code=c3&state=s3"), 0);
    assert_string_equal(r.code, "c3");
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "code=c4&state=s4"), 0);
    assert_string_equal(r.path, "");
    assert_string_equal(r.code, "c4");
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "http://127.0.0.1:8888"), 0);
    assert_string_equal(r.path, "");
    assert_null(r.code);
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "GET /favicon.ico HTTP/1.1\r\n\r\n"), 0);
    assert_string_equal(r.path, "/favicon.ico");
    assert_null(r.code);
    assert_null(r.state);
    spotc_redirect_clear(&r);
}

static void percent_decoding(void **state)
{
    (void)state;
    spotc_redirect r;
    assert_int_equal(parse(&r, "/c%61llback?code=a%2Fb%3D%26c+d&state=%7e%7E&"
                               "error_description=caf%C3%A9+%2B1"),
                     0);
    assert_string_equal(r.path, "/callback");
    assert_string_equal(r.code, "a/b=&c d");
    assert_string_equal(r.state, "~~");
    assert_string_equal(r.error_description, "caf\xc3\xa9 +1");
    spotc_redirect_clear(&r);
    /* '+' is a space only in the query */
    assert_int_equal(parse(&r, "/a+b?code=&state"), 0);
    assert_string_equal(r.path, "/a+b");
    assert_string_equal(r.code, "");
    assert_string_equal(r.state, "");
    spotc_redirect_clear(&r);
}

static void error_redirects(void **state)
{
    (void)state;
    spotc_redirect r;
    char err[256] = "";
    assert_int_equal(parse(&r, "/callback?error=access_denied&state=xyz"), 0);
    assert_string_equal(r.error, "access_denied");
    assert_int_equal(spotc_redirect_check(&r, "xyz", err, sizeof err), SPOTC_EDENIED);
    assert_non_null(strstr(err, "access_denied"));
    /* a forged cancel (wrong state) is a state error, not a denial */
    assert_int_equal(spotc_redirect_check(&r, "other", err, sizeof err), SPOTC_ESTATE);
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "/callback?error=invalid_scope&error_description=bad%1B%5B31m"
                               "scope&state=xyz"),
                     0);
    assert_int_equal(spotc_redirect_check(&r, "xyz", err, sizeof err), SPOTC_EAUTH);
    assert_non_null(strstr(err, "invalid_scope"));
    assert_null(strchr(err, '\x1b')); /* no terminal escapes from the network */
    spotc_redirect_clear(&r);
}

static void state_checks(void **state)
{
    (void)state;
    spotc_redirect r;
    char err[256] = "";
    assert_int_equal(parse(&r, "/callback?code=c"), 0);
    assert_int_equal(spotc_redirect_check(&r, "s", err, sizeof err), SPOTC_ESTATE);
    assert_non_null(strstr(err, "state"));
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "/callback?code=c&state=abcd"), 0);
    assert_int_equal(spotc_redirect_check(&r, "abce", NULL, 0), SPOTC_ESTATE);
    assert_int_equal(spotc_redirect_check(&r, "abc", NULL, 0), SPOTC_ESTATE);
    assert_int_equal(spotc_redirect_check(&r, "abcde", NULL, 0), SPOTC_ESTATE);
    assert_int_equal(spotc_redirect_check(&r, "", NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_check(&r, NULL, NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_check(NULL, "abcd", NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_check(&r, "abcd", NULL, 0), 0);
    spotc_redirect_clear(&r);

    assert_int_equal(parse(&r, "/callback?state=abcd&code="), 0);
    assert_int_equal(spotc_redirect_check(&r, "abcd", err, sizeof err), SPOTC_EINVALID);
    assert_non_null(strstr(err, "code"));
    spotc_redirect_clear(&r);
}

static void garbage(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "   \r\n ",
        "garbage",
        "GET",
        "GET  HTTP/1.1",
        "get /callback?code=a HTTP/1.1",
        "GET /callback?code=a FTP/1.1",
        "GET /callback?code=a HTTP/1.1 extra",
        "GET /cb?code=a b HTTP/1.1",
        "/callback?code=a%",
        "/callback?code=a%4",
        "/callback?code=a%zz",
        "/callback?code=a%00b",
        "/call%00back?code=a",
        "/callback?code=a\x01",
        "/callback?code=a\x7f",
        "/callback?code=a&code=b&state=s",
        "/callback?state=a&state=a&code=c",
        "/callback?code=a\tb",
        "http://127.0.0.1/callback?code=a b",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spotc_redirect r;
        memset(&r, 0x55, sizeof r);
        if (parse(&r, bad[i]) != SPOTC_EINVALID)
            fail_msg("accepted: \"%s\"", bad[i]);
        assert_null(r.path);
        assert_null(r.code);
        assert_null(r.state);
    }
    spotc_redirect r;
    /* an embedded NUL ends nothing: the length is what counts */
    assert_int_equal(spotc_redirect_parse(&r, "/cb?code=a\0b&state=s", 20), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_parse(&r, NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_parse(NULL, "code=a", 6), SPOTC_EINVALID);
    /* too long */
    size_t n = SPOTC_REDIRECT_MAX + 1;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, 'a', n);
    memcpy(big, "/cb?code=", 9);
    big[n] = '\0';
    assert_int_equal(spotc_redirect_parse(&r, big, n), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_parse(&r, big, n - 1), 0);
    assert_int_equal(strlen(r.code), n - 1 - 9);
    spotc_redirect_clear(&r);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(full_url),         cmocka_unit_test(request_line_and_forms),
        cmocka_unit_test(percent_decoding), cmocka_unit_test(error_redirects),
        cmocka_unit_test(state_checks),     cmocka_unit_test(garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
