/*
 * Every area's models on canned responses (the fuzz corpus of fuzz_models,
 * read from the source tree): playlists with tracks, episodes, local files and
 * null items; the current user; the player; shows, episodes, audiobooks and
 * chapters; audio features and analysis; recommendations; categories; saved
 * items; typed search pages. Under valgrind/ASan one _free() releases all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "model.h"

/* A corpus file's bytes (the caller frees them). */
static char *corpus(const char *name, size_t *len)
{
    const char *src = getenv("SPOTC_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fuzz/corpus/fuzz_models/%s", src ? src : ".", name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

/* Parse a corpus file as the model `desc`. */
static void *parse_file(const spotc__model_desc *desc, const char *name)
{
    size_t len;
    char *body = corpus(name, &len);
    void *m = NULL;
    assert_int_equal(spotc__model_parse(&m, desc, body, len), 0);
    free(body);
    spotc__model_walk(desc, m);
    return m;
}

static void test_playlist_items(void **state)
{
    (void)state;
    spotc_playlist *p = parse_file(&spotc__playlist_desc, "playlist.json");
    assert_string_equal(p->id, "P");
    assert_int_equal(p->is_public, -1); /* null: not relevant */
    assert_false(p->collaborative);
    assert_int_equal(p->followers, 7);
    assert_string_equal(p->owner->id, "u1");
    assert_null(p->owner->display_name);
    assert_string_equal(p->owner->spotify_url, "https://open.spotify.com/user/u1");
    assert_int_equal(p->total_items, 5);
    assert_string_equal(p->items_href, "h");
    const spotc_playlist_item_list *items = p->items;
    assert_non_null(items);
    assert_int_equal(items->count, 5);
    assert_int_equal(items->page.limit, 100);
    /* "item" holds a track */
    const spotc_playlist_item *it = items->items[0];
    assert_string_equal(it->added_at, "2024-01-01T00:00:00Z");
    assert_string_equal(it->added_by->id, "u1");
    assert_string_equal(it->track->id, "T");
    assert_string_equal(it->track->album->name, "Al");
    assert_null(it->episode);
    /* an episode under the older "track" key */
    it = items->items[1];
    assert_null(it->track);
    assert_string_equal(it->episode->id, "E");
    assert_string_equal(it->episode->show->name, "Show");
    assert_int_equal(it->episode->resume_point.resume_position_ms, 500);
    assert_false(it->episode->resume_point.fully_played);
    assert_int_equal(it->episode->language_count, 2);
    /* a local file */
    it = items->items[2];
    assert_true(it->is_local);
    assert_true(it->track->is_local);
    assert_null(it->track->id);
    assert_string_equal(it->track->uri, "spotify:local:a:b:c:10");
    /* a track that is null, and an item that is null */
    it = items->items[3];
    assert_non_null(it);
    assert_null(it->track);
    assert_null(it->episode);
    assert_null(it->added_at);
    assert_null(it->added_by);
    assert_null(items->items[4]);
    spotc_playlist_free(p);

    /* The same page read as a track list: the episode as a track, nulls as NULL. */
    size_t len;
    char *body = corpus("playlist.json", &len);
    spotc_track_list *tl;
    assert_int_equal(spotc_track_list_parse(&tl, body, len), 0);
    free(body);
    assert_int_equal(tl->count, 5);
    assert_string_equal(tl->items[1]->type, "episode");
    assert_null(tl->items[3]);
    spotc_track_list_free(tl);
}

static void test_playlist_pages(void **state)
{
    (void)state;
    spotc_playlist_list *l = parse_file(&spotc__playlist_list_desc, "playlists_page.json");
    assert_int_equal(l->count, 2);
    assert_int_equal(l->page.total, 2);
    assert_string_equal(l->items[0]->name, "one");
    assert_int_equal(l->items[0]->total_items, 12);
    assert_int_equal(l->items[0]->is_public, 1);
    assert_null(l->items[0]->items); /* simplified: only a reference */
    assert_null(l->items[1]);
    assert_non_null(json_object_get(l->json, "items")); /* json: the paging object */
    spotc_playlist_list_free(l);
}

static void test_private_user(void **state)
{
    (void)state;
    spotc_user *u = parse_file(&spotc__user_desc, "me.json");
    assert_string_equal(u->id, "me");
    assert_string_equal(u->country, "SE");
    assert_string_equal(u->product, "premium");
    assert_int_equal(u->explicit_content.filter_enabled, 0);
    assert_int_equal(u->explicit_content.filter_locked, 1);
    assert_int_equal(u->followers, 3);
    assert_int_equal(u->image_count, 0);
    spotc_user_free(u);
}

static void test_player(void **state)
{
    (void)state;
    spotc_playback_state *s = parse_file(&spotc__playback_state_desc, "player_state.json");
    assert_string_equal(s->device->name, "Kitchen");
    assert_int_equal(s->device->volume_percent, -1);
    assert_true(s->device->is_active);
    assert_int_equal(s->shuffle_state, 1);
    assert_int_equal(s->timestamp, 1700000000000L);
    assert_int_equal(s->progress_ms, 1234);
    assert_string_equal(s->context->uri, "spotify:playlist:P");
    assert_null(s->track);
    assert_string_equal(s->episode->id, "E");
    assert_true(s->actions.resuming); /* from actions.disallows */
    assert_true(s->actions.skipping_prev);
    assert_false(s->actions.pausing);
    spotc_playback_state_free(s);

    spotc_currently_playing *c = parse_file(&spotc__currently_playing_desc,
                                            "currently_playing.json");
    assert_string_equal(c->track->id, "T");
    assert_null(c->device);
    assert_null(c->context);
    assert_int_equal(c->progress_ms, -1);
    assert_int_equal(c->shuffle_state, -1);
    spotc_currently_playing_free(c);

    spotc_queue *q = parse_file(&spotc__queue_desc, "queue.json");
    assert_string_equal(q->currently_playing->track->id, "T");
    assert_int_equal(q->queue_count, 2); /* null and 7 are not items */
    assert_string_equal(q->queue[0].episode->id, "E");
    assert_null(q->queue[0].track);
    assert_string_equal(q->queue[1].track->linked_from->id, "L");
    spotc_queue_free(q);

    spotc_device_list *d = parse_file(&spotc__device_list_desc, "devices.json");
    assert_int_equal(d->count, 2);
    assert_int_equal(d->items[0]->volume_percent, 60);
    assert_null(d->items[1]->id);
    spotc_device_list_free(d);

    spotc_play_history_list *h = parse_file(&spotc__play_history_list_desc,
                                            "recently_played.json");
    assert_int_equal(h->count, 1);
    assert_string_equal(h->page.cursor_after, "1700");
    assert_string_equal(h->page.cursor_before, "1600");
    assert_int_equal(h->page.offset, -1);
    assert_string_equal(h->items[0]->played_at, "2024-01-01T00:00:00Z");
    assert_string_equal(h->items[0]->track->external_ids.upc, "U");
    assert_string_equal(h->items[0]->context->type, "album");
    spotc_play_history_list_free(h);
}

static void test_shows_and_books(void **state)
{
    (void)state;
    spotc_show *s = parse_file(&spotc__show_desc, "show.json");
    assert_true(s->is_full);
    assert_int_equal(s->copyright_count, 1);
    assert_string_equal(s->copyrights[0].type, "C");
    assert_int_equal(s->episodes->count, 2);
    assert_null(s->episodes->items[0]->show); /* a show's episodes do not nest the show */
    assert_null(s->episodes->items[1]);
    spotc_show_free(s);

    spotc_episode *e = parse_file(&spotc__episode_desc, "episode.json");
    assert_string_equal(e->show->publisher, "P");
    assert_null(e->show->episodes);
    assert_int_equal(e->is_playable, -1);
    spotc_episode_free(e);

    spotc_audiobook *b = parse_file(&spotc__audiobook_desc, "audiobook.json");
    assert_int_equal(b->author_count, 1);
    assert_string_equal(b->authors[0].name, "Au");
    assert_int_equal(b->narrator_count, 1);
    assert_string_equal(b->edition, "Unabridged");
    assert_int_equal(b->chapters->count, 1);
    assert_int_equal(b->chapters->items[0]->chapter_number, 1);
    assert_null(b->chapters->items[0]->audiobook);
    spotc_audiobook_free(b);

    spotc_chapter *c = parse_file(&spotc__chapter_desc, "chapter.json");
    assert_string_equal(c->audiobook->name, "Book");
    assert_null(c->audiobook->chapters);
    assert_true(c->resume_point.fully_played);
    assert_int_equal(c->resume_point.resume_position_ms, -1);
    assert_string_equal(c->restrictions.reason, "payment_required");
    spotc_chapter_free(c);

    spotc_saved_show_list *ss = parse_file(&spotc__saved_show_list_desc, "saved_shows.json");
    assert_int_equal(ss->count, 2);
    assert_string_equal(ss->items[0]->show->id, "S");
    assert_string_equal(ss->items[1]->added_at, "y");
    assert_null(ss->items[1]->show);
    spotc_saved_show_list_free(ss);
}

static void test_audio(void **state)
{
    (void)state;
    spotc_audio_features_list *f = parse_file(&spotc__audio_features_list_desc,
                                              "audio_features.json");
    assert_int_equal(f->count, 2);
    const spotc_audio_features *a = f->items[0];
    assert_true(a->loudness < -7.2 && a->loudness > -7.3);
    assert_true(a->tempo > 119.9 && a->tempo < 120.1); /* an integer read as a double */
    assert_true(isnan(a->danceability));               /* null */
    assert_true(isnan(a->energy));                     /* missing */
    assert_int_equal(a->key, -1);
    assert_int_equal(a->mode, 1);
    assert_null(f->items[1]);
    spotc_audio_features_list_free(f);

    spotc_audio_analysis *an = parse_file(&spotc__audio_analysis_desc, "audio_analysis.json");
    assert_string_equal(an->meta.analyzer_version, "4.0.0");
    assert_int_equal(an->meta.timestamp, 1496718000L);
    assert_int_equal(an->track.num_samples, 100);
    assert_int_equal(an->track.key, 5);
    assert_int_equal(an->bar_count, 1);
    assert_int_equal(an->beat_count, 0);
    assert_int_equal(an->tatum_count, 0);
    assert_int_equal(an->sections[0].mode, -1);
    assert_int_equal(an->segments[0].pitch_count, 2); /* "x" skipped */
    assert_int_equal(an->segments[0].timbre_count, 2);
    assert_true(an->segments[0].timbre[1] == -3.0);
    spotc_audio_analysis_free(an);
}

static void test_recommendations_and_categories(void **state)
{
    (void)state;
    spotc_recommendations *r = parse_file(&spotc__recommendations_desc, "recommendations.json");
    assert_int_equal(r->seed_count, 1);
    assert_null(r->seeds[0].href);
    assert_int_equal(r->seeds[0].initial_pool_size, 500);
    assert_int_equal(r->seeds[0].after_filtering_size, 380);
    assert_int_equal(r->track_count, 2);
    assert_string_equal(r->tracks[0]->id, "T");
    assert_null(r->tracks[1]);
    spotc_recommendations_free(r);

    spotc_category_list *c = parse_file(&spotc__category_list_desc, "categories.json");
    assert_int_equal(c->count, 1);
    assert_int_equal(c->page.total, 1);
    assert_string_equal(c->items[0]->icons[0].url, "i");
    spotc_category_list_free(c);
}

static void test_search_typed_pages(void **state)
{
    (void)state;
    const char *json = "{\"playlists\":{\"items\":[null,{\"id\":\"p\"}],\"total\":9},"
                       "\"shows\":{\"items\":[{\"id\":\"s\"}]},\"episodes\":{\"items\":[]},"
                       "\"audiobooks\":{\"items\":[{\"id\":\"b\",\"authors\":[{\"name\":\"A\"}]}]}}";
    spotc_search_result *r;
    assert_int_equal(spotc_search_result_parse(&r, json, strlen(json)), 0);
    assert_null(r->tracks);
    assert_int_equal(r->playlist_list->count, 2);
    assert_null(r->playlist_list->items[0]);
    assert_string_equal(r->playlist_list->items[1]->id, "p");
    assert_int_equal(r->playlist_list->page.total, 9);
    assert_ptr_equal(r->playlists, r->playlist_list->json);
    assert_string_equal(r->show_list->items[0]->id, "s");
    assert_int_equal(r->episode_list->count, 0);
    assert_string_equal(r->audiobook_list->items[0]->authors[0].name, "A");
    spotc_search_result_free(r);
}

/* The typed pager's path: pages appended one by one into a list that keeps their documents. */
static void test_pages_appended(void **state)
{
    (void)state;
    spotc_playlist_list *l = spotc__playlist_list_new();
    assert_non_null(l);
    assert_int_equal(l->page.total, -1);
    for (int p = 0; p < 3; p++) {
        char body[128];
        snprintf(body, sizeof body, "{\"items\":[{\"id\":\"p%d\"}],\"total\":3,\"next\":%s}", p,
                 p < 2 ? "\"n\"" : "null");
        json_t *doc;
        assert_int_equal(spotc__json_load(&doc, body, strlen(body)), 0);
        assert_int_equal(spotc__model_keep(l, doc), 0);
        spotc__list_opts opts = {.first = p == 0};
        assert_int_equal(spotc__playlist_list_add(spotc__model_arena(l), l, doc, &opts), 1);
        json_decref(doc);
    }
    assert_int_equal(l->count, 3);
    assert_string_equal(l->items[2]->id, "p2");
    assert_null(l->page.next);
    assert_int_equal(l->page.total, 3);
    spotc_playlist_list_free(l);
}

/* A typed iterator's path: one page of a response (under a key) becomes a list of its own. */
static void test_list_from_page(void **state)
{
    (void)state;
    const char *body = "{\"albums\":{\"items\":[{\"id\":\"a\"},null,{\"id\":\"c\"}],"
                       "\"total\":30,\"next\":\"n\"}}";
    json_t *doc;
    assert_int_equal(spotc__json_load(&doc, body, strlen(body)), 0);
    void *m = NULL;
    assert_int_equal(spotc__list_from_page(&m, &spotc__album_list_desc, doc,
                                           json_object_get(doc, "albums"), 2),
                     0);
    json_decref(doc); /* the list keeps its own reference */
    spotc_album_list *l = m;
    assert_int_equal(l->count, 2);
    assert_string_equal(l->items[0]->id, "a");
    assert_null(l->items[1]);
    assert_int_equal(l->page.total, 30);
    assert_string_equal(l->page.next, "n");
    spotc_album_list_free(l);
    assert_int_equal(spotc__list_from_page(&m, &spotc__album_list_desc, NULL, NULL, 0),
                     SPOTC_EJSON);
    assert_null(m);
    assert_int_equal(spotc__list_from_page(&m, &spotc__album_desc, NULL, NULL, 0),
                     SPOTC_EINVALID);
}

/* A playlist's cover images come as a top-level array: wrapped, they are a list. */
static void test_cover_images(void **state)
{
    (void)state;
    json_t *arr = json_pack("[{s:s,s:n,s:i},i]", "url", "https://i/c", "width", "height", 300, 7);
    json_t *doc = json_pack("{s:O}", "images", arr);
    spotc_image_list *l;
    assert_int_equal(spotc__image_list_from_json(&l, doc), 0);
    json_decref(doc);
    json_decref(arr);
    assert_int_equal(l->count, 2);
    assert_string_equal(l->items[0]->url, "https://i/c");
    assert_int_equal(l->items[0]->width, -1);
    assert_int_equal(l->items[0]->height, 300);
    assert_null(l->items[1]);
    spotc_image_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_playlist_items),
        cmocka_unit_test(test_playlist_pages),
        cmocka_unit_test(test_private_user),
        cmocka_unit_test(test_player),
        cmocka_unit_test(test_shows_and_books),
        cmocka_unit_test(test_audio),
        cmocka_unit_test(test_recommendations_and_categories),
        cmocka_unit_test(test_search_typed_pages),
        cmocka_unit_test(test_pages_appended),
        cmocka_unit_test(test_list_from_page),
        cmocka_unit_test(test_cover_images),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
