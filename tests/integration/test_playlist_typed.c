/*
 * Every typed playlist function (spotc/playlist.h) against a spotc-emulator per
 * test, with the fields of the results checked: reads, create/edit, follow,
 * covers, and the item writes read back in order (10,000 items added in the
 * middle of a playlist keep their order and position; removal by URI with a
 * snapshot_id; reorder; replace). The deprecated functions run in extended
 * mode (their own /tracks paths) and, on a development-mode emulator, switch
 * to their replacements (auto mode: one 403, then the new form) or fail with
 * SPOTC_EFORBIDDEN where there is none; request counts from the emulator's
 * statistics.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* The deprecated functions are what this test is about. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define SCOPES                                                                                     \
    "playlist-read-private playlist-read-collaborative playlist-modify-public "                    \
    "playlist-modify-private ugc-image-upload user-library-read user-library-modify "              \
    "user-follow-read user-follow-modify"
#define BIG 10000

typedef struct fixture {
    emu e;
    char *token;
    char *sample; /* a playlist of the catalogue (not the demo user's) */
    char *big;    /* the 10,000-item playlist */
    json_t *base; /* statistics at mark() */
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

static char *control_string(const emu *e, const char *path, const char *body, const char *key)
{
    json_t *j = control(e, body ? "POST" : "GET", path, body);
    const char *v = json_string_value(json_object_get(j, key));
    assert_non_null(v);
    char *copy = strdup(v);
    json_decref(j);
    return copy;
}

static int setup_mode(void **state, const char *mode)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_start(&f->e, "--mode", mode, NULL);
    f->token = control_string(&f->e, "/_emulator/token",
                              "{\"user\":\"demo\",\"scope\":\"" SCOPES "\"}", "access_token");
    f->sample = control_string(&f->e, "/_emulator/sample", NULL, "playlist");
    f->big = control_string(&f->e, "/_emulator/sample", NULL, "big_playlist");
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
    free(f->sample);
    free(f->big);
    json_decref(f->base);
    free(f);
    return 0;
}

static spotc_client *client_for(const fixture *f, spotc_app_mode mode)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = f->token;
    o.max_retries = SPOTC_NO_RETRY;
    o.mode = mode;
    return emu_client(&f->e, &o);
}

static void mark(fixture *f)
{
    json_decref(f->base);
    f->base = control(&f->e, "GET", "/_emulator/stats", NULL);
}

/* Requests to a route ("GET /v1/playlists/{playlist_id}/tracks") with a status ("*": any). */
static long count_in(json_t *stats, const char *route, const char *status)
{
    json_t *counts = json_object_get(json_object_get(stats, "requests"), route);
    long n = 0;
    const char *k;
    json_t *v;
    json_object_foreach(counts, k, v)
    {
        if (strcmp(status, "*") == 0 || strcmp(status, k) == 0)
            n += (long)json_integer_value(v);
    }
    return n;
}

static long requests(const fixture *f, const char *route, const char *status)
{
    json_t *now = control(&f->e, "GET", "/_emulator/stats", NULL);
    long n = count_in(now, route, status) - (f->base ? count_in(f->base, route, status) : 0);
    json_decref(now);
    return n;
}

#define ITEMS_ROUTE(m) m " /v1/playlists/{playlist_id}/items"
#define TRACKS_ROUTE(m) m " /v1/playlists/{playlist_id}/tracks"

/* ------------------------------------------------------------ helpers */

static const char *item_uri(const spotc_playlist_item *it)
{
    if (it && it->track)
        return it->track->uri;
    return it && it->episode ? it->episode->uri : NULL;
}

/* Every item of a playlist as URIs (the caller frees the list). */
static spotc_playlist_item_list *all_items(spotc_client *c, const char *pl)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    spotc_playlist_item_list *l = NULL;
    assert_int_equal(spotc_playlist_list_items(&l, c, pl, NULL, &po), 0);
    return l;
}

static void assert_items(spotc_client *c, const char *pl, const char *const *want, size_t n)
{
    spotc_playlist_item_list *l = all_items(c, pl);
    assert_int_equal(l->count, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(item_uri(l->items[i]), want[i]);
    spotc_playlist_item_list_free(l);
}

/* n track URIs of the big playlist (strdup'd). */
static char **track_uris(spotc_client *c, const fixture *f, size_t n)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    po.max_items = (int)n;
    spotc_playlist_item_list *l = NULL;
    assert_int_equal(spotc_playlist_list_items(&l, c, f->big, NULL, &po), 0);
    assert_int_equal(l->count, n);
    char **v = calloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = strdup(item_uri(l->items[i]));
    spotc_playlist_item_list_free(l);
    return v;
}

/* The item URIs of a playlist read straight from the emulator with a `fields`
 * filter, n at most: full pages of 10,000 items would make the valgrind run
 * take minutes and gigabytes. */
static char **raw_uris(const fixture *f, const char *pl, size_t n, size_t *got)
{
    char auth[512], path[256];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", f->token);
    char **v = calloc(n ? n : 1, sizeof *v);
    size_t have = 0, page = 1;
    for (size_t offset = 0; have < n && page > 0; offset += 50) {
        snprintf(path, sizeof path,
                 "/v1/playlists/%s/items?limit=50&offset=%zu&fields=items(item(uri))", pl, offset);
        char *body = NULL;
        assert_int_equal(emu_http(&f->e, "GET", path, auth, NULL, &body), 200);
        json_t *j = json_loads(body, 0, NULL);
        free(body);
        json_t *items = json_object_get(j, "items");
        page = json_array_size(items);
        for (size_t i = 0; i < page && have < n; i++) {
            const char *u = json_string_value(
                json_object_get(json_object_get(json_array_get(items, i), "item"), "uri"));
            assert_non_null(u);
            v[have++] = strdup(u);
        }
        json_decref(j);
    }
    *got = have;
    return v;
}

static void free_uris(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static char *new_playlist(spotc_client *c, const char *name)
{
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = name;
    spotc_playlist *p = NULL;
    assert_int_equal(spotc_playlist_create(&p, c, &d), 0);
    char *id = strdup(p->id);
    spotc_playlist_free(p);
    return id;
}

/* ------------------------------------------------------------ reads */

static void test_reads(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    char uri[64];
    snprintf(uri, sizeof uri, "spotify:playlist:%s", f->sample);
    spotc_playlist *p = NULL;
    assert_int_equal(spotc_playlist_get(&p, c, uri, NULL), 0);
    assert_string_equal(p->id, f->sample);
    assert_string_equal(p->type, "playlist");
    assert_non_null(p->name);
    assert_non_null(p->snapshot_id);
    assert_non_null(p->owner);
    assert_non_null(p->owner->id);
    assert_true(p->total_items > 0);
    assert_non_null(p->items);
    assert_true(p->items->count > 0);
    assert_non_null(item_uri(p->items->items[0]));
    int total = p->total_items;

    /* one page, then all of them */
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 3;
    po.offset = 1;
    spotc_playlist_item_list *l = NULL;
    assert_int_equal(spotc_playlist_list_items(&l, c, f->sample, NULL, &po), 0);
    assert_int_equal(l->count, total > 4 ? 3 : total - 1);
    assert_int_equal(l->page.offset, 1);
    assert_int_equal(l->page.total, total);
    assert_string_equal(item_uri(l->items[0]), item_uri(p->items->items[1]));
    assert_non_null(l->items[0]->added_at);
    spotc_playlist_item_list_free(l);
    l = all_items(c, f->sample);
    assert_int_equal(l->count, (size_t)total);
    spotc_playlist_item_list_free(l);
    spotc_playlist_free(p);

    /* a malformed ID costs nothing */
    mark(f);
    assert_int_equal(spotc_playlist_get(&p, c, "spotify:album:xyz", NULL), SPOTC_EINVALID);
    assert_null(p);
    assert_int_equal(requests(f, "GET /v1/playlists/{playlist_id}", "*"), 0);

    /* the cover */
    spotc_image_list *img = NULL;
    assert_int_equal(spotc_playlist_get_cover(&img, c, f->sample), 0);
    assert_true(img->count > 0);
    assert_non_null(img->items[0]->url);
    spotc_image_list_free(img);
    spotc_client_free(c);
}

static void test_lists_of_playlists(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    char *mine = new_playlist(c, "Mine");
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    spotc_playlist_list *l = NULL;
    assert_int_equal(spotc_playlist_list_mine(&l, c, &po), 0);
    int found = 0;
    for (size_t i = 0; i < l->count; i++) {
        assert_non_null(l->items[i]->id);
        assert_non_null(l->items[i]->owner);
        if (strcmp(l->items[i]->id, mine) == 0) {
            found = 1;
            assert_string_equal(l->items[i]->name, "Mine");
            assert_string_equal(l->items[i]->owner->id, "demo");
            assert_int_equal(l->items[i]->total_items, 0);
        }
    }
    assert_true(found);
    size_t count = l->count;
    spotc_playlist_list_free(l);

    /* the deprecated list of a user's playlists: the same user, public ones */
    assert_int_equal(spotc_playlist_list_user(&l, c, "demo", &po), 0);
    assert_true(l->count > 0 && l->count <= count);
    assert_string_equal(l->items[0]->owner->id, "demo");
    spotc_playlist_list_free(l);
    free(mine);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ playlists */

static void test_create_and_edit(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    spotc_playlist *p = NULL;
    assert_int_equal(spotc_playlist_create(&p, c, &d), SPOTC_EINVALID); /* no name */
    d.name = "Road trip";
    d.description = "for the car";
    d.is_public = 0;
    assert_int_equal(spotc_playlist_create(&p, c, &d), 0);
    assert_string_equal(p->name, "Road trip");
    assert_string_equal(p->description, "for the car");
    assert_int_equal(p->is_public, 0);
    assert_false(p->collaborative);
    assert_string_equal(p->owner->id, "demo");
    char *id = strdup(p->id);
    spotc_playlist_free(p);

    spotc_playlist_details edit;
    assert_int_equal(spotc_playlist_details_init(&edit, SPOTC_PLAYLIST_DETAILS_VERSION), 0);
    assert_int_equal(spotc_playlist_change_details(c, id, &edit), SPOTC_EINVALID); /* nothing */
    edit.name = "Road trip 2";
    edit.collaborative = 1;
    assert_int_equal(spotc_playlist_change_details(c, id, &edit), 0);
    assert_int_equal(spotc_playlist_get(&p, c, id, NULL), 0);
    assert_string_equal(p->name, "Road trip 2");
    assert_string_equal(p->description, "for the car");
    assert_true(p->collaborative);
    assert_int_equal(p->is_public, 0);
    spotc_playlist_free(p);

    /* the deprecated path */
    d.name = "Old path";
    assert_int_equal(spotc_playlist_create_for_user(&p, c, "spotify:user:demo", &d), 0);
    assert_string_equal(p->name, "Old path");
    assert_string_equal(p->owner->id, "demo");
    spotc_playlist_free(p);
    free(id);
    spotc_client_free(c);
}

static void follow_round(fixture *f, spotc_client *c)
{
    bool follows = true;
    assert_int_equal(spotc_playlist_unfollow(c, f->sample), 0);
    assert_int_equal(spotc_playlist_contains_followers(&follows, c, f->sample), 0);
    assert_false(follows);
    assert_int_equal(spotc_playlist_follow(c, f->sample, SPOTC_PLAYLIST_UNSET), 0);
    assert_int_equal(spotc_playlist_contains_followers(&follows, c, f->sample), 0);
    assert_true(follows);
    assert_int_equal(spotc_playlist_follow(c, f->sample, 7), SPOTC_EINVALID);
}

static void test_follow_extended(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    mark(f);
    follow_round(f, c);
    assert_int_equal(requests(f, "PUT /v1/playlists/{playlist_id}/followers", "200"), 1);
    assert_int_equal(requests(f, "DELETE /v1/playlists/{playlist_id}/followers", "200"), 1);
    spotc_client_free(c);
}

/* ------------------------------------------------------------ items */

typedef struct progress_log {
    size_t calls, last_done, total;
    int decreased;
} progress_log;

static void on_progress(size_t done, size_t total, void *payload)
{
    progress_log *p = payload;
    p->decreased |= done < p->last_done;
    p->calls++;
    p->last_done = done;
    p->total = total;
}

/* A playlist holds at most 10,000 items: the two ends first, then the 9,998
 * between them added at position 1, in 100 chunks. */
static void test_ten_thousand_keep_order_and_position(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    size_t n = 0;
    char **uris = raw_uris(f, f->big, BIG, &n);
    assert_int_equal(n, BIG);
    char *pl = new_playlist(c, "Big copy");
    const char *ends[] = {uris[0], uris[BIG - 1]};
    char *snap = NULL;
    assert_int_equal(spotc_playlist_add_items(&snap, c, pl, ends, 2, NULL), 0);
    assert_non_null(snap);
    spotc_free(snap);

    mark(f);
    spotc_playlist_add_options ao = SPOTC_PLAYLIST_ADD_OPTIONS_INIT;
    ao.position = 1; /* between the two */
    progress_log log = {0};
    ao.progress = on_progress;
    ao.progress_payload = &log;
    assert_int_equal(
        spotc_playlist_add_items(&snap, c, pl, (const char *const *)uris + 1, BIG - 2, &ao), 0);
    assert_non_null(snap);
    assert_int_equal(requests(f, ITEMS_ROUTE("POST"), "201"), (BIG - 2 + 99) / 100);
    assert_int_equal(log.calls, (BIG - 2 + 99) / 100);
    assert_int_equal(log.last_done, BIG - 2);
    assert_int_equal(log.total, BIG - 2);
    assert_false(log.decreased);
    char **back = raw_uris(f, pl, BIG + 1, &n);
    assert_int_equal(n, BIG);
    for (size_t i = 0; i < BIG; i++)
        assert_string_equal(back[i], uris[i]);
    free_uris(back, n);
    spotc_free(snap);
    free(pl);
    free_uris(uris, BIG);
    spotc_client_free(c);
}

static void test_add_remove_reorder_replace(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    char **uris = track_uris(c, f, 150);
    char *pl = new_playlist(c, "Edits");

    /* a bare track ID is a track; an album is refused before anything is sent */
    const char *bad[] = {uris[0], "spotify:album:4aawyAB9vmqN3uQ7FjRGTy"};
    mark(f);
    assert_int_equal(spotc_playlist_add_items(NULL, c, pl, bad, 2, NULL), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "item 2"));
    assert_int_equal(requests(f, ITEMS_ROUTE("POST"), "*"), 0);
    const char *four[] = {uris[0] + strlen("spotify:track:"), uris[1], uris[2], uris[3]};
    assert_int_equal(spotc_playlist_add_items(NULL, c, pl, four, 4, NULL), 0);
    const char *after_add[] = {uris[0], uris[1], uris[2], uris[3]};
    assert_items(c, pl, after_add, 4);

    /* reorder: the first item moved before the fourth (range_start 0, insert_before 3) */
    char *snap = NULL;
    assert_int_equal(spotc_playlist_reorder_items(&snap, c, pl, 0, 3, NULL), 0);
    assert_non_null(snap);
    const char *after_move[] = {uris[1], uris[2], uris[0], uris[3]};
    assert_items(c, pl, after_move, 4);
    spotc_playlist_reorder_options ro = SPOTC_PLAYLIST_REORDER_OPTIONS_INIT;
    ro.range_length = 2;
    ro.snapshot_id = snap;
    char *snap2 = NULL;
    assert_int_equal(spotc_playlist_reorder_items(&snap2, c, pl, 2, 0, &ro), 0);
    const char *after_range[] = {uris[0], uris[3], uris[1], uris[2]};
    assert_items(c, pl, after_range, 4);
    assert_string_not_equal(snap, snap2);

    /* remove by URI with the snapshot the caller has */
    spotc_playlist_remove_options rm = SPOTC_PLAYLIST_REMOVE_OPTIONS_INIT;
    rm.snapshot_id = snap2;
    const char *gone[] = {uris[3], uris[1]};
    char *snap3 = NULL;
    assert_int_equal(spotc_playlist_remove_items(&snap3, c, pl, gone, 2, &rm), 0);
    assert_non_null(snap3);
    const char *after_remove[] = {uris[0], uris[2]};
    assert_items(c, pl, after_remove, 2);

    /* replace with 150: one PUT, then the rest added */
    mark(f);
    progress_log log = {0};
    spotc_playlist_add_options ao = SPOTC_PLAYLIST_ADD_OPTIONS_INIT;
    ao.progress = on_progress;
    ao.progress_payload = &log;
    assert_int_equal(spotc_playlist_replace_items(NULL, c, pl, (const char *const *)uris, 150, &ao),
                     0);
    assert_int_equal(log.calls, 2);
    assert_int_equal(log.last_done, 150);
    assert_int_equal(log.total, 150);
    assert_int_equal(requests(f, ITEMS_ROUTE("PUT"), "*"), 1);
    assert_int_equal(requests(f, ITEMS_ROUTE("POST"), "*"), 1);
    assert_items(c, pl, (const char *const *)uris, 150);
    assert_int_equal(spotc_playlist_replace_items(NULL, c, pl, NULL, 0, NULL), 0);
    assert_items(c, pl, NULL, 0);

    spotc_free(snap);
    spotc_free(snap2);
    spotc_free(snap3);
    free(pl);
    free_uris(uris, 150);
    spotc_client_free(c);
}

/* The deprecated item functions: their own /tracks paths in extended mode. */
static void deprecated_items_round(fixture *f, spotc_client *c)
{
    char **uris = track_uris(c, f, 3);
    char *pl = new_playlist(c, "Old paths");
    assert_int_equal(spotc_playlist_add_tracks(NULL, c, pl, (const char *const *)uris, 3, NULL), 0);
    assert_int_equal(spotc_playlist_reorder_tracks(NULL, c, pl, 0, 3, NULL), 0);
    const char *gone[] = {uris[1]};
    assert_int_equal(spotc_playlist_remove_tracks(NULL, c, pl, gone, 1, NULL), 0);
    spotc_playlist_item_list *l = NULL;
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    assert_int_equal(spotc_playlist_list_tracks(&l, c, pl, NULL, &po), 0);
    assert_int_equal(l->count, 2);
    assert_string_equal(item_uri(l->items[0]), uris[2]);
    assert_string_equal(item_uri(l->items[1]), uris[0]);
    spotc_playlist_item_list_free(l);
    free(pl);
    free_uris(uris, 3);
}

static void test_deprecated_extended(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_EXTENDED);
    mark(f);
    deprecated_items_round(f, c);
    assert_int_equal(requests(f, TRACKS_ROUTE("POST"), "201"), 1);
    assert_int_equal(requests(f, TRACKS_ROUTE("PUT"), "200"), 1);
    assert_int_equal(requests(f, TRACKS_ROUTE("DELETE"), "200"), 1);
    assert_true(requests(f, TRACKS_ROUTE("GET"), "200") >= 1);
    spotc_client_free(c);
}

/* Auto mode on a development-mode emulator: one 403 per operation, then /items. */
static void test_deprecated_auto_on_development(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_AUTO);
    mark(f);
    deprecated_items_round(f, c);
    assert_int_equal(requests(f, TRACKS_ROUTE("POST"), "403"), 1);
    assert_int_equal(requests(f, TRACKS_ROUTE("PUT"), "403"), 1);
    assert_int_equal(requests(f, TRACKS_ROUTE("DELETE"), "403"), 1);
    assert_int_equal(requests(f, TRACKS_ROUTE("GET"), "403"), 1);
    assert_int_equal(requests(f, ITEMS_ROUTE("POST"), "201"), 1);
    assert_int_equal(requests(f, ITEMS_ROUTE("DELETE"), "200"), 1);
    follow_round(f, c);
    assert_true(requests(f, "PUT /v1/me/library", "200") >= 1);
    /* no replacement: refused */
    spotc_playlist_list *l = NULL;
    assert_int_equal(spotc_playlist_list_user(&l, c, "demo", NULL), SPOTC_EFORBIDDEN);
    assert_null(l);
    spotc_client_free(c);
}

/* Development mode: the new forms straight away, no 403 at all. */
static void test_deprecated_development(void **state)
{
    fixture *f = *state;
    spotc_client *c = client_for(f, SPOTC_APP_MODE_DEVELOPMENT);
    mark(f);
    deprecated_items_round(f, c);
    follow_round(f, c);
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = "Dev";
    spotc_playlist *p = NULL;
    assert_int_equal(spotc_playlist_create_for_user(&p, c, "demo", &d), 0);
    assert_string_equal(p->name, "Dev");
    spotc_playlist_free(p);
    assert_int_equal(requests(f, TRACKS_ROUTE("POST"), "*"), 0);
    assert_int_equal(requests(f, TRACKS_ROUTE("GET"), "*"), 0);
    assert_int_equal(requests(f, "PUT /v1/playlists/{playlist_id}/followers", "*"), 0);
    assert_int_equal(requests(f, "POST /v1/users/{user_id}/playlists", "*"), 0);
    spotc_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_lists_of_playlists, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_create_and_edit, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_follow_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_ten_thousand_keep_order_and_position, setup_extended,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_add_remove_reorder_replace, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_deprecated_extended, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_deprecated_auto_on_development, setup_development,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_deprecated_development, setup_development, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
