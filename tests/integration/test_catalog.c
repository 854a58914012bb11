/*
 * The typed catalogue functions against a spotc-emulator per test: single
 * items, batches across chunk boundaries, all pages of a list, search, and
 * malformed IDs that must never reach the network (checked in the emulator's
 * request statistics).
 */
/* The deprecated several-tracks read is tested on purpose. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "page_follow.h"

#define UNKNOWN_TRACK "0000000000000000000000"

typedef struct fixture {
    emu e;
    spotc_client *client;
} fixture;

static int setup_args(void **state, const char *const *args)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_startv(&f->e, args);
    f->client = emu_client(&f->e, NULL);
    *state = f;
    return 0;
}

static int setup(void **state)
{
    return setup_args(state, NULL);
}

static int setup_dev(void **state)
{
    const char *args[] = {"--mode", "development", NULL};
    return setup_args(state, args);
}

static int setup_large(void **state)
{
    const char *args[] = {"--catalog", "large", NULL};
    return setup_args(state, args);
}

static int teardown(void **state)
{
    fixture *f = *state;
    spotc_client_free(f->client);
    emu_stop(&f->e);
    free(f);
    return 0;
}

/* GET a control endpoint and parse its JSON (the caller decrefs). */
static json_t *control_json(const emu *e, const char *path)
{
    char *body = NULL;
    assert_int_equal(emu_http(e, "GET", path, NULL, NULL, &body), 200);
    json_t *j = json_loads(body, 0, NULL);
    free(body);
    assert_non_null(j);
    return j;
}

/* A well-known ID of the seeded catalogue (the caller frees). */
static char *sample(const emu *e, const char *key)
{
    json_t *j = control_json(e, "/_emulator/sample");
    const char *v = json_string_value(json_object_get(j, key));
    assert_non_null(v);
    char *copy = strdup(v);
    json_decref(j);
    return copy;
}

/* How many requests to a route were answered with a status ("*" for all). */
static long requests(const emu *e, const char *route, const char *status)
{
    json_t *j = control_json(e, "/_emulator/stats");
    json_t *counts = json_object_get(json_object_get(j, "requests"), route);
    long n = 0;
    const char *k;
    json_t *v;
    json_object_foreach(counts, k, v)
    {
        if (strcmp(status, "*") == 0 || strcmp(status, k) == 0)
            n += (long)json_integer_value(v);
    }
    json_decref(j);
    return n;
}

/* Total Web API requests (every route under /v1) and token grants so far. */
static long api_requests_and_grants(const emu *e)
{
    json_t *j = control_json(e, "/_emulator/stats");
    long n = 0;
    const char *route;
    json_t *counts;
    json_object_foreach(json_object_get(j, "requests"), route, counts)
    {
        const char *k;
        json_t *v;
        json_object_foreach(counts, k, v)
        {
            n += (long)json_integer_value(v);
        }
    }
    json_t *grants = json_object_get(j, "grants");
    const char *k;
    json_t *v;
    json_object_foreach(grants, k, v)
    {
        n += (long)json_integer_value(v);
    }
    json_decref(j);
    return n;
}

static void reset(const emu *e)
{
    assert_int_equal(emu_http(e, "POST", "/_emulator/reset", NULL, "{}", NULL), 200);
}

static void test_track(void **state)
{
    fixture *f = *state;
    char *id = sample(&f->e, "track");
    spotc_track *t = NULL;
    assert_int_equal(spotc_track_get(&t, f->client, id, NULL), 0);
    assert_non_null(t);
    assert_string_equal(t->id, id);
    assert_true(t->is_full);
    assert_non_null(t->name);
    assert_non_null(t->album);
    assert_true(t->artist_count > 0);
    assert_true(t->duration_ms > 0);
    assert_int_equal(spotc_client_last_error(f->client)->code, 0);
    spotc_track_free(t);

    /* A URI and a link name the same track. */
    char uri[64], link[128];
    snprintf(uri, sizeof uri, "spotify:track:%s", id);
    snprintf(link, sizeof link, "https://open.spotify.com/intl-de/track/%s?si=x", id);
    assert_int_equal(spotc_track_get(&t, f->client, uri, "SE"), 0);
    assert_string_equal(t->id, id);
    spotc_track_free(t);
    assert_int_equal(spotc_track_get(&t, f->client, link, NULL), 0);
    assert_string_equal(t->id, id);
    spotc_track_free(t);

    /* A well-formed ID the catalogue does not have. */
    assert_int_equal(spotc_track_get(&t, f->client, UNKNOWN_TRACK, NULL), SPOTC_ENOTFOUND);
    assert_null(t);
    assert_int_equal(spotc_client_last_error(f->client)->http_status, 404);
    free(id);
}

static void test_malformed_id_sends_nothing(void **state)
{
    fixture *f = *state;
    reset(&f->e);
    const char *bad[] = {"not-an-id", "spotify:album:4iV5W9uYEdYUVa79Axb7Rh", "", "4iV5W9uYEdYU"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spotc_track *t = (spotc_track *)1;
        assert_int_equal(spotc_track_get(&t, f->client, bad[i], NULL), SPOTC_EINVALID);
        assert_null(t);
        const spotc_error *err = spotc_client_last_error(f->client);
        assert_int_equal(err->code, SPOTC_EINVALID);
        assert_int_equal(err->http_status, 0);
        char quoted[128];
        snprintf(quoted, sizeof quoted, "\"%s\"", bad[i]);
        if (!strstr(err->message, quoted))
            fail_msg("message does not quote %s: %s", quoted, err->message);
    }
    /* One bad ID among good ones stops the whole batch before any request. */
    char *good = sample(&f->e, "track");
    const char *ids[] = {good, good, "spotify:track:bad!", good};
    spotc_track_list *l = (spotc_track_list *)1;
    assert_int_equal(spotc_track_get_several(&l, f->client, ids, 4, NULL, NULL), SPOTC_EINVALID);
    assert_null(l);
    assert_non_null(strstr(spotc_client_last_error(f->client)->message, "\"spotify:track:bad!\""));
    spotc_album *al;
    assert_int_equal(spotc_album_get(&al, f->client, "spotify:track:x", NULL), SPOTC_EINVALID);
    spotc_track_list *tl;
    assert_int_equal(spotc_album_list_tracks(&tl, f->client, NULL, NULL, NULL), SPOTC_EINVALID);
    spotc_artist *ar;
    assert_int_equal(spotc_artist_get(&ar, f->client, "https://example.com/artist/x"),
                     SPOTC_EINVALID);
    assert_int_equal(api_requests_and_grants(&f->e), 0);
    free(good);
}

/* Distinct track IDs of the catalogue, gathered from album track lists. */
static size_t gather_track_ids(fixture *f, char **ids, size_t want)
{
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.max_items = (int)want;
    spotc_search_result *r = NULL;
    char *q = sample(&f->e, "query");
    assert_int_equal(spotc_search_run(&r, f->client, q, "album", NULL, &o), 0);
    size_t n = 0;
    for (size_t a = 0; a < r->albums->count && n < want; a++) {
        spotc_track_list *tl = NULL;
        spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
        all.all = 1;
        assert_int_equal(
            spotc_album_list_tracks(&tl, f->client, r->albums->items[a]->id, NULL, &all), 0);
        for (size_t i = 0; i < tl->count && n < want; i++)
            ids[n++] = strdup(tl->items[i]->id);
        spotc_track_list_free(tl);
    }
    spotc_search_result_free(r);
    free(q);
    return n;
}

static void test_tracks_across_batches(void **state)
{
    fixture *f = *state;
    enum { N = 120 };
    char *ids[N];
    size_t have = gather_track_ids(f, ids, N - 1);
    assert_true(have >= 60);
    for (size_t i = have; i < N - 1; i++) /* repeats are fine: order is what counts */
        ids[i] = strdup(ids[i % have]);
    ids[N - 1] = strdup(UNKNOWN_TRACK);
    /* Mix the forms a user may paste. */
    char *uri = malloc(64);
    snprintf(uri, 64, "spotify:track:%s", ids[10]);
    char *plain10 = ids[10];
    ids[10] = uri;
    reset(&f->e);
    spotc_track_list *l = NULL;
    assert_int_equal(spotc_track_get_several(&l, f->client, (const char *const *)ids, N, NULL, NULL), 0);
    assert_int_equal(l->count, N);
    for (size_t i = 0; i < N - 1; i++) {
        assert_non_null(l->items[i]);
        assert_string_equal(l->items[i]->id, i == 10 ? plain10 : ids[i]);
        assert_true(l->items[i]->is_full);
    }
    assert_null(l->items[N - 1]);
    assert_int_equal(l->page.total, -1);
    spotc_track_list_free(l);
    /* 120 IDs at 50 a request: 3 requests, nothing else. */
    assert_int_equal(requests(&f->e, "GET /v1/tracks", "200"), 3);
    assert_int_equal(requests(&f->e, "GET /v1/tracks", "*"), 3);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/{id}", "*"), 0);

    /* The second chunk fails: the error names it, and the first one's work is reported. */
    const char *faults = "{\"rules\":[{\"path\":\"/v1/tracks\",\"fault\":\"latency\","
                         "\"delay_ms\":1,\"times\":1},{\"path\":\"/v1/tracks\",\"fault\":"
                         "\"status\",\"status\":400,\"times\":0}]}";
    assert_int_equal(emu_http(&f->e, "POST", "/_emulator/faults", NULL, faults, NULL), 200);
    l = (spotc_track_list *)1;
    assert_int_equal(spotc_track_get_several(&l, f->client, (const char *const *)ids, N, NULL, NULL),
                     SPOTC_EPARTIAL);
    assert_null(l);
    const spotc_error *err = spotc_client_last_error(f->client);
    assert_int_equal(err->code, SPOTC_EPARTIAL);
    assert_int_equal(err->http_status, 400);
    if (!strstr(err->message, "chunk 2 of 3 (items 51-100"))
        fail_msg("message: %s", err->message);
    /* A failure of the first chunk keeps its own code. */
    assert_int_equal(emu_http(&f->e, "DELETE", "/_emulator/faults", NULL, NULL, NULL), 200);
    const char *first = "{\"rules\":[{\"path\":\"/v1/tracks\",\"fault\":\"status\","
                        "\"status\":400,\"times\":1}]}";
    assert_int_equal(emu_http(&f->e, "POST", "/_emulator/faults", NULL, first, NULL), 200);
    assert_int_equal(spotc_track_get_several(&l, f->client, (const char *const *)ids, N, NULL, NULL),
                     SPOTC_EHTTP);
    assert_non_null(strstr(spotc_client_last_error(f->client)->message, "chunk 1 of 3 (items 1-50"));
    free(plain10);
    for (size_t i = 0; i < N; i++)
        free(ids[i]);
}

static void test_tracks_in_development_mode(void **state)
{
    fixture *f = *state;
    char *id = sample(&f->e, "track");
    const char *ids[] = {id, UNKNOWN_TRACK, id};
    spotc_track_list *l = NULL;
    /* The several-tracks endpoint answers 403 here: one request per track instead. */
    assert_int_equal(spotc_track_get_several(&l, f->client, ids, 3, NULL, NULL), 0);
    assert_int_equal(l->count, 3);
    assert_string_equal(l->items[0]->id, id);
    assert_null(l->items[1]);
    assert_string_equal(l->items[2]->id, id);
    assert_int_equal(spotc_client_last_error(f->client)->code, 0);
    spotc_track_list_free(l);
    assert_int_equal(requests(&f->e, "GET /v1/tracks", "403"), 1);
    assert_int_equal(requests(&f->e, "GET /v1/tracks/{id}", "*"), 3);
    /* Top tracks are gone for development-mode apps. */
    char *artist = sample(&f->e, "artist");
    assert_int_equal(spotc_artist_get_top_tracks(&l, f->client, artist, "SE"), SPOTC_EFORBIDDEN);
    free(artist);
    free(id);
}

static void test_album_and_all_its_tracks(void **state)
{
    fixture *f = *state;
    char *id = sample(&f->e, "album");
    spotc_album *a = NULL;
    assert_int_equal(spotc_album_get(&a, f->client, id, NULL), 0);
    assert_string_equal(a->id, id);
    assert_true(a->is_full);
    assert_non_null(a->tracks);
    assert_true(a->total_tracks > 0);
    assert_true(a->tracks->count > 0);
    for (size_t i = 0; i < a->tracks->count; i++) {
        assert_non_null(a->tracks->items[i]);
        assert_null(a->tracks->items[i]->album);
    }
    int total = a->total_tracks;
    spotc_album_free(a);

    /* One page as asked. */
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.limit = 2;
    o.offset = 1;
    spotc_track_list *l = NULL;
    assert_int_equal(spotc_album_list_tracks(&l, f->client, id, NULL, &o), 0);
    assert_int_equal(l->page.limit, 2);
    assert_int_equal(l->page.offset, 1);
    assert_int_equal(l->page.total, total);
    assert_int_equal(l->count, total - 1 < 2 ? (size_t)(total - 1) : 2);
    spotc_track_list_free(l);

    /* Every page, two at a time: one request per page, items in order. */
    reset(&f->e);
    o.offset = 0;
    o.all = 1;
    assert_int_equal(spotc_album_list_tracks(&l, f->client, id, NULL, &o), 0);
    assert_int_equal(l->count, (size_t)total);
    for (size_t i = 0; i < l->count; i++)
        assert_int_equal(l->items[i]->track_number, (int)i + 1);
    assert_null(l->page.next);
    assert_int_equal(l->page.total, total);
    spotc_track_list_free(l);
    assert_int_equal(requests(&f->e, "GET /v1/albums/{id}/tracks", "200"), (total + 1) / 2);

    /* max_items stops early and says where the rest is. */
    if (total > 3) {
        o.max_items = 3;
        assert_int_equal(spotc_album_list_tracks(&l, f->client, id, NULL, &o), 0);
        assert_int_equal(l->count, 3);
        spotc_track_list_free(l);
    }
    /* A limit Spotify would refuse is refused here. */
    o.limit = 51;
    assert_int_equal(spotc_album_list_tracks(&l, f->client, id, NULL, &o), SPOTC_EINVALID);
    o.limit = 0;
    o.version = 99;
    assert_int_equal(spotc_album_list_tracks(&l, f->client, id, NULL, &o), SPOTC_EINVALID);
    free(id);
}

static void test_artist_albums_top_tracks(void **state)
{
    fixture *f = *state;
    char *id = sample(&f->e, "artist");
    spotc_artist *ar = NULL;
    assert_int_equal(spotc_artist_get(&ar, f->client, id), 0);
    assert_string_equal(ar->id, id);
    assert_true(ar->is_full);
    assert_non_null(ar->name);
    spotc_artist_free(ar);

    spotc_album_list *first = NULL, *all = NULL;
    assert_int_equal(spotc_artist_list_albums(&first, f->client, id, NULL, NULL, NULL), 0);
    assert_true(first->page.total > 0);
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.limit = 1;
    assert_int_equal(spotc_artist_list_albums(&all, f->client, id, "album,single", NULL, &o), 0);
    assert_true(all->count > 0);
    for (size_t i = 0; i < all->count; i++) {
        assert_non_null(all->items[i]);
        assert_non_null(all->items[i]->album_group);
    }
    spotc_album_list_free(first);
    spotc_album_list_free(all);

    spotc_track_list *top = NULL;
    assert_int_equal(spotc_artist_get_top_tracks(&top, f->client, id, "SE"), 0);
    assert_true(top->count > 0);
    for (size_t i = 0; i < top->count; i++) {
        int found = 0;
        for (size_t k = 0; k < top->items[i]->artist_count; k++)
            found |= top->items[i]->artists[k].id && !strcmp(top->items[i]->artists[k].id, id);
        assert_true(found);
    }
    spotc_track_list_free(top);
    free(id);
}

static void test_search(void **state)
{
    fixture *f = *state;
    char *q = sample(&f->e, "query");
    spotc_search_result *r = NULL;
    assert_int_equal(spotc_search_run(&r, f->client, q, "track,album,artist,playlist", NULL, NULL),
                     0);
    assert_non_null(r->tracks);
    assert_non_null(r->albums);
    assert_non_null(r->artists);
    assert_non_null(r->playlists);
    assert_null(r->shows);
    assert_true(r->tracks->count > 0);
    assert_true(r->tracks->page.total >= (int)r->tracks->count);
    int total = r->tracks->page.total;
    spotc_search_result_free(r);

    /* All pages of one type, five at a time, bounded by max_items. */
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.limit = 5;
    o.max_items = 12;
    assert_int_equal(spotc_search_run(&r, f->client, q, "track", NULL, &o), 0);
    assert_null(r->albums);
    size_t want = total < 12 ? (size_t)total : 12;
    assert_int_equal(r->tracks->count, want);
    for (size_t i = 0; i < r->tracks->count; i++)
        assert_non_null(r->tracks->items[i]);
    spotc_search_result_free(r);

    /* Spotify's query syntax is sent encoded, as given. */
    assert_int_equal(spotc_search_run(&r, f->client, "year:1900-2100 a&b=c?", "artist", "SE", NULL),
                     0);
    spotc_search_result_free(r);
    assert_int_equal(spotc_search_run(&r, f->client, "", "track", NULL, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_search_run(&r, f->client, q, NULL, NULL, NULL), SPOTC_EINVALID);
    free(q);
}

/* The pager hands out one page at a time, and a max_items cut inside a page. */
static void test_pager_streams_pages(void **state)
{
    fixture *f = *state;
    char *id = sample(&f->e, "album");
    const spotc_param params[] = {{"id", id}, {"limit", "5"}};
    spotc__pager pg;
    assert_int_equal(
        spotc__pager_start(&pg, f->client, "get-an-albums-tracks", params, 2, NULL, 12), 0);
    json_t *doc;
    const json_t *page;
    size_t take, pages = 0, items = 0;
    int rc;
    while ((rc = spotc__pager_next(&pg, &doc, &page, &take)) == 1) {
        assert_ptr_equal(doc, page); /* an album's tracks page is the whole response */
        assert_int_equal(json_integer_value(json_object_get(page, "offset")), (int)pages * 5);
        pages++;
        items += take;
    }
    assert_int_equal(rc, 0);
    assert_int_equal(pages, 3); /* 5 + 5 + 2 of 12 */
    assert_int_equal(items, 12);
    assert_int_equal(spotc__pager_next(&pg, &doc, &page, &take), 0); /* stays at the end */
    spotc__pager_end(&pg);
    spotc__pager_end(&pg);
    free(id);
}

/* A `next` link outside the API base is never followed with the token. */
static void test_pager_refuses_foreign_next(void **state)
{
    fixture *f = *state;
    char *id = sample(&f->e, "album");
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.limit = 2;
    spotc_track_list *l = (spotc_track_list *)1;
    assert_int_equal(spotc_album_list_tracks(&l, f->client, id, NULL, &o), SPOTC_EINVALID);
    assert_null(l);
    assert_non_null(strstr(spotc_client_last_error(f->client)->message, "outside the API base"));
    assert_int_equal(requests(&f->e, "GET /v1/albums/{id}/tracks", "*"), 1);
    free(id);
}

static int setup_foreign_links(void **state)
{
    const char *args[] = {"--public-url", "https://api.spotify.com", NULL};
    return setup_args(state, args);
}

/* Following every page stops where Spotify's offset limit would refuse the next one. */
static void test_search_all_stops_at_offset_limit(void **state)
{
    fixture *f = *state;
    char *q = sample(&f->e, "query");
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.limit = 50;
    spotc_search_result *r = NULL;
    assert_int_equal(spotc_search_run(&r, f->client, q, "track", NULL, &o), 0);
    assert_true(r->tracks->page.total > 1100);
    assert_int_equal(r->tracks->count, 1000);
    spotc_search_result_free(r);
    assert_int_equal(requests(&f->e, "GET /v1/search", "200"), 20);
    assert_int_equal(requests(&f->e, "GET /v1/search", "400"), 0);
    /* Starting further in, fewer pages are left. */
    reset(&f->e);
    o.offset = 900;
    assert_int_equal(spotc_search_run(&r, f->client, q, "track", NULL, &o), 0);
    assert_int_equal(r->tracks->count, 100);
    assert_int_equal(r->tracks->page.offset, 900);
    spotc_search_result_free(r);
    assert_int_equal(requests(&f->e, "GET /v1/search", "*"), 2);
    free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_track, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_id_sends_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tracks_across_batches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tracks_in_development_mode, setup_dev, teardown),
        cmocka_unit_test_setup_teardown(test_album_and_all_its_tracks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_artist_albums_top_tracks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_streams_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_refuses_foreign_next, setup_foreign_links,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_search_all_stops_at_offset_limit, setup_large,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
