/*
 * spotc_playlist_upload_cover() against the emulator: a JPEG is accepted (202) and
 * changes the cover; bad input is refused before anything is sent; a token without
 * ugc-image-upload gets 403.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static char *user_token(const emu *e, const char *scope)
{
    char body[512], *resp = NULL;
    snprintf(body, sizeof body, "{\"user\":\"demo\",\"scope\":\"%s\",\"client_id\":\"spotc-demo\"}",
             scope);
    assert_int_equal(emu_http(e, "POST", "/_emulator/token", NULL, body, &resp), 200);
    json_t *j = json_loads(resp, 0, NULL);
    assert_non_null(j);
    char *tok = strdup(json_string_value(json_object_get(j, "access_token")));
    json_decref(j);
    free(resp);
    return tok;
}

static spotc_client *user_client(const emu *e, const char *token)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = token;
    o.max_retries = SPOTC_NO_RETRY;
    return emu_client(e, &o);
}

/* A playlist of the demo user's own, new. */
static char *new_playlist(spotc_client *c)
{
    spotc_response *r = NULL;
    assert_int_equal(
        spotc_operation_call(&r, c, "create-playlist", NULL, 0, "{\"name\":\"Covers\"}"), 0);
    json_t *j = spotc_response_get_json(r);
    char *id = strdup(json_string_value(json_object_get(j, "id")));
    spotc_response_free(r);
    return id;
}

static char *cover_url(spotc_client *c, const char *id)
{
    char path[128];
    snprintf(path, sizeof path, "/playlists/%s/images", id);
    spotc_response *r = NULL;
    assert_int_equal(spotc_request_send(&r, c, "GET", path, NULL, 0, NULL), 0);
    json_t *first = json_array_get(spotc_response_get_json(r), 0);
    const char *u = json_string_value(json_object_get(first, "url"));
    char *copy = strdup(u ? u : "");
    spotc_response_free(r);
    return copy;
}

static int requests_to_images(const emu *e)
{
    char *stats = NULL;
    assert_int_equal(emu_http(e, "GET", "/_emulator/stats", NULL, NULL, &stats), 200);
    json_t *j = json_loads(stats, 0, NULL);
    json_t *route =
        json_object_get(json_object_get(j, "requests"), "PUT /v1/playlists/{playlist_id}/images");
    int n = 0;
    const char *k;
    json_t *v;
    json_object_foreach(route, k, v) n += (int)json_integer_value(v);
    json_decref(j);
    free(stats);
    return n;
}

static const unsigned char tiny_jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J',  'F',
                                          'I',  'F',  0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9};

static void upload_changes_cover(void **state)
{
    (void)state;
    emu e;
    emu_start(&e, NULL);
    char *tok = user_token(&e, "ugc-image-upload playlist-modify-public playlist-modify-private");
    spotc_client *c = user_client(&e, tok);
    char *id = new_playlist(c);
    char *before = cover_url(c, id);
    assert_int_equal(spotc_playlist_upload_cover(c, id, tiny_jpeg, sizeof tiny_jpeg), 0);
    char *after = cover_url(c, id);
    assert_string_not_equal(before, after);
    assert_int_equal(requests_to_images(&e), 1);
    free(before);
    free(after);
    free(id);
    free(tok);
    spotc_client_free(c);
    emu_stop(&e);
}

static void bad_input_never_sent(void **state)
{
    (void)state;
    emu e;
    emu_start(&e, NULL);
    char *tok = user_token(&e, "ugc-image-upload playlist-modify-public playlist-modify-private");
    spotc_client *c = user_client(&e, tok);
    char *id = new_playlist(c);
    const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    assert_int_equal(spotc_playlist_upload_cover(c, id, png, sizeof png), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "not a JPEG"));
    size_t big_len = 200 * 1024;
    unsigned char *big = calloc(1, big_len);
    memcpy(big, tiny_jpeg, sizeof tiny_jpeg);
    assert_int_equal(spotc_playlist_upload_cover(c, id, big, big_len), SPOTC_EINVALID);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "too large"));
    assert_int_equal(spotc_playlist_upload_cover(c, "not a playlist", tiny_jpeg, sizeof tiny_jpeg),
                     SPOTC_EINVALID);
    assert_int_equal(requests_to_images(&e), 0);
    free(big);
    free(id);
    free(tok);
    spotc_client_free(c);
    emu_stop(&e);
}

static void missing_scope_forbidden(void **state)
{
    (void)state;
    emu e;
    emu_start(&e, NULL);
    char *tok = user_token(&e, "playlist-modify-public playlist-modify-private");
    spotc_client *c = user_client(&e, tok);
    char *id = new_playlist(c);
    assert_int_equal(spotc_playlist_upload_cover(c, id, tiny_jpeg, sizeof tiny_jpeg),
                     SPOTC_EFORBIDDEN);
    assert_int_equal(spotc_client_last_error(c)->http_status, 403);
    free(id);
    free(tok);
    spotc_client_free(c);
    emu_stop(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(upload_changes_cover),
        cmocka_unit_test(bad_input_never_sent),
        cmocka_unit_test(missing_scope_forbidden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
