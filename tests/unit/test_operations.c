/*
 * The operation table is consistent with itself: every row can be called as
 * described (path placeholders, parameters, batching, paging, replacements).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <spotc.h>

#define FOR_EACH_OP(op)                                                                            \
    for (size_t i_ = 0; i_ < spotc_operation_count(); i_++)                                        \
        for (const spotc_operation *op = spotc_operation_get_at(i_); op; op = NULL)

static void test_count_and_bounds(void **state)
{
    (void)state;
    assert_int_equal(spotc_operation_count(), 97);
    assert_non_null(spotc_operation_get_at(0));
    assert_non_null(spotc_operation_get_at(96));
    assert_null(spotc_operation_get_at(97));
    assert_null(spotc_operation_get_at((size_t)-1));
}

static void test_unique_ids_and_routes(void **state)
{
    (void)state;
    size_t n = spotc_operation_count();
    for (size_t i = 0; i < n; i++) {
        const spotc_operation *a = spotc_operation_get_at(i);
        assert_ptr_equal(spotc_operation_find(a->id), a);
        for (size_t j = i + 1; j < n; j++) {
            const spotc_operation *b = spotc_operation_get_at(j);
            if (strcmp(a->id, b->id) == 0)
                fail_msg("duplicate id %s", a->id);
            if (strcmp(a->method, b->method) == 0 && strcmp(a->path, b->path) == 0)
                fail_msg("%s and %s share %s %s", a->id, b->id, a->method, a->path);
        }
    }
}

static void test_basic_fields(void **state)
{
    (void)state;
    static const char *const methods[] = {"GET", "POST", "PUT", "DELETE"};
    FOR_EACH_OP(op)
    {
        int ok = 0;
        for (size_t m = 0; m < 4; m++)
            ok |= strcmp(op->method, methods[m]) == 0;
        if (!ok)
            fail_msg("%s: method %s", op->id, op->method);
        assert_int_equal(op->path[0], '/');
        assert_null(strstr(op->path, "/v1/"));
        assert_null(strchr(op->path, '?'));
        assert_non_null(op->summary);
        assert_true(strlen(op->summary) > 5);
        if (op->scopes) {
            size_t len = strlen(op->scopes);
            assert_true(len > 0);
            assert_int_not_equal(op->scopes[0], ' ');
            assert_int_not_equal(op->scopes[len - 1], ' ');
            assert_null(strstr(op->scopes, "  "));
            assert_null(strchr(op->scopes, ','));
        }
        assert_true(op->nparams == 0 || op->params != NULL);
    }
}

/* Does the template contain "{name}"? */
static int has_placeholder(const char *path, const char *name)
{
    char want[96];
    snprintf(want, sizeof want, "{%s}", name);
    return strstr(path, want) != NULL;
}

static void test_path_params_match_placeholders(void **state)
{
    (void)state;
    FOR_EACH_OP(op)
    {
        size_t npath = 0;
        for (size_t i = 0; i < op->nparams; i++) {
            const spotc_param_def *p = &op->params[i];
            assert_true(p->in == SPOTC_IN_PATH || p->in == SPOTC_IN_QUERY ||
                        p->in == SPOTC_IN_BODY);
            assert_true(p->type >= SPOTC_T_STRING && p->type <= SPOTC_T_OBJECT);
            if (p->in == SPOTC_IN_PATH) {
                npath++;
                if (!has_placeholder(op->path, p->name))
                    fail_msg("%s: path param %s not in %s", op->id, p->name, op->path);
                if (!p->required || p->type != SPOTC_T_STRING)
                    fail_msg("%s: path param %s must be a required string", op->id, p->name);
            }
            if (p->type == SPOTC_T_OBJECT && p->in != SPOTC_IN_BODY)
                fail_msg("%s: raw JSON param %s outside the body", op->id, p->name);
            if (p->in == SPOTC_IN_BODY && strcmp(op->method, "GET") == 0)
                fail_msg("%s: body param %s on a GET", op->id, p->name);
            for (size_t j = i + 1; j < op->nparams; j++)
                if (strcmp(p->name, op->params[j].name) == 0)
                    fail_msg("%s: param %s twice", op->id, p->name);
            assert_ptr_equal(spotc_operation_find_param(op, p->name), p);
        }
        /* ... and every placeholder is a path parameter. */
        size_t nplace = 0;
        for (const char *s = strchr(op->path, '{'); s; s = strchr(s + 1, '{')) {
            const char *e = strchr(s, '}');
            assert_non_null(e);
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(e - s - 1), s + 1);
            const spotc_param_def *p = spotc_operation_find_param(op, name);
            if (!p || p->in != SPOTC_IN_PATH)
                fail_msg("%s: placeholder {%s} has no path param", op->id, name);
            nplace++;
        }
        assert_int_equal(nplace, npath);
    }
}

static void test_required_params(void **state)
{
    (void)state;
    struct {
        const char *op, *param;
        int required;
    } cases[] = {
        {"search", "q", 1},
        {"search", "type", 1},
        {"search", "limit", 0},
        {"get-several-tracks", "ids", 1},
        {"create-playlist", "name", 1},
        {"create-playlist", "public", 0},
        {"transfer-a-users-playback", "device_ids", 1},
        {"remove-items-playlist", "items", 1},
        {"save-library-items", "uris", 1},
        {"add-to-queue", "uri", 1},
        {"seek-to-position-in-currently-playing-track", "position_ms", 1},
        {"get-followed", "type", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const spotc_param_def *p =
            spotc_operation_find_param(spotc_operation_find(cases[i].op), cases[i].param);
        if (!p)
            fail_msg("%s has no %s", cases[i].op, cases[i].param);
        assert_int_equal(p->required, cases[i].required);
    }
}

static void test_body_params(void **state)
{
    (void)state;
    struct {
        const char *op, *param;
        spotc_param_in in;
        spotc_param_type type;
    } cases[] = {
        {"create-playlist", "name", SPOTC_IN_BODY, SPOTC_T_STRING},
        {"create-playlist", "public", SPOTC_IN_BODY, SPOTC_T_BOOL},
        {"create-playlist", "collaborative", SPOTC_IN_BODY, SPOTC_T_BOOL},
        {"create-playlist", "description", SPOTC_IN_BODY, SPOTC_T_STRING},
        {"start-a-users-playback", "context_uri", SPOTC_IN_BODY, SPOTC_T_STRING},
        {"start-a-users-playback", "uris", SPOTC_IN_BODY, SPOTC_T_LIST},
        {"start-a-users-playback", "offset", SPOTC_IN_BODY, SPOTC_T_OBJECT},
        {"start-a-users-playback", "position_ms", SPOTC_IN_BODY, SPOTC_T_INT},
        {"start-a-users-playback", "device_id", SPOTC_IN_QUERY, SPOTC_T_STRING},
        {"transfer-a-users-playback", "play", SPOTC_IN_BODY, SPOTC_T_BOOL},
        {"add-items-to-playlist", "uris", SPOTC_IN_BODY, SPOTC_T_LIST},
        {"add-items-to-playlist", "position", SPOTC_IN_BODY, SPOTC_T_INT},
        {"reorder-or-replace-playlists-items", "range_start", SPOTC_IN_BODY, SPOTC_T_INT},
        {"reorder-or-replace-playlists-items", "insert_before", SPOTC_IN_BODY, SPOTC_T_INT},
        {"reorder-or-replace-playlists-items", "range_length", SPOTC_IN_BODY, SPOTC_T_INT},
        {"reorder-or-replace-playlists-items", "snapshot_id", SPOTC_IN_BODY, SPOTC_T_STRING},
        {"remove-items-playlist", "snapshot_id", SPOTC_IN_BODY, SPOTC_T_STRING},
        {"remove-tracks-playlist", "tracks", SPOTC_IN_BODY, SPOTC_T_OBJECT},
        {"save-library-items", "uris", SPOTC_IN_QUERY, SPOTC_T_LIST},
        {"toggle-shuffle-for-users-playback", "state", SPOTC_IN_QUERY, SPOTC_T_BOOL},
        {"set-repeat-mode-on-users-playback", "state", SPOTC_IN_QUERY, SPOTC_T_STRING},
        {"get-recommendations", "target_key", SPOTC_IN_QUERY, SPOTC_T_INT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const spotc_param_def *p =
            spotc_operation_find_param(spotc_operation_find(cases[i].op), cases[i].param);
        if (!p)
            fail_msg("%s has no %s", cases[i].op, cases[i].param);
        if (p->in != cases[i].in || p->type != cases[i].type)
            fail_msg("%s %s: in %d type %d", cases[i].op, cases[i].param, p->in, p->type);
    }
}

static void test_batching(void **state)
{
    (void)state;
    size_t batched = 0;
    FOR_EACH_OP(op)
    {
        if (!op->batch_param) {
            assert_int_equal(op->batch_max, 0);
            continue;
        }
        batched++;
        assert_true(op->batch_max > 0 && op->batch_max <= 100);
        const spotc_param_def *p = spotc_operation_find_param(op, op->batch_param);
        if (!p)
            fail_msg("%s: batch param %s missing", op->id, op->batch_param);
        /* Lists of IDs or URIs, or (playlist removals) a JSON array of {uri} objects. */
        if (!(p->type == SPOTC_T_LIST || (p->type == SPOTC_T_OBJECT && p->in == SPOTC_IN_BODY)))
            fail_msg("%s: batch param %s is not a list", op->id, op->batch_param);
        assert_int_not_equal(p->in, SPOTC_IN_PATH);
    }
    assert_true(batched >= 30);
    struct {
        const char *op;
        int max;
    } cases[] = {
        {"get-several-tracks", 50},       {"get-multiple-albums", 20},
        {"get-multiple-artists", 50},     {"get-multiple-shows", 50},
        {"get-multiple-episodes", 50},    {"get-multiple-audiobooks", 50},
        {"get-several-chapters", 50},     {"save-library-items", 40},
        {"check-library-contains", 40},   {"add-items-to-playlist", 100},
        {"remove-items-playlist", 100},   {"get-several-audio-features", 100},
        {"check-users-saved-tracks", 50}, {"follow-artists-users", 50},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(spotc_operation_find(cases[i].op)->batch_max, cases[i].max);
}

static void test_paging(void **state)
{
    (void)state;
    size_t offset_ops = 0, cursor_ops = 0;
    FOR_EACH_OP(op)
    {
        if (op->paging == SPOTC_PAGING_NONE) {
            assert_int_equal(op->limit_default, 0);
            assert_int_equal(op->limit_max, 0);
            assert_int_equal(op->dev_limit_max, 0);
            continue;
        }
        if (!spotc_operation_find_param(op, "limit"))
            fail_msg("%s: paged without limit", op->id);
        if (op->paging == SPOTC_PAGING_OFFSET) {
            offset_ops++;
            if (!spotc_operation_find_param(op, "offset"))
                fail_msg("%s: offset paging without offset", op->id);
        } else {
            assert_int_equal(op->paging, SPOTC_PAGING_CURSOR);
            cursor_ops++;
            if (!spotc_operation_find_param(op, "after") &&
                !spotc_operation_find_param(op, "before"))
                fail_msg("%s: cursor paging without cursors", op->id);
            assert_null(spotc_operation_find_param(op, "offset"));
        }
        assert_true(op->limit_default > 0);
        assert_true(op->limit_default <= op->limit_max);
        if (op->dev_limit_max) {
            assert_true(op->dev_limit_default > 0);
            assert_true(op->dev_limit_default <= op->dev_limit_max);
            assert_true(op->dev_limit_max <= op->limit_max);
        } else {
            assert_int_equal(op->dev_limit_default, 0);
        }
        /* Every paged operation says where its items are, except search (one page per type). */
        if (strcmp(op->id, "search") != 0)
            assert_non_null(op->items_key);
    }
    assert_true(offset_ops >= 20);
    assert_int_equal(cursor_ops, 2);
    assert_int_equal(spotc_operation_find("get-followed")->paging, SPOTC_PAGING_CURSOR);
    assert_int_equal(spotc_operation_find("get-recently-played")->paging, SPOTC_PAGING_CURSOR);
    assert_string_equal(spotc_operation_find("get-followed")->items_key, "artists.items");
    const spotc_operation *search = spotc_operation_find("search");
    assert_int_equal(search->limit_default, 20);
    assert_int_equal(search->limit_max, 50);
    assert_int_equal(search->dev_limit_max, 10);
    assert_int_equal(spotc_operation_find("get-an-albums-tracks")->limit_max, 50);
    assert_int_equal(spotc_operation_find("get-an-artists-albums")->dev_limit_default, 5);
}

static void test_deprecations(void **state)
{
    (void)state;
    size_t deprecated = 0, replaced = 0;
    FOR_EACH_OP(op)
    {
        if (op->deprecated)
            deprecated++;
        if (!op->replacement)
            continue;
        replaced++;
        if (!op->deprecated)
            fail_msg("%s has a replacement but is not deprecated", op->id);
        const spotc_operation *r = spotc_operation_find(op->replacement);
        if (!r)
            fail_msg("%s: replacement %s does not exist", op->id, op->replacement);
        if (r->deprecated)
            fail_msg("%s: replacement %s is deprecated too", op->id, op->replacement);
    }
    assert_int_equal(deprecated, 48);
    assert_true(replaced >= 20);
    assert_string_equal(spotc_operation_find("get-playlists-tracks")->replacement,
                        "get-playlists-items");
    assert_string_equal(spotc_operation_find("create-playlist-for-user")->replacement,
                        "create-playlist");
    assert_string_equal(spotc_operation_find("save-tracks-user")->replacement,
                        "save-library-items");
    assert_null(spotc_operation_find("get-several-tracks")->replacement);
    assert_true(spotc_operation_find("get-an-artists-top-tracks")->deprecated);
    assert_false(spotc_operation_find("get-track")->deprecated);
}

static void expect_match(const char *method, const char *path, const char *id)
{
    const spotc_operation *op = spotc_operation_match(method, path);
    if (!id) {
        if (op)
            fail_msg("%s %s matched %s", method, path, op->id);
        return;
    }
    if (!op)
        fail_msg("%s %s matched nothing (want %s)", method, path, id);
    if (strcmp(op->id, id) != 0)
        fail_msg("%s %s matched %s (want %s)", method, path, op->id, id);
}

static void test_match(void **state)
{
    (void)state;
    expect_match("GET", "/tracks/4iV5W9uYEdYUVa79Axb7Rh", "get-track");
    expect_match("GET", "/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", "get-track");
    expect_match("GET", "/v1/tracks/abc?market=SE", "get-track");
    expect_match("GET", "/tracks?ids=a,b", "get-several-tracks");
    expect_match("GET", "/v1/tracks", "get-several-tracks");
    expect_match("GET", "/albums/x/tracks?offset=20&limit=20", "get-an-albums-tracks");
    expect_match("GET", "https://api.spotify.com/v1/albums/x/tracks?offset=20",
                 "get-an-albums-tracks");
    expect_match("GET", "http://127.0.0.1:4000/v1/search?q=a&type=track", "search");
    expect_match("GET", "/me/tracks/contains?ids=x", "check-users-saved-tracks");
    expect_match("PUT", "/me/tracks", "save-tracks-user");
    expect_match("DELETE", "/me/library?uris=spotify:track:x", "remove-library-items");
    expect_match("GET", "/me", "get-current-users-profile");
    expect_match("GET", "/me/", "get-current-users-profile");
    expect_match("GET", "/browse/categories/dinner/playlists", "get-a-categories-playlists");
    expect_match("GET", "/browse/categories/dinner", "get-a-category");
    expect_match("GET", "/playlists/p1/followers/contains", "check-if-user-follows-playlist");
    expect_match("POST", "/me/player/queue?uri=spotify:track:x", "add-to-queue");
    expect_match("GET", "/me/player/queue", "get-queue");
    expect_match("GET", "/me/player#frag", "get-information-about-the-users-current-playback");
    /* No match: wrong method, unknown path, empty segment, extra segment, /v1 only. */
    expect_match("POST", "/tracks/x", NULL);
    expect_match("GET", "/nope", NULL);
    expect_match("GET", "/albums//tracks", NULL);
    expect_match("GET", "/tracks/a/b", NULL);
    expect_match("GET", "/v10/tracks", NULL);
    expect_match("GET", "", NULL);
    expect_match("GET", "/v1", NULL);
    expect_match("get", "/tracks/x", NULL);
    assert_null(spotc_operation_match(NULL, "/tracks"));
    assert_null(spotc_operation_match("GET", NULL));
}

static void test_lookup_null_safety(void **state)
{
    (void)state;
    assert_null(spotc_operation_find(NULL));
    assert_null(spotc_operation_find(""));
    assert_null(spotc_operation_find("get-trackx"));
    assert_null(spotc_operation_find_param(NULL, "id"));
    assert_null(spotc_operation_find_param(spotc_operation_find("get-track"), NULL));
    assert_null(spotc_operation_find_param(spotc_operation_find("get-track"), "ids"));
    assert_null(
        spotc_operation_find_param(spotc_operation_find("get-current-users-profile"), "id"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_and_bounds),
        cmocka_unit_test(test_unique_ids_and_routes),
        cmocka_unit_test(test_basic_fields),
        cmocka_unit_test(test_path_params_match_placeholders),
        cmocka_unit_test(test_required_params),
        cmocka_unit_test(test_body_params),
        cmocka_unit_test(test_batching),
        cmocka_unit_test(test_paging),
        cmocka_unit_test(test_deprecations),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_lookup_null_safety),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
