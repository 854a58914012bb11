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
#include <stdlib.h>
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

static void test_stamps_slide(void **state)
{
    (void)state;
    spotc__stamps s = {0};
    for (int64_t t = 0; t < 200; t++) /* past the first allocation: the ring grows in order */
        spotc__stamps_add(&s, t * 10, 1000);
    assert_int_equal(spotc__stamps_count(&s, 1990, 1000), 100); /* (990, 1990] */
    assert_int_equal(spotc__stamps_count(&s, 2989, 1000), 1);
    assert_int_equal(spotc__stamps_count(&s, 2990, 1000), 0);
    spotc__stamps_add(&s, 3000, 1000);
    assert_int_equal(spotc__stamps_count(&s, 3000, 1000), 1);
    free(s.t);
}

static void test_budget_learnt_at_the_first_429(void **state)
{
    (void)state;
    spotc__pace p;
    spotc__pace_init(&p);
    const int64_t span = SPOTC__PACE_WINDOW_MS + SPOTC__PACE_MARGIN_MS;
    const int64_t n = SPOTC__PACE_BUDGET_MIN + 2;
    for (int64_t t = 0; t < n; t++) {
        spotc__pace_sent_at(&p, t * 10);
        assert_int_equal(spotc__pace_budget_wait_at(&p, t * 10),
                         0); /* nothing learnt: never waits */
        spotc__pace_admitted_at(&p, t * 10 + 5);
    }
    spotc__pace_sent_at(&p, n * 10);
    spotc__pace_learn_at(&p, n * 10 + 10); /* its 429: n were admitted */
    assert_int_equal(p.budget, n);
    /* n + 1 sent in the span: the budget fits again when the two oldest have left it. */
    assert_int_equal(spotc__pace_budget_wait_at(&p, 1000), 10 + span - 1000);
    assert_int_equal(spotc__pace_budget_wait_at(&p, 10 + span), 0);
    /* A later 429 with fewer admitted lowers it, by at most an eighth. */
    p.budget = 100;
    spotc__pace_learn_at(&p, 50);
    assert_int_equal(p.budget, 88);
    spotc__pace_learn_at(&p, 60);
    assert_int_equal(p.budget, 77);
    spotc__pace_learn_at(&p, 70 + SPOTC__PACE_WINDOW_MS); /* none admitted lately */
    assert_int_equal(p.budget, 68);
    spotc__pace_free(&p);
}

/* A 429 after the client sent almost nothing (another process spent the app's budget)
 * does not throttle it to that trickle, and a budget not confirmed by a 429 for a long
 * time is forgotten. */
static void test_budget_floor_and_expiry(void **state)
{
    (void)state;
    spotc__pace p;
    spotc__pace_init(&p);
    spotc__pace_sent_at(&p, 0);
    spotc__pace_admitted_at(&p, 5);
    spotc__pace_learn_at(&p, 10); /* one admitted */
    assert_int_equal(p.budget, SPOTC__PACE_BUDGET_MIN);
    spotc__pace_learn_at(&p, 20); /* and lowering stops at the floor */
    assert_int_equal(p.budget, SPOTC__PACE_BUDGET_MIN);
    for (int i = 0; i < SPOTC__PACE_BUDGET_MIN; i++)
        spotc__pace_sent_at(&p, 30 + i);
    assert_true(spotc__pace_budget_wait_at(&p, 100) > 0);
    /* Long after the last 429 the budget is gone, and nothing waits. */
    int64_t later = 20 + SPOTC__PACE_BUDGET_TTL_MS + 1;
    for (int i = 0; i < SPOTC__PACE_BUDGET_MIN; i++)
        spotc__pace_sent_at(&p, later - 5 + i);
    assert_int_equal(spotc__pace_budget_wait_at(&p, later + 10), 0);
    assert_int_equal(p.budget, 0);
    spotc__pace_free(&p);
}

/* A simulated server window of `rate` requests a 30 s and a client with `k` requests in
 * flight that paces with the budget, on a virtual clock: the only 429s are those of the
 * requests in flight when the window first filled, and the time stays close to N / rate. */
typedef struct sim {
    spotc__stamps server; /* admitted arrivals */
    unsigned rate;
    int64_t pause_until;
} sim;

/* @return 0 when admitted, else the Retry-After in ms (rounded up to seconds, as Spotify). */
static int64_t sim_admit(sim *s, int64_t at)
{
    size_t n = spotc__stamps_count(&s->server, at, SPOTC__PACE_WINDOW_MS);
    if (n < s->rate) {
        spotc__stamps_add(&s->server, at, SPOTC__PACE_WINDOW_MS);
        return 0;
    }
    int64_t left = s->server.t[s->server.head] + SPOTC__PACE_WINDOW_MS - at;
    return (left + 999) / 1000 * 1000;
}

static void test_no_429_storm_after_the_first(void **state)
{
    (void)state;
    enum { K = 8, N = 1000, RATE = 150, LATENCY = 20 };
    sim s = {.rate = RATE};
    spotc__pace p;
    spotc__pace_init(&p);
    int64_t ready[K] = {0}, answer[K]; /* answer: -1 none, 0 admitted, else a Retry-After */
    for (int i = 0; i < K; i++)
        answer[i] = -1;
    int admitted = 0, limited = 0;
    int64_t t = 0;
    while (admitted < N) {
        int i = 0;
        for (int j = 1; j < K; j++)
            i = ready[j] < ready[i] ? j : i;
        t = ready[i];
        if (answer[i] == 0) {
            spotc__pace_admitted_at(&p, t);
            admitted++;
        } else if (answer[i] > 0) {
            spotc__pace_learn_at(&p, t);
            s.pause_until = t + answer[i] > s.pause_until ? t + answer[i] : s.pause_until;
        }
        answer[i] = -1;
        int64_t wait = spotc__pace_budget_wait_at(&p, t);
        if (s.pause_until > t || wait > 0) {
            ready[i] = s.pause_until > t + wait ? s.pause_until : t + wait;
            continue;
        }
        spotc__pace_sent_at(&p, t);
        answer[i] = sim_admit(&s, t + LATENCY / 2);
        limited += answer[i] > 0;
        ready[i] = t + LATENCY;
    }
    assert_true(limited <= K);
    assert_int_equal(p.budget, RATE);
    /* The least the window allows is 6 windows; the margin costs a little more. */
    int64_t least = (N - 1) / RATE * SPOTC__PACE_WINDOW_MS;
    assert_true(t >= least);
    assert_true(t < least + 8 * SPOTC__PACE_MARGIN_MS + SPOTC__PACE_WINDOW_MS / 10);
    free(s.server.t);
    spotc__pace_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_and_halve),
        cmocka_unit_test(test_retry_after_pauses_the_client),
        cmocka_unit_test(test_stamps_slide),
        cmocka_unit_test(test_budget_learnt_at_the_first_429),
        cmocka_unit_test(test_budget_floor_and_expiry),
        cmocka_unit_test(test_no_429_storm_after_the_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
