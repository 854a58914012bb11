/*
 * Descriptors of the player's objects (spotc/models/playback.h).
 */
#include "model.h"

#define T spotc_device
static const spotc__field device_fields[] = {
    SPOTC__STRING(T, id, "id"),
    SPOTC__STRING(T, name, "name"),
    SPOTC__STRING(T, type, "type"),
    SPOTC__BOOL(T, is_active, "is_active"),
    SPOTC__BOOL(T, is_private_session, "is_private_session"),
    SPOTC__BOOL(T, is_restricted, "is_restricted"),
    SPOTC__BOOL(T, supports_volume, "supports_volume"),
    SPOTC__INT(T, volume_percent, "volume_percent"),
};
#undef T
SPOTC__MODEL(device, device_fields, NULL);
SPOTC__LIST(device, "devices", NULL);
SPOTC__LIST_FUNCTIONS(device)

#define T spotc_context
static const spotc__field context_fields[] = {
    SPOTC__STRING(T, type, "type"),
    SPOTC__STRING(T, uri, "uri"),
    SPOTC__STRING(T, href, "href"),
    SPOTC__STRING(T, spotify_url, "external_urls.spotify"),
};
#undef T
SPOTC__MODEL(context, context_fields, NULL);

#define T spotc_actions
static const spotc__field actions_fields[] = {
    SPOTC__BOOL(T, interrupting_playback, "interrupting_playback"),
    SPOTC__BOOL(T, pausing, "pausing"),
    SPOTC__BOOL(T, resuming, "resuming"),
    SPOTC__BOOL(T, seeking, "seeking"),
    SPOTC__BOOL(T, skipping_next, "skipping_next"),
    SPOTC__BOOL(T, skipping_prev, "skipping_prev"),
    SPOTC__BOOL(T, toggling_repeat_context, "toggling_repeat_context"),
    SPOTC__BOOL(T, toggling_shuffle, "toggling_shuffle"),
    SPOTC__BOOL(T, toggling_repeat_track, "toggling_repeat_track"),
    SPOTC__BOOL(T, transferring_playback, "transferring_playback"),
};
#undef T
SPOTC__MODEL(actions, actions_fields, NULL);

/* A track or an episode: the same object, read as one or the other by "type". */
#define T spotc_playable
static const spotc__field playable_fields[] = {
    SPOTC__STRING(T, type, "type"),
    SPOTC__TRACK_OR_EPISODE(T, ""),
};
#undef T
SPOTC__MODEL(playable, playable_fields, NULL);

/* "actions" holds {"disallows": {...}} on Spotify; a flat object is read too. */
#define T spotc_playback_state
static const spotc__field playback_state_fields[] = {
    SPOTC__OBJECT(T, device, "device", device),
    SPOTC__STRING(T, repeat_state, "repeat_state"),
    SPOTC__TRISTATE(T, shuffle_state, "shuffle_state"),
    SPOTC__OBJECT(T, context, "context", context),
    SPOTC__LONG(T, timestamp, "timestamp"),
    SPOTC__INT(T, progress_ms, "progress_ms"),
    SPOTC__BOOL(T, is_playing, "is_playing"),
    SPOTC__STRING(T, currently_playing_type, "currently_playing_type"),
    SPOTC__TRACK_OR_EPISODE(T, "item"),
    SPOTC__EMBED(T, actions, "actions", actions),
    SPOTC__EMBED(T, actions, "actions.disallows", actions),
};
#undef T
SPOTC__MODEL(playback_state, playback_state_fields, NULL);
SPOTC__MODEL_FUNCTIONS(playback_state)
SPOTC__MODEL_AS(currently_playing, currently_playing, playback_state_fields, NULL);
SPOTC__MODEL_FUNCTIONS(currently_playing)

#define T spotc_queue
static const spotc__field queue_fields[] = {
    SPOTC__OBJECT(T, currently_playing, "currently_playing", playable),
    SPOTC__OBJECTS(T, queue, queue_count, "queue", playable),
};
#undef T
SPOTC__MODEL(queue, queue_fields, NULL);
SPOTC__MODEL_FUNCTIONS(queue)

#define T spotc_play_history
static const spotc__field play_history_fields[] = {
    SPOTC__STRING(T, played_at, "played_at"),
    SPOTC__OBJECT(T, track, "track", track),
    SPOTC__OBJECT(T, context, "context", context),
};
#undef T
SPOTC__MODEL(play_history, play_history_fields, NULL);
SPOTC__LIST(play_history, "items", NULL);
SPOTC__LIST_FUNCTIONS(play_history)
