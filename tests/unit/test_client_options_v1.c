/*
 * Client options of version 1 (before ca_bundle): a program built then passes
 * a struct that ends before it, and the library must not read or write past
 * that end. The struct is allocated at its version 1 size, so ASan and
 * valgrind see any access beyond it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <spotc.h>

static void test_version_1_options(void **state)
{
    (void)state;
    const size_t v1 = offsetof(spotc_client_options, ca_bundle);
    spotc_client_options full = SPOTC_CLIENT_OPTIONS_INIT;
    full.version = 1;
    full.access_token = "token";
    void *buf = malloc(v1);
    assert_non_null(buf);
    memcpy(buf, &full, v1);
    spotc_client_options *o = buf; /* only its version 1 part exists */
    setenv("SPOTC_CA_BUNDLE", "/nonexistent/ca.pem", 1);
    assert_int_equal(spotc_client_options_load_env(o), 0);
    spotc_client *client = NULL;
    assert_int_equal(spotc_client_new(&client, o), 0);
    spotc_client_free(client);
    free(buf);
    unsetenv("SPOTC_CA_BUNDLE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_1_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
