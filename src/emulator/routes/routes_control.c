/*
 * The control API under /_emulator/ for tests, benchmarks and demos (spotc-emulator(1)):
 * tokens without a browser, the clock, reset, faults, stats and well-known sample IDs.
 * JSON in and out; no token needed; never counted in the stats.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "routes.h"
#include "state.h"
#include "users.h"

/* The body as a JSON object (an empty body is {}); answers 400 and returns NULL otherwise. */
static json_t *body_object(emu_call *c)
{
    json_error_t je;
    json_t *root =
        c->req->body_len ? json_loadb(c->req->body, c->req->body_len, 0, &je) : json_object();
    if (!json_is_object(root)) {
        json_decref(root);
        emu_reply_error(c, 400, "The body must be a JSON object");
        return NULL;
    }
    return root;
}

/* A string member, @p def when absent; NULL (after a 400) when it has another type. */
static const char *string_member(emu_call *c, json_t *o, const char *key, const char *def)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return def;
    if (json_is_string(v))
        return json_string_value(v);
    char msg[96];
    snprintf(msg, sizeof msg, "\"%s\" must be a string", key);
    emu_reply_error(c, 400, msg);
    return NULL;
}

static void post_token(emu_call *c)
{
    json_t *root = body_object(c);
    if (!root)
        return;
    const char *user = string_member(c, root, "user", "demo");
    const char *scope = user ? string_member(c, root, "scope", "") : NULL;
    const char *client_id = scope ? string_member(c, root, "client_id", "spotc-demo") : NULL;
    emu_token_info info = {0};
    if (!client_id)
        goto out;
    info.app = emu_app_find(c->ctx, client_id);
    if (info.app < 0)
        emu_reply_error(c, 400, "Unknown client_id");
    else if (!emu_user_name_valid(user))
        emu_reply_error(c, 400, "Invalid user");
    else if (emu_user_find(user) < 0)
        emu_reply_error(c, 400, "Unknown user");
    else if (strlen(scope) >= EMU_SCOPE_MAX || !emu_scopes_valid(scope))
        emu_reply_error(c, 400, "Invalid scope");
    else {
        snprintf(info.user, sizeof info.user, "%s", user);
        snprintf(info.scope, sizeof info.scope, "%s", scope);
        emu_accounts_issue(c, &info, 1);
    }
out:
    json_decref(root);
}

static void reply_now(emu_call *c)
{
    jw w;
    jw_init(&w, 64);
    jw_obj(&w);
    jw_kint(&w, "now", emu_now_ms(c->ctx) / 1000);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

static void post_clock(emu_call *c)
{
    json_t *root = body_object(c);
    if (!root)
        return;
    json_t *adv = json_object_get(root, "advance");
    if (adv && !json_is_number(adv)) {
        emu_reply_error(c, 400, "\"advance\" must be a number of seconds");
    } else {
        double s = adv ? json_number_value(adv) : 0;
        if (s > 1e10 || s < -1e10)
            emu_reply_error(c, 400, "\"advance\" is out of range");
        else {
            emu_clock_advance(c->ctx, (int64_t)s);
            reply_now(c);
        }
    }
    json_decref(root);
}

static void reply_raw(emu_call *c, char *body, size_t len)
{
    if (!body) {
        emu_reply_error(c, 500, "Server error");
        return;
    }
    emu_response_set_body(c->res, 200, body, len);
}

static void post_reset(emu_call *c)
{
    emu_ctx_reset(c->ctx);
    reply_raw(c, strdup("{}"), 2);
}

static void reply_faults(emu_call *c)
{
    size_t len = 0;
    char *body = emu_faults_json(c->ctx->faults, &len);
    reply_raw(c, body, len);
}

static void post_faults(emu_call *c)
{
    char err[256];
    size_t len = 0;
    if (emu_faults_set_json(c->ctx->faults, c->req->body, c->req->body_len, err, sizeof err) < 0)
        emu_reply_error(c, 400, err);
    else { /* a summary: echoing every rule made each POST cost as much as all before it */
        char *body = emu_faults_summary_json(c->ctx->faults, &len);
        reply_raw(c, body, len);
    }
}

static void delete_faults(emu_call *c)
{
    emu_faults_clear(c->ctx->faults);
    reply_faults(c);
}

static void get_stats(emu_call *c)
{
    size_t len = 0;
    char *body = emu_stats_json(c->ctx->stats, &len);
    reply_raw(c, body, len);
}

static void sample_id(jw *w, const emu_ctx *ctx, const char *key, emu_type t, size_t idx)
{
    jw_key(w, key);
    jw_strn(w, emu_catalogue_id(ctx->cat, t, idx), EMU_ID_LEN);
}

static void get_sample(emu_call *c)
{
    const emu_ctx *ctx = c->ctx;
    jw w;
    jw_init(&w, 512);
    jw_obj(&w);
    sample_id(&w, ctx, "track", EMU_T_TRACK, ctx->sample.track);
    sample_id(&w, ctx, "album", EMU_T_ALBUM, ctx->sample.album);
    sample_id(&w, ctx, "artist", EMU_T_ARTIST, ctx->sample.artist);
    /* Types the catalogue does not hold yet are null until their area lands. */
    pthread_rwlock_rdlock(&c->ctx->state_lock);
    const emu_state *st = c->ctx->state;
    jw_kstr(&w, "playlist", st->playlists[st->sample]->id);
    jw_kstr(&w, "big_playlist", st->playlists[st->big]->id);
    pthread_rwlock_unlock(&c->ctx->state_lock);
    jw_kstr(&w, "free_user", emu_user_at(EMU_USER_FREE)->id);
    sample_id(&w, ctx, "show", EMU_T_SHOW, ctx->sample.show);
    sample_id(&w, ctx, "episode", EMU_T_EPISODE, ctx->sample.episode);
    sample_id(&w, ctx, "audiobook", EMU_T_AUDIOBOOK, ctx->sample.audiobook);
    sample_id(&w, ctx, "chapter", EMU_T_CHAPTER, ctx->sample.chapter);
    jw_kstr(&w, "user", "demo");
    jw_kstr(&w, "query", ctx->sample.query);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

const emu_route emu_routes_control[] = {
    {"POST", "/_emulator/token", post_token, EMU_ROUTE_CONTROL, NULL},
    {"POST", "/_emulator/clock", post_clock, EMU_ROUTE_CONTROL, NULL},
    {"GET", "/_emulator/clock", reply_now, EMU_ROUTE_CONTROL, NULL},
    {"POST", "/_emulator/reset", post_reset, EMU_ROUTE_CONTROL, NULL},
    {"POST", "/_emulator/faults", post_faults, EMU_ROUTE_CONTROL, NULL},
    {"DELETE", "/_emulator/faults", delete_faults, EMU_ROUTE_CONTROL, NULL},
    {"GET", "/_emulator/faults", reply_faults, EMU_ROUTE_CONTROL, NULL},
    {"GET", "/_emulator/stats", get_stats, EMU_ROUTE_CONTROL, NULL},
    {"GET", "/_emulator/sample", get_sample, EMU_ROUTE_CONTROL, NULL},
};
EMU_ROUTE_COUNT(emu_routes_control);
