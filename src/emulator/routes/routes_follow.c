/*
 * Following: artists and users (GET/PUT/DELETE /v1/me/following, /contains) and playlists
 * (PUT/DELETE /v1/playlists/{id}/followers, GET .../followers/contains).
 *
 * GET /me/following pages with a cursor: `after` is the last artist ID of the previous page
 * (artists are kept in ID order, so the cursor stays valid when artists are unfollowed in
 * between). Following a playlist publicly needs playlist-modify-public, privately
 * playlist-modify-private; another user's private follow is not revealed by /contains.
 */
#include <stdlib.h>
#include <string.h>

#include "fixtures_refs.h"
#include "objects.h"
#include "routes.h"
#include "routes_user.h"
#include "users.h"

#define MAX_IDS 50

/* type=artist|user: 1 for artist, 0 for user, -1 after answering 400. */
static int follow_type(emu_call *c, int users_allowed)
{
    const char *t = emu_query(c, "type");
    if (t && strcmp(t, "artist") == 0)
        return 1;
    if (t && users_allowed && strcmp(t, "user") == 0)
        return 0;
    emu_reply_error(c, 400, t ? "Invalid type" : "Missing required parameter: type");
    return -1;
}

static void cursor_link(jw *w, const emu_call *c, int limit, const char *after)
{
    jw_str_begin(w);
    jw_str_append(w, c->ctx->base, strlen(c->ctx->base));
    jw_str_append(w, "/v1/me/following?type=artist", 28);
    if (after) {
        jw_str_append(w, "&after=", 7);
        jw_str_append(w, after, EMU_ID_LEN);
    }
    char lim[24];
    int n = snprintf(lim, sizeof lim, "&limit=%d", limit);
    jw_str_append(w, lim, (size_t)n);
    jw_str_end(w);
}

/* A followed artist: the catalogue's, or a fixture's as given (fixtures_refs.h). */
static void followed_artist(jw *w, const emu_view *v, uint32_t idx)
{
    const json_t *fx = emu_fx_at(v->ctx->cat, EMU_T_ARTIST, idx);
    if (fx)
        emu_fx_write(w, fx, EMU_FX_ARTIST, EMU_FX_FULL, v->ctx->base, NULL);
    else
        emu_json_artist(w, v, idx);
}

static void get_following(emu_call *c)
{
    int me = emu_me(c), limit;
    long unused;
    emu_view v;
    if (me < 0 || follow_type(c, 0) < 0 || emu_paging_params(c, 20, 50, 0, &limit, &unused) < 0 ||
        emu_view_init(&v, c) < 0)
        return;
    const char *after = emu_query(c, "after");
    if (after && !emu_id_valid(after)) {
        emu_reply_error(c, 400, "Invalid after cursor");
        return;
    }
    emu_state *s = emu_lock_read(c);
    const emu_user_state *u = &s->users[me];
    size_t first = 0;
    while (after && first < u->nartists &&
           memcmp(emu_object_id(s->cat, EMU_T_ARTIST, u->artists[first]), after, EMU_ID_LEN) <= 0)
        first++;
    size_t end = first + (size_t)limit < u->nartists ? first + (size_t)limit : u->nartists;
    const char *last =
        end > first ? emu_object_id(s->cat, EMU_T_ARTIST, u->artists[end - 1]) : NULL;
    jw w;
    jw_init(&w, 2048 + 1500 * (size_t)limit);
    jw_obj(&w);
    jw_kobj(&w, "artists");
    jw_key(&w, "href");
    cursor_link(&w, c, limit, after);
    jw_kint(&w, "limit", limit);
    jw_key(&w, "next");
    if (end < u->nartists)
        cursor_link(&w, c, limit, last);
    else
        jw_null(&w);
    jw_kobj(&w, "cursors");
    jw_key(&w, "after");
    if (end < u->nartists)
        jw_strn(&w, last, EMU_ID_LEN);
    else
        jw_null(&w);
    jw_key(&w, "before");
    if (end > first)
        jw_strn(&w, emu_object_id(s->cat, EMU_T_ARTIST, u->artists[first]), EMU_ID_LEN);
    else
        jw_null(&w);
    jw_obj_end(&w);
    jw_kint(&w, "total", (long long)u->nartists);
    jw_karr(&w, "items");
    for (size_t i = first; i < end; i++)
        followed_artist(&w, &v, u->artists[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    jw_obj_end(&w);
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

/* Artist IDs or user names as indexes; -1 after answering 400. With @p lenient, unknown
 * ones become UINT32_MAX instead (contains answers false for them). */
static int resolve(emu_call *c, int artists, const emu_strlist *ids, uint32_t *out, int lenient)
{
    for (size_t i = 0; i < ids->n; i++) {
        size_t idx = 0;
        long rc = artists ? emu_find(c, EMU_T_ARTIST, ids->v[i], &idx)
                          : emu_user_follow_find(c->ctx->cat, ids->v[i]);
        if (!artists && rc >= 0)
            idx = (size_t)rc;
        if (rc == -1 && artists) {
            emu_reply_error(c, 400, "Invalid base62 id");
            return -1;
        }
        if (rc < 0 && !lenient) {
            emu_reply_error(c, 400, "Payload contains a non-existing ID");
            return -1;
        }
        out[i] = rc < 0 ? UINT32_MAX : (uint32_t)idx;
    }
    return 0;
}

/* The type and IDs of a follow request; -1 after answering. Caller frees *idx and ids. */
static int follow_ids(emu_call *c, int lenient, int *artists, emu_strlist *ids, uint32_t **idx)
{
    json_t *body = NULL;
    if ((*artists = follow_type(c, 1)) < 0 || !(body = emu_ids_body(c)))
        return -1;
    int rc = emu_list_param(c, body, "ids", 1, MAX_IDS, "Too many ids requested", ids);
    json_decref(body);
    if (rc < 0)
        return -1;
    *idx = malloc(ids->n * sizeof **idx);
    if (!*idx) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    return resolve(c, *artists, ids, *idx, lenient);
}

static void change_following(emu_call *c, int follow)
{
    int me = emu_me(c), artists;
    emu_strlist ids = {0};
    uint32_t *idx = NULL;
    if (me >= 0 && follow_ids(c, 0, &artists, &ids, &idx) == 0) {
        emu_state *s = emu_lock_write(c);
        emu_user_state *u = &s->users[me];
        int failed = 0;
        for (size_t i = 0; i < ids.n; i++) {
            if (artists)
                failed |= emu_set_follow_artist(s, u, idx[i], follow) < 0;
            else
                failed |= emu_set_follow_user(u, idx[i], follow) < 0;
        }
        emu_unlock(c);
        if (failed)
            emu_reply_error(c, 500, "Server error");
        else
            emu_reply_empty(c, 204);
    }
    emu_strlist_free(&ids);
    free(idx);
}

static void put_following(emu_call *c)
{
    change_following(c, 1);
}

static void delete_following(emu_call *c)
{
    change_following(c, 0);
}

static void get_following_contains(emu_call *c)
{
    int me = emu_me(c), artists;
    emu_strlist ids = {0};
    uint32_t *idx = NULL;
    int *found = NULL;
    if (me < 0 || follow_ids(c, 1, &artists, &ids, &idx) < 0)
        goto out;
    found = calloc(ids.n, sizeof *found);
    if (!found) {
        emu_reply_error(c, 500, "Server error");
        goto out;
    }
    emu_state *s = emu_lock_read(c);
    for (size_t i = 0; i < ids.n; i++)
        found[i] = idx[i] != UINT32_MAX && (artists ? emu_follows_artist(s, &s->users[me], idx[i])
                                                    : emu_follows_user(&s->users[me], idx[i]));
    emu_unlock(c);
    emu_reply_bools(c, found, ids.n);
out:
    emu_strlist_free(&ids);
    free(idx);
    free(found);
}

/* ---- playlists ---- */

static void put_playlist_followers(emu_call *c)
{
    int me;
    json_t *body = emu_me_body(c, 0, &me);
    if (!body)
        return;
    json_t *p = json_object_get(body, "public");
    if (p && !json_is_boolean(p) && !json_is_null(p)) {
        emu_reply_error(c, 400, "Invalid value for public");
    } else {
        int pub = !json_is_false(p);
        if (emu_require_scope(c, pub ? "playlist-modify-public" : "playlist-modify-private") == 0) {
            emu_state *s = emu_lock_write(c);
            uint32_t pl;
            int rc = emu_path_playlist_index(c, s, &pl);
            if (rc == 0 && emu_follow_playlist(s, me, pl, pub) < 0)
                emu_reply_error(c, 500, "Server error");
            else if (rc == 0)
                emu_reply_empty(c, 200);
            emu_unlock(c);
        }
    }
    json_decref(body);
}

static void delete_playlist_followers(emu_call *c)
{
    int me = emu_me(c);
    if (me < 0)
        return;
    emu_state *s = emu_lock_write(c);
    uint32_t pl;
    if (emu_path_playlist_index(c, s, &pl) == 0) {
        long at = emu_follows_playlist(&s->users[me], pl);
        int pub = at < 0 || s->users[me].pls[at].is_public;
        if (emu_require_scope(c, pub ? "playlist-modify-public" : "playlist-modify-private") == 0) {
            emu_unfollow_playlist(s, me, pl);
            emu_reply_empty(c, 200);
        }
    }
    emu_unlock(c);
}

static void get_playlist_followers_contains(emu_call *c)
{
    const char *ids = emu_query(c, "ids");
    int me = emu_token_user(c);
    int who = ids ? emu_user_find(ids) : me;
    if (ids && strchr(ids, ',')) {
        emu_reply_error(c, 400, "Only one user id is supported");
        return;
    }
    if (!ids && me < 0) {
        emu_reply_error(c, 400, "Missing required parameter: ids");
        return;
    }
    emu_state *s = emu_lock_read(c);
    uint32_t pl;
    if (emu_path_playlist_index(c, s, &pl) == 0) {
        long at = who < 0 ? -1 : emu_follows_playlist(&s->users[who], pl);
        int found = at >= 0 && (who == me || s->users[who].pls[at].is_public);
        emu_reply_bools(c, &found, 1);
    }
    emu_unlock(c);
}

#define U (EMU_ROUTE_WEBAPI | EMU_ROUTE_USER)
const emu_route emu_routes_follow[] = {
    {"GET", "/v1/me/following", get_following, U, "user-follow-read"},
    {"PUT", "/v1/me/following", put_following, U, "user-follow-modify"},
    {"DELETE", "/v1/me/following", delete_following, U, "user-follow-modify"},
    {"GET", "/v1/me/following/contains", get_following_contains, U, "user-follow-read"},
    {"PUT", "/v1/playlists/{playlist_id}/followers", put_playlist_followers, U, NULL},
    {"DELETE", "/v1/playlists/{playlist_id}/followers", delete_playlist_followers, U, NULL},
    {"GET", "/v1/playlists/{playlist_id}/followers/contains", get_playlist_followers_contains,
     EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_follow);
