/*
 * Typed calls for the user's player (player.h), built on the typed-call helpers.
 *
 * Items and contexts are parsed before anything is sent and sent as URIs, the only
 * form the player endpoints take. A failed command gets a sentence on what to do
 * about it (no active device, not Premium, refused by the state), since the server's
 * words ("Restriction violated") do not say.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ids_priv.h"
#include "internal.h"
#include "typed_call.h"

/* spotify:episode: and a 128-byte ID fit. */
#define URI_MAX (SPOTC_ID_MAX + 32)

SPOTC__KIND(playback_state);
SPOTC__KIND(currently_playing);
SPOTC__KIND(queue);
SPOTC__LIST_KIND(device_list);
SPOTC__LIST_KIND(play_history_list);

static const char *const repeat_names[] = {"off", "track", "context"};

const char *spotc_player_repeat_to_name(spotc_repeat_mode mode)
{
    return (unsigned)mode < 3 ? repeat_names[mode] : NULL;
}

int spotc_play_options_init(spotc_play_options *opts, unsigned int version)
{
    if (!opts || version != SPOTC_PLAY_OPTIONS_VERSION)
        return SPOTC_EINVALID;
    *opts = (spotc_play_options)SPOTC_PLAY_OPTIONS_INIT;
    return 0;
}

/* ------------------------------------------------------------ failures */

/* Say what the caller can do about a refused command. */
static int explain(spotc_client *client, int rc)
{
    const char *msg = spotc_client_last_error(client)->message;
    switch (rc) {
    case SPOTC_ENODEVICE:
        return spotc__error_append(client,
                                   "no device is active: name one (its ID from "
                                   "spotc_player_list_devices) or move playback to one first "
                                   "(spotc_player_transfer)");
    case SPOTC_EPREMIUM:
        return spotc__error_append(client, "Spotify takes player commands from Premium "
                                           "accounts only");
    case SPOTC_EFORBIDDEN:
        if (strstr(msg, "Restriction violated"))
            return spotc__error_append(client,
                                       "the player's state does not allow this command now "
                                       "(pausing when paused, resuming when playing, skipping "
                                       "or seeking with nothing to play); "
                                       "spotc_player_get_state() says which actions it disallows");
        return rc;
    case SPOTC_ENOTFOUND:
        if (strstr(msg, "Device not found"))
            return spotc__error_append(client, "the user has no device with that ID "
                                               "(spotc_player_list_devices)");
        return rc;
    default:
        return rc;
    }
}

/* A device ID is Spotify's opaque string: only an empty one is refused here. */
static int add_device(spotc_client *client, spotc__params *p, const char *device_id)
{
    if (device_id && !*device_id)
        return spotc__error_set(client, SPOTC_EINVALID, "an empty device ID was given");
    spotc__params_add(p, "device_id", device_id);
    return 0;
}

/* A command whose answer (204) carries nothing. */
static int command(spotc_client *client, const char *op, const spotc__params *p)
{
    int rc = spotc__typed_call(NULL, client, op, p, NULL, NULL);
    return rc < 0 ? explain(client, rc) : 0;
}

/* A command that takes nothing but the device. */
static int device_command(spotc_client *client, const char *op, const char *device_id)
{
    if (!client)
        return SPOTC_EINVALID;
    spotc__params p = {0};
    int rc = add_device(client, &p, device_id);
    return rc < 0 ? rc : command(client, op, &p);
}

/* ------------------------------------------------------------ reads */

/* A read that answers 204 when nothing is active: *out stays NULL then. */
static int read_optional(void **out, spotc_client *client, const char *op, const char *market,
                         const spotc__result_kind *kind)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params p = {0};
    spotc__params_add(&p, "additional_types", "track,episode"); /* the models type both */
    spotc__params_add_market(&p, client, market);
    spotc_response *resp = NULL;
    json_t *doc;
    int rc = spotc_operation_call(&resp, client, op, p.v, p.n, NULL);
    if (rc == 0 && spotc_response_get_status(resp) != 204) {
        rc = spotc__typed_response_object(client, resp, &doc);
        if (rc == 0 && kind->from_json(out, doc) < 0)
            rc = spotc__typed_nomem(client);
    }
    spotc_response_free(resp);
    return rc;
}

int spotc_player_get_state(spotc_playback_state **out, spotc_client *client, const char *market)
{
    return read_optional((void **)out, client, "get-information-about-the-users-current-playback",
                         market, &playback_state_kind);
}

int spotc_player_get_currently_playing(spotc_currently_playing **out, spotc_client *client,
                                       const char *market)
{
    return read_optional((void **)out, client, "get-the-users-currently-playing-track", market,
                         &currently_playing_kind);
}

int spotc_player_list_devices(spotc_device_list **out, spotc_client *client)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    return spotc__typed_call((void **)out, client, "get-a-users-available-devices", NULL, NULL,
                             &device_list_kind);
}

int spotc_player_get_queue(spotc_queue **out, spotc_client *client)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    return spotc__typed_call((void **)out, client, "get-queue", NULL, NULL, &queue_kind);
}

/* A cursor bound as the query wants it (ms since the epoch); 0 adds nothing. */
static void add_bound(spotc__params *p, const char *key, int64_t ms, char *buf, size_t len)
{
    if (!ms)
        return;
    snprintf(buf, len, "%" PRId64, ms);
    spotc__params_add(p, key, buf);
}

int spotc_player_list_recent(spotc_play_history_list **out, spotc_client *client, int64_t after,
                             int64_t before, const spotc_page_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    if (after < 0 || before < 0 || (after && before))
        return spotc__error_set(client, SPOTC_EINVALID,
                                "recently played: give after or before (ms since the epoch), "
                                "not both, never negative");
    if (opts && opts->offset)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "recently played has cursor pages: give after or before, "
                                "not an offset");
    spotc__params p = {0};
    char a[24], b[24];
    add_bound(&p, "after", after, a, sizeof a);
    add_bound(&p, "before", before, b, sizeof b);
    return spotc__typed_paged((void **)out, client, "get-recently-played", &p, opts,
                              &play_history_list_kind);
}

/* ------------------------------------------------------------ items */

/* An item to play or queue as its URI: a track or an episode (a bare ID is a track's). */
static int playable_uri(spotc_client *client, const char *input, char *uri, size_t len)
{
    spotc_id id;
    int rc = spotc__id_require(client, &id, input, SPOTC_TYPE_ANY);
    if (rc < 0)
        return rc;
    if (id.type == SPOTC_TYPE_ANY)
        id.type = SPOTC_TYPE_TRACK;
    if (id.type != SPOTC_TYPE_TRACK && id.type != SPOTC_TYPE_EPISODE)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "\"%s\" is %s, not a track or an episode%s", input,
                                spotc_id_type_to_name(id.type),
                                id.type == SPOTC_TYPE_USER ? "" : ": play it as the context");
    return spotc_id_format_uri(uri, len, &id) < 0
               ? spotc__error_set(client, SPOTC_EINVALID, "\"%s\" is too long", input)
               : 0;
}

/* A context to play: an album, artist, playlist or show, given by URI or link. */
static int context_uri(spotc_client *client, const char *input, char *uri, size_t len)
{
    spotc_id id;
    int rc = spotc__id_require(client, &id, input, SPOTC_TYPE_ANY);
    if (rc < 0)
        return rc;
    if (id.type != SPOTC_TYPE_ALBUM && id.type != SPOTC_TYPE_ARTIST &&
        id.type != SPOTC_TYPE_PLAYLIST && id.type != SPOTC_TYPE_SHOW)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "a context to play is an album, artist, playlist or show given "
                                "by URI or link; \"%s\" is not",
                                input);
    return spotc_id_format_uri(uri, len, &id) < 0
               ? spotc__error_set(client, SPOTC_EINVALID, "\"%s\" is too long", input)
               : 0;
}

int spotc_player_add_to_queue(spotc_client *client, const char *uri, const char *device_id)
{
    if (!client)
        return SPOTC_EINVALID;
    char u[URI_MAX];
    spotc__params p = {0};
    int rc = playable_uri(client, uri, u, sizeof u);
    if (rc == 0)
        rc = add_device(client, &p, device_id);
    if (rc < 0)
        return rc;
    spotc__params_add(&p, "uri", u);
    return command(client, "add-to-queue", &p);
}

/* ------------------------------------------------------------ play */

/* What a play request holds while it is built. */
typedef struct play_body {
    char context[URI_MAX];
    char *uris; /* comma-separated, the table's form of a body list */
    char offset[URI_MAX + 16];
} play_body;

/* The items to play, joined with commas (each parsed first). */
static int join_uris(spotc_client *client, const spotc_play_options *o, play_body *b)
{
    if (o->uris_count && !o->uris)
        return spotc__error_set(client, SPOTC_EINVALID, "uris_count given without uris");
    b->uris = calloc(o->uris_count ? o->uris_count : 1, URI_MAX);
    if (!b->uris)
        return spotc__typed_nomem(client);
    char one[URI_MAX];
    size_t used = 0;
    for (size_t i = 0; i < o->uris_count; i++) {
        int rc = playable_uri(client, o->uris[i], one, sizeof one);
        if (rc < 0)
            return rc;
        used += (size_t)sprintf(b->uris + used, "%s%s", i ? "," : "", one);
    }
    return 0;
}

/* {"uri": ...} or {"position": N}; empty when playing from the first item. */
static int offset_json(spotc_client *client, const spotc_play_options *o, play_body *b)
{
    char u[URI_MAX];
    if (o->offset_uri) {
        int rc = playable_uri(client, o->offset_uri, u, sizeof u);
        if (rc < 0)
            return rc;
        snprintf(b->offset, sizeof b->offset, "{\"uri\":\"%s\"}", u);
    } else if (o->offset_position) {
        snprintf(b->offset, sizeof b->offset, "{\"position\":%d}", o->offset_position);
    }
    return 0;
}

static int check_play(spotc_client *client, const spotc_play_options *o)
{
    if (o->version < 1 || o->version > SPOTC_PLAY_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown spotc_play_options version %u",
                                o->version);
    if (o->context_uri && o->uris_count)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "play a context or a list of items, not both");
    if (o->offset_position < 0 || o->position_ms < 0)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "offset_position and position_ms must not be negative");
    if ((o->offset_uri || o->offset_position) && !o->context_uri && !o->uris_count)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "an offset needs a context or items to play");
    return 0;
}

static int build_play(spotc_client *client, const spotc_play_options *o, play_body *b,
                      spotc__params *p)
{
    int rc = check_play(client, o);
    if (rc == 0 && o->context_uri)
        rc = context_uri(client, o->context_uri, b->context, sizeof b->context);
    if (rc == 0 && o->uris_count)
        rc = join_uris(client, o, b);
    if (rc == 0)
        rc = offset_json(client, o, b);
    if (rc == 0)
        rc = add_device(client, p, o->device_id);
    if (rc < 0)
        return rc;
    spotc__params_add(p, "context_uri", o->context_uri ? b->context : NULL);
    spotc__params_add(p, "uris", o->uris_count ? b->uris : NULL);
    spotc__params_add(p, "offset", *b->offset ? b->offset : NULL);
    if (o->position_ms)
        spotc__params_add_int(p, "position_ms", o->position_ms);
    return 0;
}

int spotc_player_play(spotc_client *client, const spotc_play_options *opts)
{
    if (!client)
        return SPOTC_EINVALID;
    if (!opts)
        return command(client, "start-a-users-playback", NULL);
    play_body b = {0};
    spotc__params p = {0};
    int rc = build_play(client, opts, &b, &p);
    if (rc == 0)
        rc = command(client, "start-a-users-playback", &p);
    free(b.uris);
    return rc;
}

/* ------------------------------------------------------------ other commands */

int spotc_player_pause(spotc_client *client, const char *device_id)
{
    return device_command(client, "pause-a-users-playback", device_id);
}

int spotc_player_next(spotc_client *client, const char *device_id)
{
    return device_command(client, "skip-users-playback-to-next-track", device_id);
}

int spotc_player_previous(spotc_client *client, const char *device_id)
{
    return device_command(client, "skip-users-playback-to-previous-track", device_id);
}

/* A command with one setting (its key and value) and the device. */
static int set_command(spotc_client *client, const char *op, const char *key, const char *value,
                       const char *device_id)
{
    if (!client)
        return SPOTC_EINVALID;
    spotc__params p = {0};
    int rc = add_device(client, &p, device_id);
    if (rc < 0)
        return rc;
    spotc__params_add(&p, key, value);
    return command(client, op, &p);
}

int spotc_player_seek(spotc_client *client, int64_t position_ms, const char *device_id)
{
    if (!client)
        return SPOTC_EINVALID;
    if (position_ms < 0)
        return spotc__error_set(client, SPOTC_EINVALID, "seek: a negative position");
    char pos[24];
    snprintf(pos, sizeof pos, "%" PRId64, position_ms);
    return set_command(client, "seek-to-position-in-currently-playing-track", "position_ms", pos,
                       device_id);
}

int spotc_player_set_repeat(spotc_client *client, spotc_repeat_mode mode, const char *device_id)
{
    const char *name = spotc_player_repeat_to_name(mode);
    if (client && !name)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown repeat mode %d", (int)mode);
    return set_command(client, "set-repeat-mode-on-users-playback", "state", name, device_id);
}

int spotc_player_set_volume(spotc_client *client, int percent, const char *device_id)
{
    if (client && (percent < 0 || percent > 100))
        return spotc__error_set(client, SPOTC_EINVALID, "volume %d%%: give 0 to 100", percent);
    char v[8];
    snprintf(v, sizeof v, "%d", percent);
    return set_command(client, "set-volume-for-users-playback", "volume_percent", v, device_id);
}

int spotc_player_set_shuffle(spotc_client *client, bool on, const char *device_id)
{
    return set_command(client, "toggle-shuffle-for-users-playback", "state",
                       on ? "true" : "false", device_id);
}

int spotc_player_transfer(spotc_client *client, const char *device_id, bool play)
{
    if (client && (!device_id || !*device_id))
        return spotc__error_set(client, SPOTC_EINVALID, "transfer: no device ID given");
    if (!client)
        return SPOTC_EINVALID;
    spotc__params p = {0};
    spotc__params_add(&p, "device_ids", device_id);
    spotc__params_add(&p, "play", play ? "true" : "false");
    return command(client, "transfer-a-users-playback", &p);
}
