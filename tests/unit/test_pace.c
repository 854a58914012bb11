/*
 * The client's pace (src/lib/http/pace.h) without a network: adaptive
 * concurrency (start, grow by one after a calm round, halve after a 429,
 * never past the ceiling) and the Retry-After pause that every later round of
 * the client waits out, within the client's cap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <spotc.h>

#include "client_priv.h"
#include "pace.h"

static spotc_client *client_with_cap(int cap)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.max_rate_limit_wait = cap;
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    return c;
}

static void test_grow_and_halve(void **state)
{
    (void)state;
    spotc_client *c = client_with_cap(60);
    /* Before any round: the start, within the ceiling. */
    assert_int_equal(spotc__pace_round(c, 16, SPOTC__PACE_START), 4);
    assert_int_equal(spotc__pace_round(c, 2, SPOTC__PACE_START), 2);
    assert_int_equal(spotc__pace_round(c, 0, SPOTC__PACE_START), 1);
    /* Calm rounds: one more each time, up to the maximum. */
    size_t n = 4;
    for (int i = 0; i < 20; i++) {
        unsigned long mark = spotc__pace_mark(c);
        spotc__pace_settle(c, mark, n);
        n = spotc__pace_round(c, 16, SPOTC__PACE_START);
    }
    assert_int_equal(n, SPOTC__PACE_MAX);
    /* A 429 in a round of 16 halves it, and the next halves again. */
    unsigned long mark = spotc__pace_mark(c);
    spotc__pace_limited(c, 0);
    spotc__pace_settle(c, mark, 16);
    assert_int_equal(spotc__pace_round(c, 16, SPOTC__PACE_START), 8);
    mark = spotc__pace_mark(c);
    spotc__pace_limited(c, 0);
    spotc__pace_limited(c, 0); /* several 429s in one round halve once */
    spotc__pace_settle(c, mark, 8);
    assert_int_equal(spotc__pace_round(c, 16, SPOTC__PACE_START), 4);
    /* Never below one; the ceiling still bounds it. */
    for (int i = 0; i < 5; i++) {
        mark = spotc__pace_mark(c);
        spotc__pace_limited(c, 0);
        spotc__pace_settle(c, mark, spotc__pace_round(c, 16, 4));
    }
    assert_int_equal(spotc__pace_round(c, 16, SPOTC__PACE_START), 1);
    mark = spotc__pace_mark(c);
    spotc__pace_settle(c, mark, 1);
    assert_int_equal(spotc__pace_round(c, 16, SPOTC__PACE_START), 2);
    assert_int_equal(spotc__pace_round(c, 1, SPOTC__PACE_START), 1);
    spotc_client_free(c);
}

static void test_retry_after_pauses_the_client(void **state)
{
    (void)state;
    spotc_client *c = client_with_cap(60);
    int64_t t0 = spotc__pace_now_ms();
    spotc__pace_wait(c); /* no pause yet */
    assert_true(spotc__pace_now_ms() - t0 < 100);
    spotc__pace_limited(c, 300);
    t0 = spotc__pace_now_ms();
    spotc__pace_wait(c);
    assert_true(spotc__pace_now_ms() - t0 >= 250);
    t0 = spotc__pace_now_ms();
    spotc__pace_wait(c); /* over now */
    assert_true(spotc__pace_now_ms() - t0 < 100);
    spotc_client_free(c);
    /* A pause longer than the cap is not waited here (the retry policy fails fast). */
    c = client_with_cap(1);
    spotc__pace_limited(c, 5000);
    t0 = spotc__pace_now_ms();
    spotc__pace_wait(c);
    assert_true(spotc__pace_now_ms() - t0 < 100);
    spotc_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_and_halve),
        cmocka_unit_test(test_retry_after_pauses_the_client),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
