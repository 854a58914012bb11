/*
 * spotc player status|devices|recent|play|pause|next|prev|seek|volume|shuffle|repeat|
 * transfer|queue: the user's player through the typed functions of spotc/player.h.
 *
 * Reads are lists (list.h) of Spotify's objects, so --fields and every format work on
 * them; commands print nothing when they succeed (`player status` shows the result), and
 * their failures say what to do (player_help.c).
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "list.h"
#include "output.h"
#include "player_help.h"

enum { O_DEVICE, O_CONTEXT, O_OFFSET, O_LIMIT };

static const cli_option options[] = {
    [O_DEVICE] = {"device", "NAME|ID",
                  "the device to act on: its ID, or its name (any case) as 'player devices'"
                  " shows it; default: the active device"},
    [O_CONTEXT] = {"context", "URI", "play: the album, artist, playlist or show to play"},
    [O_OFFSET] = {"offset", "N|URI",
                  "play: start at the context's item N (0: the first) or at this item"},
    [O_LIMIT] = {"limit", "N", "recent: at most N plays (default: all Spotify keeps, 50)"},
    {NULL, NULL, NULL},
};

/* One run: the context, the words after the subcommand, the client, the device. */
typedef struct player_run {
    cli_ctx *ctx;
    const cli_args *args;
    char **pos; /* after the subcommand */
    int npos;
    const char *what; /* the subcommand's name */
    spotc_client *client;
    const char *device; /* the --device's ID, or NULL */
    char device_id[CLI_DEVICE_ID_MAX];
} player_run;

/* A command's result: 0, or its failure told in the player's terms. */
static int done(player_run *r, int rc)
{
    return rc ? cli_player_fail(r->ctx, r->client, r->what, rc) : 0;
}

/* ------------------------------------------------------------------ reads */

static const cli_list_column status_columns[] = {
    {"PLAYING", "is_playing", 0},
    {"ITEM", "item.name", CLI_LIST_FLEX},
    {"ARTISTS", "item.artists.name", CLI_LIST_FLEX},
    {"PROGRESS", "progress_ms", CLI_LIST_DURATION},
    {"DURATION", "item.duration_ms", CLI_LIST_DURATION},
    {"DEVICE", "device.name", CLI_LIST_FLEX},
    {"VOLUME", "device.volume_percent", CLI_LIST_RIGHT},
    {"SHUFFLE", "shuffle_state", 0},
    {"REPEAT", "repeat_state", 0},
    {"CONTEXT", "context.uri", 0},
};
static const cli_list_column device_columns[] = {
    {"ID", "id", 0},         {"NAME", "name", CLI_LIST_FLEX}, {"TYPE", "type", 0},
    {"ACTIVE", "is_active", 0}, {"VOLUME", "volume_percent", CLI_LIST_RIGHT},
};
static const cli_list_column recent_columns[] = {
    {"PLAYED_AT", "played_at", 0},
    {"ID", "track.id", 0},
    {"NAME", "track.name", CLI_LIST_FLEX},
    {"ARTISTS", "track.artists.name", CLI_LIST_FLEX},
    {"CONTEXT", "context.uri", 0},
};
static const cli_list_column queue_columns[] = {
    {"ID", "id", 0},
    {"TYPE", "type", 0},
    {"NAME", "name", CLI_LIST_FLEX},
    {"ARTISTS", "artists.name", CLI_LIST_FLEX},
    {"DURATION", "duration_ms", CLI_LIST_DURATION},
};
#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* A list of `n` JSON objects (NULL ones skipped) at `items`, `stride` bytes apart, each
 * starting with its `json` member as every model does. */
static int write_list(cli_ctx *ctx, const cli_list_column *cols, size_t ncols, const void *items,
                      size_t n, size_t stride, int pointers)
{
    cli_list *l;
    int rc = cli_list_begin(ctx, cols, ncols, &l);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const char *at = (const char *)items + i * stride;
        const void *model = pointers ? *(void *const *)at : (const void *)at;
        if (model)
            rc = cli_list_item(l, *(json_t *const *)model);
    }
    return cli_list_end(l, rc);
}

static int player_status(player_run *r)
{
    spotc_playback_state *s = NULL;
    int rc = spotc_player_get_state(&s, r->client, r->ctx->market);
    if (rc)
        return cli_fail(r->ctx, rc);
    if (!s)
        return cli_player_no_device("show");
    if (r->device && (!s->device || !s->device->id || strcmp(s->device->id, r->device) != 0)) {
        cli_errorf("that device is not the active one; %s is ('spotc player transfer NAME' "
                   "moves playback)",
                   s->device && s->device->name ? s->device->name : "another");
        rc = CLI_EXIT_NOT_FOUND;
    } else if (r->ctx->format == CLI_FORMAT_JSON && !r->ctx->fields) {
        rc = cli_print_json(r->ctx, s->json);
    } else {
        rc = write_list(r->ctx, status_columns, NCOLS(status_columns), &s, 1, sizeof s, 1);
    }
    spotc_playback_state_free(s);
    return rc;
}

static int player_devices(player_run *r)
{
    spotc_device_list *l = NULL;
    int rc = spotc_player_list_devices(&l, r->client);
    if (rc)
        return cli_fail(r->ctx, rc);
    size_t from = 0, n = l->count;
    for (size_t i = 0; r->device && i < l->count; i++)
        if (l->items[i] && l->items[i]->id && strcmp(l->items[i]->id, r->device) == 0)
            from = i, n = 1; /* --device: that one */
    rc = write_list(r->ctx, device_columns, NCOLS(device_columns), l->items + from, n,
                    sizeof *l->items, 1);
    spotc_device_list_free(l);
    return rc;
}

static int player_recent(player_run *r)
{
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    const char *limit = r->args->opt[O_LIMIT];
    if (limit && cli_parse_int(r->ctx, "--limit", limit, 1, 100000, &o.max_items))
        return CLI_EXIT_USAGE;
    o.all = 1;
    spotc_play_history_list *l = NULL;
    int rc = spotc_player_list_recent(&l, r->client, 0, 0, &o);
    if (rc)
        return cli_fail(r->ctx, rc);
    rc = write_list(r->ctx, recent_columns, NCOLS(recent_columns), l->items, l->count,
                    sizeof *l->items, 1);
    spotc_play_history_list_free(l);
    return rc;
}

/* `player queue`: what plays now (on a terminal) and next. */
static int show_queue(player_run *r)
{
    spotc_queue *q = NULL;
    int rc = spotc_player_get_queue(&q, r->client);
    if (rc)
        return cli_fail(r->ctx, rc);
    if (r->ctx->format == CLI_FORMAT_TABLE && q->currently_playing) {
        cli_print_heading(r->ctx, "Now playing");
        rc = write_list(r->ctx, queue_columns, NCOLS(queue_columns), &q->currently_playing, 1,
                        sizeof q->currently_playing, 1);
        cli_print_heading(r->ctx, "Up next");
    }
    if (rc == 0)
        rc = write_list(r->ctx, queue_columns, NCOLS(queue_columns), q->queue, q->queue_count,
                        sizeof *q->queue, 0);
    spotc_queue_free(q);
    return rc;
}

/* ------------------------------------------------------------------ commands */

/* "7" as a position in the context; anything else as an item. */
static void set_offset(spotc_play_options *o, const char *offset)
{
    char *end;
    long n = strtol(offset, &end, 10);
    if (*offset && !*end && n >= 0 && n <= 1000000)
        o->offset_position = (int)n;
    else
        o->offset_uri = offset;
}

static int player_play(player_run *r)
{
    spotc_play_options o = SPOTC_PLAY_OPTIONS_INIT;
    o.device_id = r->device;
    o.context_uri = r->args->opt[O_CONTEXT];
    o.uris = (const char *const *)r->pos;
    o.uris_count = (size_t)r->npos;
    if (o.context_uri && o.uris_count)
        return cli_usage_error(r->ctx, "play a context (--context) or items, not both");
    if (r->args->opt[O_OFFSET]) {
        if (!o.context_uri && !o.uris_count)
            return cli_usage_error(r->ctx, "--offset needs --context or items to play");
        set_offset(&o, r->args->opt[O_OFFSET]);
    }
    int plain = !o.context_uri && !o.uris_count && !o.device_id;
    return done(r, spotc_player_play(r->client, plain ? NULL : &o));
}

static int player_pause(player_run *r)
{
    return done(r, spotc_player_pause(r->client, r->device));
}

static int player_next(player_run *r)
{
    return done(r, spotc_player_next(r->client, r->device));
}

static int player_prev(player_run *r)
{
    return done(r, spotc_player_previous(r->client, r->device));
}

static int player_seek(player_run *r)
{
    int64_t ms;
    int rc = cli_player_position(r->ctx, r->pos[0], &ms);
    return rc ? rc : done(r, spotc_player_seek(r->client, ms, r->device));
}

static int player_volume(player_run *r)
{
    char text[16];
    int percent;
    snprintf(text, sizeof text, "%s", r->pos[0]);
    size_t n = strlen(text);
    if (n && text[n - 1] == '%')
        text[n - 1] = 0; /* "40%" reads as 40 */
    if (cli_parse_int(r->ctx, "volume", text, 0, 100, &percent))
        return CLI_EXIT_USAGE;
    return done(r, spotc_player_set_volume(r->client, percent, r->device));
}

static int player_shuffle(player_run *r)
{
    if (cli_check_choice(r->ctx, NULL, "shuffle", r->pos[0]))
        return CLI_EXIT_USAGE;
    return done(r, spotc_player_set_shuffle(r->client, strcmp(r->pos[0], "on") == 0, r->device));
}

static int player_repeat(player_run *r)
{
    if (cli_check_choice(r->ctx, NULL, "repeat", r->pos[0]))
        return CLI_EXIT_USAGE;
    spotc_repeat_mode m = SPOTC_REPEAT_OFF;
    while (strcmp(spotc_player_repeat_to_name(m), r->pos[0]) != 0)
        m++;
    return done(r, spotc_player_set_repeat(r->client, m, r->device));
}

static int player_transfer(player_run *r)
{
    char id[CLI_DEVICE_ID_MAX];
    int rc = cli_player_device(r->ctx, r->client, r->pos[0], id);
    return rc ? rc : done(r, spotc_player_transfer(r->client, id, false));
}

static int player_queue(player_run *r)
{
    if (r->npos == 0)
        return show_queue(r);
    return done(r, spotc_player_add_to_queue(r->client, r->pos[0], r->device));
}

/* ------------------------------------------------------------------ dispatch */

static const cli_subcommand subcommands[] = {
    {"status", "what plays, where, how far in; volume, shuffle, repeat"},
    {"devices", "the devices the user can play on"},
    {"recent", "the tracks played recently, newest first"},
    {"play", "resume, or play items or a context"},
    {"pause", "pause playback"},
    {"next", "skip to the next item"},
    {"prev", "back to the previous item (or the start of this one)"},
    {"seek", "jump to a position in the item (ms or m:ss)"},
    {"volume", "set the volume (0-100)"},
    {"shuffle", "shuffle on or off"},
    {"repeat", "repeat off, the track or the context"},
    {"transfer", "move playback to a device (by name or ID)"},
    {"queue", "show the queue, or add an item to it"},
    {NULL, NULL},
};

/* Per subcommand (in the order above): its handler, the words it takes, its own options. */
static const struct {
    int (*run)(player_run *r);
    int min, max; /* words after the subcommand; max -1: any number */
    unsigned opts; /* bits of the options besides --device it takes */
} handlers[] = {
    {player_status, 0, 0, 0},        {player_devices, 0, 0, 0},
    {player_recent, 0, 0, 1u << O_LIMIT},
    {player_play, 0, -1, 1u << O_CONTEXT | 1u << O_OFFSET},
    {player_pause, 0, 0, 0},         {player_next, 0, 0, 0},
    {player_prev, 0, 0, 0},          {player_seek, 1, 1, 0},
    {player_volume, 1, 1, 0},        {player_shuffle, 1, 1, 0},
    {player_repeat, 1, 1, 0},        {player_transfer, 1, 1, 0},
    {player_queue, 0, 1, 0},
};

/* The words and options fit the subcommand. */
static int check_use(player_run *r, size_t i)
{
    if (r->npos < handlers[i].min || (handlers[i].max >= 0 && r->npos > handlers[i].max))
        return cli_usage_error(r->ctx, "'player %s' takes %s", r->what,
                               handlers[i].min == handlers[i].max && handlers[i].min
                                   ? "one argument"
                               : handlers[i].max == 0 ? "no arguments"
                                                      : "at most one argument");
    for (int o = O_CONTEXT; o <= O_LIMIT; o++)
        if (r->args->opt[o] && !(handlers[i].opts & 1u << o))
            return cli_usage_error(r->ctx, "--%s is not an option of 'player %s'",
                                   options[o].name, r->what);
    if (r->args->opt[O_DEVICE] && handlers[i].run == player_recent)
        return cli_usage_error(r->ctx, "'player recent' has no --device: Spotify keeps one "
                                       "history per user");
    return 0;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *sub = cli_subcommand_find(ctx, args->pos[0]);
    if (!sub)
        return CLI_EXIT_USAGE;
    size_t i = (size_t)(sub - subcommands);
    player_run r = {ctx, args, args->pos + 1, args->npos - 1, sub->name, NULL, NULL, ""};
    int rc = check_use(&r, i);
    if (rc == 0)
        rc = cli_user_client(ctx, &r.client);
    if (rc == 0 && args->opt[O_DEVICE] && handlers[i].run != player_transfer) {
        rc = cli_player_device(ctx, r.client, args->opt[O_DEVICE], r.device_id);
        r.device = r.device_id;
    }
    return rc ? rc : handlers[i].run(&r);
}

const cli_command cli_cmd_player = {
    .name = "player",
    .summary = "see and control what plays: status, play, pause, skip, seek, volume, devices",
    .usage = "player status|devices|recent|play|pause|next|prev|seek|volume|shuffle|repeat|"
             "transfer|queue [ARGS] [--device NAME|ID]",
    .description =
        "status: what plays, on which device, how far in, volume, shuffle, repeat (exit 4\n"
        "  when no device is active). devices: the user's devices. recent: recently\n"
        "  played tracks, newest first.\n"
        "play [ITEM...] [--context URI] [--offset N|URI]: resume; or play the items (track\n"
        "  or episode URIs, links or bare track IDs) or a context (album, artist, playlist\n"
        "  or show), from its item N or URI.\n"
        "pause, next, prev; seek POSITION (ms, m:ss or h:mm:ss); volume PERCENT;\n"
        "shuffle on|off; repeat off|track|context; transfer DEVICE (name or ID);\n"
        "queue: what plays next; queue ITEM adds a track or episode to it.\n"
        "--device NAME|ID acts on that device (a name in any case) instead of the active\n"
        "one. Commands print nothing when they succeed. Spotify takes commands from\n"
        "Premium accounts only. With no active device, 'spotc player devices' then\n"
        "'spotc player transfer NAME' picks one.",
    .options = options,
    .min_args = 1,
    .max_args = -1,
    .run = run,
    .subcommands = subcommands,
    .choices =
        (const cli_choice[]){{"device", NULL, NULL, "player devices --fields name --no-header"},
                             {NULL, "repeat", "off track context", NULL},
                             {NULL, "shuffle", "on off", NULL},
                             {NULL, "transfer", NULL, "player devices --fields name --no-header"},
                             {NULL, NULL, NULL, NULL}},
    .examples = "spotc player status\n"
                "spotc player devices\n"
                "spotc player transfer \"kitchen speaker\"\n"
                "spotc player play spotify:track:ID spotify:track:ID2\n"
                "spotc player play --context spotify:album:ID --offset 2\n"
                "spotc player pause --device \"Demo Phone\"\n"
                "spotc player seek 1:30\n"
                "spotc player volume 40\n"
                "spotc player repeat context\n"
                "spotc player queue spotify:track:ID\n"
                "spotc player recent --limit 10 --csv",
};
