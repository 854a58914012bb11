/**
 * @file spotc/player.h
 * @brief The user's player: its state, devices, commands, queue and recently played.
 *
 * Every function needs a user token: reads need user-read-playback-state (or
 * user-read-currently-playing, user-read-recently-played), commands need
 * user-modify-playback-state.
 *
 * Commands act on the active device, or on `device_id` when one is given (an
 * ID from spotc_player_list_devices(); NULL for the active one). They return:
 * - SPOTC_ENODEVICE: no device is active (and none was named): name one, or
 *   move playback to one with spotc_player_transfer();
 * - SPOTC_EPREMIUM: the user's account is not Premium, which Spotify requires
 *   for every command;
 * - SPOTC_EFORBIDDEN with the message "... Restriction violated ...": the
 *   player's state refuses the command (pause while paused, resume while playing,
 *   skip with nothing playing); spotc_player_get_state()'s `actions` says which
 *   commands the state disallows.
 * The client's last error (spotc_client_last_error()) says which, in words.
 *
 * Ownership: what comes back through `out` is the caller's, released with its
 * model's _free() (spotc/models/playback.h); every string argument is borrowed
 * for the call only.
 */
#ifndef SPOTC_PLAYER_H
#define SPOTC_PLAYER_H

#include <stdbool.h>

#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

/** Repeat modes (set-repeat-mode-on-users-playback's `state`). */
typedef enum spotc_repeat_mode {
    SPOTC_REPEAT_OFF = 0,
    SPOTC_REPEAT_TRACK = 1,   /**< the current track, again and again */
    SPOTC_REPEAT_CONTEXT = 2, /**< the album, playlist ... from its start when it ends */
} spotc_repeat_mode;

/** @return "off", "track" or "context" (static storage), or NULL for another value. */
SPOTC_EXTERN const char *spotc_player_repeat_to_name(spotc_repeat_mode mode);

/**
 * What spotc_player_play() starts. All zero (NULL options too): resume what was
 * playing. Fill with SPOTC_PLAY_OPTIONS_INIT or spotc_play_options_init().
 * Items and contexts are URIs, open.spotify.com links or bare IDs (a bare ID in
 * `uris` or `offset_uri` is a track's); each is checked before anything is sent.
 */
typedef struct spotc_play_options {
    unsigned int version;    /**< SPOTC_PLAY_OPTIONS_VERSION */
    const char *device_id;   /**< the device to play on (it becomes active); NULL: the active one */
    const char *context_uri; /**< an album, artist, playlist or show to play; NULL: none */
    const char *const *uris; /**< tracks or episodes to play, in order (instead of a context) */
    size_t uris_count;
    int offset_position; /**< start at this item of the context or the uris (0: the first) */
    const char *offset_uri; /**< or at this item (wins over offset_position); NULL: none */
    int position_ms;        /**< from this far into the first item (0: its start) */
} spotc_play_options;

#define SPOTC_PLAY_OPTIONS_VERSION 1
#define SPOTC_PLAY_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .version = SPOTC_PLAY_OPTIONS_VERSION                                                      \
    }

/** Fill opts as SPOTC_PLAY_OPTIONS_INIT does (for bindings).
 *  @return 0, or SPOTC_EINVALID for NULL or an unknown version. */
SPOTC_EXTERN int spotc_play_options_init(spotc_play_options *opts, unsigned int version);

/* ------------------------------------------------------------------ reads */

/**
 * GET /me/player: device, item (track or episode), progress, repeat, shuffle,
 * context and the actions the state disallows.
 * @param[out] out the state (the caller's, spotc_playback_state_free()), or NULL
 *             with 0 returned when no device is active (Spotify's 204).
 * @param market NULL: the client's market, if any.
 */
SPOTC_EXTERN int spotc_player_get_state(spotc_playback_state **out, spotc_client *client,
                                        const char *market);

/**
 * GET /me/player/currently-playing: the item and progress (no device, repeat
 * or shuffle). @param[out] out the caller's (spotc_currently_playing_free()),
 * or NULL with 0 returned when nothing is playing (204).
 */
SPOTC_EXTERN int spotc_player_get_currently_playing(spotc_currently_playing **out,
                                                    spotc_client *client, const char *market);

/** GET /me/player/devices. @param[out] out the caller's (spotc_device_list_free()). */
SPOTC_EXTERN int spotc_player_list_devices(spotc_device_list **out, spotc_client *client);

/** GET /me/player/queue: what plays now and next.
 *  @param[out] out the caller's (spotc_queue_free()). */
SPOTC_EXTERN int spotc_player_get_queue(spotc_queue **out, spotc_client *client);

/**
 * GET /me/player/recently-played: a cursor page of plays, newest first.
 * @param after only plays after this time (ms since the epoch); 0: no bound.
 * @param before only plays before this time; 0: no bound. Not both.
 * @param opts limit, max_items and all (follow the pages to the end); an
 *             offset is SPOTC_EINVALID (the pages are cursor pages). NULL: one page.
 * @param[out] out the caller's (spotc_play_history_list_free()); page.cursor_after
 *             and page.cursor_before give the next bounds.
 */
SPOTC_EXTERN int spotc_player_list_recent(spotc_play_history_list **out, spotc_client *client,
                                          int64_t after, int64_t before,
                                          const spotc_page_options *opts);

/* ------------------------------------------------------------------ commands */

/** PUT /me/player/play: start `opts` (see spotc_play_options), or resume with NULL. */
SPOTC_EXTERN int spotc_player_play(spotc_client *client, const spotc_play_options *opts);

/** PUT /me/player/pause. */
SPOTC_EXTERN int spotc_player_pause(spotc_client *client, const char *device_id);

/** POST /me/player/next: skip to the next item. */
SPOTC_EXTERN int spotc_player_next(spotc_client *client, const char *device_id);

/** POST /me/player/previous: back to the previous item. */
SPOTC_EXTERN int spotc_player_previous(spotc_client *client, const char *device_id);

/** PUT /me/player/seek. @param position_ms from the item's start, >= 0 (past its end:
 *  the next item). */
SPOTC_EXTERN int spotc_player_seek(spotc_client *client, int64_t position_ms,
                                   const char *device_id);

/** PUT /me/player/repeat. */
SPOTC_EXTERN int spotc_player_set_repeat(spotc_client *client, spotc_repeat_mode mode,
                                         const char *device_id);

/** PUT /me/player/volume. @param percent 0 to 100. */
SPOTC_EXTERN int spotc_player_set_volume(spotc_client *client, int percent,
                                         const char *device_id);

/** PUT /me/player/shuffle. */
SPOTC_EXTERN int spotc_player_set_shuffle(spotc_client *client, bool on, const char *device_id);

/**
 * PUT /me/player: move playback to a device (no active device needed).
 * @param device_id required.
 * @param play true: play there; false: keep the current state (paused stays paused).
 */
SPOTC_EXTERN int spotc_player_transfer(spotc_client *client, const char *device_id, bool play);

/** POST /me/player/queue: add a track or episode (URI, link, or a bare track ID) to the
 *  end of the queue. */
SPOTC_EXTERN int spotc_player_add_to_queue(spotc_client *client, const char *uri,
                                           const char *device_id);

SPOTC_END_DECL

#endif
