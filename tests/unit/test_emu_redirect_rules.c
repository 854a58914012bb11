/* The emulator's redirect URI rules (src/emulator/accounts/redirect_rules.c, pure code). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/emulator/accounts/redirect_rules.c"

static int allowed(const char *uri)
{
    char why[256] = "";
    int ok = emu_redirect_uri_allowed(uri, why, sizeof why);
    assert_true(ok ? why[0] == 0 : why[0] != 0); /* a refusal always says why */
    return ok;
}

static void test_allowed(void **state)
{
    (void)state;
    assert_true(allowed("http://127.0.0.1/callback"));
    assert_true(allowed("http://127.0.0.1:8888/callback"));
    assert_true(allowed("http://[::1]:8888/callback"));
    assert_true(allowed("https://example.com/cb?x=1"));
    assert_true(allowed("https://example.com:8443/cb"));
    assert_true(allowed("myapp://callback"));
    assert_true(allowed("com.example.app:/oauth"));
    assert_false(allowed("http://localhost:8888/callback"));
    assert_false(allowed("https://LocalHost/callback"));
    assert_false(allowed("https://app.localhost/callback"));
    assert_false(allowed("http://example.com/callback"));
    assert_false(allowed("http://127.0.0.2/callback"));
    assert_false(allowed("http://127.0.0.1:0/callback"));
    assert_false(allowed("http://127.0.0.1:65536/callback"));
    assert_false(allowed("http://127.0.0.1:/callback"));
    assert_false(allowed("http://user@127.0.0.1/callback"));
    assert_false(allowed("https://example.com/cb#frag"));
    assert_false(allowed("https://exa mple.com/cb"));
    assert_false(allowed("/callback"));
    assert_false(allowed("https:"));
    assert_false(allowed("https:example.com"));
    assert_false(allowed("http://[::1/callback"));
    assert_false(allowed(""));
}

static void test_localhost_explained(void **state)
{
    (void)state;
    char why[256];
    assert_false(emu_redirect_uri_allowed("http://localhost/cb", why, sizeof why));
    assert_non_null(strstr(why, "localhost"));
    assert_non_null(strstr(why, "127.0.0.1"));
}

static void test_matches(void **state)
{
    (void)state;
    const char *portless = "http://127.0.0.1/callback";
    assert_true(emu_redirect_uri_matches(portless, "http://127.0.0.1/callback"));
    assert_true(emu_redirect_uri_matches(portless, "http://127.0.0.1:1/callback"));
    assert_true(emu_redirect_uri_matches(portless, "http://127.0.0.1:65535/callback"));
    assert_false(emu_redirect_uri_matches(portless, "http://127.0.0.1:65536/callback"));
    assert_false(emu_redirect_uri_matches(portless, "http://127.0.0.1:0/callback"));
    assert_false(emu_redirect_uri_matches(portless, "http://127.0.0.1:/callback"));
    assert_false(emu_redirect_uri_matches(portless, "http://127.0.0.1:80/callback/"));
    assert_false(emu_redirect_uri_matches(portless, "http://127.0.0.1:80/other"));
    assert_false(emu_redirect_uri_matches(portless, "http://[::1]:80/callback"));
    assert_true(emu_redirect_uri_matches("http://[::1]/cb", "http://[::1]:5000/cb"));
    assert_true(emu_redirect_uri_matches("http://127.0.0.1", "http://127.0.0.1:5000"));
    /* With a port, or not loopback: exact only. */
    const char *fixed = "http://127.0.0.1:8888/callback";
    assert_true(emu_redirect_uri_matches(fixed, fixed));
    assert_false(emu_redirect_uri_matches(fixed, "http://127.0.0.1:8889/callback"));
    assert_false(emu_redirect_uri_matches(fixed, "http://127.0.0.1/callback"));
    assert_false(emu_redirect_uri_matches("https://a.example/cb", "https://a.example:443/cb"));
    assert_false(emu_redirect_uri_matches("https://a.example/cb", "https://a.example/cb?x"));
    assert_false(emu_redirect_uri_matches("https://a.example/cb", "https://A.example/cb"));
}

static void test_app_list(void **state)
{
    (void)state;
    emu_app app = {0};
    char why[256];
    assert_int_equal(emu_app_set_redirects(&app, "https://a.example/cb,myapp://x", why, sizeof why),
                     0);
    assert_int_equal(app.nredirect_uris, 2);
    assert_true(emu_app_redirect_ok(&app, "myapp://x"));
    assert_false(emu_app_redirect_ok(&app, "http://127.0.0.1/callback"));
    /* A bad list leaves the old one in place. */
    assert_int_equal(
        emu_app_set_redirects(&app, "https://b.example/cb,http://localhost/cb", why, sizeof why),
        -1);
    assert_non_null(strstr(why, "localhost"));
    assert_true(emu_app_redirect_ok(&app, "https://a.example/cb"));
    assert_false(emu_app_redirect_ok(&app, "https://b.example/cb"));
    assert_int_equal(emu_app_set_redirects(&app, "https://a.example/cb,", why, sizeof why), -1);
    assert_int_equal(emu_app_set_redirects(&app, "", why, sizeof why), -1);
    emu_app_redirects_free(&app);
    assert_int_equal(app.nredirect_uris, 0);
    emu_app_redirects_free(&app); /* twice is fine */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allowed),
        cmocka_unit_test(test_localhost_explained),
        cmocka_unit_test(test_matches),
        cmocka_unit_test(test_app_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
