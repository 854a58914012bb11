/*
 * JSON -> model parsing: full and simplified objects, nulls, missing and
 * unknown fields, wrong types, wrapped list items, and bodies that are not
 * objects at all. Under ASan/LSan this also proves one _free() releases all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "model.h"

#define J(...) #__VA_ARGS__

static const char full_track[] = J({
    "album" : {
        "album_type" : "album",
        "total_tracks" : 12,
        "available_markets" : [ "SE", "DE" ],
        "external_urls" : {"spotify" : "https://open.spotify.com/album/A"},
        "href" : "https://api.spotify.com/v1/albums/A",
        "id" : "A",
        "images" : [ {"url" : "https://i/640", "height" : 640, "width" : 640} ],
        "name" : "Kind of Blue",
        "release_date" : "1959-08-17",
        "release_date_precision" : "day",
        "type" : "album",
        "uri" : "spotify:album:A",
        "artists" : [ {"id" : "M", "name" : "Miles Davis", "uri" : "spotify:artist:M"} ]
    },
    "artists" : [
        {"id" : "M", "name" : "Miles Davis", "external_urls" : {"spotify" : "https://x/M"}},
        {"id" : "J", "name" : "John Coltrane"}
    ],
    "available_markets" : ["SE"],
    "disc_number" : 1,
    "duration_ms" : 562000,
    "explicit" : false,
    "external_ids" : {"isrc" : "USSM15900113"},
    "external_urls" : {"spotify" : "https://open.spotify.com/track/T"},
    "href" : "https://api.spotify.com/v1/tracks/T",
    "id" : "T",
    "is_playable" : true,
    "name" : "So What",
    "popularity" : 71,
    "preview_url" : null,
    "track_number" : 1,
    "type" : "track",
    "uri" : "spotify:track:T",
    "is_local" : false
});

static void test_full_track(void **state)
{
    (void)state;
    spotc_track *t = NULL;
    assert_int_equal(spotc_track_parse(&t, full_track, strlen(full_track)), 0);
    assert_non_null(t);
    assert_true(t->is_full);
    assert_string_equal(t->id, "T");
    assert_string_equal(t->name, "So What");
    assert_string_equal(t->uri, "spotify:track:T");
    assert_string_equal(t->href, "https://api.spotify.com/v1/tracks/T");
    assert_string_equal(t->spotify_url, "https://open.spotify.com/track/T");
    assert_string_equal(t->isrc, "USSM15900113");
    assert_null(t->preview_url);
    assert_false(t->is_local);
    assert_false(t->is_explicit);
    assert_int_equal(t->is_playable, 1);
    assert_int_equal(t->duration_ms, 562000);
    assert_int_equal(t->track_number, 1);
    assert_int_equal(t->disc_number, 1);
    assert_int_equal(t->popularity, 71);
    assert_int_equal(t->artist_count, 2);
    assert_string_equal(t->artists[0].name, "Miles Davis");
    assert_string_equal(t->artists[0].spotify_url, "https://x/M");
    assert_false(t->artists[0].is_full);
    assert_int_equal(t->artists[0].popularity, -1);
    assert_int_equal(t->artists[0].followers, -1);
    assert_string_equal(t->artists[1].id, "J");
    assert_null(t->artists[1].spotify_url);
    assert_int_equal(t->market_count, 1);
    assert_string_equal(t->available_markets[0], "SE");
    const spotc_album *al = t->album;
    assert_non_null(al);
    assert_false(al->is_full);
    assert_string_equal(al->name, "Kind of Blue");
    assert_string_equal(al->album_type, "album");
    assert_string_equal(al->release_date, "1959-08-17");
    assert_string_equal(al->release_date_precision, "day");
    assert_int_equal(al->total_tracks, 12);
    assert_int_equal(al->popularity, -1);
    assert_null(al->label);
    assert_null(al->album_group);
    assert_null(al->tracks);
    assert_int_equal(al->image_count, 1);
    assert_int_equal(al->images[0].width, 640);
    assert_string_equal(al->images[0].url, "https://i/640");
    assert_int_equal(al->artist_count, 1);
    assert_int_equal(al->market_count, 2);
    assert_string_equal(al->available_markets[1], "DE");
    spotc_track_free(t);
}

static void test_simplified_track(void **state)
{
    (void)state;
    const char *json = J({
        "artists" : [ {"id" : "M", "name" : "Miles"} ],
        "disc_number" : 1,
        "duration_ms" : 1000,
        "explicit" : true,
        "id" : "T",
        "name" : "n",
        "track_number" : 3,
        "type" : "track",
        "uri" : "spotify:track:T",
        "is_local" : false
    });
    spotc_track *t;
    assert_int_equal(spotc_track_parse(&t, json, strlen(json)), 0);
    assert_false(t->is_full);
    assert_null(t->album);
    assert_int_equal(t->popularity, -1);
    assert_int_equal(t->is_playable, -1);
    assert_true(t->is_explicit);
    assert_int_equal(t->track_number, 3);
    assert_null(t->isrc);
    assert_int_equal(t->market_count, 0);
    spotc_track_free(t);
}

static void test_nulls_everywhere(void **state)
{
    (void)state;
    const char *json = J({
        "album" : null,
        "artists" : null,
        "available_markets" : null,
        "disc_number" : null,
        "duration_ms" : null,
        "explicit" : null,
        "external_ids" : null,
        "external_urls" : null,
        "href" : null,
        "id" : null,
        "is_playable" : null,
        "name" : null,
        "popularity" : null,
        "preview_url" : null,
        "track_number" : null,
        "uri" : null,
        "is_local" : null
    });
    spotc_track *t;
    assert_int_equal(spotc_track_parse(&t, json, strlen(json)), 0);
    assert_null(t->id);
    assert_null(t->name);
    assert_null(t->uri);
    assert_null(t->href);
    assert_null(t->spotify_url);
    assert_null(t->isrc);
    assert_null(t->album);
    assert_int_equal(t->artist_count, 0);
    assert_int_equal(t->market_count, 0);
    assert_int_equal(t->duration_ms, -1);
    assert_int_equal(t->popularity, -1);
    assert_int_equal(t->is_playable, -1);
    assert_false(t->is_local);
    spotc_track_free(t);

    spotc_artist *ar;
    const char *aj = J(
        {"followers" : null, "genres" : null, "images" : [ null, {"url" : null, "width" : null} ]});
    assert_int_equal(spotc_artist_parse(&ar, aj, strlen(aj)), 0);
    assert_true(ar->is_full);
    assert_int_equal(ar->followers, -1);
    assert_int_equal(ar->genre_count, 0);
    assert_int_equal(ar->image_count, 1);
    assert_null(ar->images[0].url);
    assert_int_equal(ar->images[0].width, -1);
    assert_int_equal(ar->images[0].height, -1);
    spotc_artist_free(ar);
}

static void test_missing_and_unknown_fields(void **state)
{
    (void)state;
    spotc_track *t;
    assert_int_equal(spotc_track_parse(&t, "{}", 2), 0);
    assert_null(t->id);
    assert_false(t->is_full);
    assert_int_equal(t->duration_ms, -1);
    assert_int_equal(t->artist_count, 0);
    spotc_track_free(t);

    const char *json = J({
        "name" : "x",
        "brand_new" : {"deep" : [ 1, 2, {"a" : null} ]},
        "linked_from" : {"id" : "other"},
        "restrictions" : {"reason" : "market"},
        "artists" : [ {"name" : "a", "future" : true} ]
    });
    assert_int_equal(spotc_track_parse(&t, json, strlen(json)), 0);
    assert_string_equal(t->name, "x");
    assert_int_equal(t->artist_count, 1);
    assert_string_equal(t->artists[0].name, "a");
    spotc_track_free(t);
}

static void test_wrong_types(void **state)
{
    (void)state;
    const char *json = J({
        "id" : 5,
        "name" : [],
        "uri" : {},
        "duration_ms" : "300",
        "popularity" : true,
        "artists" : {"a" : 1},
        "album" : "str",
        "explicit" : "yes",
        "is_local" : 1,
        "is_playable" : 1,
        "external_urls" : "x",
        "external_ids" : ["isrc"],
        "available_markets" : [ 1, "SE", null, {} ],
        "track_number" : 2.9
    });
    spotc_track *t;
    assert_int_equal(spotc_track_parse(&t, json, strlen(json)), 0);
    assert_null(t->id);
    assert_null(t->name);
    assert_null(t->uri);
    assert_int_equal(t->duration_ms, -1);
    assert_int_equal(t->popularity, -1);
    assert_int_equal(t->artist_count, 0);
    assert_null(t->album);
    assert_false(t->is_explicit);
    assert_false(t->is_local);
    assert_int_equal(t->is_playable, -1);
    assert_null(t->spotify_url);
    assert_null(t->isrc);
    assert_int_equal(t->market_count, 1);
    assert_string_equal(t->available_markets[0], "SE");
    assert_int_equal(t->track_number, 2);
    spotc_track_free(t);

    /* Arrays holding the wrong things keep only what fits. */
    const char *aj = J({
        "artists" : [ 1, null, "x", {"name" : "ok"} ],
        "images" : [ 1, {"url" : "u", "width" : "640"} ],
        "genres" : [ "jazz", 7, [] ],
        "tracks" : ["not a page"]
    });
    spotc_album *al;
    assert_int_equal(spotc_album_parse(&al, aj, strlen(aj)), 0);
    assert_int_equal(al->artist_count, 1);
    assert_string_equal(al->artists[0].name, "ok");
    assert_int_equal(al->image_count, 1);
    assert_int_equal(al->images[0].width, -1);
    assert_int_equal(al->genre_count, 1);
    assert_null(al->tracks);
    assert_true(al->is_full); /* it has a "tracks" key, though not a usable one */
    spotc_album_free(al);
}

static void test_not_an_object(void **state)
{
    (void)state;
    const char *bad[] = {
        "[]", "[{\"id\":\"x\"}]", "42", "\"s\"",    "null",        "true",
        "",   "not json",         "{",  "{\"a\":}", "{} trailing", "{\"a\":\"\\u0000\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spotc_track *t = (spotc_track *)1;
        if (spotc_track_parse(&t, bad[i], strlen(bad[i])) != SPOTC_EJSON)
            fail_msg("accepted %s", bad[i]);
        assert_null(t);
        spotc_track_list *l = (spotc_track_list *)1;
        assert_int_equal(spotc_track_list_parse(&l, bad[i], strlen(bad[i])), SPOTC_EJSON);
        assert_null(l);
        spotc_search_result *r = (spotc_search_result *)1;
        assert_int_equal(spotc_search_result_parse(&r, bad[i], strlen(bad[i])), SPOTC_EJSON);
        assert_null(r);
    }
    spotc_track *t;
    assert_int_equal(spotc_track_parse(&t, NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_track_parse(NULL, "{}", 2), SPOTC_EINVALID);
    assert_int_equal(spotc_album_parse(NULL, "{}", 2), SPOTC_EINVALID);
    assert_int_equal(spotc_artist_parse(NULL, "{}", 2), SPOTC_EINVALID);
    /* The length is honoured: the bytes after it are not read. */
    assert_int_equal(spotc_track_parse(&t, "{}garbage", 2), 0);
    spotc_track_free(t);
    /* Nesting beyond the parser's depth limit is refused, not recursed into. */
    size_t depth = 5000;
    char *deep = malloc(2 * depth + 16);
    assert_non_null(deep);
    size_t n = (size_t)sprintf(deep, "{\"a\":");
    for (size_t i = 0; i < depth; i++)
        deep[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    assert_int_equal(spotc_track_parse(&t, deep, n), SPOTC_EJSON);
    free(deep);
}

static void test_big_numbers(void **state)
{
    (void)state;
    const char *json = J({
        "duration_ms" : 99999999999999,
        "popularity" : 1e300,
        "track_number" : -5,
        "disc_number" : 2147483647,
        "artists" : [ {"followers" : {"total" : 2147483648}, "popularity" : -2147483648} ]
    });
    spotc_track *t;
    assert_int_equal(spotc_track_parse(&t, json, strlen(json)), 0);
    assert_int_equal(t->duration_ms, -1);
    assert_int_equal(t->popularity, -1);
    assert_int_equal(t->track_number, -5);
    assert_int_equal(t->disc_number, INT_MAX);
    assert_int_equal(t->artists[0].followers, -1);
    assert_int_equal(t->artists[0].popularity, INT_MIN);
    spotc_track_free(t);
    /* Beyond 64 bits jansson refuses the whole document: not JSON we can read. */
    const char *huge = "{\"duration_ms\": 123456789012345678901234567890}";
    assert_int_equal(spotc_track_parse(&t, huge, strlen(huge)), SPOTC_EJSON);
}

static void test_full_artist(void **state)
{
    (void)state;
    const char *json = J({
        "external_urls" : {"spotify" : "https://open.spotify.com/artist/M"},
        "followers" : {"href" : null, "total" : 3000000},
        "genres" : [ "jazz", "bebop" ],
        "href" : "h",
        "id" : "M",
        "images" : [ {"url" : "a", "height" : 320, "width" : 320}, {"url" : "b"} ],
        "name" : "Miles Davis",
        "popularity" : 65,
        "type" : "artist",
        "uri" : "spotify:artist:M"
    });
    spotc_artist *a;
    assert_int_equal(spotc_artist_parse(&a, json, strlen(json)), 0);
    assert_true(a->is_full);
    assert_int_equal(a->followers, 3000000);
    assert_int_equal(a->popularity, 65);
    assert_int_equal(a->genre_count, 2);
    assert_string_equal(a->genres[1], "bebop");
    assert_int_equal(a->image_count, 2);
    assert_int_equal(a->images[1].height, -1);
    assert_string_equal(a->spotify_url, "https://open.spotify.com/artist/M");
    spotc_artist_free(a);
}

static void test_full_album_with_tracks(void **state)
{
    (void)state;
    const char *json = J({
        "album_type" : "compilation",
        "id" : "A",
        "name" : "N",
        "label" : "Columbia",
        "popularity" : 80,
        "genres" : [],
        "copyrights" : [ {"text" : "c", "type" : "C"} ],
        "tracks" : {
            "href" : "https://api/v1/albums/A/tracks?offset=0&limit=2",
            "limit" : 2,
            "next" : "https://api/v1/albums/A/tracks?offset=2&limit=2",
            "offset" : 0,
            "previous" : null,
            "total" : 5,
            "items" : [
                {"id" : "t1", "name" : "one", "track_number" : 1, "album" : {"id" : "loop"}}, null
            ]
        }
    });
    spotc_album *a;
    assert_int_equal(spotc_album_parse(&a, json, strlen(json)), 0);
    assert_true(a->is_full);
    assert_string_equal(a->label, "Columbia");
    assert_int_equal(a->popularity, 80);
    assert_int_equal(a->genre_count, 0);
    assert_non_null(a->tracks);
    assert_int_equal(a->tracks->count, 2);
    assert_string_equal(a->tracks->items[0]->name, "one");
    /* A track inside an album does not carry an album of its own (no recursion). */
    assert_null(a->tracks->items[0]->album);
    assert_null(a->tracks->items[1]);
    assert_int_equal(a->tracks->page.total, 5);
    assert_int_equal(a->tracks->page.limit, 2);
    assert_int_equal(a->tracks->page.offset, 0);
    assert_string_equal(a->tracks->page.next, "https://api/v1/albums/A/tracks?offset=2&limit=2");
    assert_null(a->tracks->page.previous);
    spotc_album_free(a);

    /* The same document read as a list finds the page under "tracks". */
    spotc_track_list *l;
    assert_int_equal(spotc_track_list_parse(&l, json, strlen(json)), 0);
    assert_int_equal(l->count, 2);
    assert_int_equal(l->page.total, 5);
    spotc_track_list_free(l);
}

static void test_track_list_shapes(void **state)
{
    (void)state;
    spotc_track_list *l;
    /* A batch: NULL for unknown IDs, page info unset. */
    const char *batch = J({"tracks" : [ {"id" : "a"}, null, {"id" : "c"} ]});
    assert_int_equal(spotc_track_list_parse(&l, batch, strlen(batch)), 0);
    assert_int_equal(l->count, 3);
    assert_string_equal(l->items[0]->id, "a");
    assert_null(l->items[1]);
    assert_string_equal(l->items[2]->id, "c");
    assert_int_equal(l->page.limit, -1);
    assert_int_equal(l->page.offset, -1);
    assert_int_equal(l->page.total, -1);
    assert_null(l->page.next);
    assert_null(l->page.href);
    spotc_track_list_free(l);

    /* Saved tracks, play history and playlist items are wrappers. */
    const char *wrapped = J({
        "href" : "h",
        "items" : [
            {"added_at" : "2024-01-01T00:00:00Z", "track" : {"id" : "saved"}},
            {"played_at" : "x", "track" : {"id" : "played"}, "context" : null},
            {"added_at" : "x", "is_local" : false, "item" : {"id" : "new"}, "track" : null},
            {"added_at" : "x", "item" : null, "track" : {"id" : "old"}},
            {"added_at" : "x", "item" : {"id" : "both"}, "track" : {"id" : "deprecated"}},
            {"added_at" : "x", "track" : null}, {"added_at" : "x", "item" : null},
            {"added_at" : "x", "track" : "gone"}, {
                "added_at" : "x",
                "is_local" : true,
                "track" : {
                    "id" : null,
                    "is_local" : true,
                    "name" : "home recording",
                    "uri" : "spotify:local:Artist:Album:home+recording:200",
                    "album" : {"id" : null, "name" : "Album"},
                    "artists" : [ {"id" : null, "name" : "Artist"} ]
                }
            },
            7, null, [], { "id" : "bare" }
        ],
        "limit" : 12,
        "next" : null,
        "offset" : 24,
        "total" : 36
    });
    assert_int_equal(spotc_track_list_parse(&l, wrapped, strlen(wrapped)), 0);
    assert_int_equal(l->count, 13);
    assert_string_equal(l->items[0]->id, "saved");
    assert_string_equal(l->items[1]->id, "played");
    assert_string_equal(l->items[2]->id, "new");
    assert_string_equal(l->items[3]->id, "old");
    assert_string_equal(l->items[4]->id, "both");
    assert_null(l->items[5]);
    assert_null(l->items[6]);
    assert_null(l->items[7]);
    const spotc_track *local = l->items[8];
    assert_non_null(local);
    assert_null(local->id);
    assert_true(local->is_local);
    assert_string_equal(local->name, "home recording");
    assert_null(local->album->id);
    assert_string_equal(local->album->name, "Album");
    assert_null(local->artists[0].id);
    assert_null(l->items[9]);
    assert_null(l->items[10]);
    assert_null(l->items[11]);
    assert_string_equal(l->items[12]->id, "bare");
    assert_int_equal(l->page.offset, 24);
    assert_int_equal(l->page.total, 36);
    assert_int_equal(l->page.limit, 12);
    assert_string_equal(l->page.href, "h");
    assert_null(l->page.next);
    spotc_track_list_free(l);

    /* No items anywhere: an empty list, not an error. */
    assert_int_equal(spotc_track_list_parse(&l, "{\"x\":1}", 7), 0);
    assert_int_equal(l->count, 0);
    assert_null(l->items);
    spotc_track_list_free(l);
    const char *odd = J({"items" : {"not" : "an array"}, "tracks" : 3});
    assert_int_equal(spotc_track_list_parse(&l, odd, strlen(odd)), 0);
    assert_int_equal(l->count, 0);
    spotc_track_list_free(l);
}

static void test_album_and_artist_lists(void **state)
{
    (void)state;
    spotc_album_list *al;
    const char *saved = J({
        "items" : [
            {"added_at" : "x", "album" : {"id" : "s1", "album_group" : "single"}}, {"id" : "plain"},
            {"added_at" : "x", "album" : null}
        ],
        "total" : 3
    });
    assert_int_equal(spotc_album_list_parse(&al, saved, strlen(saved)), 0);
    assert_int_equal(al->count, 3);
    assert_string_equal(al->items[0]->id, "s1");
    assert_string_equal(al->items[0]->album_group, "single");
    assert_string_equal(al->items[1]->id, "plain");
    assert_null(al->items[2]);
    assert_int_equal(al->page.total, 3);
    spotc_album_list_free(al);
    const char *batch = J({"albums" : [ null, {"id" : "b"} ]});
    assert_int_equal(spotc_album_list_parse(&al, batch, strlen(batch)), 0);
    assert_int_equal(al->count, 2);
    assert_null(al->items[0]);
    assert_string_equal(al->items[1]->id, "b");
    spotc_album_list_free(al);
    const char *releases = J({"albums" : {"items" : [ {"id" : "n"} ], "total" : 100}});
    assert_int_equal(spotc_album_list_parse(&al, releases, strlen(releases)), 0);
    assert_int_equal(al->count, 1);
    assert_int_equal(al->page.total, 100);
    spotc_album_list_free(al);

    /* Followed artists come as a cursor page under "artists". */
    spotc_artist_list *ar;
    const char *followed = J({
        "artists" : {
            "href" : "h",
            "limit" : 2,
            "next" : "https://api/v1/me/following?type=artist&after=B&limit=2",
            "cursors" : {"after" : "B", "before" : null},
            "total" : 5,
            "items" : [ {"id" : "A", "genres" : ["x"]}, {"id" : "B"} ]
        }
    });
    assert_int_equal(spotc_artist_list_parse(&ar, followed, strlen(followed)), 0);
    assert_int_equal(ar->count, 2);
    assert_true(ar->items[0]->is_full);
    assert_string_equal(ar->page.cursor_after, "B");
    assert_null(ar->page.cursor_before);
    assert_int_equal(ar->page.offset, -1);
    assert_int_equal(ar->page.total, 5);
    assert_non_null(ar->page.next);
    spotc_artist_list_free(ar);
    const char *cursors_wrong = J({"items" : [], "cursors" : {"after" : 15}});
    assert_int_equal(spotc_artist_list_parse(&ar, cursors_wrong, strlen(cursors_wrong)), 0);
    assert_null(ar->page.cursor_after);
    spotc_artist_list_free(ar);
}

static void test_search_result(void **state)
{
    (void)state;
    const char *json = J({
        "items" : [ {"id" : "stray"} ],
        "tracks" : {"items" : [ {"id" : "t"} ], "total" : 1, "limit" : 20, "offset" : 0},
        "artists" : {"items" : [], "total" : 0},
        "playlists" : {"items" : [ null, {"id" : "p"} ], "total" : 2},
        "albums" : ["wrong type"],
        "unknown" : {}
    });
    spotc_search_result *r;
    assert_int_equal(spotc_search_result_parse(&r, json, strlen(json)), 0);
    assert_non_null(r->tracks);
    assert_int_equal(r->tracks->count, 1);
    assert_string_equal(r->tracks->items[0]->id, "t");
    assert_int_equal(r->tracks->page.limit, 20);
    assert_null(r->albums);
    assert_non_null(r->artists);
    assert_int_equal(r->artists->count, 0);
    assert_non_null(r->playlists);
    assert_int_equal(json_integer_value(json_object_get(r->playlists, "total")), 2);
    assert_null(r->shows);
    assert_null(r->episodes);
    assert_null(r->audiobooks);
    spotc_search_result_free(r);
    assert_int_equal(spotc_search_result_parse(&r, "{}", 2), 0);
    assert_null(r->tracks);
    spotc_search_result_free(r);
}

static void test_large_batch_and_growth(void **state)
{
    (void)state;
    size_t n = 10000;
    char *json = malloc(n * 16 + 32);
    assert_non_null(json);
    size_t o = (size_t)sprintf(json, "{\"tracks\":[");
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(json + o, "%s{\"id\":\"%zu\"}", i ? "," : "", i);
    o += (size_t)sprintf(json + o, "]}");
    spotc_track_list *l;
    assert_int_equal(spotc_track_list_parse(&l, json, o), 0);
    assert_int_equal(l->count, n);
    char want[32];
    for (size_t i = 0; i < n; i += 997) {
        snprintf(want, sizeof want, "%zu", i);
        assert_string_equal(l->items[i]->id, want);
    }
    spotc_track_list_free(l);
    free(json);
}

/* Pages appended one after another, as the pager does, keep every document alive. */
static void test_append_pages(void **state)
{
    (void)state;
    spotc_track_list *list = spotc__track_list_new();
    assert_non_null(list);
    assert_int_equal(list->page.total, -1);
    for (int p = 0; p < 7; p++) {
        char body[256];
        snprintf(body, sizeof body,
                 "{\"items\":[{\"id\":\"p%da\"},{\"id\":\"p%db\"},{\"id\":\"p%dc\"}],"
                 "\"total\":21,\"offset\":%d,\"next\":%s}",
                 p, p, p, p * 3, p < 6 ? "\"more\"" : "null");
        json_t *doc = NULL;
        assert_int_equal(spotc__json_load(&doc, body, strlen(body)), 0);
        assert_int_equal(spotc__model_keep(list, doc), 0);
        spotc__list_opts opts = {.first = p == 0, .max = p == 6 ? 2 : 0};
        assert_int_equal(spotc__track_list_add(spotc__model_arena(list), list, doc, &opts),
                         p == 6 ? 2 : 3);
        json_decref(doc); /* the list holds its own reference */
    }
    assert_int_equal(list->count, 20);
    assert_string_equal(list->items[0]->id, "p0a");
    assert_string_equal(list->items[19]->id, "p6b");
    assert_int_equal(list->page.offset, 0); /* the first page's info ... */
    assert_null(list->page.next);           /* ... the last page's next */
    spotc_track_list_free(list);
}

static void test_arena(void **state)
{
    (void)state;
    int *root = spotc__model_new(sizeof(int), NULL);
    assert_non_null(root);
    spotc__arena *a = spotc__model_arena(root);
    size_t *v = NULL;
    size_t count = 0;
    for (size_t step = 1; count < 5000; step = step % 37 + 1) {
        v = spotc__arena_grow(a, v, count, step, sizeof *v);
        assert_non_null(v);
        for (size_t i = 0; i < step; i++)
            v[count + i] = count + i;
        count += step;
    }
    for (size_t i = 0; i < count; i++)
        assert_int_equal(v[i], i);
    assert_null(spotc__arena_grow(a, v, count, SIZE_MAX, sizeof *v));
    assert_null(spotc__arena_calloc(a, SIZE_MAX / 2, 4));
    for (size_t i = 0; i < 100; i++)
        assert_non_null(spotc__arena_calloc(a, 1, 3000));
    spotc__model_free(root);
    spotc__model_free(NULL);
}

static void test_free_null(void **state)
{
    (void)state;
    spotc_track_free(NULL);
    spotc_album_free(NULL);
    spotc_artist_free(NULL);
    spotc_track_list_free(NULL);
    spotc_album_list_free(NULL);
    spotc_artist_list_free(NULL);
    spotc_search_result_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_track),
        cmocka_unit_test(test_simplified_track),
        cmocka_unit_test(test_nulls_everywhere),
        cmocka_unit_test(test_missing_and_unknown_fields),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_not_an_object),
        cmocka_unit_test(test_big_numbers),
        cmocka_unit_test(test_full_artist),
        cmocka_unit_test(test_full_album_with_tracks),
        cmocka_unit_test(test_track_list_shapes),
        cmocka_unit_test(test_album_and_artist_lists),
        cmocka_unit_test(test_search_result),
        cmocka_unit_test(test_large_batch_and_growth),
        cmocka_unit_test(test_append_pages),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
