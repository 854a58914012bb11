/*
 * Writes of a playlist's items (playlist.h): add, remove, reorder, replace.
 *
 * Adds and removals go through the batch engine (batch_engine.h), which sends any
 * number of items in chunks of the endpoint's maximum, one request after the
 * other, each add chunk at its own position, and names a failed chunk. Items
 * are checked here first, because playlists hold only tracks and episodes and
 * a bare ID is taken as a track's (the engine alone would refuse it: a playlist
 * path says nothing about its items' type).
 */
#include <stdlib.h>
#include <string.h>

#include "batch_engine.h"
#include "ids_priv.h"
#include "internal.h"
#include "typed_call.h"

#define URI_MAX (SPOTC_ID_MAX + 32)
#define ADD_OP "add-items-to-playlist"

/* ------------------------------------------------------------ items */

/* The items as they are sent: the caller's, or a track URI made from a bare ID. */
typedef struct item_list {
    const char **v;
    char (*store)[URI_MAX]; /* only the slots of bare IDs are used */
} item_list;

static void items_free(item_list *l)
{
    free(l->v);
    free(l->store);
}

/* One item: a track or episode URI/link, or a bare track ID. */
static int item_check(spotc_client *client, const char *op, const char *const *items, size_t i,
                      item_list *l)
{
    spotc_id id;
    char err[256];
    if (!items[i] || spotc_id_parse(&id, items[i], SPOTC_TYPE_ANY, err, sizeof err) < 0)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: item %zu: %s", op, i + 1,
                                items[i] ? err : "missing");
    l->v[i] = items[i];
    if (id.type == SPOTC_TYPE_ANY) {
        id.type = SPOTC_TYPE_TRACK;
        spotc_id_format_uri(l->store[i], URI_MAX, &id);
        l->v[i] = l->store[i];
    } else if (id.type != SPOTC_TYPE_TRACK && id.type != SPOTC_TYPE_EPISODE) {
        return spotc__error_set(client, SPOTC_EINVALID,
                                "%s: item %zu ('%.100s') is a %s: a playlist holds tracks and "
                                "episodes",
                                op, i + 1, items[i], spotc_id_type_to_name(id.type));
    }
    return 0;
}

/* Check every item before anything is sent. */
static int items_prepare(spotc_client *client, const char *op, const char *const *items,
                         size_t count, item_list *l)
{
    size_t n = count ? count : 1;
    l->v = calloc(n, sizeof *l->v);
    l->store = calloc(n, sizeof *l->store);
    if (!l->v || !l->store)
        return spotc__typed_nomem(client);
    for (size_t i = 0; i < count; i++) {
        int rc = item_check(client, op, items, i, l);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The snapshot_id of an answer, copied to *out (when wanted and there is one). */
static int keep_snapshot(spotc_client *client, char **out, const json_t *answer)
{
    const char *s = json_string_value(json_object_get(answer, "snapshot_id"));
    if (!out || !s)
        return 0;
    free(*out);
    *out = strdup(s);
    return *out ? 0 : spotc__typed_nomem(client);
}

static int check_version(spotc_client *client, unsigned int given, unsigned int known,
                         const char *name)
{
    if (given == known)
        return 0;
    return spotc__error_set(client, SPOTC_EINVALID, "%s: unknown version %u (this library has %u)",
                            name, given, known);
}

/* ------------------------------------------------------------ add and remove */

/* One write of items through the batch engine. */
typedef struct items_write {
    const char *op;
    long position; /* SPOTC_PLAYLIST_APPEND: none */
    const char *snapshot_id;
    spotc_progress_cb progress;
    void *payload;
} items_write;

static int send_items(char **out, spotc_client *client, const spotc_id *playlist,
                      const char *const *items, size_t count, const items_write *w)
{
    const spotc_param params[] = {{"playlist_id", playlist->id}, {"snapshot_id", w->snapshot_id}};
    spotc__batch_spec spec = {
        .operation_id = w->op,
        .items = items,
        .count = count,
        .type = SPOTC_TYPE_ANY,
        .params = params,
        .nparams = w->snapshot_id ? 2 : 1,
        .has_position = w->position != SPOTC_PLAYLIST_APPEND,
        .position = w->position != SPOTC_PLAYLIST_APPEND ? w->position : 0,
        .progress = w->progress,
        .progress_payload = w->payload,
    };
    spotc__batch_result r;
    int rc = spotc__batch_call(&r, client, &spec);
    /* Also after a partial failure: the snapshot the chunks that stand made. */
    int kept = keep_snapshot(client, out, r.last);
    spotc__batch_result_clear(&r);
    return rc < 0 ? rc : kept;
}

static int write_items(char **out, spotc_client *client, const char *playlist_id,
                       const char *const *items, size_t count, const items_write *w)
{
    if (out)
        *out = NULL;
    if (!client)
        return SPOTC_EINVALID;
    if (count && !items)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: no items given", w->op);
    if (w->position < 0 && w->position != SPOTC_PLAYLIST_APPEND)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: position %ld is negative", w->op,
                                w->position);
    spotc_id playlist;
    item_list l = {0};
    int rc = spotc__id_require(client, &playlist, playlist_id, SPOTC_TYPE_PLAYLIST);
    if (rc == 0)
        rc = items_prepare(client, w->op, items, count, &l);
    if (rc == 0)
        rc = send_items(out, client, &playlist, l.v, count, w);
    items_free(&l);
    return rc;
}

static int add(char **out, spotc_client *client, const char *op, const char *playlist_id,
               const char *const *items, size_t count, const spotc_playlist_add_options *opts)
{
    static const spotc_playlist_add_options defaults = SPOTC_PLAYLIST_ADD_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (client && check_version(client, opts->version, SPOTC_PLAYLIST_ADD_OPTIONS_VERSION,
                                "spotc_playlist_add_options") < 0)
        return SPOTC_EINVALID;
    const items_write w = {op, opts->position, NULL, opts->progress, opts->progress_payload};
    return write_items(out, client, playlist_id, items, count, &w);
}

int spotc_playlist_add_items(char **out, spotc_client *client, const char *playlist_id,
                             const char *const *items, size_t count,
                             const spotc_playlist_add_options *opts)
{
    return add(out, client, ADD_OP, playlist_id, items, count, opts);
}

int spotc_playlist_add_tracks(char **out, spotc_client *client, const char *playlist_id,
                              const char *const *items, size_t count,
                              const spotc_playlist_add_options *opts)
{
    return add(out, client, "add-tracks-to-playlist", playlist_id, items, count, opts);
}

static int remove_(char **out, spotc_client *client, const char *op, const char *playlist_id,
                   const char *const *items, size_t count,
                   const spotc_playlist_remove_options *opts)
{
    static const spotc_playlist_remove_options defaults = SPOTC_PLAYLIST_REMOVE_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (client && check_version(client, opts->version, SPOTC_PLAYLIST_REMOVE_OPTIONS_VERSION,
                                "spotc_playlist_remove_options") < 0)
        return SPOTC_EINVALID;
    const items_write w = {op, SPOTC_PLAYLIST_APPEND, opts->snapshot_id, opts->progress,
                           opts->progress_payload};
    return write_items(out, client, playlist_id, items, count, &w);
}

int spotc_playlist_remove_items(char **out, spotc_client *client, const char *playlist_id,
                                const char *const *items, size_t count,
                                const spotc_playlist_remove_options *opts)
{
    return remove_(out, client, "remove-items-playlist", playlist_id, items, count, opts);
}

int spotc_playlist_remove_tracks(char **out, spotc_client *client, const char *playlist_id,
                                 const char *const *items, size_t count,
                                 const spotc_playlist_remove_options *opts)
{
    return remove_(out, client, "remove-tracks-playlist", playlist_id, items, count, opts);
}

/* ------------------------------------------------------------ reorder and replace */

/* A PUT of the reorder-or-replace operation; its snapshot_id to *out. */
static int put_items(char **out, spotc_client *client, const char *op, const spotc__params *p)
{
    int rc = spotc__params_check(client, p);
    spotc_response *resp = NULL;
    if (rc == 0)
        rc = spotc_operation_call(&resp, client, op, p->v, p->n, NULL);
    if (rc == 0)
        rc = keep_snapshot(client, out, spotc_response_get_json(resp));
    spotc_response_free(resp);
    return rc;
}

static int reorder(char **out, spotc_client *client, const char *op, const char *playlist_id,
                   int range_start, int insert_before, const spotc_playlist_reorder_options *opts)
{
    static const spotc_playlist_reorder_options defaults = SPOTC_PLAYLIST_REORDER_OPTIONS_INIT;
    if (out)
        *out = NULL;
    if (!client)
        return SPOTC_EINVALID;
    if (!opts)
        opts = &defaults;
    int rc = check_version(client, opts->version, SPOTC_PLAYLIST_REORDER_OPTIONS_VERSION,
                           "spotc_playlist_reorder_options");
    if (rc == 0 && (range_start < 0 || insert_before < 0 || opts->range_length < 0))
        rc = spotc__error_set(client, SPOTC_EINVALID,
                              "%s: positions and lengths are 0 or more (range_start %d, "
                              "insert_before %d, range_length %d)",
                              op, range_start, insert_before, opts->range_length);
    spotc__params p = {0};
    spotc_id id;
    if (rc == 0)
        rc = spotc__id_require(client, &id, playlist_id, SPOTC_TYPE_PLAYLIST);
    if (rc < 0)
        return rc;
    spotc__params_add(&p, "playlist_id", id.id);
    spotc__params_add_int(&p, "range_start", range_start);
    spotc__params_add_int(&p, "insert_before", insert_before);
    spotc__params_add_int(&p, "range_length", opts->range_length ? opts->range_length : 1);
    spotc__params_add(&p, "snapshot_id", opts->snapshot_id);
    return put_items(out, client, op, &p);
}

int spotc_playlist_reorder_items(char **out, spotc_client *client, const char *playlist_id,
                                 int range_start, int insert_before,
                                 const spotc_playlist_reorder_options *opts)
{
    return reorder(out, client, "reorder-or-replace-playlists-items", playlist_id, range_start,
                   insert_before, opts);
}

int spotc_playlist_reorder_tracks(char **out, spotc_client *client, const char *playlist_id,
                                  int range_start, int insert_before,
                                  const spotc_playlist_reorder_options *opts)
{
    return reorder(out, client, "reorder-or-replace-playlists-tracks", playlist_id, range_start,
                   insert_before, opts);
}

/* The progress of the adds after the replaced first chunk, counted over all items. */
typedef struct replace_progress {
    size_t before, total;
    spotc_progress_cb cb;
    void *payload;
} replace_progress;

static void replace_progress_cb(size_t done, size_t total, void *payload)
{
    (void)total;
    const replace_progress *rp = payload;
    rp->cb(rp->before + done, rp->total, rp->payload);
}

/* PUT the first `n` items (they replace what the playlist held). */
static int replace_first(char **out, spotc_client *client, const spotc_id *playlist,
                         const item_list *l, size_t n)
{
    const spotc__chunk first = {0, n, -1};
    char *uris = spotc__batch_join(l->v, &first, 0);
    if (!uris)
        return spotc__typed_nomem(client);
    spotc__params p = {0};
    spotc__params_add(&p, "playlist_id", playlist->id);
    spotc__params_add(&p, "uris", uris);
    int rc = put_items(out, client, "reorder-or-replace-playlists-items", &p);
    free(uris);
    return rc;
}

static int replace(char **out, spotc_client *client, const spotc_id *playlist, const item_list *l,
                   size_t count, const spotc_playlist_add_options *opts)
{
    size_t max = (size_t)spotc_operation_find(ADD_OP)->batch_max;
    size_t n = count < max ? count : max;
    int rc = replace_first(out, client, playlist, l, n);
    if (rc == 0 && opts->progress)
        opts->progress(n, count, opts->progress_payload);
    if (rc < 0 || n == count)
        return rc;
    replace_progress rp = {n, count, opts->progress, opts->progress_payload};
    const items_write w = {ADD_OP, SPOTC_PLAYLIST_APPEND, NULL,
                           opts->progress ? replace_progress_cb : NULL, &rp};
    rc = send_items(out, client, playlist, l->v + n, count - n, &w);
    /* The first chunk stands: a failure after it is partial. */
    return rc < 0 && rc != SPOTC_EPARTIAL && rc != SPOTC_EINVALID ? SPOTC_EPARTIAL : rc;
}

int spotc_playlist_replace_items(char **out, spotc_client *client, const char *playlist_id,
                                 const char *const *items, size_t count,
                                 const spotc_playlist_add_options *opts)
{
    static const spotc_playlist_add_options defaults = SPOTC_PLAYLIST_ADD_OPTIONS_INIT;
    if (out)
        *out = NULL;
    if (!client)
        return SPOTC_EINVALID;
    if (!opts)
        opts = &defaults;
    int rc = check_version(client, opts->version, SPOTC_PLAYLIST_ADD_OPTIONS_VERSION,
                           "spotc_playlist_add_options");
    if (rc == 0 && count && !items)
        rc = spotc__error_set(client, SPOTC_EINVALID, "replace: no items given");
    spotc_id playlist;
    item_list l = {0};
    if (rc == 0)
        rc = spotc__id_require(client, &playlist, playlist_id, SPOTC_TYPE_PLAYLIST);
    if (rc == 0)
        rc = items_prepare(client, "reorder-or-replace-playlists-items", items, count, &l);
    if (rc == 0)
        rc = replace(out, client, &playlist, &l, count, opts);
    items_free(&l);
    return rc;
}
