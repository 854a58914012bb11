/* PKCE (RFC 7636) and state generation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <spotc.h>

static int unreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

static void rfc7636_appendix_b(void **state)
{
    (void)state;
    char challenge[SPOTC_PKCE_CHALLENGE_LEN + 1];
    assert_int_equal(
        spotc_pkce_compute_challenge(challenge, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), 0);
    assert_string_equal(challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void challenge_refuses_bad_verifiers(void **state)
{
    (void)state;
    char c[SPOTC_PKCE_CHALLENGE_LEN + 1];
    char v[SPOTC_PKCE_VERIFIER_MAX + 2];
    memset(v, 'a', sizeof v - 1);
    v[sizeof v - 1] = '\0';
    assert_int_equal(spotc_pkce_compute_challenge(c, v), SPOTC_EINVALID); /* 129 */
    v[SPOTC_PKCE_VERIFIER_MAX] = '\0';
    assert_int_equal(spotc_pkce_compute_challenge(c, v), 0); /* 128 */
    v[SPOTC_PKCE_VERIFIER_MIN] = '\0';
    assert_int_equal(spotc_pkce_compute_challenge(c, v), 0); /* 43 */
    v[SPOTC_PKCE_VERIFIER_MIN - 1] = '\0';
    assert_int_equal(spotc_pkce_compute_challenge(c, v), SPOTC_EINVALID); /* 42 */
    strcpy(v, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+");
    assert_int_equal(spotc_pkce_compute_challenge(c, v), SPOTC_EINVALID);
    strcpy(v, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEj~.");
    assert_int_equal(spotc_pkce_compute_challenge(c, v), 0);
    assert_int_equal(spotc_pkce_compute_challenge(c, NULL), SPOTC_EINVALID);
}

static void check_pair(const spotc_pkce *p, size_t len)
{
    assert_int_equal(strlen(p->verifier), len);
    for (size_t i = 0; i < len; i++)
        assert_true(unreserved(p->verifier[i]));
    char c[SPOTC_PKCE_CHALLENGE_LEN + 1];
    assert_int_equal(spotc_pkce_compute_challenge(c, p->verifier), 0);
    assert_string_equal(c, p->challenge);
    assert_int_equal(strlen(p->challenge), SPOTC_PKCE_CHALLENGE_LEN);
    assert_null(strchr(p->challenge, '='));
}

static void generate_lengths_and_charset(void **state)
{
    (void)state;
    spotc_pkce p;
    assert_int_equal(spotc_pkce_generate(&p, 0), 0);
    check_pair(&p, SPOTC_PKCE_VERIFIER_DEFAULT);
    assert_int_equal(spotc_pkce_generate(&p, 43), 0);
    check_pair(&p, 43);
    assert_int_equal(spotc_pkce_generate(&p, 128), 0);
    check_pair(&p, 128);
    assert_int_equal(spotc_pkce_generate(&p, 42), SPOTC_EINVALID);
    assert_int_equal(spotc_pkce_generate(&p, 129), SPOTC_EINVALID);
    assert_int_equal(spotc_pkce_generate(NULL, 64), SPOTC_EINVALID);
    spotc_pkce_clear(&p);
    assert_int_equal(p.verifier[0], '\0');
    spotc_pkce_clear(NULL);
}

static void generate_differs_each_time(void **state)
{
    (void)state;
    spotc_pkce a, b;
    assert_int_equal(spotc_pkce_generate(&a, 0), 0);
    assert_int_equal(spotc_pkce_generate(&b, 0), 0);
    assert_string_not_equal(a.verifier, b.verifier);
    assert_string_not_equal(a.challenge, b.challenge);
}

static void state_random_and_url_safe(void **state)
{
    (void)state;
    char seen[64][SPOTC_STATE_LEN + 1];
    for (int i = 0; i < 64; i++) {
        assert_int_equal(spotc_auth_generate_state(seen[i]), 0);
        assert_int_equal(strlen(seen[i]), SPOTC_STATE_LEN);
        for (const char *p = seen[i]; *p; p++)
            assert_true(unreserved(*p) && *p != '.' && *p != '~');
        for (int j = 0; j < i; j++)
            assert_string_not_equal(seen[i], seen[j]);
    }
    /* Every base64url character should turn up in 64 * 32 draws; a stuck or
     * narrow generator would not manage it. */
    int hits[128] = {0};
    for (int i = 0; i < 64; i++)
        for (const char *p = seen[i]; *p; p++)
            hits[(unsigned char)*p]++;
    int distinct = 0;
    for (int i = 0; i < 128; i++)
        distinct += hits[i] > 0;
    assert_true(distinct >= 60);
    assert_int_equal(spotc_auth_generate_state(NULL), SPOTC_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc7636_appendix_b),
        cmocka_unit_test(challenge_refuses_bad_verifiers),
        cmocka_unit_test(generate_lengths_and_charset),
        cmocka_unit_test(generate_differs_each_time),
        cmocka_unit_test(state_random_and_url_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
