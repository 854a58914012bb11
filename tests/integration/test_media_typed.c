/*
 * Every typed function of media.h and browse.h (and the catalogue's several
 * reads) against a spotc-emulator, with fields of the results checked: in an
 * extended-quota emulator every call answers; in a development-mode one the
 * several-item reads switch to single reads (auto mode) and the operations
 * Spotify removed answer SPOTC_EFORBIDDEN. Also: progress of all-page reads,
 * and the typed pager iterating a 10,000-item playlist.
 */
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* These deprecated functions are what is tested here. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define UNKNOWN "0000000000000000000000"

typedef struct fixture {
    emu e;
    spotc_client *client;
    json_t *sample; /* /_emulator/sample */
} fixture;

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
    char *resp = NULL;
    assert_int_equal(emu_http(&f->e, "GET", "/_emulator/sample", NULL, NULL, &resp), 200);
    f->sample = json_loads(resp, 0, NULL);
    free(resp);
    assert_int_equal(emu_http(&f->e, "POST", "/_emulator/token", NULL,
                              "{\"user\":\"demo\",\"scope\":\"user-read-playback-position "
                              "playlist-read-private\"}",
                              &resp),
                     200);
    json_t *tok = json_loads(resp, 0, NULL);
    free(resp);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = json_string_value(json_object_get(tok, "access_token"));
    f->client = emu_client(&f->e, &o);
    json_decref(tok);
    assert_non_null(f->client);
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
    spotc_client_free(f->client);
    json_decref(f->sample);
    emu_stop(&f->e);
    free(f);
    return 0;
}

/* Fail with the client's message. */
static void ok(const fixture *f, int rc)
{
    if (rc != 0)
        fail_msg("rc %d: %s", rc, spotc_client_last_error(f->client)->message);
}

static void check_identity(const char *id, const char *type, const char *want_id,
                           const char *want_type)
{
    assert_non_null(id);
    if (want_id)
        assert_string_equal(id, want_id);
    assert_string_equal(type, want_type);
}

/* ------------------------------------------------------------ media */

static void test_shows_and_episodes(void **state)
{
    fixture *f = *state;
    const char *show_id = sample(f, "show"), *ep_id = sample(f, "episode");
    char uri[64];
    snprintf(uri, sizeof uri, "spotify:show:%s", show_id);
    spotc_show *s = NULL;
    ok(f, spotc_show_get(&s, f->client, uri, NULL));
    check_identity(s->id, s->type, show_id, "show");
    assert_non_null(s->name);
    assert_non_null(s->publisher);
    assert_true(s->is_full);
    assert_true(s->total_episodes > 0);
    assert_non_null(s->episodes);
    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    spotc_episode_list *eps = NULL;
    ok(f, spotc_show_list_episodes(&eps, f->client, show_id, NULL, &all));
    assert_int_equal(eps->count, (size_t)s->total_episodes);
    for (size_t i = 0; i < eps->count; i++)
        check_identity(eps->items[i]->id, eps->items[i]->type, NULL, "episode");
    spotc_episode_list_free(eps);
    spotc_page_options one = SPOTC_PAGE_OPTIONS_INIT;
    one.limit = 1;
    ok(f, spotc_show_list_episodes(&eps, f->client, show_id, NULL, &one));
    assert_int_equal(eps->count, 1);
    assert_int_equal(eps->page.total, s->total_episodes);
    spotc_episode_list_free(eps);

    spotc_episode *e = NULL;
    ok(f, spotc_episode_get(&e, f->client, ep_id, NULL));
    check_identity(e->id, e->type, ep_id, "episode");
    assert_true(e->duration_ms > 0);
    assert_non_null(e->release_date);
    assert_non_null(e->show);
    assert_non_null(e->show->id);
    spotc_episode_free(e);

    const char *shows[] = {show_id, UNKNOWN, uri};
    spotc_show_list *sl = NULL;
    ok(f, spotc_show_get_several(&sl, f->client, shows, 3, NULL, NULL));
    assert_int_equal(sl->count, 3);
    assert_string_equal(sl->items[0]->id, show_id);
    assert_null(sl->items[1]);
    assert_string_equal(sl->items[2]->name, s->name);
    spotc_show_list_free(sl);
    const char *episodes[] = {ep_id, ep_id};
    spotc_episode_list *el = NULL;
    ok(f, spotc_episode_get_several(&el, f->client, episodes, 2, NULL, NULL));
    assert_int_equal(el->count, 2);
    assert_string_equal(el->items[1]->id, ep_id);
    spotc_episode_list_free(el);
    spotc_show_free(s);

    /* A malformed ID or one of another type costs no request. */
    const char *bad[] = {show_id, "spotify:episode:x!"};
    sl = (spotc_show_list *)1;
    assert_int_equal(spotc_show_get_several(&sl, f->client, bad, 2, NULL, NULL), SPOTC_EINVALID);
    assert_null(sl);
    assert_int_equal(spotc_show_get(&s, f->client, "spotify:track:" UNKNOWN, NULL), SPOTC_EINVALID);
}

static void test_audiobooks_and_chapters(void **state)
{
    fixture *f = *state;
    const char *book_id = sample(f, "audiobook"), *ch_id = sample(f, "chapter");
    spotc_audiobook *b = NULL;
    ok(f, spotc_audiobook_get(&b, f->client, book_id, NULL));
    check_identity(b->id, b->type, book_id, "audiobook");
    assert_true(b->author_count > 0);
    assert_non_null(b->authors[0].name);
    assert_true(b->total_chapters > 0);
    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    spotc_chapter_list *cl = NULL;
    ok(f, spotc_audiobook_list_chapters(&cl, f->client, book_id, NULL, &all));
    assert_int_equal(cl->count, (size_t)b->total_chapters);
    for (size_t i = 0; i < cl->count; i++)
        check_identity(cl->items[i]->id, cl->items[i]->type, NULL, "episode"); /* Spotify's */
    spotc_chapter_list_free(cl);

    spotc_chapter *c = NULL;
    ok(f, spotc_chapter_get(&c, f->client, ch_id, NULL));
    check_identity(c->id, c->type, ch_id, "episode"); /* a chapter's type, as Spotify has it */
    assert_true(c->chapter_number >= 0);
    assert_true(c->duration_ms > 0);
    spotc_chapter_free(c);

    const char *books[] = {UNKNOWN, book_id};
    spotc_audiobook_list *bl = NULL;
    ok(f, spotc_audiobook_get_several(&bl, f->client, books, 2, NULL, NULL));
    assert_int_equal(bl->count, 2);
    assert_null(bl->items[0]);
    assert_string_equal(bl->items[1]->name, b->name);
    spotc_audiobook_list_free(bl);
    const char *chapters[] = {ch_id};
    ok(f, spotc_chapter_get_several(&cl, f->client, chapters, 1, NULL, NULL));
    assert_int_equal(cl->count, 1);
    assert_string_equal(cl->items[0]->id, ch_id);
    spotc_chapter_list_free(cl);
    spotc_audiobook_free(b);
}

/* ------------------------------------------------------------ catalogue several */

static void count_progress(size_t done, size_t total, void *payload)
{
    size_t *last = payload;
    assert_true(done >= *last && done <= total);
    *last = done;
}

static void test_catalog_several(void **state)
{
    fixture *f = *state;
    const char *album = sample(f, "album"), *artist = sample(f, "artist");
    enum { N = 120 };
    const char *albums[N], *artists[N];
    for (size_t i = 0; i < N; i++) {
        albums[i] = i == 7 ? UNKNOWN : album;
        artists[i] = artist;
    }
    size_t done = 0;
    spotc_batch_options bo = SPOTC_BATCH_OPTIONS_INIT;
    bo.progress = count_progress;
    bo.progress_payload = &done;
    spotc_album_list *al = NULL;
    ok(f, spotc_album_get_several(&al, f->client, albums, N, NULL, &bo));
    assert_int_equal(al->count, N);
    assert_null(al->items[7]);
    assert_string_equal(al->items[N - 1]->id, album);
    assert_non_null(al->items[0]->name);
    assert_int_equal(done, N);
    spotc_album_list_free(al);
    spotc_artist_list *rl = NULL;
    ok(f, spotc_artist_get_several(&rl, f->client, artists, N, NULL));
    assert_int_equal(rl->count, N);
    assert_string_equal(rl->items[60]->id, artist);
    spotc_artist_list_free(rl);
    const char *tracks[] = {sample(f, "track")};
    spotc_track_list *tl = NULL;
    ok(f, spotc_track_get_several(&tl, f->client, tracks, 1, NULL, NULL));
    assert_string_equal(tl->items[0]->id, tracks[0]);
    spotc_track_list_free(tl);
    spotc_batch_options bad = {.version = 99};
    assert_int_equal(spotc_track_get_several(&tl, f->client, tracks, 1, NULL, &bad),
                     SPOTC_EINVALID);
}

/* ------------------------------------------------------------ progress and typed pages */

typedef struct seen {
    size_t calls, last_done, last_total;
} seen;

static void on_page(size_t done, size_t total, void *payload)
{
    seen *s = payload;
    assert_true(done >= s->last_done);
    assert_true(done <= total);
    s->calls++;
    s->last_done = done;
    s->last_total = total;
}

static void test_progress_of_all_pages(void **state)
{
    fixture *f = *state;
    seen s = {0};
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.limit = 1; /* one episode a page: a report per page */
    o.progress = on_page;
    o.progress_payload = &s;
    spotc_episode_list *eps = NULL;
    ok(f, spotc_show_list_episodes(&eps, f->client, sample(f, "show"), NULL, &o));
    assert_true(eps->count > 1);
    assert_int_equal(s.calls, eps->count + 1); /* each page, then the end */
    assert_int_equal(s.last_done, eps->count);
    assert_int_equal(s.last_total, eps->count);
    spotc_episode_list_free(eps);
    /* Version 2 options end before progress: it is never read. */
    spotc_page_options v2 = o;
    v2.version = 2;
    v2.progress = (spotc_progress_cb)1; /* would crash if called */
    ok(f, spotc_show_list_episodes(&eps, f->client, sample(f, "show"), NULL, &v2));
    spotc_episode_list_free(eps);
}

/* 10,000 playlist items (under valgrind the last 2,000) through the typed iterator,
 * in order, with progress. */
static void test_typed_pager_big_playlist(void **state)
{
    fixture *f = *state;
    seen s = {0};
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    const size_t from = harness_long_from(10000);
    o.limit = 50;
    o.offset = (int)from;
    o.progress = on_page;
    o.progress_payload = &s;
    const spotc_param params[] = {{"playlist_id", sample(f, "big_playlist")}};
    spotc_pager *pager = NULL;
    ok(f, spotc_pager_new(&pager, f->client, "get-playlists-items", params, 1, &o));
    size_t n = 0, pages = 0;
    char *first = NULL;
    spotc_playlist_item_list *page = NULL;
    int rc;
    while ((rc = spotc_pager_next_playlist_item_list(&page, pager)) == 1) {
        assert_int_equal(page->page.total, 10000);
        for (size_t i = 0; i < page->count; i++) {
            assert_non_null(page->items[i]);
            assert_true(page->items[i]->track || page->items[i]->episode);
        }
        if (!first)
            first = strdup(page->items[0]->track ? page->items[0]->track->id
                                                 : page->items[0]->episode->id);
        n += page->count;
        pages++;
        spotc_playlist_item_list_free(page);
    }
    assert_int_equal(rc, 0);
    assert_null(page);
    assert_int_equal(n, 10000 - from);
    assert_int_equal(pages, (10000 - from) / 50); /* 50 a page, as asked */
    assert_int_equal(s.calls, pages + 1);
    assert_int_equal(s.last_done, 10000 - from);
    assert_int_equal(s.last_total, 10000 - from);
    spotc_pager_free(pager);
    /* The first item read again through the untyped pager matches. */
    o = (spotc_page_options)SPOTC_PAGE_OPTIONS_INIT;
    o.max_items = 1;
    o.offset = (int)from;
    ok(f, spotc_pager_new(&pager, f->client, "get-playlists-items", params, 1, &o));
    assert_int_equal(spotc_pager_next_playlist_item_list(&page, pager), 1);
    assert_int_equal(page->count, 1);
    assert_string_equal(
        page->items[0]->track ? page->items[0]->track->id : page->items[0]->episode->id, first);
    spotc_playlist_item_list_free(page);
    spotc_pager_free(pager);
    free(first);
}

/* ------------------------------------------------------------ browse (extended) */

static void test_browse(void **state)
{
    fixture *f = *state;
    spotc_page_options all = SPOTC_PAGE_OPTIONS_INIT;
    all.all = 1;
    spotc_category_list *cats = NULL;
    ok(f, spotc_browse_list_categories(&cats, f->client, NULL, &all));
    assert_true(cats->count > 0);
    assert_non_null(cats->items[0]->id);
    assert_non_null(cats->items[0]->name);
    spotc_category *cat = NULL;
    ok(f, spotc_browse_get_category(&cat, f->client, cats->items[0]->id, "en_US"));
    assert_string_equal(cat->id, cats->items[0]->id);
    assert_string_equal(cat->name, cats->items[0]->name);
    spotc_playlist_list *pl = NULL;
    ok(f, spotc_browse_list_category_playlists(&pl, f->client, cat->id, NULL));
    for (size_t i = 0; i < pl->count; i++)
        check_identity(pl->items[i]->id, pl->items[i]->type, NULL, "playlist");
    spotc_playlist_list_free(pl);
    spotc_category_free(cat);
    spotc_category_list_free(cats);
    assert_int_equal(spotc_browse_get_category(&cat, f->client, "", NULL), SPOTC_EINVALID);

    ok(f, spotc_browse_list_featured_playlists(&pl, f->client, NULL, NULL));
    assert_true(pl->count > 0);
    check_identity(pl->items[0]->id, pl->items[0]->type, NULL, "playlist");
    spotc_playlist_list_free(pl);
    spotc_album_list *nr = NULL;
    ok(f, spotc_browse_list_new_releases(&nr, f->client, &all));
    assert_true(nr->count > 0);
    assert_int_equal(nr->count, (size_t)nr->page.total);
    check_identity(nr->items[0]->id, nr->items[0]->type, NULL, "album");
    spotc_album_list_free(nr);

    spotc_markets *m = NULL;
    ok(f, spotc_market_list(&m, f->client));
    assert_true(m->count > 10);
    int se = 0;
    for (size_t i = 0; i < m->count; i++)
        se |= strcmp(m->markets[i], "SE") == 0;
    assert_true(se);
    spotc_markets_free(m);
}

static void test_recommendations_and_audio(void **state)
{
    fixture *f = *state;
    spotc_genres *g = NULL;
    ok(f, spotc_recommendations_list_genres(&g, f->client));
    assert_true(g->count > 0);
    const char *track = sample(f, "track"), *artist = sample(f, "artist");
    spotc_recommendations_options ro;
    assert_int_equal(spotc_recommendations_options_init(&ro, SPOTC_RECOMMENDATIONS_OPTIONS_VERSION),
                     0);
    const char *genres[] = {g->genres[0]}, *tracks[] = {track}, *artists[] = {artist};
    ro.seed_genres = genres;
    ro.seed_genre_count = 1;
    ro.seed_tracks = tracks;
    ro.seed_track_count = 1;
    ro.seed_artists = artists;
    ro.seed_artist_count = 1;
    ro.limit = 7;
    ro.energy.has_min = 1; /* 0 is sent: a bound of 0 is a real bound */
    ro.tempo.has_target = 1;
    ro.tempo.target = 120.5;
    spotc_recommendations *r = NULL;
    ok(f, spotc_recommendations_get(&r, f->client, &ro));
    assert_true(r->track_count > 0 && r->track_count <= 7);
    assert_non_null(r->tracks[0]->id);
    assert_int_equal(r->seed_count, 3);
    assert_non_null(r->seeds[0].type);
    spotc_recommendations_free(r);
    spotc_genres_free(g);
    ro.seed_genre_count = 0;
    ro.seed_track_count = 0;
    ro.seed_artist_count = 0;
    assert_int_equal(spotc_recommendations_get(&r, f->client, &ro), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(f->client)->message, "0 seeds"));

    spotc_audio_features *af = NULL;
    ok(f, spotc_audio_features_get(&af, f->client, track));
    assert_string_equal(af->id, track);
    assert_true(af->tempo > 0 && !isnan(af->danceability));
    assert_true(af->duration_ms > 0);
    const char *ids[] = {track, UNKNOWN, track};
    spotc_audio_features_list *afl = NULL;
    ok(f, spotc_audio_features_get_several(&afl, f->client, ids, 3, NULL));
    assert_int_equal(afl->count, 3);
    assert_null(afl->items[1]);
    assert_true(afl->items[2]->tempo == af->tempo);
    spotc_audio_features_list_free(afl);
    spotc_audio_features_free(af);
    spotc_audio_analysis *an = NULL;
    ok(f, spotc_audio_analysis_get(&an, f->client, track));
    assert_true(an->section_count > 0);
    assert_true(an->track.tempo > 0);
    spotc_audio_analysis_free(an);
    spotc_artist_list *rel = NULL;
    ok(f, spotc_artist_get_related(&rel, f->client, artist));
    assert_true(rel->count > 0);
    check_identity(rel->items[0]->id, rel->items[0]->type, NULL, "artist");
    spotc_artist_list_free(rel);
}

/* ------------------------------------------------------------ development mode */

static void forbidden(const fixture *f, int rc, const void *out)
{
    assert_int_equal(rc, SPOTC_EFORBIDDEN);
    assert_null(out);
    assert_int_equal(spotc_client_last_error(f->client)->http_status, 403);
}

static void test_development_removed(void **state)
{
    fixture *f = *state;
    spotc_category_list *cats = NULL;
    forbidden(f, spotc_browse_list_categories(&cats, f->client, NULL, NULL), cats);
    spotc_category *cat = NULL;
    forbidden(f, spotc_browse_get_category(&cat, f->client, "pop", NULL), cat);
    spotc_playlist_list *pl = NULL;
    forbidden(f, spotc_browse_list_featured_playlists(&pl, f->client, NULL, NULL), pl);
    forbidden(f, spotc_browse_list_category_playlists(&pl, f->client, "pop", NULL), pl);
    spotc_album_list *nr = NULL;
    forbidden(f, spotc_browse_list_new_releases(&nr, f->client, NULL), nr);
    spotc_markets *m = NULL;
    forbidden(f, spotc_market_list(&m, f->client), m);
    spotc_genres *g = NULL;
    forbidden(f, spotc_recommendations_list_genres(&g, f->client), g);
    const char *track = sample(f, "track");
    spotc_recommendations_options ro = SPOTC_RECOMMENDATIONS_OPTIONS_INIT;
    ro.seed_tracks = &track;
    ro.seed_track_count = 1;
    spotc_recommendations *r = NULL;
    forbidden(f, spotc_recommendations_get(&r, f->client, &ro), r);
    spotc_audio_features *af = NULL;
    forbidden(f, spotc_audio_features_get(&af, f->client, track), af);
    spotc_audio_features_list *afl = NULL;
    forbidden(f, spotc_audio_features_get_several(&afl, f->client, &track, 1, NULL), afl);
    spotc_audio_analysis *an = NULL;
    forbidden(f, spotc_audio_analysis_get(&an, f->client, track), an);
    spotc_artist_list *rel = NULL;
    forbidden(f, spotc_artist_get_related(&rel, f->client, sample(f, "artist")), rel);
}

int main(void)
{
    const struct CMUnitTest extended[] = {
        cmocka_unit_test_setup_teardown(test_shows_and_episodes, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_audiobooks_and_chapters, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_catalog_several, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_progress_of_all_pages, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_typed_pager_big_playlist, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_browse, setup_extended, teardown),
        cmocka_unit_test_setup_teardown(test_recommendations_and_audio, setup_extended, teardown),
        /* development mode: several reads switch to single reads; the rest is refused */
        cmocka_unit_test_setup_teardown(test_shows_and_episodes, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_audiobooks_and_chapters, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_catalog_several, setup_development, teardown),
        cmocka_unit_test_setup_teardown(test_development_removed, setup_development, teardown),
    };
    return cmocka_run_group_tests(extended, NULL, NULL);
}
