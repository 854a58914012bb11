/* The authorize URL and the redirect URI rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#define CHALLENGE "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

static char *url_of(const spotc_authorize_options *o)
{
    char *url = NULL;
    char err[256] = "";
    int rc = spotc_auth_build_url(&url, o, err, sizeof err);
    if (rc != 0)
        fail_msg("spotc_auth_build_url: %d %s", rc, err);
    return url;
}

static void all_parameters_encoded(void **state)
{
    (void)state;
    spotc_authorize_options o = SPOTC_AUTHORIZE_OPTIONS_INIT;
    o.client_id = "abc 123";
    o.redirect_uri = "http://127.0.0.1:8888/callback";
    o.state = "st-._~x";
    o.scope = "user-read-private playlist-modify-public";
    o.code_challenge = CHALLENGE;
    o.show_dialog = 1;
    o.accounts_base = "http://127.0.0.1:4000/";
    char *url = url_of(&o);
    assert_string_equal(url, "http://127.0.0.1:4000/authorize?client_id=abc%20123"
                             "&response_type=code"
                             "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8888%2Fcallback"
                             "&state=st-._~x"
                             "&scope=user-read-private%20playlist-modify-public"
                             "&show_dialog=true"
                             "&code_challenge_method=S256&code_challenge=" CHALLENGE);
    spotc_free(url);
}

static void defaults_and_secret_flow(void **state)
{
    (void)state;
    spotc_authorize_options o = SPOTC_AUTHORIZE_OPTIONS_INIT;
    o.client_id = "id";
    o.redirect_uri = "https://example.org/cb?x=1&y=2";
    o.state = "s";
    char *url = url_of(&o);
    assert_string_equal(url, "https://accounts.spotify.com/authorize?client_id=id"
                             "&response_type=code"
                             "&redirect_uri=https%3A%2F%2Fexample.org%2Fcb%3Fx%3D1%26y%3D2"
                             "&state=s");
    assert_null(strstr(url, "code_challenge"));
    assert_null(strstr(url, "scope="));
    assert_null(strstr(url, "show_dialog"));
    spotc_free(url);
}

static void scopes_commas_and_spaces(void **state)
{
    (void)state;
    spotc_authorize_options o = SPOTC_AUTHORIZE_OPTIONS_INIT;
    o.client_id = "id";
    o.redirect_uri = "http://[::1]/callback";
    o.state = "s";
    o.scope = "  a,b  c,,\td ";
    char *url = url_of(&o);
    assert_non_null(strstr(url, "&scope=a%20b%20c%20d"));
    assert_non_null(strstr(url, "redirect_uri=http%3A%2F%2F%5B%3A%3A1%5D%2Fcallback"));
    spotc_free(url);
    o.scope = " , ";
    url = url_of(&o);
    assert_null(strstr(url, "scope="));
    spotc_free(url);
    o.scope = "weird&scope=x+ü";
    url = url_of(&o);
    assert_non_null(strstr(url, "&scope=weird%26scope%3Dx%2B%C3%BC"));
    spotc_free(url);
}

static void refuses_missing_fields(void **state)
{
    (void)state;
    char *url = (char *)1;
    char err[256];
    spotc_authorize_options o = SPOTC_AUTHORIZE_OPTIONS_INIT;
    o.client_id = "id";
    o.redirect_uri = "http://127.0.0.1:1/callback";
    o.state = "s";
    o.state = NULL;
    assert_int_equal(spotc_auth_build_url(&url, &o, err, sizeof err), SPOTC_EINVALID);
    assert_null(url);
    assert_non_null(strstr(err, "state"));
    o.state = "s";
    o.client_id = "";
    assert_int_equal(spotc_auth_build_url(&url, &o, err, sizeof err), SPOTC_EINVALID);
    o.client_id = "id";
    o.code_challenge = "short";
    assert_int_equal(spotc_auth_build_url(&url, &o, err, sizeof err), SPOTC_EINVALID);
    o.code_challenge = CHALLENGE;
    o.accounts_base = "ftp://x";
    assert_int_equal(spotc_auth_build_url(&url, &o, err, sizeof err), SPOTC_EINVALID);
    o.accounts_base = NULL;
    o.redirect_uri = "http://localhost:8888/callback";
    assert_int_equal(spotc_auth_build_url(&url, &o, err, sizeof err), SPOTC_EINVALID);
    assert_non_null(strstr(err, "127.0.0.1"));
    o.version = 99;
    o.redirect_uri = "http://127.0.0.1:1/callback";
    assert_int_equal(spotc_auth_build_url(&url, &o, NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_auth_build_url(&url, NULL, NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_auth_build_url(NULL, &o, NULL, 0), SPOTC_EINVALID);
}

static int check(const char *uri)
{
    char err[256];
    return spotc_redirect_check_uri(uri, err, sizeof err);
}

static void redirect_uri_rules(void **state)
{
    (void)state;
    assert_int_equal(check("http://127.0.0.1:8888/callback"), 0);
    assert_int_equal(check("http://127.0.0.1/callback"), 0);
    assert_int_equal(check("http://[::1]:8888/callback"), 0);
    assert_int_equal(check("HTTPS://example.org/cb"), 0);
    assert_int_equal(check("https://example.org:8443"), 0);
    assert_int_equal(check("myapp://callback"), 0);
    assert_int_equal(check("com.example.app:/oauth"), 0);

    char err[256] = "";
    assert_int_equal(spotc_redirect_check_uri("http://localhost:8888/callback", err, sizeof err),
                     SPOTC_EINVALID);
    assert_non_null(strstr(err, "localhost"));
    assert_non_null(strstr(err, "http://127.0.0.1"));
    assert_int_equal(check("https://LOCALHOST/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://example.org/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://127.0.0.2/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://0.0.0.0:80/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://user@127.0.0.1/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://127.0.0.1:80x/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://127.0.0.1:/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http:/127.0.0.1/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://[::1/callback"), SPOTC_EINVALID);
    assert_int_equal(check("http://127.0.0.1/call back"), SPOTC_EINVALID);
    assert_int_equal(check("http://127.0.0.1/cb\r\nX: y"), SPOTC_EINVALID);
    assert_int_equal(check("127.0.0.1:8888/callback"), SPOTC_EINVALID);
    assert_int_equal(check("/callback"), SPOTC_EINVALID);
    assert_int_equal(check(""), SPOTC_EINVALID);
    assert_int_equal(spotc_redirect_check_uri(NULL, NULL, 0), SPOTC_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_parameters_encoded),   cmocka_unit_test(defaults_and_secret_flow),
        cmocka_unit_test(scopes_commas_and_spaces), cmocka_unit_test(refuses_missing_fields),
        cmocka_unit_test(redirect_uri_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
