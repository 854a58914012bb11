/*
 * A playlist's items: read (with `fields`), add, reorder or replace, remove, through
 * /items and its deprecated twin /tracks (development mode refuses /tracks: modes.c).
 *
 * Every change answers a new snapshot_id. A request may name an earlier snapshot_id
 * (reorder and remove): Spotify documents that the positions are then checked against that
 * snapshot and the change applied "even if more recent changes have been made", so the
 * positions are read in that snapshot and the same items are moved or removed now (an item
 * removed since is left alone). A snapshot_id that is not one of the playlist's recent
 * snapshots (the emulator keeps EMU_PL_HISTORY) answers 400.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "objects_playlist.h"
#include "routes.h"
#include "routes_user.h"
#include "users.h"

#define MAX_PER_REQUEST 100

static void get_page(emu_call *c, int max_limit)
{
    emu_pl_view pv;
    int limit;
    long offset;
    if (emu_pl_view_init(&pv, c) < 0 || emu_paging_params(c, 20, max_limit, 0, &limit, &offset) < 0)
        return;
    emu_state *s = emu_lock_read(c);
    emu_playlist *pl = emu_path_playlist(c, s);
    int me = emu_token_user(c);
    if (pl && emu_dev_mode(c) && !emu_pl_collaborator(s, pl, me)) {
        emu_reply_error(c, 403, "Forbidden");
    } else if (pl) {
        char *extra = emu_query_without_paging(c);
        jw w;
        jw_init(&w, 4096 + 4096 * (size_t)limit);
        emu_json_playlist_page(&w, &pv, pl, c->req->path, extra, offset, limit);
        free(extra);
        emu_reply_fields(c, &w);
    }
    emu_unlock(c);
}

static void get_items(emu_call *c)
{
    get_page(c, 50);
}

static void get_tracks(emu_call *c)
{
    get_page(c, 100);
}

/* A track or episode URI as a ref (a fixture's too, fixtures_refs.h); -1 after answering 400. */
static int playable_ref(emu_call *c, const char *uri, uint32_t *ref)
{
    char id[64], msg[160];
    int type, rc = -1;
    size_t idx;
    if (emu_uri_split(uri, &type, id, sizeof id) == 0 &&
        (type == EMU_T_TRACK || type == EMU_T_EPISODE))
        rc = emu_find(c, (emu_type)type, id, &idx);
    if (rc == -1) {
        snprintf(msg, sizeof msg, "Invalid track uri: %.100s", uri);
        emu_reply_error(c, 400, msg);
        return -1;
    }
    if (rc < 0) {
        emu_reply_error(c, 400, "Payload contains a non-existing ID");
        return -1;
    }
    *ref = EMU_REF(type, idx);
    return 0;
}

/* The `uris` of the query or the body as refs (caller frees); -1 after answering. */
static int uris_param(emu_call *c, json_t *body, int required, uint32_t **refs, size_t *n)
{
    emu_strlist l = {0};
    if (emu_list_param(c, body, "uris", required, MAX_PER_REQUEST,
                       "You can add a maximum of 100 tracks per request.", &l) < 0)
        return -1;
    *refs = malloc((l.n ? l.n : 1) * sizeof **refs);
    int rc = *refs ? 0 : -1;
    if (!*refs)
        emu_reply_error(c, 500, "Server error");
    for (size_t i = 0; i < l.n && rc == 0; i++)
        rc = playable_ref(c, l.v[i], &(*refs)[i]);
    *n = l.n;
    emu_strlist_free(&l);
    if (rc < 0) {
        free(*refs);
        *refs = NULL;
    }
    return rc;
}

/* Answer the outcome of a change. */
static void reply_change(emu_call *c, emu_pl_error rc, int status, const emu_playlist *pl)
{
    switch (rc) {
    case EMU_PL_OK:
        emu_reply_snapshot(c, status, pl);
        break;
    case EMU_PL_ERANGE:
        emu_reply_error(c, 400, "Index out of bounds");
        break;
    case EMU_PL_EMISMATCH:
        emu_reply_error(c, 400, "Could not remove tracks, please check parameters.");
        break;
    case EMU_PL_EFULL:
        emu_reply_error(c, 400, "Playlist size limit reached");
        break;
    default:
        emu_reply_error(c, 500, "Server error");
    }
}

/* The playlist to change, for the token's user: NULL after answering 400/403/404. */
static emu_playlist *writable(emu_call *c, emu_state *s, int me, const char *verb)
{
    emu_playlist *pl = emu_path_playlist(c, s);
    if (pl && !emu_pl_collaborator(s, pl, me)) {
        char msg[96];
        snprintf(msg, sizeof msg, "You cannot %s a playlist you don't own.", verb);
        emu_reply_error(c, 403, msg);
        return NULL;
    }
    return pl && emu_pl_modify_scope(c, pl) == 0 ? pl : NULL;
}

/* An optional non-negative integer member; 0 absent, 1 present, -1 after answering 400. */
static int body_index(emu_call *c, json_t *body, const char *key, long *out)
{
    json_t *v = json_object_get(body, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > INT32_MAX) {
        char msg[64];
        snprintf(msg, sizeof msg, "Invalid %s", key);
        emu_reply_error(c, 400, msg);
        return -1;
    }
    *out = (long)json_integer_value(v);
    return 1;
}

static void post_items(emu_call *c)
{
    int me;
    json_t *body = emu_me_body(c, 0, &me);
    uint32_t *refs = NULL;
    size_t n;
    long pos = -1;
    if (!body || uris_param(c, body, 1, &refs, &n) < 0)
        goto out;
    int has = emu_query_long(c, "position", 0, INT32_MAX, 0, &pos);
    if (has < 0 || (has == 0 && body_index(c, body, "position", &pos) < 0))
        goto out;
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = writable(c, s, me, "add items to");
    if (pl) {
        uint32_t now = (uint32_t)(c->now_ms / 1000);
        size_t at = pos < 0 ? SIZE_MAX : (size_t)pos;
        reply_change(c, emu_pl_insert(pl, refs, n, at, (uint16_t)me, now), 201, pl);
    }
    emu_unlock(c);
out:
    free(refs);
    json_decref(body);
}

/* The snapshot a request names (NULL base: the current one); -1 after answering 400. */
static int named_snapshot(emu_call *c, json_t *body, const emu_playlist *pl,
                          const emu_pl_snapshot **base)
{
    json_t *v = json_object_get(body, "snapshot_id");
    int cur;
    *base = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v) || emu_pl_snapshot_find(pl, json_string_value(v), base, &cur) < 0) {
        emu_reply_error(c, 400, "Invalid snapshot id");
        return -1;
    }
    return 0;
}

static void reorder(emu_call *c, int me, json_t *body)
{
    long start = 0, before = 0, len = 1;
    int a = body_index(c, body, "range_start", &start);
    int b = a < 0 ? -1 : body_index(c, body, "insert_before", &before);
    int l = b < 0 ? -1 : body_index(c, body, "range_length", &len);
    if (l < 0)
        return;
    if (!a || !b) {
        emu_reply_error(c, 400, a ? "Missing insert_before" : "Missing range_start");
        return;
    }
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = writable(c, s, me, "reorder items in");
    const emu_pl_snapshot *base;
    if (pl && named_snapshot(c, body, pl, &base) == 0)
        reply_change(c, emu_pl_reorder(pl, (size_t)start, (size_t)len, (size_t)before, base), 200,
                     pl);
    emu_unlock(c);
}

static void replace(emu_call *c, int me, json_t *body)
{
    uint32_t *refs = NULL;
    size_t n;
    if (!emu_query(c, "uris") && !json_object_get(body, "uris")) {
        emu_reply_error(c, 400, "Missing uris, or range_start and insert_before");
        return;
    }
    if (uris_param(c, body, 0, &refs, &n) < 0)
        return;
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = writable(c, s, me, "replace items in");
    if (pl)
        reply_change(c, emu_pl_replace(pl, refs, n, (uint16_t)me, (uint32_t)(c->now_ms / 1000)),
                     200, pl);
    emu_unlock(c);
    free(refs);
}

static void put_items(emu_call *c)
{
    int me;
    json_t *body = emu_me_body(c, 0, &me);
    if (!body)
        return;
    if (json_object_get(body, "range_start") || json_object_get(body, "insert_before"))
        reorder(c, me, body);
    else
        replace(c, me, body);
    json_decref(body);
}

typedef struct removals {
    emu_pl_removal *r;
    size_t *pos; /* every position, the removals point into it */
    size_t n;
} removals;

static void removals_free(removals *rm)
{
    free(rm->r);
    free(rm->pos);
}

static int count_positions(json_t *items, size_t *total)
{
    size_t i;
    json_t *it;
    *total = 0;
    json_array_foreach(items, i, it)
    {
        json_t *p = json_object_get(it, "positions");
        if (p && !json_is_array(p))
            return -1;
        *total += p ? json_array_size(p) : 0;
    }
    return 0;
}

/* One {"uri": ..., "positions": [...]} of the body; -1 after answering 400. */
static int one_removal(emu_call *c, json_t *it, emu_pl_removal *r, size_t *pos, size_t *npos)
{
    json_t *uri = json_object_get(it, "uri"), *p = json_object_get(it, "positions");
    if (!json_is_string(uri)) {
        emu_reply_error(c, 400, "Each item needs a uri");
        return -1;
    }
    if (playable_ref(c, json_string_value(uri), &r->ref) < 0)
        return -1;
    r->pos = pos + *npos;
    r->npos = 0;
    size_t k;
    json_t *v;
    json_array_foreach(p, k, v)
    {
        if (!json_is_integer(v) || json_integer_value(v) < 0) {
            emu_reply_error(c, 400, "Invalid positions");
            return -1;
        }
        pos[(*npos)++] = (size_t)json_integer_value(v);
        r->npos++;
    }
    return 0;
}

/* The body's "items" (or the older "tracks"); -1 after answering. */
static int parse_removals(emu_call *c, json_t *body, removals *rm)
{
    json_t *items = json_object_get(body, "items");
    if (!items)
        items = json_object_get(body, "tracks");
    size_t total;
    if (!json_is_array(items) || json_array_size(items) == 0) {
        emu_reply_error(c, 400, "Missing required field: items");
        return -1;
    }
    if (json_array_size(items) > MAX_PER_REQUEST) {
        emu_reply_error(c, 400, "You can remove a maximum of 100 tracks per request.");
        return -1;
    }
    if (count_positions(items, &total) < 0) {
        emu_reply_error(c, 400, "Invalid positions");
        return -1;
    }
    rm->r = calloc(json_array_size(items), sizeof *rm->r);
    rm->pos = malloc((total ? total : 1) * sizeof *rm->pos);
    if (!rm->r || !rm->pos) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    size_t i, npos = 0;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        if (!json_is_object(it)) {
            emu_reply_error(c, 400, "Each item needs a uri");
            return -1;
        }
        if (one_removal(c, it, &rm->r[rm->n], rm->pos, &npos) < 0)
            return -1;
        rm->n++;
    }
    return 0;
}

static void delete_items(emu_call *c)
{
    int me;
    json_t *body = emu_me_body(c, 1, &me);
    removals rm = {0};
    if (!body || parse_removals(c, body, &rm) < 0)
        goto out;
    emu_state *s = emu_lock_write(c);
    emu_playlist *pl = writable(c, s, me, "remove items from");
    const emu_pl_snapshot *base;
    if (pl && named_snapshot(c, body, pl, &base) == 0)
        reply_change(c, emu_pl_remove(pl, rm.r, rm.n, base), 200, pl);
    emu_unlock(c);
out:
    removals_free(&rm);
    json_decref(body);
}

#define W EMU_ROUTE_WEBAPI
#define U (EMU_ROUTE_WEBAPI | EMU_ROUTE_USER)
const emu_route emu_routes_playlist_items[] = {
    {"GET", "/v1/playlists/{playlist_id}/items", get_items, W, NULL},
    {"POST", "/v1/playlists/{playlist_id}/items", post_items, U, NULL},
    {"PUT", "/v1/playlists/{playlist_id}/items", put_items, U, NULL},
    {"DELETE", "/v1/playlists/{playlist_id}/items", delete_items, U, NULL},
    {"GET", "/v1/playlists/{playlist_id}/tracks", get_tracks, W, NULL},
    {"POST", "/v1/playlists/{playlist_id}/tracks", post_items, U, NULL},
    {"PUT", "/v1/playlists/{playlist_id}/tracks", put_items, U, NULL},
    {"DELETE", "/v1/playlists/{playlist_id}/tracks", delete_items, U, NULL},
};
EMU_ROUTE_COUNT(emu_routes_playlist_items);
