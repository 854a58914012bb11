/* --state: saving and restoring user state (see state_file.h). */
#include "state_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures_refs.h"
#include "state.h"
#include "state_refs.h"
#include "users.h"

/* ---- saving: straight to text with jw, which is fast enough to run under the lock ---- */

/* A list of refs (fixtures by URI, state_refs.h). */
static void ref_array(jw *w, const emu_catalogue *cat, const char *key, const uint32_t *v, size_t n)
{
    jw_karr(w, key);
    for (size_t i = 0; i < n; i++)
        emu_sref_write_ref(w, cat, v[i]);
    jw_arr_end(w);
}

/* [head, v...]: an object reference written by the caller, then integers. */
static void ints_after(jw *w, const long long *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jw_int(w, v[i]);
    jw_arr_end(w);
}

static void save_playlist(jw *w, const emu_catalogue *cat, const emu_playlist *pl)
{
    jw_obj(w);
    jw_kstr(w, "id", pl->id);
    jw_kobj(w, "details");
    jw_kint(w, "owner", pl->owner);
    jw_kbool(w, "public", pl->is_public);
    jw_kbool(w, "collaborative", pl->collaborative);
    jw_kint(w, "featured", pl->featured);
    jw_kint(w, "categories", pl->categories);
    jw_kstr(w, "name", pl->name);
    if (pl->description)
        jw_kstr(w, "description", pl->description);
    else
        jw_knull(w, "description");
    jw_kint(w, "version", pl->version);
    jw_kint(w, "next_uid", pl->next_uid);
    jw_kint(w, "image", (long long)pl->image);
    jw_kint(w, "followers", pl->followers);
    jw_obj_end(w);
    jw_karr(w, "items");
    for (size_t i = 0; i < pl->n; i++) {
        const emu_pl_entry *e = &pl->items[i];
        jw_arr(w);
        emu_sref_write_ref(w, cat, e->ref);
        ints_after(w, (const long long[]){e->uid, e->added_at, e->added_by}, 3);
    }
    jw_arr_end(w);
    jw_obj_end(w);
}

static void save_player(jw *w, const emu_catalogue *cat, const emu_player *p)
{
    jw_kobj(w, "player");
    jw_karr(w, "volumes");
    for (size_t i = 0; i < p->ndevices; i++)
        jw_int(w, p->devices[i].volume);
    jw_arr_end(w);
    jw_kint(w, "active", p->active);
    jw_kbool(w, "has_item", p->has_item);
    jw_kint(w, "ctx_kind", p->ctx_kind);
    jw_key(w, "ctx_idx");
    emu_sref_write_context(w, cat, p->ctx_kind, p->ctx_idx);
    ref_array(w, cat, "uris", p->uris, p->nuris);
    jw_kint(w, "pos", (long long)p->pos);
    jw_key(w, "item");
    emu_sref_write_ref(w, cat, p->item);
    jw_kbool(w, "from_queue", p->from_queue);
    jw_kbool(w, "is_playing", p->is_playing);
    jw_kint(w, "progress_ms", p->progress_ms);
    jw_kint(w, "since_ms", p->since_ms);
    jw_kint(w, "timestamp_ms", p->timestamp_ms);
    jw_kbool(w, "shuffle", p->shuffle);
    jw_kint(w, "repeat", p->repeat);
    ref_array(w, cat, "queue", p->queue, p->nqueue);
    jw_obj_end(w);
}

static void save_saved(jw *w, const emu_catalogue *cat, const emu_user_state *u)
{
    jw_karr(w, "saved");
    for (int k = 0; k < EMU_LIB_COUNT; k++) {
        emu_type t = (emu_type)emu_lib_type((emu_lib_kind)k);
        jw_arr(w);
        for (size_t i = 0; i < u->saved[k].n; i++) {
            jw_arr(w);
            emu_sref_write_object(w, cat, t, u->saved[k].v[i].idx);
            ints_after(w, (const long long[]){u->saved[k].v[i].added_at}, 1);
        }
        jw_arr_end(w);
    }
    jw_arr_end(w);
}

static void save_user(jw *w, const emu_catalogue *cat, const emu_user_state *u)
{
    jw_obj(w);
    save_saved(w, cat, u);
    jw_karr(w, "artists");
    for (size_t i = 0; i < u->nartists; i++)
        emu_sref_write_object(w, cat, EMU_T_ARTIST, u->artists[i]);
    jw_arr_end(w);
    jw_kint(w, "users", (long long)u->users);
    jw_karr(w, "fixture_users");
    for (size_t i = 0; i < u->nfx_users; i++)
        emu_sref_write_user(w, cat, u->fx_users[i]);
    jw_arr_end(w);
    jw_karr(w, "playlists");
    for (size_t i = 0; i < u->npls; i++) {
        jw_arr(w);
        emu_sref_write_context(w, cat, EMU_PCTX_PLAYLIST, u->pls[i].pl);
        ints_after(w, (const long long[]){u->pls[i].is_public}, 1);
    }
    jw_arr_end(w);
    jw_karr(w, "recent");
    for (size_t i = 0; i < u->nrecent; i++) {
        const emu_play *r = &u->recent[i];
        jw_arr(w);
        emu_sref_write_ref(w, cat, r->ref);
        jw_int(w, r->played_at_ms);
        jw_int(w, r->ctx_kind);
        emu_sref_write_context(w, cat, r->ctx_kind, r->ctx_idx);
        jw_arr_end(w);
    }
    jw_arr_end(w);
    save_player(w, cat, &u->player);
    jw_obj_end(w);
}

typedef struct token_saver {
    jw *w;
    int64_t now_ms;
    size_t napps;
} token_saver;

/* One token that is still good: an access token not expired, a refresh token within the
 * lifetime of its authorization. */
static void save_token(const char *token, const emu_token_info *info, int refresh, void *arg)
{
    const token_saver *ts = arg;
    int64_t until =
        refresh ? info->authorized_ms + EMU_REFRESH_LIFETIME_S * 1000 : info->expires_ms;
    if (until <= ts->now_ms || info->app < 0 || (size_t)info->app >= ts->napps)
        return;
    jw *w = ts->w;
    jw_obj(w);
    jw_kstr(w, "token", token);
    jw_kbool(w, "refresh", refresh);
    jw_kint(w, "app", info->app);
    jw_kstr(w, "user", info->user);
    jw_kstr(w, "scope", info->scope);
    jw_kint(w, "expires_ms", info->expires_ms);
    jw_kint(w, "issued_ms", info->issued_ms);
    jw_kint(w, "authorized_ms", info->authorized_ms);
    jw_kint(w, "flow", info->flow);
    jw_obj_end(w);
}

char *emu_state_save_text(emu_ctx *ctx, size_t *len)
{
    const emu_state *s = ctx->state;
    jw w;
    jw_init(&w, 65536);
    jw_obj(&w);
    jw_kint(&w, "spotc_emulator_state", EMU_STATE_FORMAT);
    jw_kint(&w, "seed", (long long)ctx->cfg.seed);
    jw_kstr(&w, "catalogue", ctx->cfg.catalogue == EMU_CATALOGUE_LARGE ? "large" : "small");
    jw_kint(&w, "created", (long long)s->created);
    jw_kint(&w, "clock_offset_ms", (long long)atomic_load(&ctx->clock_offset_ms));
    jw_karr(&w, "playlists");
    for (size_t i = 0; i < s->nplaylists; i++)
        save_playlist(&w, s->cat, s->playlists[i]);
    jw_arr_end(&w);
    jw_karr(&w, "users");
    for (size_t i = 0; i < emu_users_count(); i++)
        save_user(&w, s->cat, &s->users[i]);
    jw_arr_end(&w);
    jw_karr(&w, "tokens");
    token_saver ts = {&w, emu_now_ms(ctx), ctx->cfg.napps};
    emu_tokens_each(ctx->tokens, save_token, &ts);
    jw_arr_end(&w);
    jw_obj_end(&w);
    return jw_finish(&w, len);
}

/* ---- restoring ---- */

typedef struct loader {
    emu_ctx *ctx;
    emu_state *s;
    char *err;
    size_t errsz;
    emu_sref_reader refs; /**< how the file names objects (state_refs.h) */
} loader;

static int bad(loader *l, const char *what)
{
    snprintf(l->err, l->errsz, "%s", what);
    return -1;
}

/* Replace *p by a zeroed array with room for @p n elements of @p size (*cap set). */
static int fresh_array(void **p, size_t n, size_t size, size_t *cap)
{
    free(*p);
    *p = calloc(n + 1, size);
    if (cap)
        *cap = n + 1;
    return *p ? 0 : -1;
}

/* A JSON array of refs (state_refs.h) into a malloc'd uint32_t array. */
static int load_refs(loader *l, const json_t *a, const char *what, uint32_t **out, size_t *n,
                     size_t *cap)
{
    size_t len = json_array_size(a);
    if (!json_is_array(a))
        return bad(l, "a player is malformed");
    if (fresh_array((void **)out, len, sizeof **out, cap) < 0)
        return bad(l, "out of memory");
    *n = 0;
    for (size_t i = 0; i < len; i++)
        if (emu_sref_read_ref(&l->refs, json_array_get(a, i), what, &(*out)[(*n)++]) < 0)
            return -1;
    return 0;
}

static int load_items(loader *l, emu_playlist *pl, const json_t *items)
{
    if (fresh_array((void **)&pl->items, json_array_size(items), sizeof *pl->items, &pl->cap) < 0)
        return bad(l, "out of memory");
    pl->n = 0;
    size_t i;
    const json_t *e;
    json_array_foreach(items, i, e)
    {
        json_t *ref;
        json_int_t uid, at, by;
        uint32_t r;
        if (json_unpack((json_t *)e, "[oIII]", &ref, &uid, &at, &by) < 0 || by < 0 ||
            (size_t)by >= emu_users_count())
            return bad(l, "a playlist item is not [ref, uid, added_at, added_by]");
        if (emu_sref_read_ref(&l->refs, ref, "a playlist item", &r) < 0)
            return -1;
        pl->items[pl->n++] = (emu_pl_entry){r, (uint32_t)uid, (uint32_t)at, (uint16_t)by};
    }
    for (int h = 0; h < EMU_PL_HISTORY; h++) {
        free(pl->hist[h].e);
        pl->hist[h] = (emu_pl_snapshot){0};
    }
    return 0;
}

static int load_playlist(loader *l, const json_t *j, size_t index)
{
    const char *id, *name;
    json_t *desc, *items;
    json_int_t owner, featured, cats, version, next_uid, image, followers;
    int pub, collab;
    if (json_unpack((json_t *)j, "{ss s{sI sb sb sI sI ss so sI sI sI sI} so}", "id", &id,
                    "details", "owner", &owner, "public", &pub, "collaborative", &collab,
                    "featured", &featured, "categories", &cats, "name", &name, "description", &desc,
                    "version", &version, "next_uid", &next_uid, "image", &image, "followers",
                    &followers, "items", &items) < 0 ||
        strlen(id) != EMU_ID_LEN || owner < 0 || (size_t)owner >= emu_users_count())
        return bad(l, "a playlist is malformed");
    emu_playlist *pl = emu_state_playlist_restore(l->s, id);
    if (!pl)
        return bad(l, "out of memory");
    if (pl->index != index)
        return bad(l, "the playlists are not those of this seed");
    char *n = strdup(name), *d = json_is_string(desc) ? strdup(json_string_value(desc)) : NULL;
    if (!n || (json_is_string(desc) && !d)) {
        free(n);
        return bad(l, "out of memory");
    }
    free(pl->name);
    free(pl->description);
    pl->name = n;
    pl->description = d;
    pl->owner = (uint16_t)owner;
    pl->is_public = (uint8_t)pub;
    pl->collaborative = (uint8_t)collab;
    pl->featured = (uint8_t)featured;
    pl->categories = (uint32_t)cats;
    pl->version = (uint32_t)version;
    pl->next_uid = (uint32_t)next_uid;
    pl->image = (uint64_t)image;
    pl->followers = (uint32_t)followers;
    return load_items(l, pl, items);
}

static int load_saved(loader *l, emu_user_state *u, const json_t *saved)
{
    for (int k = 0; k < EMU_LIB_COUNT; k++) {
        const json_t *list = json_array_get(saved, (size_t)k);
        emu_saved_list *sl = &u->saved[k];
        if (fresh_array((void **)&sl->v, json_array_size(list), sizeof *sl->v, &sl->cap) < 0)
            return bad(l, "out of memory");
        sl->n = 0;
        size_t i, idx;
        const json_t *e;
        json_array_foreach(list, i, e)
        {
            json_t *obj;
            json_int_t at;
            if (json_unpack((json_t *)e, "[oI]", &obj, &at) < 0)
                return bad(l, "a saved item is not [index, added_at]");
            if (emu_sref_read_object(&l->refs, obj, (emu_type)emu_lib_type((emu_lib_kind)k),
                                     "a saved item", &idx) < 0)
                return -1;
            sl->v[sl->n++] = (emu_saved){(uint32_t)idx, (uint32_t)at};
        }
    }
    return 0;
}

/* The player's context, item, URIs and queue: the references it holds. */
static int load_player_refs(loader *l, emu_player *p, const json_t *j, int has_item)
{
    json_int_t kind = json_integer_value(json_object_get(j, "ctx_kind"));
    uint32_t idx, item = 0;
    if (emu_sref_read_context(&l->refs, kind, json_object_get(j, "ctx_idx"), "the player's context",
                              &idx) < 0 ||
        (has_item &&
         emu_sref_read_ref(&l->refs, json_object_get(j, "item"), "the player's item", &item) < 0))
        return -1;
    p->ctx_kind = (uint8_t)kind;
    p->ctx_idx = idx;
    p->item = item;
    return load_refs(l, json_object_get(j, "uris"), "the player's list", &p->uris, &p->nuris,
                     NULL) < 0 ||
                   load_refs(l, json_object_get(j, "queue"), "the player's queue", &p->queue,
                             &p->nqueue, &p->capqueue) < 0
               ? -1
               : 0;
}

static int load_player(loader *l, emu_player *p, const json_t *j)
{
    json_t *volumes, *ctx_idx, *uris, *item, *queue;
    json_int_t active, ctx_kind, pos, progress, since, stamp, repeat;
    int has_item, from_queue, playing, shuffle;
    if (json_unpack((json_t *)j, "{so sI sb sI so so sI so sb sb sI sI sI sb sI so}", "volumes",
                    &volumes, "active", &active, "has_item", &has_item, "ctx_kind", &ctx_kind,
                    "ctx_idx", &ctx_idx, "uris", &uris, "pos", &pos, "item", &item, "from_queue",
                    &from_queue, "is_playing", &playing, "progress_ms", &progress, "since_ms",
                    &since, "timestamp_ms", &stamp, "shuffle", &shuffle, "repeat", &repeat, "queue",
                    &queue) < 0 ||
        active < -1 || active >= (json_int_t)p->ndevices || pos < 0)
        return bad(l, "a player is malformed");
    if (load_player_refs(l, p, j, has_item) < 0)
        return -1;
    for (size_t i = 0; i < p->ndevices && i < json_array_size(volumes); i++)
        p->devices[i].volume = (int)json_integer_value(json_array_get(volumes, i));
    p->active = (int)active;
    p->has_item = has_item;
    p->pos = (size_t)pos;
    p->from_queue = from_queue;
    p->is_playing = playing;
    p->progress_ms = progress;
    p->since_ms = since;
    p->timestamp_ms = stamp;
    p->shuffle = shuffle;
    p->repeat = (int)repeat;
    /* pos may lie past the end of its context (a playlist shrank): the player allows it. */
    for (size_t i = 0; i < p->ndevices; i++)
        if (p->devices[i].volume < -1 || p->devices[i].volume > 100)
            return bad(l, "a device volume is out of range");
    return 0;
}

/* Followed artists: the catalogue's by index, the fixtures' by URI. */
static int load_artists(loader *l, emu_user_state *u, const json_t *a)
{
    size_t n = json_array_size(a);
    if (fresh_array((void **)&u->artists, n, sizeof *u->artists, &u->capartists) < 0)
        return bad(l, "out of memory");
    u->nartists = 0;
    for (size_t i = 0, idx; i < n; i++) {
        if (emu_sref_read_object(&l->refs, json_array_get(a, i), EMU_T_ARTIST, "a followed artist",
                                 &idx) < 0)
            return -1;
        u->artists[u->nartists++] = (uint32_t)idx;
    }
    return 0;
}

/* Followed fixture users (absent from files saved before they could be followed). */
static int load_fixture_users(loader *l, emu_user_state *u, const json_t *a)
{
    size_t n = json_array_size(a);
    if (fresh_array((void **)&u->fx_users, n, sizeof *u->fx_users, &u->capfx_users) < 0)
        return bad(l, "out of memory");
    u->nfx_users = 0;
    for (size_t i = 0; i < n; i++)
        if (emu_sref_read_user(&l->refs, json_array_get(a, i), "a followed user",
                               &u->fx_users[u->nfx_users++]) < 0)
            return -1;
    return 0;
}

static int load_followed_playlists(loader *l, emu_user_state *u, const json_t *pls)
{
    size_t n = json_array_size(pls);
    if (fresh_array((void **)&u->pls, n, sizeof *u->pls, &u->cappls) < 0)
        return bad(l, "out of memory");
    u->npls = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *pl;
        json_int_t pub;
        uint32_t idx;
        if (json_unpack(json_array_get(pls, i), "[oI]", &pl, &pub) < 0)
            return bad(l, "a followed playlist is malformed");
        if (emu_sref_read_context(&l->refs, EMU_PCTX_PLAYLIST, pl, "a followed playlist", &idx) < 0)
            return -1;
        u->pls[u->npls++] = (emu_followed_pl){idx, (uint8_t)pub};
    }
    return 0;
}

static int load_recent(loader *l, emu_user_state *u, const json_t *recent)
{
    u->nrecent = 0;
    for (size_t i = 0; i < json_array_size(recent) && i < EMU_RECENT_MAX; i++) {
        json_t *item, *ctx;
        json_int_t at, kind;
        uint32_t ref, idx;
        if (json_unpack(json_array_get(recent, i), "[oIIo]", &item, &at, &kind, &ctx) < 0)
            return bad(l, "a recently played item is malformed");
        if (emu_sref_read_ref(&l->refs, item, "a recently played item", &ref) < 0 ||
            emu_sref_read_context(&l->refs, kind, ctx, "a recently played context", &idx) < 0)
            return -1;
        u->recent[u->nrecent++] = (emu_play){ref, at, (uint8_t)kind, idx};
    }
    return 0;
}

static int load_user(loader *l, emu_user_state *u, const json_t *j)
{
    json_t *saved, *artists, *pls, *recent, *player;
    json_int_t users;
    if (json_unpack((json_t *)j, "{so so sI so so so}", "saved", &saved, "artists", &artists,
                    "users", &users, "playlists", &pls, "recent", &recent, "player", &player) < 0)
        return bad(l, "a user is malformed");
    u->users = (uint64_t)users;
    return load_saved(l, u, saved) < 0 || load_player(l, &u->player, player) < 0 ||
                   load_artists(l, u, artists) < 0 ||
                   load_fixture_users(l, u, json_object_get(j, "fixture_users")) < 0 ||
                   load_followed_playlists(l, u, pls) < 0 || load_recent(l, u, recent) < 0
               ? -1
               : 0;
}

static int load_tokens(loader *l, emu_ctx *ctx, const json_t *tokens)
{
    size_t i;
    const json_t *j;
    json_array_foreach(tokens, i, j)
    {
        const char *token, *user, *scope;
        json_int_t app, expires, issued, authorized, flow;
        int refresh;
        if (json_unpack((json_t *)j, "{ss sb sI ss ss sI sI sI sI}", "token", &token, "refresh",
                        &refresh, "app", &app, "user", &user, "scope", &scope, "expires_ms",
                        &expires, "issued_ms", &issued, "authorized_ms", &authorized, "flow",
                        &flow) < 0 ||
            strlen(user) >= EMU_USER_MAX || strlen(scope) >= EMU_SCOPE_MAX)
            return bad(l, "a token is malformed");
        if (app < 0 || (size_t)app >= ctx->cfg.napps)
            continue; /* an app this run does not register */
        emu_token_info info = {.app = (int)app,
                               .expires_ms = expires,
                               .issued_ms = issued,
                               .authorized_ms = authorized,
                               .flow = (emu_auth_flow)flow};
        snprintf(info.user, sizeof info.user, "%s", user);
        snprintf(info.scope, sizeof info.scope, "%s", scope);
        if (emu_tokens_restore(ctx->tokens, token, &info, refresh) < 0)
            return bad(l, "out of memory");
    }
    return 0;
}

int emu_state_load_json(emu_ctx *ctx, const json_t *doc, char *err, size_t errsz)
{
    loader l = {ctx, ctx->state, err, errsz, {ctx->state, EMU_STATE_FORMAT, 0, err, errsz}};
    json_int_t format, seed, created, offset;
    const char *size;
    json_t *pls, *users;
    if (json_unpack((json_t *)doc, "{sI sI ss sI sI so so}", "spotc_emulator_state", &format,
                    "seed", &seed, "catalogue", &size, "created", &created, "clock_offset_ms",
                    &offset, "playlists", &pls, "users", &users) < 0 ||
        !json_is_array(pls) || !json_is_array(users))
        return bad(&l, "not a spotc-emulator state file");
    if (format < 1 || format > EMU_STATE_FORMAT) {
        snprintf(err, errsz, "format %lld is not one this spotc-emulator reads (1 to %d)",
                 (long long)format, EMU_STATE_FORMAT);
        return -1;
    }
    l.refs.format = (int)format;
    const char *want = ctx->cfg.catalogue == EMU_CATALOGUE_LARGE ? "large" : "small";
    if ((uint64_t)seed != ctx->cfg.seed || strcmp(size, want) != 0) {
        snprintf(err, errsz, "saved with --seed %llu --catalog %s, not --seed %llu --catalog %s",
                 (unsigned long long)seed, size, (unsigned long long)ctx->cfg.seed, want);
        return -1;
    }
    if (json_array_size(users) != emu_users_count())
        return bad(&l, "the users are not this emulator's");
    for (size_t i = 0; i < json_array_size(pls); i++)
        if (load_playlist(&l, json_array_get(pls, i), i) < 0)
            return -1;
    for (size_t i = 0; i < emu_users_count(); i++)
        if (load_user(&l, &ctx->state->users[i], json_array_get(users, i)) < 0)
            return -1;
    if (load_tokens(&l, ctx, json_object_get(doc, "tokens")) < 0)
        return -1;
    ctx->state->created = (uint64_t)created;
    atomic_store(&ctx->clock_offset_ms, offset);
    if (l.refs.by_place == 0)
        return 0;
    snprintf(err, errsz,
             "%zu fixture reference(s) of this format 1 file were read by their place in the "
             "fixture files, as it wrote them: check them if the fixtures were reordered since; "
             "the next save names them by ID",
             l.refs.by_place);
    return 1;
}

/* ---- the file ---- */

static int write_all(int fd, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

/* fsync the directory holding @p path, so the rename itself is durable. */
static int sync_dir(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
    free(copy);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int emu_state_write_file(const char *path, const char *text, size_t text_len)
{
    size_t len = strlen(path) + 8;
    char *tmp = malloc(len);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(tmp, len, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int rc = fd < 0 ? -1 : 0;
    if (rc == 0)
        rc = write_all(fd, text, text_len) < 0 || write_all(fd, "\n", 1) < 0 || fsync(fd) < 0 ? -1
                                                                                              : 0;
    if (fd >= 0 && close(fd) < 0)
        rc = -1;
    if (rc == 0)
        rc = rename(tmp, path) < 0 || sync_dir(path) < 0 ? -1 : 0;
    if (rc < 0 && fd >= 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

int emu_state_read_file(emu_ctx *ctx, const char *path, char *err, size_t errsz)
{
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    if (!doc) {
        if (access(path, F_OK) != 0)
            return 0; /* nothing saved yet */
        snprintf(err, errsz, "%s: line %d: %s", path, je.line, je.text);
        return -1;
    }
    char why[512];
    int rc = emu_state_load_json(ctx, doc, why, sizeof why);
    if (rc < 0)
        snprintf(err, errsz, "%s: %s", path, why);
    else if (rc > 0)
        fprintf(stderr, "spotc-emulator: warning: --state %s: %s\n", path, why);
    json_decref(doc);
    return rc < 0 ? -1 : 0;
}
