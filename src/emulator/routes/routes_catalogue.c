/* Web API catalogue reads: tracks, albums, artists (single, several, paged relations). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "routes.h"
#include "routes_media.h"

typedef void (*object_writer)(jw *w, const emu_view *v, size_t idx);

/* Resolve the {id} of the path; answers 400/404 itself and returns -1 on failure. */
static int path_object(emu_call *c, emu_type t, size_t *idx)
{
    return emu_path_object(c, t, "Resource not found", idx);
}

static void one(emu_call *c, emu_type t, object_writer write)
{
    size_t idx;
    emu_view v;
    if (path_object(c, t, &idx) < 0 || emu_view_init(&v, c) < 0)
        return;
    jw w;
    jw_init(&w, 4096);
    write(&w, &v, idx);
    emu_reply_json(c, 200, &w);
}

/* Items of a list: catalogue indexes written by @p write. */
typedef struct view_items {
    const emu_view *v;
    const size_t *items; /**< NULL: the item is the index itself */
    object_writer write;
} view_items;

static void view_item(jw *w, const void *arg, size_t i)
{
    const view_items *p = arg;
    p->write(w, p->v, p->items ? p->items[i] : i);
}

/* GET /v1/{type}s?ids=a,b,c: {"tracks": [obj|null, ...]} in the order asked. */
static void several(emu_call *c, emu_type t, size_t max, object_writer write)
{
    emu_view v;
    size_t count, *idx, n;
    if (emu_ids_count(c, max, &count) < 0 || emu_view_init(&v, c) < 0 ||
        emu_ids_resolve(c, t, count, 1, &idx, &n) < 0)
        return;
    char key[24];
    snprintf(key, sizeof key, "%ss", emu_type_name(t));
    view_items it = {&v, NULL, write};
    emu_reply_batch(c, key, idx, n, view_item, &it);
    free(idx);
}

static void get_track(emu_call *c)
{
    one(c, EMU_T_TRACK, emu_json_track);
}

static void get_tracks(emu_call *c)
{
    several(c, EMU_T_TRACK, 50, emu_json_track);
}

static void get_album(emu_call *c)
{
    one(c, EMU_T_ALBUM, emu_json_album);
}

static void get_albums(emu_call *c)
{
    several(c, EMU_T_ALBUM, 20, emu_json_album);
}

static void get_artist(emu_call *c)
{
    one(c, EMU_T_ARTIST, emu_json_artist);
}

static void get_artists(emu_call *c)
{
    several(c, EMU_T_ARTIST, 50, emu_json_artist);
}

/* A paging object over items[offset .. offset + limit), each written by @p write. */
static void reply_page(emu_call *c, const emu_view *v, const char *path, long offset, int limit,
                       long total, const size_t *items, object_writer write)
{
    view_items it = {v, items, write};
    emu_reply_page_at(c, path, NULL, limit, offset, total, view_item, &it);
}

static void get_album_tracks(emu_call *c)
{
    size_t album;
    emu_view v;
    int limit;
    long offset;
    if (path_object(c, EMU_T_ALBUM, &album) < 0 || emu_view_init(&v, c) < 0 ||
        emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0)
        return;
    const emu_album *al = &c->ctx->cat->albums[album];
    size_t items[256];
    for (unsigned i = 0; i < al->ntracks && i < 256; i++)
        items[i] = al->first_track + i;
    char path[64];
    snprintf(path, sizeof path, "/v1/albums/%s/tracks", emu_param(c, 0));
    reply_page(c, &v, path, offset, limit, al->ntracks, items, emu_json_track_simple);
}

static const char *const groups[] = {"album", "single", "compilation", "appears_on"};

/* include_groups as a bit set over groups[]; -1 on an unknown keyword. */
static int parse_groups(const char *s)
{
    if (!s)
        return 15;
    int set = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        int found = -1;
        for (int g = 0; g < 4; g++)
            if (strlen(groups[g]) == n && strncmp(groups[g], s, n) == 0)
                found = g;
        if (found < 0 && n)
            return -1;
        if (found >= 0)
            set |= 1 << found;
        s += n + (s[n] == ',');
    }
    return set ? set : 15;
}

/* qsort has no context argument; the view of the sorting thread is kept here. */
static _Thread_local const emu_view *sort_view;

/* Spotify lists an artist's albums by group, newest first within a group. */
static int cmp_discography(const void *a, const void *b)
{
    size_t x = *(const size_t *)a >> 2, y = *(const size_t *)b >> 2;
    int gx = (int)(*(const size_t *)a & 3), gy = (int)(*(const size_t *)b & 3);
    if (gx != gy)
        return gx - gy;
    int yx, mx, dx, yy, my, dy;
    emu_album_date(sort_view, x, &yx, &mx, &dx);
    emu_album_date(sort_view, y, &yy, &my, &dy);
    long kx = yx * 10000L + mx * 100 + dx, ky = yy * 10000L + my * 100 + dy;
    return kx != ky ? (kx < ky ? 1 : -1) : (x > y) - (x < y);
}

static void write_discography(jw *w, const emu_view *v, size_t packed)
{
    emu_json_album_simple(w, v, packed >> 2, groups[packed & 3]);
}

static void get_artist_albums(emu_call *c)
{
    size_t artist;
    emu_view v;
    int limit;
    long offset;
    int dev = emu_dev_mode(c);
    if (path_object(c, EMU_T_ARTIST, &artist) < 0 || emu_view_init(&v, c) < 0 ||
        emu_paging_params(c, dev ? 5 : 20, dev ? 10 : 50, 0, &limit, &offset) < 0)
        return;
    int set = parse_groups(emu_query(c, "include_groups"));
    if (set < 0) {
        emu_reply_error(c, 400, "Invalid include_groups");
        return;
    }
    const emu_catalogue *cat = c->ctx->cat;
    const emu_artist *a = &cat->artists[artist];
    size_t nap;
    const uint32_t *ap = emu_artist_appears(cat, artist, &nap);
    size_t *items = malloc((a->nalbums + nap + 1) * sizeof *items), n = 0;
    if (!items) {
        emu_reply_error(c, 500, "Server error");
        return;
    }
    for (size_t i = 0; i < a->nalbums; i++) {
        size_t al = a->first_album + i;
        int g = cat->albums[al].type; /* album, single, compilation: same order as groups[] */
        if (set & (1 << g))
            items[n++] = al << 2 | (size_t)g;
    }
    for (size_t i = 0; (set & 8) && i < nap; i++)
        items[n++] = (size_t)ap[i] << 2 | 3;
    sort_view = &v;
    qsort(items, n, sizeof *items, cmp_discography);
    char path[64];
    snprintf(path, sizeof path, "/v1/artists/%s/albums", emu_param(c, 0));
    reply_page(c, &v, path, offset, limit, (long)n, items, write_discography);
    free(items);
}

static void get_artist_top_tracks(emu_call *c)
{
    size_t artist;
    emu_view v;
    if (path_object(c, EMU_T_ARTIST, &artist) < 0 || emu_view_init(&v, c) < 0)
        return;
    const emu_catalogue *cat = c->ctx->cat;
    const emu_artist *a = &cat->artists[artist];
    size_t top[10], n = 0;
    /* Insertion into a 10-slot list ordered by popularity, ties by catalogue order. */
    for (size_t i = 0; i < a->nalbums; i++) {
        const emu_album *al = &cat->albums[a->first_album + i];
        for (size_t t = al->first_track; t < al->first_track + al->ntracks; t++) {
            if (v.market >= 0 && !emu_album_available(&v, a->first_album + i))
                continue;
            size_t pos = n < 10 ? n++ : 10;
            while (pos > 0 && cat->tracks[top[pos - 1]].popularity < cat->tracks[t].popularity) {
                if (pos < 10)
                    top[pos] = top[pos - 1];
                pos--;
            }
            if (pos < 10)
                top[pos] = t;
        }
    }
    jw w;
    jw_init(&w, 32768);
    jw_obj(&w);
    jw_karr(&w, "tracks");
    for (size_t i = 0; i < n; i++)
        emu_json_track(&w, &v, top[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

const emu_route emu_routes_catalogue[] = {
    {"GET", "/v1/tracks/{id}", get_track, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/tracks", get_tracks, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/albums/{id}", get_album, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/albums", get_albums, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/albums/{id}/tracks", get_album_tracks, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/artists/{id}", get_artist, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/artists", get_artists, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/artists/{id}/albums", get_artist_albums, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/artists/{id}/top-tracks", get_artist_top_tracks, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_catalogue);
