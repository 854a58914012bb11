/*
 * Batching of ID lists without a network: chunk boundaries, order, and the
 * error that names the failed chunk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "batch_engine.h"
#include "internal.h"

typedef struct recorder {
    spotc_client *client;
    char joined[8][512];
    size_t first[8], count[8];
    size_t calls;
    size_t fail_at; /* 1-based call that fails; 0: none */
    int fail_code;
} recorder;

static int record(void *ctx, const char *joined, size_t first, size_t count)
{
    recorder *r = ctx;
    size_t k = r->calls++;
    if (k < 8) {
        snprintf(r->joined[k], sizeof r->joined[k], "%s", joined);
        r->first[k] = first;
        r->count[k] = count;
    }
    if (r->fail_at && r->calls == r->fail_at)
        return spotc__error_set_http(r->client, r->fail_code, 502, "SOME_REASON", NULL, 7,
                                     "Spotify said no");
    return 0;
}

static spotc_client *client_new(void)
{
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, NULL), 0);
    return c;
}

static const char *ids[] = {"a", "b", "c", "d", "e", "f", "g"};

static void test_chunks_in_order(void **state)
{
    (void)state;
    recorder r = {.client = client_new()};
    assert_int_equal(spotc__batch_run(r.client, ids, 7, 3, record, &r), 0);
    assert_int_equal(r.calls, 3);
    assert_string_equal(r.joined[0], "a,b,c");
    assert_string_equal(r.joined[1], "d,e,f");
    assert_string_equal(r.joined[2], "g");
    assert_int_equal(r.first[1], 3);
    assert_int_equal(r.count[1], 3);
    assert_int_equal(r.first[2], 6);
    assert_int_equal(r.count[2], 1);
    spotc_client_free(r.client);
}

static void test_boundaries(void **state)
{
    (void)state;
    struct {
        size_t count, max, calls;
    } cases[] = {{0, 50, 0}, {1, 50, 1}, {7, 7, 1}, {7, 1, 7}, {7, 6, 2}, {6, 3, 2}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        recorder r = {.client = client_new()};
        assert_int_equal(spotc__batch_run(r.client, ids, cases[i].count, cases[i].max, record, &r),
                         0);
        assert_int_equal(r.calls, cases[i].calls);
        assert_int_equal(spotc__batch_chunks(cases[i].count, cases[i].max), cases[i].calls);
        spotc_client_free(r.client);
    }
    assert_int_equal(spotc__batch_chunks(120, 50), 3);
    assert_int_equal(spotc__batch_chunks(100, 50), 2);
    assert_int_equal(spotc__batch_chunks(5, 0), 0);
}

static void test_later_chunk_fails(void **state)
{
    (void)state;
    recorder r = {.client = client_new(), .fail_at = 2, .fail_code = SPOTC_EHTTP};
    assert_int_equal(spotc__batch_run(r.client, ids, 7, 3, record, &r), SPOTC_EPARTIAL);
    assert_int_equal(r.calls, 2); /* nothing after the failure */
    const spotc_error *e = spotc_client_last_error(r.client);
    assert_int_equal(e->code, SPOTC_EPARTIAL);
    assert_string_equal(e->message, "chunk 2 of 3 (ids 4-6) failed: Spotify said no");
    assert_int_equal(e->http_status, 502);
    assert_string_equal(e->reason, "SOME_REASON");
    assert_int_equal(e->retry_after, 7);
    spotc_client_free(r.client);
}

static void test_first_chunk_fails(void **state)
{
    (void)state;
    recorder r = {.client = client_new(), .fail_at = 1, .fail_code = SPOTC_ENOTFOUND};
    assert_int_equal(spotc__batch_run(r.client, ids, 7, 3, record, &r), SPOTC_ENOTFOUND);
    assert_int_equal(r.calls, 1);
    assert_string_equal(spotc_client_last_error(r.client)->message,
                        "chunk 1 of 3 (ids 1-3) failed: Spotify said no");
    spotc_client_free(r.client);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    recorder r = {.client = client_new()};
    const char *holes[] = {"a", NULL, "c"};
    assert_int_equal(spotc__batch_run(r.client, holes, 3, 2, record, &r), SPOTC_EINVALID);
    assert_int_equal(spotc__batch_run(r.client, ids, 3, 0, record, &r), SPOTC_EINVALID);
    assert_int_equal(spotc__batch_run(r.client, NULL, 3, 2, record, &r), SPOTC_EINVALID);
    assert_int_equal(spotc__batch_run(r.client, ids, 3, 2, NULL, &r), SPOTC_EINVALID);
    assert_int_equal(r.calls, 0);
    spotc_client_free(r.client);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chunks_in_order),   cmocka_unit_test(test_boundaries),
        cmocka_unit_test(test_later_chunk_fails), cmocka_unit_test(test_first_chunk_fails),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
