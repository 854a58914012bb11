/*
 * Concurrent writers to one playlist of a spotc-emulator: threads add, insert at the front
 * and remove at the same time while a reader pages through the items. Afterwards every
 * item added is there exactly as often as it was added (none lost, none doubled), every
 * change got a snapshot_id of its own, and no reader ever saw half of a change (each
 * request adds PER_ADD items or removes a multiple of them, so a total always divides).
 *
 * Worker threads do not call cmocka's asserts (they are not thread-safe); they record what
 * they saw and the main thread checks it.
 */
#include "harness.h"

#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WRITERS 6
#define ROUNDS 20
#define PER_ADD 40 /* items per request: long enough changes to overlap */
#define MAX_SNAPSHOTS (WRITERS * (ROUNDS + 1) + 8)

typedef struct shared {
    emu e;
    char auth[300];
    char playlist[32];
    char uris[WRITERS][64];
} shared;

typedef struct worker {
    const shared *sh;
    int id;
    int remover; /* removes its own items at the end instead of adding more */
    int adds;    /* successful requests adding two items */
    int failures;
    char snapshots[ROUNDS + 1][40];
    int nsnapshots;
} worker;

typedef struct reader {
    const shared *sh;
    volatile int *stop;
    int reads, odd_totals, failures;
} reader;

static json_t *call_json(const shared *sh, const char *method, const char *path, const char *body,
                         int *status)
{
    char *out = NULL;
    *status = emu_http(&sh->e, method, path, sh->auth, body, &out);
    json_error_t je;
    json_t *j = out && *out ? json_loads(out, 0, &je) : NULL;
    free(out);
    return j;
}

static void keep_snapshot(worker *w, json_t *j)
{
    const char *s = json_string_value(json_object_get(j, "snapshot_id"));
    if (s && w->nsnapshots <= ROUNDS)
        snprintf(w->snapshots[w->nsnapshots++], sizeof w->snapshots[0], "%s", s);
}

static void *write_loop(void *arg)
{
    worker *w = arg;
    const shared *sh = w->sh;
    char path[256], body[4096];
    int status;
    for (int r = 0; r < ROUNDS; r++) {
        /* half the requests append, half insert at the front */
        snprintf(path, sizeof path, "/v1/playlists/%s/items", sh->playlist);
        size_t n = (size_t)snprintf(body, sizeof body, "{\"uris\":[");
        for (int k = 0; k < PER_ADD; k++)
            n += (size_t)snprintf(body + n, sizeof body - n, "%s\"%s\"", k ? "," : "",
                                  sh->uris[w->id]);
        snprintf(body + n, sizeof body - n, "]%s}", (r + w->id) % 2 ? ",\"position\":0" : "");
        json_t *j = call_json(sh, "POST", path, body, &status);
        if (status == 201) {
            w->adds++;
            keep_snapshot(w, j);
        } else {
            w->failures++;
        }
        json_decref(j);
    }
    if (w->remover) {
        snprintf(path, sizeof path, "/v1/playlists/%s/items", sh->playlist);
        snprintf(body, sizeof body, "{\"items\":[{\"uri\":\"%s\"}]}", sh->uris[w->id]);
        json_t *j = call_json(sh, "DELETE", path, body, &status);
        if (status == 200)
            keep_snapshot(w, j);
        else
            w->failures++;
        json_decref(j);
    }
    return NULL;
}

static void *read_loop(void *arg)
{
    reader *rd = arg;
    char path[256];
    snprintf(path, sizeof path, "/v1/playlists/%s/items?limit=50&fields=total", rd->sh->playlist);
    while (!*rd->stop) {
        int status;
        json_t *j = call_json(rd->sh, "GET", path, NULL, &status);
        json_t *total = json_object_get(j, "total");
        if (status != 200 || !json_is_integer(total))
            rd->failures++;
        else if (json_integer_value(total) % PER_ADD)
            rd->odd_totals++;
        rd->reads++;
        json_decref(j);
    }
    return NULL;
}

/* A user token with every playlist scope, into sh->auth as a header line. */
static void login(shared *sh)
{
    char *out = NULL;
    int st = emu_http(&sh->e, "POST", "/_emulator/token", NULL,
                      "{\"user\":\"demo\",\"scope\":\"playlist-modify-public "
                      "playlist-modify-private playlist-read-private\"}",
                      &out);
    assert_int_equal(st, 200);
    json_t *j = json_loads(out, 0, NULL);
    assert_non_null(j);
    snprintf(sh->auth, sizeof sh->auth, "Authorization: Bearer %s",
             json_string_value(json_object_get(j, "access_token")));
    json_decref(j);
    free(out);
}

/* Distinct track URIs (one per writer) from the sample album, and an empty playlist. */
static void prepare(shared *sh)
{
    int st;
    json_t *sample = call_json(sh, "GET", "/_emulator/sample", NULL, &st);
    assert_int_equal(st, 200);
    char path[128];
    snprintf(path, sizeof path, "/v1/albums/%s/tracks?limit=%d",
             json_string_value(json_object_get(sample, "album")), WRITERS);
    json_decref(sample);
    json_t *tracks = call_json(sh, "GET", path, NULL, &st);
    assert_int_equal(st, 200);
    json_t *items = json_object_get(tracks, "items");
    assert_int_equal(json_array_size(items), WRITERS);
    for (int i = 0; i < WRITERS; i++)
        snprintf(sh->uris[i], sizeof sh->uris[i], "%s",
                 json_string_value(json_object_get(json_array_get(items, (size_t)i), "uri")));
    json_decref(tracks);
    json_t *pl = call_json(sh, "POST", "/v1/me/playlists", "{\"name\":\"Many hands\"}", &st);
    assert_int_equal(st, 201);
    snprintf(sh->playlist, sizeof sh->playlist, "%s", json_string_value(json_object_get(pl, "id")));
    json_decref(pl);
}

/* Count every item of the playlist per writer URI, paging to the end. */
static long count_items(const shared *sh, long counts[WRITERS])
{
    long total = -1, seen = 0;
    for (long offset = 0; total < 0 || offset < total; offset += 50) {
        char path[160];
        int st;
        snprintf(path, sizeof path, "/v1/playlists/%s/items?offset=%ld&limit=50", sh->playlist,
                 offset);
        json_t *page = call_json(sh, "GET", path, NULL, &st);
        assert_int_equal(st, 200);
        total = (long)json_integer_value(json_object_get(page, "total"));
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(page, "items"), i, it)
        {
            const char *uri =
                json_string_value(json_object_get(json_object_get(it, "item"), "uri"));
            for (int w = 0; uri && w < WRITERS; w++)
                counts[w] += strcmp(uri, sh->uris[w]) == 0;
            seen++;
        }
        json_decref(page);
        if (total == 0)
            break;
    }
    assert_int_equal(seen, total);
    return total;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_concurrent_writers(void **state)
{
    (void)state;
    shared sh = {0};
    const char *args[] = {"--threads", "8", NULL};
    emu_startv(&sh.e, args);
    login(&sh);
    prepare(&sh);

    worker w[WRITERS] = {0};
    pthread_t tw[WRITERS], tr;
    volatile int stop = 0;
    reader rd = {.sh = &sh, .stop = &stop};
    assert_int_equal(pthread_create(&tr, NULL, read_loop, &rd), 0);
    for (int i = 0; i < WRITERS; i++) {
        w[i] = (worker){.sh = &sh, .id = i, .remover = i % 3 == 2};
        assert_int_equal(pthread_create(&tw[i], NULL, write_loop, &w[i]), 0);
    }
    for (int i = 0; i < WRITERS; i++)
        pthread_join(tw[i], NULL);
    stop = 1;
    pthread_join(tr, NULL);

    long counts[WRITERS] = {0}, expected_total = 0;
    long total = count_items(&sh, counts);
    char *snaps[MAX_SNAPSHOTS];
    size_t nsnaps = 0;
    for (int i = 0; i < WRITERS; i++) {
        assert_int_equal(w[i].failures, 0);
        assert_int_equal(w[i].adds, ROUNDS);
        long want = w[i].remover ? 0 : (long)PER_ADD * w[i].adds;
        assert_int_equal(counts[i], want);
        expected_total += want;
        for (int k = 0; k < w[i].nsnapshots; k++)
            snaps[nsnaps++] = w[i].snapshots[k];
    }
    assert_int_equal(total, expected_total);
    /* every change has a snapshot_id no other change got */
    qsort(snaps, nsnaps, sizeof *snaps, cmp_str);
    for (size_t i = 1; i < nsnaps; i++)
        assert_string_not_equal(snaps[i - 1], snaps[i]);
    assert_true(rd.reads > 0);
    assert_int_equal(rd.failures, 0);
    assert_int_equal(rd.odd_totals, 0);
    emu_stop(&sh.e);
}

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concurrent_writers),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    curl_global_cleanup();
    return rc;
}
