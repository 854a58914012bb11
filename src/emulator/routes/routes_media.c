/* Shared handler helpers of the media routes (see routes_media.h). */
#include "routes_media.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int emu_ids_count(emu_call *c, size_t max, size_t *count)
{
    const char *ids = emu_query(c, "ids");
    if (!ids || !*ids) {
        emu_reply_error(c, 400, "Missing required parameter: ids");
        return -1;
    }
    *count = 1;
    for (const char *p = ids; *p; p++)
        *count += *p == ',';
    if (*count > max) {
        emu_reply_error(c, 400, "Too many ids requested");
        return -1;
    }
    return 0;
}

int emu_ids_resolve(emu_call *c, emu_type t, size_t count, int skip_empty, size_t **idx, size_t *n)
{
    const char *ids = emu_query(c, "ids");
    *idx = calloc(count, sizeof **idx);
    if (!*idx) {
        emu_reply_error(c, 500, "Server error");
        return -1;
    }
    char id[EMU_ID_LEN + 2];
    *n = 0;
    for (const char *p = ids;; p++) {
        size_t len = strcspn(p, ",");
        int rc = -1;
        if (len <= EMU_ID_LEN) {
            memcpy(id, p, len);
            id[len] = 0;
            rc = emu_catalogue_find(c->ctx->cat, t, id, &(*idx)[*n]);
        }
        if (rc == -1 && !(len == 0 && skip_empty)) {
            free(*idx);
            *idx = NULL;
            emu_reply_error(c, 400, "invalid id");
            return -1;
        }
        if (rc == -2)
            (*idx)[*n] = SIZE_MAX;
        *n += rc != -1;
        p += len;
        if (!*p)
            break;
    }
    return 0;
}

int emu_ids_param(emu_call *c, emu_type t, size_t max, size_t **idx, size_t *n)
{
    size_t count;
    if (emu_ids_count(c, max, &count) < 0)
        return -1;
    return emu_ids_resolve(c, t, count, 0, idx, n);
}

void emu_reply_batch(emu_call *c, const char *key, const size_t *idx, size_t n, emu_item_fn item,
                     const void *arg)
{
    jw w;
    jw_init(&w, 2048 * n);
    jw_obj(&w);
    jw_karr(&w, key);
    for (size_t i = 0; i < n; i++) {
        if (idx[i] == SIZE_MAX)
            jw_null(&w);
        else
            item(&w, arg, idx[i]);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

int emu_path_object(emu_call *c, emu_type t, const char *not_found, size_t *idx)
{
    int rc = emu_catalogue_find(c->ctx->cat, t, emu_param(c, 0), idx);
    if (rc == -1)
        emu_reply_error(c, 400, "invalid id");
    else if (rc < 0)
        emu_reply_error(c, 404, not_found);
    return rc < 0 ? -1 : 0;
}

/* The path's {id} as an object of type @p t that exists in the view's market. */
static int path_media(emu_call *c, const emu_media_view *mv, emu_type t, size_t *idx)
{
    if (emu_path_object(c, t, "non existing id", idx) < 0)
        return -1;
    if (!emu_media_available(mv, t, *idx)) {
        emu_reply_error(c, 404, "non existing id");
        return -1;
    }
    return 0;
}

/* The media type a route serves: its pattern's collection, "/v1/shows/..." for shows. */
static int route_type(emu_call *c, emu_type *t)
{
    const char *p = c->route->pattern + strlen("/v1/");
    size_t len = strcspn(p, "/");
    for (int i = EMU_T_SHOW; i <= EMU_T_CHAPTER; i++) {
        const char *name = emu_type_name((emu_type)i);
        if (len == strlen(name) + 1 && strncmp(p, name, len - 1) == 0 && p[len - 1] == 's') {
            *t = (emu_type)i;
            return 0;
        }
    }
    emu_reply_error(c, 500, "Server error");
    return -1;
}

void emu_media_get_one(emu_call *c)
{
    emu_media_view mv;
    emu_type t;
    size_t idx;
    if (route_type(c, &t) < 0 || emu_media_view_init(&mv, c) < 0 || path_media(c, &mv, t, &idx) < 0)
        return;
    jw w;
    jw_init(&w, 8192);
    emu_json_media(&w, &mv, t, idx, 1);
    emu_reply_json(c, 200, &w);
}

/* Objects of one type: item i is object first + i. */
struct media_items {
    const emu_media_view *mv;
    emu_type t;
    size_t first;
    int full;
};

static void media_item(jw *w, const void *arg, size_t i)
{
    const struct media_items *m = arg;
    emu_json_media(w, m->mv, m->t, m->first + i, m->full);
}

void emu_media_get_several(emu_call *c)
{
    emu_media_view mv;
    emu_type t;
    size_t *idx, n;
    if (route_type(c, &t) < 0 || emu_media_view_init(&mv, c) < 0 ||
        emu_ids_param(c, t, 50, &idx, &n) < 0)
        return;
    for (size_t i = 0; i < n; i++)
        if (idx[i] != SIZE_MAX && !emu_media_available(&mv, t, idx[i]))
            idx[i] = SIZE_MAX;
    /* Spotify's batch of shows has simplified shows; the others have full objects. */
    struct media_items m = {&mv, t, 0, t != EMU_T_SHOW};
    char key[24];
    snprintf(key, sizeof key, "%ss", emu_type_name(t));
    emu_reply_batch(c, key, idx, n, media_item, &m);
    free(idx);
}

void emu_media_get_children(emu_call *c)
{
    emu_media_view mv;
    emu_type t;
    size_t parent, n;
    int limit;
    long offset;
    if (route_type(c, &t) < 0 || emu_media_view_init(&mv, c) < 0 ||
        path_media(c, &mv, t, &parent) < 0 || emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0)
        return;
    struct media_items page = {&mv, EMU_T_COUNT, 0, 0};
    page.t = emu_media_children(c->ctx->cat, t, parent, &page.first, &n);
    emu_reply_page(c, NULL, limit, offset, (long)n, media_item, &page);
}

void emu_reply_page(emu_call *c, const char *wrap, int limit, long offset, long total,
                    emu_item_fn item, const void *arg)
{
    emu_reply_page_at(c, c->req->path, wrap, limit, offset, total, item, arg);
}

void emu_reply_page_at(emu_call *c, const char *path, const char *wrap, int limit, long offset,
                       long total, emu_item_fn item, const void *arg)
{
    char *extra = emu_query_without_paging(c);
    jw w;
    jw_init(&w, 1024 + 2048 * (size_t)limit);
    jw_obj(&w);
    if (wrap)
        jw_kobj(&w, wrap);
    emu_paging_links(&w, c->ctx, path, extra, offset, limit, total);
    jw_karr(&w, "items");
    for (long i = offset; i < total && i < offset + limit; i++)
        item(&w, arg, (size_t)i);
    jw_arr_end(&w);
    if (wrap)
        jw_obj_end(&w);
    jw_obj_end(&w);
    free(extra);
    emu_reply_json(c, 200, &w);
}
