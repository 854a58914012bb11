/*
 * The batch engine (src/lib/http/batch.h) and the app's mode against a
 * spotc-emulator per test, counting requests in the emulator's statistics:
 * reads of 120 tracks in 3 requests (extended), as 120 single reads after
 * exactly one 403 (auto mode on a development-mode emulator, remembered by the
 * client) or with no 403 at all (development mode); order kept; a malformed ID
 * costs nothing; a failed chunk named with its IDs and nothing sent after it;
 * a POST chunk that got a 503 is not replayed; 10,000 items added to a
 * playlist in 100 requests and read back in order; a position kept across
 * chunks; library save/contains/remove in chunks of each endpoint's maximum;
 * follows, playlists' /tracks and search pages in development form.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "batch_engine.h"
#include "buf.h"
#include "client_priv.h"

#define UNKNOWN_TRACK "0000000000000000000000"
#define SCOPES                                                                                     \
    "playlist-read-private playlist-modify-public playlist-modify-private user-library-read "      \
    "user-library-modify user-follow-read user-follow-modify"
#define BIG 10000

typedef struct fixture {
    emu e;
    char *token;
    char auth[512]; /* "Authorization: Bearer ..." */
    char *big;      /* the sample 10,000-item playlist */
    json_t *base;   /* statistics at mark() */
} fixture;

static int setup_mode(void **state, const char *mode)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_start(&f->e, "--mode", mode, NULL);
    f->token = emu_control_string(&f->e, "POST", "/_emulator/token",
                              "{\"user\":\"demo\",\"scope\":\"" SCOPES "\"}", "access_token");
    snprintf(f->auth, sizeof f->auth, "Authorization: Bearer %s", f->token);
    f->big = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "big_playlist");
    *state = f;
    return 0;
}

static int setup_extended(void **state)
{
    return setup_mode(state, "extended");
}

static int setup_development(void **state)
{
    return setup_mode(state, "development");
}

static int teardown(void **state)
{
    fixture *f = *state;
    emu_stop(&f->e);
    free(f->token);
    free(f->big);
    json_decref(f->base);
    free(f);
    return 0;
}

static spotc_client *client_for(const fixture *f, spotc_app_mode mode, int retries)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = f->token;
    o.max_retries = retries;
    o.mode = mode;
    return emu_client(&f->e, &o);
}

/* The statistics now, as the baseline of the counts below (a reset of the
 * emulator would also reset its state: playlists and libraries). */
static void mark(fixture *f)
{
    json_decref(f->base);
    f->base = emu_control(&f->e, "GET", "/_emulator/stats", NULL);
}

/* Requests counted in `stats` to a route ("GET /v1/tracks") answered with a
 * status ("*": any), or to every route when route is NULL. */
static long count_in(json_t *stats, const char *route, const char *status)
{
    long n = 0;
    const char *r, *k;
    json_t *counts, *v;
    json_object_foreach(json_object_get(stats, "requests"), r, counts)
    {
        if (route && strcmp(r, route) != 0)
            continue;
        json_object_foreach(counts, k, v)
        {
            if (strcmp(status, "*") == 0 || strcmp(status, k) == 0)
                n += (long)json_integer_value(v);
        }
    }
    return n;
}

/* Requests since mark(). */
static long requests(const fixture *f, const char *route, const char *status)
{
    json_t *now = emu_control(&f->e, "GET", "/_emulator/stats", NULL);
    long n = count_in(now, route, status) - (f->base ? count_in(f->base, route, status) : 0);
    json_decref(now);
    return n;
}

static long all_requests(const fixture *f)
{
    return requests(f, NULL, "*");
}

/* A Web API call with the test's token, bypassing the library. */
static json_t *api(const fixture *f, const char *method, const char *path, const char *body,
                   int want)
{
    char *resp = NULL;
    char headers[600];
    snprintf(headers, sizeof headers, "%s\nContent-Type: application/json", f->auth);
    char full[1024];
    snprintf(full, sizeof full, "/v1%s", path);
    assert_int_equal(emu_http(&f->e, method, full, headers, body, &resp), want);
    json_t *j = json_loads(resp, 0, NULL);
    free(resp);
    return j;
}

/* The URIs of a playlist's items, in order (n of them at most). */
static size_t playlist_uris(const fixture *f, const char *playlist, char **uris, size_t n)
{
    size_t have = 0;
    for (size_t offset = 0; have < n; offset += 50) {
        char path[256];
        /* Only the URIs: whole pages would make the valgrind run slow. */
        snprintf(path, sizeof path,
                 "/playlists/%s/items?limit=50&offset=%zu&fields=items(item(uri),track(uri))",
                 playlist, offset);
        json_t *page = api(f, "GET", path, NULL, 200);
        json_t *items = json_object_get(page, "items");
        size_t i;
        json_t *it;
        json_array_foreach(items, i, it)
        {
            json_t *obj = json_object_get(it, "item");
            if (!json_is_object(obj))
                obj = json_object_get(it, "track");
            if (have < n)
                uris[have++] = strdup(json_string_value(json_object_get(obj, "uri")));
        }
        size_t got = json_array_size(items);
        json_decref(page);
        if (got < 50)
            break;
    }
    return have;
}

static void free_all(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
}

/* Distinct track IDs (from the big playlist's URIs "spotify:track:ID"). */
static size_t track_ids(const fixture *f, char **ids, size_t n)
{
    size_t have = playlist_uris(f, f->big, ids, n);
    size_t kept = 0;
    for (size_t i = 0; i < have; i++) {
        int dup = strncmp(ids[i], "spotify:track:", 14) != 0;
        for (size_t j = 0; j < kept && !dup; j++)
            dup = strcmp(ids[j], ids[i] + 14) == 0;
        if (dup) {
            free(ids[i]);
            continue;
        }
        memmove(ids[i], ids[i] + 14, strlen(ids[i] + 14) + 1);
        ids[kept++] = ids[i];
    }
    return kept;
}

typedef struct progress_log {
    size_t calls, last_done, total;
    int decreased;
    size_t step[64]; /* items done by each round of the last call */
    size_t nsteps;
} progress_log;

static void on_progress(size_t done, size_t total, void *payload)
{
    progress_log *p = payload;
    p->decreased |= done < p->last_done;
    if (p->nsteps < 64 && done >= p->last_done)
        p->step[p->nsteps++] = done - p->last_done;
    p->calls++;
    p->last_done = done;
    p->total = total;
}

/* Read tracks by ID; check each result is the ID asked for, in order. */
static void read_tracks(spotc_client *c, const char *const *ids, size_t n, progress_log *log)
{
    spotc__batch_spec spec = {.operation_id = "get-several-tracks",
                              .items = ids,
                              .count = n,
                              .type = SPOTC_TYPE_TRACK,
                              .progress = on_progress,
                              .progress_payload = log};
    spotc__batch_result r;
    assert_int_equal(spotc__batch_call(&r, c, &spec), 0);
    assert_int_equal(json_array_size(r.items), n);
    for (size_t i = 0; i < n; i++) {
        json_t *t = json_array_get(r.items, i);
        if (strcmp(ids[i], UNKNOWN_TRACK) == 0) {
            assert_true(json_is_null(t));
            continue;
        }
        const char *want = strrchr(ids[i], ':') ? strrchr(ids[i], ':') + 1 : ids[i];
        if (strstr(want, "/track/"))
            want = strstr(want, "/track/") + 7;
        char id[32];
        snprintf(id, sizeof id, "%.22s", want);
        assert_string_equal(json_string_value(json_object_get(t, "id")), id);
    }
    assert_int_equal(r.done, n);
    spotc__batch_result_clear(&r);
}

enum { N = 120 };

/* 120 track IDs in the forms a user pastes, the last one unknown. */
static void hundred_twenty(const fixture *f, char **ids)
{
    size_t have = track_ids(f, ids, N - 1);
    assert_true(have >= 100);
    for (size_t i = have; i < N - 1; i++)
        ids[i] = strdup(ids[i % have]);
    char *uri = malloc(64), *link = malloc(96);
    snprintf(uri, 64, "spotify:track:%s", ids[1]);
    snprintf(link, 96, "https://open.spotify.com/intl-de/track/%s?si=abc", ids[2]);
    free(ids[1]);
    free(ids[2]);
    ids[1] = uri;
    ids[2] = link;
    ids[N - 1] = strdup(UNKNOWN_TRACK);
}

static void test_reads_extended(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    mark(f);
    progress_log log = {0};
    read_tracks(c, (const char *const *)ids, N, &log);
    printf("# extended, auto: %d IDs -> %ld requests to GET /v1/tracks, %ld single reads\n", N,
           requests(f, "GET /v1/tracks", "*"), requests(f, "GET /v1/tracks/{id}", "*"));
    assert_int_equal(requests(f, "GET /v1/tracks", "200"), 3);
    assert_int_equal(all_requests(f), 3);
    assert_int_equal(log.last_done, N);
    assert_int_equal(log.total, N);
    assert_false(log.decreased);
    /* One at a time: the same 3 requests. */
    spotc_client_free(c);
    free_all(ids, N);
}

static void test_reads_auto_on_development(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    mark(f);
    progress_log log = {0};
    read_tracks(c, (const char *const *)ids, N, &log);
    long refused = requests(f, "GET /v1/tracks", "403");
    long singles = requests(f, "GET /v1/tracks/{id}", "*");
    printf("# development emulator, auto: %d IDs -> %ld x 403, %ld single reads\n", N, refused,
           singles);
    assert_int_equal(refused, 1);
    assert_int_equal(singles, N);
    assert_int_equal(requests(f, "GET /v1/tracks/{id}", "404"), 1);
    /* The client remembers: the next call goes straight to single reads. */
    mark(f);
    read_tracks(c, (const char *const *)ids, N, &log);
    assert_int_equal(requests(f, "GET /v1/tracks", "*"), 0);
    assert_int_equal(requests(f, "GET /v1/tracks/{id}", "*"), N);
    spotc_client_free(c);
    free_all(ids, N);
}

static void test_reads_development_mode(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT, 3);
    mark(f);
    progress_log log = {0};
    read_tracks(c, (const char *const *)ids, N, &log);
    printf("# development emulator, development mode: %d IDs -> %ld x 403, %ld single reads\n", N,
           requests(f, "GET /v1/tracks", "*"), requests(f, "GET /v1/tracks/{id}", "*"));
    assert_int_equal(requests(f, "GET /v1/tracks", "*"), 0);
    assert_int_equal(all_requests(f), N);
    assert_int_equal(log.last_done, N);
    spotc_client_free(c);
    free_all(ids, N);
}

static void test_malformed_sends_nothing(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    const char *ids[] = {"4uLU6hMCjMI75M1A2tKUQC", "spotify:album:4uLU6hMCjMI75M1A2tKUQC",
                         "not an id"};
    mark(f);
    spotc__batch_spec spec = {.operation_id = "save-tracks-user", .items = ids, .count = 3};
    spotc__batch_result r;
    assert_int_equal(spotc__batch_call(&r, c, &spec), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "item 2"));
    /* Playlists take any type, so a bare ID (no type) is refused there. */
    spec.operation_id = "add-items-to-playlist";
    const spotc_param pl[] = {{"playlist_id", f->big}};
    spec.params = pl;
    spec.nparams = 1;
    spec.count = 1;
    assert_int_equal(spotc__batch_call(&r, c, &spec), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "bare ID"));
    /* A position where the operation takes none. */
    spec.operation_id = "save-library-items";
    spec.params = NULL;
    spec.nparams = 0;
    spec.items = ids + 1;
    spec.has_position = 1;
    assert_int_equal(spotc__batch_call(&r, c, &spec), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "takes no position"));
    assert_int_equal(all_requests(f), 0);
    spotc_client_free(c);
}

/* Save 120 tracks whose 70th is unknown: chunk 2 of 3 fails with 400. */
static void test_failed_chunk_named(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    free(ids[N - 1]);
    ids[N - 1] = strdup(ids[5]);
    free(ids[69]);
    ids[69] = strdup(UNKNOWN_TRACK);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED, 3);
    mark(f);
    spotc__batch_spec spec = {
        .operation_id = "save-tracks-user", .items = (const char *const *)ids, .count = N};
    spotc__batch_result r;
    assert_int_equal(spotc__batch_call(&r, c, &spec), SPOTC_EPARTIAL);
    const spotc_error *e = spotc_client_last_error(c);
    printf("# %s\n", e->message);
    assert_non_null(strstr(e->message, "chunk 2 of 3 (items 51-100: "));
    assert_non_null(strstr(e->message, UNKNOWN_TRACK));
    assert_non_null(strstr(e->message, ids[50]));
    assert_non_null(strstr(e->message, "50 of 120 items done, nothing sent after it"));
    assert_int_equal(e->http_status, 400);
    assert_int_equal(r.done, 50);
    assert_int_equal(r.failed, 50);
    assert_int_equal(requests(f, "PUT /v1/me/tracks", "*"), 2);
    /* Asked to go on, the third chunk is sent too. */
    mark(f);
    spec.keep_going = 1;
    assert_int_equal(spotc__batch_call(&r, c, &spec), SPOTC_EPARTIAL);
    assert_int_equal(r.done, 70);
    assert_int_equal(requests(f, "PUT /v1/me/tracks", "*"), 3);
    spotc_client_free(c);
    free_all(ids, N);
}

static char *new_playlist(const fixture *f)
{
    json_t *pl = api(f, "POST", "/me/playlists", "{\"name\":\"batch test\"}", 201);
    char *id = strdup(json_string_value(json_object_get(pl, "id")));
    json_decref(pl);
    return id;
}

/* A 503 on a POST chunk is not replayed, even with retries on. */
static void test_post_not_replayed(void **state)
{
    fixture *f = *state;
    char *uris[250];
    assert_int_equal(playlist_uris(f, f->big, uris, 250), 250);
    char *pl = new_playlist(f);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    mark(f);
    json_decref(emu_control(&f->e, "POST", "/_emulator/faults",
                        "{\"rules\":[{\"method\":\"POST\",\"path\":\"/v1/playlists/*/items\","
                        "\"times\":1,\"fault\":\"status\",\"status\":503}]}"));
    const spotc_param params[] = {{"playlist_id", pl}};
    spotc__batch_spec spec = {.operation_id = "add-items-to-playlist",
                              .items = (const char *const *)uris,
                              .count = 250,
                              .params = params,
                              .nparams = 1};
    spotc__batch_result r;
    assert_int_equal(spotc__batch_call(&r, c, &spec), SPOTC_EHTTP);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "chunk 1 of 3 (items 1-100: "));
    assert_int_equal(requests(f, "POST /v1/playlists/{playlist_id}/items", "*"), 1);
    assert_int_equal(all_requests(f), 1);
    spotc_client_free(c);
    free(pl);
    free_all(uris, 250);
}

static void add_items(spotc_client *c, const char *pl, char **uris, size_t n, long position)
{
    const spotc_param params[] = {{"playlist_id", pl}};
    spotc__batch_spec spec = {.operation_id = "add-items-to-playlist",
                              .items = (const char *const *)uris,
                              .count = n,
                              .params = params,
                              .nparams = 1,
                              .has_position = position >= 0,
                              .position = position};
    spotc__batch_result r;
    int rc = spotc__batch_call(&r, c, &spec);
    if (rc != 0)
        printf("# %s\n", strstr(spotc_client_last_error(c)->message, "failed:"));
    assert_int_equal(rc, 0);
    assert_non_null(json_object_get(r.last, "snapshot_id"));
    spotc__batch_result_clear(&r);
}

static void test_ten_thousand_in_order(void **state)
{
    fixture *f = *state;
    char **uris = calloc(BIG, sizeof *uris);
    assert_int_equal(playlist_uris(f, f->big, uris, BIG), BIG);
    char *pl = new_playlist(f);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    mark(f);
    add_items(c, pl, uris, BIG, -1);
    long posts = requests(f, "POST /v1/playlists/{playlist_id}/items", "201");
    printf("# %d items added in %ld requests\n", BIG, posts);
    assert_int_equal(posts, 100);
    assert_int_equal(all_requests(f), 100);
    char **back = calloc(BIG, sizeof *back);
    assert_int_equal(playlist_uris(f, pl, back, BIG), BIG);
    for (size_t i = 0; i < BIG; i++)
        assert_string_equal(back[i], uris[i]);
    free_all(back, BIG);
    free(back);
    spotc_client_free(c);
    free(pl);
    free_all(uris, BIG);
    free(uris);
}

/* 150 items at position 1 of a 3-item playlist land between the first and the second. */
static void test_position_across_chunks(void **state)
{
    fixture *f = *state;
    char *uris[153], *back[153];
    assert_int_equal(playlist_uris(f, f->big, uris, 153), 153);
    char *pl = new_playlist(f);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT, 3);
    add_items(c, pl, uris, 3, -1);
    mark(f);
    add_items(c, pl, uris + 3, 150, 1);
    assert_int_equal(requests(f, "POST /v1/playlists/{playlist_id}/items", "201"), 2);
    assert_int_equal(playlist_uris(f, pl, back, 153), 153);
    assert_string_equal(back[0], uris[0]);
    for (size_t i = 0; i < 150; i++)
        assert_string_equal(back[1 + i], uris[3 + i]);
    assert_string_equal(back[151], uris[1]);
    assert_string_equal(back[152], uris[2]);
    free_all(back, 153);
    /* Removed again through the old /tracks operation: in development mode it
     * goes to /items as [{"uri": ...}] lists of 100. */
    mark(f);
    const spotc_param params[] = {{"playlist_id", pl}};
    spotc__batch_spec rm = {.operation_id = "remove-tracks-playlist",
                            .items = (const char *const *)uris + 3,
                            .count = 150,
                            .params = params,
                            .nparams = 1};
    spotc__batch_result r;
    assert_int_equal(spotc__batch_call(&r, c, &rm), 0);
    assert_non_null(json_object_get(r.last, "snapshot_id"));
    spotc__batch_result_clear(&r);
    assert_int_equal(requests(f, "DELETE /v1/playlists/{playlist_id}/items", "200"), 2);
    assert_int_equal(all_requests(f), 2);
    assert_int_equal(playlist_uris(f, pl, back, 153), 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(back[i], uris[i]);
    free_all(back, 3);
    spotc_client_free(c);
    free(pl);
    free_all(uris, 153);
}

/* Save, check and remove 120 tracks; `route` gets `per_call` requests for each. */
static void library_round(fixture *f, spotc_client *c, char **ids, const char *prefix,
                          long per_call)
{
    const char *ops[] = {"save-tracks-user", "check-users-saved-tracks", "remove-tracks-user",
                         "check-users-saved-tracks"};
    const char *methods[] = {"PUT", "GET", "DELETE", "GET"};
    for (size_t k = 0; k < 4; k++) {
        mark(f);
        spotc__batch_spec spec = {
            .operation_id = ops[k], .items = (const char *const *)ids, .count = N};
        spotc__batch_result r;
        assert_int_equal(spotc__batch_call(&r, c, &spec), 0);
        char route[64];
        snprintf(route, sizeof route, "%s %s%s", methods[k], prefix, k % 2 ? "/contains" : "");
        long n = requests(f, route, "*");
        printf("# %s of %d: %ld requests to %s\n", ops[k], N, n, route);
        assert_int_equal(n, per_call);
        assert_int_equal(all_requests(f), per_call);
        if (k % 2) {
            assert_int_equal(json_array_size(r.items), N);
            for (size_t i = 0; i < N; i++)
                assert_true(json_is_true(json_array_get(r.items, i)) == (k == 1));
        }
        spotc__batch_result_clear(&r);
    }
}

static void test_library_chunks_extended(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    free(ids[N - 1]);
    ids[N - 1] = strdup(ids[3]); /* a known one: the library refuses unknown IDs */
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED, 3);
    library_round(f, c, ids, "/v1/me/tracks", 3); /* 50 a request */
    spotc_client_free(c);
    free_all(ids, N);
}

static void test_library_chunks_development(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    free(ids[N - 1]);
    ids[N - 1] = strdup(ids[3]);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT, 3);
    library_round(f, c, ids, "/v1/me/library", 3); /* 40 URIs a request */
    spotc_client_free(c);
    /* Auto mode: one 403, then /me/library from the refused chunk on. */
    c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    mark(f);
    spotc__batch_spec spec = {
        .operation_id = "save-tracks-user", .items = (const char *const *)ids, .count = N};
    spotc__batch_result r;
    assert_int_equal(spotc__batch_call(&r, c, &spec), 0);
    assert_int_equal(r.switched, 1);
    assert_int_equal(requests(f, "PUT /v1/me/tracks", "403"), 1);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 3);
    mark(f);
    assert_int_equal(spotc__batch_call(&r, c, &spec), 0);
    assert_int_equal(requests(f, "PUT /v1/me/tracks", "*"), 0);
    spotc_client_free(c);
    free_all(ids, N);
}

/* Follow artists, playlists' /tracks and search pages in auto mode on a
 * development-mode emulator: one refusal each, then the form directly. */
static void test_call_forms_auto(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    char *artist = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "artist");
    const char *artists[] = {artist};
    const spotc_param type[] = {{"type", "artist"}};
    spotc__batch_spec spec = {.operation_id = "follow-artists-users",
                              .items = artists,
                              .count = 1,
                              .params = type,
                              .nparams = 1};
    spotc__batch_result r;
    mark(f);
    assert_int_equal(spotc__batch_call(&r, c, &spec), 0);
    assert_int_equal(requests(f, "PUT /v1/me/following", "403"), 1);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 1);
    spec.operation_id = "check-current-user-follows";
    assert_int_equal(spotc__batch_call(&r, c, &spec), 0);
    assert_true(json_is_true(json_array_get(r.items, 0)));
    spotc__batch_result_clear(&r);
    /* Users too: spotify:user:ID (already learnt: no 403). */
    char *user = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "free_user");
    const char *users[] = {user};
    const spotc_param user_type[] = {{"type", "user"}};
    spotc__batch_spec follow_user = {.operation_id = "follow-artists-users",
                                     .items = users,
                                     .count = 1,
                                     .params = user_type,
                                     .nparams = 1};
    mark(f);
    assert_int_equal(spotc__batch_call(&r, c, &follow_user), 0);
    assert_int_equal(requests(f, "PUT /v1/me/following", "*"), 0);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 1);
    follow_user.operation_id = "check-current-user-follows";
    assert_int_equal(spotc__batch_call(&r, c, &follow_user), 0);
    assert_true(json_is_true(json_array_get(r.items, 0)));
    spotc__batch_result_clear(&r);
    free(user);

    const spotc_param pl[] = {{"playlist_id", f->big}, {"limit", "100"}};
    for (int i = 0; i < 2; i++) {
        mark(f);
        spotc_response *resp = NULL;
        assert_int_equal(spotc_operation_call(&resp, c, "get-playlists-tracks", pl, 2, NULL), 0);
        assert_int_equal(json_array_size(json_object_get(spotc_response_get_json(resp), "items")),
                         50);
        spotc_response_free(resp);
        assert_int_equal(requests(f, "GET /v1/playlists/{playlist_id}/tracks", "403"), i == 0);
        assert_int_equal(requests(f, "GET /v1/playlists/{playlist_id}/items", "200"), 1);
    }
    char *q = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "query");
    const spotc_param search[] = {{"q", q}, {"type", "track"}, {"limit", "50"}};
    for (int i = 0; i < 2; i++) {
        mark(f);
        spotc_response *resp = NULL;
        assert_int_equal(spotc_operation_call(&resp, c, "search", search, 3, NULL), 0);
        json_t *tracks = json_object_get(spotc_response_get_json(resp), "tracks");
        assert_int_equal(json_integer_value(json_object_get(tracks, "limit")), 10);
        spotc_response_free(resp);
        assert_int_equal(requests(f, "GET /v1/search", "400"), i == 0);
        assert_int_equal(requests(f, "GET /v1/search", "200"), 1);
    }
    free(q);
    free(artist);
    spotc_client_free(c);
}

/* Single reads at the adaptive pace: rounds grow while calm; two 429s (with
 * Retry-After) halve the pace, the reads wait and finish, all in order. */
static void test_reads_adapt_to_429(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT, 3);
    progress_log log = {0};
    read_tracks(c, (const char *const *)ids, 60, &log);
    int calm = c->pace.level;
    assert_true(calm > SPOTC__PACE_START); /* grown from 4 */
    /* This test is about the level. The budget a 429 teaches (test_pace) would hold
     * the reads after it to the requests of the last 30 s, and the test would wait
     * out the window: known already, it is only lowered by an eighth, out of reach. */
    c->pace.budget = 100000;
    c->pace.learnt_ms = spotc__pace_now_ms();
    json_decref(emu_control(&f->e, "POST", "/_emulator/faults",
                        "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/tracks/*\","
                        "\"times\":2,\"fault\":\"rate_limit\",\"retry_after\":1}]}"));
    mark(f);
    int64_t t0 = spotc__pace_now_ms();
    memset(&log, 0, sizeof log);
    read_tracks(c, (const char *const *)ids, N, &log);
    printf("# 429s: %ld, pace %d -> %d, %lld ms\n", requests(f, "GET /v1/tracks/{id}", "429"), calm,
           c->pace.level, (long long)(spotc__pace_now_ms() - t0));
    assert_int_equal(requests(f, "GET /v1/tracks/{id}", "429"), 2);
    assert_true(spotc__pace_now_ms() - t0 >= 900); /* the Retry-After was waited */
    /* The round that met the 429s was as wide as the calm pace; the next one half. */
    assert_int_equal(log.step[0], (size_t)calm);
    assert_int_equal(log.step[1], (size_t)calm / 2);
    assert_int_equal(log.step[2], (size_t)calm / 2 + 1);
    spotc_client_free(c);
    free_all(ids, N);
}

/* spotc_operation_call() of an ID-list operation: the development form answers in the
 * operation's own shape (as `spotc api` users see it). */
static void test_call_batch_shape(void **state)
{
    fixture *f = *state;
    char *ids[N];
    hundred_twenty(f, ids);
    spotc__buf list = SPOTC__BUF_INIT;
    for (size_t i = 60; i < 105; i++) /* 45 bare IDs */
        spotc__buf_printf(&list, "%s%s", i > 60 ? "," : "", ids[i]);
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO, 3);
    char three[128];
    snprintf(three, sizeof three, "%s,%s,%s", ids[60], UNKNOWN_TRACK, ids[61]);
    const spotc_param p3[] = {{"ids", three}};
    for (int i = 0; i < 2; i++) {
        mark(f);
        spotc_response *resp = NULL;
        assert_int_equal(spotc_operation_call(&resp, c, "get-several-tracks", p3, 1, NULL), 0);
        json_t *tracks = json_object_get(spotc_response_get_json(resp), "tracks");
        assert_int_equal(json_array_size(tracks), 3);
        assert_string_equal(json_string_value(json_object_get(json_array_get(tracks, 0), "id")),
                            ids[60]);
        assert_true(json_is_null(json_array_get(tracks, 1)));
        assert_string_equal(json_string_value(json_object_get(json_array_get(tracks, 2), "id")),
                            ids[61]);
        spotc_response_free(resp);
        assert_int_equal(requests(f, "GET /v1/tracks", "403"), i == 0);
        assert_int_equal(requests(f, "GET /v1/tracks/{id}", "*"), 3);
    }
    /* 45 tracks saved through /me/library, 40 URIs a request. */
    const spotc_param p45[] = {{"ids", spotc__buf_str(&list)}};
    mark(f);
    assert_int_equal(spotc_operation_call(NULL, c, "save-tracks-user", p45, 1, NULL), 0);
    assert_int_equal(requests(f, "PUT /v1/me/tracks", "403"), 1);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 2);
    spotc_response *resp = NULL;
    assert_int_equal(spotc_operation_call(&resp, c, "check-users-saved-tracks", p45, 1, NULL), 0);
    json_t *saved = spotc_response_get_json(resp);
    assert_int_equal(json_array_size(saved), 45);
    for (size_t i = 0; i < 45; i++)
        assert_true(json_is_true(json_array_get(saved, i)));
    spotc_response_free(resp);
    assert_int_equal(requests(f, "GET /v1/me/library/contains", "200"), 2);
    assert_int_equal(requests(f, "GET /v1/me/tracks/contains", "*"), 1); /* its own 403 */
    spotc__buf_free(&list);
    spotc_client_free(c);
    free_all(ids, N);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_reads_auto_on_development, setup_development,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reads_development_mode, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_sends_nothing, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_failed_chunk_named, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_post_not_replayed, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_ten_thousand_in_order, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_position_across_chunks, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_library_chunks_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_library_chunks_development, setup_development,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_call_forms_auto, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_call_batch_shape, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_reads_adapt_to_429, setup_development, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
