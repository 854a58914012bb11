/* The retry policy's decisions (pure: no clock, no network). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curl/curl.h>

#include "retry.h"

static const spotc__retry_policy policy = {3, 60};

static spotc__attempt http(const char *method, int status)
{
    spotc__attempt a = {.method = method, .http_status = status, .sent = 1, .retry_after = -1};
    return a;
}

static spotc__attempt net(const char *method, int curl_code, int sent)
{
    spotc__attempt a = {.method = method, .curl_code = curl_code, .sent = sent, .retry_after = -1};
    return a;
}

static void test_idempotent_methods(void **state)
{
    assert_true(spotc__retry_idempotent("GET"));
    assert_true(spotc__retry_idempotent("PUT"));
    assert_true(spotc__retry_idempotent("DELETE"));
    assert_false(spotc__retry_idempotent("POST"));
    assert_false(spotc__retry_idempotent("PATCH"));
    assert_false(spotc__retry_idempotent(NULL));
}

static void test_success_and_client_errors_stop(void **state)
{
    int statuses[] = {200, 201, 204, 400, 403, 404, 501, 505};
    for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++) {
        spotc__attempt a = http("GET", statuses[i]);
        assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_STOP);
    }
}

static void test_5xx_retried_for_idempotent_only(void **state)
{
    const char *yes[] = {"GET", "PUT", "DELETE"};
    for (size_t i = 0; i < 3; i++) {
        spotc__attempt a = http(yes[i], 503);
        spotc__retry_decision d = spotc__retry_decide(&policy, &a);
        assert_int_equal(d.action, SPOTC__RETRY_WAIT);
        assert_false(d.rate_limit);
        assert_in_range(d.delay_ms, SPOTC__RETRY_BASE_MS / 2, SPOTC__RETRY_BASE_MS);
    }
    spotc__attempt post = http("POST", 503);
    assert_int_equal(spotc__retry_decide(&policy, &post).action, SPOTC__RETRY_STOP);
    spotc__attempt bad_gw = http("GET", 502);
    assert_int_equal(spotc__retry_decide(&policy, &bad_gw).action, SPOTC__RETRY_WAIT);
}

static void test_5xx_at_most_max_retries(void **state)
{
    spotc__attempt a = http("GET", 500);
    for (a.retries = 0; a.retries < 3; a.retries++)
        assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_WAIT);
    assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_STOP);
    spotc__retry_policy none = {0, 60};
    a.retries = 0;
    assert_int_equal(spotc__retry_decide(&none, &a).action, SPOTC__RETRY_STOP);
}

static void test_network_errors(void **state)
{
    spotc__attempt reset_get = net("GET", CURLE_RECV_ERROR, 1);
    assert_int_equal(spotc__retry_decide(&policy, &reset_get).action, SPOTC__RETRY_WAIT);
    spotc__attempt nothing_put = net("PUT", CURLE_GOT_NOTHING, 1);
    assert_int_equal(spotc__retry_decide(&policy, &nothing_put).action, SPOTC__RETRY_WAIT);
    /* A POST that may have reached the server is never replayed ... */
    spotc__attempt reset_post = net("POST", CURLE_RECV_ERROR, 1);
    assert_int_equal(spotc__retry_decide(&policy, &reset_post).action, SPOTC__RETRY_STOP);
    spotc__attempt timeout_post = net("POST", CURLE_OPERATION_TIMEDOUT, 1);
    assert_int_equal(spotc__retry_decide(&policy, &timeout_post).action, SPOTC__RETRY_STOP);
    /* ... but one that never left (connect failed) is. */
    spotc__attempt refused_post = net("POST", CURLE_COULDNT_CONNECT, 0);
    assert_int_equal(spotc__retry_decide(&policy, &refused_post).action, SPOTC__RETRY_WAIT);
    spotc__attempt connect_timeout = net("POST", CURLE_OPERATION_TIMEDOUT, 0);
    assert_int_equal(spotc__retry_decide(&policy, &connect_timeout).action, SPOTC__RETRY_WAIT);
    /* Permanent failures are not retried, whatever the method. */
    spotc__attempt cert = net("GET", CURLE_PEER_FAILED_VERIFICATION, 0);
    assert_int_equal(spotc__retry_decide(&policy, &cert).action, SPOTC__RETRY_STOP);
    spotc__attempt too_big = net("GET", CURLE_WRITE_ERROR, 1);
    assert_int_equal(spotc__retry_decide(&policy, &too_big).action, SPOTC__RETRY_STOP);
    reset_get.retries = 3;
    assert_int_equal(spotc__retry_decide(&policy, &reset_get).action, SPOTC__RETRY_STOP);
}

static void test_net_classes(void **state)
{
    assert_true(spotc__retry_net_unsent(CURLE_COULDNT_CONNECT));
    assert_true(spotc__retry_net_unsent(CURLE_COULDNT_RESOLVE_HOST));
    assert_false(spotc__retry_net_unsent(CURLE_RECV_ERROR));
    assert_false(spotc__retry_net_unsent(CURLE_OPERATION_TIMEDOUT));
    assert_true(spotc__retry_net_transient(CURLE_PARTIAL_FILE));
    assert_false(spotc__retry_net_transient(CURLE_URL_MALFORMAT));
    assert_false(spotc__retry_net_transient(CURLE_OK));
}

static void test_429_waits_retry_after(void **state)
{
    const char *methods[] = {"GET", "POST"}; /* a refused request is safe to replay */
    for (size_t i = 0; i < 2; i++) {
        spotc__attempt a = http(methods[i], 429);
        a.retry_after = 1;
        spotc__retry_decision d = spotc__retry_decide(&policy, &a);
        assert_int_equal(d.action, SPOTC__RETRY_WAIT);
        assert_int_equal(d.delay_ms, 1000);
        assert_true(d.rate_limit);
    }
}

static void test_429_over_cap_fails_fast(void **state)
{
    spotc__attempt a = http("GET", 429);
    a.retry_after = 120;
    spotc__retry_decision d = spotc__retry_decide(&policy, &a);
    assert_int_equal(d.action, SPOTC__RETRY_RATE_CAP);
    assert_int_equal(d.asked_s, 120);
    /* The cap is on the total: 59.5 s waited already, 1 s more is too much. */
    a.retry_after = 1;
    a.rate_waited_ms = 59500;
    assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_RATE_CAP);
    a.rate_waited_ms = 59000;
    assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_WAIT);
    spotc__retry_policy no_wait = {3, 0};
    a.rate_waited_ms = 0;
    assert_int_equal(spotc__retry_decide(&no_wait, &a).action, SPOTC__RETRY_RATE_CAP);
    /* Retry-After: 0 cannot loop for ever. */
    a.retry_after = 0;
    a.rate_retries = SPOTC__RATE_MAX_TRIES;
    d = spotc__retry_decide(&policy, &a);
    assert_int_equal(d.action, SPOTC__RETRY_RATE_CAP);
    /* ... and says it stopped for the count, not the cap (32 tries of 1 s were
     * reported as "more than the 60 s cap" after 32 s). */
    assert_true(d.out_of_tries);
    a.rate_retries = 0;
    a.retry_after = 120;
    assert_false(spotc__retry_decide(&policy, &a).out_of_tries);
}

static void test_429_without_retry_after_backs_off(void **state)
{
    spotc__attempt a = http("GET", 429);
    spotc__retry_decision d = spotc__retry_decide(&policy, &a);
    assert_int_equal(d.action, SPOTC__RETRY_WAIT);
    assert_in_range(d.delay_ms, SPOTC__RATE_BASE_MS / 2, SPOTC__RATE_BASE_MS);
    a.rate_retries = 2;
    d = spotc__retry_decide(&policy, &a);
    assert_in_range(d.delay_ms, 2 * SPOTC__RATE_BASE_MS, 4 * SPOTC__RATE_BASE_MS);
    a.rate_waited_ms = 58500;
    d = spotc__retry_decide(&policy, &a);
    assert_int_equal(d.action, SPOTC__RETRY_RATE_CAP);
    assert_int_equal(d.asked_s, -1);
}

static void test_401_renews_once(void **state)
{
    spotc__attempt a = http("GET", 401);
    a.can_renew = 1;
    assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_RENEW);
    a.renewed = 1;
    assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_STOP);
    a.renewed = 0;
    a.can_renew = 0; /* a fixed SPOTIFY_ACCESS_TOKEN */
    assert_int_equal(spotc__retry_decide(&policy, &a).action, SPOTC__RETRY_STOP);
    spotc__attempt post = http("POST", 401); /* refused before acting: replay is safe */
    post.can_renew = 1;
    assert_int_equal(spotc__retry_decide(&policy, &post).action, SPOTC__RETRY_RENEW);
}

static void test_backoff_grows_with_jitter_and_cap(void **state)
{
    assert_int_equal(spotc__retry_backoff_ms(250, 8000, 0, 0), 125);
    assert_int_equal(spotc__retry_backoff_ms(250, 8000, 0, 125), 250);
    assert_int_equal(spotc__retry_backoff_ms(250, 8000, 2, 0), 500);
    assert_int_equal(spotc__retry_backoff_ms(250, 8000, 10, 0), 4000);
    assert_int_equal(spotc__retry_backoff_ms(250, 8000, 1000, 4000), 8000);
    for (uint32_t r = 0; r < 2000; r += 7)
        assert_in_range(spotc__retry_backoff_ms(250, 8000, 3, r * 2654435761u), 1000, 2000);
    /* Different random bits give different waits: it is jittered. */
    assert_int_not_equal(spotc__retry_backoff_ms(250, 8000, 3, 1),
                         spotc__retry_backoff_ms(250, 8000, 3, 500));
}

static void test_retry_after_parse(void **state)
{
    assert_int_equal(spotc__retry_after_parse("1", 0), 1);
    assert_int_equal(spotc__retry_after_parse(" 120 ", 0), 120);
    assert_int_equal(spotc__retry_after_parse("0", 0), 0);
    assert_int_equal(spotc__retry_after_parse("", 0), -1);
    assert_int_equal(spotc__retry_after_parse("soon", 0), -1);
    assert_int_equal(spotc__retry_after_parse("1.5", 0), -1);
    assert_int_equal(spotc__retry_after_parse("-3", 0), -1);
    assert_int_equal(spotc__retry_after_parse(NULL, 0), -1);
    int huge = spotc__retry_after_parse("99999999999999999999999", 0);
    assert_true(huge > 1000000 && (long)huge * 1000 > 0); /* clamped, no overflow */
    const time_t date = 1445412480;                       /* Wed, 21 Oct 2015 07:28:00 GMT */
    assert_int_equal(spotc__retry_after_parse("Wed, 21 Oct 2015 07:28:00 GMT", date - 30), 30);
    assert_int_equal(spotc__retry_after_parse("Wed, 21 Oct 2015 07:28:00 GMT", date + 30), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_idempotent_methods),
        cmocka_unit_test(test_success_and_client_errors_stop),
        cmocka_unit_test(test_5xx_retried_for_idempotent_only),
        cmocka_unit_test(test_5xx_at_most_max_retries),
        cmocka_unit_test(test_network_errors),
        cmocka_unit_test(test_net_classes),
        cmocka_unit_test(test_429_waits_retry_after),
        cmocka_unit_test(test_429_over_cap_fails_fast),
        cmocka_unit_test(test_429_without_retry_after_backs_off),
        cmocka_unit_test(test_401_renews_once),
        cmocka_unit_test(test_backoff_grows_with_jitter_and_cap),
        cmocka_unit_test(test_retry_after_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
