/*
 * The player: playback state, devices, currently playing, commands (play, pause, next,
 * previous, seek, repeat, volume, shuffle, transfer), the queue and recently played.
 *
 * Spotify's answers kept here: commands need Premium (403, reason PREMIUM_REQUIRED) and an
 * active device (404, reason NO_ACTIVE_DEVICE); a command the state does not allow (pause
 * when paused, resume when playing, skip with nothing playing) is 403 "Player command
 * failed: Restriction violated" with reason UNKNOWN; GET /me/player and currently-playing
 * answer 204 with no body when nothing is active. Every player request settles the clock
 * first (state_player.c), so it takes the write lock.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures_refs.h"
#include "objects_playlist.h"
#include "routes.h"
#include "routes_user.h"
#include "users.h"

#define QUEUE_MAX 1000
#define QUEUE_SHOWN 20

static const char *const repeat_names[] = {"off", "context", "track"};

/* The token's user, settled; NULL after answering. emu_unlock() after a non-NULL answer. */
static emu_user_state *player_user(emu_call *c, int *me)
{
    if ((*me = emu_me(c)) < 0)
        return NULL;
    emu_state *s = emu_lock_write(c);
    emu_user_state *u = &s->users[*me];
    emu_player_settle(s, u, c->now_ms);
    return u;
}

/* player_user() for a request that writes items: its media view first (400 on a bad market). */
static emu_user_state *player_view(emu_call *c, emu_media_view *mv, int *me)
{
    return emu_media_view_init(mv, c) < 0 ? NULL : player_user(c, me);
}

static void restriction(emu_call *c)
{
    emu_reply_error_reason(c, 403, "Player command failed: Restriction violated", "UNKNOWN");
}

/* Premium and a device for a command; -1 after answering. device_id picks (play) or must
 * name the active device. */
static int command_ok(emu_call *c, int me, emu_user_state *u, int may_activate)
{
    emu_player *p = &u->player;
    const char *dev = emu_query(c, "device_id");
    if (emu_user_at((size_t)me)->product != EMU_PRODUCT_PREMIUM) {
        emu_reply_error_reason(c, 403, "Player command failed: Premium required",
                               "PREMIUM_REQUIRED");
        return -1;
    }
    if (dev) {
        size_t d = 0;
        while (d < p->ndevices && strcmp(p->devices[d].id, dev) != 0)
            d++;
        if (d == p->ndevices) {
            emu_reply_error(c, 404, "Device not found");
            return -1;
        }
        if (may_activate)
            p->active = (int)d;
    }
    if (p->active < 0 || (dev && strcmp(p->devices[p->active].id, dev) != 0)) {
        emu_reply_error_reason(c, 404, "Player command failed: No active device found",
                               "NO_ACTIVE_DEVICE");
        return -1;
    }
    if (p->devices[p->active].is_restricted) {
        emu_reply_error_reason(c, 403, "Player command failed: Device not controllable",
                               "DEVICE_NOT_CONTROLLABLE");
        return -1;
    }
    return 0;
}

/* ---- JSON ---- */

static void device_json(jw *w, const emu_player *p, size_t i)
{
    const emu_device *d = &p->devices[i];
    jw_obj(w);
    jw_kstr(w, "id", d->id);
    jw_kbool(w, "is_active", (int)i == p->active);
    jw_kbool(w, "is_private_session", d->is_private_session);
    jw_kbool(w, "is_restricted", d->is_restricted);
    jw_kstr(w, "name", d->name);
    jw_kstr(w, "type", d->type);
    if (d->volume >= 0)
        jw_kint(w, "volume_percent", d->volume);
    else
        jw_knull(w, "volume_percent");
    jw_kbool(w, "supports_volume", d->supports_volume);
    jw_obj_end(w);
}

static const char *const ctx_types[] = {NULL, "album", "artist", "playlist", "show"};

/* The ContextObject of a fixture album, artist, show or playlist @p obj: its own links. */
static void fixture_context_json(jw *w, const emu_ctx *ctx, const json_t *obj, const char *type)
{
    static const char *const keys[] = {"href", "external_urls", "uri"};
    jw_obj(w);
    jw_kstr(w, "type", type);
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        emu_fx_write_member(w, obj, keys[i], ctx->base);
    jw_obj_end(w);
}

/* ContextObject for a (kind, index), or null for a list of URIs. */
static void context_json(jw *w, const emu_state *s, const emu_ctx *ctx, int kind, uint32_t idx)
{
    if (kind == EMU_PCTX_NONE || kind > EMU_PCTX_SHOW) {
        jw_null(w);
        return;
    }
    const json_t *fx = emu_fx_context(s->cat, kind, idx);
    if (fx) {
        fixture_context_json(w, ctx, fx, ctx_types[kind]);
        return;
    }
    const char *type = ctx_types[kind];
    char id[EMU_ID_LEN + 1];
    if (kind == EMU_PCTX_PLAYLIST)
        memcpy(id, s->playlists[idx]->id, sizeof id);
    else
        emu_catalogue_id_copy(s->cat, (emu_type)emu_type_by_name(type), idx, id);
    jw_obj(w);
    jw_kstr(w, "type", type);
    jw_kstrf(w, "href", "%s/v1/%ss/%s", ctx->base, type, id);
    jw_kobj(w, "external_urls");
    jw_kstrf(w, "spotify", "https://open.spotify.com/%s/%s", type, id);
    jw_obj_end(w);
    jw_kstrf(w, "uri", "spotify:%s:%s", type, id);
    jw_obj_end(w);
}

static void actions_json(jw *w, const emu_player *p)
{
    jw_kobj(w, "actions");
    jw_kbool(w, "interrupting_playback", 0);
    jw_kbool(w, "pausing", !p->is_playing);
    jw_kbool(w, "resuming", p->is_playing || !p->has_item);
    jw_kbool(w, "seeking", !p->has_item);
    jw_kbool(w, "skipping_next", !p->has_item);
    jw_kbool(w, "skipping_prev", !p->has_item);
    jw_kbool(w, "toggling_repeat_context", 0);
    jw_kbool(w, "toggling_shuffle", 0);
    jw_kbool(w, "toggling_repeat_track", 0);
    jw_kbool(w, "transferring_playback", 0);
    jw_obj_end(w);
}

/* Episodes show only to clients that list them in additional_types, as on Spotify. */
static int wants_episodes(const emu_call *c)
{
    const char *t = emu_query(c, "additional_types");
    return t && strstr(t, "episode") != NULL;
}

/* The fields CurrentlyPlayingObject and CurrentlyPlayingContextObject share. */
static void playing_json(jw *w, emu_call *c, const emu_state *s, const emu_player *p,
                         const emu_media_view *mv)
{
    int episode = p->has_item && EMU_REF_TYPE(p->item) == EMU_T_EPISODE;
    jw_key(w, "context");
    context_json(w, s, c->ctx, p->ctx_kind, p->ctx_idx);
    jw_kint(w, "timestamp", p->timestamp_ms);
    jw_kint(w, "progress_ms", p->progress_ms);
    jw_kbool(w, "is_playing", p->is_playing);
    jw_key(w, "item");
    if (p->has_item && (!episode || wants_episodes(c)))
        emu_json_playable(w, mv, p->item);
    else
        jw_null(w);
    jw_kstr(w, "currently_playing_type", !p->has_item ? "unknown" : episode ? "episode" : "track");
    actions_json(w, p);
}

/* ---- reads ---- */

/* GET /me/player (@p full: with device, repeat and shuffle) or /currently-playing. */
static void reply_playing(emu_call *c, int full)
{
    emu_media_view mv;
    int me;
    emu_user_state *u = player_view(c, &mv, &me);
    if (!u)
        return;
    const emu_player *p = &u->player;
    if (p->active < 0 || (!full && !p->has_item)) {
        emu_unlock(c);
        emu_reply_empty(c, 204);
        return;
    }
    jw w;
    jw_init(&w, 8192);
    jw_obj(&w);
    if (full) {
        jw_key(&w, "device");
        device_json(&w, p, (size_t)p->active);
        jw_kstr(&w, "repeat_state", repeat_names[p->repeat]);
        jw_kbool(&w, "shuffle_state", p->shuffle);
    }
    playing_json(&w, c, c->ctx->state, p, &mv);
    jw_obj_end(&w);
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

static void get_player(emu_call *c)
{
    reply_playing(c, 1);
}

static void get_currently_playing(emu_call *c)
{
    reply_playing(c, 0);
}

static void get_devices(emu_call *c)
{
    int me;
    emu_user_state *u = player_user(c, &me);
    if (!u)
        return;
    jw w;
    jw_init(&w, 2048);
    jw_obj(&w);
    jw_karr(&w, "devices");
    for (size_t i = 0; i < u->player.ndevices; i++)
        device_json(&w, &u->player, i);
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

static void get_queue(emu_call *c)
{
    emu_media_view mv;
    int me;
    emu_user_state *u = player_view(c, &mv, &me);
    if (!u)
        return;
    emu_state *s = c->ctx->state;
    const emu_player *p = &u->player;
    int live = p->active >= 0 && p->has_item;
    jw w;
    jw_init(&w, 65536);
    jw_obj(&w);
    jw_key(&w, "currently_playing");
    if (live)
        emu_json_playable(&w, &mv, p->item);
    else
        jw_null(&w);
    jw_karr(&w, "queue");
    size_t shown = 0;
    for (size_t i = 0; live && i < p->nqueue && shown < QUEUE_SHOWN; i++, shown++)
        emu_json_playable(&w, &mv, p->queue[i]);
    /* then what the context plays next */
    size_t len = live ? emu_player_ctx_len(s, p) : 0;
    for (size_t pos = p->pos + 1; pos < len && shown < QUEUE_SHOWN; pos++, shown++)
        emu_json_playable(&w, &mv, emu_player_ctx_item(s, p, pos));
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

/* ---- commands ---- */

/* A command: settle, check premium and device, run @p fn (which answers on failure and
 * returns -1), then answer 204. */
typedef int (*command_fn)(emu_call *c, emu_state *s, emu_user_state *u, void *arg);

static void command(emu_call *c, int may_activate, command_fn fn, void *arg)
{
    int me;
    emu_user_state *u = player_user(c, &me);
    if (!u)
        return;
    if (command_ok(c, me, u, may_activate) == 0 && fn(c, c->ctx->state, u, arg) == 0) {
        u->player.timestamp_ms = c->now_ms;
        emu_reply_empty(c, 204);
    }
    emu_unlock(c);
}

static int do_pause(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    (void)s, (void)arg;
    if (!u->player.is_playing) {
        restriction(c);
        return -1;
    }
    u->player.is_playing = 0;
    return 0;
}

static void put_pause(emu_call *c)
{
    command(c, 0, do_pause, NULL);
}

static int do_next(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    int prev = arg != NULL;
    emu_player_note_played(u, c->now_ms);
    if ((prev ? emu_player_previous(s, u, c->now_ms) : emu_player_next(s, u, c->now_ms)) < 0) {
        restriction(c);
        return -1;
    }
    return 0;
}

static void post_next(emu_call *c)
{
    command(c, 0, do_next, NULL);
}

static void post_previous(emu_call *c)
{
    static int prev = 1;
    command(c, 0, do_next, &prev);
}

static int do_seek(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    long pos = *(long *)arg;
    emu_player *p = &u->player;
    if (!p->has_item) {
        restriction(c);
        return -1;
    }
    if (pos >= (long)emu_ref_duration(s->cat, p->item)) {
        emu_player_next(s, u, c->now_ms);
        return 0;
    }
    p->progress_ms = pos;
    p->since_ms = c->now_ms;
    return 0;
}

static void put_seek(emu_call *c)
{
    long pos;
    if (emu_query_long(c, "position_ms", 0, 1L << 40, 1, &pos) == 1)
        command(c, 0, do_seek, &pos);
}

/* repeat and shuffle: an int field of the player set to a keyword's index. */
typedef struct setting {
    size_t off;
    int value;
} setting;

static int do_set(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    (void)c, (void)s;
    const setting *st = arg;
    *(int *)((char *)&u->player + st->off) = st->value;
    return 0;
}

/* The `state` keyword's index in @p names, or -1 after answering 400. */
static int state_param(emu_call *c, const char *const *names, int n)
{
    const char *st = emu_query(c, "state");
    for (int i = 0; st && i < n; i++)
        if (strcmp(st, names[i]) == 0)
            return i;
    emu_reply_error(c, 400, st ? "Invalid state" : "Missing required parameter: state");
    return -1;
}

static void put_repeat(emu_call *c)
{
    setting st = {offsetof(emu_player, repeat), state_param(c, repeat_names, 3)};
    if (st.value >= 0)
        command(c, 0, do_set, &st);
}

static void put_shuffle(emu_call *c)
{
    static const char *const names[] = {"false", "true"};
    setting st = {offsetof(emu_player, shuffle), state_param(c, names, 2)};
    if (st.value >= 0)
        command(c, 0, do_set, &st);
}

static int do_volume(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    (void)s;
    emu_device *d = &u->player.devices[u->player.active];
    if (!d->supports_volume) {
        emu_reply_error_reason(c, 403, "Player command failed: Cannot control device volume",
                               "VOLUME_CONTROL_DISALLOW");
        return -1;
    }
    d->volume = (int)*(long *)arg;
    return 0;
}

static void put_volume(emu_call *c)
{
    long v;
    if (emu_query_long(c, "volume_percent", 0, 100, 1, &v) == 1)
        command(c, 0, do_volume, &v);
}

static int do_queue(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    (void)s;
    emu_player *p = &u->player;
    if (p->nqueue >= QUEUE_MAX) {
        restriction(c);
        return -1;
    }
    if (emu_grow((void **)&p->queue, &p->capqueue, p->nqueue + 1, sizeof *p->queue) < 0) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    p->queue[p->nqueue++] = *(uint32_t *)arg;
    return 0;
}

/* A track or episode URI as a ref (a fixture's too, fixtures_refs.h); -1 after answering 400. */
static int playable(emu_call *c, const char *uri, uint32_t *ref)
{
    char id[64];
    int type = -1;
    size_t idx;
    int rc = -1;
    if (uri && emu_uri_split(uri, &type, id, sizeof id) == 0 &&
        (type == EMU_T_TRACK || type == EMU_T_EPISODE))
        rc = emu_find(c, (emu_type)type, id, &idx);
    if (rc < 0) {
        emu_reply_error(c, 400, rc == -2 ? "Payload contains a non-existing ID" : "Invalid uri");
        return -1;
    }
    *ref = EMU_REF(type, idx);
    return 0;
}

static void post_queue(emu_call *c)
{
    uint32_t ref;
    const char *uri = emu_query(c, "uri");
    if (!uri)
        emu_reply_error(c, 400, "Missing required parameter: uri");
    else if (playable(c, uri, &ref) == 0)
        command(c, 0, do_queue, &ref);
}

/* ---- play and transfer ---- */

typedef struct play_req {
    emu_player ctx;             /* kind, index and uris (owned until taken) */
    char pl_id[EMU_ID_LEN + 1]; /* a playlist context, resolved under the lock */
    int resume;
    json_t *offset;
    long position_ms;
} play_req;

/* A fixture album, artist, show or playlist as the context (kind set): the refs of its items,
 * taken now (fixtures_refs.h). 1 when it is one, 0 when not, -1 after answering. */
static int fixture_context(emu_call *c, const char *id, play_req *r)
{
    const emu_catalogue *cat = c->ctx->cat;
    uint32_t idx;
    if (emu_fx_context_find(cat, r->ctx.ctx_kind, id, &idx) < 0)
        return 0;
    const json_t *obj = emu_fx_context(cat, r->ctx.ctx_kind, idx);
    if (emu_fx_context_refs(cat, r->ctx.ctx_kind, obj, &r->ctx.uris, &r->ctx.nuris) < 0) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    r->ctx.ctx_idx = idx;
    return 1;
}

/* context_uri as a context; -1 after answering. Playlists are resolved under the lock. */
static int parse_context(emu_call *c, const char *uri, play_req *r)
{
    static const struct {
        const char *type;
        int kind;
    } kinds[] = {{"album", EMU_PCTX_ALBUM},
                 {"artist", EMU_PCTX_ARTIST},
                 {"playlist", EMU_PCTX_PLAYLIST},
                 {"show", EMU_PCTX_SHOW}};
    char id[64];
    int type;
    size_t idx;
    if (emu_uri_split(uri, &type, id, sizeof id) == 0)
        for (size_t k = 0; k < 4; k++) {
            int t = emu_type_by_name(kinds[k].type);
            if (!(type == t || (type == EMU_URI_PLAYLIST && kinds[k].kind == EMU_PCTX_PLAYLIST)))
                continue;
            r->ctx.ctx_kind = (uint8_t)kinds[k].kind;
            int fx = fixture_context(c, id, r);
            if (fx != 0)
                return fx > 0 ? 0 : -1;
            if (type == EMU_URI_PLAYLIST && emu_id_valid(id)) {
                memcpy(r->pl_id, id, EMU_ID_LEN + 1);
                return 0;
            }
            int rc = type == EMU_URI_PLAYLIST ? -1 : emu_find(c, (emu_type)t, id, &idx);
            if (rc == -2) {
                emu_reply_error(c, 404, "Context not found");
                return -1;
            }
            if (rc == 0) {
                r->ctx.ctx_idx = (uint32_t)idx;
                return 0;
            }
        }
    emu_reply_error(c, 400, "Invalid context uri");
    return -1;
}

static int parse_uris(emu_call *c, json_t *uris, play_req *r)
{
    size_t n = json_array_size(uris), i;
    json_t *v;
    if (!json_is_array(uris) || n == 0 || n > QUEUE_MAX) {
        emu_reply_error(c, 400, "Invalid uris");
        return -1;
    }
    r->ctx.uris = malloc(n * sizeof *r->ctx.uris);
    if (!r->ctx.uris) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    json_array_foreach(uris, i, v)
    {
        if (playable(c, json_string_value(v), &r->ctx.uris[i]) < 0)
            return -1;
    }
    r->ctx.nuris = n;
    r->ctx.ctx_kind = EMU_PCTX_NONE;
    return 0;
}

/* The start position from "offset": {"position": N} or {"uri": ...}; -1 after answering. */
static long start_pos(emu_call *c, emu_state *s, const play_req *r)
{
    json_t *pos = json_object_get(r->offset, "position"), *uri = json_object_get(r->offset, "uri");
    if (!r->offset)
        return 0;
    if (json_is_integer(pos) && json_integer_value(pos) >= 0 &&
        (size_t)json_integer_value(pos) < emu_player_ctx_len(s, &r->ctx))
        return (long)json_integer_value(pos);
    uint32_t ref;
    if (json_is_string(uri) && playable(c, json_string_value(uri), &ref) == 0) {
        for (size_t i = 0; i < emu_player_ctx_len(s, &r->ctx); i++)
            if (emu_player_ctx_item(s, &r->ctx, i) == ref)
                return (long)i;
        emu_reply_error(c, 404, "Offset not found in the context");
        return -1;
    }
    if (!json_is_string(uri))
        emu_reply_error(c, 400, "Invalid offset");
    return -1;
}

static int do_play(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    play_req *r = arg;
    emu_player *p = &u->player;
    if (r->resume) {
        if (p->is_playing || !p->has_item) {
            restriction(c);
            return -1;
        }
        p->is_playing = 1;
        p->since_ms = c->now_ms;
        return 0;
    }
    if (r->pl_id[0]) {
        emu_playlist *pl = emu_state_playlist(s, r->pl_id);
        if (!pl) {
            emu_reply_error(c, 404, "Context not found");
            return -1;
        }
        r->ctx.ctx_idx = pl->index;
    }
    long pos = start_pos(c, s, r);
    if (pos < 0)
        return -1;
    if (emu_player_start(s, u, &r->ctx, (size_t)pos, r->position_ms, c->now_ms) < 0) {
        restriction(c); /* an empty context */
        return -1;
    }
    r->ctx.uris = NULL; /* taken */
    return 0;
}

static int parse_play(emu_call *c, json_t *body, play_req *r)
{
    json_t *cu = json_object_get(body, "context_uri"), *uris = json_object_get(body, "uris");
    json_t *pms = json_object_get(body, "position_ms");
    r->offset = json_object_get(body, "offset");
    if (r->offset && !json_is_object(r->offset)) {
        emu_reply_error(c, 400, "Invalid offset");
        return -1;
    }
    if (pms && (!json_is_integer(pms) || json_integer_value(pms) < 0)) {
        emu_reply_error(c, 400, "Invalid position_ms");
        return -1;
    }
    r->position_ms = pms ? (long)json_integer_value(pms) : 0;
    if (json_is_string(cu))
        return parse_context(c, json_string_value(cu), r);
    if (cu && !json_is_null(cu)) {
        emu_reply_error(c, 400, "Invalid context uri");
        return -1;
    }
    if (uris && !json_is_null(uris))
        return parse_uris(c, uris, r);
    r->resume = 1;
    return 0;
}

static void put_play(emu_call *c)
{
    json_t *body = emu_json_body(c, 0);
    play_req r = {0};
    if (body && parse_play(c, body, &r) == 0)
        command(c, 1, do_play, &r);
    free(r.ctx.uris);
    json_decref(body);
}

static int do_transfer(emu_call *c, emu_state *s, emu_user_state *u, void *arg)
{
    (void)c, (void)s;
    const int *how = arg; /* device index, play flag */
    emu_player *p = &u->player;
    if (p->devices[how[0]].is_restricted) {
        emu_reply_error_reason(c, 403, "Player command failed: Device not controllable",
                               "DEVICE_NOT_CONTROLLABLE");
        return -1;
    }
    p->active = how[0];
    if (how[1] && p->has_item && !p->is_playing) {
        p->is_playing = 1;
        p->since_ms = c->now_ms;
    }
    return 0;
}

/* Transfer: premium needed, no active device needed. */
static void put_player(emu_call *c)
{
    json_t *body = emu_json_body(c, 1), *ids = body ? json_object_get(body, "device_ids") : NULL;
    json_t *play = body ? json_object_get(body, "play") : NULL;
    int me;
    if (!body)
        return;
    if (!json_is_array(ids) || json_array_size(ids) != 1 ||
        !json_is_string(json_array_get(ids, 0)) || (play && !json_is_boolean(play))) {
        emu_reply_error(c, 400,
                        json_array_size(ids) > 1 ? "Only one device_id is supported"
                                                 : "Missing required field: device_ids");
        json_decref(body);
        return;
    }
    emu_user_state *u = player_user(c, &me);
    if (u && emu_user_at((size_t)me)->product != EMU_PRODUCT_PREMIUM) {
        emu_reply_error_reason(c, 403, "Player command failed: Premium required",
                               "PREMIUM_REQUIRED");
    } else if (u) {
        const char *dev = json_string_value(json_array_get(ids, 0));
        int how[2] = {0, json_is_true(play)};
        while ((size_t)how[0] < u->player.ndevices && strcmp(u->player.devices[how[0]].id, dev))
            how[0]++;
        if ((size_t)how[0] == u->player.ndevices)
            emu_reply_error(c, 404, "Device not found");
        else if (do_transfer(c, c->ctx->state, u, how) == 0)
            emu_reply_empty(c, 204);
    }
    if (u)
        emu_unlock(c);
    json_decref(body);
}

/* ---- recently played ---- */

static void recent_link(jw *w, const emu_call *c, const char *which, long long at, int limit)
{
    if (which)
        jw_strf(w, "%s/v1/me/player/recently-played?%s=%lld&limit=%d", c->ctx->base, which, at,
                limit);
    else
        jw_strf(w, "%s/v1/me/player/recently-played?limit=%d", c->ctx->base, limit);
}

static void play_json(jw *w, emu_call *c, const emu_state *s, const emu_media_view *mv,
                      const emu_play *e)
{
    emu_fx_kind k;
    const json_t *fx = emu_fx_of_ref(s->cat, e->ref, &k);
    jw_obj(w);
    jw_key(w, "track");
    emu_json_playable(w, mv, e->ref);
    jw_key(w, "played_at");
    emu_json_time_ms(w, e->played_at_ms);
    /* Spotify's document declares a play's context an object (not nullable), so a
     * track that was played on its own names its album as the context. */
    int kind = e->ctx_kind;
    uint32_t idx = e->ctx_idx;
    jw_key(w, "context");
    if (kind == EMU_PCTX_NONE && fx) {
        fixture_context_json(w, c->ctx, json_object_get(fx, "album"), "album");
    } else {
        if (kind == EMU_PCTX_NONE) {
            kind = EMU_PCTX_ALBUM;
            idx = s->cat->tracks[EMU_REF_INDEX(e->ref)].album;
        }
        context_json(w, s, c->ctx, kind, idx);
    }
    jw_obj_end(w);
}

static void get_recently_played(emu_call *c)
{
    long limit = 20, after = 0, before = 0;
    int me, ha, hb;
    emu_media_view mv;
    if (emu_query_long(c, "limit", 1, 50, 0, &limit) < 0 ||
        (ha = emu_query_long(c, "after", 0, 1L << 52, 0, &after)) < 0 ||
        (hb = emu_query_long(c, "before", 0, 1L << 52, 0, &before)) < 0 ||
        emu_media_view_init(&mv, c) < 0)
        return;
    if (ha && hb) {
        emu_reply_error(c, 400, "Only one of after or before may be given");
        return;
    }
    emu_user_state *u = player_user(c, &me);
    if (!u)
        return;
    size_t first = 0, end = u->nrecent; /* newest first */
    while (hb && first < end && u->recent[first].played_at_ms >= before)
        first++;
    while (ha && end > first && u->recent[end - 1].played_at_ms <= after)
        end--;
    if (ha && end - first > (size_t)limit)
        first = end - (size_t)limit; /* the ones right after the cursor */
    if (end - first > (size_t)limit)
        end = first + (size_t)limit;
    jw w;
    jw_init(&w, 4096 + 3000 * (size_t)limit);
    jw_obj(&w);
    jw_key(&w, "href");
    recent_link(&w, c, ha ? "after" : hb ? "before" : NULL, ha ? after : before, (int)limit);
    jw_kint(&w, "limit", limit);
    jw_key(&w, "next");
    if (end < u->nrecent && end > first)
        recent_link(&w, c, "before", u->recent[end - 1].played_at_ms, (int)limit);
    else
        jw_null(&w);
    jw_kobj(&w, "cursors");
    if (end > first) {
        jw_kstrf(&w, "after", "%lld", (long long)u->recent[first].played_at_ms);
        jw_kstrf(&w, "before", "%lld", (long long)u->recent[end - 1].played_at_ms);
    } else {
        jw_knull(&w, "after");
        jw_knull(&w, "before");
    }
    jw_obj_end(&w);
    jw_kint(&w, "total", (long long)u->nrecent);
    jw_karr(&w, "items");
    for (size_t i = first; i < end; i++)
        play_json(&w, c, c->ctx->state, &mv, &u->recent[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

#define U (EMU_ROUTE_WEBAPI | EMU_ROUTE_USER)
#define MODIFY "user-modify-playback-state"
const emu_route emu_routes_player[] = {
    {"GET", "/v1/me/player", get_player, U, "user-read-playback-state"},
    {"PUT", "/v1/me/player", put_player, U, MODIFY},
    {"GET", "/v1/me/player/devices", get_devices, U, "user-read-playback-state"},
    {"GET", "/v1/me/player/currently-playing", get_currently_playing, U,
     "user-read-currently-playing"},
    {"PUT", "/v1/me/player/play", put_play, U, MODIFY},
    {"PUT", "/v1/me/player/pause", put_pause, U, MODIFY},
    {"POST", "/v1/me/player/next", post_next, U, MODIFY},
    {"POST", "/v1/me/player/previous", post_previous, U, MODIFY},
    {"PUT", "/v1/me/player/seek", put_seek, U, MODIFY},
    {"PUT", "/v1/me/player/repeat", put_repeat, U, MODIFY},
    {"PUT", "/v1/me/player/volume", put_volume, U, MODIFY},
    {"PUT", "/v1/me/player/shuffle", put_shuffle, U, MODIFY},
    {"GET", "/v1/me/player/recently-played", get_recently_played, U, "user-read-recently-played"},
    {"GET", "/v1/me/player/queue", get_queue, U,
     "user-read-currently-playing user-read-playback-state"},
    {"POST", "/v1/me/player/queue", post_queue, U, MODIFY},
};
EMU_ROUTE_COUNT(emu_routes_player);
