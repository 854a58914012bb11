/* Secrets never reach a trace: headers and bodies are redacted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trace.h"

static void header_is(const char *in, const char *want)
{
    char *got = spotc__redact_header(in);
    assert_string_equal(got, want);
    free(got);
}

static void body_is(const char *in, const char *want)
{
    char *got = spotc__redact_body(in, strlen(in));
    assert_string_equal(got, want);
    free(got);
}

static void test_headers(void **state)
{
    header_is("Authorization: Bearer BQDsecret.token", "Authorization: Bearer ***");
    header_is("authorization:Basic c3BvdGM=", "authorization: Basic ***");
    header_is("Authorization: justatoken", "Authorization: ***");
    header_is("Cookie: a=b", "Cookie: ***");
    header_is("Accept: application/json", "Accept: application/json");
    header_is("X-Authorization-Hint: visible", "X-Authorization-Hint: visible");
    header_is("GET /v1/me HTTP/1.1", "GET /v1/me HTTP/1.1");
}

static void test_form_bodies(void **state)
{
    body_is("grant_type=refresh_token&refresh_token=AQDsecret&client_id=abc",
            "grant_type=refresh_token&refresh_token=***&client_id=abc");
    body_is("grant_type=authorization_code&code=AQBcode&redirect_uri=http%3A%2F%2F127.0.0.1"
            "&code_verifier=v3r1f13r&client_secret=s3cr3t",
            "grant_type=authorization_code&code=***&redirect_uri=http%3A%2F%2F127.0.0.1"
            "&code_verifier=***&client_secret=***");
    body_is("grant_type=client_credentials", "grant_type=client_credentials");
    body_is("country_code=SE&code", "country_code=SE&code");
}

static void test_json_bodies(void **state)
{
    body_is("{\"access_token\":\"BQDsecret\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
            "{\"access_token\":\"***\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    body_is("{ \"refresh_token\" :\n \"AQ\\\"D\" , \"scope\": \"a b\"}",
            "{ \"refresh_token\" :\n \"***\" , \"scope\": \"a b\"}");
    /* A secret name as a value, or a member that is not a string, stays. */
    body_is("{\"name\":\"access_token\",\"code\":5}", "{\"name\":\"access_token\",\"code\":5}");
    body_is("[{\"code\":\"x\"}]", "[{\"code\":\"***\"}]");
    /* Cut or broken JSON hides the rest rather than show a token. */
    body_is("{\"access_token\":\"BQDsec", "{\"access_token\":\"***\"");
    body_is("{\"access_token\"", "{\"access_token\"");
}

static int lines;
static char last[4096];
static void collect(const char *line, void *payload)
{
    lines++;
    snprintf(last, sizeof last, "%s", line);
    assert_null(strstr(line, "SECRET"));
    for (const char *p = line; *p; p++)
        assert_true((unsigned char)*p >= 0x20 || *p == '\t');
}

static void test_trace_block(void **state)
{
    const char hdrs[] = "POST /api/token HTTP/1.1\r\nHost: x\r\nAuthorization: Basic SECRET\r\n"
                        "\r\n";
    lines = 0;
    spotc__trace_block(collect, NULL, "> ", hdrs, sizeof hdrs - 1, SPOTC__TRACE_HEADER);
    assert_int_equal(lines, 3);
    assert_string_equal(last, "> Authorization: Basic ***");
    const char body[] = "{\"access_token\":\"SECRET\",\"x\":\"\x1b[2J\"}";
    lines = 0;
    spotc__trace_block(collect, NULL, "< ", body, sizeof body - 1, SPOTC__TRACE_BODY);
    assert_int_equal(lines, 1);
    assert_string_equal(last, "< {\"access_token\":\"***\",\"x\":\".[2J\"}");
    char big[SPOTC__TRACE_BODY_MAX * 3];
    memset(big, 'a', sizeof big);
    lines = 0;
    spotc__trace_block(collect, NULL, "< ", big, sizeof big, SPOTC__TRACE_BODY);
    assert_int_equal(lines, 2);
    assert_non_null(strstr(last, "more bytes"));
    spotc__trace_block(NULL, NULL, "< ", big, sizeof big, SPOTC__TRACE_BODY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headers),
        cmocka_unit_test(test_form_bodies),
        cmocka_unit_test(test_json_bodies),
        cmocka_unit_test(test_trace_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
