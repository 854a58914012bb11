/*
 * The typed library, follow and user functions (spotc/library.h, follow.h,
 * user.h) against a spotc-emulator per test: every function called, fields of
 * the results checked, request counts read from the emulator's statistics
 * (120 items saved in 3 requests of /me/tracks, or of /me/library for a
 * development-mode app), the deprecated functions in extended, development
 * and auto modes, and malformed input refused before anything is sent.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* The deprecated functions are under test here. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define SCOPES                                                                                     \
    "user-library-read user-library-modify user-follow-read user-follow-modify "                  \
    "user-read-private user-read-email user-top-read user-read-playback-position "                 \
    "playlist-read-private playlist-modify-public"
#define N 120

typedef struct fixture {
    emu e;
    char *token;
    json_t *sample; /* /_emulator/sample */
    json_t *base;   /* statistics at mark() */
} fixture;

static json_t *control(const emu *e, const char *method, const char *path, const char *body)
{
    char *resp = NULL;
    assert_int_equal(emu_http(e, method, path, NULL, body, &resp), 200);
    json_t *j = json_loads(resp, 0, NULL);
    free(resp);
    assert_non_null(j);
    return j;
}

static const char *sample(const fixture *f, const char *key)
{
    const char *v = json_string_value(json_object_get(f->sample, key));
    assert_non_null(v);
    return v;
}

static int setup_mode(void **state, const char *mode)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_start(&f->e, "--mode", mode, NULL);
    json_t *t = control(&f->e, "POST", "/_emulator/token",
                        "{\"user\":\"demo\",\"scope\":\"" SCOPES "\"}");
    f->token = strdup(json_string_value(json_object_get(t, "access_token")));
    json_decref(t);
    f->sample = control(&f->e, "GET", "/_emulator/sample", NULL);
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
    json_decref(f->sample);
    json_decref(f->base);
    free(f);
    return 0;
}

static spotc_client *client_for(const fixture *f, spotc_app_mode mode)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = f->token;
    o.mode = mode;
    spotc_client *c = emu_client(&f->e, &o);
    assert_non_null(c);
    return c;
}

static void mark(fixture *f)
{
    json_decref(f->base);
    f->base = control(&f->e, "GET", "/_emulator/stats", NULL);
}

/* Requests counted in `stats` to a route ("PUT /v1/me/tracks", NULL: any) with a status ("*": any). */
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
    json_t *now = control(&f->e, "GET", "/_emulator/stats", NULL);
    long n = count_in(now, route, status) - count_in(f->base, route, status);
    json_decref(now);
    return n;
}

/* N track URIs (or bare IDs) from the big sample playlist, read with the public API. */
static void tracks_of_big_playlist(const fixture *f, spotc_client *c, char **out, int uris)
{
    size_t have = 0;
    for (int offset = 0; have < N; offset += 50) {
        char off[16];
        snprintf(off, sizeof off, "%d", offset);
        const spotc_param p[] = {
            {"playlist_id", sample(f, "big_playlist")}, {"limit", "50"}, {"offset", off}};
        spotc_response *resp = NULL;
        assert_int_equal(spotc_operation_call(&resp, c, "get-playlists-items", p, 3, NULL), 0);
        json_t *items = json_object_get(spotc_response_get_json(resp), "items");
        size_t i;
        json_t *it;
        json_array_foreach(items, i, it)
        {
            json_t *obj = json_object_get(it, "item");
            if (!json_is_object(obj))
                obj = json_object_get(it, "track");
            const char *key = uris ? "uri" : "id";
            if (have < N)
                out[have++] = strdup(json_string_value(json_object_get(obj, key)));
        }
        spotc_response_free(resp);
    }
}

static void free_all(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
}

static void expect_all(const bool *v, size_t n, bool want)
{
    assert_non_null(v);
    for (size_t i = 0; i < n; i++)
        assert_true(v[i] == want);
}

/* Whether a list holds an item whose `member` has the ID. */
#define HOLDS(list, member, want)                                                                  \
    ({                                                                                             \
        bool found_ = false;                                                                       \
        for (size_t i_ = 0; i_ < (list)->count; i_++)                                              \
            if ((list)->items[i_] && (list)->items[i_]->member &&                                  \
                strcmp((list)->items[i_]->member->id, (want)) == 0) {                              \
                assert_non_null((list)->items[i_]->added_at);                                      \
                found_ = true;                                                                     \
            }                                                                                      \
        found_;                                                                                    \
    })

/* ------------------------------------------------------------ /me/library */

static void uri_of(char *buf, size_t len, const char *type, const char *id)
{
    snprintf(buf, len, "spotify:%s:%s", type, id);
}

/* Save one of each saveable type by URI, read them in every list, remove them. */
static void test_library_any_type(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    const char *types[] = {"track", "album", "show", "episode", "audiobook", "artist"};
    char uris[6][96];
    const char *u[6];
    for (size_t i = 0; i < 6; i++) {
        uri_of(uris[i], sizeof uris[i], types[i], sample(f, types[i]));
        u[i] = uris[i];
    }
    mark(f);
    assert_int_equal(spotc_library_save(c, u, 6, NULL), 0);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 1);
    bool *in = NULL;
    assert_int_equal(spotc_library_contains(&in, c, u, 6, NULL), 0);
    expect_all(in, 6, true);
    spotc_free(in);

    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    spotc_saved_track_list *st = NULL;
    assert_int_equal(spotc_library_list_tracks(&st, c, NULL, &all), 0);
    assert_true(HOLDS(st, track, sample(f, "track")));
    assert_int_equal((int)st->count, st->page.total);
    spotc_saved_track_list_free(st);
    spotc_saved_album_list *sa = NULL;
    assert_int_equal(spotc_library_list_albums(&sa, c, "SE", &all), 0);
    assert_true(HOLDS(sa, album, sample(f, "album")));
    spotc_saved_album_list_free(sa);
    spotc_saved_show_list *ss = NULL;
    assert_int_equal(spotc_library_list_shows(&ss, c, &all), 0);
    assert_true(HOLDS(ss, show, sample(f, "show")));
    spotc_saved_show_list_free(ss);
    spotc_saved_episode_list *se = NULL;
    assert_int_equal(spotc_library_list_episodes(&se, c, NULL, &all), 0);
    assert_true(HOLDS(se, episode, sample(f, "episode")));
    spotc_saved_episode_list_free(se);
    spotc_saved_audiobook_list *sb = NULL;
    assert_int_equal(spotc_library_list_audiobooks(&sb, c, &all), 0);
    assert_true(HOLDS(sb, audiobook, sample(f, "audiobook")));
    spotc_saved_audiobook_list_free(sb);

    /* One page only: the endpoint's default size, with its paging fields. */
    st = NULL;
    assert_int_equal(spotc_library_list_tracks(&st, c, NULL, NULL), 0);
    assert_true(st->count >= 1 && st->page.limit == 20 && st->page.offset == 0);
    assert_non_null(st->items[0]->track->name);
    spotc_saved_track_list_free(st);

    assert_int_equal(spotc_library_remove(c, u, 6, NULL), 0);
    assert_int_equal(spotc_library_contains(&in, c, u, 6, NULL), 0);
    expect_all(in, 6, false);
    spotc_free(in);
    /* Nothing to do: no request, no array. */
    mark(f);
    assert_int_equal(spotc_library_contains(&in, c, u, 0, NULL), 0);
    assert_null(in);
    assert_int_equal(requests(f, NULL, "*"), 0);
    spotc_client_free(c);
}

/* A bare ID has no type for /me/library; malformed items and bad options cost nothing. */
static void test_library_refusals(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    char good[96];
    uri_of(good, sizeof good, "track", sample(f, "track"));
    const char *bare[] = {good, sample(f, "track")};
    const char *bad[] = {good, "spotify:track:not-an-id!"};
    mark(f);
    assert_int_equal(spotc_library_save(c, bare, 2, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_library_remove(c, bad, 2, NULL), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "not-an-id"));
    spotc_library_options old = {.version = 99};
    assert_int_equal(spotc_library_save(c, bare, 1, &old), SPOTC_EINVALID);
    assert_int_equal(spotc_library_options_init(&old, 99), SPOTC_EINVALID);
    assert_int_equal(spotc_library_options_init(&old, SPOTC_LIBRARY_OPTIONS_VERSION), 0);
    assert_int_equal(old.version, SPOTC_LIBRARY_OPTIONS_VERSION);
    assert_null(old.progress);
    assert_int_equal(spotc_library_save(c, NULL, 1, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_library_save_tracks(c, bad + 1, 1, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_follow_add(c, SPOTC_TYPE_TRACK, bare, 1, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_top_list_tracks(NULL, c, SPOTC_TOP_RANGE_SHORT, NULL), SPOTC_EINVALID);
    spotc_track_list *tl = NULL;
    assert_int_equal(spotc_top_list_tracks(&tl, c, (spotc_top_range)42, NULL), SPOTC_EINVALID);
    assert_null(tl);
    assert_int_equal(requests(f, NULL, "*"), 0);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ 120 items, both modes */

static void progress(size_t done, size_t total, void *payload)
{
    size_t *seen = payload;
    assert_true(done <= total && total == N);
    *seen = done;
}

/* Save, check and remove 120 tracks with the deprecated functions; each call
 * makes `per_call` requests to `prefix` (and none elsewhere). */
static void deprecated_round(fixture *f, spotc_client *c, char **ids, const char *prefix,
                             long per_call)
{
    const char *const *v = (const char *const *)ids;
    size_t seen = 0;
    spotc_library_options o = SPOTC_LIBRARY_OPTIONS_INIT;
    o.progress = progress;
    o.progress_payload = &seen;
    char route[96];
    mark(f);
    assert_int_equal(spotc_library_save_tracks(c, v, N, &o), 0);
    snprintf(route, sizeof route, "PUT %s", prefix);
    printf("# save of %d tracks: %ld requests to %s\n", N, requests(f, route, "*"), route);
    assert_int_equal(requests(f, route, "200"), per_call);
    assert_int_equal(requests(f, NULL, "*"), per_call);
    assert_int_equal(seen, N);
    mark(f);
    bool *in = NULL;
    assert_int_equal(spotc_library_contains_tracks(&in, c, v, N, NULL), 0);
    expect_all(in, N, true);
    spotc_free(in);
    snprintf(route, sizeof route, "GET %s/contains", prefix);
    assert_int_equal(requests(f, route, "200"), per_call);
    mark(f);
    assert_int_equal(spotc_library_remove_tracks(c, v, N, NULL), 0);
    snprintf(route, sizeof route, "DELETE %s", prefix);
    assert_int_equal(requests(f, route, "200"), per_call);
    assert_int_equal(spotc_library_contains_tracks(&in, c, v, N, NULL), 0);
    expect_all(in, N, false);
    spotc_free(in);
}

static void test_120_extended(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    char *ids[N];
    tracks_of_big_playlist(f, c, ids, 0);
    deprecated_round(f, c, ids, "/v1/me/tracks", 3); /* 50 a request */
    free_all(ids, N);
    /* The same 120 by URI through /me/library: 40 a request. */
    char *uris[N];
    tracks_of_big_playlist(f, c, uris, 1);
    mark(f);
    assert_int_equal(spotc_library_save(c, (const char *const *)uris, N, NULL), 0);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 3);
    assert_int_equal(requests(f, NULL, "*"), 3);
    spotc_saved_track_list *st = NULL;
    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    assert_int_equal(spotc_library_list_tracks(&st, c, NULL, &all), 0);
    assert_true(st->count >= 100); /* the playlist may repeat a track */
    spotc_saved_track_list_free(st);
    free_all(uris, N);
    spotc_client_free(c);
}

static void test_120_development(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT);
    char *ids[N];
    tracks_of_big_playlist(f, c, ids, 0);
    deprecated_round(f, c, ids, "/v1/me/library", 3); /* the replacement, 40 URIs a request */
    spotc_client_free(c);
    /* Auto mode: one 403 from /me/tracks, then /me/library, remembered. */
    c = client_for(f, SPOTC_APP_MODE_AUTO);
    mark(f);
    assert_int_equal(spotc_library_save_tracks(c, (const char *const *)ids, N, NULL), 0);
    assert_int_equal(requests(f, "PUT /v1/me/tracks", "403"), 1);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 3);
    mark(f);
    assert_int_equal(spotc_library_remove_tracks(c, (const char *const *)ids, N, NULL), 0);
    assert_int_equal(requests(f, "DELETE /v1/me/library", "200"), 3);
    free_all(ids, N);
    spotc_client_free(c);
}

/* Every type's deprecated trio on one item, in the mode given. */
static void each_type(fixture *f, spotc_client *c)
{
    typedef int (*batch_fn)(spotc_client *, const char *const *, size_t,
                            const spotc_library_options *);
    typedef int (*check_fn)(bool **, spotc_client *, const char *const *, size_t,
                            const spotc_library_options *);
    const struct {
        const char *type;
        batch_fn save, remove;
        check_fn contains;
    } t[] = {
        {"track", spotc_library_save_tracks, spotc_library_remove_tracks,
         spotc_library_contains_tracks},
        {"album", spotc_library_save_albums, spotc_library_remove_albums,
         spotc_library_contains_albums},
        {"show", spotc_library_save_shows, spotc_library_remove_shows,
         spotc_library_contains_shows},
        {"episode", spotc_library_save_episodes, spotc_library_remove_episodes,
         spotc_library_contains_episodes},
        {"audiobook", spotc_library_save_audiobooks, spotc_library_remove_audiobooks,
         spotc_library_contains_audiobooks},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        const char *id[] = {sample(f, t[i].type)};
        bool *in = NULL;
        assert_int_equal(t[i].save(c, id, 1, NULL), 0);
        assert_int_equal(t[i].contains(&in, c, id, 1, NULL), 0);
        expect_all(in, 1, true);
        spotc_free(in);
        assert_int_equal(t[i].remove(c, id, 1, NULL), 0);
        assert_int_equal(t[i].contains(&in, c, id, 1, NULL), 0);
        expect_all(in, 1, false);
        spotc_free(in);
    }
}

static void test_each_type_extended(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    mark(f);
    each_type(f, c);
    assert_int_equal(requests(f, "PUT /v1/me/albums", "200"), 1);
    assert_int_equal(requests(f, "GET /v1/me/audiobooks/contains", "200"), 2);
    assert_int_equal(requests(f, "PUT /v1/me/library", "*"), 0);
    spotc_client_free(c);
}

static void test_each_type_development(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT);
    mark(f);
    each_type(f, c);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 5);
    assert_int_equal(requests(f, "GET /v1/me/library/contains", "200"), 10);
    assert_int_equal(requests(f, "PUT /v1/me/albums", "*"), 0);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ follows */

static void follow_round(fixture *f, spotc_client *c)
{
    const char *artist[] = {sample(f, "artist")};
    const char *user[] = {sample(f, "free_user")};
    bool *in = NULL;
    assert_int_equal(spotc_follow_add(c, SPOTC_TYPE_ARTIST, artist, 1, NULL), 0);
    assert_int_equal(spotc_follow_add(c, SPOTC_TYPE_USER, user, 1, NULL), 0);
    assert_int_equal(spotc_follow_contains(&in, c, SPOTC_TYPE_ARTIST, artist, 1, NULL), 0);
    expect_all(in, 1, true);
    spotc_free(in);
    assert_int_equal(spotc_follow_contains(&in, c, SPOTC_TYPE_USER, user, 1, NULL), 0);
    expect_all(in, 1, true);
    spotc_free(in);

    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    all.limit = 1; /* one artist a page: the cursors are followed */
    spotc_artist_list *al = NULL;
    mark(f);
    assert_int_equal(spotc_follow_list_artists(&al, c, &all), 0);
    bool found = false;
    for (size_t i = 0; i < al->count; i++)
        if (strcmp(al->items[i]->id, artist[0]) == 0) {
            assert_non_null(al->items[i]->name);
            assert_string_equal(al->items[i]->type, "artist");
            found = true;
        }
    assert_true(found);
    assert_int_equal(requests(f, "GET /v1/me/following", "200"), (long)al->count);
    spotc_artist_list_free(al);

    assert_int_equal(spotc_follow_remove(c, SPOTC_TYPE_ARTIST, artist, 1, NULL), 0);
    assert_int_equal(spotc_follow_remove(c, SPOTC_TYPE_USER, user, 1, NULL), 0);
    assert_int_equal(spotc_follow_contains(&in, c, SPOTC_TYPE_ARTIST, artist, 1, NULL), 0);
    expect_all(in, 1, false);
    spotc_free(in);
}

static void test_follow_extended(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    mark(f);
    follow_round(f, c);
    spotc_client_free(c);
}

static void test_follow_development(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO);
    /* One refusal in auto mode, then /me/library, remembered by the client. */
    const char *artist[] = {sample(f, "artist")};
    mark(f);
    assert_int_equal(spotc_follow_add(c, SPOTC_TYPE_ARTIST, artist, 1, NULL), 0);
    assert_int_equal(requests(f, "PUT /v1/me/following", "403"), 1);
    assert_int_equal(requests(f, "PUT /v1/me/library", "200"), 1);
    follow_round(f, c);
    assert_int_equal(requests(f, "DELETE /v1/me/following", "403"), 1); /* per operation */
    assert_int_equal(requests(f, "DELETE /v1/me/library", "200"), 2);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ users and top items */

static void test_users_and_top(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    spotc_user *me = NULL;
    assert_int_equal(spotc_user_get_current(&me, c), 0);
    assert_string_equal(me->id, sample(f, "user"));
    assert_string_equal(me->type, "user");
    assert_non_null(me->uri);
    assert_non_null(me->product);
    assert_non_null(me->email);
    spotc_user_free(me);
    spotc_user *other = NULL;
    char uri[160];
    uri_of(uri, sizeof uri, "user", sample(f, "free_user"));
    assert_int_equal(spotc_user_get(&other, c, uri), 0);
    assert_string_equal(other->id, sample(f, "free_user"));
    assert_null(other->email); /* a public profile */
    spotc_user_free(other);

    const spotc_top_range ranges[] = {SPOTC_TOP_RANGE_DEFAULT, SPOTC_TOP_RANGE_SHORT,
                                      SPOTC_TOP_RANGE_MEDIUM, SPOTC_TOP_RANGE_LONG};
    const char *names[] = {NULL, "short_term", "medium_term", "long_term"};
    for (size_t i = 0; i < 4; i++) {
        spotc_artist_list *ta = NULL;
        assert_int_equal(spotc_top_list_artists(&ta, c, ranges[i], NULL), 0);
        assert_true(ta->count > 0);
        assert_non_null(ta->items[0]->name);
        const char *href = ta->page.href;
        assert_non_null(href);
        if (names[i])
            assert_non_null(strstr(href, names[i]));
        spotc_artist_list_free(ta);
    }
    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    spotc_track_list *tt = NULL;
    assert_int_equal(spotc_top_list_tracks(&tt, c, SPOTC_TOP_RANGE_LONG, &all), 0);
    assert_true(tt->count > 0);
    assert_int_equal((int)tt->count, tt->page.total);
    assert_non_null(tt->items[0]->id);
    assert_true(tt->items[0]->duration_ms > 0);
    spotc_track_list_free(tt);
    spotc_client_free(c);
}

/* Development mode: the other user's profile is gone (no replacement). */
static void test_users_development(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO);
    spotc_user *u = NULL;
    assert_int_equal(spotc_user_get(&u, c, sample(f, "free_user")), SPOTC_EFORBIDDEN);
    assert_null(u);
    assert_int_equal(spotc_user_get_current(&u, c), 0);
    assert_string_equal(u->id, sample(f, "user"));
    spotc_user_free(u);
    spotc_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_library_any_type, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_library_refusals, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_120_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_120_development, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_each_type_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_each_type_development, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_follow_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_follow_development, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_users_and_top, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_users_development, setup_development, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
