/*
 * The library's transport, tokens, retries and errors against a spotc-emulator
 * (one per test), driven through its control API: faults, clock, stats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "internal.h"
#include "send.h"
#include "token.h"

/* ------------------------------------------------------------ helpers */

static json_t *control(const emu *e, const char *method, const char *path, const char *body)
{
    char *out = NULL;
    int status = emu_http(e, method, path, NULL, body, &out);
    assert_int_equal(status, 200);
    json_t *j = json_loads(out, 0, NULL);
    free(out);
    assert_non_null(j);
    return j;
}

static void fault(const emu *e, const char *rules)
{
    json_decref(control(e, "POST", "/_emulator/faults", rules));
}

/* The sample track's id (caller frees). */
static char *sample_track(const emu *e)
{
    json_t *s = control(e, "GET", "/_emulator/sample", NULL);
    const char *id = json_string_value(json_object_get(s, "track"));
    assert_non_null(id);
    char *copy = strdup(id);
    json_decref(s);
    return copy;
}

/* Sum of the counts of every route whose key starts with `prefix`
 * ("GET /v1/tracks/") for one status, or for all when status is NULL. */
static long requests(const emu *e, const char *prefix, const char *status)
{
    json_t *st = control(e, "GET", "/_emulator/stats", NULL);
    json_t *routes = json_object_get(st, "requests");
    long n = 0;
    const char *key;
    json_t *counts;
    json_object_foreach(routes, key, counts)
    {
        if (strncmp(key, prefix, strlen(prefix)) != 0)
            continue;
        const char *k;
        json_t *v;
        json_object_foreach(counts, k, v)
        {
            if (!status || strcmp(k, status) == 0)
                n += (long)json_integer_value(v);
        }
    }
    json_decref(st);
    return n;
}

static long grants(const emu *e, const char *kind)
{
    json_t *st = control(e, "GET", "/_emulator/stats", NULL);
    long n = (long)json_integer_value(json_object_get(json_object_get(st, "grants"), kind));
    json_decref(st);
    return n;
}

static int get_track(spotc_client *c, const char *id)
{
    const spotc_param p[] = {{"id", id}};
    return spotc_operation_call(NULL, c, "get-track", p, 1, NULL);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!hay || !strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay ? hay : "(null)");
}

typedef struct fixture {
    emu e;
    char *track;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    emu_start(&f->e, NULL);
    f->track = sample_track(&f->e);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    emu_stop(&f->e);
    free(f->track);
    free(f);
    return 0;
}

/* ------------------------------------------------------------ tokens */

static void test_client_credentials_token_is_reused(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    for (int i = 0; i < 3; i++)
        assert_int_equal(get_track(c, f->track), 0);
    assert_int_equal(grants(&f->e, "client_credentials"), 1);
    assert_int_equal(spotc_client_last_error(c)->code, 0);
    spotc_client_free(c);
}

static void test_401_gets_a_new_token_and_replays_once(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    assert_int_equal(get_track(c, f->track), 0);
    /* The server's clock moves past the token's hour; ours does not, so the
     * library still believes its token and must learn from the 401. */
    json_decref(control(&f->e, "POST", "/_emulator/clock", "{\"advance\": 3700}"));
    assert_int_equal(get_track(c, f->track), 0);
    assert_int_equal(grants(&f->e, "client_credentials"), 2);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "401"), 1);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "200"), 2);
    spotc_client_free(c);
}

static void test_fixed_token_401_is_final(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = "not-a-token-the-emulator-gave";
    spotc_client *c = emu_client(&f->e, &o);
    assert_int_equal(get_track(c, f->track), SPOTC_EAUTH);
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->http_status, 401);
    assert_contains(e->message, "SPOTIFY_ACCESS_TOKEN");
    assert_contains(e->message, "cannot be renewed");
    assert_null(strstr(e->message, o.access_token));
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", NULL), 1);
    assert_int_equal(grants(&f->e, "client_credentials"), 0);
    spotc_client_free(c);
}

static void test_bad_secret_is_eauth_with_oauth_error(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.client_id = "spotc-demo";
    o.client_secret = "wrong-secret";
    spotc_client *c = emu_client(&f->e, &o);
    assert_int_equal(get_track(c, f->track), SPOTC_EAUTH);
    const spotc_error *e = spotc_client_last_error(c);
    assert_string_equal(e->oauth_error, "invalid_client");
    assert_string_equal(e->method, "POST");
    assert_string_equal(e->path, "/api/token");
    assert_contains(e->message, "token request refused");
    assert_null(strstr(e->message, "wrong-secret"));
    assert_int_equal(requests(&f->e, "GET /v1/", NULL), 0);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ errors */

static void test_not_found_has_spotify_message(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    assert_int_equal(get_track(c, "0000000000000000000000"), SPOTC_ENOTFOUND);
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->http_status, 404);
    assert_string_equal(e->method, "GET");
    assert_string_equal(e->path, "/v1/tracks/0000000000000000000000");
    assert_contains(e->message, "Spotify: ");
    assert_contains(e->message, "404");
    spotc_client_free(c);
}

static void test_malformed_json_only_when_parsed(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    assert_int_equal(get_track(c, f->track), 0); /* token first: the fault is for the track */
    fault(&f->e, "{\"rules\":[{\"path\":\"/v1/tracks/*\",\"fault\":\"malformed_json\"}]}");
    spotc_response *r = NULL;
    const spotc_param p[] = {{"id", f->track}};
    assert_int_equal(spotc_operation_call(&r, c, "get-track", p, 1, NULL), 0);
    assert_int_equal(spotc_response_get_status(r), 200);
    size_t len = 0;
    spotc_response_get_body(r, &len);
    assert_true(len > 0);
    assert_null(spotc_response_get_json(r));
    json_t *j = NULL;
    assert_int_equal(spotc__response_json_required(c, r, &j), SPOTC_EJSON);
    assert_contains(spotc_client_last_error(c)->message, "not valid JSON");
    spotc_response_free(r);
    /* A typed call needs the JSON: there it is SPOTC_EJSON. */
    fault(&f->e, "{\"rules\":[{\"path\":\"/v1/tracks/*\",\"fault\":\"malformed_json\"}]}");
    spotc_track *t = NULL;
    assert_int_equal(spotc_track_get(&t, c, f->track, NULL), SPOTC_EJSON);
    assert_null(t);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ rate limits */

static void test_429_retry_after_is_waited_out(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    fault(&f->e, "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\",\"fault\":"
                 "\"rate_limit\",\"retry_after\":1,\"times\":1}]}");
    assert_int_equal(get_track(c, f->track), 0);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "429"), 1);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "200"), 1);
    spotc_client_free(c);
}

static void test_429_over_the_cap_fails_fast(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL); /* default cap: 60 s */
    fault(&f->e, "{\"rules\":[{\"path\":\"/v1/tracks/*\",\"fault\":\"rate_limit\","
                 "\"retry_after\":120,\"times\":0}]}");
    assert_int_equal(get_track(c, f->track), SPOTC_ERATELIMIT);
    const spotc_error *e = spotc_client_last_error(c);
    assert_string_equal(e->message,
                        "rate limited: Spotify asked to wait 120 s, more than the 60 s cap");
    assert_int_equal(e->retry_after, 120);
    assert_int_equal(e->http_status, 429);
    assert_string_equal(e->method, "GET");
    char path[128];
    snprintf(path, sizeof path, "/v1/tracks/%s", f->track); /* no query, no host */
    assert_string_equal(e->path, path);
    spotc_client_free(c);
}

static void test_429_with_a_small_cap(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.max_rate_limit_wait = 2;
    spotc_client *c = emu_client(&f->e, &o);
    fault(&f->e, "{\"rules\":[{\"path\":\"/v1/tracks/*\",\"fault\":\"rate_limit\","
                 "\"retry_after\":5,\"times\":0}]}");
    assert_int_equal(get_track(c, f->track), SPOTC_ERATELIMIT);
    const spotc_error *e = spotc_client_last_error(c);
    assert_contains(e->message, "asked to wait 5 s, more than the 2 s cap");
    assert_int_equal(e->retry_after, 5);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "429"), 1); /* failed fast */
    spotc_client_free(c);
}

/* ------------------------------------------------------------ 5xx, resets */

static void test_503_retried_for_get(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    fault(&f->e, "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\",\"fault\":\"status\","
                 "\"status\":503,\"times\":2}]}");
    assert_int_equal(get_track(c, f->track), 0);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "503"), 2);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "200"), 1);
    spotc_client_free(c);
}

static void test_503_gives_up_after_max_retries(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.max_retries = 2;
    spotc_client *c = emu_client(&f->e, &o);
    fault(&f->e, "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\",\"fault\":\"status\","
                 "\"status\":503,\"times\":0}]}");
    assert_int_equal(get_track(c, f->track), SPOTC_EHTTP);
    assert_int_equal(spotc_client_last_error(c)->http_status, 503);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "503"), 3); /* 1 + 2 retries */
    spotc_client_free(c);
}

static void test_503_not_retried_for_post(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    /* The token request is a POST too: a 503 there is not replayed either. */
    fault(&f->e, "{\"rules\":[{\"method\":\"POST\",\"path\":\"/api/token\",\"fault\":\"status\","
                 "\"status\":503,\"times\":0}]}");
    assert_int_equal(get_track(c, f->track), SPOTC_EHTTP);
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->http_status, 503);
    assert_string_equal(e->method, "POST");
    assert_string_equal(e->path, "/api/token");
    assert_int_equal(requests(&f->e, "POST /api/token", NULL), 1);
    json_decref(control(&f->e, "DELETE", "/_emulator/faults", NULL));

    /* And a Web API POST. */
    assert_int_equal(get_track(c, f->track), 0);
    fault(&f->e, "{\"rules\":[{\"method\":\"POST\",\"path\":\"/v1/*\",\"fault\":\"status\","
                 "\"status\":503,\"times\":0}]}");
    int rc = spotc_request_send(NULL, c, "POST", "/me/playlists", NULL, 0, "{\"name\":\"x\"}");
    assert_int_equal(rc, SPOTC_EHTTP);
    assert_int_equal(spotc_client_last_error(c)->http_status, 503);
    assert_int_equal(requests(&f->e, "POST /v1/", NULL), 1);
    spotc_client_free(c);
}

static char *trace_text;
static void keep_trace(const char *line, void *payload)
{
    size_t old = trace_text ? strlen(trace_text) : 0;
    char *n = realloc(trace_text, old + strlen(line) + 2);
    assert_non_null(n);
    strcpy(n + old, line);
    strcat(n + old, "\n");
    trace_text = n;
}

static void test_reset_retried_for_get(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.trace = keep_trace;
    spotc_client *c = emu_client(&f->e, &o);
    /* Two resets: libcurl itself resends once on a reused connection that dies;
     * the second reset (on a new connection) is ours to retry. */
    fault(&f->e, "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\",\"fault\":\"reset\","
                 "\"times\":2}]}");
    assert_int_equal(get_track(c, f->track), 0);
    assert_contains(trace_text, "retrying in");
    free(trace_text);
    trace_text = NULL;
    spotc_client_free(c);
}

static void test_reset_not_retried_for_post(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    fault(&f->e, "{\"rules\":[{\"method\":\"POST\",\"path\":\"/api/token\",\"fault\":\"reset\","
                 "\"times\":1}]}");
    assert_int_equal(get_track(c, f->track), SPOTC_ENETWORK);
    const spotc_error *e = spotc_client_last_error(c);
    assert_contains(e->message, "not retried");
    assert_string_equal(e->path, "/api/token");
    /* The next call is a new request: it gets its token. */
    assert_int_equal(get_track(c, f->track), 0);
    assert_int_equal(grants(&f->e, "client_credentials"), 1);
    spotc_client_free(c);
}

static void test_timeout_retried_for_get_not_for_post(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.timeout_ms = 1500; /* generous: only the injected 5 s delay may hit it */
    spotc_client *c = emu_client(&f->e, &o);
    fault(&f->e, "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\",\"fault\":\"latency\","
                 "\"delay_ms\":5000,\"times\":1}]}");
    assert_int_equal(get_track(c, f->track), 0);
    spotc_client_free(c);

    c = emu_client(&f->e, &o);
    fault(&f->e, "{\"rules\":[{\"method\":\"POST\",\"path\":\"/api/token\",\"fault\":"
                 "\"latency\",\"delay_ms\":5000,\"times\":1}]}");
    assert_int_equal(get_track(c, f->track), SPOTC_ENETWORK);
    const spotc_error *e = spotc_client_last_error(c);
    assert_contains(e->message, "not retried");
    assert_int_equal(e->http_status, 0);
    assert_string_equal(e->path, "/api/token");
    spotc_client_free(c);
}

/* ------------------------------------------------------------ trace */

static void test_trace_is_redacted(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.trace = keep_trace;
    spotc_client *c = emu_client(&f->e, &o);
    assert_int_equal(get_track(c, f->track), 0);
    const char *tok = NULL;
    assert_int_equal(spotc__token_get(c, &tok), 0);
    assert_non_null(trace_text);
    assert_contains(trace_text, "> Authorization: Basic ***");
    assert_contains(trace_text, "> Authorization: Bearer ***");
    assert_contains(trace_text, "\"access_token\":\"***\"");
    assert_contains(trace_text, "> GET /v1/tracks/");
    assert_contains(trace_text, "< HTTP/1.1 200");
    assert_contains(trace_text, "User-Agent: spotc/" SPOTC_VERSION);
    assert_contains(trace_text, "Accept-Encoding: ");
    assert_null(strstr(trace_text, tok));
    assert_null(strstr(trace_text, "spotc-demo-secret"));
    assert_null(strstr(trace_text, "c3BvdGMtZGVtbzpzcG90Yy1kZW1vLXNlY3JldA")); /* id:secret */
    free(trace_text);
    trace_text = NULL;
    spotc_client_free(c);
}

static void test_connection_is_reused(void **state)
{
    fixture *f = *state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.trace = keep_trace;
    spotc_client *c = emu_client(&f->e, &o);
    for (int i = 0; i < 3; i++)
        assert_int_equal(get_track(c, f->track), 0);
    assert_contains(trace_text, "Re-using existing connection");
    free(trace_text);
    trace_text = NULL;
    spotc_client_free(c);
}

/* ------------------------------------------------------------ batches */

enum { NBATCH = 5, MISSING = 3 };

static void batch_of_tracks(const fixture *f, spotc__send_req *reqs, char urls[][256])
{
    for (int i = 0; i < NBATCH; i++) {
        snprintf(urls[i], sizeof urls[i], "%s/tracks/%s", f->e.api_base,
                 i == MISSING ? "0000000000000000000000" : f->track);
        spotc__send_req r = {.method = "GET", .url = urls[i], .bearer = 1};
        reqs[i] = r;
    }
}

static void test_batch_runs_all_and_reports_each(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    spotc__send_req reqs[NBATCH];
    char urls[NBATCH][256];
    batch_of_tracks(f, reqs, urls);
    fault(&f->e, "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\",\"fault\":\"status\","
                 "\"status\":503,\"times\":2}]}");
    spotc_response *outs[NBATCH];
    int rcs[NBATCH];
    assert_int_equal(spotc__send_batch(c, reqs, NBATCH, outs, rcs), SPOTC_ENOTFOUND);
    for (int i = 0; i < NBATCH; i++) {
        if (i == MISSING) {
            assert_int_equal(rcs[i], SPOTC_ENOTFOUND);
            assert_null(outs[i]);
        } else {
            assert_int_equal(rcs[i], 0);
            assert_int_equal(spotc_response_get_status(outs[i]), 200);
            spotc_response_free(outs[i]);
        }
    }
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->http_status, 404);
    assert_string_equal(e->path, "/v1/tracks/0000000000000000000000");
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "503"), 2);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "200"), NBATCH - 1);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "404"), 1);
    assert_int_equal(grants(&f->e, "client_credentials"), 1);
    spotc_client_free(c);
}

static void test_batch_renews_the_token_once(void **state)
{
    fixture *f = *state;
    spotc_client *c = emu_client(&f->e, NULL);
    assert_int_equal(get_track(c, f->track), 0);
    json_decref(control(&f->e, "POST", "/_emulator/clock", "{\"advance\": 3700}"));
    spotc__send_req reqs[NBATCH];
    char urls[NBATCH][256];
    batch_of_tracks(f, reqs, urls);
    int rcs[NBATCH];
    assert_int_equal(spotc__send_batch(c, reqs, NBATCH, NULL, rcs), SPOTC_ENOTFOUND);
    for (int i = 0; i < NBATCH; i++)
        assert_int_equal(rcs[i], i == MISSING ? SPOTC_ENOTFOUND : 0);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/", "401"), NBATCH);
    assert_int_equal(grants(&f->e, "client_credentials"), 2);
    spotc_client_free(c);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_client_credentials_token_is_reused),
        T(test_401_gets_a_new_token_and_replays_once),
        T(test_fixed_token_401_is_final),
        T(test_bad_secret_is_eauth_with_oauth_error),
        T(test_not_found_has_spotify_message),
        T(test_malformed_json_only_when_parsed),
        T(test_429_retry_after_is_waited_out),
        T(test_429_over_the_cap_fails_fast),
        T(test_429_with_a_small_cap),
        T(test_503_retried_for_get),
        T(test_503_gives_up_after_max_retries),
        T(test_503_not_retried_for_post),
        T(test_reset_retried_for_get),
        T(test_reset_not_retried_for_post),
        T(test_timeout_retried_for_get_not_for_post),
        T(test_trace_is_redacted),
        T(test_connection_is_reused),
        T(test_batch_runs_all_and_reports_each),
        T(test_batch_renews_the_token_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
