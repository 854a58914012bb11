/*
 * Devices by name, positions as m:ss, and failures of player commands in words a user can
 * act on (player_help.h). Spotify's own words ("Restriction violated") name neither the
 * state nor the way out, so the state is read back to say both.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "player_help.h"

/* ------------------------------------------------------------------ devices */

/* "Demo Laptop, Demo Phone, ..." into buf. */
static void device_names(const spotc_device_list *l, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < l->count && used < len; i++)
        if (l->items[i] && l->items[i]->name)
            used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
                                     l->items[i]->name);
}

/* The device `given` names in l: its ID first, then its name; NULL with *many set when
 * several have that name. */
static const spotc_device *find_device(const spotc_device_list *l, const char *given, int *many)
{
    const spotc_device *found = NULL;
    *many = 0;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i] && l->items[i]->id && strcmp(l->items[i]->id, given) == 0)
            return l->items[i];
    for (size_t i = 0; i < l->count; i++) {
        const spotc_device *d = l->items[i];
        if (!d || !d->name || !d->id || strcasecmp(d->name, given) != 0)
            continue;
        if (found) {
            *many = 1;
            return NULL;
        }
        found = d;
    }
    return found;
}

int cli_player_device(cli_ctx *ctx, spotc_client *client, const char *given, char *id)
{
    spotc_device_list *l = NULL;
    int rc = spotc_player_list_devices(&l, client), many;
    if (rc)
        return cli_fail(ctx, rc);
    const spotc_device *d = find_device(l, given, &many);
    char names[1024];
    device_names(l, names, sizeof names);
    if (d && strlen(d->id) < CLI_DEVICE_ID_MAX) {
        snprintf(id, CLI_DEVICE_ID_MAX, "%s", d->id);
    } else if (many) {
        cli_errorf("several devices are called \"%s\": give its ID ('spotc player devices' "
                   "lists them)",
                   given);
        rc = CLI_EXIT_USAGE;
    } else {
        cli_errorf("no device is called \"%s\"; %s%s", given,
                   *names ? "the user's devices: " : "the user has no device Spotify can see "
                                                     "(start Spotify on one)",
                   names);
        rc = CLI_EXIT_NOT_FOUND;
    }
    spotc_device_list_free(l);
    return rc;
}

/* ------------------------------------------------------------------ positions */

/* Digits only, at most `max`; -1 otherwise. */
static long number(const char *s, size_t n, long max)
{
    long v = 0;
    if (n == 0 || n > 12)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v <= max ? v : -1;
}

int cli_player_position(const cli_ctx *ctx, const char *text, int64_t *ms)
{
    long parts[3];
    size_t n = 0;
    const char *s = text;
    for (; n < 3; n++) {
        size_t len = strcspn(s, ":");
        /* the first part is unbounded (minutes, or plain ms); the others are 0-59 */
        parts[n] = number(s, len, n == 0 ? 999999999999L : 59);
        if (parts[n] < 0 || !s[len])
            break;
        s += len + 1;
    }
    if (n == 3 || parts[n < 3 ? n : 2] < 0)
        return cli_usage_error(ctx, "'%s' is not a position: give milliseconds, m:ss or h:mm:ss",
                               text);
    int64_t v = parts[0];
    if (n == 1)
        v = parts[0] * 60000 + parts[1] * 1000;
    else if (n == 2)
        v = parts[0] * 3600000 + parts[1] * 60000 + parts[2] * 1000;
    *ms = v;
    return 0;
}

/* ------------------------------------------------------------------ failures */

int cli_player_no_device(const char *what)
{
    cli_errorf("no device is active, so there is nothing to %s.", what);
    fputs("Pick a device: run 'spotc player devices', then 'spotc player transfer NAME'\n"
          "(or add --device NAME to the command). Starting Spotify on a device works too.\n",
          stderr);
    return CLI_EXIT_NOT_FOUND;
}

/* "pausing, skipping to the next item" for what the state disallows; "" when nothing. */
static void disallowed(const spotc_actions *a, char *buf, size_t len)
{
    const struct {
        bool on;
        const char *what;
    } all[] = {{a->pausing, "pausing"},
               {a->resuming, "resuming"},
               {a->seeking, "seeking"},
               {a->skipping_next, "skipping to the next item"},
               {a->skipping_prev, "going back"},
               {a->toggling_shuffle, "shuffle"},
               {a->toggling_repeat_track || a->toggling_repeat_context, "repeat"},
               {a->transferring_playback, "transferring"}};
    size_t used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0] && used < len; i++)
        if (all[i].on)
            used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
                                     all[i].what);
}

/* The item's name, or NULL when nothing is loaded. */
static const char *item_name(const spotc_playback_state *s)
{
    if (s->track)
        return s->track->name ? s->track->name : "a track";
    if (s->episode)
        return s->episode->name ? s->episode->name : "an episode";
    return NULL;
}

/* What the player is doing, and what would work instead of `what`. */
static void describe(const spotc_playback_state *s, const char *what)
{
    const char *item = item_name(s);
    const char *device = s->device && s->device->name ? s->device->name : "the active device";
    char no[256];
    if (!item) {
        cli_errorf("the player refused '%s': nothing is loaded on %s.", what, device);
        fputs("'spotc player play ITEM...' or 'spotc player play --context URI' starts "
              "something.\n",
              stderr);
    } else if (s->is_playing) {
        cli_errorf("the player refused '%s': it is playing \"%s\" on %s.", what, item, device);
        fputs("'spotc player pause' pauses it; 'spotc player play ITEM...' plays something "
              "else.\n",
              stderr);
    } else {
        cli_errorf("the player refused '%s': it is paused on \"%s\" (%s).", what, item, device);
        fputs("'spotc player play' resumes it.\n", stderr);
    }
    disallowed(&s->actions, no, sizeof no);
    if (*no)
        fprintf(stderr, "In this state the player does not allow: %s.\n", no);
}

int cli_player_fail(cli_ctx *ctx, spotc_client *client, const char *what, int rc)
{
    const spotc_error *e = spotc_client_last_error(client);
    if (rc == SPOTC_ENODEVICE)
        return cli_player_no_device(what);
    if (rc != SPOTC_EFORBIDDEN || !strstr(e->message, "Restriction violated"))
        return cli_fail(ctx, rc);
    spotc_playback_state *s = NULL;
    int again = spotc_player_get_state(&s, client, ctx->market);
    if (again == 0 && s)
        describe(s, what);
    else if (again == 0)
        cli_player_no_device(what);
    else
        cli_errorf("the player refused '%s' in its current state (which could not be read)",
                   what);
    spotc_playback_state_free(s);
    return cli_exit_code(rc);
}
