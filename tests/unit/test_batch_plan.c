/*
 * The pure parts of the batch engine and of the app's mode, without a network:
 * chunk bounds and playlist positions, a chunk's list value (joined or as
 * [{"uri": ...}]), answers merged into input order, the single read behind
 * each removed several-item read, item types, and the development-mode form of
 * calls (replacement operations, dropped and renamed parameters, cut limits).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <spotc.h>

#include "app_mode.h"
#include "batch_engine.h"

static void test_chunks_and_positions(void **state)
{
    (void)state;
    spotc__chunk c;
    /* 10,000 items in chunks of 100 from position 7: chunk k goes at 7 + 100k. */
    assert_true(spotc__batch_chunk(&c, 0, 10000, 100, 0, 7));
    assert_int_equal(c.first, 0);
    assert_int_equal(c.count, 100);
    assert_int_equal(c.position, 7);
    assert_true(spotc__batch_chunk(&c, 0, 10000, 100, 99, 7));
    assert_int_equal(c.first, 9900);
    assert_int_equal(c.position, 9907);
    assert_false(spotc__batch_chunk(&c, 0, 10000, 100, 100, 7));
    /* A short last chunk, no position. */
    assert_true(spotc__batch_chunk(&c, 0, 120, 50, 2, -1));
    assert_int_equal(c.first, 100);
    assert_int_equal(c.count, 20);
    assert_int_equal(c.position, -1);
    /* Resumed from item 50 (after a switch) in chunks of 40: 50-89, 90-119. */
    assert_true(spotc__batch_chunk(&c, 50, 120, 40, 1, -1));
    assert_int_equal(c.first, 90);
    assert_int_equal(c.count, 30);
    assert_false(spotc__batch_chunk(&c, 50, 120, 40, 2, -1));
    assert_false(spotc__batch_chunk(&c, 0, 10, 0, 0, -1));
    assert_false(spotc__batch_chunk(&c, 10, 10, 5, 0, -1));
}

static void test_join(void **state)
{
    (void)state;
    const char *wire[] = {"spotify:track:a", "spotify:track:b", "spotify:episode:c"};
    spotc__chunk c = {.first = 1, .count = 2, .position = -1};
    char *s = spotc__batch_join(wire, &c, 0);
    assert_string_equal(s, "spotify:track:b,spotify:episode:c");
    free(s);
    s = spotc__batch_join(wire, &c, 1);
    assert_string_equal(s, "[{\"uri\":\"spotify:track:b\"},{\"uri\":\"spotify:episode:c\"}]");
    free(s);
    c.count = 0;
    s = spotc__batch_join(wire, &c, 0);
    assert_string_equal(s, "");
    free(s);
}

static void test_merge_in_order(void **state)
{
    (void)state;
    json_t *into = json_pack("[nnnnn]");
    json_t *second = json_pack("[{s:s},n]", "id", "d");
    json_t *first = json_pack("[{s:s},{s:s},{s:s}]", "id", "a", "id", "b", "id", "c");
    /* Answers may come in any order: each lands at its chunk's place. */
    assert_int_equal(spotc__batch_merge(into, 3, 2, second), 0);
    assert_int_equal(spotc__batch_merge(into, 0, 3, first), 0);
    const char *want[] = {"a", "b", "c", "d"};
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(into, i), "id")),
                            want[i]);
    assert_true(json_is_null(json_array_get(into, 4))); /* an unknown ID stays null */
    /* A short or wrong answer is refused and changes nothing. */
    json_t *shorter = json_pack("[b]", 1);
    assert_int_equal(spotc__batch_merge(into, 0, 2, shorter), SPOTC_EJSON);
    assert_int_equal(spotc__batch_merge(into, 0, 1, json_object_get(first, "x")), SPOTC_EJSON);
    assert_int_equal(spotc__batch_merge(into, 4, 2, second), SPOTC_EJSON);
    assert_string_equal(json_string_value(json_object_get(json_array_get(into, 0), "id")), "a");
    /* contains: booleans concatenated. */
    json_t *bools = json_pack("[nnn]"), *b1 = json_pack("[bb]", 1, 0), *b2 = json_pack("[b]", 1);
    assert_int_equal(spotc__batch_merge(bools, 0, 2, b1), 0);
    assert_int_equal(spotc__batch_merge(bools, 2, 1, b2), 0);
    char *dump = json_dumps(bools, JSON_COMPACT);
    assert_string_equal(dump, "[true,false,true]");
    free(dump);
    json_decref(into);
    json_decref(first);
    json_decref(second);
    json_decref(shorter);
    json_decref(bools);
    json_decref(b1);
    json_decref(b2);
}

static const spotc_operation *op(const char *id)
{
    const spotc_operation *o = spotc_operation_find(id);
    assert_non_null(o);
    return o;
}

static void test_single_reads(void **state)
{
    (void)state;
    struct {
        const char *several, *single;
    } map[] = {{"get-several-tracks", "get-track"},
               {"get-multiple-albums", "get-an-album"},
               {"get-multiple-artists", "get-an-artist"},
               {"get-multiple-shows", "get-a-show"},
               {"get-multiple-episodes", "get-an-episode"},
               {"get-multiple-audiobooks", "get-an-audiobook"},
               {"get-several-chapters", "get-a-chapter"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        assert_ptr_equal(spotc__app_mode_single(op(map[i].several)), op(map[i].single));
        assert_true(spotc__app_mode_has_form(op(map[i].several)));
    }
    /* The single audio-features read is removed too: no form. */
    assert_null(spotc__app_mode_single(op("get-several-audio-features")));
    assert_false(spotc__app_mode_has_form(op("get-several-audio-features")));
    assert_null(spotc__app_mode_single(op("save-tracks-user")));
    assert_false(spotc__app_mode_has_form(op("get-track")));
    assert_true(spotc__app_mode_has_form(op("search"))); /* its page limit */
    /* Every removed batch operation has a form, except audio features. */
    size_t without = 0;
    for (size_t i = 0; i < spotc_operation_count(); i++) {
        const spotc_operation *o = spotc_operation_get_at(i);
        if (o->batch_param && o->deprecated && !spotc__app_mode_has_form(o))
            without++;
    }
    assert_int_equal(without, 1);
}

static void test_item_types(void **state)
{
    (void)state;
    assert_int_equal(spotc__app_mode_item_type(op("save-tracks-user"), NULL, 0), SPOTC_TYPE_TRACK);
    assert_int_equal(spotc__app_mode_item_type(op("check-users-saved-shows"), NULL, 0),
                     SPOTC_TYPE_SHOW);
    assert_int_equal(spotc__app_mode_item_type(op("get-multiple-audiobooks"), NULL, 0),
                     SPOTC_TYPE_AUDIOBOOK);
    assert_int_equal(spotc__app_mode_item_type(op("get-several-audio-features"), NULL, 0),
                     SPOTC_TYPE_TRACK);
    const spotc_param user[] = {{"type", "user"}};
    assert_int_equal(spotc__app_mode_item_type(op("follow-artists-users"), user, 1),
                     SPOTC_TYPE_USER);
    assert_int_equal(spotc__app_mode_item_type(op("follow-artists-users"), NULL, 0),
                     SPOTC_TYPE_ANY);
    /* URI lists are mixed. */
    assert_int_equal(spotc__app_mode_item_type(op("add-items-to-playlist"), NULL, 0),
                     SPOTC_TYPE_ANY);
    assert_int_equal(spotc__app_mode_item_type(op("save-library-items"), NULL, 0), SPOTC_TYPE_ANY);
}

static const char *form_value(const spotc__call_form *f, const char *key)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->params[i].key, key) == 0)
            return f->params[i].value;
    return NULL;
}

static void test_call_forms(void **state)
{
    (void)state;
    spotc__call_form f;
    /* Library by IDs -> /me/library by URIs; timestamped_ids dropped. */
    const spotc_param save[] = {{"ids", "a,spotify:track:b"}, {"timestamped_ids", "[]"}};
    assert_int_equal(spotc__call_form_build(&f, op("save-tracks-user"), save, 2), 1);
    assert_ptr_equal(f.op, op("save-library-items"));
    assert_string_equal(form_value(&f, "uris"), "spotify:track:a,spotify:track:b");
    assert_int_equal(f.n, 1);
    spotc__call_form_free(&f);
    /* Follow users -> URIs of users; `type` dropped. */
    const spotc_param follow[] = {{"type", "user"}, {"ids", "alice"}};
    assert_int_equal(spotc__call_form_build(&f, op("unfollow-artists-users"), follow, 2), 1);
    assert_ptr_equal(f.op, op("remove-library-items"));
    assert_string_equal(form_value(&f, "uris"), "spotify:user:alice");
    assert_null(form_value(&f, "type"));
    spotc__call_form_free(&f);
    /* Following a playlist -> its URI; `public` dropped. */
    const spotc_param pl[] = {{"playlist_id", "P"}, {"public", "true"}};
    assert_int_equal(spotc__call_form_build(&f, op("follow-playlist"), pl, 2), 1);
    assert_string_equal(form_value(&f, "uris"), "spotify:playlist:P");
    assert_int_equal(f.n, 1);
    spotc__call_form_free(&f);
    /* /tracks -> /items: the page limit cut to 50, `tracks` renamed `items`. */
    const spotc_param page[] = {{"playlist_id", "P"}, {"limit", "100"}, {"offset", "7"}};
    assert_int_equal(spotc__call_form_build(&f, op("get-playlists-tracks"), page, 3), 1);
    assert_ptr_equal(f.op, op("get-playlists-items"));
    assert_string_equal(form_value(&f, "limit"), "50");
    assert_string_equal(form_value(&f, "offset"), "7");
    spotc__call_form_free(&f);
    const spotc_param rm[] = {{"playlist_id", "P"}, {"tracks", "[{\"uri\":\"spotify:track:a\"}]"}};
    assert_int_equal(spotc__call_form_build(&f, op("remove-tracks-playlist"), rm, 2), 1);
    assert_ptr_equal(f.op, op("remove-items-playlist"));
    assert_non_null(form_value(&f, "items"));
    assert_null(form_value(&f, "tracks"));
    spotc__call_form_free(&f);
    const spotc_param create[] = {{"user_id", "u"}, {"name", "n"}};
    assert_int_equal(spotc__call_form_build(&f, op("create-playlist-for-user"), create, 2), 1);
    assert_ptr_equal(f.op, op("create-playlist"));
    assert_int_equal(f.n, 1);
    spotc__call_form_free(&f);
    /* Search: only a limit above the development one is cut. */
    const spotc_param s50[] = {{"q", "x"}, {"type", "track"}, {"limit", "50"}};
    assert_int_equal(spotc__call_form_build(&f, op("search"), s50, 3), 1);
    assert_string_equal(form_value(&f, "limit"), "10");
    spotc__call_form_free(&f);
    const spotc_param s5[] = {{"q", "x"}, {"type", "track"}, {"limit", "5"}};
    assert_int_equal(spotc__call_form_build(&f, op("search"), s5, 3), 0);
    assert_int_equal(spotc__call_form_build(&f, op("search"), s5, 2), 0);
    /* No form: removed without replacement, or not removed. */
    assert_int_equal(spotc__call_form_build(&f, op("get-users-profile"), NULL, 0), 0);
    assert_int_equal(spotc__call_form_build(&f, op("get-track"), NULL, 0), 0);
    /* An unknown parameter is kept, so the call still refuses it. */
    const spotc_param odd[] = {{"ids", "a"}, {"bogus", "1"}};
    assert_int_equal(spotc__call_form_build(&f, op("save-albums-user"), odd, 2), 1);
    assert_string_equal(form_value(&f, "uris"), "spotify:album:a");
    assert_string_equal(form_value(&f, "bogus"), "1");
    spotc__call_form_free(&f);
}

static void test_mode_option_and_env(void **state)
{
    (void)state;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    assert_int_equal(o.mode, SPOTC_APP_MODE_AUTO);
    setenv("SPOTC_APP_MODE", "development", 1);
    assert_int_equal(spotc_client_options_load_env(&o), 0);
    assert_int_equal(o.mode, SPOTC_APP_MODE_DEVELOPMENT);
    spotc_client_options e = SPOTC_CLIENT_OPTIONS_INIT;
    setenv("SPOTC_APP_MODE", "extended", 1);
    assert_int_equal(spotc_client_options_load_env(&e), 0);
    assert_int_equal(e.mode, SPOTC_APP_MODE_EXTENDED);
    spotc_client_options bad = SPOTC_CLIENT_OPTIONS_INIT;
    setenv("SPOTC_APP_MODE", "sandbox", 1);
    assert_int_equal(spotc_client_options_load_env(&bad), SPOTC_EINVALID);
    unsetenv("SPOTC_APP_MODE");
    spotc_client *c = NULL;
    bad.mode = (spotc_app_mode)7;
    assert_int_equal(spotc_client_new(&c, &bad), SPOTC_EINVALID);
    assert_null(c);
    /* Options of version 1 end before `mode`: it is never read (auto). */
    bad.version = 1;
    assert_int_equal(spotc_client_new(&c, &bad), 0);
    spotc_client_free(c);
    setenv("SPOTC_APP_MODE", "sandbox", 1);
    assert_int_equal(spotc_client_options_load_env(&bad), 0);
    unsetenv("SPOTC_APP_MODE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chunks_and_positions), cmocka_unit_test(test_join),
        cmocka_unit_test(test_merge_in_order),       cmocka_unit_test(test_single_reads),
        cmocka_unit_test(test_item_types),           cmocka_unit_test(test_call_forms),
        cmocka_unit_test(test_mode_option_and_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
