/*
 * The user's library: GET/PUT/DELETE /v1/me/{tracks,albums,shows,episodes,audiobooks} and
 * their /contains, and the February 2026 replacements PUT/DELETE /v1/me/library and
 * GET /v1/me/library/contains (up to 40 mixed URIs).
 *
 * /me/library decides the scope per URI as Spotify documents: saved items need
 * user-library-modify (read: user-library-read), artists and users user-follow-modify
 * (user-follow-read), playlists playlist-modify-public (playlist-read-private). It also takes
 * artist URIs, which its contains check lists, so that following artists has a replacement.
 * A request is checked whole before anything changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixtures_refs.h"
#include "objects_playlist.h"
#include "routes.h"
#include "routes_media.h"
#include "routes_user.h"
#include "users.h"

#define MAX_IDS 50
#define MAX_URIS 40

/* ---- type-specific endpoints ---- */

typedef struct saved_page {
    emu_media_view mv;
    emu_lib_kind kind;
    const emu_saved_list *l;
} saved_page;

/* A saved fixture object (fixtures_refs.h: numbered after the catalogue's of its type). */
static void saved_fixture(jw *w, const saved_page *p, size_t idx)
{
    const emu_ctx *ctx = p->mv.v.ctx;
    emu_type t = (emu_type)emu_lib_type(p->kind);
    const json_t *o = emu_fx_at(ctx->cat, t, idx);
    if (!o) {
        jw_null(w); /* the fixtures changed since it was saved */
        return;
    }
    emu_fx_write(w, o, emu_fx_kind_of(t), p->kind == EMU_LIB_SHOW ? EMU_FX_SIMPLE : EMU_FX_FULL,
                 ctx->base, NULL);
}

static void saved_item(jw *w, const void *arg, size_t i)
{
    const saved_page *p = arg;
    const emu_saved *e = &p->l->v[i];
    jw_obj(w);
    jw_key(w, "added_at");
    emu_json_time(w, e->added_at);
    jw_key(w, emu_lib_kind_name(p->kind));
    if (e->idx >= p->mv.v.ctx->cat->count[emu_lib_type(p->kind)]) {
        saved_fixture(w, p, e->idx);
        jw_obj_end(w);
        return;
    }
    switch (p->kind) {
    case EMU_LIB_TRACK:
        emu_json_track(w, &p->mv.v, e->idx);
        break;
    case EMU_LIB_ALBUM:
        emu_json_album(w, &p->mv.v, e->idx);
        break;
    default:
        /* A saved show is simplified; saved episodes and audiobooks are full. */
        emu_json_media(w, &p->mv, (emu_type)emu_lib_type(p->kind), e->idx, p->kind != EMU_LIB_SHOW);
    }
    jw_obj_end(w);
}

static void get_saved(emu_call *c, emu_lib_kind kind)
{
    int me = emu_me(c), limit;
    long offset;
    saved_page p = {.kind = kind};
    if (me < 0 || emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0 ||
        emu_media_view_init(&p.mv, c) < 0)
        return;
    emu_state *s = emu_lock_read(c);
    p.l = &s->users[me].saved[kind];
    emu_reply_page(c, NULL, limit, offset, (long)p.l->n, saved_item, &p);
    emu_unlock(c);
}

/* IDs of one kind as indexes (fixtures numbered after the catalogue); -1 after answering 400. */
static int resolve_ids(emu_call *c, emu_lib_kind kind, const emu_strlist *ids, uint32_t *out)
{
    for (size_t i = 0; i < ids->n; i++) {
        size_t idx;
        int rc = emu_find(c, (emu_type)emu_lib_type(kind), ids->v[i], &idx);
        if (rc == -1) {
            emu_reply_error(c, 400, "Invalid base62 id");
            return -1;
        }
        if (rc < 0) {
            emu_reply_error(c, 400, "Payload contains a non-existing ID");
            return -1;
        }
        out[i] = (uint32_t)idx;
    }
    return 0;
}

/* ISO 8601 UTC ("2023-01-15T14:30:00Z", fractions allowed) as seconds; -1 when malformed. */
static long long parse_time(const char *s)
{
    struct tm tm = {0};
    int n = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec, &n) != 6)
        return -1;
    const char *rest = s + n;
    if (*rest == '.')
        for (rest++; *rest >= '0' && *rest <= '9'; rest++)
            ;
    if (strcmp(rest, "Z") != 0 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_year < 1970)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return (long long)timegm(&tm);
}

/* timestamped_ids of PUT /me/tracks: IDs into @p ids, dates into @p at; -1 after 400. */
static int timestamped(emu_call *c, json_t *arr, emu_strlist *ids, uint32_t **at)
{
    size_t n = json_array_size(arr), i;
    json_t *o;
    if (n == 0 || n > MAX_IDS) {
        emu_reply_error(c, 400, n ? "Too many ids requested" : "Missing timestamped_ids");
        return -1;
    }
    ids->v = calloc(n, sizeof *ids->v);
    *at = calloc(n, sizeof **at);
    if (!ids->v || !*at) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    json_array_foreach(arr, i, o)
    {
        json_t *id = json_object_get(o, "id"), *t = json_object_get(o, "added_at");
        long long secs = json_is_string(t) ? parse_time(json_string_value(t)) : -1;
        if (!json_is_string(id) || secs < 0 || secs > UINT32_MAX) {
            emu_reply_error(c, 400, "Each timestamped id needs an id and an added_at");
            return -1;
        }
        if (!(ids->v[ids->n] = strdup(json_string_value(id)))) {
            emu_reply_error(c, 500, "Server error");
            return -1;
        }
        (*at)[ids->n++] = (uint32_t)secs;
    }
    return 0;
}

/* The IDs of a save or remove: query `ids`, body `ids`, or (tracks) `timestamped_ids`. */
static int change_ids(emu_call *c, emu_lib_kind kind, emu_strlist *ids, uint32_t **at)
{
    json_t *body = emu_ids_body(c);
    if (!body)
        return -1;
    json_t *ts = json_object_get(body, "timestamped_ids");
    int rc;
    if (kind == EMU_LIB_TRACK && json_is_array(ts))
        rc = timestamped(c, ts, ids, at);
    else
        rc = emu_list_param(c, body, "ids", 1, MAX_IDS, "Too many ids requested", ids);
    json_decref(body);
    return rc;
}

static void change_saved(emu_call *c, emu_lib_kind kind, int save)
{
    int me = emu_me(c);
    emu_strlist ids = {0};
    uint32_t *at = NULL, *idx = NULL;
    if (me < 0 || change_ids(c, kind, &ids, &at) < 0)
        goto out;
    idx = malloc((ids.n ? ids.n : 1) * sizeof *idx);
    if (!idx) {
        emu_reply_error(c, 500, "Server error");
        goto out;
    }
    if (resolve_ids(c, kind, &ids, idx) < 0)
        goto out;
    emu_state *s = emu_lock_write(c);
    emu_saved_list *l = &s->users[me].saved[kind];
    int failed = 0;
    for (size_t i = 0; i < ids.n; i++) {
        if (!save)
            emu_saved_remove(l, idx[i]);
        else if (emu_saved_add(l, idx[i], at ? at[i] : (uint32_t)(c->now_ms / 1000)) < 0)
            failed = 1;
    }
    emu_unlock(c);
    if (failed)
        emu_reply_error(c, 500, "Server error");
    else
        emu_reply_empty(c, 200);
out:
    emu_strlist_free(&ids);
    free(at);
    free(idx);
}

static void contains_saved(emu_call *c, emu_lib_kind kind)
{
    int me = emu_me(c);
    emu_strlist ids = {0};
    if (me < 0 || emu_list_param(c, NULL, "ids", 1, MAX_IDS, "Too many ids requested", &ids) < 0)
        return;
    int *found = calloc(ids.n, sizeof *found);
    if (!found) {
        emu_reply_error(c, 500, "Server error");
        emu_strlist_free(&ids);
        return;
    }
    emu_state *s = emu_lock_read(c);
    int bad = 0;
    for (size_t i = 0; i < ids.n && !bad; i++) {
        size_t idx;
        int rc = emu_find(c, (emu_type)emu_lib_type(kind), ids.v[i], &idx);
        bad = rc == -1;
        found[i] = rc == 0 && emu_saved_find(&s->users[me].saved[kind], (uint32_t)idx) >= 0;
    }
    emu_unlock(c);
    if (bad)
        emu_reply_error(c, 400, "Invalid base62 id");
    else
        emu_reply_bools(c, found, ids.n);
    free(found);
    emu_strlist_free(&ids);
}

#define KIND_HANDLERS(name, kind)                                                                  \
    static void get_##name(emu_call *c)                                                            \
    {                                                                                              \
        get_saved(c, kind);                                                                        \
    }                                                                                              \
    static void put_##name(emu_call *c)                                                            \
    {                                                                                              \
        change_saved(c, kind, 1);                                                                  \
    }                                                                                              \
    static void delete_##name(emu_call *c)                                                         \
    {                                                                                              \
        change_saved(c, kind, 0);                                                                  \
    }                                                                                              \
    static void contains_##name(emu_call *c)                                                       \
    {                                                                                              \
        contains_saved(c, kind);                                                                   \
    }

KIND_HANDLERS(tracks, EMU_LIB_TRACK)
KIND_HANDLERS(albums, EMU_LIB_ALBUM)
KIND_HANDLERS(shows, EMU_LIB_SHOW)
KIND_HANDLERS(episodes, EMU_LIB_EPISODE)
KIND_HANDLERS(audiobooks, EMU_LIB_AUDIOBOOK)

/* ---- /me/library: mixed URIs ---- */

enum { TGT_SAVED, TGT_ARTIST, TGT_USER, TGT_PLAYLIST };

typedef struct target {
    int what; /* TGT_* */
    emu_lib_kind kind;
    uint32_t idx;            /* playlists: set by resolve_playlists() */
    char id[EMU_ID_LEN + 1]; /* playlists are resolved under the lock */
} target;

static const char *scope_for(int what, int modify)
{
    switch (what) {
    case TGT_SAVED:
        return modify ? "user-library-modify" : "user-library-read";
    case TGT_PLAYLIST:
        return modify ? "playlist-modify-public" : "playlist-read-private";
    default:
        return modify ? "user-follow-modify" : "user-follow-read";
    }
}

/* One URI as a target; -1 after answering 400 (or 403 for a missing scope). */
static int parse_target(emu_call *c, const char *uri, int modify, target *t)
{
    char id[EMU_USER_MAX];
    int type;
    size_t idx;
    if (emu_uri_split(uri, &type, id, sizeof id) < 0) {
        emu_reply_error(c, 400, "Invalid URI");
        return -1;
    }
    t->what = TGT_SAVED;
    if (type == EMU_URI_USER) {
        t->what = TGT_USER;
        long user = emu_user_follow_find(c->ctx->cat, id);
        if (user < 0) {
            emu_reply_error(c, 400, "Payload contains a non-existing ID");
            return -1;
        }
        t->idx = (uint32_t)user;
    } else if (type == EMU_URI_PLAYLIST) {
        t->what = TGT_PLAYLIST;
        if (!emu_id_valid(id)) {
            emu_reply_error(c, 400, "Invalid base62 id");
            return -1;
        }
        memcpy(t->id, id, EMU_ID_LEN + 1);
    } else {
        int k = 0;
        while (k < EMU_LIB_COUNT && emu_lib_type((emu_lib_kind)k) != type)
            k++;
        if (type == EMU_T_ARTIST)
            t->what = TGT_ARTIST;
        else if (k == EMU_LIB_COUNT) {
            emu_reply_error(c, 400, "Unsupported URI type");
            return -1;
        }
        t->kind = (emu_lib_kind)k;
        int rc = emu_find(c, (emu_type)type, id, &idx);
        if (rc < 0) {
            emu_reply_error(c, 400,
                            rc == -1 ? "Invalid base62 id" : "Payload contains a non-existing ID");
            return -1;
        }
        t->idx = (uint32_t)idx;
    }
    return emu_require_scope(c, scope_for(t->what, modify));
}

/* The request's `uris` as targets (caller frees *out); -1 after answering. */
static int targets(emu_call *c, int modify, target **out, size_t *n)
{
    emu_strlist uris = {0};
    if (emu_list_param(c, NULL, "uris", 1, MAX_URIS, "Too many URIs: the maximum is 40", &uris) < 0)
        return -1;
    *out = calloc(uris.n, sizeof **out);
    int rc = *out ? 0 : -1;
    if (!*out)
        emu_reply_error(c, 500, "Server error");
    for (size_t i = 0; i < uris.n && rc == 0; i++)
        rc = parse_target(c, uris.v[i], modify, &(*out)[i]);
    *n = uris.n;
    emu_strlist_free(&uris);
    if (rc < 0) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

/* Apply one target; 0, or -1 out of memory. */
static int apply(emu_call *c, emu_state *s, int me, const target *t, int save)
{
    emu_user_state *u = &s->users[me];
    switch (t->what) {
    case TGT_SAVED:
        if (save)
            return emu_saved_add(&u->saved[t->kind], t->idx, (uint32_t)(c->now_ms / 1000));
        emu_saved_remove(&u->saved[t->kind], t->idx);
        return 0;
    case TGT_ARTIST:
        return emu_set_follow_artist(s, u, t->idx, save);
    case TGT_USER:
        return emu_set_follow_user(u, t->idx, save);
    default:
        if (save)
            return emu_follow_playlist(s, me, t->idx, 1);
        emu_unfollow_playlist(s, me, t->idx);
        return 0;
    }
}

/* Resolve the playlists among @p t (their idx); -1 after answering 400. */
static int resolve_playlists(emu_call *c, emu_state *s, target *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i].what != TGT_PLAYLIST)
            continue;
        if (emu_playlist_find(s, t[i].id, &t[i].idx) < 0) {
            emu_reply_error(c, 400, "Payload contains a non-existing ID");
            return -1;
        }
    }
    return 0;
}

static void change_library(emu_call *c, int save)
{
    int me = emu_me(c);
    target *t = NULL;
    size_t n;
    if (me < 0 || targets(c, 1, &t, &n) < 0)
        return;
    emu_state *s = emu_lock_write(c);
    if (resolve_playlists(c, s, t, n) == 0) {
        int failed = 0;
        for (size_t i = 0; i < n; i++)
            failed |= apply(c, s, me, &t[i], save) < 0;
        if (failed)
            emu_reply_error(c, 500, "Server error");
        else
            emu_reply_empty(c, 200);
    }
    emu_unlock(c);
    free(t);
}

static void put_library(emu_call *c)
{
    change_library(c, 1);
}

static void delete_library(emu_call *c)
{
    change_library(c, 0);
}

static int holds(const emu_state *s, int me, const target *t)
{
    const emu_user_state *u = &s->users[me];
    switch (t->what) {
    case TGT_SAVED:
        return emu_saved_find(&u->saved[t->kind], t->idx) >= 0;
    case TGT_ARTIST:
        return emu_follows_artist(s, u, t->idx);
    case TGT_USER:
        return emu_follows_user(u, t->idx);
    default: {
        uint32_t pl;
        return emu_playlist_find(s, t->id, &pl) == 0 && emu_follows_playlist(u, pl) >= 0;
    }
    }
}

static void get_library_contains(emu_call *c)
{
    int me = emu_me(c);
    target *t = NULL;
    size_t n;
    if (me < 0 || targets(c, 0, &t, &n) < 0)
        return;
    int *found = calloc(n, sizeof *found);
    if (!found) {
        emu_reply_error(c, 500, "Server error");
        free(t);
        return;
    }
    emu_state *s = emu_lock_read(c);
    for (size_t i = 0; i < n; i++)
        found[i] = holds(s, me, &t[i]);
    emu_unlock(c);
    emu_reply_bools(c, found, n);
    free(found);
    free(t);
}

#define U (EMU_ROUTE_WEBAPI | EMU_ROUTE_USER)
#define KIND_ROUTES(name, read_scope)                                                              \
    {"GET", "/v1/me/" #name, get_##name, U, read_scope},                                           \
        {"PUT", "/v1/me/" #name, put_##name, U, "user-library-modify"},                            \
        {"DELETE", "/v1/me/" #name, delete_##name, U, "user-library-modify"},                      \
    {                                                                                              \
        "GET", "/v1/me/" #name "/contains", contains_##name, U, "user-library-read"                \
    }

const emu_route emu_routes_library[] = {
    KIND_ROUTES(tracks, "user-library-read"),
    KIND_ROUTES(albums, "user-library-read"),
    KIND_ROUTES(shows, "user-library-read"),
    KIND_ROUTES(episodes, "user-library-read user-read-playback-position"),
    KIND_ROUTES(audiobooks, "user-library-read"),
    {"PUT", "/v1/me/library", put_library, U, NULL},
    {"DELETE", "/v1/me/library", delete_library, U, NULL},
    {"GET", "/v1/me/library/contains", get_library_contains, U, NULL},
};
EMU_ROUTE_COUNT(emu_routes_library);
