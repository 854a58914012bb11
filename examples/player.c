/*
 * player: the user's devices and playback: list the devices, start or resume
 * playing, pause, and show what plays.
 *
 *   cc player.c $(pkg-config --cflags --libs spotc) -o player
 *   ./player devices                   # "*" marks the active device
 *   ./player play [DEVICE_ID] [URI]    # resume, or play an album/playlist/artist/show
 *                                      # or a track/episode, on a device or the active one
 *   ./player pause
 *   ./player status                    # "playing" or "paused", the item, the device
 *
 * Exit status: 0; 1 when a call failed; 2 for bad usage; 3 when no device is
 * active and none was named (start Spotify somewhere, or name a device from
 * `player devices`). Spotify accepts commands only from Premium accounts.
 * Needs a user token with user-read-playback-state and user-modify-playback-state
 * (example_client.h says where the token comes from).
 *
 * Against a local spotc-emulator instead of Spotify (its user demo has four
 * devices, one of them active; mara has none active):
 *
 *   spotc-emulator --port 0 &      # prints: spotc-emulator listening on http://127.0.0.1:PORT
 *   export SPOTC_API_BASE=http://127.0.0.1:PORT/v1 SPOTC_ACCOUNTS_BASE=http://127.0.0.1:PORT
 *   SCOPES="user-read-playback-state user-modify-playback-state"
 *   export SPOTIFY_ACCESS_TOKEN=$(curl -s -d "{\"user\":\"demo\",\"scope\":\"$SCOPES\"}" \
 *       http://127.0.0.1:PORT/_emulator/token | jq -r .access_token)
 *   ./player devices && ./player play && ./player status
 *
 * (or, instead of the token: SPOTIFY_CLIENT_ID=spotc-demo spotc auth login, and log in as
 * demo/demo in the page it opens).
 */
#include <stdio.h>
#include <string.h>

#include <spotc.h>

#include "example_client.h"

#define PROG "player"
#define EXIT_NO_DEVICE 3

/* A failed command: "no active device" is the one a user can fix at once. */
static int command_failed(spotc_client *client, const char *what, int rc)
{
    if (rc == SPOTC_ENODEVICE) {
        fprintf(stderr,
                "%s: %s: no active device: start Spotify on a device, or name one "
                "(see '%s devices')\n",
                PROG, what, PROG);
        return EXIT_NO_DEVICE;
    }
    return example_failed(PROG, client, what, rc);
}

static int devices(spotc_client *client)
{
    spotc_device_list *list = NULL;
    int rc = spotc_player_list_devices(&list, client);
    if (rc != 0)
        return example_failed(PROG, client, "cannot list the devices", rc);
    for (size_t i = 0; i < list->count; i++) {
        const spotc_device *d = list->items[i];
        if (d)
            printf("%s %s\t%s\t%s\n", d->is_active ? "*" : " ", d->id ? d->id : "-",
                   d->type ? d->type : "?", d->name ? d->name : "?");
    }
    spotc_device_list_free(list);
    return 0;
}

static int status(spotc_client *client)
{
    spotc_playback_state *st = NULL;
    int rc = spotc_player_get_state(&st, client, NULL);
    if (rc != 0)
        return example_failed(PROG, client, "cannot read the player", rc);
    if (!st) { /* Spotify's 204: no device is active */
        printf("no active device\n");
        return 0;
    }
    const char *item = st->track ? st->track->name : st->episode ? st->episode->name : NULL;
    int secs = st->progress_ms > 0 ? st->progress_ms / 1000 : 0;
    printf("%s\t%s\t%d:%02d\ton %s\n", st->is_playing ? "playing" : "paused",
           item ? item : "(nothing)", secs / 60, secs % 60,
           st->device && st->device->name ? st->device->name : "?");
    spotc_playback_state_free(st);
    return 0;
}

/* A URI of a track or episode is played as a list of one; anything else (album,
 * playlist, artist, show) as a context. A bare ID would be read as a track's, but
 * run() takes an argument without ':' or '/' for a device ID. */
static int play(spotc_client *client, const char *device_id, const char *uri)
{
    spotc_play_options opts = SPOTC_PLAY_OPTIONS_INIT;
    opts.device_id = device_id;
    spotc_id id;
    char why[256];
    if (uri) {
        if (spotc_id_parse(&id, uri, SPOTC_TYPE_ANY, why, sizeof why) != 0) {
            fprintf(stderr, "%s: %s\n", PROG, why);
            return 2;
        }
        if (id.type == SPOTC_TYPE_TRACK || id.type == SPOTC_TYPE_EPISODE ||
            id.type == SPOTC_TYPE_ANY) {
            opts.uris = &uri;
            opts.uris_count = 1;
        } else {
            opts.context_uri = uri;
        }
    }
    int rc = spotc_player_play(client, &opts);
    return rc == 0 ? status(client) : command_failed(client, "cannot play", rc);
}

static int run(spotc_client *client, int argc, char **argv)
{
    const char *command = argv[1];
    if (strcmp(command, "devices") == 0)
        return devices(client);
    if (strcmp(command, "status") == 0)
        return status(client);
    if (strcmp(command, "play") == 0) {
        /* A URI or link has a colon or a slash; a device ID has neither. */
        const char *device_id = NULL, *uri = NULL;
        for (int i = 2; i < argc; i++) {
            if (strchr(argv[i], ':') || strchr(argv[i], '/'))
                uri = argv[i];
            else
                device_id = argv[i];
        }
        return play(client, device_id, uri);
    }
    int rc = spotc_player_pause(client, NULL);
    return rc == 0 ? status(client) : command_failed(client, "cannot pause", rc);
}

int main(int argc, char **argv)
{
    int ok = argc >= 2 &&
             ((argc == 2 && (strcmp(argv[1], "devices") == 0 || strcmp(argv[1], "status") == 0 ||
                             strcmp(argv[1], "pause") == 0)) ||
              (strcmp(argv[1], "play") == 0 && argc <= 4));
    if (!ok) {
        fprintf(stderr,
                "usage: %s devices|status|pause\n"
                "       %s play [DEVICE_ID] [URI]\n",
                argv[0], argv[0]);
        return 2;
    }
    spotc_token_store *store = NULL;
    spotc_client *client = example_client(PROG, &store);
    int code = client ? run(client, argc, argv) : 1;
    spotc_client_free(client);
    spotc_token_store_file_free(store);
    return code;
}
