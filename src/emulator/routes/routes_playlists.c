/*
 * Playlists: read one (with `fields`), lists of a user's playlists, create, change details,
 * cover images, the editorial lists of /browse, and playlist search results.
 *
 * Spotify's rules kept here:
 *  - Changing a playlist needs playlist-modify-public for a public playlist and
 *    playlist-modify-private for a private or collaborative one (the spec lists both; the
 *    one that matters depends on the playlist). Only the owner changes details and covers;
 *    the owner and the followers of a collaborative playlist change its items.
 *  - Lists of the current user's playlists hold private playlists only with
 *    playlist-read-private and collaborative ones only with playlist-read-collaborative;
 *    other users' lists hold only what they show on their profile.
 *  - In development mode Spotify-owned (editorial) playlists do not exist (November 2024),
 *    and a playlist embeds its items only for its owner and collaborators (February 2026).
 */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_media.h"
#include "fields.h"
#include "headers.h"
#include "fixtures_refs.h"
#include "fixtures_search.h"
#include "fold.h"
#include "objects_playlist.h"
#include "rng.h"
#include "routes.h"
#include "routes_media.h"
#include "routes_user.h"
#include "search.h"
#include "users.h"

#define COVER_MAX (256 * 1024) /* the base64 payload, as Spotify counts it */
/* Spotify documents no limit on a user's playlists; these bound the emulator's memory
 * whatever a client does (spotc-emulator(1), LIMITS). A playlist "deleted" by unfollowing
 * it still exists, as on Spotify, so the second cap counts those too. */
#define USER_PLAYLISTS_MAX 10000 /* owned and followed, per user */
#define PLAYLISTS_MAX 100000     /* in the whole emulator, the seeded ones included */

/* 400 and non-zero when @p me may create no more playlists. */
static int playlists_full(emu_call *c, emu_state *s, int me)
{
    const emu_user_state *u = emu_state_user(s, me);
    if (u && u->npls >= USER_PLAYLISTS_MAX) {
        emu_reply_error(c, 400, "Playlist limit reached: a user has at most 10000 playlists");
        return 1;
    }
    if (s->nplaylists >= PLAYLISTS_MAX) {
        emu_reply_error(c, 400, "Playlist limit reached: the emulator holds at most 100000");
        return 1;
    }
    return 0;
}

static int editorial(const emu_playlist *pl)
{
    return !emu_user_at(pl->owner)->can_login;
}

/* The path's playlist; answers 400/404 and returns NULL when there is none. Reads of fixture
 * playlists are answered before (fixtures_routes.h), so what reaches here for one is a
 * change: they are read-only, someone else's playlist (403). */
emu_playlist *emu_path_playlist(emu_call *c, emu_state *s)
{
    const char *id = emu_param(c, 0);
    uint32_t fx;
    if (!emu_id_valid(id)) {
        emu_reply_error(c, 400, "Invalid base62 id");
        return NULL;
    }
    if (emu_fx_context_find(s->cat, EMU_PCTX_PLAYLIST, id, &fx) == 0) {
        emu_reply_error(c, 403, "You cannot change a playlist you don't own.");
        return NULL;
    }
    emu_playlist *pl = emu_state_playlist(s, id);
    if (!pl || (emu_dev_mode(c) && editorial(pl))) {
        emu_reply_error(c, 404, "Resource not found");
        return NULL;
    }
    return pl;
}

int emu_path_playlist_index(emu_call *c, emu_state *s, uint32_t *idx)
{
    const char *id = emu_param(c, 0);
    if (emu_id_valid(id) && emu_fx_context_find(s->cat, EMU_PCTX_PLAYLIST, id, idx) == 0)
        return 0; /* a fixture playlist, as the reads answer it */
    emu_playlist *pl = emu_path_playlist(c, s);
    if (!pl)
        return -1;
    *idx = pl->index;
    return 0;
}

/* The owner, or a follower of a collaborative playlist. */
int emu_pl_collaborator(const emu_state *s, const emu_playlist *pl, int user)
{
    if (user < 0)
        return 0;
    return pl->owner == user ||
           (pl->collaborative && emu_follows_playlist(&s->users[user], pl->index) >= 0);
}

/* The scope a change of @p pl needs; 0 or -1 after answering 403. */
int emu_pl_modify_scope(emu_call *c, const emu_playlist *pl)
{
    return emu_require_scope(c, pl->is_public && !pl->collaborative ? "playlist-modify-public"
                                                                    : "playlist-modify-private");
}

/* Answer 200 with @p w, through the request's `fields` filter when it has one. */
int emu_reply_fields(emu_call *c, jw *w)
{
    const char *spec = emu_query(c, "fields");
    if (!spec) {
        emu_reply_json(c, 200, w);
        return 0;
    }
    emu_fields *f;
    int rc = emu_fields_parse(spec, &f);
    size_t len = 0, flen = 0;
    char *json = rc == 0 ? jw_finish(w, &len) : NULL;
    if (rc != 0)
        jw_free(w);
    char *filtered = json ? emu_fields_apply(f, json, len, &flen) : NULL;
    free(json);
    emu_fields_free(f);
    if (rc == -1) {
        emu_reply_error(c, 400, "Invalid fields");
        return -1;
    }
    if (!filtered) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    emu_response_set_body(c->res, 200, filtered, flen);
    c->res->content_type = NULL;
    return 0;
}

static void get_playlist(emu_call *c)
{
    emu_pl_view pv;
    if (emu_pl_view_init(&pv, c) < 0)
        return;
    emu_state *s = emu_lock_read(c);
    emu_playlist *pl = emu_path_playlist(c, s);
    if (pl) {
        int me = emu_token_user(c);
        pv.with_items = !emu_dev_mode(c) || emu_pl_collaborator(s, pl, me);
        jw w;
        jw_init(&w, 64 * 1024);
        emu_json_playlist(&w, &pv, pl);
        emu_reply_fields(c, &w);
    }
    emu_unlock(c);
}

/* ---- lists of playlists ---- */

typedef struct pl_list {
    const emu_state *s;
    emu_pl_view pv;
    uint32_t *pls;
    size_t n;
} pl_list;

/* A playlist of a list: the state's, or a fixture's simplified (fixtures_refs.h). */
static void list_item(jw *w, const void *arg, size_t i)
{
    const pl_list *l = arg;
    const json_t *fx = emu_fx_context(l->s->cat, EMU_PCTX_PLAYLIST, l->pls[i]);
    if (fx)
        emu_fx_write(w, fx, EMU_FX_PLAYLIST, EMU_FX_SIMPLE, l->pv.mv.v.ctx->base, NULL);
    else
        emu_json_playlist_simple(w, &l->pv, l->s->playlists[l->pls[i]]);
}

/* Whether a followed playlist (the state's or a fixture's) shows in a list: @p self = the
 * token's own list. */
static int listed(emu_call *c, const emu_state *s, const emu_followed_pl *f, int self)
{
    const json_t *fx = emu_fx_context(s->cat, EMU_PCTX_PLAYLIST, f->pl);
    const emu_playlist *pl = fx ? NULL : s->playlists[f->pl];
    int pub = fx ? json_is_true(json_object_get(fx, "public")) : pl->is_public;
    int collab = fx ? json_is_true(json_object_get(fx, "collaborative")) : pl->collaborative;
    if (pl && emu_dev_mode(c) && editorial(pl))
        return 0;
    if (!self)
        return f->is_public && pub;
    if (collab)
        return emu_call_has_scope(c, "playlist-read-collaborative");
    return pub || emu_call_has_scope(c, "playlist-read-private");
}

/* Fill l->pls with the playlists of a list (under the state lock); 0, or -1 out of memory. */
typedef int (*pl_collect)(emu_call *c, pl_list *l, const void *arg);

/* Answer a page of the playlists @p collect lists. */
static void reply_collected(emu_call *c, pl_collect collect, const void *arg)
{
    pl_list l = {0};
    int limit;
    long offset;
    if (emu_paging_params(c, 20, 50, 100000, &limit, &offset) < 0 || emu_pl_view_init(&l.pv, c) < 0)
        return;
    l.s = emu_lock_read(c);
    if (collect(c, &l, arg) < 0)
        emu_reply_error(c, 500, "Server error");
    else
        emu_reply_page(c, NULL, limit, offset, (long)l.n, list_item, &l);
    emu_unlock(c);
    free(l.pls);
}

typedef struct whose {
    int user, self; /* self: the token's own list */
} whose;

/* The playlists a user owns or follows, that the token may see. */
static int followed(emu_call *c, pl_list *l, const void *arg)
{
    const whose *who = arg;
    const emu_user_state *u = &l->s->users[who->user];
    if (!(l->pls = malloc((u->npls ? u->npls : 1) * sizeof *l->pls)))
        return -1;
    for (size_t i = 0; i < u->npls; i++)
        if (listed(c, l->s, &u->pls[i], who->self))
            l->pls[l->n++] = u->pls[i].pl;
    return 0;
}

/* A fixture user's list: the public fixture playlists it owns, in file order. */
static int fixture_owned(emu_call *c, pl_list *l, const void *arg)
{
    const emu_fixtures *fx = c->ctx->fixtures;
    size_t n = fx->n[EMU_FX_PLAYLIST];
    if (!(l->pls = malloc((n ? n : 1) * sizeof *l->pls)))
        return -1;
    for (size_t j = 0; j < n; j++) {
        const json_t *pl = fx->items[EMU_FX_PLAYLIST][j].obj;
        const char *owner = json_string_value(json_object_get(json_object_get(pl, "owner"), "id"));
        if (owner && strcmp(owner, arg) == 0 && json_is_true(json_object_get(pl, "public")))
            l->pls[l->n++] = EMU_FX_PL | (uint32_t)j;
    }
    return 0;
}

static void reply_list(emu_call *c, int user, int self)
{
    whose who = {user, self};
    reply_collected(c, followed, &who);
}

static void get_my_playlists(emu_call *c)
{
    int me = emu_me(c);
    if (me >= 0)
        reply_list(c, me, 1);
}

static int path_user(emu_call *c)
{
    int u = emu_user_find(emu_param(c, 0));
    if (u < 0)
        emu_reply_error(c, 404, "No such user");
    return u;
}

static void get_user_playlists(emu_call *c)
{
    const char *id = emu_param(c, 0);
    if (emu_fx_find(c->ctx->fixtures, EMU_FX_USER, id)) { /* as GET /users/{id} answers it */
        reply_collected(c, fixture_owned, id);
        return;
    }
    int u = path_user(c);
    if (u < 0)
        return;
    int me = emu_token_user(c);
    reply_list(c, u, u == me);
}

/* ---- create and change ---- */

/* An optional boolean member; -1 after answering 400 when it has another type. */
static int opt_bool(emu_call *c, json_t *o, const char *key, int def)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return def;
    if (json_is_boolean(v))
        return json_is_true(v);
    char msg[64];
    snprintf(msg, sizeof msg, "Invalid value for %s", key);
    emu_reply_error(c, 400, msg);
    return -1;
}

/* An optional string member: 1 and *out, 0 when absent, -1 after answering 400. */
static int opt_string(emu_call *c, json_t *o, const char *key, const char **out)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return 1;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "Invalid value for %s", key);
    emu_reply_error(c, 400, msg);
    return -1;
}

static void create(emu_call *c, int me)
{
    json_t *body = emu_json_body(c, 1);
    if (!body)
        return;
    const char *name = NULL, *desc = NULL;
    int has_name = opt_string(c, body, "name", &name);
    int pub = has_name < 0 ? -1 : opt_bool(c, body, "public", 1);
    int collab = pub < 0 ? -1 : opt_bool(c, body, "collaborative", 0);
    int has_desc = collab < 0 ? -1 : opt_string(c, body, "description", &desc);
    if (has_desc < 0)
        goto out;
    if (!has_name || !*name) {
        emu_reply_error(c, 400, "Missing required field: name");
        goto out;
    }
    if (collab && pub) {
        emu_reply_error(c, 400, "Collaborative playlists can only be private.");
        goto out;
    }
    if ((pub && !collab && emu_require_scope(c, "playlist-modify-public") < 0) ||
        ((!pub || collab) && emu_require_scope(c, "playlist-modify-private") < 0))
        goto out;
    emu_pl_view pv;
    if (emu_pl_view_init(&pv, c) < 0)
        goto out;
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = NULL;
    if (playlists_full(c, s, me)) {
        /* answered */
    } else if (!(pl = emu_state_playlist_new(s, me, name, has_desc ? desc : NULL, pub, collab))) {
        emu_reply_error(c, 500, "Server error");
    } else {
        jw w;
        jw_init(&w, 4096);
        emu_json_playlist(&w, &pv, pl);
        emu_reply_json(c, 201, &w);
    }
    emu_unlock(c);
out:
    json_decref(body);
}

static void post_my_playlists(emu_call *c)
{
    int me = emu_me(c);
    if (me >= 0)
        create(c, me);
}

static void post_user_playlists(emu_call *c)
{
    int me = emu_me(c);
    if (me < 0)
        return;
    if (strcmp(emu_param(c, 0), c->token.user) != 0) {
        emu_reply_error(c, 403, "You cannot create a playlist for another user");
        return;
    }
    create(c, me);
}

/* Set a string member of a playlist (a copy); 0 or -1 out of memory. */
static int set_text(char **dst, const char *v)
{
    char *copy = strdup(v);
    if (!copy)
        return -1;
    free(*dst);
    *dst = copy;
    return 0;
}

static void apply_details(emu_call *c, emu_playlist *pl, json_t *body)
{
    const char *name = NULL, *desc = NULL;
    int has_name = opt_string(c, body, "name", &name);
    int pub = has_name < 0 ? -1 : opt_bool(c, body, "public", pl->is_public);
    int collab = pub < 0 ? -1 : opt_bool(c, body, "collaborative", pl->collaborative);
    int has_desc = collab < 0 ? -1 : opt_string(c, body, "description", &desc);
    if (has_desc < 0)
        return;
    if (collab && pub) {
        emu_reply_error(c, 400, "Collaborative playlists can only be private.");
        return;
    }
    if (has_name && !*name) {
        emu_reply_error(c, 400, "Playlist name can't be empty");
        return;
    }
    emu_playlist after = *pl;
    after.is_public = (uint8_t)pub;
    after.collaborative = (uint8_t)collab;
    if (emu_pl_modify_scope(c, pl) < 0 || emu_pl_modify_scope(c, &after) < 0)
        return;
    if ((has_name && set_text(&pl->name, name) < 0) ||
        (has_desc && set_text(&pl->description, desc) < 0) || emu_pl_touch(pl) != EMU_PL_OK) {
        emu_reply_error(c, 500, "Server error");
        return;
    }
    pl->is_public = (uint8_t)pub;
    pl->collaborative = (uint8_t)collab;
    emu_reply_empty(c, 200);
}

static void put_playlist(emu_call *c)
{
    int me;
    json_t *body = emu_me_body(c, 1, &me);
    if (!body)
        return;
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = emu_path_playlist(c, s);
    if (pl && pl->owner != me)
        emu_reply_error(c, 403, "You cannot change details of a playlist you don't own.");
    else if (pl)
        apply_details(c, pl, body);
    emu_unlock(c);
    json_decref(body);
}

/* ---- cover images ---- */

static void get_images(emu_call *c)
{
    emu_view v;
    if (emu_view_init(&v, c) < 0)
        return;
    emu_state *s = emu_lock_read(c);
    emu_playlist *pl = emu_path_playlist(c, s);
    if (pl) {
        jw w;
        jw_init(&w, 512);
        emu_json_playlist_images(&w, &v, pl);
        emu_reply_json(c, 200, &w);
    }
    emu_unlock(c);
}

/* Decode the base64 body (line breaks allowed) and check it is a JPEG; its hash, or 0. */
static uint64_t cover_hash(const char *b64, size_t len)
{
    char *clean = malloc(len + 1);
    unsigned char *raw = malloc(len / 4 * 3 + 3);
    size_t n = 0;
    uint64_t h = 0;
    if (!clean || !raw)
        goto out;
    for (size_t i = 0; i < len; i++)
        if (b64[i] != '\n' && b64[i] != '\r' && b64[i] != ' ')
            clean[n++] = b64[i];
    if (n == 0 || n % 4 != 0)
        goto out;
    int got = EVP_DecodeBlock(raw, (const unsigned char *)clean, (int)n);
    if (got < 3 || raw[0] != 0xff || raw[1] != 0xd8 || raw[2] != 0xff)
        goto out;
    h = emu_hash_bytes(EMU_FNV_BASIS, raw, (size_t)got) |
        1; /* never 0, which means "no uploaded cover" */
out:
    free(clean);
    free(raw);
    return h;
}

static void put_images(emu_call *c)
{
    int me = emu_me(c);
    if (me < 0 || emu_require_scope(c, "ugc-image-upload") < 0)
        return;
    const char *ct = emu_request_header(c->req, "Content-Type");
    if (!emu_header_media_type_is(ct, "image/jpeg")) {
        emu_reply_error(c, 400, "Only image/jpeg (base64 encoded) is accepted");
        return;
    }
    if (c->req->body_len > COVER_MAX) {
        emu_reply_error(c, 413, "Image too large: the maximum payload is 256 KB");
        return;
    }
    uint64_t h = cover_hash(c->req->body ? c->req->body : "", c->req->body_len);
    if (!h) {
        emu_reply_error(c, 400, "The body must be a base64 encoded JPEG image");
        return;
    }
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = emu_path_playlist(c, s);
    if (pl && pl->owner != me)
        emu_reply_error(c, 403, "You cannot change the cover of a playlist you don't own.");
    else if (pl && emu_pl_modify_scope(c, pl) == 0) {
        pl->image = h;
        emu_reply_empty(c, 202);
    }
    emu_unlock(c);
}

/* ---- /browse: the editorial playlists ---- */

static void reply_editorial(emu_call *c, const char *message, long category)
{
    pl_list l = {0};
    int limit;
    long offset;
    if (emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0 || emu_pl_view_init(&l.pv, c) < 0)
        return;
    emu_state *s = emu_lock_read(c);
    l.s = s;
    l.pls = malloc((s->nplaylists ? s->nplaylists : 1) * sizeof *l.pls);
    if (!l.pls) {
        emu_unlock(c);
        emu_reply_error(c, 500, "Server error");
        return;
    }
    for (size_t i = 0; i < s->nplaylists; i++) {
        const emu_playlist *pl = s->playlists[i];
        if (editorial(pl) && pl->is_public &&
            (category < 0 ? pl->featured : (pl->categories >> (category % 32)) & 1))
            l.pls[l.n++] = (uint32_t)i;
    }
    char *extra = emu_query_without_paging(c);
    jw w;
    jw_init(&w, 4096 + 2048 * (size_t)limit);
    jw_obj(&w);
    jw_kstr(&w, "message", message);
    jw_kobj(&w, "playlists");
    emu_paging_links(&w, c->ctx, c->req->path, extra, offset, limit, (long)l.n);
    jw_karr(&w, "items");
    for (long i = offset; i < (long)l.n && i < offset + limit; i++)
        list_item(&w, &l, (size_t)i);
    jw_arr_end(&w);
    jw_obj_end(&w);
    jw_obj_end(&w);
    emu_unlock(c);
    free(extra);
    free(l.pls);
    emu_reply_json(c, 200, &w);
}

static void get_featured(emu_call *c)
{
    reply_editorial(c, "Popular Playlists", -1);
}

static void get_category_playlists(emu_call *c)
{
    int cat = emu_category_find(emu_param(c, 0));
    if (cat < 0) {
        emu_reply_error(c, 404, "Specified id doesn't exist");
        return;
    }
    reply_editorial(c, emu_category_name((size_t)cat), cat);
}

/* ---- search ---- */

/* How well @p set matches the playlist's name (its own) and description (related). */
static int words_match(const emu_word_set *set, const emu_playlist *pl)
{
    char name[512], desc[1024];
    emu_fold(pl->name, strlen(pl->name), name, sizeof name);
    emu_fold(pl->description ? pl->description : "",
             pl->description ? strlen(pl->description) : 0, desc, sizeof desc);
    emu_sname n, d;
    emu_sname_of_text(&n, name);
    emu_sname_of_text(&d, desc);
    const emu_sname *fields[2] = {&n, &d};
    return emu_search_score(set, fields, 2);
}

/* Playlists support free words only: a filter (artist:, year:, ...) finds none. */
static int searchable(const emu_search_query *q)
{
    return q->free.n && !q->artist.n && !q->album.n && !q->track.n && !q->year_from &&
           !q->genre[0] && !q->isrc[0] && !q->upc[0] && !q->tag_new && !q->tag_hipster &&
           !q->impossible;
}

static int cmp_rank(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Rank key: relevance, then followers, then the index (fixtures, EMU_FX_PL | j, after the
 * state's). */
static uint64_t pl_rank(int score, uint64_t followers, size_t i)
{
    return (uint64_t)(255 - score) << 56 |
           (uint64_t)(0xffffffu - (followers > 0xffffffu ? 0xffffffu : followers)) << 32 | i;
}

/* Matching fixture playlists (fixtures.h) into hits[]. */
static void search_fixtures(emu_call *c, const emu_search_query *q, uint64_t *hits, size_t *n)
{
    const emu_fixtures *fx = c->ctx->fixtures;
    for (size_t j = 0; fx && searchable(q) && j < fx->n[EMU_FX_PLAYLIST]; j++) {
        const emu_fx *e = &fx->items[EMU_FX_PLAYLIST][j];
        int score = emu_fx_search_match(q, NULL, EMU_FX_PLAYLIST, e);
        json_int_t f = json_integer_value(
            json_object_get(json_object_get(e->obj, "followers"), "total"));
        if (score > 0)
            hits[(*n)++] = pl_rank(score, f > 0 ? (uint64_t)f : 0, EMU_FX_PL | j);
    }
}

int emu_search_playlists(emu_call *c, jw *w, const emu_search_query *q, const char *extra,
                                long offset, int limit)
{
    pl_list l = {0};
    if (emu_pl_view_init(&l.pv, c) < 0)
        return -1;
    emu_state *s = emu_lock_read(c);
    const emu_fixtures *fx = c->ctx->fixtures;
    size_t room = s->nplaylists + (fx ? fx->n[EMU_FX_PLAYLIST] : 0) + 1;
    uint64_t *hits = malloc(room * sizeof *hits);
    l.pls = malloc(room * sizeof *l.pls);
    if (!hits || !l.pls) {
        emu_unlock(c);
        free(hits);
        free(l.pls);
        return -1;
    }
    l.s = s;
    for (size_t i = 0; searchable(q) && i < s->nplaylists; i++) {
        const emu_playlist *pl = s->playlists[i];
        int score;
        if (pl->is_public && !(emu_dev_mode(c) && editorial(pl)) &&
            (score = words_match(&q->free, pl)) > 0)
            hits[l.n++] = pl_rank(score, pl->followers, i);
    }
    search_fixtures(c, q, hits, &l.n);
    qsort(hits, l.n, sizeof *hits, cmp_rank);
    for (size_t i = 0; i < l.n; i++)
        l.pls[i] = (uint32_t)hits[i];
    jw_kobj(w, "playlists");
    emu_paging_links(w, c->ctx, "/v1/search", extra, offset, limit, (long)l.n);
    jw_karr(w, "items");
    for (long i = offset; i < (long)l.n && i < offset + limit; i++)
        list_item(w, &l, (size_t)i);
    jw_arr_end(w);
    jw_obj_end(w);
    emu_unlock(c);
    free(hits);
    free(l.pls);
    return 0;
}

#define W EMU_ROUTE_WEBAPI
#define U (EMU_ROUTE_WEBAPI | EMU_ROUTE_USER)
const emu_route emu_routes_playlists[] = {
    {"GET", "/v1/playlists/{playlist_id}", get_playlist, W, NULL},
    {"PUT", "/v1/playlists/{playlist_id}", put_playlist, U, NULL},
    {"GET", "/v1/playlists/{playlist_id}/images", get_images, W, NULL},
    {"PUT", "/v1/playlists/{playlist_id}/images", put_images, U, NULL},
    {"GET", "/v1/me/playlists", get_my_playlists, U, NULL},
    {"POST", "/v1/me/playlists", post_my_playlists, U, NULL},
    {"GET", "/v1/users/{user_id}/playlists", get_user_playlists, W, NULL},
    {"POST", "/v1/users/{user_id}/playlists", post_user_playlists, U, NULL},
    {"GET", "/v1/browse/featured-playlists", get_featured, W, NULL},
    {"GET", "/v1/browse/categories/{category_id}/playlists", get_category_playlists, W, NULL},
};
EMU_ROUTE_COUNT(emu_routes_playlists);
