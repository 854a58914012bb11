/*
 * The typed player functions (spotc/player.h) against a spotc-emulator per test:
 * every function, the state read back after each command, and the failures a player
 * meets: no active device, no Premium, a command the state refuses, bad input that
 * never reaches the network.
 *
 * The emulator's demo user is Premium with four devices ("Demo Laptop" active,
 * paused on the sample album's second track); `free` is not Premium; `mara` is
 * Premium with no active device.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define SCOPES                                                                                     \
    "user-read-playback-state user-read-currently-playing user-modify-playback-state "           \
    "user-read-recently-played"

typedef struct fixture {
    emu e;
    char *token;
    spotc_client *client; /* the demo user's */
    char *track, *album;
} fixture;

/* A token of `user` with the player's scopes (the caller frees). */
static char *token_of(const emu *e, const char *user)
{
    return emu_user_token(e, user, SCOPES);
}

static spotc_client *client_with(const emu *e, const char *token)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = token;
    return emu_client(e, &o);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_start(&f->e, NULL);
    f->token = token_of(&f->e, "demo");
    f->client = client_with(&f->e, f->token);
    f->track = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "track");
    f->album = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "album");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    spotc_client_free(f->client);
    emu_stop(&f->e);
    free(f->token);
    free(f->track);
    free(f->album);
    free(f);
    return 0;
}

/* Web API requests answered so far (every route). */
static long api_requests(const emu *e)
{
    json_t *j = emu_control(e, "GET", "/_emulator/stats", NULL);
    long n = (long)json_integer_value(json_object_get(j, "total"));
    json_decref(j);
    return n;
}

/* The state now (must be there). */
static spotc_playback_state *state_now(fixture *f)
{
    spotc_playback_state *s = NULL;
    assert_int_equal(spotc_player_get_state(&s, f->client, NULL), 0);
    assert_non_null(s);
    return s;
}

/* The album's tracks' IDs (n of them, the caller frees each and the array). */
static char **album_tracks(fixture *f, size_t n)
{
    spotc_track_list *l = NULL;
    assert_int_equal(spotc_album_list_tracks(&l, f->client, f->album, NULL, NULL), 0);
    assert_true(l->count >= n);
    char **ids = calloc(n, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = strdup(l->items[i]->id);
    spotc_track_list_free(l);
    return ids;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

static const char *last_message(fixture *f)
{
    return spotc_client_last_error(f->client)->message;
}

/* ------------------------------------------------------------------ reads */

static void test_state_and_devices(void **state)
{
    fixture *f = *state;
    spotc_playback_state *s = state_now(f);
    assert_non_null(s->device);
    assert_string_equal(s->device->name, "Demo Laptop");
    assert_true(s->device->is_active);
    assert_int_equal(s->device->volume_percent, 64);
    assert_string_equal(s->repeat_state, "off");
    assert_int_equal(s->shuffle_state, 0);
    assert_false(s->is_playing);
    assert_int_equal(s->progress_ms, 42000);
    assert_string_equal(s->currently_playing_type, "track");
    assert_non_null(s->track);
    assert_non_null(s->track->name);
    assert_non_null(s->context);
    assert_string_equal(s->context->type, "album");
    char uri[64];
    snprintf(uri, sizeof uri, "spotify:album:%s", f->album);
    assert_string_equal(s->context->uri, uri);
    assert_true(s->actions.pausing); /* paused: pausing is what it disallows */
    assert_false(s->actions.resuming);
    spotc_playback_state_free(s);

    spotc_device_list *d = NULL;
    assert_int_equal(spotc_player_list_devices(&d, f->client), 0);
    assert_int_equal(d->count, 4);
    assert_string_equal(d->items[0]->name, "Demo Laptop");
    assert_true(d->items[0]->is_active);
    assert_string_equal(d->items[1]->name, "Demo Phone");
    assert_false(d->items[1]->is_active);
    assert_int_equal(d->items[2]->volume_percent, 35);
    assert_string_equal(d->items[3]->name, "Car Stereo");
    assert_true(d->items[3]->is_restricted);
    assert_false(d->items[3]->supports_volume);
    assert_int_equal(d->items[3]->volume_percent, -1); /* null */
    assert_int_equal(strlen(d->items[0]->id), 40);
    spotc_device_list_free(d);

    spotc_currently_playing *c = NULL;
    assert_int_equal(spotc_player_get_currently_playing(&c, f->client, NULL), 0);
    assert_non_null(c);
    assert_null(c->device); /* not part of this object */
    assert_int_equal(c->shuffle_state, -1);
    assert_non_null(c->track);
    assert_int_equal(c->progress_ms, 42000);
    spotc_currently_playing_free(c);
}

static void test_queue(void **state)
{
    fixture *f = *state;
    spotc_queue *q = NULL;
    assert_int_equal(spotc_player_get_queue(&q, f->client), 0);
    assert_non_null(q->currently_playing);
    assert_string_equal(q->currently_playing->type, "track");
    size_t before = q->queue_count;
    assert_true(before >= 2); /* the two seeded entries, then the album's next tracks */
    spotc_queue_free(q);

    char uri[64];
    snprintf(uri, sizeof uri, "spotify:track:%s", f->track);
    assert_int_equal(spotc_player_add_to_queue(f->client, uri, NULL), 0);
    assert_int_equal(spotc_player_get_queue(&q, f->client), 0);
    assert_true(q->queue_count >= 3);
    assert_non_null(q->queue[2].track); /* after the two seeded entries */
    assert_string_equal(q->queue[2].track->id, f->track);
    spotc_queue_free(q);

    /* an episode, as a link */
    char *episode = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "episode");
    char link[128];
    snprintf(link, sizeof link, "https://open.spotify.com/episode/%s?si=x", episode);
    assert_int_equal(spotc_player_add_to_queue(f->client, link, NULL), 0);
    assert_int_equal(spotc_player_get_queue(&q, f->client), 0);
    assert_string_equal(q->queue[3].type, "episode");
    assert_non_null(q->queue[3].episode);
    assert_string_equal(q->queue[3].episode->id, episode);
    spotc_queue_free(q);
    free(episode);
}

static void test_recent(void **state)
{
    fixture *f = *state;
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.limit = 5;
    spotc_play_history_list *l = NULL;
    assert_int_equal(spotc_player_list_recent(&l, f->client, 0, 0, &o), 0);
    assert_int_equal(l->count, 5);
    assert_non_null(l->items[0]->track);
    assert_non_null(l->items[0]->track->id);
    assert_non_null(l->items[0]->played_at);
    assert_non_null(l->items[0]->context);
    assert_non_null(l->page.cursor_before);
    assert_non_null(l->page.next);
    /* the next page by its cursor starts after this one's last play */
    int64_t before = strtoll(l->page.cursor_before, NULL, 10);
    char *last = strdup(l->items[4]->played_at);
    spotc_play_history_list_free(l);
    int rc = spotc_player_list_recent(&l, f->client, 0, before, &o);
    if (rc)
        print_error("%s\n", last_message(f));
    assert_int_equal(rc, 0);
    assert_int_equal(l->count, 5);
    assert_true(strcmp(l->items[0]->played_at, last) < 0); /* ISO 8601 sorts as text */
    spotc_play_history_list_free(l);
    free(last);

    /* every page */
    o.all = 1;
    o.limit = 20;
    rc = spotc_player_list_recent(&l, f->client, 0, 0, &o);
    if (rc)
        print_error("%s\n", last_message(f));
    assert_int_equal(rc, 0);
    assert_int_equal(l->count, 50); /* the seeded history */
    for (size_t i = 1; i < l->count; i++)
        assert_true(strcmp(l->items[i - 1]->played_at, l->items[i]->played_at) >= 0);
    spotc_play_history_list_free(l);

    /* cursor pages have no offset; after and before exclude each other */
    long sent = api_requests(&f->e);
    o = (spotc_page_options)SPOTC_PAGE_OPTIONS_INIT;
    o.offset = 5;
    assert_int_equal(spotc_player_list_recent(&l, f->client, 0, 0, &o), SPOTC_EINVALID);
    assert_null(l);
    assert_int_equal(spotc_player_list_recent(&l, f->client, 1, 2, NULL), SPOTC_EINVALID);
    assert_int_equal(api_requests(&f->e), sent);
}

/* ------------------------------------------------------------------ commands */

static void test_play_pause(void **state)
{
    fixture *f = *state;
    assert_int_equal(spotc_player_play(f->client, NULL), 0); /* resume */
    spotc_playback_state *s = state_now(f);
    assert_true(s->is_playing);
    assert_true(s->actions.resuming);
    spotc_playback_state_free(s);

    /* resuming what plays is refused by the state, and the message says so */
    assert_int_equal(spotc_player_play(f->client, NULL), SPOTC_EFORBIDDEN);
    assert_non_null(strstr(last_message(f), "Restriction violated"));
    assert_non_null(strstr(last_message(f), "state does not allow"));
    assert_int_equal(spotc_client_last_error(f->client)->http_status, 403);

    assert_int_equal(spotc_player_pause(f->client, NULL), 0);
    s = state_now(f);
    assert_false(s->is_playing);
    spotc_playback_state_free(s);
    assert_int_equal(spotc_player_pause(f->client, NULL), SPOTC_EFORBIDDEN);
    assert_non_null(strstr(last_message(f), "pausing when paused"));
}

static void test_play_items(void **state)
{
    fixture *f = *state;
    char **t = album_tracks(f, 3);
    char u0[64], link2[128];
    snprintf(u0, sizeof u0, "spotify:track:%s", t[0]);
    snprintf(link2, sizeof link2, "https://open.spotify.com/track/%s", t[2]);
    const char *items[] = {u0, t[1], link2}; /* URI, bare ID, link */

    spotc_play_options o = SPOTC_PLAY_OPTIONS_INIT;
    o.uris = items;
    o.uris_count = 3;
    o.offset_uri = t[1];
    o.position_ms = 5000;
    assert_int_equal(spotc_player_play(f->client, &o), 0);
    spotc_playback_state *s = state_now(f);
    assert_true(s->is_playing);
    assert_string_equal(s->track->id, t[1]);
    assert_true(s->progress_ms >= 5000 && s->progress_ms < 60000);
    assert_null(s->context); /* a list of items has no context */
    spotc_playback_state_free(s);

    /* back: 5 s in, the item starts again; at its start, the one before */
    assert_int_equal(spotc_player_previous(f->client, NULL), 0);
    s = state_now(f);
    assert_string_equal(s->track->id, t[1]);
    assert_true(s->progress_ms < 3000);
    spotc_playback_state_free(s);
    assert_int_equal(spotc_player_previous(f->client, NULL), 0);
    s = state_now(f);
    assert_string_equal(s->track->id, t[0]);
    spotc_playback_state_free(s);
    /* on: the queue's head comes first */
    spotc_queue *q = NULL;
    assert_int_equal(spotc_player_get_queue(&q, f->client), 0);
    char *head = strdup(q->queue[0].track->id);
    spotc_queue_free(q);
    assert_int_equal(spotc_player_next(f->client, NULL), 0);
    s = state_now(f);
    assert_string_equal(s->track->id, head);
    spotc_playback_state_free(s);
    free(head);

    /* a context from a position, on a named device (which becomes active) */
    spotc_device_list *d = NULL;
    assert_int_equal(spotc_player_list_devices(&d, f->client), 0);
    char album_uri[64];
    snprintf(album_uri, sizeof album_uri, "spotify:album:%s", f->album);
    o = (spotc_play_options)SPOTC_PLAY_OPTIONS_INIT;
    o.context_uri = album_uri;
    o.offset_position = 2;
    o.device_id = d->items[2]->id;
    assert_int_equal(spotc_player_play(f->client, &o), 0);
    s = state_now(f);
    assert_string_equal(s->track->id, t[2]);
    assert_string_equal(s->context->uri, album_uri);
    assert_string_equal(s->device->name, "Kitchen Speaker");
    spotc_playback_state_free(s);
    spotc_device_list_free(d);
    free_ids(t, 3);
}

static void test_seek_repeat_volume_shuffle(void **state)
{
    fixture *f = *state;
    assert_int_equal(spotc_player_seek(f->client, 12345, NULL), 0);
    spotc_playback_state *s = state_now(f);
    assert_int_equal(s->progress_ms, 12345); /* paused: it stays there */
    spotc_playback_state_free(s);

    const struct {
        spotc_repeat_mode mode;
        const char *name;
    } modes[] = {{SPOTC_REPEAT_TRACK, "track"},
                 {SPOTC_REPEAT_CONTEXT, "context"},
                 {SPOTC_REPEAT_OFF, "off"}};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(spotc_player_set_repeat(f->client, modes[i].mode, NULL), 0);
        s = state_now(f);
        assert_string_equal(s->repeat_state, modes[i].name);
        assert_string_equal(spotc_player_repeat_to_name(modes[i].mode), modes[i].name);
        spotc_playback_state_free(s);
    }

    assert_int_equal(spotc_player_set_volume(f->client, 37, NULL), 0);
    assert_int_equal(spotc_player_set_shuffle(f->client, true, NULL), 0);
    s = state_now(f);
    assert_int_equal(s->device->volume_percent, 37);
    assert_int_equal(s->shuffle_state, 1);
    spotc_playback_state_free(s);
    assert_int_equal(spotc_player_set_shuffle(f->client, false, NULL), 0);
    s = state_now(f);
    assert_int_equal(s->shuffle_state, 0);
    spotc_playback_state_free(s);

    long sent = api_requests(&f->e);
    assert_int_equal(spotc_player_set_volume(f->client, 101, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_player_set_repeat(f->client, (spotc_repeat_mode)7, NULL),
                     SPOTC_EINVALID);
    assert_int_equal(spotc_player_seek(f->client, -1, NULL), SPOTC_EINVALID);
    assert_int_equal(api_requests(&f->e), sent);
}

static void test_transfer(void **state)
{
    fixture *f = *state;
    spotc_device_list *d = NULL;
    assert_int_equal(spotc_player_list_devices(&d, f->client), 0);
    assert_int_equal(spotc_player_transfer(f->client, d->items[1]->id, false), 0);
    spotc_playback_state *s = state_now(f);
    assert_string_equal(s->device->name, "Demo Phone");
    assert_false(s->is_playing); /* paused stays paused */
    spotc_playback_state_free(s);

    assert_int_equal(spotc_player_transfer(f->client, d->items[0]->id, true), 0);
    s = state_now(f);
    assert_string_equal(s->device->name, "Demo Laptop");
    assert_true(s->is_playing);
    spotc_playback_state_free(s);

    /* a command for a device the user does not have */
    assert_int_equal(spotc_player_pause(f->client, "0000"), SPOTC_ENOTFOUND);
    assert_non_null(strstr(last_message(f), "no device with that ID"));
    /* the restricted car stereo takes no command */
    assert_int_equal(spotc_player_transfer(f->client, d->items[3]->id, false), SPOTC_EFORBIDDEN);
    assert_int_equal(spotc_player_transfer(f->client, "", false), SPOTC_EINVALID);
    spotc_device_list_free(d);
}

/* ------------------------------------------------------------------ failures */

static void test_no_active_device(void **state)
{
    fixture *f = *state;
    char *token = token_of(&f->e, "mara");
    spotc_client *c = client_with(&f->e, token);
    spotc_playback_state *s = (spotc_playback_state *)1;
    assert_int_equal(spotc_player_get_state(&s, c, NULL), 0); /* 204 */
    assert_null(s);
    spotc_currently_playing *cp = (spotc_currently_playing *)1;
    assert_int_equal(spotc_player_get_currently_playing(&cp, c, NULL), 0);
    assert_null(cp);

    assert_int_equal(spotc_player_pause(c, NULL), SPOTC_ENODEVICE);
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->http_status, 404);
    assert_string_equal(e->reason, "NO_ACTIVE_DEVICE");
    assert_non_null(strstr(e->message, "no device is active"));
    assert_non_null(strstr(e->message, "spotc_player_transfer"));
    assert_string_equal(e->path, "/v1/me/player/pause");
    assert_int_equal(spotc_player_next(c, NULL), SPOTC_ENODEVICE);
    assert_int_equal(spotc_player_set_volume(c, 10, NULL), SPOTC_ENODEVICE);

    /* a transfer needs no active device */
    spotc_device_list *d = NULL;
    assert_int_equal(spotc_player_list_devices(&d, c), 0);
    assert_int_equal(d->count, 1);
    assert_false(d->items[0]->is_active);
    assert_int_equal(spotc_player_transfer(c, d->items[0]->id, false), 0);
    assert_int_equal(spotc_player_get_state(&s, c, NULL), 0);
    assert_non_null(s);
    assert_true(s->device->is_active);
    spotc_playback_state_free(s);
    spotc_device_list_free(d);
    spotc_client_free(c);
    free(token);
}

static void test_premium_required(void **state)
{
    fixture *f = *state;
    char *token = token_of(&f->e, "free");
    spotc_client *c = client_with(&f->e, token);
    assert_int_equal(spotc_player_play(c, NULL), SPOTC_EPREMIUM);
    const spotc_error *e = spotc_client_last_error(c);
    assert_int_equal(e->http_status, 403);
    assert_string_equal(e->reason, "PREMIUM_REQUIRED");
    assert_non_null(strstr(e->message, "Premium accounts only"));
    assert_int_equal(spotc_player_pause(c, NULL), SPOTC_EPREMIUM);
    assert_int_equal(spotc_player_set_shuffle(c, true, NULL), SPOTC_EPREMIUM);
    assert_int_equal(spotc_player_transfer(c, "abc", false), SPOTC_EPREMIUM);
    /* reads are allowed */
    spotc_device_list *d = NULL;
    assert_int_equal(spotc_player_list_devices(&d, c), 0);
    assert_int_equal(d->count, 0);
    spotc_device_list_free(d);
    spotc_client_free(c);
    free(token);
}

static void test_bad_input_sends_nothing(void **state)
{
    fixture *f = *state;
    long sent = api_requests(&f->e);
    char album_uri[64];
    snprintf(album_uri, sizeof album_uri, "spotify:album:%s", f->album);
    const char *items[] = {f->track, album_uri};
    spotc_play_options o = SPOTC_PLAY_OPTIONS_INIT;
    o.uris = items;
    o.uris_count = 2;
    assert_int_equal(spotc_player_play(f->client, &o), SPOTC_EINVALID);
    assert_non_null(strstr(last_message(f), "not a track or an episode"));
    o.uris_count = 1;
    o.context_uri = album_uri;
    assert_int_equal(spotc_player_play(f->client, &o), SPOTC_EINVALID); /* both */
    o = (spotc_play_options)SPOTC_PLAY_OPTIONS_INIT;
    o.context_uri = f->album; /* bare: of no known type */
    assert_int_equal(spotc_player_play(f->client, &o), SPOTC_EINVALID);
    o.context_uri = NULL;
    o.offset_position = 3; /* an offset into nothing */
    assert_int_equal(spotc_player_play(f->client, &o), SPOTC_EINVALID);
    o = (spotc_play_options)SPOTC_PLAY_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(spotc_player_play(f->client, &o), SPOTC_EINVALID);
    assert_int_equal(spotc_player_add_to_queue(f->client, "spotify:track:nope!", NULL),
                     SPOTC_EINVALID);
    assert_int_equal(spotc_player_add_to_queue(f->client, album_uri, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_player_pause(f->client, ""), SPOTC_EINVALID);
    assert_int_equal(spotc_player_pause(NULL, NULL), SPOTC_EINVALID);
    assert_int_equal(spotc_player_get_state(NULL, f->client, NULL), SPOTC_EINVALID);
    assert_int_equal(api_requests(&f->e), sent);

    spotc_play_options init;
    assert_int_equal(spotc_play_options_init(&init, SPOTC_PLAY_OPTIONS_VERSION), 0);
    assert_int_equal(init.version, SPOTC_PLAY_OPTIONS_VERSION);
    assert_null(init.uris);
    assert_int_equal(spotc_play_options_init(&init, 0), SPOTC_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_state_and_devices, setup, teardown),
        cmocka_unit_test_setup_teardown(test_queue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_pause, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_items, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seek_repeat_volume_shuffle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_transfer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_active_device, setup, teardown),
        cmocka_unit_test_setup_teardown(test_premium_required, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input_sends_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
