/**
 * @file spotc/models/playback.h
 * @brief The player: devices, contexts, playback state, currently playing,
 *        the queue and play history. Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_PLAYBACK_H
#define SPOTC_MODELS_PLAYBACK_H

#include "music.h"
#include "spoken.h"

SPOTC_BEGIN_DECL

typedef struct spotc_device {
    struct json_t *json;
    const char *id;   /**< may be NULL */
    const char *name;
    const char *type; /**< "computer", "smartphone", "speaker"... */
    bool is_active;
    bool is_private_session;
    bool is_restricted; /**< true: no Web API command is accepted */
    bool supports_volume;
    int volume_percent; /**< 0-100, -1 when absent */
} spotc_device;

typedef struct spotc_device_list SPOTC_LIST_OF(spotc_device) spotc_device_list;

/** What is playing from: an album, artist, playlist or show. */
typedef struct spotc_context {
    struct json_t *json;
    const char *type;
    const char *uri;
    const char *href;
    const char *spotify_url;
} spotc_context;

/** Actions the player disallows now (DisallowsObject); embedded, true = disallowed. */
typedef struct spotc_actions {
    struct json_t *json;
    bool interrupting_playback;
    bool pausing;
    bool resuming;
    bool seeking;
    bool skipping_next;
    bool skipping_prev;
    bool toggling_repeat_context;
    bool toggling_shuffle;
    bool toggling_repeat_track;
    bool transferring_playback;
} spotc_actions;

/** A track or an episode, chosen by its "type" (a queue's entries). */
typedef struct spotc_playable {
    struct json_t *json;
    const char *type;       /**< "track", "episode"... */
    spotc_track *track;     /**< NULL for an episode */
    spotc_episode *episode; /**< set when type is "episode" */
} spotc_playable;

/** The playback state (GET /me/player), also the currently playing object
 *  (GET /me/player/currently-playing), which has no device, repeat or shuffle. */
typedef struct spotc_playback_state {
    struct json_t *json;
    spotc_device *device;
    const char *repeat_state; /**< "off", "track", "context" */
    int shuffle_state;        /**< 1, 0, or -1 when absent */
    spotc_context *context;   /**< NULL when none */
    long timestamp;           /**< ms since the epoch */
    int progress_ms;
    bool is_playing;
    const char *currently_playing_type; /**< "track", "episode", "ad", "unknown" */
    spotc_track *track;     /**< item, when it is a track */
    spotc_episode *episode; /**< item, when it is an episode */
    spotc_actions actions;
} spotc_playback_state;

typedef spotc_playback_state spotc_currently_playing;

typedef struct spotc_queue {
    struct json_t *json;
    spotc_playable *currently_playing; /**< NULL when nothing plays */
    size_t queue_count;
    spotc_playable *queue; /**< the upcoming items, in order */
} spotc_queue;

/** A recently played track. */
typedef struct spotc_play_history {
    struct json_t *json;
    const char *played_at; /**< ISO 8601 */
    spotc_track *track;
    spotc_context *context;
} spotc_play_history;

/** A cursor page of recently played tracks. */
typedef struct spotc_play_history_list SPOTC_LIST_OF(spotc_play_history) spotc_play_history_list;

SPOTC_EXTERN int spotc_device_list_parse(spotc_device_list **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_playback_state_parse(spotc_playback_state **out, const char *json,
                                            size_t len);
SPOTC_EXTERN int spotc_currently_playing_parse(spotc_currently_playing **out, const char *json,
                                               size_t len);
SPOTC_EXTERN int spotc_queue_parse(spotc_queue **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_play_history_list_parse(spotc_play_history_list **out, const char *json,
                                               size_t len);
SPOTC_EXTERN void spotc_device_list_free(spotc_device_list *list);
SPOTC_EXTERN void spotc_playback_state_free(spotc_playback_state *state);
SPOTC_EXTERN void spotc_currently_playing_free(spotc_currently_playing *playing);
SPOTC_EXTERN void spotc_queue_free(spotc_queue *queue);
SPOTC_EXTERN void spotc_play_history_list_free(spotc_play_history_list *list);

SPOTC_END_DECL

#endif
